#!/usr/bin/env bash
# Parity of the kata runner with `dotnet test` (issue 8): runs the tests with `dotnet test` against
# katas/ as shipped and against solutions/, writing a TRX file for each, then runs the runner's parity
# tests (src/KataRunner.Tests) with them: ParityTests runs the same tests in the runner's engine and
# compares the outcome test by test; the others drive the engine headless. Ends with
# "N passed, N failed" for that run.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "== dotnet test against katas/ (as shipped) and solutions/: TRX files"
dotnet test tests/Tests.csproj --logger "trx;LogFileName=$out/katas.trx" >"$out/katas.log" 2>&1
dotnet test tests/Tests.csproj -p:Solutions=true --logger "trx;LogFileName=$out/solutions.trx" >"$out/solutions.log" 2>&1
# The expected failures wrote .received.txt files; they are not news.
find tests -name '*.received.txt' -delete
for mode in katas solutions; do
  if [ ! -s "$out/$mode.trx" ]; then
    tail -n 30 "$out/$mode.log"
    echo "no TRX file for $mode"
    echo "0 passed, 1 failed"
    exit 1
  fi
done

echo "== the runner's tests; ParityTests: the engine, test by test against those files"
# In three test hosts: the engine's heaviest users (ParityTests, EngineTests, ChineseScreenTests) each load and
# unload a load context per run, and hosts that do crash now and then (a runtime crash, open; see
# tools/check-processor-counts.sh). A crashed host is said loudly and its part run again, up to three times in all.
parts=("FullyQualifiedName~ParityTests" "FullyQualifiedName~EngineTests|FullyQualifiedName~ChineseScreenTests"
  "FullyQualifiedName!~ParityTests&FullyQualifiedName!~EngineTests&FullyQualifiedName!~ChineseScreenTests")
runner_tests() { # $1: the part's filter, $2: its log
  KATAS_PARITY_TRX_KATAS="$out/katas.trx" KATAS_PARITY_TRX_SOLUTIONS="$out/solutions.trx" \
    dotnet test src/KataRunner.Tests/KataRunner.Tests.csproj --filter "$1" --logger "console;verbosity=normal" >"$2" 2>&1
}
status=0 passed=0 failed=0
for i in "${!parts[@]}"; do
  log="$out/runner-$i.log"
  runner_tests "${parts[$i]}" "$log"
  part_status=$?
  for attempt in 2 3; do
    grep -q 'Test host process crashed' "$log" || break
    echo "the runner's test host crashed (a harness crash, not a verdict) in ${parts[$i]}; running that part again (attempt $attempt of 3):"
    grep -E -A 12 'Fatal error' "$log" | head -n 14
    runner_tests "${parts[$i]}" "$log"
    part_status=$?
  done
  find tests -name '*.received.txt' -delete
  grep -E '^parity |^\s+Failed |Error Message|: dotnet test (Passed|Failed|Skipped|absent)' "$log" | head -n 60
  # The console logger's totals: "Passed: N" / "Failed: N" lines (normal verbosity) or the one-line summary.
  p=$(grep -oE '^\s+Passed: +[0-9]+$|Passed: +[0-9]+,' "$log" | tail -n 1 | grep -oE '[0-9]+')
  f=$(grep -oE '^\s+Failed: +[0-9]+$|Failed: +[0-9]+,' "$log" | tail -n 1 | grep -oE '[0-9]+')
  if [ -z "$p" ]; then tail -n 30 "$log"; p=0; f=${f:-1}; fi
  f=${f:-0}
  if [ "$part_status" -ne 0 ] && [ "$f" = "0" ]; then tail -n 30 "$log"; f=1; fi
  passed=$((passed + p)) failed=$((failed + f))
  [ "$part_status" -eq 0 ] || status=1
done
echo "${passed} passed, ${failed} failed"
[ "$status" -eq 0 ]
