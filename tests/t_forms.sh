#!/bin/sh
# t_forms.sh — the forms units send back (docs/supervision.md): milestone
# and progress forms as CSV in UTF-8 (with and without BOM), in GB18030, and
# as .xlsx made by LibreOffice; every validation message at FILE:ROW; all or
# nothing; a re-submission and its audit trail; forms outliving a revised
# plan.  Counts are checked with SQL written here.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2
S="$TOP/data/sample"

"$GW" -q import plan "$TOP/data/plan.txt" --db f.db
q() { sqlite3 f.db "$1"; }
lead() { q "SELECT u.name FROM assignment a JOIN unit u ON u.id = a.unit WHERE a.task = $1 AND a.role = 'lead' ORDER BY a.pos LIMIT 1"; }
sum0=$(md5sum <f.db)

# ------------------------------------------------------------ milestones
"$GW" -q import milestones "$S/milestones.csv" --db f.db
ok_eq "milestones: every row of the sample form stored" \
    "$(q "SELECT count(*) FROM milestone WHERE origin = 'form'")" "$(($(wc -l <"$S/milestones.csv") - 1))"
ok_eq "… 2017年第三季度 due on the quarter's last day" \
    "$(q "SELECT due FROM milestone WHERE task = 1 AND deadline = '2017年第三季度'")" 2017-09-30
ok_eq "… 长期坚持 without a due date" "$(q "SELECT due FROM milestone WHERE task = 5")" ""
ok_eq "… 2017年10月 at the end of the month" \
    "$(q "SELECT due FROM milestone WHERE task = 4 AND deadline = '2017年10月'")" 2017-10-31
"$GW" export milestones --db f.db -o back.csv
ok_eq "export milestones writes the same CSV back" "$(tr -d '\r' <back.csv)" "$(tr -d '\r' <"$S/milestones.csv")"
"$GW" -q import milestones back.csv --db f.db
ok_eq "… and importing it again changes nothing" \
    "$(q "SELECT count(*) FROM milestone WHERE origin = 'form'")" "$(($(wc -l <"$S/milestones.csv") - 1))"
printf '序号,节点,完成时限,成果形式\r\n3,新节点,2019年底,报告\r\n' >one.csv
"$GW" -q import milestones one.csv --db f.db
ok_eq "re-importing a task replaces only that task's milestones" \
    "$(q "SELECT group_concat(deadline) FROM milestone WHERE task = 3 AND origin = 'form'")|$(q "SELECT count(*) FROM milestone WHERE task = 2 AND origin = 'form'")" "2019年底|2"
"$GW" -q xml sheet --unit "$(lead 3)" --db f.db >s.xml
ok_match "the sheets show the form's milestones" "$(cat s.xml)" 'deadline="2019年底"'
nform=$(q "SELECT count(*) FROM milestone WHERE origin = 'form'")
"$GW" -q import plan "$TOP/data/plan.txt" --db f.db
ok_eq "a re-imported plan keeps the forms' milestones" \
    "$(q "SELECT count(*) FROM milestone WHERE origin = 'form'")" "$nform"

printf '序号,节点,完成时限,成果形式\r\n1,a,2018年底,x\r\n99,b,2018年底,x\r\n2,c,明年,x\r\n,d,2018年,x\r\n3,e,2018-02-30,x\r\n' >badm.csv
before=$(md5sum <f.db)
out=$("$GW" import milestones badm.csv --db f.db 2>&1); rc=$?
ok_eq "bad milestone form: exit 1" "$rc" 1
ok_match "… 序号 99 at FILE:3" "$out" "badm.csv:3: 序号 \(A3\) 99 is not a task of the plan"
ok_match "… 明年 at FILE:4 naming the cell" "$out" "badm.csv:4: 完成时限 \(C4\) 明年 is not a deadline gongwen understands"
ok_match "… an empty 序号 at FILE:5" "$out" "badm.csv:5: 序号 \(A5\) is empty:"
ok_match "… 2018-02-30 at FILE:6" "$out" "badm.csv:6: 完成时限 \(C6\) 2018-02-30"
ok_match "… and says nothing was imported" "$out" "badm.csv: 4 bad rows; nothing was imported"
ok_eq "… the database is unchanged" "$(md5sum <f.db)" "$before"

