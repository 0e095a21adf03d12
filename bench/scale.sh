#!/bin/sh
# bench/scale.sh — time and peak memory at scale.  For generated plans of
# 300, 3000 and 10000 tasks (bench/mkbigplan.py: the reference plan's shape,
# the units of data/units.tsv) it runs, each into a fresh directory:
#
#   import          gongwen import plan PLAN --db DB     (a new database)
#   build           gongwen build --db DB -o DIR         (notice, sheets, booklet)
#   notice          gongwen notice --db DB -o X.pdf      (typeset in pieces)
#   notice-whole    the same with GONGWEN_PIECE_ITEMS=0  (typeset whole)
#   sheets+booklet  gongwen sheets --db DB -o DIR --booklet DIR.pdf
#   sheets-only     gongwen sheets --db DB -o DIR --no-booklet
#
# and prints a table: pages (the notice for build, the booklet for
# sheets+booklet), sheets written, wall and CPU seconds, the peak RSS of the
# gongwen process itself and the peak RSS of its largest worker process.
# There is no option to write the booklet alone: the booklet is one job of
# `gongwen sheets`, so its cost is the difference between the last two rows.
# The figures come from bench/rusage.c (getrusage / wait4; what each one
# means is written there and in docs/performance.md, "Memory at scale").
# Figures only: nothing passes or fails; the exit status is 1 only when a
# command fails or the tools cannot be built.  bench/run.sh runs it last.
#
#   SCALE_SIZES="300 3000"   the plan sizes, in tasks (default "300 3000
#                            10000"; 1..20000); empty: do nothing
#   SCALE_REPS=N             runs per step, the fastest wall and CPU time and
#                            the largest peaks kept (default 1)
#   GONGWEN=path             the gongwen binary (default ./gongwen)
#
# 10000 tasks take about 1.5 minutes on 2 cores; the largest process (the
# booklet's worker) peaks at about 230 MB (docs/performance.md, "Memory at
# scale").
cd "$(dirname "$0")/.." || exit 2
SIZES=${SCALE_SIZES-300 3000 10000}
REPS=${SCALE_REPS:-1}
GW=${GONGWEN:-./gongwen}
[ -n "$SIZES" ] || exit 0
export GONGWEN_HOME=${GONGWEN_HOME:-$(pwd)}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1494547200}
export PYTHONDONTWRITEBYTECODE=1
T=$(mktemp -d "${TMPDIR:-/tmp}/gw-bench-scale.XXXXXX")
trap 'rm -rf "$T"' EXIT
trap 'exit 130' INT TERM

say() { printf '%s\n' "$*"; }

for n in $SIZES; do
    case $n in
        ''|*[!0-9]*) say "bench/scale.sh: SCALE_SIZES: '$n' is not a number of tasks"; exit 64 ;;
    esac
    if [ "$n" -lt 1 ] || [ "$n" -gt 20000 ]; then
        say "bench/scale.sh: SCALE_SIZES: $n is outside 1..20000 (the importer's cap)"; exit 64
    fi
done
if [ ! -x "$GW" ]; then
    say "bench/scale.sh: $GW is not built (make gongwen)"; exit 1
fi
GWABS=$(cd "$(dirname "$GW")" && pwd)/$(basename "$GW")
PY=$(command -v python3 || true)
[ -n "$PY" ] || { say "bench/scale.sh: python3 is needed for bench/mkbigplan.py"; exit 1; }
CC=${CC:-cc}
if ! "$CC" -O2 -o "$T/rusage" bench/rusage.c 2>"$T/cc.log" ||
   ! "$CC" -O2 -shared -fPIC -DRUSAGE_SHIM -o "$T/rusage_shim.so" bench/rusage.c 2>>"$T/cc.log"; then
    say "bench/scale.sh: could not build bench/rusage.c with $CC:"; cat "$T/cc.log"; exit 1
fi
export RUSAGE_SHIM="$T/rusage_shim.so"

