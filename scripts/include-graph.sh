#!/bin/sh
# The module graph of lib/ and tools/, from their #include lines, and its
# two rules (README, "Layout"):
#   - the stages of lib/ are in this order, and a module includes only
#     modules of its own stage or of a stage below it:
#       base < unit < post < catalog < align < check < render < project < tools
#   - no cycle: no module reaches itself through its includes.
# A module is a header and its source (lib/catalog/po_reader.{h,cc}).
# Prints the graph, one module a line with what it includes, and every
# violation; exit status 1 when there is one.
#
#   scripts/include-graph.sh [ROOT]     (default: the repository)
set -eu
root=${1:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"

stages="base unit post catalog align check render project tools"

# "module included-module" pairs: tools/x.cc is module tools/x; an include
# "catalog/po_reader.h" is module catalog/po_reader.
{
  for f in lib/*/*.h lib/*/*.cc tools/*.h tools/*.cc; do
    [ -f "$f" ] || continue
    module=$(echo "$f" | sed -e 's|^lib/||' -e 's|\.[a-z]*$||')
    echo "$module $module"
    sed -n 's|^#include "\([^"]*\)\.h".*|\1|p' "$f" | while read -r dep; do
      case $dep in
        */*) echo "$module $dep" ;;
        *) echo "$module tools/$dep" ;;  # tools/ includes its own headers by name
      esac
    done
  done
} | sort -u | awk -v stages="$stages" '
  BEGIN {
    n = split(stages, s, " ")
    for (i = 1; i <= n; i++) rank[s[i]] = i
  }
  {
    from = $1; to = $2
    modules[from] = 1
    if (from == to) next
    modules[to] = 1
    edges[from] = edges[from] " " to
    split(from, a, "/"); split(to, b, "/")
    if (!(a[1] in rank)) { printf "error: %s is in no stage (%s)\n", from, stages; bad = 1 }
    if (!(b[1] in rank)) { printf "error: %s includes %s, in no stage\n", from, to; bad = 1 }
    else if (rank[b[1]] > rank[a[1]]) {
      printf "error: %s includes %s, a stage above it\n", from, to; bad = 1
    }
  }
  # Depth-first search from every module; a grey module met again closes a
  # cycle, printed from that module on.
  function visit(m,    list, k, i, dep, cycle) {
    color[m] = 1; stack[++depth] = m
    k = split(edges[m], list, " ")
    for (i = 1; i <= k; i++) {
      dep = list[i]
      if (color[dep] == 1) {
        cycle = dep
        for (j = depth; stack[j] != dep; j--) ;
        for (j = j + 1; j <= depth; j++) cycle = cycle " -> " stack[j]
        printf "error: include cycle: %s -> %s\n", cycle, dep; bad = 1
      } else if (color[dep] == 0) {
        visit(dep)
      }
    }
    depth--; color[m] = 2
  }
  END {
    for (m in modules) if (color[m] == 0) visit(m)
    for (i = 1; i <= n; i++) {
      printf "%s:\n", s[i]
      # modules of the stage, sorted
      count = 0
      for (m in modules) { split(m, a, "/"); if (a[1] == s[i]) names[++count] = m }
      for (x = 1; x <= count; x++) for (y = x + 1; y <= count; y++)
        if (names[y] < names[x]) { t = names[x]; names[x] = names[y]; names[y] = t }
      for (x = 1; x <= count; x++) {
        k = split(edges[names[x]], list, " ")
        for (p = 1; p <= k; p++) for (q = p + 1; q <= k; q++)
          if (list[q] < list[p]) { t = list[p]; list[p] = list[q]; list[q] = t }
        line = ""
        for (p = 1; p <= k; p++) line = line " " list[p]
        printf "  %s ->%s\n", names[x], (line == "" ? " (nothing)" : line)
      }
    }
    exit bad
  }'
