#!/bin/sh
# Every C++ file of the project is as clang-format (.clang-format) writes it.
#   scripts/check-format.sh [ROOT]        check: list what differs, exit 1
#   scripts/check-format.sh --fix [ROOT]  rewrite the files in place
set -eu
fix=
if [ "${1:-}" = --fix ]; then fix=1; shift; fi
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"
format=$(command -v clang-format || command -v clang-format-14 || true)
if [ -z "$format" ]; then
  echo "clang-format not found: scripts/deps.sh installs it" >&2
  exit 1
fi
files=$(git ls-files '*.h' '*.cc' 2>/dev/null || find lib tools tests bench -name '*.h' -o -name '*.cc')
if [ -n "$fix" ]; then
  # shellcheck disable=SC2086
  "$format" -i $files
  exit 0
fi
# shellcheck disable=SC2086
if ! "$format" --dry-run -Werror $files 2>"${TMPDIR:-/tmp}/clang-format.$$"; then
  grep -o '^[^:]*\.\(h\|cc\)' "${TMPDIR:-/tmp}/clang-format.$$" | sort -u |
    sed 's/^/not formatted: /'
  echo "run scripts/check-format.sh --fix" >&2
  rm -f "${TMPDIR:-/tmp}/clang-format.$$"
  exit 1
fi
rm -f "${TMPDIR:-/tmp}/clang-format.$$"
echo "$(echo "$files" | wc -w) files formatted as .clang-format says"
