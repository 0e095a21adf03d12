#!/bin/sh
# bench/report.sh — how long the quarterly supervision report takes for a
# big plan: 3000 tasks (bench/mkbigplan.py), a progress report for one
# quarter (2017Q4) from every task's first lead (a member of it when the
# lead is a group such as 各县市区), then `gongwen report` (the statuses of
# the quarter, the quarter before and the trend, the XML, the charts, the
# 附件 of 3000 rows).  Prints wall seconds, peak RSS (GNU time) and pages;
# figures, not a test.  Target: under 2 s.
cd "$(dirname "$0")/.." || exit 2
GW=${GONGWEN:-./gongwen}
N=${REPORT_TASKS:-3000}
T=$(mktemp -d "${TMPDIR:-/tmp}/gw-report.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
python3 bench/mkbigplan.py "$N" >"$T/plan.txt" || exit 1
"$GW" -q import plan "$T/plan.txt" --db "$T/r.db" || exit 1
sqlite3 -csv "$T/r.db" "SELECT a.task,
    CASE WHEN u.is_group = 0 THEN u.name ELSE (SELECT m.name FROM group_member g
        JOIN unit m ON m.id = g.member WHERE g.grp = u.id ORDER BY m.id LIMIT 1) END,
    '2017Q4', (a.task * 7) % 101,
    CASE WHEN (a.task * 7) % 101 = 100 THEN '已完成' ELSE '推进中' END,
    '按计划推进相关工作', CASE WHEN a.task % 5 = 0 THEN '配套资金尚未到位' ELSE '' END,
    '继续落实', '2017-12-20'
    FROM assignment a JOIN unit u ON u.id = a.unit
    WHERE a.role = 'lead' AND a.pos = (SELECT min(b.pos) FROM assignment b
        WHERE b.task = a.task AND b.role = 'lead')
    ORDER BY a.task" >"$T/rows.csv" || exit 1
{ echo '序号,报送单位,季度,完成进度(%),状态,进展情况,存在问题,下一步打算,报送日期'; cat "$T/rows.csv"; } >"$T/form.csv"
"$GW" -q import progress "$T/form.csv" --quarter 2017Q4 --db "$T/r.db" || {
    echo "report: the progress import failed"; exit 1; }
rows=$(($(wc -l <"$T/form.csv") - 1))
/usr/bin/time -f '%e %M' -o "$T/time" "$GW" -q report --quarter 2017Q4 --db "$T/r.db" \
    -o "$T/report.pdf" || { echo "report: gongwen report failed"; exit 1; }
read -r wall kb <"$T/time"
pages=$(pdfinfo "$T/report.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
printf '%-8s %8s %8s %10s %10s %8s\n' report tasks reports "wall s" "peak MB" pages
printf '%-8s %8d %8d %10s %10s %8s\n' 2017Q4 "$N" "$rows" "$wall" \
    "$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')" "${pages:-?}"
echo "statuses: $("$GW" status --quarter 2017Q4 --db "$T/r.db" | tail -n 1)"
awk -v w="$wall" 'BEGIN { exit !(w < 2) }' || echo "report: over the 2 s target"
