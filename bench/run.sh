#!/usr/bin/env bash
# One command, one run on this machine; writes bench/RESULTS.md (and prints it).
#   bench/run.sh [path/to/article_examples.py]
# 1. the solutions test run: wall seconds against the virtual seconds its programs covered, per kata;
# 2. the article's own programs on real Python, if python3 and the script are there, and the ratio;
# 3. the virtual loop against a plain FakeTimeProvider on 1,000 / 10,000 / 100,000 concurrent sleeps.
set -uo pipefail
cd "$(dirname "$0")/.."
article=${1:-../shared/article/python/article_examples.py}
out=bench/RESULTS.md
tmp=$(mktemp -d)

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //')
{
  echo "# Benchmark results"
  echo
  echo "Made by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) cores, $(free -g 2>/dev/null | awk '/Mem:/{print $2}') GiB memory, $(uname -sr);"
  echo ".NET SDK $(dotnet --version); load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)."
  echo
} >"$out"

echo "building ..." >&2
dotnet build tests/Tests.csproj -p:Solutions=true -nologo -v q >/dev/null || { echo "build failed" >&2; exit 1; }

echo "timing the solutions test run ..." >&2
start=$(date +%s.%N)
KATAS_TIMING_LOG="$tmp/timing.tsv" dotnet test tests/Tests.csproj -p:Solutions=true --no-build >"$tmp/test.txt" 2>&1
end=$(date +%s.%N)
summary=$(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+, Total: +[0-9]+' "$tmp/test.txt" | tail -n 1)
wall=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')
virtual_ms=$(awk -F'\t' '{s += $4} END {print s + 0}' "$tmp/timing.tsv")
{
  echo "## 1. The solutions test run"
  echo
  echo "\`dotnet test -p:Solutions=true --no-build\`: $(printf '%.1f' "$wall") s of wall time for the whole command ($summary)."
  echo "Its programs covered $(awk -v v="$virtual_ms" 'BEGIN {printf "%.1f", v / 1000}') s of virtual time."
  echo
  echo "| kata | loop runs | wall time inside the loop (ms) | virtual time covered (s) |"
  echo "|---|---:|---:|---:|"
  awk -F'\t' '{n[$2]++; w[$2]+=$3; v[$2]+=$4} END {for (k in n) printf "| %s | %d | %.1f | %.3f |\n", k, n[k], w[k], v[k]/1000}' "$tmp/timing.tsv" | sort
  echo
  echo "(The Harness rows include the learner-mistake tests, which wait out real-time guards on purpose.)"
  echo
} >>"$out"

echo "## 2. The article's programs on real Python" >>"$out"
echo >>"$out"
if command -v python3 >/dev/null && [ -f "$article" ]; then
  echo "running the article's programs on real Python (about a minute) ..." >&2
  pstart=$(date +%s.%N)
  python3 "$article" >"$tmp/python.txt" 2>&1
  pend=$(date +%s.%N)
  pwall=$(awk -v a="$pstart" -v b="$pend" 'BEGIN {printf "%.3f", b - a}')
  {
    echo "\`python3 $(basename "$article")\` ($(python3 --version 2>&1)): $(printf '%.1f' "$pwall") s of wall time."
    echo "The C# solutions run the same examples on the virtual clock (plus their extra tests) in $(printf '%.1f' "$wall") s:"
    echo "**$(awk -v p="$pwall" -v w="$wall" 'BEGIN {printf "%.1f", p / w}')×** faster, with no timing jitter."
  } >>"$out"
else
  echo "Skipped: python3 or $article is not here." >>"$out"
fi
echo >>"$out"

echo "timing the virtual loop against a plain FakeTimeProvider ..." >&2
{
  echo "## 3. Concurrent sleeps: the virtual loop against a plain FakeTimeProvider"
  echo
  echo "n tasks each sleep on the clock until a distinct due time (1 ms apart) and are counted when"
  echo "they wake. The virtual loop keeps its own timer queue (ordered by due time, then creation) and"
  echo "jumps from due time to due time. A plain FakeTimeProvider must be advanced due time by due time"
  echo "to see each wake-up at its own time, and each Advance scans every waiting timer."
  echo
  dotnet run -c Release --project bench -- 1000 10000 100000 2>/dev/null
  echo
  echo "Wall times in milliseconds, Release build, one run each after a warm-up."
} >>"$out"
rm -rf "$tmp"
cat "$out"
