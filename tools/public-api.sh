#!/usr/bin/env bash
# Regenerates PublicAPI.Unshipped.txt of the packages in src/ from the code: empties it, then lets the
# analyzer's own fix declare every public symbol not in PublicAPI.Shipped.txt (RS0016). Review the diff:
# it is the change to the public API. A symbol removed from PublicAPI.Shipped.txt is a breaking change and
# is left to a person (RS0017 fails the build until then).
#   tools/public-api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in src/VirtualTimeLoop src/VirtualTimeLoop.FakeTime; do
  printf '#nullable enable\n' >"$dir/PublicAPI.Unshipped.txt"
  dotnet format analyzers "$dir/$(basename "$dir").csproj" --diagnostics RS0016 --severity info -v q
done
git diff --stat -- 'src/*/PublicAPI.*.txt'