# ------------------------------------------------------------- progress
"$GW" -q import progress "$S/progress-2017Q4.csv" --quarter 2017Q4 --db f.db
ok_eq "progress: every row of the sample form stored" \
    "$(q "SELECT count(*) FROM progress WHERE quarter = '2017Q4'")" "$(($(wc -l <"$S/progress-2017Q4.csv") - 1))"
ok_eq "… with the form's name, its SHA-256 and the row" \
    "$(q "SELECT file_sha256 || ':' || row FROM progress WHERE quarter = '2017Q4' AND task_no = 1")" \
    "$(sha256sum "$S/progress-2017Q4.csv" | cut -d' ' -f1):2"
# a re-submission: the unit's earlier rows of the quarter move to the audit
n_old=$(q "SELECT count(*) FROM progress p JOIN unit u ON u.id = p.unit WHERE u.name = '市人社局' AND quarter = '2017Q4'")
"$GW" -q import progress "$S/progress-2017Q4-市人社局-更正.csv" --db f.db
ok_eq "re-submission: the unit's earlier rows are in progress_audit" \
    "$(q "SELECT count(*) FROM progress_audit a JOIN unit u ON u.id = a.unit WHERE u.name = '市人社局'")" "$n_old"
ok_eq "… the new ones replace them" \
    "$(q "SELECT count(*) FROM progress p JOIN unit u ON u.id = p.unit WHERE u.name = '市人社局' AND quarter = '2017Q4'")" \
    "$(($(wc -l <"$S/progress-2017Q4-市人社局-更正.csv") - 1))"
ok_eq "… other units' rows untouched" \
    "$(q "SELECT count(*) FROM progress WHERE quarter = '2017Q4'")" \
    "$(($(wc -l <"$S/progress-2017Q4.csv") - 1 - n_old + $(wc -l <"$S/progress-2017Q4-市人社局-更正.csv") - 1))"
# the same form imported twice: nothing changes, nothing goes to the history
cp f.db fs.db
n_aud=$(sqlite3 fs.db "SELECT count(*) FROM progress_audit")
out=$("$GW" import progress "$S/progress-2017Q4-市人社局-更正.csv" --db fs.db 2>&1); rc=$?
ok_match "the same form again: exit 0, already imported" "$rc|$out" "^0|.*already imported into fs.db .*nothing changed"
ok_eq "… the history unchanged" "$(sqlite3 fs.db "SELECT count(*) FROM progress_audit")" "$n_aud"

# a correction that leaves out some of the unit's tasks withdraws them, and
# says which (the unit and quarter with the most reports; one row resent)
cp f.db fw.db
set -- $(q "SELECT u.name, p.quarter, count(*) FROM progress p JOIN unit u ON u.id = p.unit GROUP BY p.unit, p.quarter ORDER BY count(*) DESC, u.name LIMIT 1" | tr '|' ' ')
WU=$1 WQ=$2
first=$(sqlite3 fw.db "SELECT min(task_no) FROM progress p JOIN unit u ON u.id = p.unit WHERE u.name = '$WU' AND quarter = '$WQ'")
others=$(sqlite3 fw.db "SELECT group_concat(task_no, ', ') FROM (SELECT task_no FROM progress p JOIN unit u ON u.id = p.unit WHERE u.name = '$WU' AND quarter = '$WQ' AND task_no <> $first ORDER BY p.id)")
printf '序号,报送单位,季度,完成进度(%%),状态,进展情况,存在问题,下一步打算,报送日期\n%s,%s,%s,50,推进中,,,,\n' "$first" "$WU" "$WQ" >one.csv
out=$("$GW" import progress one.csv --db fw.db 2>&1); rc=$?
ok_match "a one-row correction of $WU ($WQ) names the tasks it withdraws" "$rc|$out" \
    "^0|.*one.csv: the unit's earlier reports of tasks $others for the quarter are not in this form and are withdrawn"
hist=$("$GW" history --task 5 --db f.db)
ok_match "history --task 5: the current row from the correction" "$hist" "2017Q4	市人社局	推进中	29	2017-12-28	.*更正.csv:2	current"
ok_match "… and the replaced row, where it came from and what replaced it" "$hist" "2017Q4	市人社局	推进中	24	2017-12-22	.*progress-2017Q4.csv:5	.* by .*更正.csv:2"

