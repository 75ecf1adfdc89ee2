#!/bin/sh
# Catalog check benchmark: a 20,000-entry Spanish catalog (inline
# placeholders, questions, 3% fuzzy, 3% untranslated, 1% obsolete, a few
# unsafe translations) checked by GNU msgfmt -c --statistics and by
# l10n-check, side by side: median time of RUNS runs, peak RSS, and what
# each counted. Usage: bench/check.sh [BUILD_DIR] [ENTRIES] [RUNS]
set -eu
build=${1:-build}
n=${2:-20000}
runs=${3:-7}
cmake --build "$build" --target check_bench l10n-check >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/check_bench" generate "$dir/es.po" "$n"
echo "catalog: $n entries, $(stat -c %s "$dir/es.po") bytes"
. "$(dirname "$0")/common.sh"
# Alternate the two so that a busy moment of the machine hits both alike.
i=0
while [ "$i" -lt "$runs" ]; do
  run "$dir/msgfmt.t" msgfmt -c --statistics -o /dev/null "$dir/es.po"
  run "$dir/ours.t" "$build/l10n-check" "$dir/es.po"
  i=$((i + 1))
done
read -r t1 m1 <<EOT
$(median "$dir/msgfmt.t")
EOT
read -r t2 m2 <<EOT
$(median "$dir/ours.t")
EOT
printf '%-28s %8.3f s %10d KiB peak RSS\n' "msgfmt -c --statistics" "$t1" "$m1"
printf '%-28s %8.3f s %10d KiB peak RSS\n' "l10n-check" "$t2" "$m2"
awk -v a="$t1" -v b="$t2" 'BEGIN { if (b < 0.001) b = 0.001; printf "speed-up: %.1fx (median of '"$runs"' runs each)\n", a / b }'
echo "msgfmt:     $(msgfmt -c --statistics -o /dev/null "$dir/es.po" 2>&1 | tail -1)"
echo "l10n-check: $("$build/l10n-check" "$dir/es.po" 2>/dev/null | head -n 1)"
