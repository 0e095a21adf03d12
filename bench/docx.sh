#!/bin/sh
# bench/docx.sh — the Word files of the embedded default set: the notice,
# all 38 task sheets and the quarterly report of the sample data, written
# as .docx (`gongwen build --formats docx`, `gongwen report --format docx`),
# with wall time, peak RSS and sizes.  Figures, not a test: exit status 1
# only when a command fails.  bench/run.sh calls it as part (7).
#
#   REPS=N      runs, the fastest kept (default 3)
#   GONGWEN=... the gongwen binary (default ./gongwen)
cd "$(dirname "$0")/.." || exit 2
GW=${GONGWEN:-./gongwen}
REPS=${REPS:-3}
export GONGWEN_HOME=${GONGWEN_HOME:-$(pwd)}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1494547200}
T=$(mktemp -d "${TMPDIR:-/tmp}/gw-bench-docx.XXXXXX")
trap 'rm -rf "$T"' EXIT
GWABS=$(cd "$(dirname "$GW")" && pwd)/$(basename "$GW")

# the records, outside the timing: the embedded plan, and the sample
# supervision data on it (as `make run` loads them)
"$GWABS" -q import plan data/plan.txt --db "$T/d.db" || exit 1
cp "$T/d.db" "$T/s.db"
"$GWABS" -q import milestones data/sample/milestones.csv --db "$T/s.db" >/dev/null 2>&1
for f in data/sample/progress-*.csv; do
    "$GWABS" -q import progress "$f" --db "$T/s.db" >/dev/null 2>&1
done

# step NAME CMD...: the fastest of $REPS runs (wall s) and the largest peak
# RSS (MB, GNU time), into WALL and PEAK
step() {
    WALL= PEAK=0 i=0
    while [ "$i" -lt "$REPS" ]; do
        i=$((i + 1))
        rm -rf "$T/o"
        /usr/bin/time -f '%e %M' -o "$T/time" "$@" >/dev/null 2>"$T/err" || {
            echo "docx: $* failed:"; cat "$T/err"; exit 1; }
        read -r w k <"$T/time"
        WALL=$(awk -v a="$WALL" -v t="$w" 'BEGIN { printf "%.3f", (a == "" || t < a + 0) ? t : a }')
        PEAK=$(awk -v a="$PEAK" -v k="$k" 'BEGIN { m = k / 1024; printf "%.1f", (m > a + 0) ? m : a }')
    done
}

step "$GWABS" -q build --db "$T/d.db" -o "$T/o" --formats docx
n=$(find "$T/o" -name '*.docx' | wc -l)
total=$(find "$T/o" -name '*.docx' -exec cat {} + | wc -c)
printf 'docx: notice + sheets, %d files, %d KB: %s s wall, %s MB peak (fastest of %d, 2 workers)\n' \
    "$n" $((total / 1024)) "$WALL" "$PEAK" "$REPS"
step "$GWABS" -q report --db "$T/s.db" --format docx -o "$T/o/report.docx"
printf 'docx: the report of the sample data, %d KB: %s s wall, %s MB peak\n' \
    $(( $(wc -c <"$T/o/report.docx") / 1024 )) "$WALL" "$PEAK"
