#!/usr/bin/env bash
# The maintainer check: proves both directions in one command.
#   1. katas/ and solutions/ declare the same public API (solutions/PublicAPI.*.txt);
#   2. every README snippet builds as the README says, every README Python program prints the kata's output;
#      every test passes against solutions/;
#   3. against katas/ (as shipped) every Support test (tools/SupportTests, the maintainers' tests of the kata layer)
#      passes and every kata (Kxx) test (tests/Tests.csproj) fails, and each failure has the same kind, gist grouping
#      and location in English and Chinese (tools/check-verdict-languages.sh), and the solutions pass in both;
#   4. the library packs, and its own tests pass (src/VirtualTimeLoop.Tests; they never reference katas/), and so
#      do the FakeTimeProvider companion's; the samples (samples/) pass against the packed packages;
#   5. the watch runner's tests pass and its engine agrees with dotnet test, test by test (tools/parity.sh);
#   6. every program of the catalogue of learner mistakes (tools/Mistakes) gets the verdict its expect.txt states, and
#      every program and the solutions get the same verdict, test by test, as 1-, 2- and 16-processor machines
#      (check-processor-counts.sh);
#   7. the kata tests kill the mutants of solutions/ above the threshold (tools/mutation.sh; MUTATION=0 skips it).
# (The learner's plain `dotnet test` at the root builds Katas.sln: only what a learner builds, and runs only the
#  kata tests; the Support tests live in tools/SupportTests, which only tools/Maintainers.slnx lists. The maintainers' solution, tools/Maintainers.slnx, holds every project; the check builds it first.)
# Ends with "N passed, N failed" for the solutions and library runs; exits non-zero when anything is off.
set -uo pipefail
cd "$(dirname "$0")/.."

problems=()
note() { printf '\n== %s\n' "$*"; }

