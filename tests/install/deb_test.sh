#!/bin/sh
# The Debian packages: scripts/build-deb.sh builds them into BUILD_DIR/deb
# (as `make deb` does; lintian must report no error), then each .deb's
# contents (dpkg-deb -c) must hold its files, and l10n-extract runs from a
# tree the three are extracted into (dpkg-deb -x). Skipped (exit 77) without
# dpkg-buildpackage and debhelper (scripts/deps.sh package).
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -eu
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
if ! command -v dpkg-buildpackage >/dev/null 2>&1 || ! command -v dh >/dev/null 2>&1; then
  echo "l10n-test-skipped: dpkg-buildpackage or debhelper missing (sh scripts/deps.sh package)"
  exit 77
fi
fail() {
  echo "deb_test: $*" >&2
  exit 1
}
out="$build/deb"
sh "$src/scripts/build-deb.sh" "$out" "$src" >/dev/null || fail "scripts/build-deb.sh failed"
version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
# Each package and files it must hold (paths as dpkg-deb -c prints them).
check() {
  deb="$out/${1}_${version}_${arch}.deb"
  [ -f "$deb" ] || fail "no $deb"
  shift
  dpkg-deb -c "$deb" | awk '{ print $6 }' >"$out/contents"
  for f in "$@"; do
    grep -qx "$f" "$out/contents" || fail "$deb lacks $f"
  done
}
check l10n-tools ./usr/bin/l10n-extract ./usr/bin/l10n-merge ./usr/bin/l10n-check \
  ./usr/bin/l10n-import ./usr/share/locale/es/LC_MESSAGES/l10n-tools.mo \
  ./usr/share/doc/l10n-tools/copyright
check libl10n0 "./usr/lib/$multiarch/libl10n.so.0.1.0"
check libl10n-dev ./usr/include/l10n/post/post_formats.h "./usr/lib/$multiarch/libl10n.a" \
  "./usr/lib/$multiarch/cmake/l10n/l10nConfig.cmake" "./usr/lib/$multiarch/pkgconfig/l10n.pc"
root="$out/root"
rm -rf "$root"
for deb in "$out"/*.deb; do dpkg-deb -x "$deb" "$root"; done
tool="$root/usr/bin/l10n-extract"
if "$tool" --help 2>&1 | grep -q -- --version; then
  "$tool" --version >"$out/version" 2>&1 || fail "l10n-extract --version failed"
  grep -q "0\.1\.0" "$out/version" || fail "l10n-extract --version: $(cat "$out/version")"
else
  # A tool without --version yet: it runs and prints its help.
  "$tool" --help >"$out/version" 2>&1 || fail "l10n-extract --help failed"
fi
echo "deb_test: ok ($out)"
