#!/bin/sh
# Behaviour unchanged? Runs two builds of the tools on the same projects and
# compares every file they write, what they print and their exit status.
#
#   tests/compare/compare-outputs.sh OLD_BIN NEW_BIN [POSTS]
#   tests/compare/compare-outputs.sh --rev REV [NEW_BIN] [POSTS]
#
# OLD_BIN and NEW_BIN are folders holding l10n-extract, l10n-merge and
# l10n-check. With --rev, the old tools are built from git revision REV (in
# build-compare/); NEW_BIN defaults to build/. POSTS (default 2000) is the
# size of the generated corpus. The project file is taken without its [site]
# tables (tools from before them refuse it; without them nothing may change). Projects: corpus/ as the repository has it;
# POSTS posts generated from corpus/ (generate_posts.py) with the
# repository's catalogs as the starting point and shortcodes on; an eighth
# as many with hostile translations (markup that merge refuses, placeholders
# dropped); as many with no catalogs and one post in twelve without a
# language (an error that stops the tools). Each project runs l10n-extract, a volunteer's pass
# over the catalogs (translate_po.py: good, unsafe and broken translations),
# l10n-extract twice, l10n-merge, l10n-check in its three formats.
# Exit status 0 when every output is byte-identical.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)

if [ "${1:-}" = "--rev" ]; then
  rev=$2
  new=${3:-$repo/build}
  posts=${4:-2000}
  src=$repo/build-compare/src
  rm -rf "$src" && mkdir -p "$src"
  git -C "$repo" archive "$rev" | tar -x -C "$src"
  cmake -S "$src" -B "$repo/build-compare/build" -DCMAKE_BUILD_TYPE=Release \
    $(command -v ninja >/dev/null 2>&1 && echo "-G Ninja") >/dev/null
  cmake --build "$repo/build-compare/build" -j "$(nproc)" \
    --target l10n-extract l10n-merge l10n-check >/dev/null
  old=$repo/build-compare/build
else
  old=$1
  new=$2
  posts=${3:-2000}
fi
# POT-Creation-Date: the same minute for both sides.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
old=$(cd "$old" && pwd)
new=$(cd "$new" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# without_site FILE: FILE without its [site] tables, which tools from before
# the site settings refuse; without them every output must stay the same.
without_site() {
  awk '/^\[/ { skip = ($0 ~ /^\[site[].]/) } !skip' "$1"
}

# make_project NAME: the project in $work/NAME/base.
make_project() {
  base=$work/$1/base
  mkdir -p "$base"
  case $1 in
    corpus)
      cp -r "$repo/corpus" "$repo/locales" "$base/"
      without_site "$repo/l10n.toml" > "$base/l10n.toml"
      rm -rf "$base/locales/ui"
      ;;
    generated|hostile|errors)
      count=$posts
      [ "$1" = generated ] || count=$((posts / 8 + 1))
      python3 "$here/generate_posts.py" "$repo/corpus" "$base/posts" "$count" \
        $([ "$1" = errors ] && echo --errors)
      without_site "$repo/l10n.toml" |
        sed -e 's|^posts = .*|posts = ["posts/*.html"]\nshortcodes = true|' > "$base/l10n.toml"
      mkdir -p "$base/locales"
      if [ "$1" != errors ]; then
        cp "$repo"/locales/*.po "$repo"/locales/*.pot "$repo/locales/taxonomy.toml" \
          "$base/locales/"
      fi
      ;;
  esac
}

# run_tools BIN DIR: every run of the tools in DIR, with what they print.
run_tools() {
  bin=$1
  cd "$2"
  n=0
  for step in extract translate extract extract merge check-text check-json check-github; do
    n=$((n + 1))
    case $step in
      translate)
        python3 "$here/translate_po.py" $hostile $(find locales -name '*.po' | sort)
        continue
        ;;
      extract) set -- "$bin/l10n-extract" ;;
      merge) set -- "$bin/l10n-merge" ;;
      check-text) set -- "$bin/l10n-check" ;;
      check-json) set -- "$bin/l10n-check" --format json ;;
      check-github) set -- "$bin/l10n-check" --format github ;;
    esac
    status=0
    "$@" > "../out/$n-$step.stdout" 2> "../out/$n-$step.stderr" || status=$?
    echo "$status" > "../out/$n-$step.status"
  done
  # l10n-check on each catalog on its own, as a translator runs it.
  for f in $(find locales -name '*.po' -o -name '*.pot' -o -name '*.xlf' | sort); do
    status=0
    "$bin/l10n-check" "$f" > "../out/file-$(echo "$f" | tr / _).stdout" 2>&1 || status=$?
    echo "$status" > "../out/file-$(echo "$f" | tr / _).status"
  done
  cd - >/dev/null
}

failed=0
for project in corpus generated hostile errors; do
  make_project "$project"
  hostile=
  [ "$project" = hostile ] && hostile=--hostile
  for side in old new; do
    mkdir -p "$work/$project/$side"
    cp -r "$work/$project/base" "$work/$project/$side/tree"
    mkdir -p "$work/$project/$side/out"
    eval "bin=\$$side"
    run_tools "$bin" "$work/$project/$side/tree"
  done
  files=$(find "$work/$project/new/tree" -type f | wc -l)
  # The tools' caches (.l10n-cache/) are no output; their own tests check them.
  if diff -r -x .l10n-cache "$work/$project/old" "$work/$project/new" > "$work/$project.diff"; then
    echo "$project: identical ($files files, $(ls "$work/$project/new/out" | wc -l) outputs)"
  else
    echo "$project: DIFFERENT"
    head -n 40 "$work/$project.diff"
    failed=1
  fi
done
exit $failed
