#!/usr/bin/env bash
# bench/run.sh --baseline COMMIT [rounds]: this tree against COMMIT, same machine, same run, taking turns.
# Figures: wall and CPU ms of 100,000 concurrent sleeps on the loop (median of three inside each round),
# and µs per one-sleep test (VirtualLoop.Run; median of five batches of 1,000 inside each round);
# the median over the rounds of each. Writes bench/BASELINE.md.
set -uo pipefail
cd "$(dirname "$0")/.."
base=$1
rounds=$2
out=bench/BASELINE.md
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/base" >/dev/null 2>&1; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/base" "$base" >/dev/null 2>&1 || { echo "cannot check out $base" >&2; exit 1; }
echo "building this tree and $base (Release) ..." >&2
dotnet build -c Release bench/Bench.csproj -nologo -v q >/dev/null || { echo "build failed" >&2; exit 1; }
dotnet build -c Release "$tmp/base/bench/Bench.csproj" -nologo -v q >/dev/null || { echo "baseline build failed" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
sleeps() { dotnet run -c Release --no-build --project "$1" -- --loop-only 100000 2>/dev/null | awk -F'|' '/^\| 100,000/ {gsub(/ /, "", $3); gsub(/ /, "", $4); print $3, $4}'; }
perrun() { dotnet run -c Release --no-build --project "$1" -- --per-run 1000 2>/dev/null | awk -F'|' '/VirtualLoop.Run` \|/ && !/FakeTime/ {gsub(/ /, "", $3); print $3}'; }
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
loads=()
for r in $(seq "$rounds"); do
  echo "round $r of $rounds ..." >&2
  loads+=("$(load)")
  sleeps bench >>"$tmp/sleeps.this"; sleeps "$tmp/base/bench" >>"$tmp/sleeps.base"
  perrun bench >>"$tmp/perrun.this"; perrun "$tmp/base/bench" >>"$tmp/perrun.base"
done
loads+=("$(load)")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "?"}'; }
w_this=$(cut -d' ' -f1 "$tmp/sleeps.this" | median); w_base=$(cut -d' ' -f1 "$tmp/sleeps.base" | median)
c_this=$(cut -d' ' -f2 "$tmp/sleeps.this" | median); c_base=$(cut -d' ' -f2 "$tmp/sleeps.base" | median)
p_this=$(median <"$tmp/perrun.this"); p_base=$(median <"$tmp/perrun.base")
{
  echo "# This tree against a baseline commit"
  echo
  echo "Made by \`bench/run.sh --baseline $base $rounds\` on $(date -u '+%Y-%m-%d %H:%M UTC'): this tree ($(git rev-parse --short HEAD)$(git diff --quiet || echo ', with uncommitted changes')) and"
  echo "$(git rev-parse --short "$base") taking turns, $rounds round(s), $(nproc) cores. Load average (1, 5, 15 min) at each round's start and at the end:"
  echo "$(printf '%s; ' "${loads[@]}")"
  echo
  echo "| figure | this tree | baseline | ratio |"
  echo "|---|---:|---:|---:|"
  echo "| 100,000 concurrent sleeps, wall (ms) | $w_this | $w_base | $(ratio "$w_this" "$w_base") |"
  echo "| 100,000 concurrent sleeps, process CPU (ms) | $c_this | $c_base | $(ratio "$c_this" "$c_base") |"
  echo "| one-sleep test per run, \`VirtualLoop.Run\` (µs) | $p_this | $p_base | $(ratio "$p_this" "$p_base") |"
  echo
  echo "Each cell: the median over the rounds (each round's figure is itself a median: bench/Program.cs, bench/PerRun.cs)."
  echo "Per-round figures: sleeps wall/CPU this $(tr '\n' ';' <"$tmp/sleeps.this") base $(tr '\n' ';' <"$tmp/sleeps.base"); per run this $(tr '\n' ' ' <"$tmp/perrun.this")base $(tr '\n' ' ' <"$tmp/perrun.base")."
} >"$out"
cat "$out"