# Runs `dotnet test` with the given arguments; sets $counts to "failed passed total" from its summary.
run_tests() {
  local log
  log=$(mktemp)
  # The console logger is quiet for the kata tests (tests/Directory.Build.props); minimal brings back the
  # failures and the one-line count per project that is read below.
  dotnet test "$@" --logger "console;verbosity=minimal" >"$log" 2>&1
  local status=$?
  # One summary line per test project; add them up.
  local summary
  summary=$(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+, Total: +[0-9]+' "$log")
  if [ -z "$summary" ]; then
    tail -n 40 "$log"
    counts=""
  else
    counts=$(echo "$summary" | sed -E 's/Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+), Total: +([0-9]+)/\1 \2 \4/' |
      awk '{f += $1; p += $2; t += $3} END {print f, p, t}')
  fi
  last_log=$log
  return $status
}

note "The maintainers' solution builds: every project, the bench and the runner's tests too (tools/Maintainers.slnx)"
if ! dotnet build tools/Maintainers.slnx -p:Solutions=true -nologo -v q >"${TMPDIR:-/tmp}/build-maintainers.log" 2>&1; then
  grep -E ': error ' "${TMPDIR:-/tmp}/build-maintainers.log" | sort -u | head -n 20
  problems+=("tools/Maintainers.slnx does not build")
fi

note "Public API: katas/ must match solutions/PublicAPI.*.txt (the solutions build checks itself)"
if ! dotnet build katas/Katas.csproj -p:CheckPublicApi=true -nologo -v q 2>&1 | grep -E 'error|warn' | sort -u; then :; fi
if ! dotnet build katas/Katas.csproj -p:CheckPublicApi=true -nologo -v q >/dev/null 2>&1; then
  problems+=("katas/ does not build, or its public API differs from solutions/PublicAPI.*.txt")
fi

note "READMEs: every C# line a learner is told to write compiles (tools/check-snippets.sh)"
if ! tools/check-snippets.sh >"${TMPDIR:-/tmp}/check-snippets.log" 2>&1; then
  grep -vE '^ok ' "${TMPDIR:-/tmp}/check-snippets.log" | tail -n 20
  problems+=("a README snippet does not build as the README says (tools/check-snippets.sh)")
fi
tail -n 1 "${TMPDIR:-/tmp}/check-snippets.log"

note "READMEs: each kata's Python program prints the kata's expected output (tools/check-python.sh)"
if ! tools/check-python.sh >"${TMPDIR:-/tmp}/check-python.log" 2>&1; then
  grep -vE '^ok ' "${TMPDIR:-/tmp}/check-python.log" | tail -n 20
  problems+=("a README's Python program does not print the kata's snapshot (tools/check-python.sh)")
fi
tail -n 1 "${TMPDIR:-/tmp}/check-python.log"

note "Solutions: every test must pass (dotnet test -p:Solutions=true: the kata tests, then the Support tests)"
run_tests -p:Solutions=true
read -r s_failed s_passed s_total <<<"${counts:-x x x}"
if [ "$s_failed" = "x" ]; then
  problems+=("the solutions run did not report a summary (build error?)")
  s_failed=0; s_passed=0
elif [ "$s_failed" != "0" ] || [ "$s_passed" = "0" ]; then
  grep -E '^\s+Failed ' "$last_log" | head -n 20
  problems+=("solutions: $s_failed test(s) failed")
fi
run_tests tools/SupportTests/AsyncKatas.SupportTests.csproj -p:Solutions=true
read -r m_failed m_passed m_total <<<"${counts:-x x x}"
if [ "$m_failed" = "x" ] || [ "$m_failed" != "0" ] || [ "$m_passed" = "0" ]; then
  grep -E '^\s+Failed ' "$last_log" | head -n 20
  problems+=("solutions: Support tests failed (${m_failed}) or did not run")
  m_failed=${m_failed/x/1}; m_passed=${m_passed/x/0}; m_total=${m_total/x/0}
fi
s_passed=$((s_passed + m_passed)); s_failed=$((s_failed + m_failed)); s_total=$((s_total + m_total))
echo "solutions: $s_passed passed, $s_failed failed of $s_total"

note "The library packs (dotnet pack src/VirtualTimeLoop)"
pack_dir=$(mktemp -d)
if dotnet pack src/VirtualTimeLoop/VirtualTimeLoop.csproj -o "$pack_dir" -nologo -v q >"$pack_dir/pack.log" 2>&1 && ls "$pack_dir"/VirtualTimeLoop.*.nupkg >/dev/null 2>&1; then
  ls "$pack_dir"/*.nupkg | xargs -n1 basename
else
  tail -n 20 "$pack_dir/pack.log"
  problems+=("dotnet pack src/VirtualTimeLoop failed")
fi
rm -rf "$pack_dir"

note "The library's own tests (src/VirtualTimeLoop.Tests; they never reference katas/)"
run_tests src/VirtualTimeLoop.Tests/VirtualTimeLoop.Tests.csproj
read -r l_failed l_passed l_total <<<"${counts:-x x x}"
if [ "$l_failed" = "x" ] || [ "$l_failed" != "0" ] || [ "$l_passed" = "0" ]; then
  grep -E '^\s+Failed ' "$last_log" | head -n 20
  problems+=("library: its tests failed (${l_failed}) or did not run")
  l_failed=${l_failed/x/1}; l_passed=${l_passed/x/0}
fi
echo "library: $l_passed passed, $l_failed failed of $l_total"
s_passed=$((s_passed + l_passed)); s_failed=$((s_failed + l_failed))

note "The FakeTimeProvider companion's tests (src/VirtualTimeLoop.FakeTime.Tests)"
run_tests src/VirtualTimeLoop.FakeTime.Tests/VirtualTimeLoop.FakeTime.Tests.csproj
read -r f_failed f_passed f_total <<<"${counts:-x x x}"
if [ "$f_failed" = "x" ] || [ "$f_failed" != "0" ] || [ "$f_passed" = "0" ]; then
  grep -E '^\s+Failed ' "$last_log" | head -n 20
  problems+=("FakeTime companion: its tests failed (${f_failed}) or did not run")
  f_failed=${f_failed/x/1}; f_passed=${f_passed/x/0}
fi
echo "FakeTime companion: $f_passed passed, $f_failed failed of $f_total"
s_passed=$((s_passed + f_passed)); s_failed=$((s_failed + f_failed))

note "The packages as a team gets them: xUnit v3 and MSTest samples against the packed packages (tools/check-samples.sh)"
if ! tools/check-samples.sh; then
  problems+=("the samples failed against the packed packages (tools/check-samples.sh)")
fi

note "Katas as shipped: every Support test must pass (tools/SupportTests)"
run_tests tools/SupportTests/AsyncKatas.SupportTests.csproj
read -r h_failed h_passed h_total <<<"${counts:-x x x}"
if [ "$h_failed" != "0" ] || [ "$h_passed" = "0" ] || [ "$h_passed" = "x" ]; then
  grep -E '^\s+Failed ' "$last_log" | head -n 20
  problems+=("katas: Support tests failed ($h_failed) or did not run")
fi
echo "katas, Support: $h_passed passed, $h_failed failed"

note "Katas as shipped: every kata test must fail, on behaviour (no build error)"
run_tests tests/Tests.csproj
read -r k_failed k_passed k_total <<<"${counts:-x x x}"
if [ "$k_passed" = "x" ]; then
  problems+=("katas: the kata tests did not run (a stub that does not compile?)")
elif [ "$k_passed" != "0" ]; then
  grep -E '^  (✔|▒) K[0-9]{2} ' "$last_log" | head -n 20
  problems+=("katas: $k_passed kata test(s) pass as shipped; a kata must be red until the learner solves it")
fi
echo "katas, Kxx: $k_passed passed, $k_failed failed (all must fail)"
# The expected failures above wrote .received.txt files; they are not news.
find tests -name '*.received.txt' -delete

note "Katas as shipped: each verdict means the same in English and Chinese (tools/check-verdict-languages.sh)"
if ! tools/check-verdict-languages.sh --no-build >"${TMPDIR:-/tmp}/check-verdict-languages.log" 2>&1; then
  grep -vE '^ok ' "${TMPDIR:-/tmp}/check-verdict-languages.log" | tail -n 20
  problems+=("a kata verdict differs between DOTNET_CLI_UI_LANGUAGE=en and zh-Hans (tools/check-verdict-languages.sh)")
fi
tail -n 1 "${TMPDIR:-/tmp}/check-verdict-languages.log"
find tests -name '*.received.txt' -delete

# A sentence a test builds inside the program (on the loop, in the invariant culture) would stay English while the
# test expects it in Chinese: the solutions must pass in both languages, with the same results.
note "Solutions: every test passes in English and in Chinese alike (tools/check-verdict-languages.sh --solutions)"
if ! tools/check-verdict-languages.sh --no-build --solutions >"${TMPDIR:-/tmp}/check-verdict-languages-solutions.log" 2>&1; then
  grep -vE '^ok ' "${TMPDIR:-/tmp}/check-verdict-languages-solutions.log" | tail -n 20
  problems+=("a solution's result differs between DOTNET_CLI_UI_LANGUAGE=en and zh-Hans (tools/check-verdict-languages.sh --solutions)")
fi
tail -n 1 "${TMPDIR:-/tmp}/check-verdict-languages-solutions.log"

note "Every kata test failed for its own reason: no harness error, no missing snapshot"
if grep -qE 'there is no verified snapshot|the test gives [0-9]+ line times' "$last_log"; then
  grep -E 'there is no verified snapshot|the test gives [0-9]+ line times' "$last_log" | head
  problems+=("a kata test fails because a snapshot or a timeline is missing, not because of the stub")
fi

note "The watch runner: its tests, and its engine against dotnet test, test by test (tools/parity.sh)"
if ! tools/parity.sh; then
  problems+=("the kata runner's tests failed, or its engine disagrees with dotnet test (tools/parity.sh)")
fi

note "The catalogue of learner mistakes and the solutions, as 1-, 2- and 16-processor machines: each wrong program rejected for its cause, each correct one and every solution passes, with the same verdicts test by test at every count (tools/check-processor-counts.sh)"
if ! COUNTS="${COUNTS:-1 2 16}" SAME_VERDICTS="${SAME_VERDICTS:-1}" tools/check-processor-counts.sh; then
  problems+=("the catalogue of learner mistakes or the solutions under DOTNET_PROCESSOR_COUNT 1, 2, 16 (tools/check-processor-counts.sh)")
fi

if [ "${MUTATION:-1}" != "0" ]; then
  note "Mutation testing: the kata tests must catch the mutants of solutions/ (tools/mutation.sh)"
  if ! tools/mutation.sh >"${TMPDIR:-/tmp}/mutation.log" 2>&1; then
    grep -E 'final mutation score|threshold|Mutants the tests let through|^  solutions/' "${TMPDIR:-/tmp}/mutation.log" | head -n 30
    tail -n 5 "${TMPDIR:-/tmp}/mutation.log"
    problems+=("mutation testing: the score is below the threshold, or Stryker failed (tools/mutation.sh)")
  fi
  grep -E 'final mutation score' "${TMPDIR:-/tmp}/mutation.log" || true
fi

if [ ${#problems[@]} -gt 0 ]; then
  note "CHECK FAILED"
  printf ' - %s\n' "${problems[@]}"
fi
echo
echo "$s_passed passed, $s_failed failed"
[ ${#problems[@]} -eq 0 ]
