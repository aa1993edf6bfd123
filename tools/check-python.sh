#!/usr/bin/env bash
# Runs the Python program that opens each kata README and compares what it prints with the kata's
# expected output, the snapshot(s) named in the HTML comment right before the block:
#
#   <!-- output: TwoWorkersTests.TwoWorkers_TakeTurns_OnOneLoop -->
#   ```python
#   ...
#   ```
#
# Several snapshots joined with " + " mean the program prints them one after the other. A snapshot
# `Name` is the file `Name.verified.txt` anywhere under tests/. Only the first ```python block of a
# README is checked. The programs run together (several sleep for real: about 20 s in all).
# Usage: tools/check-python.sh [K01 K05 ...]   (default: every kata)
# Ends with "N passed, N failed"; exits non-zero on any difference.
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v python3 >/dev/null 2>&1; then
  echo "check-python: python3 is not installed; skipping the README programs."
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

readmes=()
if [ $# -gt 0 ]; then
  for id in "$@"; do readmes+=(katas/"$id"_*/README.md); done
else
  readmes=(katas/K*/README.md)
fi

# Extract each README's first python block and the snapshot names before it; start the programs.
declare -A pids
for readme in "${readmes[@]}"; do
  kata=$(basename "$(dirname "$readme")")
  awk -v prog="$work/$kata.py" -v names="$work/$kata.names" '
    /<!-- output:/ { line = $0; sub(/.*<!-- output:[ ]*/, "", line); sub(/[ ]*-->.*/, "", line); pending = line; next }
    !done && !inside && /^```python[ ]*$/ { inside = 1; print pending > names; printf "" > prog; next }
    inside && /^```[ ]*$/ { inside = 0; done = 1; next }
    inside { print > prog }
    !inside && !/^[ ]*$/ { pending = "" }
  ' "$readme"
  [ -s "$work/$kata.py" ] || continue
  (cd "$work" && PYTHONIOENCODING=utf-8 PYTHONDONTWRITEBYTECODE=1 \
    timeout 120 python3 "$kata.py" >"$kata.out" 2>"$kata.err"; echo $? >"$kata.rc") &
  pids[$kata]=$!
done
wait

passed=0
failed=0
for readme in "${readmes[@]}"; do
  kata=$(basename "$(dirname "$readme")")
  if [ ! -s "$work/$kata.py" ]; then
    echo "FAIL $kata: $readme has no \`\`\`python block"
    failed=$((failed + 1)); continue
  fi
  names=$(cat "$work/$kata.names" 2>/dev/null)
  if [ -z "$names" ]; then
    echo "FAIL $kata: no '<!-- output: Snapshot -->' comment right before the python block of $readme"
    failed=$((failed + 1)); continue
  fi
  : >"$work/$kata.expected"
  missing=""
  IFS='+' read -ra parts <<<"$names"
  for part in "${parts[@]}"; do
    name=$(echo "$part" | xargs)
    file=$(find tests -name "$name.verified.txt" -not -path '*/bin/*' -not -path '*/obj/*' | head -n 1)
    if [ -z "$file" ]; then missing="$missing $name"; else cat "$file" >>"$work/$kata.expected"; fi
  done
  if [ -n "$missing" ]; then
    echo "FAIL $kata: no snapshot file for:$missing"
    failed=$((failed + 1)); continue
  fi
  rc=$(cat "$work/$kata.rc")
  if [ "$rc" != "0" ]; then
    echo "FAIL $kata: python3 exited with $rc"; tail -n 5 "$work/$kata.err" | sed 's/^/    /'
    failed=$((failed + 1)); continue
  fi
  if cmp -s "$work/$kata.expected" "$work/$kata.out"; then
    echo "ok   $kata ($names)"
    passed=$((passed + 1))
  else
    echo "FAIL $kata: the program's output differs from$( [ ${#parts[@]} -gt 1 ] && echo " the snapshots joined" ) (- expected, + printed)"
    diff -u "$work/$kata.expected" "$work/$kata.out" | tail -n +3 | sed 's/^/    /'
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
