#!/bin/sh
# t_import_styles.sh — plan texts in the forms other cities publish (the
# importer issue): labelled lines with the synonyms real plans use, inline
# labelled lists, unit names with separators inside brackets, the county
# group's spellings, a trailing 等, the responsible leader, sub-items,
# tasks numbered （一） or （1）.  The texts are written here in those
# forms; the record is read back with SQL.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

cat >styles.txt <<'EOF2'
关于某市推进人才工作的任务分工方案

一、重点任务
1.加快引进高层次人才。
牵头责任单位：市科技局
协同责任单位：市财政局、各县（市、区）人民政府。
时间节点：2018年底
2.完善人才评价机制。（主责单位：市人社局；协办单位：市教育局、市卫计委）
3.优化人才服务。（牵头单位：市委组织部；配合单位：市财政局、市科技局等单位）
4.建设人才公寓。
牵头部门:市住建局
参与单位:市国土资源局、各县市区政府等
完成时间：2019年6月
5.落实人才待遇。
责任主体：市财政局
协同责任单位：各区县（市）
EOF2
"$GW" import plan styles.txt --db s.db 2>err; rc=$?
ok_eq "a plan in other cities' forms imports: exit 0" "$rc" 0
units() { sqlite3 s.db "SELECT group_concat(u.name || ':' || a.role, ' ') FROM (SELECT * FROM assignment WHERE task = $1 ORDER BY pos) a JOIN unit u ON u.id = a.unit"; }
ok_eq "牵头责任单位 / 协同责任单位 lines" "$(units 1)" "市科技局:lead 市财政局:responsible 各县市区:responsible"
ok_eq "… 时间节点 is the deadline" "$(sqlite3 s.db "SELECT deadline || '|' || due FROM milestone WHERE task = 1")" "2018年底|2018-12-31"
ok_eq "（主责单位：…；协办单位：…） inside the brackets" "$(units 2)" "市人社局:lead 市教育局:responsible 市卫计委:responsible"
ok_eq "（牵头单位：…；配合单位：…等单位）: 等单位 dropped" "$(units 3)" "市委组织部:lead 市财政局:responsible 市科技局:responsible"
ok_match "… with a note that the list is incomplete" "$(cat err)" "styles.txt:9: task 3: \"等单位\" dropped after the last unit"
ok_eq "牵头部门: and 参与单位: with half-width colons; 各县市区政府等" "$(units 4)" "市住建局:lead 市国土资源局:responsible 各县市区:responsible"
ok_eq "… 完成时间 is the deadline" "$(sqlite3 s.db "SELECT due FROM milestone WHERE task = 4")" 2019-06-30
ok_eq "责任主体 leads; 各区县（市） is the county group" "$(units 5)" "市财政局:lead 各县市区:responsible"
ok_if "各县（市、区）人民政府 is one name: no bogus 各县（市 unit" \
    test "$(sqlite3 s.db "SELECT count(*) FROM unit WHERE name LIKE '各县（市%' OR name LIKE '区）%'")" -eq 0
ok_eq "… and the text is kept as written, its deadline line too (附件1 reprints it)" \
    "$(sqlite3 s.db "SELECT units_text FROM task WHERE no = 1")" \
    "牵头责任单位：市科技局；协同责任单位：市财政局、各县（市、区）人民政府；时间节点：2018年底"
ok_if "no unknown-unit warning for the county group's spellings" sh -c "! grep -q 'unknown unit 各' err"

# a 、 inside brackets in an inline list too
cat >br.txt <<'EOF2'
关于某市推进人才工作的任务分工方案

一、重点任务
1.加快引进高层次人才。（市科技局牵头，各县（市、区）人民政府、市财政局配合）
EOF2
"$GW" -q import plan br.txt --db b.db 2>err2; rc=$?
ok_eq "markers with a bracketed group name: exit 0" "$rc" 0
ok_eq "… the group is one unit" "$(sqlite3 b.db "SELECT group_concat(u.name || ':' || a.role, ' ') FROM (SELECT * FROM assignment WHERE task = 1 ORDER BY pos) a JOIN unit u ON u.id = a.unit")" \
    "市科技局:lead 各县市区:responsible 市财政局:responsible"
# only a responsible label: the first unit that is not an open group leads
cat >resp.txt <<'EOF2'
关于某市推进人才工作的任务分工方案

