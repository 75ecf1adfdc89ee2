#!/bin/sh
# Markdown benchmark: N generated Markdown posts (default 2000; Hugo page
# bundles and single files, YAML and TOML front matter, headings, emphasis,
# links inline and by reference, images, inline code, code blocks, lists,
# quotes, tables, shortcodes) extracted into catalogs and merged back into
# Spanish pages, by l10n-extract and l10n-merge and by po4a's markdown module
# (the po4a driver with a po4a.cfg listing every post, `-o markdown -o
# yfm_keys=...`: one process a step, as a site runs it; po4a-gettextize and
# po4a-translate read one document a process). Each step starts from the
# same state every run (extract with no catalog; merge with a catalog whose
# msgstr is the msgid, by msgen); median time of RUNS runs and peak RSS.
# translate-toolkit has no md2po in Debian's 3.8 (not measured). Before the
# Markdown format lands, the l10n rows are skipped with a message.
# Usage: bench/markdown.sh [BUILD_DIR] [POSTS] [RUNS]
set -eu
build=${1:-build}
n=${2:-2000}
runs=${3:-5}
cmake --build "$build" --target l10n-extract l10n-merge >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
. "$(dirname "$0")/common.sh"
ours=yes
if ! sh "$(dirname "$0")/../scripts/markdown-supported.sh" "$build"; then
  ours=
  echo "l10n tools: skipped, $build/l10n-extract does not read Markdown posts yet"
fi
command -v po4a >/dev/null || { echo "po4a not installed (scripts/deps.sh)"; exit 1; }

# The posts: post I is a bundle (content/blog/post-I/index.md) when I is
# even, a single file (content/blog/post-I.md) when odd; YAML front matter
# when I % 4 < 2, TOML otherwise. Texts repeat across posts (a footer, list
# items) as on a real site, and each post has its own sentences.
site="$dir/site"
mkdir -p "$site/content/blog"
awk -v n="$n" -v site="$site" 'BEGIN {
  split("water committee valley report village family workshop reservoir pipe river " \
        "school meeting budget harvest volunteer province training network", w, " ")
  for (i = 1; i <= n; i++) {
    if (i % 2 == 0) { system("mkdir -p " site "/content/blog/post-" i); f = site "/content/blog/post-" i "/index.md" }
    else f = site "/content/blog/post-" i ".md"
    a = w[i % 18 + 1]; b = w[int(i / 18) % 18 + 1]; c = w[int(i / 7) % 18 + 1]
    if (i % 4 < 2) {
      printf "---\ntitle: \"Post %d: the %s and the %s\"\ndate: 2019-%02d-%02d\n", i, a, b, i % 12 + 1, i % 28 + 1 > f
      printf "description: \x27A visit to the %s of %s number %d.\x27\n", c, a, i > f
      printf "summary: >\n  What we learned about the %s,\n  and what comes next.\n", b > f
      printf "categories:\n  - %s\ntags: [%s, %s]\nslug: post-%d\ndraft: false\n---\n\n", a, b, c, i > f
    } else {
      printf "+++\ntitle = \"Post %d: the %s and the %s\"\ndate = 2019-%02d-%02d\n", i, a, b, i % 12 + 1, i % 28 + 1 > f
      printf "description = \"A visit to the %s of %s number %d.\"\n", c, a, i > f
      printf "categories = [\"%s\"]\ntags = [\"%s\", \"%s\"]\nweight = %d\n+++\n\n", a, b, c, i > f
    }
    printf "# The %s of post %d\n\n", a, i > f
    printf "We met **the %s** of the %s and visited _%d_ families\nin the %s. ", b, a, i, c > f
    printf "The trip was organised by [our partners](https://example.org/p/%d \"Partner %d\").\n\n", i, i > f
    printf "What we saw\n-----------\n\n" > f
    printf "- The %s meets *every month*.\n- Each family pays a __small fee__.\n- Item %d of the list.\n\n", a, i > f
    printf "> The %s is not a gift: it is work.\n\n", b > f
    printf "![A photo of the %s](photo-%d.jpg \"The %s in %d\")\n\n", c, i, c, 2000 + i % 20 > f
    if (i % 3 == 0) {
      printf "| Place | Families | Notes |\n| --- | --- | --- |\n| The %s | Many | Visited on day %d |\n| The %s | Few | Next year |\n\n", a, i, b > f
    }
    if (i % 5 == 0) printf "```sh\n./measure --site %d\n```\n\n", i > f
    if (i % 7 == 0) printf "{{< figure src=\"map-%d.png\" >}}\n\n", i > f
    printf "Run `report %d` and read the [full report][r] on the %s.  \nThanks for reading.\n\n", i, c > f
    printf "[r]: https://example.org/report-%d.pdf \"Report %d\"\n", i, i > f
    close(f)
  }
}'
echo "posts: $n Markdown files, $(cat "$site"/content/blog/*.md "$site"/content/blog/*/index.md | wc -c) bytes"