# every kind of bad row, all reported, nothing imported
U1=$(lead 1); U2=$(lead 2)
NOT1=$(q "SELECT name FROM unit WHERE is_group = 0 AND id NOT IN (SELECT unit FROM assignment WHERE task = 1) AND id NOT IN (SELECT member FROM group_member WHERE grp IN (SELECT unit FROM assignment WHERE task = 1)) ORDER BY sort LIMIT 1")
cat >badp.csv <<EOF
序号,报送单位,季度,完成进度(%),状态,进展情况,存在问题,下一步打算,报送日期,备注
1,$U1,2018Q1,50,推进中,,,,2018-03-20,x
99,$U1,2018Q1,50,推进中,,,,2018-03-20,
1,不存在的单位,2018Q1,50,推进中,,,,2018-03-20,
1,$NOT1,2018Q1,50,推进中,,,,2018-03-20,
2,$U2,2018Q1,150,推进中,,,,2018-03-20,
2,$U2,2018Q1,5.5,推进中,,,,,
3,$(lead 3),2018Q1,50,暂停,,,,,
4,$(lead 4),2018Q1,60,已完成,,,,,
5,$(lead 5),2018Q1,100,未启动,,,,,
6,$(lead 6),2018Q1,10,推进中,,,,2018-02-30,
7,$(lead 7),2018Q2,10,推进中,,,,,
1,$U1,2018Q1,60,推进中,,,,,
EOF
before=$(md5sum <f.db)
out=$("$GW" import progress badp.csv --quarter 2018Q1 --db f.db 2>&1); rc=$?
ok_eq "bad progress form: exit 1" "$rc" 1
ok_match "an extra column is a warning" "$out" "badp.csv:1: column J \(备注\) is not one gongwen reads; ignored"
ok_match "unknown task (row 3)" "$out" "badp.csv:3: 序号 \(A3\) 99 is not a task of the plan"
ok_match "unknown unit (row 4)" "$out" "badp.csv:4: 报送单位 \(B4\) 不存在的单位 is not a unit of the directory"
ok_match "a unit not assigned to the task (row 5)" "$out" "badp.csv:5: $NOT1 is not assigned to task 1"
ok_match "percent over 100 (row 6)" "$out" "badp.csv:6: 完成进度\(%\) \(D6\) 150 is not a whole number from 0 to 100"
ok_match "percent not whole (row 7)" "$out" "badp.csv:7: 完成进度\(%\) \(D7\) 5.5 is not a whole number"
ok_match "an unknown status (row 8)" "$out" "badp.csv:8: 状态 \(E8\) 暂停 is not 未启动, 推进中 or 已完成"
ok_match "已完成 below 100 (row 9)" "$out" "badp.csv:9: 状态 已完成 with 完成进度 60"
ok_match "100 with 未启动 (row 10)" "$out" "badp.csv:10: 状态 未启动 with 完成进度 100"
ok_match "a date that is not a date (row 11)" "$out" "badp.csv:11: 报送日期 \(I11\) 2018-02-30 is not a date"
ok_match "another quarter than --quarter (row 12)" "$out" "badp.csv:12: 季度 2018Q2 is not the quarter being imported \(--quarter 2018Q1\)"
ok_match "the same task and unit twice (row 13)" "$out" "badp.csv:13: task 1 by $U1 is already reported in row 2"
ok_match "… eleven bad rows, nothing imported" "$out" "badp.csv: 11 bad rows; nothing was imported"
ok_eq "… the database is unchanged" "$(md5sum <f.db)" "$before"
ok_eq "… no 2018Q1 rows" "$(q "SELECT count(*) FROM progress WHERE quarter = '2018Q1'")" 0

# a form reports one quarter: another 季度 in a row, or a 季度 after its
# 报送日期, is a typing slip that would replace or invent a quarter's reports
cp f.db fq.db
before=$(md5sum <fq.db)
cat >mixq.csv <<EOF
序号,报送单位,季度,完成进度(%),状态,进展情况,存在问题,下一步打算,报送日期
1,$U1,2018Q1,50,推进中,,,,2018-03-20
2,$U2,2017Q3,50,推进中,,,,2018-03-20
3,$(lead 3),2028Q1,50,推进中,,,,2018-03-20
EOF
out=$("$GW" import progress mixq.csv --db fq.db 2>&1); rc=$?
ok_match "a 季度 unlike the first row's is refused, naming the row" "$rc|$out" \
    "^1|.*mixq.csv:3: 季度 2017Q3 differs from the form's first row \(2018Q1\)"