# step NAME CMD... : runs CMD $REPS times under bench/rusage.c, after the
# command in $PREP (which empties the output of the run before).  Sets WALL,
# CPU (the fastest), PARENT_KB, WORKER_KB (the largest) and OK (the status
# of the last run); the command's output is in $T/NAME.log.
step() {
    name=$1; shift
    WALL= CPU= PARENT_KB=-1 WORKER_KB=-1 OK=0 i=0
    while [ "$i" -lt "$REPS" ] && [ "$OK" -eq 0 ]; do
        i=$((i + 1))
        eval "$PREP"
        "$T/rusage" -o "$T/$name.ru" "$@" >"$T/$name.log" 2>&1
        OK=$?
        # WALL_S CPU_S PARENT_KB WORKERS_KB TREE_KB STATUS
        read -r w c p k _tree _st <"$T/$name.ru" || { OK=70; break; }
        WALL=$(awk -v a="$WALL" -v b="$w" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
        CPU=$(awk -v a="$CPU" -v b="$c" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
        PARENT_KB=$(awk -v a="$PARENT_KB" -v b="$p" 'BEGIN { print (b + 0 > a + 0) ? b : a }')
        WORKER_KB=$(awk -v a="$WORKER_KB" -v b="$k" 'BEGIN { print (b + 0 > a + 0) ? b : a }')
    done
}

mb() {  # KB -> MB with one decimal; 0 (no worker) -> "-", -1 (unknown) -> "?"
    awk -v k="$1" 'BEGIN { if (k < 0) print "?"; else if (k == 0) print "-"; else printf "%.1f", k / 1024 }'
}
pages() { [ -f "$1" ] && pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ { print $2 }' || echo -; }
count() { [ -d "$1" ] && find "$1" -name '*.pdf' | wc -l | tr -d ' ' || echo -; }

# row TASKS STEP PAGES SHEETS: a line of the table.  A failed run still has
# its figures (up to the failure); the line after it gives the message.
row() {
    printf '%6s  %-15s %6s %6s %8s %8s %10s %10s\n' "$1" "$2" "${3:--}" "${4:--}" \
        "${WALL:-?}" "${CPU:-?}" "$(mb "$PARENT_KB")" "$(mb "$WORKER_KB")"
    if [ "$OK" -ne 0 ]; then
        printf '%6s  %-15s ^ failed (status %s): %s\n' "" "" "$OK" \
            "$(grep -v '^ *$' "$T/$2.log" 2>/dev/null | head -n 1)"
        FAILED=1
    fi
}

say "machine: $(nproc) CPUs, $(awk '/^MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; $REPS run(s) per step"
say "MB = 1024 KB of peak RSS (ru_maxrss); parent = the gongwen process, worker = its largest"
say "worker process (one process, not a sum; it includes the pages it shares with the parent)"
printf '%6s  %-15s %6s %6s %8s %8s %10s %10s\n' tasks step pages sheets "wall s" "CPU s" \
    "parent MB" "worker MB"
FAILED=0
for n in $SIZES; do
    D="$T/$n"
    mkdir -p "$D"
    "$PY" bench/mkbigplan.py "$n" >"$D/plan.txt" || { say "bench/scale.sh: mkbigplan.py $n failed"; exit 1; }

    PREP='rm -f "$D/plan.db"'
    step import "$GWABS" -q import plan "$D/plan.txt" --db "$D/plan.db"
    row "$n" import
    [ "$OK" -eq 0 ] || continue

    PREP='rm -rf "$D/build"'
    step build "$GWABS" -q build --db "$D/plan.db" -o "$D/build"
    row "$n" build "$(pages "$D/build/notice.pdf")" "$(count "$D/build/sheets")"
    rm -rf "$D/build"

    # the notice alone: typeset in pieces (the default), and whole
    # (GONGWEN_PIECE_ITEMS=0), the way it was before pieces: the same bytes
    PREP='rm -f "$D/notice.pdf"'
    step notice "$GWABS" -q notice --db "$D/plan.db" -o "$D/notice.pdf"
    row "$n" notice "$(pages "$D/notice.pdf")"
    PREP='rm -f "$D/notice.pdf"'
    step "notice-whole" env GONGWEN_PIECE_ITEMS=0 "$GWABS" -q notice --db "$D/plan.db" \
        -o "$D/notice.pdf"
    row "$n" "notice-whole" "$(pages "$D/notice.pdf")"

    PREP='rm -rf "$D/sheets" "$D/booklet.pdf"'
    step sheets+booklet "$GWABS" -q sheets --db "$D/plan.db" -o "$D/sheets" --booklet "$D/booklet.pdf"
    row "$n" sheets+booklet "$(pages "$D/booklet.pdf")" "$(count "$D/sheets")"

    PREP='rm -rf "$D/sheets" "$D/booklet.pdf"'
    step "sheets-only" "$GWABS" -q sheets --db "$D/plan.db" -o "$D/sheets" --no-booklet
    row "$n" "sheets-only" "" "$(count "$D/sheets")"
    rm -rf "$D"
done
say "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end (2 cores shared with other work: wall times are noisy)"
exit $FAILED
