#!/bin/sh
# t_import.sh — the reference plan (data/plan.txt) imports into the record:
# 30 tasks in 5 categories, 3 requirements, every task's leads and unit list
# in published order, the normalisation counts, the CSV export, listing.
. "$(dirname "$0")/lib.sh"

DB="$T/ref.db"
"$GW" import plan "$TOP/data/plan.txt" --db "$DB" >"$T/out" 2>"$T/err"
ok_eq "import of data/plan.txt exits 0" "$?" 0
q() { sqlite3 "$DB" "$@"; }

ok_eq "30 tasks" "$(q 'SELECT count(*) FROM task')" 30
ok_eq "5 categories" "$(q 'SELECT count(*) FROM section s JOIN section p ON p.id = s.parent
                          WHERE s.level = 2 AND p.is_requirements = 0')" 5
ok_eq "3 requirements" "$(q 'SELECT count(*) FROM requirement')" 3
ok_eq "category titles" "$(q "SELECT group_concat(label || title, '|') FROM section WHERE level = 2")" \
    "（一）加快推进人才高度集聚|（二）加快人才体制机制改革|（三）加快促进人才创新创业|（四）加快优化人才生态建设|（五）加快完善党管人才格局"
ok_eq "top-level sections" "$(q "SELECT group_concat(label || title || ':' || is_requirements, '|') FROM section WHERE level = 1")" \
    "一、任务分工:0|二、工作要求:1"
ok_eq "tasks per category" "$(q "SELECT group_concat(n, ',') FROM (SELECT count(*) n FROM task GROUP BY section ORDER BY section)")" \
    "7,5,5,7,6"
ok_eq "task numbers 1..30 in order" "$(q "SELECT group_concat(no, ',') FROM task ORDER BY no")" \
    "$(seq -s, 1 30)"

# Normalisation: counted once by hand on data/plan.txt (55 commas, 42 pairs
# of brackets, 17 pairs of straight quotes; no ; : ! ? next to Chinese).
ok_match "normalisation counts" "$(cat "$T/err")" \
    "normalised: 55 ，  0 ；  0 ：  42 （  42 ）  0 ！  0 ？  17 “  17 ”"
ok_match "summary line" "$(cat "$T/err")" "imported 30 tasks in 5 categories, 3 requirements"
ok_eq "no half-width punctuation left next to Chinese" \
    "$(q "SELECT count(*) FROM task WHERE body GLOB '*[,()\"]*' OR title GLOB '*[,()\"]*'")" 0
ok_eq "3+3+1 untouched, quotes curly" \
    "$(q "SELECT instr(body, '组织“3+3+1”产业领域（轨道交通') > 0 FROM task WHERE no = 2")" 1

# Short titles: the first sentence when it names the task; task 16 has none.
ok_eq "task 1 title" "$(q 'SELECT title FROM task WHERE no = 1')" "顶尖人才引领工程"
ok_eq "task 22 title with quotes" "$(q 'SELECT title FROM task WHERE no = 22')" "建设“智慧人才平台”"
ok_eq "task 16 has no short title" "$(q 'SELECT title FROM task WHERE no = 16')" ""
ok_eq "task 16 body is the whole text" "$(q 'SELECT body FROM task WHERE no = 16')" \
    "研究制定新建重点实验室、工程技术研究中心、工程研究中心、企业技术中心，院士工作站、博士工作站等各类人才创新载体补贴办法。"
ok_eq "titles present on 29 tasks" "$(q "SELECT count(*) FROM task WHERE title <> ''")" 29
ok_eq "task 25 body keeps its inner brackets" \
    "$(q "SELECT substr(body, 1, 16) FROM task WHERE no = 25")" "建立党委（党组）定期研究人才工作"
ok_eq "task 1 units_text keeps the note" "$(q 'SELECT units_text FROM task WHERE no = 1')" \
    "市科技局、市科协、市发改委、市经信委、市财政局，排第一的为牵头单位，其他为责任单位，下同"

