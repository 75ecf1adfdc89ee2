#!/bin/sh
# Builds the .debs (debian/) from a copy of the source tree in OUT/src, so
# that dpkg-buildpackage writes nothing into the checkout; the .debs land in
# OUT (make deb: build/deb/). Then runs lintian on them when installed.
# Usage: build-deb.sh OUT [SOURCE_DIR]
set -eu
out=$1
src=$(cd "${2:-$(dirname "$0")/..}" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
copy="$out/src/l10n"
rm -rf "$copy" "$out"/*.deb "$out"/*.buildinfo "$out"/*.changes
mkdir -p "$copy"
# The tracked files (or, outside git, the tree without build directories).
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$src" ls-files -z --cached --others --exclude-standard | (cd "$src" && xargs -0 cp --parents -t "$copy")
else
  tar -C "$src" --exclude='./build*' --exclude='./.git' -cf - . | tar -C "$copy" -xf -
fi
# ccache keys on paths relative to the copy, which stays where it is.
export CCACHE_BASEDIR="$copy"
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-nocheck parallel=2}"
(cd "$copy" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1 || {
  tail -40 "$out/build.log" >&2
  echo "build-deb: dpkg-buildpackage failed (log: $out/build.log)" >&2
  exit 1
}
mv "$out"/src/*.deb "$out"/src/*.buildinfo "$out"/src/*.changes "$out"/
if command -v lintian >/dev/null 2>&1; then
  lintian --fail-on error "$out"/*.changes || exit 1
fi
ls "$out"/*.deb
