#!/bin/sh
# Pathological sizes, at two scales each, to show that time grows linearly
# and that nothing overflows the stack (docs/limits.md):
#   - a catalog of N entries, each with a placeholder, checked;
#   - a post of N units (paragraphs with a link), extracted and merged;
#   - N nested elements (refused above 1,000, in linear time).
# Usage: bench/limits.sh [BUILD_DIR]
set -eu
build=${1:-build}
cmake --build "$build" --target l10n-check l10n-extract l10n-merge >/dev/null
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
measure() {  # label, folder, command...
  label=$1; where=$2; shift 2
  (cd "$where" && /usr/bin/time -f "%e %M" -o "$dir/time" "$@" >/dev/null 2>&1) || true
  tail -n 1 "$dir/time" > "$dir/time.last"  # after "Command exited with ..."
  read -r secs kb < "$dir/time.last"
  printf '%-46s %7.2f s %9d KiB\n' "$label" "$secs" "$kb"
}
# A project of English posts (posts/*.html) in a new folder.
html_project() {  # folder
  mkdir -p "$1/posts"
  printf '[project]\nlanguages = ["en", "es"]\nposts = ["posts/*.html"]\n' > "$1/l10n.toml"
}
for n in 500000 1000000; do
  awk -v n="$n" 'BEGIN {
    printf "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    printf "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
    for (i = 0; i < n; i++)
      printf "#: posts/p%d.html:%d\nmsgid \"String number %d <a>here</a>.\"\nmsgstr \"Cadena %d <a>aqui</a>.\"\n\n", i / 1000, i % 1000, i, i
  }' > "$dir/c$n.po"
  measure "l10n-check, catalog of $n entries" "$dir" "$PWD/$build/l10n-check" "c$n.po"
done
for n in 50000 100000; do
  p="$dir/p$n"
  html_project "$p"
  awk -v n="$n" 'BEGIN {
    printf "<!DOCTYPE html><html lang=\"en\"><head><title>Big</title></head><body>\n"
    for (i = 0; i < n; i++) printf "<p>Paragraph %d with <a href=\"/x%d\">a link</a>.</p>\n", i, i
    printf "</body></html>\n"
  }' > "$p/posts/big.html"
  measure "l10n-extract, a post of $n units" "$p" "$PWD/$build/l10n-extract" -q
  measure "l10n-merge, a post of $n units" "$p" "$PWD/$build/l10n-merge" -q --keep 0
done
for n in 50000 100000; do
  p="$dir/d$n"
  html_project "$p"
  awk -v n="$n" 'BEGIN {
    printf "<!DOCTYPE html><html lang=\"en\"><body>"
    for (i = 0; i < n; i++) printf "<div>"
    printf "<p>Deep</p></body></html>\n"
  }' > "$p/posts/deep.html"
  measure "l10n-extract, $n nested elements (refused)" "$p" "$PWD/$build/l10n-extract" -q
done

# ---- HTML: linear time in what the parser builds (docs/limits.md) ----
# At four sizes each, to show the growth:
#   - N <br>s in one <p> (one unit of N placeholders), extracted, then merged
#     with a translation (the unit is rebuilt and checked);
#   - N <b>x</b> in a <table>, foster-parented before it (one unit);
#   - one element with N attributes (refused above 100) and N attributes on
#     N/100 elements (accepted);
#   - 90 unclosed <b id=..> and then N paragraphs, each of which the parser
#     would reopen them in (refused above 100,000 reopened elements).
for n in 10000 50000 100000 200000; do
  p="$dir/br$n"
  html_project "$p"
  awk -v n="$n" 'BEGIN {
    printf "<!DOCTYPE html><html lang=\"en\"><body><p>"
    for (i = 0; i < n; i++) printf "Word<br>"
    printf "</p></body></html>\n"
  }' > "$p/posts/br.html"
  measure "l10n-extract, $n <br> in one <p>" "$p" "$PWD/$build/l10n-extract" -q
  # Every msgid translated: "Word" -> "Palabra", placeholders kept.
  awk '/^msgid /{ id = 1; buf = substr($0, 7); print; next }
       id && /^"/ { buf = buf "\n" $0; print; next }
       /^msgstr ""$/ && id && buf != "\"\"" { id = 0; gsub(/Word/, "Palabra", buf); print "msgstr " buf; next }
       { id = 0; print }' "$p/locales/es.po" > "$p/es.po" && mv "$p/es.po" "$p/locales/es.po"
  measure "l10n-merge, the same, translated" "$p" "$PWD/$build/l10n-merge" -q --keep 0
