#!/bin/sh
# t_import_conv.sh — the unit-list conventions real plans use (issue 2, a–d),
# each on its own fixture in tests/fixtures/import/.
. "$(dirname "$0")/lib.sh"

F="$TOP/tests/fixtures/import"
# roles DB: one line per task, "no:unit/role unit/role ..." in published order
roles() {
    sqlite3 "$1" "SELECT a.task || ':' || group_concat(u.name || '/' || substr(a.role, 1, 1), ' ')
                  FROM (SELECT * FROM assignment ORDER BY task, pos) a JOIN unit u ON u.id = a.unit
                  GROUP BY a.task ORDER BY a.task" | tr '\n' '|'
}

# a. A note in the first list (列第一位的为牵头单位…，下同); plain lists after it.
"$GW" import plan "$F/conv_a.txt" --db "$T/a.db" 2>"$T/a.err"
ok_eq "a: imports" "$?" 0
ok_eq "a: first listed leads, the note applies to later plain lists" "$(roles "$T/a.db")" \
    "1:市科技局/l 市科协/r 市财政局/r|2:市人社局/l 市委组织部/r|3:市教育局/l 市卫计委/r 各县市区/r|"
ok_eq "a: the note is kept in units_text" "$(sqlite3 "$T/a.db" 'SELECT units_text FROM task WHERE no = 1')" \
    "市科技局、市科协、市财政局，列第一位的为牵头单位，其余为责任单位，下同"
"$GW" import plan "$F/conv_a.txt" --db "$T/a2.db" --all-lead 2>/dev/null
ok_eq "a: the note wins over --all-lead" "$(roles "$T/a2.db")" "$(roles "$T/a.db")"
# the reference wording 排第一的为牵头单位 is exercised by t_import.sh

# b. Explicit 牵头 / 配合 / 负责 markers, several leads, 及 as a separator.
"$GW" import plan "$F/conv_b.txt" --db "$T/b.db" 2>"$T/b.err"
ok_eq "b: imports" "$?" 0
ok_eq "b: leads by marker, 及 separates, trailing phrases dropped" "$(roles "$T/b.db")" \
    "1:市科技局/l 市科协/r 市财政局/r|2:市人社局/l 市委组织部/l 市编办/r|3:市教育局/l 市直各有关部门/r 各县市区/r|4:市发改委/l 市经信委/l 有关职业院校/r|5:市民政局/l 市财政局/r 市人社局/r|"
ok_eq "b: no unknown units (markers are not names)" \
    "$(sqlite3 "$T/b.db" 'SELECT count(*) FROM unit WHERE added_by_import = 1')" 0

ok_eq "b: （牵头单位：…；责任单位：…；完成时限：…） inside brackets" \
    "$(sqlite3 "$T/b.db" "SELECT task || '/' || due || '/' || deadline FROM milestone")" "5/2019-12-31/2019年底"

# c. A plain list with no marker and no note: the first listed leads;
#    --all-lead makes them co-leads.
"$GW" import plan "$F/conv_c.txt" --db "$T/c.db" 2>/dev/null
ok_eq "c: first listed leads" "$(roles "$T/c.db")" \
    "1:市科技局/l 市科协/r 市财政局/r|2:市人社局/l 市委组织部/r|"
"$GW" import plan "$F/conv_c.txt" --db "$T/c2.db" --all-lead 2>/dev/null
ok_eq "c: --all-lead makes co-leads" "$(roles "$T/c2.db")" \
    "1:市科技局/l 市科协/l 市财政局/l|2:市人社局/l 市委组织部/l|"

# d. 牵头单位：/责任单位：/完成时限：/成果形式： lines after the task.
"$GW" import plan "$F/conv_d.txt" --db "$T/d.db" 2>"$T/d.err"
ok_eq "d: imports" "$?" 0
ok_eq "d: roles from the lines, alias resolved (株洲市科学技术局 = 市科技局)" "$(roles "$T/d.db")" \
    "1:市科技局/l 市科协/r 市财政局/r|2:市人社局/l 市委组织部/r 市科技局/r 市新设局/r|"
ok_eq "d: deadlines become milestones" \
    "$(sqlite3 "$T/d.db" "SELECT group_concat(task || '/' || due || '/' || deadline || '/' || form, '|') FROM milestone")" \
    "1/2020-12-31/2020年12月底/|2/2018-06-30/2018年6月/制度文件"
ok_eq "d: the lines are not part of the body" "$(sqlite3 "$T/d.db" 'SELECT body FROM task WHERE no = 1')" \
    "做好甲项工作。"
ok_match "d: unknown unit reported as a warning with its position" "$(cat "$T/d.err")" \
    "warning: .*conv_d.txt:10:21: unknown unit 市新设局 added"
ok_eq "d: unknown unit added as kind other" \
    "$(sqlite3 "$T/d.db" "SELECT kind || '/' || added_by_import FROM unit WHERE name = '市新设局'")" "other/1"