printf '[project]\nname = "bench"\nlanguages = ["en", "es"]\nposts = ["content/blog/*/index.md", "content/blog/*.md"]\n' > "$site/l10n.toml"
# po4a.cfg: every post, its Spanish page in out/.
{
  printf '[po4a_langs] es\n[po4a_paths] po/site.pot es:po/es.po\n'
  printf '[options] opt:"-o markdown -o yfm_keys=title,description,summary -M UTF-8 -L UTF-8 -k 0"\n'
  (cd "$site" && ls content/blog/*.md content/blog/*/index.md) | while read -r f; do
    printf '[type: text] %s es:out/%s\n' "$f" "$f"
  done
} > "$site/po4a.cfg"

l10n_extract() {
  rm -rf "$site/locales"
  run "$dir/ours-extract.t" "$build/l10n-extract" --config "$site/l10n.toml"
}
l10n_merge() {
  run "$dir/ours-merge.t" "$build/l10n-merge" --keep 0 --config "$site/l10n.toml"
}
po4a_extract() {
  rm -rf "$site/po"
  mkdir -p "$site/po"
  run "$dir/po4a-extract.t" sh -c 'cd "$1" && exec po4a --no-translations po4a.cfg' sh "$site"
}
po4a_merge() {
  run "$dir/po4a-merge.t" sh -c 'cd "$1" && exec po4a --no-update po4a.cfg' sh "$site"
}

# Alternate the tools so that a busy moment of the machine hits both alike;
# each merge follows its own extract, with the catalog translated by msgen.
i=0
while [ "$i" -lt "$runs" ]; do
  po4a_extract
  msgen "$site/po/es.po" -o "$site/po/es.po"
  po4a_merge
  if [ -n "$ours" ]; then
    l10n_extract
    msgen "$site/locales/es.po" -o "$site/locales/es.po"
    l10n_merge
  fi
  i=$((i + 1))
done

row() {  # row LABEL FILE
  if [ -s "$2" ]; then
    read -r t m <<EOT
$(median "$2")
EOT
    printf '%-34s %8.3f s %10d KiB peak RSS\n' "$1" "$t" "$m"
  else
    printf '%-34s %10s\n' "$1" "skipped"
  fi
}
row "l10n-extract" "$dir/ours-extract.t"
row "po4a --no-translations (markdown)" "$dir/po4a-extract.t"
row "l10n-merge" "$dir/ours-merge.t"
row "po4a --no-update (markdown)" "$dir/po4a-merge.t"
if [ -n "$ours" ]; then
  for step in extract merge; do
    a=$(median "$dir/po4a-$step.t" | cut -d' ' -f1)
    b=$(median "$dir/ours-$step.t" | cut -d' ' -f1)
    awk -v a="$a" -v b="$b" -v s="$step" 'BEGIN { if (b < 0.001) b = 0.001; printf "%s speed-up over po4a: %.1fx (median of '"$runs"' runs each)\n", s, a / b }'
  done
  echo "l10n strings: $(grep -c '^msgid ' "$site/locales/en.pot") msgids in en.pot"
fi
echo "po4a strings: $(grep -c '^msgid ' "$site/po/site.pot") msgids in site.pot"
