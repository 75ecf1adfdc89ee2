#!/bin/sh
# Installs the Debian 12 packages the project needs, when missing. As root it
# runs apt-get; otherwise it prints the exact command and exits 1.
set -eu
# `deps.sh fuzz`: also clang and its libFuzzer runtime (make fuzz).
packages="build-essential cmake pkg-config libicu-dev gettext libpugixml-dev libfmt-dev \
doctest-dev libgumbo-dev libcli11-dev nlohmann-json3-dev libtomlplusplus-dev libmd4c-dev libyaml-cpp-dev libunistring-dev ccache ninja-build \
libxml2-utils clang-format"
if [ "${1:-}" = fuzz ]; then packages="$packages clang libclang-rt-14-dev"; fi
# python3: examples/hugo/fill.sh, which a test runs.
packages="$packages python3"
# groff-base: the man pages' test renders each (groff -man -ww -z);
# bsdutils: script(1), which gives the tools a terminal in the progress test.
packages="$packages groff-base bsdutils"
# `deps.sh bench`: also the peers bench/ compares with: po4a
# (bench/markdown.sh, bench/import.sh) and translate-toolkit (html2po,
# po2html, po2xliff: bench/tools.sh, bench/xliff.sh); gettext's msgmerge and
# msgfmt come with the packages above.
if [ "${1:-}" = bench ]; then packages="$packages po4a translate-toolkit"; fi
# `deps.sh browser`: also Chromium and openssl, for tests/browser/ (headless
# Chromium on the pages of public/, served over HTTPS with a certificate
# made for the run). About 124 MB of packages, 16 s to install from cache.
if [ "${1:-}" = browser ]; then packages="$packages chromium openssl"; fi
# `deps.sh package`: also what `make deb` and tests/install/ use:
# debhelper, dpkg-dev, lintian; man-db and groff-base for the man pages.
if [ "${1:-}" = package ]; then packages="$packages debhelper dpkg-dev lintian man-db groff-base"; fi
missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
else
  echo "Missing Debian packages. Install them with:" >&2
  echo "  sudo apt-get install -y$missing" >&2
  exit 1
fi
