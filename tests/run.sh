#!/bin/sh
# tests/run.sh — runs every C unit test (build/*/tests/unit_*) and every shell
# test (tests/t_*.sh), counts the TAP lines they print, and ends with
# "N passed, N failed".  Exit status 1 when anything failed.
#
#   sh tests/run.sh [PATTERN]     only tests whose file name contains PATTERN
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build/rel}
pat=${1:-}
log=$(mktemp)
passed=0
failed=0
skipped=0
for t in "$BUILD"/tests/unit_* tests/t_*.sh; do
    [ -e "$t" ] || continue
    case "$t" in *.d|*.o) continue ;; esac
    case "$t" in *"$pat"*) ;; *) continue ;; esac
    name=${t##*/}
    start=$(date +%s)
    case "$t" in
        *.sh) timeout 900 sh "$t" >"$log" 2>&1 ;;
        *) timeout 300 "$t" >"$log" 2>&1 ;;
    esac
    rc=$?
    p=$(grep -c '^ok ' "$log")
    s=$(grep -c '^ok .*# SKIP' "$log")
    f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        # A crash or an early exit is a failure even if no check said so.
        f=1
        echo "not ok - $name exited with status $rc" >>"$log"
    fi
    p=$((p - s))
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
    end=$(date +%s)
    printf '%-28s %3d passed %3d failed %3d skipped (%ds)\n' "$name" "$p" "$f" "$s" $((end - start))
    if [ "$f" -gt 0 ] || [ -n "${VERBOSE:-}" ]; then
        grep -v '^ok ' "$log" | sed 's/^/    /' | head -60
    fi
done
rm -f "$log"
if [ $((passed + failed)) -eq 0 ]; then
    echo "no tests ran"
    echo "0 passed, 1 failed"
    exit 1
fi
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
