#!/usr/bin/env bash
# Writes katas/shipped.sha256: every .cs file under katas/ with the SHA-256 of its text (LF line ends), in
# sha256sum's format. The runner and the `dotnet test` summary compare a kata's files with it to tell "not started"
# (as shipped) from "failing" (code written). Run it after changing a stub; tools/SupportTests checks the list.
set -euo pipefail
cd "$(dirname "$0")/../katas"
find K* -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' | LC_ALL=C sort | while read -r f; do
  printf '%s  %s\n' "$(tr -d '\r' < "$f" | sha256sum | cut -d' ' -f1)" "$f"
done > shipped.sha256
echo "katas/shipped.sha256: $(wc -l < shipped.sha256) files"
