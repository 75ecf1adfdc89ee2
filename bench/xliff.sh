#!/bin/sh
# PO -> XLIFF benchmark: a 20,000-entry Spanish catalog (bench/check_bench
# generates it: placeholders, questions, fuzzy entries with previous msgids,
# obsolete entries) converted by translate-toolkit's po2xliff and by our
# WriteXliffFile, side by side: median time and peak RSS of RUNS runs, and
# what a round trip back to PO keeps. The WriteXliffFile rows are a library
# call, not what the tools run: bench/xliff_bench reads the PO file and
# calls WriteXliffFile in one process; no tool converts a PO file to XLIFF
# on its own, and l10n-extract writes its XLIFF copies through WriteCatalog
# (the same XliffWriter, into memory, then replaced atomically) as part of a
# whole extract, which bench/tools.sh times as a process. po2xliff runs as
# the command a user runs. Usage: bench/xliff.sh [BUILD_DIR] [ENTRIES] [RUNS]
set -eu
build=${1:-build}
n=${2:-20000}
runs=${3:-5}
if ! command -v po2xliff >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends translate-toolkit
  else
    echo "po2xliff is missing. Install it with:" >&2
    echo "  sudo apt-get install -y translate-toolkit" >&2
    exit 1
  fi
fi
cmake --build "$build" --target check_bench xliff_bench >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$build/check_bench" generate "$dir/es.po" "$n"
echo "catalog: $n entries, $(stat -c %s "$dir/es.po") bytes"
echo "library call, not what the tools run: WriteXliffFile in bench/xliff_bench" \
  "(l10n-extract writes XLIFF through WriteCatalog; bench/tools.sh times the tool)"
. "$(dirname "$0")/common.sh"
i=0
while [ "$i" -lt "$runs" ]; do
  run "$dir/po2xliff.t" po2xliff --progress=none "$dir/es.po" "$dir/theirs.xlf"
  run "$dir/ours12.t" "$build/xliff_bench" convert "$dir/es.po" "$dir/ours12.xlf" 1.2
  run "$dir/ours20.t" "$build/xliff_bench" convert "$dir/es.po" "$dir/ours20.xlf" 2.0
  i=$((i + 1))
done
read -r t0 m0 <<EOT
$(median "$dir/po2xliff.t")
EOT
for v in 12 20; do
  read -r t m <<EOT
$(median "$dir/ours$v.t")
EOT
  echo "$v $t $m" >> "$dir/ours.all"
done
printf '%-42s %8.3f s %10d KiB peak RSS\n' "po2xliff (XLIFF 1.1)" "$t0" "$m0"
while read -r v t m; do
  name="l10n WriteXliffFile, library (XLIFF $(echo "$v" | sed 's/./&./'))"
  printf '%-42s %8.3f s %10d KiB peak RSS\n' "$name" "$t" "$m"
  awk -v a="$t0" -v b="$t" -v ma="$m0" -v mb="$m" 'BEGIN {
    printf "  %.1fx faster, %.2f of the memory\n", a / b, mb / ma }'
done < "$dir/ours.all"
# What comes back: previous msgids (#|) and obsolete entries (#~).
count() { grep -c "$1" "$2" || true; }
"$build/xliff_bench" back "$dir/ours12.xlf" "$dir/ours12.po"
"$build/xliff_bench" back "$dir/ours20.xlf" "$dir/ours20.po"
xliff2po --progress=none "$dir/theirs.xlf" "$dir/theirs.po" >/dev/null 2>&1 || true
printf 'round trip          %10s %10s %10s %10s\n' "#| msgid" "#~ msgid" "fuzzy" "same file"
for f in es ours12 ours20 theirs; do
  same=no
  cmp -s "$dir/es.po" "$dir/$f.po" && same=yes
  printf '%-19s %10s %10s %10s %10s\n' "$f" "$(count '^#| msgid' "$dir/$f.po")" \
    "$(count '^#~ msgid' "$dir/$f.po")" "$(count '^#, fuzzy' "$dir/$f.po")" "$same"
done
