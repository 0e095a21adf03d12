#!/bin/sh
# t_report.sh — the quarterly supervision report (gongwen report) on the
# reference plan and the sample data of data/sample: the headline's counts,
# the category table and the tasks behind schedule (with their problems,
# 未说明 when blank) read back from the PDF and compared with the same
# numbers computed again here, in Python over the database (the status rule
# of docs/supervision.md written independently, as in t_status.sh);
# gbt9704-check --profile notice; a quarter without reports; a quarter
# before the plan refused; xml/fo report; the charts (图1 status, 图2 by
# category, 图3 the trend) against the XML's numbers; a one-task plan and
# 30 tasks × 8 quarters; build adds the report.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

CHECK="$TOP/../shared/checks/gbt9704-check"
S="$TOP/data/sample"

sample_db r.db
"$GW" -q import progress "$S/progress-2017Q4-市人社局-更正.csv" --quarter 2017Q4 --db r.db

# The expected numbers of quarter $1 (ending $2): one line per fact.
expect() {
    python3 - r.db "$2" "$1" <<'EOF'
import sqlite3, sys, datetime
db, end, q = sys.argv[1:4]
c = sqlite3.connect(db)
meta = dict(c.execute("SELECT key, value FROM meta"))
start = meta["sign_date"]
yellow, red = int(meta.get("status_yellow") or 10), int(meta.get("status_red") or 30)
d = lambda s: datetime.date.fromisoformat(s)
names = dict(c.execute("SELECT id, name FROM unit"))
order = ["已完成", "正常推进", "滞后", "严重滞后", "未报送"]
tasks = []
for (no, sec, title) in c.execute("SELECT no, section, title FROM task ORDER BY no").fetchall():
    leads = c.execute("SELECT unit FROM assignment WHERE task=? AND role='lead' ORDER BY pos", (no,)).fetchall()
    lead = leads[0][0] if leads else None
    members = [m for (m,) in c.execute("SELECT member FROM group_member WHERE grp=?", (lead,))]
    reps = [r for r in c.execute("SELECT unit, status, percent, problems FROM progress WHERE task_no=? AND quarter=?", (no, q))
            if r[0] == lead or r[0] in members]
    forms = c.execute("SELECT due FROM milestone WHERE task=? AND origin='form'", (no,)).fetchall()
    ms = forms if forms else c.execute("SELECT due FROM milestone WHERE task=? AND origin='plan'", (no,)).fetchall()
    dues = [x for (x,) in ms if x]
    due = max(dues) if dues else None
    exp = None
    if due:
        span = (d(due) - d(start)).days
        exp = 100.0 if span <= 0 else max(0.0, min(100.0, 100.0 * (d(end) - d(start)).days / span))
    problems = ""
    if not reps:
        st = "未报送"
    else:
        r = min(reps, key=lambda r: r[2])
        problems = r[3].strip()
        if r[1] == "已完成" or r[2] == 100: st = "已完成"
        elif due and due < end: st = "严重滞后"
        elif due and exp - r[2] > red: st = "严重滞后"
        elif due and exp - r[2] > yellow: st = "滞后"
        elif due: st = "正常推进"
        elif r[1] == "未启动": st = "滞后"
        else: st = "正常推进"
    # the category: the level-2 section holding the task
    s = c.execute("SELECT id, parent, level, title FROM section WHERE id=?", (sec,)).fetchone()
    while s[2] > 2:
        s = c.execute("SELECT id, parent, level, title FROM section WHERE id=?", (s[1],)).fetchone()
    tasks.append((no, st, s[3], title, names.get(lead, ""), problems))
n = {k: sum(1 for t in tasks if t[1] == k) for k in order}
head = "全市%d项任务中，" % len(tasks) + "，".join("%s%d项" % (k, n[k]) for k in order)
head += "，完成率%.1f%%" % (100.0 * n["已完成"] / len(tasks))
print("HEAD " + head)
cats = []
for (title,) in c.execute("SELECT title FROM section WHERE level=2 AND is_requirements=0 ORDER BY id"):
    ts = [t for t in tasks if t[2] == title]
    k = [sum(1 for t in ts if t[1] == s) for s in order]
    print("CAT %s %d %s %.1f%%" % (title, len(ts), " ".join(map(str, k)),
                                  100.0 * k[0] / len(ts) if ts else 0.0))
leads = []
for t in tasks:
    if t[4] not in leads:
        leads.append(t[4])
for u in leads:
    ts = [t for t in tasks if t[4] == u]
    print("UNIT %s %d %s" % (u, len(ts), " ".join(str(sum(1 for t in ts if t[1] == s)) for s in order)))
for t in tasks:
    if t[1] in ("滞后", "严重滞后"):
        print("BEHIND 第%d项 %s 存在问题：%s" % (t[0], t[4], t[5] or "未说明"))
    if t[1] == "未报送":
        print("MISSING %s" % t[4])
EOF
}

