#!/usr/bin/env bash
# Creates (or moves) a local branch `solutions` whose katas/ holds the reference code from solutions/,
# on top of the commit you are on. Your working tree, index and branch are not touched. Then:
#   git diff HEAD solutions -- katas/K05_WaitAndGather     (what is left to do in one kata)
#   git diff main solutions -- katas/K05_WaitAndGather     (against the shipped stubs)
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
base=$(git rev-parse HEAD)
index=$(mktemp)
trap 'rm -f "$index"' EXIT
export GIT_INDEX_FILE=$index
git read-tree "$base"
# Every file under solutions/Kxx_*/ replaces the file of the same name under katas/Kxx_*/.
git ls-tree -r "$base" -- solutions | while read -r mode type sha path; do
  case "$path" in
    solutions/K[0-9][0-9]_*/*) git update-index --add --cacheinfo "$mode,$sha,katas/${path#solutions/}" ;;
  esac
done
tree=$(git write-tree)
commit=$(git commit-tree "$tree" -p "$base" -m "Reference solutions in katas/ (made by tools/make-solutions-branch.sh)")
git update-ref refs/heads/solutions "$commit"
echo "branch 'solutions' -> $(git rev-parse --short "$commit") (katas/ = solutions/, on top of $(git rev-parse --short "$base"))"
echo "try: git diff HEAD solutions -- katas/K01_EventLoop"
