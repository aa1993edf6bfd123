#!/usr/bin/env bash
# One command, one run on this machine, beside a baseline commit measured in the same run; writes
# bench/RESULTS.md (and prints it).
#   bench/run.sh [--baseline REV (default 0d51aa3)] [path/to/article_examples.py]
# HEAD and the baseline are checked out into two git worktrees; each is measured in turn (HEAD, the
# baseline, in one run, with the load average read before each part), then every figure of HEAD's report
# is shown beside the baseline's ("HEAD (baseline B, ratio ×)"). A figure is never set beside one
# measured elsewhere. Per tree:
# 1. the solutions test run: wall seconds against the virtual seconds its programs covered, per kata;
# 2. the article's own programs on real Python, if python3 and the script are there, and the ratio;
# 3. the virtual loop against a plain FakeTimeProvider on 1,000 / 10,000 / 100,000 / 1,000,000 concurrent sleeps;
# 4. what one small test costs: a one-sleep program on the loop against the same test on a plain FakeTimeProvider.
# PARTS="3 4" bench/run.sh … measures only those parts (default: all four), e.g. the loop's own overhead alone.
set -uo pipefail
cd "$(dirname "$0")/.."
baseline=0d51aa3
if [ "${1:-}" = "--baseline" ]; then baseline=$2; shift 2; fi
repo=$(pwd)
article=$(realpath -m "${1:-../shared/article/python/article_examples.py}")
out=bench/RESULTS.md
work=$(mktemp -d)
cleanup() {
  for t in base this; do git -C "$repo" worktree remove --force "$work/$t" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
base_rev=$(git rev-parse --short "$baseline") this_rev=$(git rev-parse --short HEAD)
git worktree add -q --detach "$work/base" "$base_rev"
git worktree add -q --detach "$work/this" "$this_rev"
# The katas, and those whose expected output is the article's, from HEAD's katas/katas.json (the same filters for both trees).
manifest() { python3 -c "import json; katas = json.load(open('$repo/katas/katas.json', encoding='utf-8'))['katas']; print($1)"; }
kata_ids=$(manifest "' '.join(k['id'] for k in katas)")
article_filter="TestCategory!=Support$(manifest "''.join('&TestCategory!=' + k['id'] for k in katas if k['article'] == 'beyond')")"
cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //')

# measure TREE REPORT: the whole report of one tree, measured in its worktree.
measure() {
local out=$2 tmp
tmp=$(mktemp -d)
cd "$work/$1" || return 1
echo "== measuring $1 ($(git rev-parse --short HEAD)); load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
: >"$out"
want() { case " ${PARTS:-1 2 3 4} " in *" $1 "*) return 0;; esac; return 1; }
if want 1 || want 2; then
echo "building ..." >&2
dotnet build tests/Tests.csproj -p:Solutions=true -nologo -v q >/dev/null || { echo "build failed" >&2; return 1; }

# Wall seconds of one `dotnet test --no-build` (host start-up included) and VSTest's own duration.
time_tests() { # label filter
  local log="$tmp/test-$1.txt" s e
  s=$(date +%s.%N)
  if [ -n "$2" ]; then
    KATAS_TIMING_LOG="$tmp/timing-$1.tsv" dotnet test tests/Tests.csproj -p:Solutions=true --no-build --filter "$2" >"$log" 2>&1
  else
    KATAS_TIMING_LOG="$tmp/timing-$1.tsv" dotnet test tests/Tests.csproj -p:Solutions=true --no-build >"$log" 2>&1
  fi
  e=$(date +%s.%N)
  wall=$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.2f", b - a}')
  duration=$(grep -oE 'Duration: [0-9.]+ m?s' "$log" | tail -n 1 | sed 's/Duration: //')
  counts=$(grep -oE 'Passed: +[0-9]+' "$log" | tail -n 1 | grep -oE '[0-9]+')
  virtual=$(awk -F'\t' '{s += $4} END {printf "%.2f", s / 1000}' "$tmp/timing-$1.tsv" 2>/dev/null || echo 0)
}

echo "timing the solutions test runs ..." >&2
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
time_tests all ""
all_wall=$wall; all_duration=$duration; all_counts=$counts; all_virtual=$virtual
time_tests article "$article_filter"
article_wall=$wall; article_duration=$duration; article_counts=$counts; article_virtual=$virtual
{
  echo "## 1. The solutions test run"
  echo
  echo "Load average before it: $load_before."
  echo
  echo "| run | tests | wall time of the command | VSTest's duration | virtual time covered |"
  echo "|---|---:|---:|---:|---:|"
  echo "| \`dotnet test -p:Solutions=true --no-build\` (everything) | $all_counts | ${all_wall} s | $all_duration | ${all_virtual} s |"
  echo "| the article's katas only (\"article\" in katas/katas.json) | $article_counts | ${article_wall} s | $article_duration | ${article_virtual} s |"
  echo
  harness_virtual=$(awk -F'\t' '$2 == "Support" {s += $4} END {printf "%.0f", s / 1000}' "$tmp/timing-all.tsv")
  echo "The whole run includes the kata support's own tests (${harness_virtual} s of their virtual time, most of it"
  echo "endless programs stopped at the 24 h horizon). The library's tests are a project of their own"
  echo "(src/VirtualTimeLoop.Tests). Per kata (\`--filter TestCategory=Kxx\`):"
  echo
  echo "| kata | tests | VSTest's duration | virtual time covered (s) |"
  echo "|---|---:|---:|---:|"
} >>"$out"
for id in $kata_ids; do
  echo "  $id ..." >&2
  time_tests "$id" "TestCategory=$id"
  echo "| $id | $counts | $duration | $virtual |" >>"$out"
done
echo >>"$out"

echo "## 2. The article's programs on real Python" >>"$out"
echo >>"$out"
if command -v python3 >/dev/null && [ -f "$article" ]; then
  echo "running the article's programs on real Python (about a minute) ..." >&2
  pstart=$(date +%s.%N)
  python3 "$article" >"$tmp/python.txt" 2>&1
  pend=$(date +%s.%N)
  pwall=$(awk -v a="$pstart" -v b="$pend" 'BEGIN {printf "%.1f", b - a}')
  {
    echo "\`python3 $(basename "$article")\` ($(python3 --version 2>&1)) runs the article's examples as written: ${pwall} s."
    echo "The C# tests of the same examples (K01–K13, with their extra checks) take ${article_wall} s for the whole"
    echo "\`dotnet test\` command (VSTest's duration $article_duration): **$(awk -v p="$pwall" -v w="$article_wall" 'BEGIN {printf "%.0f", p / w}')×** less wall time, every line at its exact virtual time."
  } >>"$out"
else
  echo "Skipped: python3 or $article is not here." >>"$out"
fi
echo >>"$out"
fi # parts 1 and 2

if want 3; then

echo "timing the virtual loop against a plain FakeTimeProvider ..." >&2
{
  echo "## 3. Concurrent sleeps: the virtual loop against a plain FakeTimeProvider"
  echo
  echo "n tasks each sleep on the clock until a distinct due time (1 ms apart) and are counted when"
  echo "they wake. The virtual loop keeps its own timer heap (ordered by due time, then arming order)"
  echo "and jumps from due time to due time. A plain FakeTimeProvider must be advanced due time by due"
  echo "time to see each wake-up at its own time, and each Advance scans every waiting timer."
  echo
  dotnet run -c Release --project bench -- 1000 10000 100000 1000000 2>/dev/null
  echo
  echo "Virtual loop: the median of three runs after a warm-up (wall time, and the process's CPU time"
  echo "during the run); plain FakeTimeProvider: one run after a warm-up, skipped where its n² growth"
  echo "would take over a minute. Release build, milliseconds, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)."
} >>"$out"
fi
if want 4; then
echo "timing one small test on the loop against a plain FakeTimeProvider ..." >&2
{
  echo
  echo "## 4. One small test: the virtual loop against a plain FakeTimeProvider"
  echo
  echo "A test whose program sleeps one virtual second: on the loop (each run a loop of its own, checked"
  echo "for Completed), and the same test on a plain FakeTimeProvider (start the delay, Advance one second"
  echo "by hand, check it completed), in the same process."
  echo
  dotnet run -c Release --project bench -- --per-run 1000 2>/dev/null
  echo
  echo "Release build, microseconds per test, load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)."
} >>"$out"
fi
rm -rf "$tmp"
cd "$repo"
}

measure this "$work/this.md" || exit 1
measure base "$work/base.md" || echo "the baseline's report is incomplete: its figures are missing below" >&2
{
  echo "# Benchmark results"
  echo
  echo "Made by \`bench/run.sh --baseline $base_rev\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $this_rev beside the baseline $base_rev,"
  echo "both measured in this run on this machine (each figure: $this_rev's, then the baseline's and the ratio $this_rev / baseline)."
  echo "Machine: ${cpu:-unknown CPU}, $(nproc) cores, $(free -g 2>/dev/null | awk '/Mem:/{print $2}') GiB memory, $(uname -sr);"
  echo ".NET SDK $(dotnet --version); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)."
  echo
  python3 "$repo/bench/side_by_side.py" "$work/this.md" "$work/base.md"
} >"$out"
cat "$out"
