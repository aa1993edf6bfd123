#!/usr/bin/env bash
# Copies learner programs into the catalogue: <source>/<Kxx_Name>/<slug>/{*.cs,NOTE.md} → tools/Mistakes/<Kxx_Name>/<slug>/.
# A program already in the catalogue is left alone. Each new one gets an expect.txt to complete by hand:
# the verdict from its slug (wrong-… → rejected, correct-… → passes) and its NOTE.md as comments.
set -euo pipefail
source=${1:?usage: tools/import-mistakes.sh <folder with Kxx_Name/slug/ folders>}
cd "$(dirname "$0")/.."
for program in "$source"/K[0-9][0-9]_*/*/; do
  program=${program%/}
  kata=$(basename "$(dirname "$program")")
  slug=$(basename "$program")
  target=tools/Mistakes/$kata/$slug
  [ -e "$target" ] && continue
  mkdir -p "$target"
  cp "$program"/*.cs "$target"/
  [ -f "$program/NOTE.md" ] && cp "$program/NOTE.md" "$target"/
  case $slug in correct-*) verdict=passes ;; *) verdict=rejected ;; esac
  { [ -f "$program/NOTE.md" ] && sed 's/^/# /' "$program/NOTE.md"; echo "verdict: $verdict"; } >"$target/expect.txt"
  echo "new: $target"
done
