#!/bin/sh
# t_status.sh — the status rule of docs/supervision.md: `gongwen status`
# against the same rule written again here, in Python over the database
# (independent of the SQL gongwen uses), on a record with milestones and
# progress reports of every kind: done, on track, behind, overdue, not
# reported, a responsible unit's report that must not count, a group lead.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

"$GW" -q import plan "$TOP/data/plan.txt" --db s.db
lead() { sqlite3 s.db "SELECT unit FROM assignment WHERE task = $1 AND role = 'lead' ORDER BY pos LIMIT 1"; }
resp() { sqlite3 s.db "SELECT unit FROM assignment WHERE task = $1 AND role = 'responsible' ORDER BY pos LIMIT 1"; }
# schedules: tasks 1-8 due 2018-05-12 (a year after signing), 9 due before the
# quarter's end (overdue), 10 长期坚持 (no date), 11 a plan milestone replaced
# by a form one
sqlite3 s.db "
INSERT INTO milestone(task, origin, due, deadline) VALUES
 (1,'form','2018-05-12','2018年5月12日'),(2,'form','2018-05-12','2018年5月12日'),
 (3,'form','2018-05-12','2018年5月12日'),(4,'form','2018-05-12','2018年5月12日'),
 (5,'form','2018-05-12','2018年5月12日'),(6,'form','2017-09-30','2017年第三季度'),
 (6,'form','2018-05-12','2018年5月12日'),(7,'form','2018-05-12','2018年5月12日'),
 (8,'form','2018-05-12','2018年5月12日'),(9,'form','2017-11-30','2017年11月底'),
 (10,'form','','长期坚持'),(11,'plan','2017-06-30','2017年6月底'),(11,'form','2018-12-31','2018年底');"
# 2017Q4 ends 2017-12-31: 233 of 365 days of a 2017-05-12..2018-05-12 schedule
# (63.8 %).  percent: 1 done; 2 on track (60); 3 behind (50: gap 13.8);
# 4 far behind (20); 5 reports 100 without 已完成; 6 two milestones (latest
# counts); 7 not reported by its lead (a responsible unit's 100 must not
# count); 8 not reported at all; 9 overdue at 95; 10 未启动 without a date;
# 11 its form's date (2018-12-31) wins over the plan's.
ins() { sqlite3 s.db "INSERT INTO progress(task_no, unit, quarter, status, percent, reported_at) VALUES ($1, $2, '2017Q4', '$3', $4, '2017-12-20')"; }
ins 1 "$(lead 1)" 已完成 100
ins 2 "$(lead 2)" 推进中 60
ins 3 "$(lead 3)" 推进中 50
ins 4 "$(lead 4)" 推进中 20
ins 5 "$(lead 5)" 推进中 100
ins 6 "$(lead 6)" 推进中 60
r7=$(resp 7); [ -n "$r7" ] && ins 7 "$r7" 已完成 100
ins 9 "$(lead 9)" 推进中 95
ins 10 "$(lead 10)" 未启动 0
ins 11 "$(lead 11)" 推进中 30
# another quarter, to see --quarter chooses
ins 2 "$(lead 2)" 推进中 10
sqlite3 s.db "UPDATE progress SET quarter = '2017Q3' WHERE id = (SELECT max(id) FROM progress)"

"$GW" status --quarter 2017Q4 --format csv --db s.db >got.csv 2>err; rc=$?
ok_eq "status --format csv: exit 0" "$rc" 0
ok_eq "… the header" "$(head -n 1 got.csv | tr -d '\r')" "序号,任务,牵头单位,状态,完成进度,应完成进度,报送日期"
ok_eq "… a row per task" "$(tail -n +2 got.csv | wc -l)" 30