一、重点任务
1.加强职业教育。（责任单位：有关职业院校、市教育局、市人社局）
EOF2
"$GW" import plan resp.txt --db r.db 2>err3; rc=$?
ok_eq "a responsible-only label: exit 0" "$rc" 0
ok_eq "… the first unit that is not an open group leads" "$(sqlite3 r.db "SELECT group_concat(u.name || ':' || a.role, ' ') FROM (SELECT * FROM assignment WHERE task = 1 ORDER BY pos) a JOIN unit u ON u.id = a.unit")" \
    "有关职业院校:responsible 市教育局:lead 市人社局:responsible"
ok_match "… and the summary says it assumed so" "$(cat err3)" "resp.txt:4: task 1 names no lead unit; 市教育局, the first listed that is not an open group, is taken as the lead"
"$GW" -q import plan resp.txt --db r2.db --all-lead
ok_eq "… --all-lead keeps them co-leads" "$(sqlite3 r2.db "SELECT count(*) FROM assignment WHERE task = 1 AND role = 'lead'")" 3
# another city's unit directory, and the names it does not know
printf '# a small directory\n市科技局\tgovernment\t科技局\t株洲市科学技术局\t-\n市财政局\tgovernment\t-\t-\t-\n' >u.tsv
"$GW" import plan styles.txt --db u.db --units u.tsv 2>err4; rc=$?
ok_eq "--units FILE: exit 0" "$rc" 0
ok_eq "… its units come first, in its order" "$(sqlite3 u.db "SELECT group_concat(name, ' ') FROM (SELECT name FROM unit ORDER BY sort LIMIT 2)")" "市科技局 市财政局"
ok_match "… every other name is added with a warning" "$(cat err4)" "unknown unit 市人社局 added"
want=$(sqlite3 u.db "SELECT count(*) FROM unit WHERE added_by_import = 1")
ok_eq "list units --unknown lists exactly the added ones (counted with SQL)" "$("$GW" list units --unknown --db u.db | wc -l)" "$want"
ok_if "… and not the directory's" sh -c "! '$GW' list units --unknown --db u.db | grep -q ' 市科技局 '"
# the responsible leader (责任领导, 牵头负责领导, 牵头市领导, 分管领导): a line
# after the task or a segment of its list, a field of the task in the
# record, printed on the sheets and in 附件2 (a column only when present)
cat >lead.txt <<'EOF2'
关于某市推进应急管理工作的任务分工方案

一、重点任务
1.完善应急预案体系。修订市级总体应急预案。
牵头单位：市科技局
责任单位：市发改委、市财政局
责任领导：张三同志
2.加强队伍建设。组建综合救援队伍。（牵头单位：市人社局；配合单位：市财政局；分管领导：李四）
3.强化物资保障。建立物资储备库。（市发改委牵头，市财政局配合）
4.加强宣传。开展应急宣传。
牵头单位：市委宣传部
牵头市领导:王五。
EOF2
"$GW" import plan lead.txt --db l.db 2>lerr; rc=$?
ok_eq "leaders: exit 0" "$rc" 0
ok_eq "… the record's task.leader" "$(sqlite3 l.db "SELECT group_concat(no || '=' || leader, ' ') FROM task")" \
    "1=张三同志 2=李四 3= 4=王五"
ok_eq "… and no leader became a unit" "$(sqlite3 l.db "SELECT count(*) FROM unit WHERE name LIKE '%张三%' OR name LIKE '%李四%' OR name LIKE '%王五%'")" 0
ok_eq "… units as before" "$(sqlite3 l.db "SELECT group_concat(u.name || ':' || a.role, ' ') FROM (SELECT * FROM assignment WHERE task = 2 ORDER BY pos) a JOIN unit u ON u.id = a.unit")" \
    "市人社局:lead 市财政局:responsible"
"$GW" -q notice --db l.db -o l.pdf
ok_match "附件2 has a 责任领导 column with the names" "$(pdftotext -layout l.pdf - | tr -s ' ')" \
    "责任单位 责任领导"
