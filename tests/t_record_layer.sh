#!/bin/sh
# t_record_layer.sh — every SQL statement and every use of SQLite is in the
# record layer (src/store/): no C file elsewhere includes sqlite3.h or holds
# an SQL statement in a string.  Also that the layers point one way: the
# store does not call the importer, the importer does not touch the store.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

outside=$(find src fuzz -name '*.[ch]' ! -path 'src/store/*' | LC_ALL=C sort)
ok_if "there are C files outside the record layer to check" test -n "$outside"

# shellcheck disable=SC2086
inc=$(grep -ln '#include *<sqlite3\.h>' $outside)
ok_eq "no file outside src/store/ includes sqlite3.h" "$inc" ""
# An SQL keyword that starts a string literal or follows one inside it is a
# statement (comments may mention SQL words: they are not in quotes).
# shellcheck disable=SC2086
sql=$(grep -nE '"[^"]*\b(SELECT|INSERT|UPDATE|DELETE FROM|CREATE (TABLE|INDEX)|DROP|ALTER TABLE|PRAGMA|BEGIN|COMMIT|ROLLBACK)\b[^"]*"' $outside)
ok_eq "no SQL statement outside src/store/" "$sql" ""
# shellcheck disable=SC2086
calls=$(grep -nE '\bsqlite3_[a-z_]+ *\(' $outside)
ok_eq "no sqlite3_* call outside src/store/" "$calls" ""
inside=$(grep -lE '"[^"]*\bSELECT\b' src/store/*.c | wc -l)
ok_if "the check sees SQL where it is (src/store/)" test "$inside" -ge 2

ok_eq "the store does not include the importer" \
    "$(grep -l '#include "import.h"' src/store/*.c src/store.h)" ""
ok_eq "the importer and the plan model do not include the store" \
    "$(grep -l '#include "store.h"\|#include "store/' src/import.[ch] src/plan.[ch])" ""
# One rule per concept: a date the notice's builder refuses, the sheets'
# builder refused too (it used to print 2017年2月31日), and both take the
# same forms.
cd "$T" || exit 2
"$GW" -q import plan "$TOP/data/plan.txt" --db d.db
sqlite3 d.db "UPDATE meta SET value = '2017-02-31' WHERE key = 'sign_date'"
for cmd in "xml notice" "xml sheet --unit 市科技局" "fo sheet --unit 市科技局" "sheets -o s"; do
    # shellcheck disable=SC2086
    out=$("$GW" -q $cmd --db d.db 2>&1 >/dev/null); rc=$?
    ok_eq "sign_date 2017-02-31: $cmd exits 1" "$rc" 1
    ok_match "… with the one message" "$out" "^gongwen: plan metadata sign_date: 2017-02-31 is not a real date"
done
ok_if "… and no sheet was written" test ! -e s
sqlite3 d.db "UPDATE meta SET value = '2017年5月2日' WHERE key = 'sign_date'"
ok_match "2017年5月2日 in the record: the notice prints it" \
    "$("$GW" -q xml notice --db d.db | xmllint --xpath 'string(//sign-date/@iso)' - 2>/dev/null)" "^2017-05-02$"
ok_match "… and so does the sheet" \
    "$("$GW" -q xml sheet --unit 市科技局 --db d.db | xmllint --xpath 'string(//sign-date)' - 2>/dev/null)" "^2017年5月2日$"
out=$("$GW" set sign_date 2017-02-31 --db d.db 2>&1)
ok_match "set refuses it with the same rule" "$out" "^gongwen: set sign_date: 2017-02-31 is not a real date"
sqlite3 d.db "UPDATE meta SET value = '株人才办发[2017]3号' WHERE key = 'doc_number'"
out=$("$GW" -q xml sheet --unit 市科技局 --db d.db 2>&1 >/dev/null)
ok_match "a document number in the wrong brackets: the sheet refuses it as set would, with the fix" \
    "$out" "plan metadata doc_number: the year of a document number is in 六角括号 〔〕.*株人才办发〔2017〕3号"
# The title's measure is the stylesheets' (gw-title-em), not a number in C:
# a narrower page in stylesheets/ breaks the titles shorter.
H2="$T/home"
mkdir -p "$H2" && cp -r "$TOP/data" "$TOP/templates" "$TOP/stylesheets" "$H2/"
sed -i 's/name="gw-title-em" select="20"/name="gw-title-em" select="10"/' "$H2/stylesheets/gbt9704.xsl"
"$GW" -q import plan "$TOP/data/plan.txt" --db t.db
"$GW" set title 关于进一步推进人才优先发展若干措施的主要任务分工方案 --db t.db
longest() { xmllint --xpath '//meta/title/line/text()' - 2>/dev/null |
            python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in sys.stdin))'; }
ok_match "the title is broken at 20 characters with the shipped stylesheets" \
    "$("$GW" -q xml notice --db t.db | xmllint --xpath 'count(//meta/title/line)' - 2>/dev/null)" "^2$"
ok_if "… and at no more than 10 when the stylesheet says 10" \
    test "$(GONGWEN_HOME="$H2" "$GW" -q xml notice --db t.db | longest)" -le 10
ok_match "… into more lines" \
    "$(GONGWEN_HOME="$H2" "$GW" -q xml notice --db t.db | xmllint --xpath 'count(//meta/title/line)' - 2>/dev/null)" "^[3-9]$"
done_testing
