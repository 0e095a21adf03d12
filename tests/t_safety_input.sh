#!/bin/sh
# t_safety_input.sh — regressions of the safety issue: bad input that used to
# be accepted.  NUL bytes and control characters in a plan text or a
# metadata value, a mistyped --db, spreadsheet formulas in the CSV export, a
# negative schema version.  Each check names the defect it pins.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

DB="$T/d.db"
"$GW" -q import plan "$TOP/data/plan.txt" --db "$DB"
sum0=$(md5sum <"$DB")

# -- defect: a NUL byte in a plan text silently cut the rest of the line
printf '关于测试的方案\n一、任务\n1.做好工作。（市科技局）\0垃圾\n' >nul.txt
out=$("$GW" -q import plan nul.txt --db n.db 2>&1); rc=$?
ok_eq "plan text with a NUL byte: exit 1" "$rc" 1
ok_match "… at FILE:LINE:COL" "$out" "nul.txt:3:14: a NUL byte \(U\+0000\) has no place in a plan text"
ok_if "… and no database is left behind" test ! -e n.db
out=$("$GW" -q import plan nul.txt --db "$DB" 2>&1); rc=$?
ok_eq "… into an existing database: exit 1" "$rc" 1
ok_eq "… which is unchanged" "$(md5sum <"$DB")" "$sum0"
printf '关于测试的方案\n一、任务\n1.做好\033工作。（市科技局）\n' >esc.txt
out=$("$GW" -q import plan esc.txt --db n.db 2>&1); rc=$?
ok_eq "plan text with ESC: exit 1" "$rc" 1
ok_match "… named, at its column" "$out" "esc.txt:3:5: the control character U\+001B"
printf '关于测试的方案\n一、任务\n1.做好工作\357\267\220。（市科技局）\n' >nonchar.txt
out=$("$GW" -q import plan nonchar.txt --db n.db 2>&1); rc=$?
ok_eq "plan text with the noncharacter U+FDD0: exit 1" "$rc" 1
ok_match "… named" "$out" "nonchar.txt:3:7: the noncharacter U\+FDD0"
printf '关于测试的方案\n一、任务\n1.做好\t工作。（市科技局）\r\n' >tab.txt
ok_if "TAB and CRLF are still accepted" "$GW" -q import plan tab.txt --db tab.db

# -- defect: set accepted C0 controls, DEL and noncharacters
for c in '\001' '\033' '\007' '\177' '\357\277\276'; do
    v=$(printf "附注${c}x")
    out=$("$GW" set note "$v" --db "$DB" 2>&1); rc=$?
    ok_eq "set note with $c: exit 1" "$rc" 1
    ok_match "… naming the key and the position" "$out" "^gongwen: set note: character 3 of the value is the (control character|noncharacter) U\+"
done
ok_eq "… the database is unchanged" "$(md5sum <"$DB")" "$sum0"
v=$(printf 'x\ty')
out=$("$GW" set title "$v" --db "$DB" 2>&1)
ok_match "set title with a TAB: refused" "$out" "control character U\+0009"
ok_if "set preamble may still hold line breaks" "$GW" set preamble "$(printf '第一段\n第二段')" --db tab.db

# text put into the record by other means is refused when read, with the key
cp "$DB" raw.db
sqlite3 raw.db "UPDATE meta SET value = '附' || char(7) || '注' WHERE key = 'copy_to'"
out=$("$GW" xml notice --db raw.db 2>&1 >/dev/null); rc=$?
ok_eq "xml notice with a BEL in the record: exit 1" "$rc" 1
ok_match "… naming the key" "$out" "metadata key copy_to \(gongwen set copy_to\) holds the control character U\+0007"
sqlite3 raw.db "UPDATE meta SET value = '附注' WHERE key = 'copy_to'; UPDATE task SET body = body || char(27) WHERE no = 7"
out=$("$GW" fo notice --db raw.db 2>&1 >/dev/null); rc=$?
ok_eq "fo notice with ESC in task 7: exit 1" "$rc" 1
ok_match "… naming the task" "$out" "task 7 holds the control character U\+001B"

# a character no font has is reported where it is in the plan, not notice.fo:0
cp "$DB" glyph.db
"$GW" set note "附注$(printf '\363\260\200\200')" --db glyph.db   # U+F0000, private use
out=$("$GW" -q notice --db glyph.db -o g.pdf 2>&1); rc=$?
ok_eq "a character no font has: exit 1" "$rc" 1
ok_match "… named by metadata key" "$out" "^gongwen: metadata key note \(gongwen set note\): character U\+F0000"
ok_if "… not by the generated FO's position" sh -c "! printf '%s' '$out' | grep -q 'notice.fo:0'"
cp "$DB" glyph2.db
sqlite3 glyph2.db "UPDATE task SET body = body || char(983040) WHERE no = 12"
out=$("$GW" -q notice --db glyph2.db -o g.pdf 2>&1); rc=$?
ok_match "… or by task" "$out" "^gongwen: task 12: character U\+F0000"
out=$("$GW" -q sheets --db glyph2.db -o gs 2>&1); rc=$?
ok_eq "… the sheets fail too (exit 1)" "$rc" 1
ok_match "… naming the task from the worker" "$out" "task 12: character U\+F0000"

