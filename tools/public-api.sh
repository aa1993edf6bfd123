#!/usr/bin/env bash
# Brings src/VirtualTimeLoop*/PublicAPI.Unshipped.txt in step with the code (the analyzer's own fixes for
# RS0016 "not declared" and RS0017 "declared but gone"); review the diff, it is the change to the public API.
#   tools/public-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/VirtualTimeLoop/VirtualTimeLoop.csproj src/VirtualTimeLoop.FakeTime/VirtualTimeLoop.FakeTime.csproj; do
  [ -f "$project" ] || continue
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity info -v q
done
git diff --stat -- 'src/*/PublicAPI.*.txt'
