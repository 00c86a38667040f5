# Sourced by the benchmark scripts (bench, head-to-head, scale), not run.
# median: the median of the numbers on standard input, separated by spaces or lines (the
# lower middle one of an even number).
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
