#!/bin/sh
# bench/sheets.sh — all task sheets plus the booklet of the reference plan in
# one run: wall time and sizes.  Target (issue 5): under 0.5 s on 2 cores,
# every sheet at most 40 KB.  Run from the top of the tree after `make`;
# bench/run.sh calls it.  Exit status 1 when a target is missed.
cd "$(dirname "$0")/.." || exit 2
GW=${GW:-./gongwen}
export GONGWEN_HOME=${GONGWEN_HOME:-$(pwd)}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1494547200}
T=$(mktemp -d "${TMPDIR:-/tmp}/gw-bench-sheets.XXXXXX")
trap 'rm -rf "$T"' EXIT

GWABS=$(cd "$(dirname "$GW")" && pwd)/$(basename "$GW")
# The record (the embedded plan) is made once, outside the timing.
( cd "$T" && "$GWABS" -q sheets --no-booklet --unit 市委办 -o warm ) >/dev/null 2>&1
DB="$T/out/gongwen.db"
if [ ! -s "$DB" ]; then
    echo "bench/sheets.sh: could not create the record in $DB" >&2
    exit 2
fi
start=$(date +%s.%N)
"$GWABS" -q sheets --db "$DB" -o "$T/sheets" --booklet "$T/sheets.pdf" || exit 1
end=$(date +%s.%N)
n=$(ls "$T/sheets"/*.pdf | wc -l)
total=$(cat "$T/sheets"/*.pdf | wc -c)
booklet=$(wc -c <"$T/sheets.pdf")
largest=$(ls -S "$T/sheets"/*.pdf | head -1)
lsize=$(wc -c <"$largest")
wall=$(echo "$end - $start" | bc)
printf 'sheets: %d sheets + booklet in %.3f s (%s cores); sheets %d KB total, largest %d KB (%s), booklet %d KB\n' \
    "$n" "$wall" "$(nproc)" $((total / 1024)) $((lsize / 1024)) "${largest##*/}" $((booklet / 1024))
fail=0
if [ "$(echo "$wall > 0.5" | bc)" = 1 ]; then echo "sheets: over the 0.5 s target"; fail=1; fi
if [ "$lsize" -gt 40960 ]; then echo "sheets: a sheet is over 40 KB"; fail=1; fi
exit $fail
