#!/bin/sh
# make fuzz: runs every libFuzzer target for SECONDS each (default 60), two at
# a time, from its seeds (tests/fuzz/corpus/<target>/ and tests/fuzz/seeds.txt)
# plus what earlier runs found (BUILD/fuzz-corpus/<target>/). Exits 1 if a target fails; its input
# is left in BUILD/fuzz-artifacts/: add it to tests/fuzz/regressions/<target>/
# once fixed. Usage: scripts/fuzz.sh BUILD SECONDS [TARGET...]
set -eu
build=$1
seconds=$2
shift 2
targets=${*:-segment po xliff merge format publish markdown cache}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$build/fuzz-artifacts" "$build/fuzz-logs"
run() {
  t=$1
  mkdir -p "$build/fuzz-corpus/$t"
  # Seeds: tests/fuzz/corpus/<target>/ and the folders tests/fuzz/seeds.txt
  # names (read only; new inputs go to the first folder).
  seeds=""
  [ -d "$root/tests/fuzz/corpus/$t" ] && seeds="$root/tests/fuzz/corpus/$t"
  for d in $(awk -v t="$t" '$1 == t { print $2 }' "$root/tests/fuzz/seeds.txt"); do
    seeds="$seeds $root/$d"
  done
  # -rss_limit_mb: a 1 GB input is not a bug; -timeout: 10 s for one input is.
  if "$build/${t}_fuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$t-" \
      "$build/fuzz-corpus/$t" $seeds > "$build/fuzz-logs/$t.log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$build/fuzz-logs/$t.log" | grep -o '[0-9]*$')
    echo "$t: clean, ${seconds} s, ${runs:-?} inputs"
  else
    echo "$t: FAILED (see $build/fuzz-logs/$t.log and $build/fuzz-artifacts/)"
    tail -n 30 "$build/fuzz-logs/$t.log"
    return 1
  fi
}
status=0
set -- $targets
while [ $# -gt 0 ]; do
  first=$1; shift
  if [ $# -gt 0 ]; then
    second=$1; shift
    run "$first" & p1=$!
    run "$second" & p2=$!
    wait $p1 || status=1
    wait $p2 || status=1
  else
    run "$first" || status=1
  fi
done
exit $status
