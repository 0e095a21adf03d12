#!/bin/sh
# leakcheck.sh — `make leakcheck`: runs gongwen under valgrind
# (--leak-check=full, errors = definitely/indirectly lost blocks and invalid
# memory use) over `gongwen build` of the embedded plan and over
# `gongwen render` of every tests/fo/*.fo fixture plus a few error paths,
# then prints one line per run and a summary.  Exit status 1 when any run
# leaked or had a memory error (an unexpected exit status is reported but,
# being another test's business, does not fail the leak check).  Not part of `make test` (minutes, not seconds).
#
#   sh fuzz/leakcheck.sh [GONGWEN]
cd "$(dirname "$0")/.." || exit 2
GW=${1:-./gongwen}
command -v valgrind >/dev/null || { echo "leakcheck: valgrind not found (apt-get install -y valgrind)" >&2; exit 2; }
[ -x "$GW" ] || { echo "leakcheck: $GW not built (make gongwen)" >&2; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/gw-leak.XXXXXX")
trap 'rm -rf "$T"' EXIT
export GONGWEN_HOME="$PWD"
VG="valgrind -q --suppressions=fuzz/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect \
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
runs=0
bad=0
odd=0

# check NAME WANT_STATUS CMD...: runs CMD under valgrind; a valgrind error
# (status 99) or a status other than WANT_STATUS is a failure.
check() {
    name=$1 want=$2
    shift 2
    runs=$((runs + 1))
    $VG --log-file="$T/vg.log" "$@" >"$T/stdout" 2>"$T/err"
    rc=$?
    lost=$(grep -E 'definitely lost|indirectly lost' "$T/vg.log" | head -2 | tr -s ' ' | tr '\n' ';')
    if [ "$rc" -eq 99 ] || [ -s "$T/vg.log" ]; then
        bad=$((bad + 1))
        echo "LEAK/ERROR  $name (status $rc) $lost"
        sed 's/^/    /' "$T/vg.log" | head -40
    elif [ "$rc" -ne "$want" ]; then
        # not a memory problem, but the run did not do what it should
        odd=$((odd + 1))
        echo "status $rc    $name (want $want; no leak on this path)"
        sed 's/^/    /' "$T/err" | head -5
    else
        echo "clean       $name"
    fi
}

check "import plan" 0 "$GW" -q import plan data/plan.txt --db "$T/gw.db"
check "build (notice, sheets, booklet)" 0 "$GW" -q build --db "$T/gw.db" -o "$T/out"
for fo in tests/fo/*.fo; do
    # last.fo is a template that t_render_pages.sh fills in (LINES, FPC)
    case $fo in */last.fo) continue ;; esac
    check "render ${fo##*/}" 0 "$GW" -q render "$fo" -o "$T/r.pdf"
done
for f in fuzz/corpus/fo/not-xml fuzz/corpus/fo/billion-laughs fuzz/corpus/fo/table-spans \
         fuzz/corpus/fo/missing-glyphs fuzz/corpus/fo/svg-empty-ifo; do
    check "render error path ${f##*/}" 1 "$GW" -q render "$f" -o "$T/r.pdf"
done
check "import error path (unbalanced bracket)" 1 \
    "$GW" -q import plan tests/fixtures/import/err_bracket.txt --db "$T/imp.db"
check "export csv" 0 "$GW" -q export csv --db "$T/gw.db" -o "$T/x.csv"
# quarterly supervision: the forms in, the status out
check "import milestones" 0 "$GW" -q import milestones data/sample/milestones.csv --db "$T/gw.db"
check "import progress" 0 "$GW" -q import progress data/sample/progress-2017Q4.csv --db "$T/gw.db"
check "import progress (a re-submission)" 0 \
    "$GW" -q import progress "data/sample/progress-2017Q4-市人社局-更正.csv" --db "$T/gw.db"
printf '序号,报送单位,完成进度(%%),状态\n99,x,200,?\n' >"$T/bad.csv"
check "import progress error path (every row bad)" 1 \
    "$GW" -q import progress "$T/bad.csv" --quarter 2017Q4 --db "$T/gw.db"
check "status" 0 "$GW" -q status --quarter 2017Q4 --db "$T/gw.db"
check "history" 0 "$GW" -q history --task 5 --db "$T/gw.db"
check "report" 0 "$GW" -q report --quarter 2017Q4 --db "$T/gw.db" -o "$T/report.pdf"
check "xml report" 0 "$GW" -q xml report --db "$T/gw.db"
check "report error path (before sign_date)" 1 \
    "$GW" -q report --quarter 2017Q1 --db "$T/gw.db" -o "$T/early.pdf"
check "template progress (.xlsx)" 0 \
    "$GW" -q template progress --quarter 2018Q1 --unit 市科技局 --db "$T/gw.db" -o "$T/forms"
check "import progress (.xlsx form)" 1 \
    "$GW" -q import progress "$T/forms/11-市科技局.xlsx" --quarter 2018Q1 --db "$T/gw.db"
echo "leakcheck: $runs runs, $((runs - bad)) clean, $bad with leaks or memory errors," \
    "$odd with an unexpected exit status"
[ "$bad" -eq 0 ]
