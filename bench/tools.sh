#!/bin/sh
# The tools as a user runs them, each against its peer, on generated sites:
# issue 17's table. Every figure is a process started from the shell, its
# wall time (nanosecond clock around /usr/bin/time) and its peak RSS
# (/usr/bin/time -f %M; a pipeline's is its largest process's).
#
# The site: POSTS (default 2,000) posts made from corpus/ by the committed
# generator, tests/compare/generate_posts.py, then passed through
# bench/close_tags.py, which writes in the end tags HTML5 lets a page leave
# out (</p>, </li>, ...): translate-toolkit's HTML parser refuses a page
# without them ("Mismatched closing tag"), which is most generated posts, so
# without it html2po would extract an eighth of the site. Our catalogs are
# byte-identical with and without those tags; both tools read the same files.
# The project is l10n.toml with posts = ["posts/*.html"] and the repository's
# locales/ as the catalogs to update (what compare-outputs.sh does). Before
# merge, a volunteer's pass translates the catalogs
# (tests/compare/translate_po.py, after msgcat --no-wrap so that it reaches
# every entry): ours and the peer's in the same way.
#
# The jobs, each tool and its peer run alternately RUNS times (default 3),
# `sync` before every run (outside the time), median and range of the times,
# the largest peak RSS of the runs:
# - extract, cold: l10n-extract (no .l10n-cache/, the catalogs as at the
#   start) vs `html2po --multifile=onefile --duplicates=merge -P posts
#   peer.pot`. --duplicates=merge gives one entry per distinct string with
#   all its references, as our catalogs and xgettext's have; html2po's
#   default (msgctxt) gives every repeat an entry of its own, another
#   catalog, and takes far longer here.
# - merge, cold, both languages (4,000 pages for 2,000 posts), into a fresh
#   folder and over existing outputs: l10n-merge (no .l10n-cache/) vs
#   po2html -t posts once per language with the translated catalog.
# - one post edited (a word of it, undone on the next run), extract + merge:
#   ours after a run that left its cache vs the peers' whole chain, html2po
#   + `msgmerge --previous -U` + po2html per language, which redo everything.
# - nothing changed, extract + merge: the same; also how many files and
#   folders our run touched (mtime changed).
# - 10 % of the posts edited by a word (bench/edit_posts.py), extract with
#   fuzzy update: l10n-extract from the catalogs and cache of the unedited
#   site vs html2po + `msgmerge --previous` of the translated catalog.
# - scale: ours only, cold extract and cold merge (fresh folder) at each
#   COUNT (default 500 2000 8000 20000), and each time against linear growth
#   from 2,000 posts (1.00 = exactly linear).
# --quick: one run of each job (RUNS unless set) and the curve at 500 and
# 2,000 posts.
# Prints Markdown: a header (date, machine, versions), the table, the curve.
# L10N_THREADS is passed on to our tools (default: every core).
#
# Usage: bench/tools.sh [--quick] [BUILD_DIR] [COUNT...]
# (environment: RUNS, POSTS; needs translate-toolkit and gettext:
# scripts/deps.sh bench)
set -eu
quick=0
if [ "${1:-}" = --quick ]; then
  quick=1
  shift
fi
build=${1:-build}
[ $# -gt 0 ] && shift
counts="$*"
if [ -z "$counts" ]; then
  counts="500 2000 8000 20000"
  [ "$quick" = 1 ] && counts="500 2000"
fi
runs=3
[ "$quick" = 1 ] && runs=1
runs=${RUNS:-$runs}
posts=${POSTS:-2000}
repo=$(cd "$(dirname "$0")/.." && pwd)
for tool in html2po po2html msgmerge msgcat python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench/tools.sh: needs $tool (scripts/deps.sh bench)" >&2
    exit 1
  fi
done
cmake --build "$build" --target l10n-extract l10n-merge >/dev/null
bin=$(cd "$build" && pwd)
extract=$bin/l10n-extract
merge=$bin/l10n-merge
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}

# timed FILE COMMAND...: syncs, runs COMMAND once in the current folder and
# appends "seconds KiB" to FILE; a failing command is reported on stderr and
# its row marked.
timed() {
  out=$1
  shift
  sync
  status=0
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$dir/time" "$@" >"$dir/last.log" 2>&1 || status=$?
  end=$(date +%s%N)
  if [ "$status" -ne 0 ]; then
    echo "bench/tools.sh: exit status $status: $*" >&2
    tail -n 5 "$dir/last.log" >&2
    echo "$out" >>"$dir/failed"
  fi
  echo "$(((end - start) / 1000)) $(tail -n 1 "$dir/time")" |
    awk '{ printf "%.4f %d\n", $1 / 1e6, $2 }' >>"$out"
}

