#!/bin/sh
# The installed package as another project uses it: `cmake --install` of the
# build tree into a scratch prefix, then tests/install/consumer/ built
# against it with find_package (shared and static library) and with
# pkg-config and the C++ compiler; each program segments post.html and
# writes a PO template, compared with expected.pot. Also checks the tools
# and their Spanish UI catalog from the installed copy.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR CXX
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
cxx=$3
work="$build/install-test"
prefix="$work/prefix"
rm -rf "$work"
mkdir -p "$work"
fail() {
  echo "install_test: $*" >&2
  exit 1
}

cmake --install "$build" --prefix "$prefix" >"$work/install.log" || fail "cmake --install failed"
libdir=$(cd "$prefix" && ls -d lib lib/*-linux-gnu 2>/dev/null | while read -r d; do
  [ -e "$prefix/$d/libl10n.a" ] && echo "$d"; done | head -n 1)
[ -n "$libdir" ] || fail "no libl10n.a under $prefix/lib"
for f in bin/l10n-extract bin/l10n-merge bin/l10n-check bin/l10n-import \
  "$libdir/libl10n.a" "$libdir/libl10n.so" "$libdir/libl10n.so.0" "$libdir/libl10n.so.0.1.0" \
  "$libdir/pkgconfig/l10n.pc" "$libdir/cmake/l10n/l10nConfig.cmake" \
  "$libdir/cmake/l10n/l10nConfigVersion.cmake" "$libdir/cmake/l10n/l10nTargets.cmake" \
  include/l10n/post/post_formats.h include/l10n/catalog/catalog_io.h include/l10n/base/status.h \
  share/locale/es/LC_MESSAGES/l10n-tools.mo share/doc/l10n/README.md; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done
soname=$(objdump -p "$prefix/$libdir/libl10n.so.0.1.0" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = libl10n.so.0 ] || fail "SONAME is '$soname', not libl10n.so.0"

# The UI catalog found relative to the installed binary.
env -u L10N_LOCALEDIR LANG=C.UTF-8 LANGUAGE=es "$prefix/bin/l10n-extract" --help >"$work/help.es" 2>&1 ||
  true
grep -q "Muestra esta ayuda y sale" "$work/help.es" || fail "l10n-extract --help is not in Spanish: $(head -3 "$work/help.es")"

# The consumer, with find_package.
cmake -S "$src/tests/install/consumer" -B "$work/consumer" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" >"$work/consumer.log" 2>&1 ||
  fail "configuring the consumer failed: $(tail -20 "$work/consumer.log")"
cmake --build "$work/consumer" >>"$work/consumer.log" 2>&1 ||
  fail "building the consumer failed: $(tail -20 "$work/consumer.log")"

# The consumer, with pkg-config.
PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig"
export PKG_CONFIG_PATH
flags=$(pkg-config --cflags --libs l10n) || fail "pkg-config --cflags --libs l10n failed"
# shellcheck disable=SC2086
"$cxx" -std=c++20 -o "$work/extract_post_pc" "$src/tests/install/consumer/extract_post.cc" $flags \
  -Wl,-rpath,"$prefix/$libdir" || fail "building with pkg-config failed ($flags)"

cd "$src/tests/install/consumer"
for exe in "$work/consumer/extract_post" "$work/consumer/extract_post_static" "$work/extract_post_pc"; do
  "$exe" post.html >"$work/out.pot" || fail "$exe post.html failed"
  diff -u "$src/tests/install/expected.pot" "$work/out.pot" || fail "$exe: output differs"
done
echo "install_test: ok ($prefix)"
