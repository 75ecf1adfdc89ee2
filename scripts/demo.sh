#!/bin/sh
# The main job on corpus/: extract, merge, and say where the posts are.
set -eu
build=${1:-build}
echo "== l10n-extract"
"$build/l10n-extract"
echo
echo "== l10n-merge"
"$build/l10n-merge" -q
"$build/l10n-merge" 2>/dev/null | grep -v '^  ' || true
echo
echo "Spanish posts: public/es/"
echo "English posts: public/en/"
