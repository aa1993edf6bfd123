#!/usr/bin/env bash
# Edit → result for one kata (K01): the warm kata runner against `dotnet test --filter TestCategory=K01`,
# side by side in one run. Each repetition appends a comment to katas/K01_EventLoop/TwoWorkers.cs and
# measures the wall time until the result is there:
#   - runner: `KataRunner --bench N` (a warm process; its file watcher, 150 ms debounce, in-memory
#     compile with analyzers and in-process NUnit run; per-edit wall ms printed by the runner);
#   - dotnet test: the whole command, after the edit.
# The file is restored at the end. Writes bench/RUNNER.md. Usage: bench/runner.sh [repetitions, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
n=${1:-5}
file=katas/K01_EventLoop/TwoWorkers.cs
backup=$(mktemp)
cp "$file" "$backup"
trap 'cp "$backup" "$file"; rm -f "$backup"; find tests -name "*.received.txt" -delete' EXIT
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== building the runner (Release) and warming dotnet test (not timed)"
dotnet build src/KataRunner/KataRunner.csproj -c Release -nologo -v q >/dev/null
dotnet test tests/Tests.csproj --filter TestCategory=K01 >/dev/null 2>&1 || true

echo "== runner: $n edits in one warm process"
runner_log=$(mktemp)
dotnet src/KataRunner/bin/Release/net10.0/KataRunner.dll --bench "$n" K01 | tee "$runner_log" | grep -E '^edit|^median'
mapfile -t runner_ms < <(grep -oE '^edit [0-9]+: [0-9]+ ms' "$runner_log" | sed -E 's/.*: ([0-9]+) ms/\1/')
memory=$(grep -oE 'memory [0-9.]+ MiB' "$runner_log" | sed -E 's/memory //' | sed -n '1p;$p' | paste -sd, -)

echo "== dotnet test --filter TestCategory=K01: $n edits"
test_ms=()
for i in $(seq 1 "$n"); do
  printf '// bench edit %s\n' "$i" >>"$file"
  start=$(date +%s%N)
  dotnet test tests/Tests.csproj --filter TestCategory=K01 >/dev/null 2>&1 || true
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  test_ms+=("$ms")
  echo "edit $i: $ms ms"
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
runner_median=$(median "${runner_ms[@]}")
test_median=$(median "${test_ms[@]}")
ratio=$(awk -v a="$test_median" -v b="$runner_median" 'BEGIN { printf "%.1f", a / b }')
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

cat >bench/RUNNER.md <<MD
# Kata runner: edit → result

Made by \`bench/runner.sh $n\` on $(date -u '+%Y-%m-%d %H:%M') UTC; $(nproc) cores; .NET SDK $(dotnet --version).
Load average at start: $load_start; at the end: $load_end (the machine is shared: compare the two
columns of one run, not runs on different days).

Each edit appends a comment to \`$file\`; the time runs from the write to the result.

| | median | each edit (ms) |
|---|---:|---|
| kata runner (warm; file watcher, 150 ms debounce, in-memory compile with analyzers, NUnit in-process) | **${runner_median} ms** | ${runner_ms[*]} |
| \`dotnet test tests/Tests.csproj --filter TestCategory=K01\` | **${test_median} ms** | ${test_ms[*]} |

The runner is **${ratio}×** faster from edit to result. Managed memory after each edit's run (first, last): ${memory:-n/a}.
MD
echo
cat bench/RUNNER.md
