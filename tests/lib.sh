# tests/lib.sh — sourced by the shell tests.  Each check prints "ok - name"
# or "not ok - name" (TAP); tests/run.sh counts them.
#
#   ok_if NAME COMMAND...        passes when COMMAND exits 0
#   ok_eq NAME GOT WANT          passes when the two strings are equal
#   ok_match NAME TEXT REGEX     passes when TEXT matches the grep -E regex
#   skip NAME WHY
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
GW="$TOP/gongwen"
export GONGWEN_HOME="$TOP"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1494547200}
T=$(mktemp -d "${TMPDIR:-/tmp}/gw-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
_n=0
_fail=0

# sample_db DB: the reference plan with the made-up supervision data of
# data/sample (milestones and four quarters of progress), as `make sample`
sample_db() {
    "$GW" -q import plan "$TOP/data/plan.txt" --db "$1"
    "$GW" -q import milestones "$TOP/data/sample/milestones.csv" --db "$1"
    for _q in 2017Q3 2017Q4 2018Q1 2018Q2; do
        "$GW" -q import progress "$TOP/data/sample/progress-$_q.csv" --quarter $_q --db "$1"
    done
}

ok_if() {
    _name=$1; shift
    _n=$((_n + 1))
    if "$@" >"$T/.out" 2>&1; then
        echo "ok $_n - $_name"
    else
        echo "not ok $_n - $_name"
        sed 's/^/#   /' "$T/.out" | head -20
        _fail=$((_fail + 1))
    fi
}

ok_eq() {
    _n=$((_n + 1))
    if [ "$2" = "$3" ]; then
        echo "ok $_n - $1"
    else
        echo "not ok $_n - $1"
        printf '#   got:  %s\n#   want: %s\n' "$2" "$3" | head -20
        _fail=$((_fail + 1))
    fi
}

ok_match() {
    _n=$((_n + 1))
    if printf '%s\n' "$2" | grep -Eq -- "$3"; then
        echo "ok $_n - $1"
    else
        echo "not ok $_n - $1"
        printf '#   text: %s\n#   want match: %s\n' "$2" "$3" | head -20
        _fail=$((_fail + 1))
    fi
}

skip() {
    _n=$((_n + 1))
    echo "ok $_n - $1 # SKIP $2"
}

done_testing() {
    echo "1..$_n"
    [ "$_fail" -eq 0 ]
}
