#!/usr/bin/env bash
# Runs each kata's Python program and compares what it prints with the kata's expected output. The
# katas and where each program is come from katas/katas.json ("python"): "README.md" is the README's
# first ```python block, with the snapshot(s) named in the HTML comment right before the block:
#
#   <!-- output: TwoWorkersTests.TwoWorkers_TakeTurns_OnOneLoop -->
#   ```python
#   ...
#   ```
#
# a .py file in the kata's folder names them in a comment line of its own: `# output: Name + Name`.
# Several snapshots joined with " + " mean the program prints them one after the other. A snapshot
# `Name` is the file `Name.verified.txt` anywhere under tests/. The programs run together (several
# sleep for real: about 20 s in all).
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

# "folder program" per kata of the manifest (only the ids given, when some are).
katas=$(python3 - "$@" <<'PY'
import json, sys
wanted = set(sys.argv[1:])
for kata in json.load(open("katas/katas.json", encoding="utf-8"))["katas"]:
    if not wanted or kata["id"] in wanted:
        print(kata["folder"], kata.get("python", "README.md"))
PY
) || { echo "check-python: katas/katas.json cannot be read"; echo "0 passed, 1 failed"; exit 1; }
if [ -z "$katas" ]; then echo "check-python: no kata of katas/katas.json matches: $*"; echo "0 passed, 1 failed"; exit 1; fi

# Extract each program (a README's first python block, or a .py file) and its snapshot names; start them.
readmes=()
while read -r kata program; do
  readme="katas/$kata/$program"
  readmes+=("$readme")
  if [ "$program" != "README.md" ]; then
    if [ -f "$readme" ]; then
      cp "$readme" "$work/$kata.py"
      sed -n 's/^# output:[ ]*//p' "$readme" | head -n 1 >"$work/$kata.names"
    fi
  else
    awk -v prog="$work/$kata.py" -v names="$work/$kata.names" '
      /<!-- output:/ { line = $0; sub(/.*<!-- output:[ ]*/, "", line); sub(/[ ]*-->.*/, "", line); pending = line; next }
      !done && !inside && /^```python[ ]*$/ { inside = 1; print pending > names; printf "" > prog; next }
      inside && /^```[ ]*$/ { inside = 0; done = 1; next }
      inside { print > prog }
      !inside && !/^[ ]*$/ { pending = "" }
    ' "$readme"
  fi
  [ -s "$work/$kata.py" ] || continue
  # One program at a time: they run on the real clock, and two timers due at the same moment (K18's two failures at
  # 2 s) fire in one turn of asyncio's loop only if nothing else delays the program between arming them. Run side by
  # side, 23 programs on two cores did, now and then, and K18 printed "cancelled stock" instead of its second failure.
  (cd "$work" && PYTHONIOENCODING=utf-8 PYTHONDONTWRITEBYTECODE=1 \
    timeout 120 python3 "$kata.py" >"$kata.out" 2>"$kata.err"; echo $? >"$kata.rc")
done <<<"$katas"

passed=0
failed=0
for readme in "${readmes[@]}"; do
  kata=$(basename "$(dirname "$readme")")
  if [ ! -s "$work/$kata.py" ]; then
    echo "FAIL $kata: $readme does not exist or has no \`\`\`python block"
    failed=$((failed + 1)); continue
  fi
  names=$(cat "$work/$kata.names" 2>/dev/null)
  if [ -z "$names" ]; then
    echo "FAIL $kata: no '<!-- output: Snapshot -->' comment right before the python block of $readme (in a .py file: a line '# output: Snapshot')"
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