# stats FILE: "median min max largest-KiB" of FILE's runs.
stats() {
  sort -n "$1" | awk '{ t[NR] = $1; if ($2 > m) m = $2 }
    END { print t[int((NR + 1) / 2)], t[1], t[NR], m }'
}

# seconds T: T as the table writes a time.
seconds() {
  awk -v t="$1" 'BEGIN {
    if (t < 1) printf "%.3f", t; else if (t < 10) printf "%.2f", t; else printf "%.1f", t }'
}

# cell FILE: "median s (min–max)" and "N MiB", tab-separated.
cell() {
  read -r med lo hi kib <<EOF
$(stats "$1")
EOF
  mark=""
  grep -qx "$1" "$dir/failed" 2>/dev/null && mark=" (failed)"
  if [ "$runs" -gt 1 ]; then
    printf '%s s (%s–%s)%s\t%s MiB' "$(seconds "$med")" "$(seconds "$lo")" \
      "$(seconds "$hi")" "$mark" "$(awk -v k="$kib" 'BEGIN { printf "%.0f", k / 1024 }')"
  else
    printf '%s s%s\t%s MiB' "$(seconds "$med")" "$mark" \
      "$(awk -v k="$kib" 'BEGIN { printf "%.0f", k / 1024 }')"
  fi
}

# row JOB PEER PEER_FILE OURS OURS_FILE: one line of the table.
row() {
  peer_cell=$(cell "$3")
  ours_cell=$(cell "$5")
  ratio=$(awk -v a="$(stats "$3" | cut -d' ' -f1)" -v b="$(stats "$5" | cut -d' ' -f1)" \
    'BEGIN { if (b <= 0) b = 0.0001; r = a / b;
             if (r < 10) printf "%.1f×", r; else printf "%.0f×", r }')
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" \
    "$(echo "$peer_cell" | cut -f1)" "$(echo "$peer_cell" | cut -f2)" "$4" \
    "$(echo "$ours_cell" | cut -f1)" "$(echo "$ours_cell" | cut -f2)" "$ratio"
}

# make_site DIR COUNT: DIR/site (the project), DIR/pristine (its posts as
# generated), DIR/locales0 (its catalogs at the start).
make_site() {
  mkdir -p "$1"
  python3 "$repo/tests/compare/generate_posts.py" "$repo/corpus" "$1/gen" "$2"
  python3 "$repo/bench/close_tags.py" "$1/gen" "$1/pristine"
  rm -rf "$1/gen"
  mkdir -p "$1/site"
  cp -r "$1/pristine" "$1/site/posts"
  sed 's|^posts = .*|posts = ["posts/*.html"]|' "$repo/l10n.toml" >"$1/site/l10n.toml"
  cp -r "$repo/locales" "$1/locales0"
  rm -rf "$1/locales0/ui"
}

# cold_extract SITE LOCALES0 FILE: restores the catalogs, drops the cache,
# times l10n-extract.
cold_extract() {
  rm -rf "$1/locales" "$1/.l10n-cache"
  cp -a "$2" "$1/locales"
  (cd "$1" && timed "$3" "$extract" -q)
}

# translate SITE: the volunteer's pass over our catalogs, then extract.
translate() {
  for f in "$1/locales/es.po" "$1/locales/en.po"; do
    msgcat --no-wrap -o "$f" "$f"
  done
  python3 "$repo/tests/compare/translate_po.py" "$1/locales/es.po" "$1/locales/en.po" >/dev/null
  (cd "$1" && "$extract" -q)
}

# Markdown figures: "7.0 MB".
megabytes() {
  find "$1" -name '*.html' -exec cat {} + | wc -c | awk '{ printf "%.1f MB", $1 / 1e6 }'
}

html2po="html2po --progress=none --multifile=onefile --duplicates=merge -P posts peer.pot"
po2html="po2html --progress=none -t posts -i peer.po"
peer_merge="mkdir -p peer-out && $po2html -o peer-out/es && $po2html -o peer-out/en"
peer_chain="$html2po && msgmerge --previous -q -U --backup=off peer.po peer.pot && $peer_merge"

# The header.
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -s)
tt=$(html2po --version 2>&1 | awk '{ print $2 }')
gt=$(msgmerge --version | head -n 1 | awk '{ print $NF }')
rev=$(git -C "$repo" describe --always --dirty 2>/dev/null || echo '?')
site=$dir/main/site
make_site "$dir/main" "$posts"
echo "### The tools as processes, against their peers"
echo
echo "\`bench/tools.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores ($cpu), $mem,"
echo "$os; our tools in $build, source tree at $rev (threads: ${L10N_THREADS:-all cores});"
echo "translate-toolkit $tt, gettext $gt. $posts generated posts ($(megabytes "$site/posts")),"
echo "each tool run as a process from the shell, alternately with its peer (runs: $runs):"
echo "median (range) wall time, largest peak RSS."
echo