ok_eq "d: CSV 完成时限 column" "$("$GW" export csv --db "$T/d.db" | sed -n 2p)" \
    "$(printf '1,第一类任务,甲工程。做好甲项工作。,市科技局,市科协、市财政局,2020年12月底\r')"
# Tasks directly under 一、, a task over several lines, 附件N, a repeated
# title, two preamble paragraphs, a 保障措施 section with numbered items.
"$GW" import plan "$F/flat.txt" --db "$T/f.db" 2>"$T/f.err"
ok_eq "flat: imports" "$?" 0
ok_eq "flat: tasks sit in 一、" "$(sqlite3 "$T/f.db" "SELECT group_concat(t.no || s.label, ',') FROM task t JOIN section s ON s.id = t.section")" \
    "1一、,2一、"
ok_eq "flat: continuation lines join the task, units on their own line" \
    "$(sqlite3 "$T/f.db" "SELECT title || '|' || body || '|' || units_text FROM task WHERE no = 2")" \
    "乙工程|做好乙，并且做好丙。|市人社局、市委组织部"
ok_eq "flat: a one-sentence task has no short title" \
    "$(sqlite3 "$T/f.db" "SELECT title || '|' || body FROM task WHERE no = 1")" "|甲。"
ok_eq "flat: 保障措施 items are requirements" \
    "$(sqlite3 "$T/f.db" "SELECT group_concat(label || text, '|') FROM requirement")" "1.加强领导。|2.强化督查，按季度通报。"
ok_eq "flat: 保障措施 is the requirements section" \
    "$(sqlite3 "$T/f.db" "SELECT is_requirements FROM section WHERE label = '二、'")" 1
ok_eq "flat: attachment number" "$(sqlite3 "$T/f.db" "SELECT value FROM meta WHERE key = 'attachment'")" 2
ok_eq "flat: preamble paragraphs" "$(sqlite3 "$T/f.db" "SELECT value FROM meta WHERE key = 'preamble'")" \
    "$(printf '前言段落一。\n前言段落二。')"
ok_match "flat: the repeated title is reported with its line" "$(cat "$T/f.err")" "flat.txt:1: skipped: a repeated title"
# 附件N after the title (with a colon) is the attachment line, not the title.
printf '方案标题\n附件3：\n前言。\n一、任务\n1.甲。(市科技局)\n' >"$T/h.txt"
"$GW" import plan "$T/h.txt" --db "$T/h.db" 2>/dev/null
ok_eq "附件N after the title" \
    "$(sqlite3 "$T/h.db" "SELECT group_concat(key || '=' || value, '|') FROM (SELECT * FROM meta WHERE key IN ('title', 'preamble', 'attachment') ORDER BY key)")" \
    "attachment=3|preamble=前言。|title=方案标题"
# Requirements written as plain paragraphs: one requirement each.
printf '方案\n一、任务\n1.甲。(市科技局)\n二、工作要求\n各单位要高度重视。\n要按时报送。\n' >"$T/r.txt"
"$GW" import plan "$T/r.txt" --db "$T/r.db" 2>/dev/null
ok_eq "paragraph requirements" "$(sqlite3 "$T/r.db" "SELECT group_concat(ordinal || '[' || label || ']' || text, '|') FROM requirement")" \
    "1[]各单位要高度重视。|2[]要按时报送。"
# A short name of the directory (SHORT column) names its unit in a list, as
# an alias does; 及 next to it still separates.  A home with a units.tsv
# where 市科技局 has the short name 科技局.
H="$T/home"
mkdir -p "$H/data"
cp "$TOP"/data/*.sql "$TOP"/data/meta.tsv "$TOP"/data/plan.txt "$H/data/"
awk -F'\t' 'BEGIN { OFS = "\t" } $1 == "市科技局" { $3 = "科技局" } { print }' \
    "$TOP/data/units.tsv" >"$H/data/units.tsv"
printf '方案\n一、任务\n1.甲。(科技局、市科协)\n2.乙。(市财政局牵头,科技局及市科协配合)\n' >"$T/s.txt"
GONGWEN_HOME="$H" "$GW" import plan "$T/s.txt" --db "$T/s.db" 2>"$T/s.err"
ok_eq "short name: imports" "$?" 0
ok_eq "short name: resolved to the canonical unit" "$(roles "$T/s.db")" \
    "1:市科技局/l 市科协/r|2:市财政局/l 市科技局/r 市科协/r|"
ok_eq "short name: not added as an unknown unit" \
    "$(sqlite3 "$T/s.db" 'SELECT count(*) FROM unit WHERE added_by_import = 1')" 0
ok_eq "short name: stored with its unit" \
    "$(sqlite3 "$T/s.db" "SELECT short_name FROM unit WHERE name = '市科技局'")" "科技局"
done_testing
