# Shared by the bench/*.sh scripts (sourced; needs $dir, a scratch folder).

# run FILE COMMAND...: runs COMMAND once and appends "seconds KiB" (wall
# time, peak RSS) to FILE. /usr/bin/time gives the peak RSS; its clock has
# 10 ms steps, too coarse here, so the time is taken around it in
# nanoseconds. A failing command is measured all the same.
run() {
  out=$1; shift
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$dir/time" "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000 )) $(tail -n 1 "$dir/time")" |
    awk '{ printf "%.4f %d\n", $1 / 1e6, $2 }' >> "$out"
}

# median FILE: the median line ("seconds KiB") by time.
median() {
  sort -n "$1" | awk '{ t[NR] = $1; m[NR] = $2 } END { i = int((NR + 1) / 2); print t[i], m[i] }'
}