# extract, cold.
i=0
while [ "$i" -lt "$runs" ]; do
  cold_extract "$site" "$dir/main/locales0" "$dir/ours.extract"
  rm -f "$site/peer.pot"
  (cd "$site" && timed "$dir/peer.extract" sh -c "$html2po")
  i=$((i + 1))
done
refused=$(cd "$site" && html2po --progress=none --multifile=onefile --duplicates=merge -P posts \
  "$dir/check.pot" 2>&1 | grep -c 'Error processing' || true)
# Entries without the headers' msgid "".
entries_peer=$(($(grep -c '^msgid ' "$site/peer.pot" || true) - 1))
entries_ours=$(($(cat "$site/locales/es.pot" "$site/locales/en.pot" | grep -c '^msgid ' || true) - 2))

# The translated state: both catalogs through the same volunteer's pass.
translate "$site"
cp "$site/peer.pot" "$site/peer.po"
msgcat --no-wrap -o "$site/peer.po" "$site/peer.po"
python3 "$repo/tests/compare/translate_po.py" "$site/peer.po" >/dev/null

# merge, cold: a fresh folder, then over the outputs of the run before.
i=0
while [ "$i" -lt "$runs" ]; do
  rm -rf "$site/public" "$site/.l10n-cache" "$site/peer-out"
  (cd "$site" && timed "$dir/ours.merge-fresh" "$merge" -q)
  (cd "$site" && timed "$dir/peer.merge-fresh" sh -c "$peer_merge")
  rm -rf "$site/.l10n-cache"
  (cd "$site" && timed "$dir/ours.merge-existing" "$merge" -q)
  (cd "$site" && timed "$dir/peer.merge-existing" sh -c "$peer_merge")
  i=$((i + 1))
done
pages_ours=$(find "$site/public" -type f -name '*.html' | wc -l)
pages_peer=$(find "$site/peer-out" -type f -name '*.html' | wc -l)

# Incremental: after a run that left what it keeps, one post edited (and
# undone the next time), then nothing changed.
(cd "$site" && "$extract" -q && "$merge" -q)
(cd "$site" && sh -c "$peer_chain" >/dev/null 2>&1)
i=0
while [ "$i" -lt "$runs" ]; do
  suffix=s
  [ $((i % 2)) = 1 ] && suffix=""
  python3 "$repo/bench/edit_posts.py" "$dir/main/pristine" "$site/posts" 1000000000 "$suffix" \
    >/dev/null
  (cd "$site" && timed "$dir/ours.one" sh -c "\"$extract\" -q && \"$merge\" -q")
  (cd "$site" && timed "$dir/peer.one" sh -c "$peer_chain")
  i=$((i + 1))
done
touched=0
i=0
while [ "$i" -lt "$runs" ]; do
  touch "$dir/mark"
  sleep 0.05
  (cd "$site" && timed "$dir/ours.none" sh -c "\"$extract\" -q && \"$merge\" -q")
  n=$(find "$site" -newer "$dir/mark" | wc -l)
  [ "$n" -gt "$touched" ] && touched=$n
  (cd "$site" && timed "$dir/peer.none" sh -c "$peer_chain")
  i=$((i + 1))
done

# 10 % of the posts edited by a word, from the unedited site's catalogs and
# cache each time.
python3 "$repo/bench/edit_posts.py" "$dir/main/pristine" "$site/posts" 1000000000 "" >/dev/null
(cd "$site" && "$extract" -q && "$merge" -q)
(cd "$site" && sh -c "$peer_chain" >/dev/null 2>&1)
mkdir -p "$dir/snap"
cp -a "$site/locales" "$dir/snap/locales"
[ -d "$site/.l10n-cache" ] && cp -a "$site/.l10n-cache" "$dir/snap/cache"
edited=$(python3 "$repo/bench/edit_posts.py" "$dir/main/pristine" "$site/posts" 10 s)
i=0
while [ "$i" -lt "$runs" ]; do
  rm -rf "$site/locales" "$site/.l10n-cache"
  cp -a "$dir/snap/locales" "$site/locales"
  [ -d "$dir/snap/cache" ] && cp -a "$dir/snap/cache" "$site/.l10n-cache"
  (cd "$site" && timed "$dir/ours.fuzzy" "$extract" -q)
  (cd "$site" && timed "$dir/peer.fuzzy" sh -c \
    "$html2po && msgmerge --previous -q -o peer-new.po peer.po peer.pot")
  i=$((i + 1))