python3 - s.db 2017-12-31 2017-05-12 10 30 2017Q4 >want.csv <<'EOF'
import sqlite3, sys, datetime
db, end, start, yellow, red, q = sys.argv[1:7]
c = sqlite3.connect(db)
d = lambda s: datetime.date.fromisoformat(s)
rows = []
for (no,) in c.execute("SELECT no FROM task ORDER BY no"):
    leads = c.execute("SELECT unit FROM assignment WHERE task=? AND role='lead' ORDER BY pos", (no,)).fetchall()
    lead = leads[0][0] if leads else None
    members = [m for (m,) in c.execute("SELECT member FROM group_member WHERE grp=?", (lead,))]
    reps = [r for r in c.execute("SELECT unit, status, percent, reported_at FROM progress WHERE task_no=? AND quarter=?", (no, q))
            if r[0] == lead or r[0] in members]
    forms = c.execute("SELECT due FROM milestone WHERE task=? AND origin='form'", (no,)).fetchall()
    ms = forms if forms else c.execute("SELECT due FROM milestone WHERE task=? AND origin='plan'", (no,)).fetchall()
    dues = [x for (x,) in ms if x]
    due = max(dues) if dues else None
    exp = None
    if due:
        span = (d(due) - d(start)).days
        exp = 100.0 if span <= 0 else max(0.0, min(100.0, 100.0 * (d(end) - d(start)).days / span))
    if not reps:
        st, pct, when = "未报送", "", ""
    else:
        r = min(reps, key=lambda r: r[2])
        pct, when = str(r[2]), r[3]
        if r[1] == "已完成" or r[2] == 100: st = "已完成"
        elif due and due < end: st = "严重滞后"
        elif due and exp - r[2] > int(red): st = "严重滞后"
        elif due and exp - r[2] > int(yellow): st = "滞后"
        elif due: st = "正常推进"
        elif r[1] == "未启动": st = "滞后"
        else: st = "正常推进"
    rows.append("%d,%s,%s,%s,%s" % (no, st, pct, "" if exp is None else "%.1f" % exp, when))
print("\n".join(rows))
EOF
got=$(tail -n +2 got.csv | tr -d '\r' | awk -F, '{ print $1 "," $4 "," $5 "," $6 "," $7 }')
ok_eq "every status, percent, expected and date as the rule computed independently" "$got" "$(cat want.csv)"
st() { printf '%s\n' "$got" | awk -F, -v n="$1" '$1 == n { print $2 }'; }
ok_eq "task 1 reported 已完成: 已完成" "$(st 1)" 已完成
ok_eq "task 2 at 60 of 63.8: 正常推进" "$(st 2)" 正常推进
ok_eq "task 3 at 50 of 63.8: 滞后" "$(st 3)" 滞后
ok_eq "task 4 at 20 of 63.8: 严重滞后" "$(st 4)" 严重滞后
ok_eq "task 5 at 100 without 已完成: 已完成" "$(st 5)" 已完成
ok_eq "task 7 reported only by a responsible unit: 未报送" "$(st 7)" 未报送
ok_eq "task 9 due 2017-11-30 at 95: 严重滞后 (overdue)" "$(st 9)" 严重滞后
ok_eq "task 10 未启动 without a due date: 滞后" "$(st 10)" 滞后
ok_eq "task 11: the form's date wins (30 of 38.8: 正常推进)" "$(st 11)" 正常推进
ok_match "expected progress has one decimal" "$(sed -n 3p got.csv)" ",63\.8,"

# the text form: the thresholds stated, the counts recomputed with SQL-free awk
"$GW" status --quarter 2017Q4 --db s.db >got.txt
ok_match "text: the thresholds stated" "$(head -n 1 got.txt)" "滞后：落后时间进度10至30个百分点"
counts=$(printf '%s\n' "$got" | awk -F, '{ n[$2]++ } END { printf "已完成 %d  正常推进 %d  滞后 %d  严重滞后 %d  未报送 %d", n["已完成"], n["正常推进"], n["滞后"], n["严重滞后"], n["未报送"] }')
ok_eq "text: the counts of each status" "$(tail -n 1 got.txt)" "$counts"

