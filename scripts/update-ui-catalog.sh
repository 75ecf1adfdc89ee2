#!/bin/sh
# Regenerates locales/ui/l10n-tools.pot from the sources and merges it into
# every locales/ui/<lang>.po (then translate the new entries, e.g. in Poedit).
set -eu
cd "$(dirname "$0")/.."
xgettext --language=C++ --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=FormatUi \
  --keyword=FormatUiPlural:1,2 \
  --package-name=l10n-tools --msgid-bugs-address= --add-comments=TRANSLATORS: \
  --sort-by-file -o locales/ui/l10n-tools.pot lib/*/*.h lib/*/*.cc tools/*.cc
# The template is English: say so, so that msgfmt -c accepts it too (xgettext
# leaves CHARSET and nplurals=INTEGER for the translator to fill in).
sed -i -e 's/charset=CHARSET/charset=UTF-8/' \
  -e 's/nplurals=INTEGER; plural=EXPRESSION;/nplurals=2; plural=(n != 1);/' \
  locales/ui/l10n-tools.pot
for po in locales/ui/*.po; do
  msgmerge --quiet --update --backup=none --previous "$po" locales/ui/l10n-tools.pot
done