ok_match "… 张三同志 in task 1's row" "$(pdftotext -layout l.pdf - | grep '完善应急预案体系' | tail -1)" "张三同志"
ok_match "附件1 reprints the line as published" "$(pdftotext l.pdf - | tr -d '\n')" "责任领导：张三同志"
"$GW" -q sheets --db l.db --unit 市科技局 -o ls --no-booklet
ok_match "the lead unit's sheet names the leader" "$(pdftotext ls/*市科技局*.pdf - | tr -d '\n')" \
    "【第1项】完善应急预案体系。修订市级总体应急预案。责任单位：市发改委、市财政局。责任领导：张三同志。"
"$GW" -q notice --db s.db -o s.pdf
ok_if "a plan without leaders: no such column" sh -c "! pdftotext s.pdf - | grep -q 责任领导"
printf '关于某市的任务分工方案\n\n一、重点任务\n1.甲乙丙。\n牵头单位：市科技局\n责任领导：\n' >noone.txt
out=$("$GW" import plan noone.txt --db n.db 2>&1); rc=$?
ok_match "责任领导： naming no one: exit 1, FILE:LINE:COL" "$rc:$out" "^1:.*noone.txt:6:6: 责任领导： names no one"

# inline labelled lists, both forms
printf '关于某县的任务分工方案\n\n一、重点任务\n1.完善体系。修订预案。（市科技局牵头；市财政局、市人社局配合）\n2.加强队伍。组建队伍。（牵头单位：市人社局；配合单位：市财政局、市科技局）\n' >il.txt
"$GW" -q import plan il.txt --db il.db
ok_eq "（A牵头；B、C配合） and （牵头单位：A；配合单位：B、C）" \
    "$(sqlite3 il.db "SELECT group_concat(x, ' | ') FROM (SELECT a.task, group_concat(u.name || ':' || a.role, ' ') AS x FROM (SELECT * FROM assignment ORDER BY task, pos) a JOIN unit u ON u.id = a.unit GROUP BY a.task ORDER BY a.task)")" \
    "市科技局:lead 市财政局:responsible 市人社局:responsible | 市人社局:lead 市财政局:responsible 市科技局:responsible"

# sub-items: a title line without 。, then （1）…, ①…, 一是… paragraphs and
# one unit list; the title is the short title and the sub-items stay
# paragraphs of their own (record, XML, 附件1, sheets)
cat >sub.txt <<'EOF2'
关于某市推进应急管理工作的任务分工方案

一、重点任务
1.完善应急预案体系
（1）修订市级总体应急预案。
（2）编制专项应急预案。（市科技局牵头，市财政局配合）
2.加强队伍建设
①组建综合救援队伍。
②开展联合演练。（市人社局）
3.强化保障
一是建立物资储备库；二是完善调运机制。（市财政局）
EOF2
"$GW" -q import plan sub.txt --db sub.db; rc=$?
ok_eq "sub-items: exit 0" "$rc" 0
ok_eq "… the title lines are the short titles" "$(sqlite3 sub.db "SELECT group_concat(title, '|') FROM task")" \
    "完善应急预案体系|加强队伍建设|强化保障"
ok_eq "… each sub-item a paragraph of the body" "$(sqlite3 sub.db "SELECT replace(body, char(10), '/') FROM task WHERE no = 1")" \
    "/（1）修订市级总体应急预案。/（2）编制专项应急预案。"
ok_eq "… the unit list after the last one" "$(sqlite3 sub.db "SELECT group_concat(u.name || ':' || a.role, ' ') FROM (SELECT * FROM assignment WHERE task = 1 ORDER BY pos) a JOIN unit u ON u.id = a.unit")" \
    "市科技局:lead 市财政局:responsible"
ok_eq "… <item>s in the XML" "$("$GW" xml notice --db sub.db | grep -o '<item>[^<]*</item>' | tr '\n' ' ')" \
    "<item>（1）修订市级总体应急预案。</item> <item>（2）编制专项应急预案。</item> <item>①组建综合救援队伍。</item> <item>②开展联合演练。</item> <item>一是建立物资储备库；二是完善调运机制。</item> "
