#!/usr/bin/env bash
# The learner's path, timed beside a baseline commit in the same run on the same machine (bench/RUNNER.md
# says how to read it). Two fresh checkouts (git worktrees, nothing built: a fresh clone; packages come
# from the local NuGet cache): the baseline commit and HEAD (commit your changes first). In each round,
# each figure is taken on both, one after the other (the order alternates from round to round, so that a
# change of load hits both alike), with the 1-minute load average read before each measurement:
#   cold   first kata screen on a fresh clone: `dotnet run --project src/KataRunner` in an 80x24 pty until the
#          keys footer is drawn (bench/screen_time.py), after `git clean -xdf` (the whole command: build + start);
#   warm   the same again, nothing changed (twice per round);
#   first  the runner's process alone (its built apphost), from spawn to the first visible character on the
#          terminal, and how long a key (l) pressed then waits for the screen to change;
#   edit   edit → result in the warm runner (`--bench E K01`: file watcher, debounce, in-memory compile, NUnit
#          in-process; the runner prints each edit's wall ms and its compile ms);
#   test   `dotnet test --filter TestCategory=K01` at the root after a one-line edit of K01 (after one untimed run).
# Every figure is printed beside the baseline's, with the ratio of the medians and the load range.
# Usage: bench/runner.sh [--baseline REV (default 0d51aa3)] [--rounds R (default 3)] [--edits E (default 5)]
#                        [--out FILE (default bench/RUNNER.md)] [--marker NAME (default figures; figures-loaded with --load)]
#                        [--load: as tools/stress.sh --load, one spinning process per core for the whole run]
# Writes the figures into FILE, between its <!-- NAME --> and <!-- /NAME --> markers, and prints them.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
baseline=0d51aa3 rounds=3 edits=5 out=bench/RUNNER.md marker=figures spin=
while [ $# -gt 0 ]; do
  case $1 in
    --baseline) baseline=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --edits) edits=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --marker) marker=$2; shift 2 ;;
    --load) spin=1; [ "$marker" = figures ] && marker=figures-loaded; shift ;;
    *) echo "usage: bench/runner.sh [--baseline REV] [--rounds R] [--edits E] [--out FILE] [--marker NAME] [--load]" >&2; exit 2 ;;
  esac
