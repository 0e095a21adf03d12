#!/bin/sh
# t_sheets.sh — `gongwen sheets` on the embedded reference plan: who gets a
# sheet, what is on it (task numbers and roles against the database for all
# 38 recipients), file names, the booklet, and bad input.
. "$(dirname "$0")/lib.sh"

cd "$T" || exit 2
"$GW" sheets >"$T/log" 2>&1
ok_eq "sheets on the default plan exits 0" "$?" 0
DB="$T/out/gongwen.db"
n=$(ls out/sheets/*.pdf 2>/dev/null | wc -l)
ok_eq "38 sheets (28 units + 9 counties + 有关职业院校)" "$n" 38
ok_if "booklet out/sheets.pdf written" test -s out/sheets.pdf
ok_match "progress on stderr" "$(cat "$T/log")" '^gongwen: \[12/38\] 市民政局$'
# the workers share the fonts resolved before they fork: a substitute font
# is announced once per role, not once per worker
ok_eq "one font-substitution warning for the whole run (GONGWEN_JOBS=${GONGWEN_JOBS:-auto})" \
    "$(grep -c 'warning: preferred fonts not installed' "$T/log")" 1
ok_if "01-市委办.pdf" test -s out/sheets/01-市委办.pdf
ok_if "11-市科技局.pdf" test -s out/sheets/11-市科技局.pdf
ok_if "29-有关职业院校.pdf (open group, one sheet)" test -s out/sheets/29-有关职业院校.pdf
ok_if "30-荷塘区.pdf (member of 各县市区)" test -s out/sheets/30-荷塘区.pdf
ok_if "38-炎陵县.pdf" test -s out/sheets/38-炎陵县.pdf
ok_if "no sheet for 市直各有关部门 (no tasks)" sh -c '! ls out/sheets | grep -q 市直各有关部门'
ok_if "no sheet for the group 各县市区 itself" sh -c '! ls out/sheets | grep -q 各县市区'
# numbers as a registry writes them (GB/T 9704 7.2.4: no 第, no leading 0)
ok_match "sheet 1: 编号 in the 交 series" "$(pdftotext out/sheets/01-市委办.pdf - | tr -d '\n')" \
    '编号：株人才办交〔2017〕1号（共38份）'
ok_match "sheet 38: 编号 in the 交 series" "$(pdftotext out/sheets/38-炎陵县.pdf - | tr -d '\n')" \
    '编号：株人才办交〔2017〕38号（共38份）'
ok_if "no sheet says 第NN号" sh -c '! for f in out/sheets/*.pdf; do pdftotext "$f" -; done | grep -q "第[0-9][0-9]*号"'
# the counts on a labelled line of their own, recomputed from the database
# (a unit's lead and other tasks); as the end of the sentence before they
# left 项。 alone on a line for four units
lead1=$(sqlite3 "$DB" "SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit
                       WHERE u.name = '市委办' AND a.role = 'lead'")
resp1=$(sqlite3 "$DB" "SELECT count(*) FROM assignment a JOIN unit u ON u.id = a.unit
                       WHERE u.name = '市委办' AND a.role <> 'lead'")
ok_match "sheet 1: 交办任务 counts as in the database" \
    "$(pdftotext -layout out/sheets/01-市委办.pdf - | sed 's/^ *//')" \
    "^交办任务：共$((lead1 + resp1))项，其中牵头任务${lead1}项、配合任务${resp1}项。\$"
ok_eq "no sheet paragraph ends in a line of one character and its mark (项。)" "$(
    for f in out/sheets/*.pdf; do pdftotext -layout "$f" -; done | python3 -c '
import re, sys
lines = [l.strip() for l in sys.stdin]
print(sum(1 for a, b in zip(lines, lines[1:]) if a and re.fullmatch(r"[\u3400-\u9fff][。；：，、）]?", b)))')" 0
# a line that would end inside a unit's name takes the rest of it when
# halving the line's marks makes room (gw:prefer-break-after on the grid):
# 226 names were split over the 38 sheets before, 30 are left (lines without
# the marks to halve, and 各县市区 in 本项任务交办各县市区, not a list)
nsplit=$(for f in out/sheets/*.pdf; do pdftotext -layout "$f" -; done | python3 -c '
import sys
units = [u for u in sys.argv[1].split("|") if len(u) > 1]
lines = [l.strip() for l in sys.stdin if l.strip()]
print(sum(1 for a, b in zip(lines, lines[1:]) for u in units for k in range(1, len(u))
          if a.endswith(u[:k]) and b.startswith(u[k:])))' \
    "$(sqlite3 "$DB" "SELECT group_concat(name, '|') FROM unit")")
ok_if "at most 30 unit names split between lines in the 38 sheets (226 before), got $nsplit" \
    test "$nsplit" -le 30

# Every sheet's task numbers and roles against the database: the tasks where
# the unit, or a group with members it belongs to, is assigned.
sqlite3 "$DB" "
  WITH r(rid, task, role) AS (
    SELECT a.unit, a.task, a.role FROM assignment a JOIN unit u ON u.id = a.unit
     WHERE NOT (u.is_group = 1 AND u.open_group = 0)
    UNION
    SELECT gm.member, a.task, a.role FROM assignment a
      JOIN unit g ON g.id = a.unit AND g.is_group = 1 AND g.open_group = 0
      JOIN group_member gm ON gm.grp = g.id)
  SELECT u.name || ' ' || r.task || ' ' || r.role FROM r JOIN unit u ON u.id = r.rid
   ORDER BY 1;" | sort >"$T/want"
: >"$T/got"
for f in out/sheets/*.pdf; do
    unit=${f##*/}; unit=${unit#*-}; unit=${unit%.pdf}
    # pdftotext starts each page with a form feed.
    pdftotext "$f" - | tr -d '\f' | awk -v u="$unit" '
        /^一、牵头任务/ { role = "lead"; next }
        /^二、配合任务/ { role = "responsible"; next }
        /^三、工作要求/ { role = ""; next }
        role != "" && match($0, /^【第[0-9]+项】/) {
            s = substr($0, RSTART, RLENGTH); sub(/^【第/, "", s); sub(/项】$/, "", s)
            print u " " s " " role }' >>"$T/got"
done
sort "$T/got" -o "$T/got"
ok_eq "sheets list $(wc -l <"$T/want") unit/task/role rows" "$(wc -l <"$T/got")" "$(wc -l <"$T/want")"
ok_if "every sheet's tasks and roles match the database" diff "$T/want" "$T/got"
ok_match "荷塘区 has task 2 as 配合 (through 各县市区)" "$(grep '^荷塘区 ' "$T/got")" '^荷塘区 2 responsible$'
ok_match "市科技局 leads task 1" "$(grep '^市科技局 1 ' "$T/got")" 'lead'

txt=$(pdftotext out/sheets/30-荷塘区.pdf -)
ok_match "county sheet names the recipient" "$txt" '（荷塘区）'
ok_match "county sheet says the tasks come through 各县市区" "$txt" '本项任务交办各县市区'
ok_match "sheet heading has 任务交办单" "$txt" '任务交办单'
ok_match "sheet carries the document number" "$(echo "$txt" | tr -d '\n')" '株人才办发〔2017〕3号'
ok_match "sheet has 三、工作要求" "$txt" '三、工作要求'
ok_match "sheet has the quarterly reporting dates" "$(echo "$txt" | tr -d '\n')" '报送时间：2017年：6月25日、9月25日、12月25日。2018年：3月25日。'
ok_match "sheet has the sign-off blanks" "$txt" '签收人'
ok_match "sheet numbered 30 of 38" "$txt" '编号：株人才办交〔2017〕30号（共38份）'

# No date is split between lines (2017年9月 / 25日): the reporting dates
# are listed one line per year
ok_eq "no date split between lines in the booklet" "$(pdftotext out/sheets.pdf - | python3 -c '
import re, sys
t = sys.stdin.read().split("\n")
print(sum(1 for a, b in zip(t, t[1:]) if re.search(r"(\d+年(\d+月)?|\d+月\d*)$", a) and re.match(r"^(\d+[年月日]|[年月日])", b)))')" 0

# the sign-off fields: every blank starts in the same column (labels padded
# to 8 字 on the character grid); a blank is one solid rule to write on (an
# underline, not ＿ glyphs, which print as a dashed line): on the sheet's last
# page four rules of 8 字 from one x, and the date's three of 2 字
ok_if "no ＿ glyphs for the blanks" sh -c "! pdftotext out/sheets/11-市科技局.pdf - | grep -q ＿"
n=$(pdfinfo out/sheets/11-市科技局.pdf | awk '/^Pages:/ { print $2 }')
qpdf --qdf --object-streams=disable out/sheets/11-市科技局.pdf "$T/q.pdf"
ok_eq "sign-off blanks: four 8-字 rules from one x, then 年, 月 and 日 after 2-字 rules" "$(python3 -c '
import re, sys
d = open(sys.argv[1], "rb").read().decode("latin-1")
c = d.split("%% Contents for page " + sys.argv[2] + "\n", 1)[1].split("endstream", 1)[0]
rules = [(float(a), float(b), float(e)) for a, b, e, f in
         re.findall(r"([-\d.]+) ([-\d.]+) m\s+([-\d.]+) ([-\d.]+) l\s+S", c) if b == f]
long_ = [r for r in rules if abs((r[2] - r[0]) / 15.79 - 8) < 0.2]
short = [r for r in rules if abs((r[2] - r[0]) / 15.79 - 2) < 0.2]
print(len(long_), len({round(r[0], 1) for r in long_}), len(short),
      len({round(r[1], 1) for r in short}), short[0][0] == long_[0][0] if short and long_ else "-")
' "$T/q.pdf" "$n")" "4 1 3 1 True"

# The booklet: cover + every sheet, each sheet on an odd page.
pages=$(pdfinfo out/sheets.pdf | awk '/^Pages:/ { print $2 }')
ok_if "booklet page count is even ($pages)" test $((pages % 2)) -eq 0
: >"$T/starts"
p=1
while [ "$p" -le "$pages" ]; do
    if pdftotext -f "$p" -l "$p" out/sheets.pdf - | tr -d '\f' | grep -q '^任务交办单$'; then
        echo "$p" >>"$T/starts"
    fi
    p=$((p + 1))
done
ok_eq "38 sheets start in the booklet" "$(wc -l <"$T/starts")" 38
ok_eq "every sheet starts on an odd page" "$(awk '$1 % 2 == 0' "$T/starts" | wc -l)" 0
cover=$(pdftotext -f 1 -l $(($(head -1 "$T/starts") - 1)) out/sheets.pdf -)
ok_eq "the cover takes two pages" "$(head -1 "$T/starts")" 3
ok_eq "booklet has one bookmark per sheet plus the cover" "$(grep -a -c '/Dest' out/sheets.pdf)" 39
ok_match "cover lists 市科技局" "$cover" '市科技局'
ok_match "cover lists 炎陵县" "$cover" '炎陵县'
# the cover's 页码 column: each row's number is the page its sheet starts on
listed=$(pdftotext -layout -f 1 -l 2 out/sheets.pdf - | awk '$1 ~ /^[0-9][0-9]$/ && NF >= 5 { print $NF }')
ok_eq "the cover lists each sheet's first page (页码)" "$(echo $listed)" "$(echo $(cat "$T/starts"))"

# The GB/T 9704 checker, sheet profile (checks 1-10), on every sheet and the
# booklet; one assertion per check so a failure names the check.
CHECK=${GBT9704_CHECK:-$TOP/../shared/checks/gbt9704-check}
if [ -x "$CHECK" ]; then
    for f in out/sheets/*.pdf out/sheets.pdf; do
        "$CHECK" --json --profile sheet "$f" 2>&1 | python3 -c '
import json, sys
name = sys.argv[1]
try:
    res = json.load(sys.stdin)
except ValueError:
    print("error\tunreadable\t" + name); sys.exit(0)
for r in res:
    print("%s\t%s\t%s: %s" % (r["id"], r["status"], name, r["detail"][:300]))' "$f"
    done >"$T/check"
    for id in $(cut -f1 "$T/check" | sort -u); do
        bad=$(awk -F'\t' -v id="$id" '$1 == id && $2 == "FAIL"' "$T/check" | wc -l)
        ok_eq "gbt9704-check $id passes on all 39 PDFs" "$bad" 0
        [ "$bad" -gt 0 ] && awk -F'\t' -v id="$id" '$1 == id && $2 == "FAIL" { print "#   " $3 }' "$T/check" | head -3
    done
else
    skip "gbt9704-check on every sheet" "checker not found at $CHECK"
fi

# --unit: one sheet, a group expands to its members, bad names.
rm -rf one
"$GW" sheets --db "$DB" --unit 市科技局 -o one -q >"$T/log" 2>&1
ok_eq "--unit 市科技局 exits 0" "$?" 0
ok_eq "--unit writes exactly that sheet" "$(ls one)" "11-市科技局.pdf"
ok_if "-q prints nothing" test ! -s "$T/log"
ok_if "--unit writes no booklet unless asked" test ! -e one.pdf
rm -rf grp
"$GW" sheets --db "$DB" --unit 各县市区 -o grp -q >/dev/null 2>&1
ok_eq "--unit 各县市区 writes its 9 members' sheets" "$(ls grp | wc -l)" 9
"$GW" sheets --db "$DB" --unit 不存在的单位 -o bad >"$T/log" 2>&1
ok_eq "unknown --unit exits 1" "$?" 1
ok_match "unknown --unit names the unit" "$(cat "$T/log")" '不存在的单位'
"$GW" sheets --db "$DB" --unit 市直各有关部门 -o none >"$T/log" 2>&1
ok_eq "--unit with no tasks exits 0" "$?" 0
ok_match "--unit with no tasks warns" "$(cat "$T/log")" 'warning: .*市直各有关部门.*no tasks'
"$GW" sheets --db "$DB" --frobnicate >/dev/null 2>&1
ok_eq "unknown option exits 64" "$?" 64
"$GW" sheets --db "$T/missing.db" >"$T/log" 2>&1
ok_eq "missing --db exits 2" "$?" 2

# The intermediate XML and the FO of one sheet.
"$GW" xml sheet --unit 市科技局 --db "$DB" >"$T/s.xml" 2>"$T/log"
ok_eq "gongwen xml sheet exits 0" "$?" 0
ok_if "the sheet XML is valid against data/sheet.rng" xmllint --noout --relaxng "$TOP/data/sheet.rng" "$T/s.xml"
ok_eq "市科技局's XML lists its tasks" \
    "$(xmllint --xpath 'count(/unit-sheet/tasks/task)' "$T/s.xml" 2>/dev/null)" \
    "$(grep -c '^市科技局 ' "$T/want")"
"$GW" xml sheet --unit 荷塘区 --db "$DB" >"$T/h.xml" 2>/dev/null
ok_eq "荷塘区's tasks come via 各县市区" \
    "$(xmllint --xpath 'count(/unit-sheet/tasks/task[@via="各县市区"])' "$T/h.xml" 2>/dev/null)" \
    "$(grep -c '^荷塘区 ' "$T/want")"
"$GW" fo sheet --unit 有关职业院校 --db "$DB" >"$T/s.fo" 2>/dev/null
ok_if "gongwen fo sheet gives well-formed FO" xmllint --noout "$T/s.fo"
ok_match "the FO uses the GB/T 9704 masters" "$(head -c 3000 "$T/s.fo")" 'gw-portrait|gw-odd'
"$GW" xml sheet --unit 各县市区 --db "$DB" >/dev/null 2>"$T/log"
ok_eq "xml sheet for a group with members exits 1" "$?" 1
ok_match "... and names its members" "$(cat "$T/log")" '荷塘区'

# The booklet typeset sheet by sheet (large plans) and as one document
# (small ones) is the same document: object for object once qpdf has
# numbered the objects in its own order.  The numbers themselves differ, as
# the parts are written before the cover that lists them and a font's
# object is made where it is first drawn.
same_doc() {
    qpdf --qdf --object-streams=disable --no-original-object-ids --static-id "$1" "$T/same1.qdf" &&
        qpdf --qdf --object-streams=disable --no-original-object-ids --static-id "$2" "$T/same2.qdf" &&
        cmp -s "$T/same1.qdf" "$T/same2.qdf"
}
GONGWEN_BOOKLET_PARTS=1 "$GW" -q sheets --db "$DB" -o "$T/bp" --booklet "$T/bp.pdf" 2>/dev/null
GONGWEN_BOOKLET_PARTS=0 "$GW" -q sheets --db "$DB" -o "$T/bw" --booklet "$T/bw.pdf" 2>/dev/null
ok_if "default booklet: by parts = as one document" same_doc "$T/bp.pdf" "$T/bw.pdf"
ok_if "… and = the booklet of the first run, byte for byte" cmp -s "$T/bw.pdf" out/sheets.pdf
python3 "$TOP/bench/mkbigplan.py" 150 >"$T/big.txt" && "$GW" -q import plan "$T/big.txt" --db "$T/big.db"
"$GW" -q sheets --db "$T/big.db" -o "$T/gp" --booklet "$T/gp.pdf" 2>/dev/null
GONGWEN_BOOKLET_PARTS=0 "$GW" -q sheets --db "$T/big.db" -o "$T/gw" --booklet "$T/gw.pdf" 2>/dev/null
ok_match "a 150-task plan's booklet (by parts: over 2000 sheet entries)" \
    "$(pdfinfo "$T/gp.pdf" 2>/dev/null | grep Pages)" 'Pages: *[0-9][0-9][0-9]'
ok_if "… is the same document as one document" same_doc "$T/gp.pdf" "$T/gw.pdf"
starts=$(pdftotext -layout "$T/gp.pdf" - | awk 'BEGIN{RS="\f"} /交办依据/ {print NR}' | tr '\n' ' ')
cover=$(pdftotext -f 1 -l 2 -layout "$T/gp.pdf" - | grep -o ' [0-9][0-9]* *$' | tr -d ' ' | tr '\n' ' ')
ok_eq "… its cover lists where the sheets start" "$cover" "$starts"

# Hostile unit names cannot leave the output directory.
cp "$DB" "$T/evil.db"
sqlite3 "$T/evil.db" "UPDATE unit SET name = '../../escape/x' WHERE name = '市科技局';
                      UPDATE unit SET name = '.hidden' || char(10) || 'y' WHERE name = '市科协';"
mkdir -p "$T/deep/er"
( cd "$T/deep/er" && "$GW" sheets --db "$T/evil.db" -o s -q --no-booklet ) >"$T/log" 2>&1
ok_eq "hostile names: sheets still written" "$(ls "$T/deep/er/s" | wc -l)" 38
ok_if "hostile names: nothing escaped the directory" sh -c "! find '$T' -path '$T/deep/er/s' -prune -o -name '*x.pdf' -print | grep -q ."
ok_if "'../../escape/x' became one file inside" test -s "$T/deep/er/s/11-_.._escape_x.pdf"
ok_if "no hidden files" sh -c "! ls -A '$T/deep/er/s' | grep -q '^\.'"
done_testing
