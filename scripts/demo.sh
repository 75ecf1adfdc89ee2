#!/bin/sh
# make demo: the main job on corpus/ with the project's l10n.toml: extract
# the posts into the catalogs, merge the catalogs into localized posts, check
# the catalogs as CI does, and say where the posts are.
set -eu
build=${1:-build}
echo "== l10n-extract: corpus/ -> locales/"
"$build/l10n-extract"
echo
echo "== l10n-merge: corpus/ + locales/ -> public/"
"$build/l10n-merge"
echo
echo "== l10n-check: locales/ against corpus/"
"$build/l10n-check"
echo
for lang in es en; do
  case $lang in es) name="Spanish" ;; en) name="English" ;; esac
  count=$(find "public/$lang" -name '*.html' 2>/dev/null | wc -l)
  echo "$name posts ($count): $(pwd)/public/$lang/"
done