# The PDF's text in one line, page numbers left out.
flat() { pdftotext "$1" - | grep -v '^— *[0-9]* *—$' | tr -d ' \n\f'; }

for q in 2017Q4:2017-12-31:2017Q3:2017-09-30 2018Q2:2018-06-30:2018Q1:2018-03-31; do
    qq=${q%%:*}
    rest=${q#*:}; end=${rest%%:*}; rest=${rest#*:}; pq=${rest%%:*}; pend=${rest#*:}
    done_now=$(expect "$qq" "$end" | sed -n 's/^HEAD .*已完成\([0-9]*\)项.*/\1/p')
    done_before=$(expect "$pq" "$pend" | sed -n 's/^HEAD .*已完成\([0-9]*\)项.*/\1/p')
    delta=$((done_now - done_before))
    if [ "$delta" -gt 0 ]; then change="较上季度增加${delta}项"
    elif [ "$delta" -lt 0 ]; then change="较上季度减少$((-delta))项"
    else change="与上季度持平"; fi
    ok_if "report --quarter $qq" "$GW" -q report --quarter "$qq" --db r.db -o "out/report-$qq.pdf"
    pdf="out/report-$qq.pdf"
    [ -s "$pdf" ] || { echo "# no PDF for $qq"; continue; }
    expect "$qq" "$end" >"want-$qq"
    text=$(flat "$pdf")
    ok_match "$qq: the headline's counts and rate as recomputed" "$text" \
        "一、总体进展情况$(sed -n 's/^HEAD //p' "want-$qq")，$change。滞后指实际进度落后时间进度10至30个百分点；严重滞后指落后30个百分点以上或逾期未完成。"
    # the category table, row by row in the layout text
    pdftotext -layout "$pdf" - >"layout-$qq"
    sed -n 's/^CAT //p' "want-$qq" | while read -r title total a b c2 d2 e rate; do
        echo "$title" "$total" "$a" "$b" "$c2" "$d2" "$e" "$rate"
    done >"cats-want-$qq"
    grep -E '^ *加快' "layout-$qq" | grep -E '%$' | awk '{ $1 = $1; print }' >"cats-got-$qq"
    ok_eq "$qq: the category table's numbers" "$(cat "cats-got-$qq")" "$(cat "cats-want-$qq")"
    # the lead-unit table: every unit's numbers, ranked by 滞后 + 严重滞后
    sed -n 's/^UNIT //p' "want-$qq" | sort >"units-want-$qq"
    awk 'NF == 7 && $1 ~ /^市|^各|^株洲/ && $2 ~ /^[0-9]+$/ { $1 = $1; print }' "layout-$qq" >"units-got-$qq"
    ok_eq "$qq: the lead-unit table's numbers" "$(sort "units-got-$qq")" "$(cat "units-want-$qq")"
    ok_eq "$qq: … ranked by tasks behind" \
        "$(awk '{ print $5 + $6 }' "units-got-$qq" | tr '\n' ' ')" \
        "$(awk '{ print $5 + $6 }' "units-got-$qq" | sort -rn | tr '\n' ' ')"
    nb=0
    while read -r tag no lead why; do
        nb=$((nb + 1))
        ok_match "$qq: $no listed with its lead and problems" "$text" \
            "$no[^。]*（牵头单位：$lead[^）]*）。$(printf '%s' "$why" | tr -d ' ')"
    done <<EOF
$(grep '^BEHIND ' "want-$qq")
EOF
    ok_if "$qq: some tasks are behind in the sample" [ "$nb" -gt 0 ]
    for u in $(sed -n 's/^MISSING //p' "want-$qq" | sort -u); do
        ok_match "$qq: $u named as not reporting" "$text" "未报送进展情况：[^。]*$u"
    done
    if [ -f "$CHECK" ]; then
        python3 "$CHECK" --profile notice "$pdf" >"check-$qq" 2>&1
        ok_eq "$qq: gbt9704-check --profile notice 20/20" "$(tail -n 1 "check-$qq")" \
            "20 passed, 0 failed, 0 skipped"
    else
        skip "gbt9704-check" "$CHECK not found"
    fi
done
# the 附件: its header on every landscape page, each status in its colour
pages=$(pdfinfo out/report-2017Q4.pdf | sed -n 's/^Pages: *//p')
n=0; with=0
for p in $(seq 1 "$pages"); do
    pdfinfo -f "$p" -l "$p" out/report-2017Q4.pdf | grep -q "^Page *$p size: *841" || continue
    n=$((n + 1))
    pdftotext -f "$p" -l "$p" out/report-2017Q4.pdf - | grep -q '^序号$' && with=$((with + 1))
done
ok_if "2017Q4: the 附件 takes more than one landscape page" [ "$n" -gt 1 ]
ok_eq "… its header repeated on each" "$with" "$n"
pdftohtml -xml -i -stdout out/report-2017Q4.pdf >r4.xml 2>/dev/null
colour() {
    f=$(grep ">$1</text>" r4.xml | tail -n 1 | sed 's/.*font="\([0-9]*\)".*/\1/')
    grep "fontspec id=\"$f\"" r4.xml | sed 's/.*color="\([^"]*\)".*/\1/'
}
# the words black (GB/T 9704 keeps red for the mark, the rule and seals),
# each cell shaded in a tint of its status's colour
ok_eq "… every status in black: 严重滞后 滞后 正常推进 未报送" \
    "$(colour 严重滞后) $(colour 滞后) $(colour 正常推进) $(colour 未报送)" "#000000 #000000 #000000 #000000"
"$GW" -q fo report --quarter 2017Q4 --db r.db >r4.fo
tint() { grep -o "background-color=\"#[0-9A-F]*\"><fo:block text-align=\"center\">$1<" r4.fo | head -n 1 | sed 's/.*"\(#[0-9A-F]*\)".*/\1/'; }
ok_eq "… its cell shaded: 严重滞后 red, 滞后 amber, 正常推进 green, 未报送 grey tints" \
    "$(tint 严重滞后) $(tint 滞后) $(tint 正常推进) $(tint 未报送)" "#E7C6C6 #FBECC9 #CAE2CE #F6F6F6"
# printed in black and white, the five statuses' colours stay apart: their
# lightness (luma) at least 0.12 apart, read from the charts' bars
ok_eq "… the status colours differ in grey by at least 0.12 luma" "$(python3 -c '
import re, sys
fills = sorted(set(re.findall(r"<rect[^>]*fill=\"(#[0-9A-F]{6})\"", open(sys.argv[1]).read())) - {"#FFFFFF"})
luma = sorted((0.299 * int(c[1:3], 16) + 0.587 * int(c[3:5], 16) + 0.114 * int(c[5:7], 16)) / 255 for c in fills)
print(len(fills), min(b - a for a, b in zip(luma, luma[1:])) >= 0.12)
' r4.fo)" "5 True"
ok_match "2017Q4: a blank 存在问题 reads 未说明" "$(flat out/report-2017Q4.pdf)" "存在问题：未说明"
ok_match "2017Q4: the default document number" "$(flat out/report-2017Q4.pdf)" "株人才办通〔2017〕4号"
ok_match "2017Q4: the title" "$(flat out/report-2017Q4.pdf)" \
    "关于《〈关于进一步推进人才优先发展的30条措施〉主要任务分工方案》落实情况的督查通报（2017年第四季度）"
ok_match "2017Q4: signed on the quarter's last day" "$(flat out/report-2017Q4.pdf)" "2017年12月31日"

# the document number and date from the record
cp r.db r2.db
"$GW" -q set report_doc_number 株人才办通〔2018〕9号 --db r.db
"$GW" -q set report_date 2018-07-05 --db r.db
"$GW" -q report --quarter 2018Q2 --db r.db -o set.pdf
ok_match "report_doc_number and report_date printed" "$(flat set.pdf)" "株人才办通〔2018〕9号.*2018年7月5日"
# percentages as read: 100%, not 100.0% beside the form's whole 48%; — for a
# task without milestones; task 16 (no title) cut before a 、 with ……
ok_match "应完成进度 100% and 69.2%, never 100.0%" "$(flat set.pdf)" "应完成进度100%）.*应完成进度69.2%）"
ok_if "… nowhere 100.0%" sh -c "! pdftotext set.pdf - | grep -q '100\.0%'"
nomil=$(sqlite3 r.db "SELECT count(*) FROM task WHERE no NOT IN (SELECT task FROM milestone WHERE due <> '')")
ok_eq "… a task without milestones shows — (as many as the database has: $nomil)" \
    "$(pdftotext -layout -f 6 set.pdf - | grep -c '^ *[0-9][0-9]* .*%  *— ')" "$nomil"
ok_match "task 16's name: its text cut before a 、, and ……" "$(flat set.pdf)" \
    "第16项研究制定新建重点实验室、工程技术研究中心……（牵头单位"
# another city's 代字: the default number follows doc_number (one rule with
# the sheets' 交 series, gw_doc_number_series)
"$GW" -q set doc_number 湘潭人才办发〔2018〕2号 --db r2.db
"$GW" -q report --quarter 2018Q2 --db r2.db -o xt.pdf
ok_match "the default number takes doc_number's 代字, without 发" "$(flat xt.pdf)" "湘潭人才办通〔2018〕2号"
ok_if "… and nothing of 株洲's" sh -c "! pdftotext xt.pdf - | grep -q 株人才办通"
out=$("$GW" set report_doc_number 株人才办通[2018]9号 --db r.db 2>&1); rc=$?
ok_eq "a bad report_doc_number is refused" "$rc" 1

# next steps from the record after the plan's 工作要求
"$GW" -q set report_requirements 请各牵头单位于下季度末前完成整改。 --db r.db
"$GW" -q report --quarter 2018Q2 --db r.db -o req.pdf
ok_match "report_requirements among the next steps" "$(flat req.pdf)" \
    "六、下一步工作要求（一）.*请各牵头单位于下季度末前完成整改。附件："

# a quarter without any report: every task 未报送, still a proper document
"$GW" -q report --quarter 2019Q1 --db r.db -o none.pdf; rc=$?
ok_eq "a quarter without reports renders" "$rc" 0
ok_match "… every task 未报送" "$(flat none.pdf)" "已完成0项，正常推进0项，滞后0项，严重滞后0项，未报送30项"
if [ -f "$CHECK" ]; then
    ok_eq "… and passes gbt9704-check" "$(python3 "$CHECK" --profile notice none.pdf 2>&1 | tail -n 1)" \
        "20 passed, 0 failed, 0 skipped"
fi

# a quarter that ends before the plan was signed (2017-05-12)
out=$("$GW" report --quarter 2017Q1 --db r.db -o early.pdf 2>&1); rc=$?
ok_eq "a quarter before sign_date: exit 1" "$rc" 1
ok_match "… saying why" "$out" "quarter 2017Q1 is before the plan's first reporting quarter 2017Q2 \(signed 2017-05-12"
ok_if "… and writes nothing" [ ! -e early.pdf ]

# One schedule (docs/supervision.md, "When units report"): the quarters
# the sheets print are the quarters the report, status, template and
# progress import accept.  Expected here from the rule as documented: from
# the first quarter whose 25th of the last month is on or after sign_date,
# to the quarter of the latest dated milestone; 4 to 12 quarters.
schedule() {
    python3 - "$1" <<'EOF'
import sqlite3, sys, datetime
c = sqlite3.connect(sys.argv[1])
sign = datetime.date.fromisoformat(dict(c.execute("SELECT key, value FROM meta"))["sign_date"])
y, q = sign.year, (sign.month - 1) // 3 + 1
if sign.month == q * 3 and sign.day > 25:
    y, q = (y + 1, 1) if q == 4 else (y, q + 1)
first = y * 4 + q - 1
last = first
for (due,) in c.execute("SELECT due FROM milestone WHERE due IS NOT NULL AND due != ''"):
    d = datetime.date.fromisoformat(due)
    last = max(last, d.year * 4 + (d.month - 1) // 3)
n = min(max(last - first + 1, 4), 12)
print(" ".join("%dQ%d" % (k // 4, k % 4 + 1) for k in range(first, first + n)))
EOF
}
sheetq() {
    "$GW" xml sheet --unit 市人社局 --db "$1" | grep -o 'quarter="[0-9Q]*"' | sed 's/quarter="//; s/"//' | tr '\n' ' ' | sed 's/ $//'
}
ok_eq "the sheets list the schedule's quarters (sample milestones to 2018年底)" "$(sheetq r.db)" "$(schedule r.db)"
ok_eq "… 2017Q2 to 2018Q4" "$(sheetq r.db)" "2017Q2 2017Q3 2017Q4 2018Q1 2018Q2 2018Q3 2018Q4"
for q in $(sheetq r.db); do
    out=$("$GW" status --quarter "$q" --db r.db 2>&1 >/dev/null); rc=$?
    ok_eq "status $q (on the sheets): accepted, no warning" "$rc:$out" "0:"
done
out=$("$GW" -q report --quarter 2017Q2 --db r.db -o q2.pdf 2>&1); rc=$?
ok_eq "the first quarter on the sheets reports (no reports yet: all 未报送)" "$rc" 0
ok_match "… every task 未报送, no comparison with an earlier quarter" "$(flat q2.pdf)" \
    "未报送30项，完成率0.0%。"
out=$("$GW" -q report --quarter 2017Q3 --db r.db -o q3.pdf 2>&1)
ok_match "2017Q3 is compared with 2017Q2, a quarter units were asked for" "$(flat q3.pdf)" \
    "较上季度(增加|减少)[0-9]+项|与上季度持平"
out=$("$GW" status --quarter 2019Q1 --db r.db 2>&1 >/dev/null); rc=$?
ok_match "a quarter after the sheets' last: accepted with a warning" "$rc:$out" \
    "^0:.*2019Q1 is after the last reporting date the task sheets print"

# signed after the 25th of a quarter's last month: the first report is due
# a quarter later, on the sheets and everywhere else
cp r.db late.db
"$GW" -q set print_date 2017-06-28 --db late.db    # 印发 is not before 成文 (set checks)
"$GW" -q set sign_date 2017-06-28 --db late.db
ok_eq "signed 2017-06-28: the sheets start at 2017Q3" "$(sheetq late.db)" "$(schedule late.db)"
ok_match "… (2017Q3 first)" "$(sheetq late.db)" "^2017Q3 "
out=$("$GW" report --quarter 2017Q2 --db late.db -o late.pdf 2>&1); rc=$?
ok_match "… the report refuses 2017Q2" "$rc:$out" "^1:.*2017Q2 is before the plan's first reporting quarter 2017Q3"
out=$("$GW" status --quarter 2017Q2 --db late.db 2>&1); rc=$?
ok_match "… so does status" "$rc:$out" "^1:.*before the plan's first reporting quarter 2017Q3"
out=$("$GW" template progress --quarter 2017Q2 --db late.db -o forms-late 2>&1); rc=$?
ok_match "… and template" "$rc:$out" "^1:.*before the plan's first reporting quarter 2017Q3"
printf '序号,报送单位,季度,完成进度(%%),状态,进展情况\n2,市委组织部,2017Q2,10,推进中,已启动\n' >early.csv
before=$(sqlite3 late.db "SELECT count(*) FROM progress")
out=$("$GW" import progress early.csv --db late.db 2>&1); rc=$?
ok_match "… and import progress, naming the row" "$rc:$out" \
    "^1:.*early.csv:2: 季度 2017Q2 is before the plan's first reporting quarter 2017Q3 \(signed 2017-06-28\)"
ok_eq "… nothing imported" "$(sqlite3 late.db "SELECT count(*) FROM progress")" "$before"

# no dated milestones: four quarters; milestones years ahead: at most 12
"$GW" -q import plan "$TOP/data/plan.txt" --db bare.db
ok_eq "no milestones: four quarters from the signing quarter" "$(sheetq bare.db)" "2017Q2 2017Q3 2017Q4 2018Q1"
printf '序号,节点,完成时限,成果形式\n1,远期目标,2030年底,报告\n' >far.csv
"$GW" -q import milestones far.csv --db bare.db
ok_eq "a milestone in 2030: twelve quarters, no more" "$(sheetq bare.db)" "$(schedule bare.db)"
ok_eq "… (12)" "$(sheetq bare.db | wc -w)" 12
out=$("$GW" report --quarter 2017Q5 --db r.db 2>&1); rc=$?
ok_eq "a malformed quarter: usage error" "$rc" 64

# the output guard: never over the open database
sum_before=$(sha256sum r.db)
out=$("$GW" report --quarter 2017Q4 --db r.db -o r.db 2>&1); rc=$?
ok_match "-o onto the database: exit 2, refused" "$rc $out" "^2 .*refusing to write over the open database"
ok_eq "… the database unchanged" "$(sha256sum r.db)" "$sum_before"

# without --quarter: the latest quarter with reports
(mkdir -p dflt && cd dflt && "$GW" -q report --db ../r.db) >/dev/null 2>&1
ok_if "without --quarter: out/report-2018Q2.pdf" [ -s dflt/out/report-2018Q2.pdf ]

# xml and fo like the other kinds
"$GW" xml report --quarter 2017Q4 --db r.db >r.xml; rc=$?
ok_eq "xml report: exit 0" "$rc" 0
ok_match "xml report: the headline in the XML" "$(cat r.xml)" "<headline>全市30项任务中，"
ok_if "xml report valid against data/report.rng" xmllint --noout --relaxng "$TOP/data/report.rng" r.xml
"$GW" xml report --quarter 2019Q1 --db r.db >none.xml
ok_if "… also for a quarter without reports" xmllint --noout --relaxng "$TOP/data/report.rng" none.xml
"$GW" fo report --quarter 2017Q4 --db r.db >r.fo; rc=$?
ok_eq "fo report: exit 0" "$rc" 0
ok_match "fo report: an XSL-FO document" "$(head -c 400 r.fo)" "<fo:root"
# 图1: a bar per status in its colour, labelled with the XML's counts
bars=$(xmllint --xpath 'count((//*[local-name()="svg"])[1]//*[local-name()="rect"])' r.fo)
ok_eq "fo report: the chart has a bar per status" "$bars" 5
ok_eq "… the 严重滞后 bar is red" \
    "$(xmllint --xpath 'string((//*[local-name()="svg"])[1]//*[local-name()="rect"][4]/@fill)' r.fo)" "#9E1A1A"
labels=$(xmllint --xpath '(//*[local-name()="svg"])[1]//*[local-name()="text"][position() mod 2 = 1]/text()' r.fo | tr '\n' ' ')
want=$(xmllint --xpath '//*[local-name()="count"]/@n' r.xml | sed 's/[^0-9 ]//g' | tr -s ' ' | sed 's/^ //')
ok_eq "… labelled with the counts" "$(echo $labels)" "$(echo $want)"
ok_match "… captioned 图1" "$(flat out/report-2017Q4.pdf)" "图1　?2017年第四季度任务状态分布"
# 图2: a bar per category, its segments count × the unit width (the longest
# bar 250 wide) in the statuses' colours at the running x, each category
# named and its total after the bar: the numbers of the XML's table
chart2() {
    python3 - "$1" "$2" <<'EOF'
import sys, xml.etree.ElementTree as ET
SVG = "{http://www.w3.org/2000/svg}"
fo, xml = ET.parse(sys.argv[1]), ET.parse(sys.argv[2])
colour = {"done": "#5A9AE6", "normal": "#2A8A3C", "behind": "#F0B429", "severe": "#9E1A1A",
          "missing": "#D9D9D9"}
keys = [c.get("key") for c in xml.iter("count")]
cats = list(xml.iter("category"))
unit = 250.0 / max(int(c.get("total")) for c in cats)
svgs = list(fo.iter(SVG + "svg"))[1:]
rows, texts = [], []
for s in svgs:
    texts += [t.text for t in s.iter(SVG + "text")]
    by_y = {}
    for r in s.iter(SVG + "rect"):
        if float(r.get("height")) == 14:
            by_y.setdefault(float(r.get("y")), []).append(r)
    rows += [by_y[y] for y in sorted(by_y)]
bad = []
for c, segs in zip(cats, rows):
    want = [(colour[k], int(c.get(k)) * unit) for k in keys if int(c.get(k)) > 0]
    got = [(r.get("fill"), float(r.get("width"))) for r in segs]
    if len(got) != len(want) or any(g[0] != w[0] or abs(g[1] - w[1]) > 0.01 for g, w in zip(got, want)):
        bad.append("%s: segments %s, want %s" % (c.text, got, want))
    x = 120.0
    for (wc, ww), r in zip(want, segs):
        if abs(float(r.get("x")) - x) > 0.01:
            bad.append("%s: a segment at %s, not %.2f" % (c.text, r.get("x"), x))
        x += ww
    if c.text not in texts or c.get("total") not in texts:
        bad.append("%s: name or total %s not in the chart" % (c.text, c.get("total")))
print("\n".join(bad) if bad else "%d categories, %d bars" % (len(cats), len(rows)))
EOF
}
for q in 2017Q4 2018Q2; do
    "$GW" xml report --quarter $q --db r.db >c-$q.xml
    "$GW" fo report --quarter $q --db r.db >c-$q.fo
    ok_eq "$q: 图2: a bar per category, count × unit wide, in the colours" \
        "$(chart2 c-$q.fo c-$q.xml)" "5 categories, 5 bars"
done
ok_eq "2018Q2: 图2's first bar is the table's row 2 2 2 1 of 7 (250 / 7 a task)" \
    "$(xmllint --xpath '(//*[local-name()="svg"])[2]//*[local-name()="rect"][@y="24"]/@width' c-2018Q2.fo | sed 's/[^0-9. ]//g' | tr -s ' \n' '  ' | sed 's/^ //; s/ $//')" \
    "71.4285714285714 71.4285714285714 71.4285714285714 35.7142857142857"
# the charts at the size they are drawn for: their width and height in pt
# (a unitless SVG size is CSS px, 0.75 pt, and shrank them: 图1's 12-unit
# labels came out 9 pt, and a pitch of space stood below each chart)
ok_eq "图1's labels 12 pt (the box of 严重滞后 under its bar)" "$(pdftotext -bbox -f 2 -l 2 out/report-2018Q2.pdf - |
    python3 -c '
import re, sys
m = re.search(r"yMin=\"([0-9.]+)\"[^>]*yMax=\"([0-9.]+)\">严重滞后<", sys.stdin.read())
print(round(float(m.group(2)) - float(m.group(1))) if m else "none")')" 12
# (pdftotext may read the bars' totals, at the chart's right, after it)
ok_match "… captioned 图2 after the category table" "$(flat out/report-2018Q2.pdf)" \
    "二、分类别落实情况.*图2　?2018年第二季度分类别任务落实情况[0-9]*各季度"
p2=$(pdftotext -f 2 -l 3 out/report-2018Q2.pdf - | tr -d ' \n')
for c in $(xmllint --xpath '//*[local-name()="category"]/text()' c-2018Q2.xml); do
    ok_match "… $c named in 图2" "$p2" "$c.*图2"
done
# 图3: each quarter with reports up to the report's, its counts those of
# the quarter's own report, three bars (已完成, 滞后, 严重滞后) count × scale
# high (the tallest 80), labelled with the counts
trend() {
    python3 - "$@" <<'EOF'
import sys, xml.etree.ElementTree as ET
SVG = "{http://www.w3.org/2000/svg}"
fo, xml = ET.parse(sys.argv[1]), ET.parse(sys.argv[2])
qs = list(xml.iter("quarter"))
bad = []
for q, own in zip(qs, sys.argv[3:]):
    o = {c.get("key"): c.get("n") for c in ET.parse(own).iter("count")}
    for k in o:
        if q.get(k) != o[k]:
            bad.append("%s %s: %s in the trend, %s in its own report" % (q.get("q"), k, q.get(k), o[k]))
svg = list(fo.iter(SVG + "svg"))[-1]
rects = [r for r in svg.iter(SVG + "rect") if r.get("y") != "4"]
texts = [t.text for t in svg.iter(SVG + "text")]
top = max(int(q.get(k)) for q in qs for k in ("done", "behind", "severe"))
for i, q in enumerate(qs):
    for j, k in enumerate(("done", "behind", "severe")):
        r = rects[3 * i + j]
        if abs(float(r.get("height")) - int(q.get(k)) * 80.0 / top) > 0.01:
            bad.append("%s %s: a bar %s high" % (q.get("q"), k, r.get("height")))
    if q.get("year") not in texts or q.get("quarter") not in texts:
        bad.append("%s: not labelled" % q.get("q"))
print("\n".join(bad) if bad else " ".join(q.get("q") for q in qs))
EOF
}
for q in 2017Q3 2017Q4 2018Q1 2018Q2; do
    "$GW" xml report --quarter $q --db r.db >own-$q.xml
done
"$GW" fo report --quarter 2018Q2 --db r.db >t-2018Q2.fo
ok_eq "2018Q2: 图3 shows the four quarters with reports, bars as their counts" \
    "$(trend t-2018Q2.fo own-2018Q2.xml own-2017Q3.xml own-2017Q4.xml own-2018Q1.xml own-2018Q2.xml)" \
    "2017Q3 2017Q4 2018Q1 2018Q2"
ok_match "… captioned 图3 after 图2" "$(flat out/report-2018Q2.pdf)" "图2.*各季度已完成、滞后和严重滞后任务数变化情况如下。.*图3　?各季度任务落实情况三、"
ok_if "… its XML valid against data/report.rng" xmllint --noout --relaxng "$TOP/data/report.rng" own-2018Q2.xml
"$GW" fo report --quarter 2017Q4 --db r.db >t-2017Q4.fo
ok_eq "2017Q4: 图3 of two quarters" \
    "$(trend t-2017Q4.fo own-2017Q4.xml own-2017Q3.xml own-2017Q4.xml)" "2017Q3 2017Q4"
ok_eq "2017Q3, the first quarter with reports: no <trend>" \
    "$(xmllint --xpath 'count(//trend)' own-2017Q3.xml)" 0
"$GW" -q report --quarter 2017Q3 --db r.db -o q3.pdf
ok_if "… and no 图3 in its PDF (图1 and 图2 only)" sh -c \
    "pdftotext q3.pdf - | grep -q 图2 && ! pdftotext q3.pdf - | grep -q 图3"
ok_eq "… nor in its FO (two charts)" \
    "$("$GW" fo report --quarter 2017Q3 --db r.db | xmllint --xpath 'count(//*[local-name()="svg"])' -)" 2
out=$("$GW" xml report --db r.db --quarter 2017Q1 2>&1); rc=$?
ok_eq "xml report before sign_date: exit 1" "$rc" 1

# edges: a plan of one task, reported by its lead
cat >one.txt <<'EOF'
附件1
《关于加强人才工作的1条措施》主要任务分工方案
为贯彻落实《关于加强人才工作的1条措施》，提出如下分工方案。
一、任务分工
（一）加快推进人才高度集聚
1.顶尖人才引领工程。制定院士潜力人选引进培养办法。（市科技局、市财政局）
EOF
"$GW" -q import plan one.txt --db one.db
printf '%s\n' '序号,报送单位,季度,完成进度(%),状态,进展情况,存在问题,下一步打算,报送日期' \
    '1,市科技局,2017Q4,40,推进中,已制定办法草案,资金未到位,继续抓好落实,2017-12-20' >one.csv
ok_if "one task: its progress imported" "$GW" -q import progress one.csv --quarter 2017Q4 --db one.db
"$GW" -q report --quarter 2017Q4 --db one.db -o one.pdf; rc=$?
ok_eq "one task: report exit 0" "$rc" 0
ok_match "… the headline counts it" "$(flat one.pdf)" "全市1项任务中，已完成0项，正常推进1项，滞后0项，严重滞后0项，未报送0项，完成率0.0%"
ok_match "… 图1 and 图2 with its one category" "$(flat one.pdf)" "图1.*加快推进人才高度集聚.*图2"
if [ -f "$CHECK" ]; then
    ok_match "… gbt9704-check: nothing failed" "$(python3 "$CHECK" --profile notice one.pdf 2>&1 | tail -n 1)" \
        "^[0-9]+ passed, 0 failed"
fi

# two categories of one title under different level-1 sections are two rows
# (they were counted as one, the second left at 0: bench/report.sh's plan)
cat >two.txt <<'EOF'
附件1
《关于加强人才工作的2条措施》主要任务分工方案
为贯彻落实《关于加强人才工作的2条措施》，提出如下分工方案。
一、人才引进
（一）顶尖人才引领工程
1.引进顶尖人才。制定院士潜力人选引进培养办法。（市科技局、市财政局）
二、人才培养
（一）顶尖人才引领工程
2.培养顶尖人才。组织领军人才遴选及项目资助发放。（市委组织部、市财政局）
EOF
"$GW" -q import plan two.txt --db two.db
ok_eq "one category title in two sections: two rows of one task each" \
    "$("$GW" xml report --quarter 2017Q4 --db two.db | xmllint --xpath '//category/@total' - | tr -s ' \n' '  ' | sed 's/^ //; s/ $//')" \
    'total="1" total="1"'

# edges: the 30 tasks reported by their leads (the sample's reporters) for
# 8 quarters, 2017Q3–2019Q2, each task a little further each quarter
"$GW" -q import plan "$TOP/data/plan.txt" --db q8.db
"$GW" -q import milestones "$S/milestones.csv" --db q8.db
python3 - "$S/progress-2018Q2.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
qs = ["2017Q3", "2017Q4", "2018Q1", "2018Q2", "2018Q3", "2018Q4", "2019Q1", "2019Q2"]
ends = ["09-20", "12-20", "03-20", "06-20", "09-20", "12-20", "03-20", "06-20"]
for i, q in enumerate(qs):
    with open("q8-%s.csv" % q, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(rows[0])
        for r in rows[1:]:
            pct = min(100, (i + 1) * (8 + int(r[0]) % 7))
            w.writerow([r[0], r[1], q, pct, "已完成" if pct == 100 else "推进中", r[5], r[6],
                        r[7], "%s-%s" % (q[:4], ends[i])])
EOF
n=0
for q in 2017Q3 2017Q4 2018Q1 2018Q2 2018Q3 2018Q4 2019Q1 2019Q2; do
    "$GW" -q import progress "q8-$q.csv" --quarter $q --db q8.db && n=$((n + 1))
done
ok_eq "8 quarters of progress imported" "$n" 8
"$GW" -q report --quarter 2019Q2 --db q8.db -o q8.pdf; rc=$?
ok_eq "30 tasks × 8 quarters: report for 2019Q2 exit 0" "$rc" 0
ok_match "… 图3 in the PDF" "$(flat q8.pdf)" "图3　?各季度任务落实情况"
"$GW" xml report --quarter 2019Q2 --db q8.db >q8.xml
ok_eq "… of the 8 quarters" "$(xmllint --xpath '//trend/quarter/@q' q8.xml | sed 's/[^0-9Q ]//g' | tr -s ' \n' '  ' | sed 's/^ //; s/ $//')" \
    "2017Q3 2017Q4 2018Q1 2018Q2 2018Q3 2018Q4 2019Q1 2019Q2"
ok_if "… its XML valid against data/report.rng" xmllint --noout --relaxng "$TOP/data/report.rng" q8.xml
ok_eq "… 24 bars in 图3" \
    "$("$GW" fo report --quarter 2019Q2 --db q8.db | xmllint --xpath 'count((//*[local-name()="svg"])[last()]//*[local-name()="rect"][@y != "4"])' -)" 24

# build: the report only once there are progress reports
"$GW" -q import plan "$TOP/data/plan.txt" --db b.db
"$GW" -q build --db b.db -o bo
ok_if "build without progress: no report" [ -z "$(ls bo | grep report)" ]
"$GW" -q build --db r.db -o ro
ok_if "build with progress: report-2018Q2.pdf" [ -s ro/report-2018Q2.pdf ]

# build: the latest quarter's report, or with --all-quarters one per quarter
# with reports (the quarters counted with SQL)
cp r.db ball.db
"$GW" -q build --db ball.db -o ball --all-quarters; rc=$?
ok_eq "build --all-quarters: exit 0" "$rc" 0
ok_eq "… a report for every quarter with reports" "$(ls ball | grep '^report-' | sed 's/report-//; s/\.pdf//' | tr '\n' ' ')" \
    "$(sqlite3 ball.db "SELECT group_concat(q, ' ') || ' ' FROM (SELECT DISTINCT quarter AS q FROM progress ORDER BY q)")"
ok_match "… each of its own quarter" "$(pdftotext -f 1 -l 1 ball/report-2017Q3.pdf - 2>/dev/null | tr -d ' \n')" "2017年第三季度"
"$GW" -q build --db ball.db -o blatest
ok_eq "build without it: only the latest quarter's" "$(ls blatest | grep '^report-')" report-2018Q2.pdf
done_testing
