#!/bin/sh
# t_template.sh — the blank progress forms (`gongwen template progress`):
# one per unit with tasks, numbered as the sheets; their tasks and roles
# counted with SQL; the drop-down list, the 0-100 validation and the date
# cell in the workbook; printed A4 landscape; and a form filled in and saved
# again by LibreOffice imports without edits.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2
DUMP="$TOP/${BUILD:-build/rel}/tests/unit_table"

"$GW" -q import plan "$TOP/data/plan.txt" --db t.db
"$GW" -q template progress --quarter 2017Q4 --db t.db -o forms
ok_eq "a form for every unit that gets a sheet" "$(ls forms | wc -l)" 38
"$GW" -q sheets --db t.db -o sheets --no-booklet
ok_eq "… with the sheets' numbers and names" "$(ls forms | sed 's/\.xlsx$//')" "$(ls sheets | sed 's/\.pdf$//')"

f=forms/11-市科技局.xlsx
"$DUMP" --dump "$f" >dump.txt
ok_eq "the header row" "$(sed -n 2p dump.txt | cut -f2-)" \
    "$(printf '序号\t任务\t角色\t报送单位\t季度\t完成进度(%%)\t状态\t进展情况\t存在问题\t下一步打算\t报送日期')"
want=$(sqlite3 t.db "SELECT count(DISTINCT a.task) FROM assignment a JOIN unit u ON u.id = a.unit WHERE u.name = '市科技局' OR a.unit IN (SELECT grp FROM group_member g JOIN unit m ON m.id = g.member WHERE m.name = '市科技局')")
ok_eq "its tasks, counted with SQL" "$(($(wc -l <dump.txt) - 2))" "$want"
lead1=$(sqlite3 t.db "SELECT u.name FROM assignment a JOIN unit u ON u.id = a.unit WHERE a.task = 1 AND a.role = 'lead'")
ok_match "task 1 with its role, the unit and the quarter filled in" "$(sed -n 3p dump.txt)" \
    "^2	1	顶尖人才引领工程	$([ "$lead1" = 市科技局 ] && echo 牵头 || echo 责任)	市科技局	2017Q4$"
sheet=$(unzip -p "$f" xl/worksheets/sheet1.xml)
ok_match "状态 is a drop-down list of the three statuses" "$sheet" '<dataValidation type="list"[^>]*sqref="G2:G[0-9]+"><formula1>"未启动,推进中,已完成"</formula1>'
ok_match "完成进度 takes whole numbers 0 to 100" "$sheet" '<dataValidation type="whole"[^>]*sqref="F2:F[0-9]+"><formula1>0</formula1><formula2>100</formula2>'
ok_match "报送日期 takes dates" "$sheet" '<dataValidation type="date"[^>]*sqref="K2:K[0-9]+"'
ok_match "the header row is frozen" "$sheet" '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
setup=$(printf '%s' "$sheet" | grep -o '<pageSetup [^>]*>')
ok_match "A4 (paper 9)" "$setup" 'paperSize="9"'
ok_match "… landscape" "$setup" 'orientation="landscape"'
ok_match "… one page wide (fit to pages, any height)" "$sheet" '<pageSetUpPr fitToPage="1"/>.*fitToHeight="0"'
ok_match "an instructions sheet" "$(unzip -p "$f" xl/workbook.xml)" 'name="填表说明"'

# filled in as a person would (numbers, a chosen status, a date cell), saved
# again by LibreOffice, imported without edits
python3 - "$f" filled.xlsx <<'EOF'
import re, sys, zipfile
src, dst = sys.argv[1:3]
zin = zipfile.ZipFile(src)
zout = zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED)
for item in zin.infolist():
    data = zin.read(item.filename)
    if item.filename == "xl/worksheets/sheet1.xml":
        xml = data.decode()
        rows = sorted({int(r) for r in re.findall(r'<c r="A(\d+)"', xml) if int(r) > 1})
        for r in rows:
            xml = re.sub(r'<c r="F%d"( s="\d+")?/>' % r, r'<c r="F%d"\1><v>%d</v></c>' % (r, 30 + r), xml)
            xml = re.sub(r'<c r="G%d"( s="\d+")?/>' % r, r'<c r="G%d"\1 t="inlineStr"><is><t>推进中</t></is></c>' % r, xml)
            xml = re.sub(r'<c r="H%d"( s="\d+")?/>' % r, r'<c r="H%d"\1 t="inlineStr"><is><t>按计划推进，已完成第%d项</t></is></c>' % (r, r), xml)
            xml = re.sub(r'<c r="K%d"( s="\d+")?/>' % r, r'<c r="K%d"\1><v>43094</v></c>' % r, xml)
        data = xml.encode()
    zout.writestr(item, data)
