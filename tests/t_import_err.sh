#!/bin/sh
# t_import_err.sh — every import error of issue 2 prints FILE:LINE:COL and a
# message, exits 1, and leaves the database exactly as it was.
. "$(dirname "$0")/lib.sh"

F="$TOP/tests/fixtures/import"
DB="$T/rec.db"
"$GW" import plan "$TOP/data/plan.txt" --db "$DB" 2>/dev/null
ok_eq "setup: reference imported" "$?" 0
sqlite3 "$DB" "INSERT INTO progress(task_no, unit, quarter, status, percent) VALUES (3, 2, '2017Q3', '推进中', 40)"
SUM=$(sha256sum <"$DB")
DUMP=$(sqlite3 "$DB" .dump)

# check NAME FILE WANT-REGEX: the import fails with status 1, the message
# matches, and the database is byte-for-byte and row-for-row unchanged.
check() {
    "$GW" import plan "$2" --db "$DB" >"$T/out" 2>"$T/err"
    ok_eq "$1: exit status 1" "$?" 1
    ok_match "$1: message" "$(cat "$T/err")" "$3"
    ok_eq "$1: database file unchanged" "$(sha256sum <"$DB")" "$SUM"
    ok_eq "$1: rows unchanged" "$(sqlite3 "$DB" .dump)" "$DUMP"
}

check "no unit list" "$F/err_nounits.txt" \
    "^gongwen: .*err_nounits.txt:5:14: task 2 has no unit list"
check "duplicated number" "$F/err_dup.txt" \
    "^gongwen: .*err_dup.txt:6:1: task 2 is numbered twice \(first at line 5\)"
check "skipped number" "$F/err_skip.txt" \
    "^gongwen: .*err_skip.txt:6:1: task number 4 skips 3"
check "unbalanced bracket" "$F/err_bracket.txt" \
    "^gongwen: .*err_bracket.txt:5:13: unbalanced bracket: （ is never closed"

printf '示范方案\n一、任务分工\n1.甲工程。做好\377工作。(市科技局)\n' >"$T/bad.txt"
check "invalid UTF-8" "$T/bad.txt" "^gongwen: .*bad.txt:3:9: invalid UTF-8 \(byte 0xFF\)"

: >"$T/empty.txt"
check "empty file" "$T/empty.txt" "^gongwen: .*empty.txt:1:1: the file is empty"
printf '  \n\n' >"$T/blank.txt"
check "blank file" "$T/blank.txt" "blank.txt:1:1: the file is empty"

printf '示范方案\n一、任务分工\n1.甲工程。做好工作。(市科技局))\n' >"$T/close.txt"
check "closing bracket without opening" "$T/close.txt" "close.txt:3:18: unbalanced bracket: ） closes nothing"
printf '示范方案\n一、任务分工\n1.甲工程。做好工作。(市科技局、、市财政局)\n' >"$T/emptyname.txt"
check "empty unit name" "$T/emptyname.txt" "emptyname.txt:3:18: empty unit name"
printf '示范方案\n说明文字\n' >"$T/nosec.txt"
check "no sections" "$T/nosec.txt" "nosec.txt:2:1: no section heading"

"$GW" import plan - --db "$DB" <"$F/err_skip.txt" >/dev/null 2>"$T/err"
ok_match "standard input is named <stdin> in messages" "$(cat "$T/err")" "^gongwen: <stdin>:6:1: task number 4 skips 3"

"$GW" import plan "$T/missing.txt" --db "$DB" >/dev/null 2>"$T/err"
ok_eq "missing file: exit status 2" "$?" 2
ok_match "missing file: message" "$(cat "$T/err")" "missing.txt: cannot open"

# A failed import into a new database leaves no file behind.
"$GW" import plan "$F/err_dup.txt" --db "$T/new.db" 2>/dev/null
ok_eq "failed import into a new database: status 1" "$?" 1
ok_if "failed import into a new database: no file left" test ! -e "$T/new.db"

# Pathological inputs finish quickly (linear time) or stop at a named cap.
awk 'BEGIN { print "方案"; print "一、任务分工"; print "1.甲工程。";
             for (i = 0; i < 200000; i++) print "做"; print "(市科技局)" }' >"$T/long.txt"
timeout 20 "$GW" import plan "$T/long.txt" --db "$T/long.db" 2>/dev/null
ok_eq "a task over 200 000 lines imports in time" "$?" 0
awk 'BEGIN { printf "方案\n一、任务分工\n1.甲。"; for (i = 0; i < 30000; i++) printf "做,"; print "(市科技局)" }' >"$T/wide.txt"
check "line cap" "$T/wide.txt" "wide.txt:3:1: line longer than the cap of 65536 bytes"
awk 'BEGIN { printf "方案\n一、任务分工\n1.甲。"; for (i = 0; i < 20; i++) printf "("; printf "x";
             for (i = 0; i < 20; i++) printf ")"; print "(市科技局)" }' >"$T/deep.txt"
check "bracket depth cap" "$T/deep.txt" "deep.txt:3:21: brackets nested deeper than the cap of 16"
awk 'BEGIN { printf "方案\n一、任务分工\n1.甲。(市科技局"; for (i = 0; i < 300; i++) printf "、单位%d", i; print ")" }' >"$T/many.txt"
check "units per list cap" "$T/many.txt" "many.txt:3:[0-9]+: more than 300 units in the list of task 1"

"$GW" import --db "$DB" >/dev/null 2>&1
ok_eq "import without FILE is a usage error" "$?" 64
done_testing