ok_if "… valid against data/plan.rng" sh -c "'$GW' xml notice --db sub.db | xmllint --noout --relaxng '$TOP/data/plan.rng' -"
"$GW" -q notice --db sub.db -o sub.pdf
ok_eq "附件1 reprints them as published, a line each" \
    "$(pdftotext sub.pdf - | sed -n '/^1\.完善/,/^3\./p' | tr '\n' '|')" \
    "1.完善应急预案体系|（1）修订市级总体应急预案。|（2）编制专项应急预案。（市科技局牵头，市财政局配合）|2.加强队伍建设|①组建综合救援队伍。|②开展联合演练。（市人社局）|3.强化保障|"
"$GW" -q sheets --db sub.db --unit 市科技局 -o subs --no-booklet
ok_match "the sheet: the title, then the sub-items as paragraphs" "$(pdftotext subs/*.pdf - | tr '\n' '|')" \
    "【第1项】完善应急预案体系。\|（1）修订市级总体应急预案。\|（2）编制专项应急预案。\|"

# numbering: （一）（二） as the tasks under 一、 when no 1. tasks follow them;
# （1）（2） at the top level of a plan with no 1. tasks
printf '关于某县的任务分工方案\n\n一、重点任务\n（一）完善应急预案体系。修订预案。（市科技局牵头，市财政局配合）\n（二）加强队伍建设。组建队伍。（市人社局）\n二、工作要求\n（一）加强领导。各单位要高度重视。\n' >cn.txt
"$GW" -q import plan cn.txt --db cn.db; rc=$?
ok_eq "（一）（二） as tasks: exit 0, two tasks, one requirement" \
    "$rc|$(sqlite3 cn.db "SELECT group_concat(no || '=' || title, ' ') FROM task")|$(sqlite3 cn.db 'SELECT count(*) FROM requirement')" \
    "0|1=完善应急预案体系 2=加强队伍建设|1"
ok_eq "… in the section 一、重点任务" "$(sqlite3 cn.db "SELECT DISTINCT s.label || s.title FROM task t JOIN section s ON s.id = t.section")" "一、重点任务"
printf '关于某县的任务分工方案\n\n一、重点任务\n（1）完善应急预案体系。修订预案。（市科技局牵头，市财政局配合）\n（2）加强队伍建设。组建队伍。（市人社局）\n' >pn.txt
"$GW" -q import plan pn.txt --db pn.db; rc=$?
ok_eq "（1）（2） at the top level: two tasks" "$rc|$(sqlite3 pn.db "SELECT group_concat(no || '=' || title, ' ') FROM task")" \
    "0|1=完善应急预案体系 2=加强队伍建设"
printf '关于某县的任务分工方案\n\n一、重点任务\n（1）完善体系。（市科技局）\n（3）加强队伍。（市人社局）\n' >pgap.txt
out=$("$GW" import plan pgap.txt --db pg.db 2>&1); rc=$?
ok_match "… a gap in （N） numbers is named like one in N." "$rc:$out" "^1:.*pgap.txt:5:1: task number 3 skips 2"

printf '各组\tgroup\t-\t-\t不存在的单位\n' >bad.tsv
out=$("$GW" import plan styles.txt --db v.db --units bad.tsv 2>&1); rc=$?
ok_eq "a directory whose group names an unknown member: exit 1" "$rc" 1
ok_match "… naming the file and line" "$out" "bad.tsv:1: member 不存在的单位 of 各组 is not a unit of the directory"
# deadlines as plans write them, unlabelled deadlines among the units, a
# （牵头） mark after a name, and a space after the labels
cat >dl.txt <<'EOF2'
关于某市推进人才工作的任务分工方案

一、 重点任务
（一） 引进人才
1. 引进创新人才。做好引进工作。（市经信委牵头，市发改委、市财政局配合；2018年底）
2.完善评价机制。做好评价工作。（市人社局、市教育局，2018年6月底前完成）
3.优化人才服务。做好服务工作。（市财政局、市科技局（牵头））
4.建设人才公寓。做好公寓工作。
牵头单位：市财政局
完成时限：2018年年底前
5.落实人才待遇。做好待遇工作。（市财政局；长期坚持）
EOF2
"$GW" import plan dl.txt --db d.db 2>dl.err; rc=$?
ok_eq "deadlines and marks in the forms plans use: exit 0, no warning" "$rc|$(grep -c 'warning' dl.err)" "0|0"
ok_eq "… 2018年底 among the units is the deadline, not a unit" \
    "$(sqlite3 d.db "SELECT deadline || '|' || due FROM milestone WHERE task = 1")|$(sqlite3 d.db "SELECT count(*) FROM unit WHERE name LIKE '%2018%'")" "2018年底|2018-12-31|0"
