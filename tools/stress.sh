#!/usr/bin/env bash
# Runs the solutions suite again and again and fails on any difference between runs: the set of test
# results, and what every program printed at which virtual time (KATAS_RUN_LOG, see tests/Support/RunLog.cs).
#   tools/stress.sh [runs] [--load]      (default 20 runs; --load keeps both cores busy meanwhile)
# The learner-mistake tests are left out: each waits out a real-time guard, and their outcomes are
# covered by the maintainer check.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
load=${2:-}
dir=$(mktemp -d)
filter='FullyQualifiedName!~LearnerMistakeTests'

dotnet build tests/Tests.csproj -p:Solutions=true -nologo -v q >/dev/null || { echo "build failed"; exit 1; }

pids=()
if [ "$load" = "--load" ]; then
  for _ in $(seq "$(nproc)"); do ( while :; do :; done ) & pids+=($!); done
  trap 'kill "${pids[@]}" 2>/dev/null' EXIT
  echo "keeping $(nproc) cores busy with ${#pids[@]} spinning processes"
fi

start=$(date +%s)
different=0
for i in $(seq "$runs"); do
  KATAS_RUN_LOG="$dir/run-$i.log" dotnet test tests/Tests.csproj -p:Solutions=true --no-build --filter "$filter" \
    --logger "console;verbosity=normal" >"$dir/out-$i.txt" 2>&1
  grep -E '^\s+(Passed|Failed|Skipped) ' "$dir/out-$i.txt" | sed -E 's/ \[[^]]*\]$//' | sort >"$dir/results-$i.txt"
  summary="$(grep -cE '^\s+Passed ' "$dir/results-$i.txt") passed, $(grep -cE '^\s+Failed ' "$dir/results-$i.txt") failed"
  if [ "$i" -gt 1 ]; then
    if ! cmp -s "$dir/run-1.log" "$dir/run-$i.log" || ! cmp -s "$dir/results-1.txt" "$dir/results-$i.txt"; then
      different=$((different + 1))
      echo "run $i differs from run 1:"
      diff "$dir/results-1.txt" "$dir/results-$i.txt" | head -n 10
      diff "$dir/run-1.log" "$dir/run-$i.log" | head -n 20
    fi
  fi
  echo "run $i/$runs: $summary"
done
elapsed=$(( $(date +%s) - start ))
lines=$(grep -c '' "$dir/run-1.log" 2>/dev/null || echo 0)
failed_first=$(grep -cE '^\s+Failed ' "$dir/results-1.txt")
echo "stress: $runs runs in ${elapsed}s${load:+ under load}; run log of $lines lines; $different run(s) differed from the first; $failed_first failed test(s) in run 1"
rm -rf "$dir"
[ "$different" -eq 0 ] && [ "$failed_first" -eq 0 ]