# Every task: no|leads|full unit list in published order.
cat >"$T/want" <<'TABLE'
1|市科技局|市科技局、市科协、市发改委、市经信委、市财政局
2|市委组织部|市委组织部、市科技局、市经信委、市人社局、市地税局、市财政局、各县市区
3|市委组织部|市委组织部、市编办、市人社局、市教育局、市卫计委、市文广新局、市经信委、市民政局、各县市区
4|市经信委|市经信委、市工商联、市国资委、各县市区
5|市人社局|市人社局、市总工会、市职教城管理办、有关职业院校、各县市区
6|市委组织部|市委组织部、市编办、市人社局、市财政局、市教育局、市卫计委、市科技局、各县市区
7|市委组织部|市委组织部、市科技局、市人社局、市科协、各县市区
8|市人社局|市人社局、市编办、市发改委、市经信委、市科技局、市民政局、市农委、市财政局、市外侨旅游局、各县市区
9|市委组织部|市委组织部、市编办、市人社局、市财政局、市教育局、市卫计委、各县市区
10|市委组织部|市委组织部、市科技局、市经信委、市人社局、市农委、市民政局、市教育局、市卫计委、各县市区
11|市人社局|市人社局、市委组织部、市经信委、市科技局、市教育局、市卫计委、市委统战部、市民政局
12|市委组织部|市委组织部、市编办、市人社局、株洲高新区、各县市区
13|市科技局|市科技局、市经信委、市金融证券办、市发改委、市财政局
14|市科技局|市科技局、市发改委、市财政局
15|市科技局|市科技局、市财政局
16|市委组织部|市委组织部、市发改委、市科技局、市经信委、市人社局、市财政局
17|市委组织部|市委组织部、市编办、市人社局、各县市区
18|市委组织部|市委组织部、市房产局、市财政局、市发改委、市公积金中心、各县市区
19|市教育局|市教育局、市委组织部、各县市区
20|市卫计委|市卫计委、市委组织部、各县市区
21|市委组织部|市委组织部、市编办、市人社局
22|市委组织部|市委组织部、市人社局、市科技局、市经信委、各县市区
23|市委组织部|市委组织部、市委办、市政府办、市科协、市委政研室
24|市委组织部|市委组织部、市委办、市政府办、市人社局、市卫计委、市科技局
25|市委组织部|市委组织部、市委办、市政府办、各县市区
26|市委组织部|市委组织部、市编办、各县市区
27|市财政局|市财政局、市委组织部、各县市区
28|市委组织部|市委组织部、市委办、市政府办、市财政局、各县市区
29|市委组织部|市委组织部、各县市区
30|市委组织部|市委组织部、市委宣传部、各县市区
TABLE
q "SELECT t.no,
          (SELECT group_concat(name, '、') FROM (SELECT u.name FROM assignment a JOIN unit u ON u.id = a.unit
                                                WHERE a.task = t.no AND a.role = 'lead' ORDER BY a.pos)),
          (SELECT group_concat(name, '、') FROM (SELECT u.name FROM assignment a JOIN unit u ON u.id = a.unit
                                                WHERE a.task = t.no ORDER BY a.pos))
   FROM task t ORDER BY t.no" >"$T/got"
i=0
while IFS='|' read -r no lead all; do
    i=$((i + 1))
    got=$(sed -n "${i}p" "$T/got")
    ok_eq "task $no: leads and units in order" "$got" "$no|$lead|$all"
done <"$T/want"

ok_eq "positions are 1..n" "$(q "SELECT count(*) FROM assignment a WHERE pos <> (SELECT count(*) FROM assignment b WHERE b.task = a.task AND b.pos <= a.pos)")" 0
ok_eq "no unknown units were added" "$(q 'SELECT count(*) FROM unit WHERE added_by_import = 1')" 0
ok_eq "各县市区 has the nine county-level divisions" \
    "$(q "SELECT group_concat(m.name, '、') FROM (SELECT u.name FROM group_member g JOIN unit u ON u.id = g.member JOIN unit gg ON gg.id = g.grp WHERE gg.name = '各县市区' ORDER BY g.pos) m")" \
    "荷塘区、芦淞区、石峰区、天元区、株洲县、醴陵市、攸县、茶陵县、炎陵县"
ok_eq "open groups" "$(q "SELECT group_concat(name, '、') FROM (SELECT name FROM unit WHERE open_group = 1 ORDER BY sort)")" \
    "有关职业院校、市直各有关部门"
ok_eq "requirement 2" "$(q 'SELECT label || text FROM requirement WHERE ordinal = 2')" \
    "（二）市委人才工作领导小组办公室负责组织对“人才优先发展30条”贯彻落实情况进行专项督查。"

# Metadata: from the text, and data/meta.tsv defaults.
ok_eq "meta title" "$(q "SELECT value FROM meta WHERE key = 'title'")" \
    "《关于进一步推进人才优先发展的30条措施》主要任务分工方案"
ok_eq "meta preamble normalised" "$(q "SELECT value FROM meta WHERE key = 'preamble'")" \
    "为贯彻落实《关于进一步推进人才优先发展的30条措施》，（简称“人才优先发展30条”）提出的一系列改革任务，根据有关部门和单位职责，现提出如下分工方案。"
ok_eq "meta doc_number" "$(q "SELECT value FROM meta WHERE key = 'doc_number'")" "株人才办发〔2017〕3号"
ok_eq "meta attachment" "$(q "SELECT value FROM meta WHERE key = 'attachment'")" "1"
ok_eq "meta addressees" "$(q "SELECT value FROM meta WHERE key = 'addressees'")" \
    "各县市区委人才工作领导小组，市委人才工作领导小组各成员单位"