ok_match "… and one after its 报送日期" "$out" "mixq.csv:4: 季度 2028Q1 is after its 报送日期 2018-03-20"
ok_eq "… the database is unchanged" "$(md5sum <fq.db)" "$before"

# a character the report cannot print (outside the BMP) is refused at the
# form, naming the cell, not when the report is made
cat >emoji.csv <<EOF
序号,报送单位,季度,完成进度(%),状态,进展情况,存在问题,下一步打算,报送日期
1,$U1,2018Q1,50,推进中,进展😀,,,
2,$U2,2018Q1,50,推进中,,,由𠮷负责,
EOF
out=$("$GW" import progress emoji.csv --db fq.db 2>&1); rc=$?
ok_match "an emoji in 进展情况: refused, naming the cell" "$rc|$out" \
    "^1|.*emoji.csv:2: 进展情况 \(F2\) holds U\+1F600"
ok_match "… and 𠮷 in 下一步打算" "$out" "emoji.csv:3: 下一步打算 \(H3\) holds U\+20BB7"
ok_eq "… the database is unchanged" "$(md5sum <fq.db)" "$before"

# text past the header's last column (a comma typed into a CSV cell) is
# not read, and the import says so
cp f.db fx.db
cat >extra.csv <<EOF
序号,报送单位,季度,完成进度(%),状态,进展情况,存在问题,下一步打算,报送日期
1,$U1,2018Q1,50,推进中,完成调研,正在起草,下一步,2018-03-20,还有一句
EOF
out=$("$GW" import progress extra.csv --db fx.db 2>&1); rc=$?
ok_match "a cell past the header: imported, with a warning naming the cell" "$rc|$out" \
    "^0|.*extra.csv:2: cell J2 \(还有一句\) is past the header's last column and is not read"

# dates as a spreadsheet set to Chinese saves them in CSV: 2018/3/20,
# 2018-3-5, 2018.3.5; stored as ISO
cp f.db fd.db
cat >dates.csv <<EOF
序号,报送单位,季度,完成进度(%),状态,进展情况,存在问题,下一步打算,报送日期
1,$U1,2018Q1,50,推进中,,,,2018/3/20
2,$U2,2018Q1,50,推进中,,,,2018-3-5
3,$(lead 3),2018Q1,50,推进中,,,,2018.3.5
EOF
"$GW" -q import progress dates.csv --quarter 2018Q1 --db fd.db; rc=$?
ok_eq "报送日期 2018/3/20, 2018-3-5, 2018.3.5 are dates, stored as ISO" \
    "$rc|$(sqlite3 fd.db "SELECT group_concat(reported_at, ' ') FROM (SELECT reported_at FROM progress WHERE quarter = '2018Q1' ORDER BY task_no)")" \
    "0|2018-03-20 2018-03-05 2018-03-05"

# a county reports for a task assigned to 各县市区; a short name and another
# name of a unit are found
t=$(q "SELECT a.task FROM assignment a JOIN unit u ON u.id = a.unit WHERE u.name = '各县市区' LIMIT 1")
county=$(q "SELECT m.name FROM group_member g JOIN unit m ON m.id = g.member JOIN unit u ON u.id = g.grp WHERE u.name = '各县市区' LIMIT 1")
printf '序号,报送单位,完成进度(%%),状态\n%s,%s,40,推进中\n' "$t" "$county" >county.csv
ok_if "a county reports for a task of 各县市区" "$GW" -q import progress county.csv --quarter 2018Q1 --db f.db
alias=$(q "SELECT a.alias FROM unit_alias a JOIN unit u ON u.id = a.unit WHERE u.name = '$U1' LIMIT 1")
if [ -n "$alias" ]; then
    printf '序号,报送单位,完成进度(%%),状态\n1,%s,45,推进中\n' "$alias" >alias.csv
    "$GW" -q import progress alias.csv --quarter 2018Q1 --db f.db
    ok_eq "another name ($alias) finds $U1" "$(q "SELECT u.name FROM progress p JOIN unit u ON u.id = p.unit WHERE p.task_no = 1 AND p.quarter = '2018Q1'")" "$U1"