done
fuzzy() { cat "$@" | grep -c '^#, fuzzy' || true; }
fuzzy_ours=$(($(fuzzy "$site/locales/es.po" "$site/locales/en.po") -
  $(fuzzy "$dir/snap/locales/es.po" "$dir/snap/locales/en.po")))
fuzzy_peer=$(($(fuzzy "$site/peer-new.po") - $(fuzzy "$site/peer.po")))

echo "| job | peer | peer time | peer peak RSS | \`l10n-*\` | time | peak RSS | ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
row "extract, cold" "\`html2po --multifile=onefile --duplicates=merge\`" "$dir/peer.extract" \
  "\`l10n-extract\`" "$dir/ours.extract"
row "merge, cold, fresh folder (both languages)" "\`po2html -t posts\` ×2" \
  "$dir/peer.merge-fresh" "\`l10n-merge\`" "$dir/ours.merge-fresh"
row "merge, cold, existing outputs (both languages)" "\`po2html -t posts\` ×2" \
  "$dir/peer.merge-existing" "\`l10n-merge\`" "$dir/ours.merge-existing"
row "one post edited, extract + merge" "html2po + msgmerge + po2html ×2, redone whole" \
  "$dir/peer.one" "\`l10n-extract && l10n-merge\`" "$dir/ours.one"
row "nothing changed, extract + merge" "html2po + msgmerge + po2html ×2, redone whole" \
  "$dir/peer.none" "\`l10n-extract && l10n-merge\`" "$dir/ours.none"
row "$edited posts (10 %) edited by a word, extract with fuzzy update" \
  "\`html2po\` + \`msgmerge --previous\`" "$dir/peer.fuzzy" "\`l10n-extract\`" "$dir/ours.fuzzy"
echo
echo "Ratio: the peer's median time over ours. Entries: $entries_ours in our two templates,"
echo "$entries_peer in html2po's (it refused $refused of the $posts posts). Pages written by a"
echo "merge: ours $pages_ours, po2html's $pages_peer. Files and folders our \"nothing changed\""
echo "run touched: $touched. New fuzzy entries after the 10 % edit: ours $fuzzy_ours, msgmerge's"
echo "$fuzzy_peer (different catalogs: html2po's units are not ours)."
rm -rf "$dir/main"

# The growth curve, ours only.
for count in $counts; do
  make_site "$dir/scale" "$count"
  s=$dir/scale/site
  i=0
  while [ "$i" -lt "$runs" ]; do
    cold_extract "$s" "$dir/scale/locales0" "$dir/scale.extract.$count"
    i=$((i + 1))
  done
  translate "$s"
  i=0
  while [ "$i" -lt "$runs" ]; do
    rm -rf "$s/public" "$s/.l10n-cache"
    (cd "$s" && timed "$dir/scale.merge.$count" "$merge" -q)
    i=$((i + 1))
  done
  echo "$count $(megabytes "$s/posts")" >>"$dir/scale.sizes"
  rm -rf "$dir/scale"
done
ref=2000
echo " $counts " | grep -q ' 2000 ' || ref=$(echo "$counts" | awk '{ print $1 }')
ref_x=$(stats "$dir/scale.extract.$ref" | cut -d' ' -f1)
ref_m=$(stats "$dir/scale.merge.$ref" | cut -d' ' -f1)
echo
echo "Growth, ours only (cold extract; cold merge into a fresh folder, both languages); \"vs"
echo "linear\": the time over ($ref posts' time × posts / $ref)."
echo
echo "| posts | size | extract | peak RSS | vs linear | merge | peak RSS | vs linear |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
while read -r count size unit; do
  x=$(cell "$dir/scale.extract.$count")
  m=$(cell "$dir/scale.merge.$count")
  lx=$(awk -v t="$(stats "$dir/scale.extract.$count" | cut -d' ' -f1)" -v r="$ref_x" \
    -v n="$count" -v b="$ref" 'BEGIN { printf "%.2f", t / (r * n / b) }')
  lm=$(awk -v t="$(stats "$dir/scale.merge.$count" | cut -d' ' -f1)" -v r="$ref_m" \
    -v n="$count" -v b="$ref" 'BEGIN { printf "%.2f", t / (r * n / b) }')
  printf '| %s | %s %s | %s | %s | %s | %s | %s | %s |\n' "$count" "$size" "$unit" \
    "$(echo "$x" | cut -f1)" "$(echo "$x" | cut -f2)" "$lx" \
    "$(echo "$m" | cut -f1)" "$(echo "$m" | cut -f2)" "$lm"
done <"$dir/scale.sizes"
if [ -s "$dir/failed" ]; then
  echo
  echo "Some runs failed (see stderr): the rows marked (failed) are not figures."
  exit 1
fi
