#!/bin/sh
# Exit 0 when the l10n tools in BUILD (default build) read Markdown posts:
# a one-post project with "Some **bold** text." extracts the msgid
# "Some <strong>bold</strong> text." (until the format lands, a .md post is
# read as HTML and keeps its asterisks). Used by make demo and
# bench/markdown.sh to skip what needs the format. Usage:
# scripts/markdown-supported.sh [BUILD_DIR]
set -eu
build=${1:-build}
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '[project]\nlanguages = ["en", "es"]\nposts = ["*.md"]\n' > "$probe/l10n.toml"
printf -- '---\ntitle: Probe\n---\n\nSome **bold** text.\n' > "$probe/probe.md"
"$build/l10n-extract" --config "$probe/l10n.toml" >/dev/null 2>&1 || exit 1
grep -q '^msgid "Some <strong>bold</strong> text."$' "$probe/locales/en.pot"