zout.close()
EOF
ok_if "the form was filled in" test -s filled.xlsx
if command -v soffice >/dev/null 2>&1; then
    mkdir -p lo
    HOME="$T" timeout 300 soffice --headless --convert-to xlsx --outdir lo filled.xlsx >lo.log 2>&1
    ok_if "LibreOffice saved it again" test -s lo/filled.xlsx
    out=$("$GW" import progress lo/filled.xlsx --quarter 2017Q4 --db t.db 2>&1); rc=$?
    ok_eq "… and it imports without edits (exit 0)" "$rc" 0
    ok_if "… with no warning about its columns" sh -c "! printf '%s' '$out' | grep -q 'not one gongwen reads'"
    ok_eq "… every task of the form" "$(sqlite3 t.db "SELECT count(*) FROM progress p JOIN unit u ON u.id = p.unit WHERE u.name = '市科技局' AND quarter = '2017Q4'")" "$want"
    ok_eq "… the date cell as a date" "$(sqlite3 t.db "SELECT DISTINCT reported_at FROM progress WHERE quarter = '2017Q4'")" 2017-12-25
    ok_eq "… the numbers" "$(sqlite3 t.db "SELECT percent FROM progress WHERE quarter = '2017Q4' AND task_no = 1")" 32
    HOME="$T" timeout 300 soffice --headless --convert-to pdf --outdir lo "$f" >>lo.log 2>&1
    ok_match "printed: A4 landscape" "$(pdfinfo lo/11-市科技局.pdf 2>/dev/null | grep 'Page size')" "841.89 x 595.3"
else
    skip "LibreOffice round trip" "soffice not installed (make test-deps installs libreoffice-calc-nogui)"
fi
out=$("$GW" import progress filled.xlsx --quarter 2017Q4 --db t.db 2>&1); rc=$?
ok_eq "the filled-in form as written by libxlsxwriter imports too" "$rc" 0

# CSV forms: UTF-8 with a byte-order mark, the same columns
"$GW" -q template progress --quarter 2017Q4 --format csv --unit 市科技局 --db t.db -o csv
ok_eq "--format csv --unit: one form" "$(ls csv)" 11-市科技局.csv
ok_eq "… starting with a byte-order mark" "$(head -c 3 csv/11-市科技局.csv | od -An -tx1 | tr -d ' ')" efbbbf
ok_eq "… its rows" "$(($(wc -l <csv/11-市科技局.csv) - 1))" "$want"
out=$("$GW" template progress --db t.db 2>&1); rc=$?
ok_eq "no --quarter: exit 64" "$rc" 64
out=$("$GW" template progress --quarter 2017Q4 --unit 没有这个单位 --db t.db 2>&1); rc=$?
ok_eq "an unknown --unit: exit 1" "$rc" 1
ok_match "… naming it" "$out" "--unit 没有这个单位: no such unit"
# --unit a group with members: its members' forms (they report for it); a
# unit with no task: an error, not a silent success
"$GW" -q template progress --quarter 2017Q4 --db t.db -o grp --unit 各县市区; rc=$?
members=$(sqlite3 t.db "SELECT count(*) FROM group_member g JOIN unit u ON u.id = g.grp WHERE u.name = '各县市区'")
ok_eq "--unit 各县市区: a form for each of its $members members" "$rc|$(ls grp | wc -l)" "0|$members"
out=$("$GW" template progress --quarter 2017Q4 --db t.db -o none --unit 市直各有关部门 2>&1); rc=$?
ok_match "--unit of a unit without tasks: exit 1, saying so" "$rc|$out" \
    "^1|.*no unit with tasks was asked for \(市直各有关部门 has none\)"
# a workbook with 填表说明 moved before the form: the message names the sheet
# it read
f=$(ls forms/*.xlsx | head -n 1)
python3 - "$f" swapped.xlsx <<'PY'
import re, sys, zipfile
zi, zo = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
for it in zi.infolist():
    d = zi.read(it.filename)
    if it.filename == "xl/workbook.xml":
        d = re.sub(rb"<sheets>(<sheet [^>]*/>)(<sheet [^>]*/>)</sheets>", rb"<sheets>\2\1</sheets>", d)
    zo.writestr(it, d)
zo.close()
PY
out=$("$GW" import progress swapped.xlsx --db t.db 2>&1); rc=$?
ok_match "sheets reordered: exit 1, naming the sheet read" "$rc|$out" \
    "^1|.*swapped.xlsx:1: no column 序号 in the header row of sheet 填表说明 \(the workbook's first sheet"
done_testing
