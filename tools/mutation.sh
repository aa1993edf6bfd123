#!/usr/bin/env bash
# Mutation testing: Stryker.NET (pinned in .config/dotnet-tools.json) mutates solutions/ and runs the kata
# tests against each mutant (tests/Tests.csproj with Solutions=true). A mutant the tests let through is a
# behaviour no test defines. Fails when the mutation score is below the break threshold in
# tools/stryker-config.json.
#
#   tools/mutation.sh                         every solution file
#   tools/mutation.sh '**/K12_*/TwoSleeps.cs'  only the files that match (Stryker's --mutate globs), while iterating
#
# What is not mutated, and why:
#   - files given to the learner unchanged (the same in katas/ and solutions/): not the learner's work, so the
#     kata tests do not define them (K09's ConcurrentFuture, K14's ILoopClock, ...); found by comparing the trees;
#   - argument guards (ArgumentNullException.ThrowIfNull, ArgumentOutOfRangeException.ThrowIf*; ignore-methods in
#     the config): no kata asks for them and no kata test passes a null or a bad count;
#   - K23's RetryChecks.cs: it is the learner's own test code. K23's tests require that the checks, together,
#     pass the correct clients and catch every broken one; which check catches which client, and the words of
#     a check's message, are the learner's choice, so removing one statement of one check is not a behaviour
#     any test defines (a full run left 25 such mutants, every one of this kind);
#   - single lines marked in solutions/ with "// Stryker disable once <mutator> : <reason>": equivalent mutants
#     (two sleeps that end at the same instant, a format that prints the same) and given code inside a learner's
#     file that only a wrong program reaches.
# Each mutant runs the whole kata suite (about 10 s): a full run takes minutes (see README.md, maintainers).
# Reports: StrykerOutput/<date>/reports/ (mutation-report.html, mutation-report.json); the surviving mutants
# are listed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

dotnet tool restore >/dev/null

mutate=()
for pattern in "$@"; do mutate+=(--mutate "$pattern"); done
for solution in solutions/K*/*.cs; do
  kata="katas/${solution#solutions/}"
  if [ -f "$kata" ] && cmp -s "$solution" "$kata"; then mutate+=(--mutate "!**/${solution#solutions/}"); fi
done
mutate+=(--mutate "!**/K23_TestingTime/RetryChecks.cs")

out="$PWD/StrykerOutput/$(date -u +%Y-%m-%d.%H-%M-%S)"
status=0
# MSBuild reads the environment: Solutions=true makes the tests reference solutions/ (tests/Tests.csproj).
(cd tests && Solutions=true dotnet stryker --config-file ../tools/stryker-config.json --skip-version-check \
  --concurrency "${STRYKER_CONCURRENCY:-1}" --output "$out" "${mutate[@]}") || status=$?

report="$out/reports/mutation-report.json"
if [ -f "$report" ] && command -v jq >/dev/null; then
  echo
  echo "Mutants the tests let through (file:line mutator: replacement):"
  jq -r '.files | to_entries[] | .key as $f | .value.mutants[]
         | select(.status == "Survived" or .status == "NoCoverage")
         | "  \($f | sub(".*/solutions/"; "solutions/")):\(.location.start.line) \(.mutatorName): \(.replacement // "" | gsub("\n"; " ") | .[0:100])"' "$report"
  jq -r '[.files[].mutants[].status] | group_by(.) | map("\(.[0]): \(length)") | join(", ")' "$report"
fi
exit "$status"
