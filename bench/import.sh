#!/bin/sh
# Import benchmark: precision and recall per perturbation kind of existing
# translations aligned with their source posts, ours (AlignUnits, what
# l10n-import --from runs, called as a library by bench/import_bench.cc)
# and po4a-gettextize's (Debian's po4a, `deps.sh bench`, one process per
# page) on the same pages. The pages are the corpus's English posts merged
# into Spanish with locales/es.po, and, with COUNT > 0, the English ones of
# COUNT posts generated from the corpus (tests/compare/generate_posts.py)
# with a catalog translated by tests/compare/translate_po.py; each page as
# merge writes it (none) and perturbed one way per kind: two paragraphs
# merged, one split after a sentence, one dropped, one added, two list
# items swapped, a link's start tag rewritten. The truth comes from the
# catalog the pages were made from, never from either tool; "possible"
# counts the pairs that still exist in the perturbed page (a dropped
# paragraph's pair is not possible, a merged pair is one 2-1 pair, a split
# one a 1-2 pair): bench/import_bench.cc's header says exactly how.
# po4a-gettextize runs on SAMPLE pages of each kind (all of the corpus's),
# spread evenly (it takes about 0.1 s a page); a page it refuses counts as
# 0 pairs reported (the "fails" column). ours-sample is ours on those pages.
# Last, with COUNT > 0, the tools as processes: l10n-import --from over the
# COUNT posts' merged pages against l10n-extract of the posts, three runs each.
# Usage: bench/import.sh [BUILD_DIR] [COUNT] [SAMPLE]
set -eu
build=${1:-build}
count=${2:-2000}
sample=${3:-200}
repo=$(cd "$(dirname "$0")/.." && pwd)
# The import_bench target: CMakeLists.txt's benchmark lines, as check_bench's.
if ! cmake --build "$build" --target import_bench l10n-extract >/dev/null; then
  echo "bench/import.sh: no import_bench target; CMakeLists.txt needs" >&2
  echo "  add_executable(import_bench EXCLUDE_FROM_ALL bench/import_bench.cc)" >&2
  echo "  target_link_libraries(import_bench PRIVATE l10n)" >&2
  exit 1
fi
command -v po4a-gettextize >/dev/null || { echo "bench/import.sh: needs po4a (deps.sh bench)" >&2; exit 1; }
bench=$(cd "$build" && pwd)/import_bench
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# side POSTS_DIR CATALOG LABEL SAMPLE: ours on every page, po4a on the sample.
side() {
  echo "== $3"
  rm -rf "$dir/pages"
  "$bench" pages "$1" "$2" "$dir/pages" "$4"
  for kind in none merge split drop add reorder link; do
    [ -f "$dir/pages/$kind/sample.txt" ] || continue
    # One scratch folder per page: po4a writes gettextization.failed.po where
    # it runs. A page po4a refuses keeps no .po.
    # shellcheck disable=SC2016
    xargs -P 2 -I NAME sh -c '
      k=$1 n=$2
      mkdir -p "$k/.w-$n" && cd "$k/.w-$n" &&
      po4a-gettextize -f xhtml -M UTF-8 -L UTF-8 -m "$k/$n.en.html" -l "$k/$n.es.html" \
        -p "$k/$n.po" >/dev/null 2>&1 || rm -f "$k/$n.po"' sh "$dir/pages/$kind" NAME \
      < "$dir/pages/$kind/sample.txt"
    "$bench" score "$dir/pages" "$kind"
  done
}

po4a=$(dpkg-query -W -f '${Version}' po4a 2>/dev/null || echo '?')
echo "po4a-gettextize $po4a -f xhtml; $(nproc) cores; $(date -u +%Y-%m-%d)"
side "$repo/corpus" "$repo/locales/es.po" "corpus: the English posts" 1000000

if [ "$count" -gt 0 ]; then
  mkdir -p "$dir/gen/posts"
  python3 "$repo/tests/compare/generate_posts.py" "$repo/corpus" "$dir/gen/posts" "$count"
  cp "$repo/l10n.toml" "$dir/gen/"
  cp -r "$repo/locales" "$dir/gen/"
  sed -i 's|^posts = .*|posts = ["posts/*.html"]|' "$dir/gen/l10n.toml"
  extract=$(cd "$build" && pwd)/l10n-extract
  start=$(date +%s%N)
  (cd "$dir/gen" && "$extract" -q >/dev/null 2>&1 || true)
  end=$(date +%s%N)
  echo "l10n-extract of the $count posts: $(( (end - start) / 1000000 )) ms (seconds below:" \
    "segmenting and aligning each kind's translated pages)"
  python3 "$repo/tests/compare/translate_po.py" "$dir/gen/locales/es.po" >/dev/null 2>&1 || true
  side "$dir/gen/posts" "$dir/gen/locales/es.po" "generated: $count posts, po4a on $sample a kind" \
    "$sample"

  # The tools as a user runs them: l10n-import --from over the 2,000 pages
  # merge writes from the translated catalog (moved to old/es, the catalogs
  # extracted afresh), against l10n-extract of the same posts, alternately,
  # three times each (the site table left out: pages keep the posts' names).
  g=$dir/gen
  merge=$(cd "$build" && pwd)/l10n-merge
  import=$(cd "$build" && pwd)/l10n-import
  cmake --build "$build" --target l10n-merge l10n-import >/dev/null
  awk '/^\[/ { skip = ($0 ~ /^\[site/) } !skip' "$g/l10n.toml" > "$g/l10n.toml.new"
  mv "$g/l10n.toml.new" "$g/l10n.toml"
  (cd "$g" && "$merge" -q --keep 0 >/dev/null 2>&1 || true)
  mkdir -p "$g/old" && mv "$g/public/es" "$g/old/es"
  rm -rf "$g/locales" && cp -r "$repo/locales" "$g/"
  (cd "$g" && "$extract" -q >/dev/null 2>&1 || true)
  cp -r "$g/locales" "$g/locales.fresh"
  pages=$(find "$g/old/es" -type f | wc -l)
  ms() { start=$(date +%s%N); "$@"; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
  echo "== the tools as processes: $count posts, $pages translated pages (threads: ${L10N_THREADS:-all})"
  printf '%-28s %8s %8s %8s\n' tool run1-ms run2-ms run3-ms
  ex="" im=""
  for run in 1 2 3; do
    rm -rf "$g/locales" && cp -r "$g/locales.fresh" "$g/locales"
    ex="$ex $(cd "$g" && ms "$extract" -q)"
    rm -rf "$g/locales" && cp -r "$g/locales.fresh" "$g/locales"
    im="$im $(cd "$g" && ms "$import" -q --from old/es)"
  done
  # shellcheck disable=SC2086
  printf '%-28s %8s %8s %8s\n' l10n-extract $ex
  # shellcheck disable=SC2086
  printf '%-28s %8s %8s %8s\n' "l10n-import --from old/es" $im
fi
