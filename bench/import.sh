#!/bin/sh
# Import benchmark: existing translations aligned into a catalog, ours
# (AlignUnits, what l10n-import --from runs) and po4a-gettextize's (Debian's
# po4a, `deps.sh bench`) on the same pages, side by side. The pages are the
# corpus's English posts merged into Spanish with locales/es.po, as they
# are and perturbed (a paragraph dropped, two merged, two list items
# swapped); with COUNT > 0 also COUNT posts generated from the corpus
# (tests/compare/generate_posts.py) with a catalog translated by
# tests/compare/translate_po.py. A pair is recovered when its source and
# translation (tags and spacing left out) are an entry of that catalog.
# Usage: bench/import.sh [BUILD_DIR] [COUNT]
set -eu
build=${1:-build}
count=${2:-2000}
repo=$(cd "$(dirname "$0")/.." && pwd)
# The import_bench target: CMakeLists.txt's benchmark lines, as check_bench's.
if ! cmake --build "$build" --target import_bench l10n-extract >/dev/null; then
  echo "bench/import.sh: no import_bench target; CMakeLists.txt needs" >&2
  echo "  add_executable(import_bench EXCLUDE_FROM_ALL bench/import_bench.cc)" >&2
  echo "  target_link_libraries(import_bench PRIVATE l10n)" >&2
  exit 1
fi
bench=$(cd "$build" && pwd)/import_bench
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# side POSTS_DIR CATALOG LABEL: both tools on every page of every kind.
side() {
  posts=$1 catalog=$2
  echo "== $3"
  "$bench" pages "$posts" "$catalog" "$dir/pages" > "$dir/ours.txt"
  printf '%-6s %6s %9s %12s %12s %10s %10s\n' kind pages possible ours po4a po4a-fails ours-s
  tail -n +2 "$dir/ours.txt" | while read -r kind pages possible ours seconds; do
    fails=0
    : > "$dir/po4a.list"
    for en in "$dir/pages/$kind"/*.en.html; do
      es=${en%.en.html}.es.html
      po=${en%.en.html}.po
      # po4a writes gettextization.failed.po where it runs: in the scratch folder.
      if (cd "$dir" && po4a-gettextize -f xhtml -M UTF-8 -L UTF-8 -m "$en" -l "$es" -p "$po" \
        >/dev/null 2>&1); then
        echo "$po" >> "$dir/po4a.list"
      else
        fails=$((fails + 1))
      fi
    done
    # shellcheck disable=SC2046
    theirs=$("$bench" score "$catalog" $(cat "$dir/po4a.list") | cut -d' ' -f1)
    printf '%-6s %6d %9d %12s %12s %10d %10s\n' "$kind" "$pages" "$possible" "$ours" "$theirs" \
      "$fails" "$seconds"
    rm -rf "$dir/pages/$kind"
  done
}

side "$repo/corpus" "$repo/locales/es.po" "corpus: 5 English posts"

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
  echo "l10n-extract of the $count posts: $(( (end - start) / 1000000 )) ms (ours-s below:" \
    "segmenting and aligning each kind's translated pages)"
  python3 "$repo/tests/compare/translate_po.py" "$dir/gen/locales/es.po" >/dev/null 2>&1 || true
  side "$dir/gen/posts" "$dir/gen/locales/es.po" "generated: $count posts"
fi
