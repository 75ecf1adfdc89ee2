#!/bin/sh
# Catalog update benchmark: a 20,000-entry catalog whose source strings were
# 10% edited by a word, updated by GNU msgmerge --previous and by our
# UpdatePoFile (lib/catalog/catalog_update.h), side by side: time, peak RSS,
# agreement. The UpdatePoFile row is a library call, not what the tools run:
# bench/update_bench calls it in one process (files in, file out), while
# l10n-extract updates its catalogs in memory with UpdateCatalog as part of
# a whole extract (bench/tools.sh measures that, as a process). Then new
# text, the fuzzy search's worst case, with the tool as a user runs it:
# l10n-extract on 2,000 generated posts after edits to 300 of them, and
# msgmerge on the same catalog (it takes many minutes there).
# Usage: bench/update.sh [BUILD_DIR] [ENTRIES]
set -eu
build=${1:-build}
n=${2:-20000}
cmake --build "$build" --target update_bench >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/update_bench" generate "$dir" "$n"
size=$(stat -c %s "$dir/old.po")
echo "catalog: $n entries, $size bytes ($(grep -c '^msgid' "$dir/new.pot") in the template)"
echo "library call, not what the tools run: UpdatePoFile in bench/update_bench" \
  "(l10n-extract runs UpdateCatalog in memory; bench/tools.sh times the tool)"
measure() {  # name, command...: prints seconds and peak RSS
  name=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@"
  read -r secs kb < "$dir/time"
  printf '%-28s %8.2f s %10d KiB peak RSS\n' "$name" "$secs" "$kb"
  echo "$secs $kb"  > "$dir/$name.t"
}
measure "msgmerge --previous" msgmerge --previous -q -o "$dir/theirs.po" "$dir/old.po" "$dir/new.pot"
measure "l10n UpdatePoFile (library)" "$build/update_bench" update "$dir/old.po" "$dir/new.pot" "$dir/ours.po"
read -r t1 m1 < "$dir/msgmerge --previous.t"
read -r t2 m2 < "$dir/l10n UpdatePoFile (library).t"
awk -v a="$t1" -v b="$t2" -v m="$m2" -v s="$size" 'BEGIN {
  if (b < 0.01) b = 0.01;
  printf "speed-up of the library call: %.1fx; its peak RSS is %.2fx the catalog size\n", a / b, m * 1024 / s }'
"$build/update_bench" agree "$dir/ours.po" "$dir/theirs.po"

# New text: 2,000 generated posts (12 paragraphs each), extracted and
# translated; then 300 of them edited (two paragraphs become new text, two
# get a word more) and extracted again, with and without fuzzy matching.
# msgmerge updates the same catalog with the same template.
cmake --build "$build" --target l10n-extract >/dev/null
extract="$PWD/$build/l10n-extract"
site="$dir/site"
"$build/update_bench" site "$site" 2000
(cd "$site" && "$extract" -q)
"$build/update_bench" translate "$site/locales/es.po"
(cd "$site" && "$extract" -q)
"$build/update_bench" edit "$site" 300
echo "site: 2,000 posts, $(grep -c '^msgid' "$site/locales/es.po") entries; 300 posts edited;" \
  "the tools as processes"
for flags in -N ""; do
  rm -rf "$dir/run" && cp -r "$site" "$dir/run"
  (cd "$dir/run" && measure "l10n-extract -q $flags" "$extract" -q $flags)
done
# The last run (fuzzy) wrote the new template.
measure "msgmerge --previous, site" msgmerge --previous -q -o "$dir/theirs-site.po" \
  "$site/locales/es.po" "$dir/run/locales/en.pot"
"$build/update_bench" agree "$dir/run/locales/es.po" "$dir/theirs-site.po"
