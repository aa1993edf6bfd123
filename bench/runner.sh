#!/usr/bin/env bash
# The learner's path, timed (issue 13), side by side with the figures the issue measured before ("now"),
# in one run, in a fresh clone of this repository (packages come from the local NuGet cache):
#   1. first kata screen on a fresh clone: `dotnet run --project src/KataRunner -- --bench-start`, the whole
#      command (builds the runner, asks MSBuild for the compiler settings, compiles the tests and katas/ in
#      memory, runs K01; --bench-start prints that first screen and exits);
#   2. the same again with nothing changed (the runner's cache in obj/KataRunner/);
#   3. edit → result in the warm runner: `--bench N` (file watcher, debounce, in-memory compile with
#      incremental analyzers, NUnit in-process; per-edit wall ms printed by the runner);
#   4. `dotnet test --filter TestCategory=K01` at the root after a one-line edit of K01 (after one untimed run).
# Each edit appends a comment to katas/K01_EventLoop/TwoWorkers.cs. Writes bench/RUNNER.md.
# Usage: bench/runner.sh [repetitions, default 5]. Run it on an idle machine: under load the figures say little.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
n=${1:-5}
repo=$(pwd)
clone=$(mktemp -d)
trap 'rm -rf "$clone"' EXIT
git clone -q "$repo" "$clone"
file=katas/K01_EventLoop/TwoWorkers.cs
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
seconds() { awk -v ms="$1" 'BEGIN { printf "%.1f s", ms / 1000 }'; }

cd "$clone"
echo "== 1. first screen, fresh clone ($(git rev-parse --short HEAD))"
start=$(now_ms)
dotnet run --project src/KataRunner -- --bench-start >"$clone/cold.log" 2>&1
cold=$(( $(now_ms) - start ))
grep -E '^Preparing|^first screen' "$clone/cold.log" || true
echo "cold: $cold ms"

echo "== 2. first screen again, nothing changed"
warm_runs=()
for i in 1 2 3; do
  start=$(now_ms)
  dotnet run --project src/KataRunner -- --bench-start >"$clone/warm.log" 2>&1
  warm_runs+=($(( $(now_ms) - start )))
done
grep -E '^Preparing' "$clone/warm.log" || echo "(no Preparing line: everything came from the cache)"
warm=$(median "${warm_runs[@]}")
echo "warm: ${warm_runs[*]} ms"

echo "== 3. runner: $n edits in one warm process"
dotnet run --project src/KataRunner -- --bench "$n" K01 | tee "$clone/runner.log" | grep -E '^edit|^median'
mapfile -t runner_ms < <(grep -oE '^edit [0-9]+: [0-9]+ ms' "$clone/runner.log" | sed -E 's/.*: ([0-9]+) ms/\1/')
runner=$(median "${runner_ms[@]}")

echo "== 4. dotnet test --filter TestCategory=K01 at the root: one untimed run, then $n edits"
dotnet test --filter TestCategory=K01 >/dev/null 2>&1 || true
cp "$file" "$clone/TwoWorkers.orig"
test_ms=()
for i in $(seq 1 "$n"); do
  printf '// bench edit %s\n' "$i" >>"$file"
  start=$(now_ms)
  dotnet test --filter TestCategory=K01 >"$clone/test.log" 2>&1 || true
  test_ms+=($(( $(now_ms) - start )))
  echo "edit $i: ${test_ms[-1]} ms"
done
cp "$clone/TwoWorkers.orig" "$file"
grep -q 'K01 EventLoop' "$clone/test.log" || { echo "dotnet test did not print the kata summary:"; tail -n 20 "$clone/test.log"; }
dotnet_test=$(median "${test_ms[@]}")
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
sdk=$(dotnet --version)
cd "$repo"

cat >bench/RUNNER.md <<MD
# The learner's path: start, edit → result, dotnet test

Made by \`bench/runner.sh $n\` on $(date -u '+%Y-%m-%d %H:%M') UTC in a fresh clone; $(nproc) cores; .NET SDK $sdk.
Load average at start: $load_start; at the end: $load_end (figures measured under load say little:
run it on an idle machine). "Before" is what issue 13 measured on this machine, idle.

| | before (issue 13) | this run | goal | each run (ms) |
|---|---:|---:|---:|---|
| first kata screen, fresh clone (\`dotnet run --project src/KataRunner\`, the whole command) | 51 s | **$(seconds "$cold")** | ≤ 20 s | $cold |
| first kata screen again, nothing changed | 19 s | **$(seconds "$warm")** | ≤ 3 s | ${warm_runs[*]} |
| runner, edit → result (median; includes the 50 ms debounce) | 0.5–0.95 s | **${runner} ms** | ≤ 300 ms | ${runner_ms[*]} |
| \`dotnet test --filter TestCategory=K01\` at the root after a one-line edit (median) | 12 s | **$(seconds "$dotnet_test")** | ≤ 8 s | ${test_ms[*]} |
MD
echo
cat bench/RUNNER.md