# thresholds from the record
"$GW" set status_yellow 15 --db s.db
"$GW" status --quarter 2017Q4 --format csv --db s.db | tr -d '\r' >t15.csv
ok_eq "status_yellow 15: task 3 (gap 13.8) is 正常推进" "$(awk -F, '$1 == 3 { print $4 }' t15.csv)" 正常推进
# set refuses a yellow above red, and so does status when the record holds
# one written by other means
cp s.db s0.db
out=$("$GW" set status_yellow 40 --db s.db 2>&1); rc=$?
ok_match "set status_yellow 40 (red 30): refused, saying why" "$rc|$out" \
    "^1|.*set status_yellow: 40 would be above status_red \(30\)"
ok_eq "… the record unchanged" "$(sqlite3 s.db "SELECT value FROM meta WHERE key = 'status_yellow'")" 15
out=$("$GW" set status_red 12 --db s.db 2>&1); rc=$?
ok_match "set status_red 12 (yellow 15): refused" "$rc|$out" "^1|.*status_red: 12 would be below status_yellow \(15\)"
sqlite3 s.db "UPDATE meta SET value = '40' WHERE key = 'status_yellow'"
out=$("$GW" status --quarter 2017Q4 --db s.db 2>&1); rc=$?
ok_eq "status_yellow above status_red: exit 1" "$rc" 1
ok_match "… saying so" "$out" "status_yellow \(40\) is above status_red \(30\)"
"$GW" set status_yellow 10 --db s.db
# 印发 not before 成文; no reports before the plan was signed
out=$("$GW" set print_date 2016-01-01 --db s0.db 2>&1); rc=$?
ok_match "set print_date before sign_date: refused" "$rc|$out" \
    "^1|.*set print_date: 2016-01-01 is before the sign_date $(sqlite3 s0.db "SELECT value FROM meta WHERE key = 'sign_date'")"
sqlite3 s0.db "DELETE FROM meta WHERE key = 'print_date'"
out=$("$GW" set sign_date 2019-01-01 --db s0.db 2>&1); rc=$?
ok_match "set sign_date after the first reports' quarter: refused" "$rc|$out" \
    "^1|.*set sign_date: 2019-01-01 is after the quarter of the first progress reports \($(sqlite3 s0.db "SELECT min(quarter) FROM progress")\)"

# the latest quarter by default, --unit, bad input
ok_eq "without --quarter: the latest with reports (2017Q4)" \
    "$("$GW" status --format csv --db s.db | tr -d '\r' | sed -n 3p)" "$(sed -n 3p got.csv | tr -d '\r')"
u=$(sqlite3 s.db "SELECT name FROM unit WHERE id = $(lead 3)")
"$GW" status --quarter 2017Q4 --format csv --unit "$u" --db s.db | tr -d '\r' >unit.csv
want=$(sqlite3 s.db "SELECT count(DISTINCT task) FROM assignment a WHERE a.unit = $(lead 3) OR a.unit IN (SELECT grp FROM group_member WHERE member = $(lead 3))")
ok_eq "--unit: the tasks of that unit, counted with SQL" "$(tail -n +2 unit.csv | wc -l)" "$want"
out=$("$GW" status --quarter 2017Q5 --db s.db 2>&1); rc=$?
ok_eq "a malformed quarter: exit 64" "$rc" 64
ok_match "… naming it" "$out" "quarter 2017Q5: write it as 2017Q4"
"$GW" -q import plan "$TOP/data/plan.txt" --db e.db
out=$("$GW" status --db e.db 2>&1); rc=$?
ok_eq "no reports and no --quarter: exit 1" "$rc" 1
ok_match "… saying what to do" "$out" "no progress reports yet"
ok_match "no reports for the quarter: every task 未报送" \
    "$("$GW" status --quarter 2017Q4 --db e.db | tail -n 1)" "未报送 30$"
done_testing