else
    ok_eq "the unit directory has another name for $U1" "no alias" "an alias"
fi

# encodings: UTF-8 with a BOM, GB18030 (detected and forced), CRLF, quoted
# commas and line breaks
head -n 4 "$S/progress-2018Q2.csv" >u8.csv
printf '\357\273\277' | cat - u8.csv >bom.csv
iconv -f UTF-8 -t GB18030 u8.csv >gb.csv
ok_if "the GB18030 copy is not UTF-8" sh -c "! iconv -f UTF-8 -t UTF-8 gb.csv >/dev/null 2>&1"
for f in u8 bom gb; do
    cp f.db e_$f.db
    "$GW" -q import progress $f.csv --db e_$f.db
    ok_eq "$f.csv: three rows of 2018Q2" "$(sqlite3 e_$f.db "SELECT count(*) FROM progress WHERE quarter = '2018Q2'")" 3
done
ok_eq "GB18030 text arrives as UTF-8" "$(sqlite3 e_gb.db "SELECT progress FROM progress WHERE quarter = '2018Q2' LIMIT 1")" \
    "$(sqlite3 e_u8.db "SELECT progress FROM progress WHERE quarter = '2018Q2' LIMIT 1")"
cp f.db e_forced.db
ok_if "--encoding gb18030 forces it" "$GW" -q import progress gb.csv --encoding gb18030 --db e_forced.db
out=$("$GW" import progress gb.csv --encoding utf-8 --db f.db 2>&1); rc=$?
ok_eq "GB18030 read as UTF-8 when forced: exit 1" "$rc" 1
printf '序号,报送单位,完成进度(%%),状态,进展情况\r\n1,%s,50,推进中,"一，二,三\r\n第二行"\r\n' "$U1" >crlf.csv
cp f.db e_crlf.db
"$GW" -q import progress crlf.csv --quarter 2018Q3 --db e_crlf.db
ok_eq "CRLF and a quoted line break" "$(sqlite3 e_crlf.db "SELECT progress FROM progress WHERE quarter = '2018Q3'")" "$(printf '一，二,三\n第二行')"

# an .xlsx made by LibreOffice from the sample form
if command -v soffice >/dev/null 2>&1; then
    cp "$S/progress-2018Q1.csv" lo.csv
    HOME="$T" timeout 300 soffice --headless --infilter="CSV:44,34,76,1" --convert-to xlsx \
        --outdir "$T" lo.csv >soffice.log 2>&1
    ok_if "LibreOffice made lo.xlsx" test -s lo.xlsx
    cp f.db e_x.db
    sqlite3 e_x.db "DELETE FROM progress WHERE quarter = '2018Q1'"
    "$GW" -q import progress lo.xlsx --quarter 2018Q1 --db e_x.db; rc=$?
    ok_eq "the .xlsx imports: exit 0" "$rc" 0
    ok_eq "… every row" "$(sqlite3 e_x.db "SELECT count(*) FROM progress WHERE quarter = '2018Q1'")" "$(($(wc -l <lo.csv) - 1))"
    ok_eq "… its date cells as dates" "$(sqlite3 e_x.db "SELECT DISTINCT reported_at FROM progress WHERE quarter = '2018Q1'")" 2018-03-26
else
    skip "LibreOffice .xlsx" "soffice not installed (make test-deps installs libreoffice-calc-nogui)"
fi

# status after the forms, against SQL: the leads that reported in 2017Q4
"$GW" status --quarter 2017Q4 --format csv --db f.db | tr -d '\r' >st.csv
want=$(q "SELECT count(*) FROM task t WHERE NOT EXISTS (SELECT 1 FROM progress p JOIN assignment a ON a.task = t.no AND a.role = 'lead' AND a.pos = (SELECT min(pos) FROM assignment b WHERE b.task = t.no AND b.role = 'lead') WHERE p.task_no = t.no AND p.quarter = '2017Q4' AND (p.unit = a.unit OR p.unit IN (SELECT member FROM group_member WHERE grp = a.unit)))")
ok_eq "status: 未报送 counted with SQL" "$(grep -c ',未报送,' st.csv)" "$want"
ok_if "the first database snapshot differs from now (the forms changed it)" test "$sum0" != "$(md5sum <f.db)"
done_testing
