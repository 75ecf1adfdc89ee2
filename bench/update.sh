#!/bin/sh
# Catalog update benchmark: a 20,000-entry catalog whose source strings were
# 10% edited by a word, updated by GNU msgmerge --previous and by our
# UpdatePoFile (lib/catalog_update.h), side by side: time, peak RSS,
# agreement. Usage: bench/update.sh [BUILD_DIR] [ENTRIES]
set -eu
build=${1:-build}
n=${2:-20000}
cmake --build "$build" --target update_bench >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/update_bench" generate "$dir" "$n"
size=$(stat -c %s "$dir/old.po")
echo "catalog: $n entries, $size bytes ($(grep -c '^msgid' "$dir/new.pot") in the template)"
measure() {  # name, command...: prints seconds and peak RSS
  name=$1; shift
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@"
  read -r secs kb < "$dir/time"
  printf '%-28s %8.2f s %10d KiB peak RSS\n' "$name" "$secs" "$kb"
  echo "$secs $kb"  > "$dir/$name.t"
}
measure "msgmerge --previous" msgmerge --previous -q -o "$dir/theirs.po" "$dir/old.po" "$dir/new.pot"
measure "l10n UpdatePoFile" "$build/update_bench" update "$dir/old.po" "$dir/new.pot" "$dir/ours.po"
read -r t1 m1 < "$dir/msgmerge --previous.t"
read -r t2 m2 < "$dir/l10n UpdatePoFile.t"
awk -v a="$t1" -v b="$t2" -v m="$m2" -v s="$size" 'BEGIN {
  if (b < 0.01) b = 0.01;
  printf "speed-up: %.1fx; our peak RSS is %.2fx the catalog size\n", a / b, m * 1024 / s }'
"$build/update_bench" agree "$dir/ours.po" "$dir/theirs.po"
