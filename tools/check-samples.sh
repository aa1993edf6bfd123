#!/usr/bin/env bash
# Packs the library and its FakeTimeProvider companion as a team would get them, and runs the sample
# test projects (samples/: xUnit v3 and MSTest) against those packages from a local folder feed.
#   tools/check-samples.sh        (REPOSITORY_URL=https://github.com/OWNER/REPO to name the repository in
#                                  the packages and map SourceLink to it when git has no remote)
# Exits non-zero when a pack or a sample fails; ends with one line per sample.
set -uo pipefail
cd "$(dirname "$0")/.."

version="0.1.0-local.$(date +%s)"
feed=artifacts/packages
rm -rf "$feed" artifacts/samples-packages/virtualtimeloop artifacts/samples-packages/virtualtimeloop.faketime
mkdir -p "$feed"
log=$(mktemp)
status=0

for project in src/VirtualTimeLoop/VirtualTimeLoop.csproj src/VirtualTimeLoop.FakeTime/VirtualTimeLoop.FakeTime.csproj; do
  if ! dotnet pack "$project" -o "$feed" -p:Version="$version" ${REPOSITORY_URL:+-p:RepositoryUrl="$REPOSITORY_URL"} -nologo -v q >"$log" 2>&1; then
    grep -E 'error' "$log" | sort -u | head -n 20
    echo "pack failed: $project"
    exit 1
  fi
done
for id in VirtualTimeLoop VirtualTimeLoop.FakeTime; do
  for kind in nupkg snupkg; do
    [ -f "$feed/$id.$version.$kind" ] || { echo "missing $feed/$id.$version.$kind"; status=1; }
  done
done
echo "packed $version: $(cd "$feed" && ls | tr '\n' ' ')"

for sample in samples/Samples.Xunit samples/Samples.MSTest samples/Samples.Polly; do
  if dotnet run --project "$sample" --property:VirtualTimeLoopVersion="$version" -v q >"$log" 2>&1; then
    echo "ok   $sample: $(sed -E 's/\x1b\[[0-9;]*m//g' "$log" | grep -E 'Total: [0-9]+|succeeded: [0-9]+' | tail -n 1 | sed -E 's/^ +//')"
  else
    tail -n 40 "$log"
    echo "FAIL $sample"
    status=1
  fi
done
rm -f "$log"
exit $status
