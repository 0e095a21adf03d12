#!/bin/sh
# t_import_styles.sh — plan texts in the forms other cities publish (the
# importer issue): labelled lines with the synonyms real plans use, inline
# labelled lists, unit names with separators inside brackets, the county
# group's spellings, a trailing 等.  The texts are written here in those
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
ok_eq "… and the text is kept as written" "$(sqlite3 s.db "SELECT units_text FROM task WHERE no = 1")" \
    "牵头责任单位：市科技局；协同责任单位：市财政局、各县（市、区）人民政府。"
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
printf '各组\tgroup\t-\t-\t不存在的单位\n' >bad.tsv
out=$("$GW" import plan styles.txt --db v.db --units bad.tsv 2>&1); rc=$?
ok_eq "a directory whose group names an unknown member: exit 1" "$rc" 1
ok_match "… naming the file and line" "$out" "bad.tsv:1: member 不存在的单位 of 各组 is not a unit of the directory"
done_testing
