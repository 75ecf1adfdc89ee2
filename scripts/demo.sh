#!/bin/sh
# make demo: the main job on corpus/ with the project's l10n.toml: extract
# the posts into the catalogs, merge the catalogs into localized posts, check
# the catalogs as CI does, write the translation status page
# (public/status.html), and say where the posts and the page are; then the
# same on the Hugo example (examples/hugo/) when the tools read Markdown.
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
# The status page: the same check as a page to look at (docs/status_page.md).
# Findings (exit 1) are on the page and were reported above; an I/O error
# (exit 2) stops the demo.
status=0
"$build/l10n-check" --format=html -o public/status.html || status=$?
[ "$status" -le 1 ] || exit "$status"
echo "Translation status page: $(pwd)/public/status.html"

# The Hugo example (examples/hugo/): Markdown posts, their pages written
# beside them. Only with tools that read Markdown (scripts/markdown-supported.sh).
hugo=examples/hugo
if sh scripts/markdown-supported.sh "$build"; then
  echo
  echo "== the Hugo site: $hugo/content/ <-> $hugo/locales/"
  "$build/l10n-extract" --config "$hugo/l10n.toml"
  echo
  "$build/l10n-merge" --config "$hugo/l10n.toml"
  echo
  "$build/l10n-check" --config "$hugo/l10n.toml"
  echo
  echo "Hugo pages: $(pwd)/$hugo/content/blog/ (run hugo server there to see them)"
else
  echo
  echo "The Hugo site ($hugo) is skipped: $build/l10n-extract does not read Markdown posts yet."
fi
