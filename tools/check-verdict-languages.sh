#!/usr/bin/env bash
# Proves that a kata verdict means the same in English and in Chinese: runs the kata tests as shipped
# (katas/, or solutions/ with --solutions) twice, under DOTNET_CLI_UI_LANGUAGE=en and =zh-Hans, and
# compares every test between the two runs:
#   - its outcome (passed, failed, ...);
#   - the failure's kind, the NUnit property tests/Support records (KataFailureKind);
#   - the failure's gist (KataFailureGist) by what it groups, never by its words: two tests share a
#     gist in English exactly when they share one in Chinese (the watch runner groups by it);
#   - the failure's location: the kata files (tests/Kxx_*, katas/Kxx_*) and lines of its stack trace.
# What it reads is NUnit's own result XML (the adapter's TestOutputXml), never a message text.
# With --no-build, the tests are not built first (check.sh has built them).
# Ends with "N passed, N failed" (one line per kata); exits non-zero on any difference.
set -uo pipefail
cd "$(dirname "$0")/.."

build=1
tree=false
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --solutions) tree=true ;;
    *) echo "usage: tools/check-verdict-languages.sh [--no-build] [--solutions]"; exit 2 ;;
  esac
done
if ! command -v python3 >/dev/null 2>&1; then
  echo "check-verdict-languages: python3 is not installed; skipping."
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "$build" -eq 1 ]; then
  if ! dotnet build tests/Tests.csproj -nologo -v q -clp:NoSummary -p:Solutions=$tree >"$tmp/build.log" 2>&1; then
    echo "FAIL the kata tests do not build:"; grep -E ': error ' "$tmp/build.log" | sort -u | head -n 20 | sed 's/^/    /'
    echo "0 passed, 1 failed"; exit 1
  fi
fi

for lang in en zh-Hans; do
  mkdir -p "$tmp/$lang"
  # Kata tests fail as shipped: the exit code says nothing here; the result XML says everything.
  DOTNET_CLI_UI_LANGUAGE=$lang dotnet test tests/Tests.csproj --no-build -nologo -p:Solutions=$tree \
    --filter "TestCategory!=Support" -- NUnit.TestOutputXml="$tmp/$lang" NUnit.OutputXmlFolderMode=AsSpecified \
    >"$tmp/$lang.log" 2>&1
  if ! ls "$tmp/$lang"/*.xml >/dev/null 2>&1; then
    echo "FAIL no NUnit result XML for DOTNET_CLI_UI_LANGUAGE=$lang:"; tail -n 20 "$tmp/$lang.log" | sed 's/^/    /'
    echo "0 passed, 1 failed"; exit 1
  fi
done

python3 - "$tmp/en" "$tmp/zh-Hans" "$(pwd)" <<'PY'
import glob, re, sys
import xml.etree.ElementTree as ET

def results(folder, root):
    """test full name -> (outcome, kind, gist, locations)"""
    tests = {}
    for path in glob.glob(folder + "/*.xml"):
        for case in ET.parse(path).iter("test-case"):
            props = {p.get("name"): p.get("value") for p in case.iter("property")}
            trace = case.findtext("failure/stack-trace") or ""
            # "…/tests/K01_EventLoop/TwoWorkersTests.cs:line 42" whatever words the runtime puts around it.
            where = sorted(set(
                (m.group(1), m.group(2))
                for m in re.finditer(r"((?:tests|katas|solutions)/K\d\d_[^\s:]+\.cs)\D*?(\d+)", trace)))
            tests[case.get("fullname")] = (case.get("result"), props.get("KataFailureKind"), props.get("KataFailureGist"), where)
    return tests

en, zh, root = results(sys.argv[1], sys.argv[3]), results(sys.argv[2], sys.argv[3]), sys.argv[3]
problems = {}
def problem(name, text):
    kata = next((p for p in name.split(".") if re.match(r"K\d\d_", p)), "other")[:3]
    problems.setdefault(kata, []).append(f"{name}: {text}")

for name in sorted(set(en) | set(zh)):
    if name not in en or name not in zh:
        problem(name, "ran in one language only"); continue
    (eo, ek, eg, el), (zo, zk, zg, zl) = en[name], zh[name]
    if eo != zo: problem(name, f"{eo} in English, {zo} in Chinese")
    if ek != zk: problem(name, f"kind {ek} in English, {zk} in Chinese")
    if (eg is None) != (zg is None): problem(name, "a gist in one language only")
    if el != zl: problem(name, f"located at {el} in English, {zl} in Chinese")

# The gists must group the same tests: the same partition in both languages.
def groups(tests):
    by = {}
    for name, (_, _, gist, _) in tests.items():
        if gist is not None: by.setdefault(gist, set()).add(name)
    return {name: frozenset(g) for g in by.values() for name in g}
eg, zg = groups(en), groups(zh)
for name in sorted(set(eg) & set(zg)):
    if eg[name] != zg[name]:
        problem(name, f"shares its gist with {len(eg[name]) - 1} test(s) in English, {len(zg[name]) - 1} in Chinese")

katas = sorted({next((p for p in n.split(".") if re.match(r"K\d\d_", p)), "other")[:3] for n in en})
failed = 0
for kata in katas:
    if kata in problems:
        failed += 1
        print(f"FAIL {kata}: the verdicts differ between English and Chinese")
        for line in problems[kata][:10]: print("    " + line)
    else:
        count = sum(1 for n in en if f".{kata}_" in n)
        translated = sum(1 for n, v in en.items() if f".{kata}_" in n and v[2] is not None and zh[n][2] != v[2])
        located = sum(1 for n, v in en.items() if f".{kata}_" in n and v[3])
        print(f"ok   {kata}: {count} tests, the same outcomes, kinds, gist groups and locations "
              f"({located} located in the kata's files, {translated} gists translated)")
for kata in sorted(set(problems) - set(katas)):
    failed += 1
    print(f"FAIL {kata}:"); [print("    " + l) for l in problems[kata][:10]]
print(f"{len(katas) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