done
for n in 10000 50000 100000 200000; do
  p="$dir/foster$n"
  html_project "$p"
  awk -v n="$n" 'BEGIN {
    printf "<!DOCTYPE html><html lang=\"en\"><body><table>"
    for (i = 0; i < n; i++) printf "<b>x</b>"
    printf "<tr><td>Cell</td></tr></table></body></html>\n"
  }' > "$p/posts/foster.html"
  measure "l10n-extract, $n foster-parented <b>" "$p" "$PWD/$build/l10n-extract" -q
done
for n in 10000 50000 100000 200000; do
  p="$dir/attr$n"
  html_project "$p"
  awk -v n="$n" 'BEGIN {
    printf "<!DOCTYPE html><html lang=\"en\"><body><p"
    for (i = 0; i < n; i++) printf " a%d=x", i
    printf ">Hello</p></body></html>\n"
  }' > "$p/posts/attr.html"
  measure "l10n-extract, $n attributes on one element (refused)" "$p" "$PWD/$build/l10n-extract" -q
  awk -v n="$n" 'BEGIN {
    printf "<!DOCTYPE html><html lang=\"en\"><body>"
    for (e = 0; e < n / 100; e++) {
      printf "<p"
      for (i = 0; i < 100; i++) printf " a%d=x", i
      printf ">Hello %d</p>\n", e
    }
    printf "</body></html>\n"
  }' > "$p/posts/attr.html"
  measure "l10n-extract, $n attributes, 100 per element" "$p" "$PWD/$build/l10n-extract" -q
done
for n in 10000 50000 100000 200000; do
  p="$dir/reopen$n"
  html_project "$p"
  awk -v n="$n" 'BEGIN {
    printf "<!DOCTYPE html><html lang=\"en\"><body><p>"
    for (i = 0; i < 90; i++) printf "<b id=%d>", i
    printf "x</p>"
    for (i = 0; i < n; i++) printf "<p>Para</p>"
    printf "</body></html>\n"
  }' > "$p/posts/reopen.html"
  measure "l10n-extract, 90 unclosed <b>, $n <p> (refused)" "$p" "$PWD/$build/l10n-extract" -q
done

# One entry with N "#:" references, each to another post (check counts the
# entry once per post: linear, not a search of the posts seen so far).
for n in 10000 50000 100000 200000; do
  awk -v n="$n" 'BEGIN {
    printf "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    printf "\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\n"
    for (i = 0; i < n; i++) printf "#: posts/p%d.html:%d\n", i, i % 1000 + 1
    printf "msgid \"Hello\"\nmsgstr \"Hola\"\n"
  }' > "$dir/r$n.po"
  measure "l10n-check, one entry with $n references" "$dir" "$PWD/$build/l10n-check" "r$n.po"
done
# One unit repeated N times in a post: N references to one entry, extracted.
for n in 50000 100000; do
  p="$dir/u$n"
  html_project "$p"
  awk -v n="$n" 'BEGIN {
    printf "<!DOCTYPE html><html lang=\"en\"><head><title>Same</title></head><body>\n"
    for (i = 0; i < n; i++) printf "<p>The same words.</p>\n"
    printf "</body></html>\n"
  }' > "$p/posts/same.html"
  measure "l10n-extract, one unit repeated $n times" "$p" "$PWD/$build/l10n-extract" -q
done