ok_eq "… 2018年6月底前完成 after the units too" "$(sqlite3 d.db "SELECT due FROM milestone WHERE task = 2")" 2018-06-30
ok_eq "… 市科技局（牵头） leads" "$(sqlite3 d.db "SELECT group_concat(u.name || ':' || a.role, ' ') FROM (SELECT * FROM assignment WHERE task = 3 ORDER BY pos) a JOIN unit u ON u.id = a.unit")" \
    "市财政局:responsible 市科技局:lead"
ok_eq "… 2018年年底前 is 2018-12-31" "$(sqlite3 d.db "SELECT due FROM milestone WHERE task = 4")" 2018-12-31
ok_eq "… 长期坚持 is kept without a date and without a warning" \
    "$(sqlite3 d.db "SELECT deadline || '|' || due FROM milestone WHERE task = 5")" "长期坚持|"
ok_eq "… no space kept after 1. 一、 （一）" \
    "$(sqlite3 d.db "SELECT title FROM task WHERE no = 1")|$(sqlite3 d.db "SELECT group_concat(title, '|') FROM section")" "引进创新人才|重点任务|引进人才"
# a unit named twice, once by another of its names: counted once, warned
cat >alias.txt <<'EOF2'
关于某市推进人才工作的任务分工方案

一、重点任务
1.做好甲项工作。（牵头单位：市财政局；责任单位：株洲市财政局、市科技局）
EOF2
out=$("$GW" import plan alias.txt --db al.db 2>&1); rc=$?
ok_eq "市财政局 and 株洲市财政局 in one list: one unit, the lead" "$rc|$(sqlite3 al.db "SELECT group_concat(u.name || ':' || a.role, ' ') FROM (SELECT * FROM assignment WHERE task = 1 ORDER BY pos) a JOIN unit u ON u.id = a.unit")" \
    "0|市财政局:lead 市科技局:responsible"
ok_match "… with a warning naming both" "$out" "alias.txt:4:[0-9]*: 市财政局 is listed twice for task 1 \(株洲市财政局 names the same unit\)"
# 牵头领导： names the leader, not a unit; the county and 市直 groups by the
# names other plans give them
cat >lead.txt <<'EOF2'
关于某市推进人才工作的任务分工方案

一、重点任务
1.做好甲项工作。（牵头单位：市财政局；责任单位：各区县（市）人民政府、市直有关单位；牵头领导：张三）
2.做好乙项工作。
牵头单位：市科技局
牵头领导：李四
EOF2
out=$("$GW" import plan lead.txt --db ld.db 2>&1); rc=$?
ok_eq "牵头领导： in the list and on a line: the leader, no unit" \
    "$rc|$(sqlite3 ld.db "SELECT group_concat(leader, ' ') FROM task")|$(printf '%s' "$out" | grep -c 'warning')" "0|张三 李四|0"
ok_eq "… 各区县（市）人民政府 and 市直有关单位: the county and 市直 groups" \
    "$(sqlite3 ld.db "SELECT group_concat(u.name, ' ') FROM (SELECT * FROM assignment WHERE task = 1 AND role = 'responsible' ORDER BY pos) a JOIN unit u ON u.id = a.unit")" \
    "各县市区 市直各有关部门"
# task numbers in full-width digits (１．), as some word processors type them
cat >fw.txt <<'EOF2'
株洲市２０１８年重点民生实事任务分工方案
一、重点任务
１．新建改扩建中小学校１０所。（牵头单位：市教育局；责任单位：市财政局；完成时限：２０１８年８月底）
２．新增城镇就业３万人。（牵头单位：市人社局）
EOF2
"$GW" -q import plan fw.txt --db fw.db; rc=$?
ok_eq "１． and ２．: tasks 1 and 2; ２０１８年８月底 is 2018-08-31" \
    "$rc|$(sqlite3 fw.db "SELECT group_concat(no || ':' || body, ' ') FROM task")|$(sqlite3 fw.db "SELECT due FROM milestone WHERE task = 1")" \
    "0|1:新建改扩建中小学校１０所。 2:新增城镇就业３万人。|2018-08-31"
done_testing