done
repo=$(pwd)
work=$(mktemp -d)
base_rev=$(git rev-parse --short "$baseline") this_rev=$(git rev-parse --short HEAD)
spinners=()
cleanup() {
  [ ${#spinners[@]} -gt 0 ] && kill "${spinners[@]}" 2>/dev/null
  for t in base this; do git -C "$repo" worktree remove --force "$work/$t" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
git worktree add -q --detach "$work/base" "$base_rev"
git worktree add -q --detach "$work/this" "$this_rev"
[ -n "$(git status --porcelain --untracked-files=no)" ] && echo "note: uncommitted changes are not measured (HEAD is $this_rev)" >&2
timer="$repo/bench/screen_time.py"
# The kata screen's keys footer, on the baseline and now ("h hint · n next · p previous · l list · r re-run · q quit" and
# "… · t lanes · r re-run · q quit"). Not "q quit" alone: the preparing screen's footer ("l list · q quit · the kata opens
# when the runner is ready") has it too, and until 2026-12-07 the figures of newer runners timed that screen instead.
footer='r re-run · q quit'
file=katas/K01_EventLoop/TwoWorkers.cs

load() { cut -d' ' -f1 /proc/loadavg; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# record TREE FIGURE VALUE...: appends values to $work/TREE.FIGURE, and the load to $work/load.FIGURE
record() { local tree=$1 fig=$2; shift 2; printf '%s\n' "$@" >>"$work/$tree.$fig"; }
note_load() { load >>"$work/load.$1"; }

cold() { # tree
  local t=$work/$1
  git -C "$t" clean -xdfq
  note_load cold
  local r; r=$(python3 "$timer" "$t" "$footer" -- dotnet run --project src/KataRunner) || true
  record "$1" cold "$(sed -nE 's/.*screen=([0-9]+).*/\1/p' <<<"$r")"
  echo "  $1 cold: $r"
}
warm() { # tree
  local t=$work/$1 r
  for _ in 1 2; do
    note_load warm
    r=$(python3 "$timer" "$t" "$footer" -- dotnet run --project src/KataRunner) || true
    record "$1" warm "$(sed -nE 's/.*screen=([0-9]+).*/\1/p' <<<"$r")"
    echo "  $1 warm: $r"
  done
}
first() { # tree: the runner's own process, built by the runs above
  local t=$work/$1 exe r
  exe=$(ls "$t"/src/KataRunner/bin/Debug/net*/KataRunner 2>/dev/null | head -n 1)
  [ -x "$exe" ] || { echo "  $1: no built runner"; return; }
  note_load first
  r=$(python3 "$timer" --key l --key-pattern "K05" "$t" "$footer" -- "$exe") || true
  record "$1" first "$(sed -nE 's/.*first=([0-9]+).*/\1/p' <<<"$r")"
  record "$1" key "$(sed -nE 's/.*key=([0-9]+).*/\1/p' <<<"$r")"
  echo "  $1 process: $r"
}
edit() { # tree
  local t=$work/$1 log=$work/$1.bench.log
  note_load edit
  (cd "$t" && dotnet run --project src/KataRunner -- --bench "$edits" K01 >"$log" 2>&1) || { echo "  $1: --bench failed"; tail -n 5 "$log"; return; }
  mapfile -t ms < <(sed -nE 's/^edit [0-9]+: ([0-9]+) ms.*/\1/p' "$log")
  mapfile -t run < <(sed -nE 's/^edit [0-9]+: .*compile ([0-9]+) ms \+ tests.*/\1/p' "$log")
  # Only newer runners print the run's two parts: [compile C ms, tests T ms].
  mapfile -t compile < <(sed -nE 's/^edit [0-9]+: .*\[compile ([0-9]+) ms, tests [0-9]+ ms\].*/\1/p' "$log")
  mapfile -t tests < <(sed -nE 's/^edit [0-9]+: .*\[compile [0-9]+ ms, tests ([0-9]+) ms\].*/\1/p' "$log")
  record "$1" edit "${ms[@]}"
  record "$1" run "${run[@]}"
  [ ${#compile[@]} -gt 0 ] && record "$1" compile "${compile[@]}"
  [ ${#tests[@]} -gt 0 ] && record "$1" tests "${tests[@]}"
  echo "  $1 edit → result: ${ms[*]} ms (run: ${run[*]}; compile ${compile[*]:-?}; tests ${tests[*]:-?})"
}
dtest() { # tree
  local t=$work/$1 start ms=()
  (cd "$t" && dotnet test --filter TestCategory=K01 >/dev/null 2>&1) || true
  cp "$t/$file" "$work/$1.orig"
  for i in $(seq 1 "$edits"); do
    printf '// bench edit %s\n' "$i" >>"$t/$file"
    note_load test
    start=$(now_ms)
    (cd "$t" && dotnet test --filter TestCategory=K01 >"$work/$1.test.log" 2>&1) || true
    ms+=($(( $(now_ms) - start )))
  done
  cp "$work/$1.orig" "$t/$file"
  record "$1" test "${ms[@]}"
  echo "  $1 dotnet test after an edit: ${ms[*]} ms"
}

if [ -n "$spin" ]; then
  for _ in $(seq "$(nproc)"); do ( while :; do :; done ) & spinners+=($!); done
  echo "load: $(nproc) spinning processes for the whole run (as tools/stress.sh --load)"
fi
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order="base this"; else order="this base"; fi
  echo "== round $round of $rounds ($order; load $(load))"
  for step in cold warm first edit dtest; do
    for tree in $order; do "$step" "$tree"; done
  done
done
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

# values TREE FIGURE: the recorded values, in order, space-separated ("" when none)
values() { grep -E '^[0-9]+' "$work/$1.$2" 2>/dev/null | tr '\n' ' ' | sed 's/ $//'; }
median() { tr ' ' '\n' <<<"$1" | grep -E '^[0-9]' | sort -n | awk '{a[NR]=$1} END {if (NR) print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
cell() { # values
  local m; m=$(median "$1")
  [ -z "$m" ] && { echo "—"; return; }
  if [ "$m" -ge 10000 ]; then awk -v v="$m" 'BEGIN {printf "%.1f s", v / 1000}'; else echo "$m ms"; fi
}
ratio() { # base-values this-values
  local b t; b=$(median "$1"); t=$(median "$2")
  if [ -n "$b" ] && [ -n "$t" ] && [ "$b" -gt 0 ]; then awk -v b="$b" -v t="$t" 'BEGIN {printf "%.2f×", t / b}'; else echo "—"; fi
}
loads() { sort -n "$work/load.$1" 2>/dev/null | awk 'NR==1 {lo=$1} {hi=$1} END {if (NR) printf "%s–%s", lo, hi; else print "—"}'; }
row() { # figure load-figure label goal
  local b t; b=$(values base "$1"); t=$(values this "$1")
  echo "| $3 | $(cell "$b") | **$(cell "$t")** | $(ratio "$b" "$t") | $(loads "$2") | $4 | ${b:-—} | ${t:-—} |"
}
table=$(cat <<MD
Made by \`bench/runner.sh --baseline $base_rev --rounds $rounds --edits $edits${spin:+ --load}\` on $(date -u '+%Y-%m-%d %H:%M') UTC: baseline
$base_rev against $this_rev, both built from fresh worktrees in this run; $(nproc) cores; .NET SDK $(dotnet --version).${spin:+ Under load: $(nproc) processes spinning on the CPU all through the run, as tools/stress.sh --load.}
Load average (1, 5, 15 min) at the start: $load_start; at the end: $load_end. UseSharedCompilation in the environment:
${UseSharedCompilation:-unset} (false: every build starts a cold compiler instead of the compiler server a learner's machine keeps warm).

| | baseline $base_rev (median) | $this_rev (median) | ratio | 1-min load during it | goal | baseline, each run (ms) | $this_rev, each run (ms) |
|---|---:|---:|---:|---|---|---|---|
$(row cold cold "first kata screen, fresh clone (\`dotnet run --project src/KataRunner\`, the whole command)" "≤ 20 s")
$(row warm warm "first kata screen again, nothing changed" "≤ 3 s")
$(row first first "runner process start → first character on screen" "≤ 1 s")
$(row key first "a key pressed then (l) → the screen answers" "≤ 200 ms")
$(row edit edit "runner, edit → result (includes the debounce)" "≤ 300 ms and ≤ 0.5× baseline")
$(row run edit "… of which the run: in-memory compile and tests" "")
$(row compile edit "… … the in-memory compile (newer runners print it)" "")
$(row tests edit "… … the tests, in the runner's test process (newer runners print it)" "")
$(row test test "\`dotnet test --filter TestCategory=K01\` at the root after a one-line edit" "≤ 0.5× baseline")
MD
)
if [ -f "$out" ] && grep -q "<!-- $marker -->" "$out"; then
  python3 - "$out" "$table" "$marker" <<'PY'
import sys, re
path, table, marker = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
text = re.sub(rf"<!-- {marker} -->.*?<!-- /{marker} -->", lambda m: f"<!-- {marker} -->\n" + table + f"\n<!-- /{marker} -->", text, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
else
  printf '%s\n' "$table" >"$out"
fi
echo
printf '%s\n' "$table"