ok_eq "schema version" "$(q 'PRAGMA user_version')" 3

# CSV export (RFC 4180, CRLF).
"$GW" export csv --db "$DB" >"$T/csv"
ok_eq "export exits 0" "$?" 0
ok_eq "CSV header" "$(head -1 "$T/csv")" "$(printf '序号,类别,任务,牵头单位,责任单位,完成时限\r')"
ok_eq "CSV row 1" "$(sed -n 2p "$T/csv")" \
    "$(printf '1,加快推进人才高度集聚,顶尖人才引领工程。制定院士潜力人选引进培养办法。围绕重点产业发展的核心技术需求，引进重大创新团队，给予综合支持。,市科技局,市科协、市发改委、市经信委、市财政局,\r')"
ok_eq "CSV row 16" "$(sed -n 17p "$T/csv")" \
    "$(printf '16,加快促进人才创新创业,研究制定新建重点实验室、工程技术研究中心、工程研究中心、企业技术中心，院士工作站、博士工作站等各类人才创新载体补贴办法。,市委组织部,市发改委、市科技局、市经信委、市人社局、市财政局,\r')"
ok_eq "CSV has 31 records" "$(wc -l <"$T/csv" | tr -d ' ')" 31
ok_if "CSV parses as 6 columns everywhere" python3 -c "
import csv, sys
rows = list(csv.reader(open('$T/csv', encoding='utf-8', newline='')))
sys.exit(0 if len(rows) == 31 and all(len(r) == 6 for r in rows) else 1)"
"$GW" export csv --db "$DB" -o "$T/out.csv"
ok_if "export -o writes the same bytes" cmp "$T/csv" "$T/out.csv"

# Listing for people.
"$GW" list tasks --db "$DB" >"$T/list" 2>&1
ok_eq "list tasks exits 0" "$?" 0
ok_match "list tasks shows task 30" "$(cat "$T/list")" "^ 30\. 营造良好社会氛围$"
ok_match "list tasks shows leads" "$(cat "$T/list")" "牵头：市委组织部"
ok_match "list tasks: task 16 by its first words" "$(cat "$T/list")" "^ 16\. 研究制定新建重点实验室"
ok_match "list sections" "$("$GW" list sections --db "$DB")" "（三）加快促进人才创新创业  （5 项任务）"
ok_match "list units: kind and task counts" "$("$GW" list units --db "$DB")" "^  2  党委部门  市委组织部  牵头 19  责任 4$"
ok_match "list units shows group members" "$("$GW" list units --db "$DB")" "各县市区.*成员：荷塘区、芦淞区"
"$GW" list tasks --db "$T/nope.db" >/dev/null 2>"$T/e"
ok_eq "list on a missing database fails" "$?" 2
ok_match "and says so" "$(cat "$T/e")" "nope.db: no such database"
ok_if "and does not create it" test ! -e "$T/nope.db"

# The raw web page text: artefact lines skipped and reported, same record.
REF=${GW_REFERENCE:-$TOP/../shared/reference/000_19ffc302811514d8.txt}
if [ -f "$REF" ]; then
    "$GW" import plan "$REF" --db "$T/raw.db" 2>"$T/rawerr"
    ok_eq "raw reference imports" "$?" 0
    ok_match "repeated web title reported" "$(cat "$T/rawerr")" ":1: skipped: a repeated title"
    ok_match "footer line 45 reported" "$(cat "$T/rawerr")" ":45: skipped: not part of the plan"
    ok_match "footer line 47 reported" "$(cat "$T/rawerr")" ":47: skipped: not part of the plan"
    ok_match "skipped lines not counted" "$(cat "$T/rawerr")" "normalised: 55 ，  0 ；  0 ：  42 （"
    ok_eq "raw reference gives the same tasks" \
        "$(sqlite3 "$T/raw.db" 'SELECT no, section, title, body, units_text FROM task' | md5sum)" \
        "$(q 'SELECT no, section, title, body, units_text FROM task' | md5sum)"
else
    skip "raw reference" "not found at $REF"
fi

# The default database: out/gongwen.db under the current directory, created
# with its directory (what `make run` does before the documents).
mkdir "$T/cwd"
(cd "$T/cwd" && "$GW" import plan "$TOP/data/plan.txt" 2>/dev/null && "$GW" list tasks >"$T/deflist")
ok_eq "import + list with the default --db" "$?" 0
ok_if "out/gongwen.db created" test -s "$T/cwd/out/gongwen.db"
ok_eq "default list has all 30 tasks" "$(grep -c '^ *[0-9]*\. ' "$T/deflist")" 30

# help
ok_match "gongwen help import" "$("$GW" help import)" "usage: gongwen import plan FILE"
ok_match "gongwen list --help" "$("$GW" list --help)" "usage: gongwen list tasks"
done_testing