# -- defect: a mistyped --db silently created a new database from the example
for cmd in "build -o b" "notice -o x.pdf" "xml notice" "fo notice" "sheets -o s" \
           "export csv" "list tasks"; do
    # shellcheck disable=SC2086
    out=$("$GW" -q $cmd --db typo.db 2>&1 >/dev/null); rc=$?
    ok_eq "$cmd --db typo.db: exit 2" "$rc" 2
    ok_match "… saying how to create one" "$out" "typo.db: no such database \(run \`gongwen import plan FILE --db typo.db\` first\)"
    ok_if "… and creating nothing" test ! -e typo.db
done
ok_if "no documents were written for the typo" test ! -e x.pdf -a ! -e b

# -- defect: export csv wrote cells that spreadsheets run as formulas
cp "$DB" f.db
sqlite3 f.db "UPDATE task SET title = '', body = '=HYPERLINK(\"http://x\",\"y\")' WHERE no = 1;
              UPDATE task SET title = '', body = '+1+1' WHERE no = 2;
              UPDATE task SET title = '', body = '-2' WHERE no = 3;
              UPDATE task SET title = '', body = '@SUM(A1)' WHERE no = 4;
              UPDATE task SET title = '', body = char(9) || 'x' WHERE no = 5;
              UPDATE task SET title = '', body = '''quoted' WHERE no = 6;
              UPDATE section SET title = '=1+2' WHERE id = (SELECT section FROM task WHERE no = 7)"
"$GW" export csv --db f.db -o f.csv
ok_eq "export csv: =… gets a leading apostrophe (quoted for its comma)" \
    "$(sed -n 2p f.csv | cut -d, -f3-4)" "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
ok_eq "… +… too" "$(sed -n 3p f.csv | cut -d, -f3)" "'+1+1"
ok_eq "… -… too" "$(sed -n 4p f.csv | cut -d, -f3)" "'-2"
ok_eq "… @… too" "$(sed -n 5p f.csv | cut -d, -f3)" "'@SUM(A1)"
ok_eq "… TAB… too" "$(sed -n 6p f.csv | cut -d, -f3)" "'$(printf '\t')x"
ok_eq "… and a value that starts with ' gets one more" "$(sed -n 7p f.csv | cut -d, -f3)" "''quoted"
ok_match "… a category too" "$(sed -n 8p f.csv | cut -d, -f2)" "^'=1\+2$"
ok_eq "… plain Chinese text untouched" "$(sed -n 9p f.csv | cut -d, -f1)" 8
# The reading side (gw_csv_unguard) is what the CSV importers use; its round
# trip over every written field is checked in tests/unit_util.c.

# -- defect: user_version -5 said "migration 1: table plan already exists"
sqlite3 neg.db "CREATE TABLE plan(x); PRAGMA user_version = -5"
out=$("$GW" list tasks --db neg.db 2>&1); rc=$?
ok_eq "user_version -5: exit 1" "$rc" 1
ok_match "… not a gongwen database" "$out" "neg.db: not a gongwen database \(schema version -5\)"
sqlite3 neg2.db "PRAGMA user_version = -1"
out=$("$GW" import plan "$TOP/data/plan.txt" --db neg2.db 2>&1); rc=$?
ok_eq "user_version -1 and no tables: import refuses too" "$rc" 1
ok_eq "… and adds no tables" "$(sqlite3 neg2.db 'SELECT count(*) FROM sqlite_master')" 0
sqlite3 big.db "PRAGMA user_version = 123456"
out=$("$GW" list tasks --db big.db 2>&1)
ok_match "an unknown version: not a gongwen database" "$out" "big.db: not a gongwen database \(schema version 123456;"

# -- defect: a command that reads a record, given an empty file or an empty
# SQLite database, wrote the whole schema into it before saying "no plan"
: >zero.db
sqlite3 emptysql.db "VACUUM"
for f in zero.db emptysql.db; do
    sum=$(md5sum <$f)
    out=$("$GW" status --db $f 2>&1); rc=$?
    ok_match "status --db $f (empty): refused" "$rc|$out" "^1|.*$f: an empty database, not a gongwen one; nothing written"
    ok_eq "… the file unchanged" "$(md5sum <$f)" "$sum"
done
out=$("$GW" set doc_number 株人才办发〔2017〕3号 --db zero.db 2>&1); rc=$?
ok_eq "set on an empty file: exit 1, still empty" "$rc|$(wc -c <zero.db | tr -d ' ')" "1|0"
"$GW" -q import plan "$TOP/data/plan.txt" --db zero.db; rc=$?
ok_eq "… import plan makes it a gongwen database" "$rc|$(sqlite3 zero.db 'SELECT count(*) FROM task')" "0|30"

done_testing
