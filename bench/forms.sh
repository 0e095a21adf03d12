#!/bin/sh
# bench/forms.sh — how long a big progress form takes to import: a plan of
# 3000 tasks (bench/mkbigplan.py), a form of FORM_ROWS rows (default 10 000:
# a report for every task of every unit assigned to it, as far as there are
# such pairs), as CSV and as .xlsx (the same rows, written by python3's
# zipfile), each imported into a fresh copy of the database.  Prints wall
# seconds and peak RSS (GNU time); figures, not a test.
cd "$(dirname "$0")/.." || exit 2
GW=${GONGWEN:-./gongwen}
ROWS=${FORM_ROWS:-10000}
T=$(mktemp -d "${TMPDIR:-/tmp}/gw-forms.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
python3 bench/mkbigplan.py 3000 >"$T/plan.txt" || exit 1
"$GW" -q import plan "$T/plan.txt" --db "$T/base.db" || exit 1
sqlite3 -csv "$T/base.db" "SELECT a.task, u.name, '2017Q4', (a.task * 7 + a.unit) % 101,
    CASE WHEN (a.task * 7 + a.unit) % 101 = 100 THEN '已完成' ELSE '推进中' END,
    '按计划推进', '', '继续落实', '2017-12-20'
    FROM assignment a JOIN unit u ON u.id = a.unit WHERE u.is_group = 0
    ORDER BY a.task, a.pos LIMIT $ROWS" >"$T/rows.csv"
{ echo '序号,报送单位,季度,完成进度(%),状态,进展情况,存在问题,下一步打算,报送日期'; cat "$T/rows.csv"; } >"$T/form.csv"
n=$(($(wc -l <"$T/form.csv") - 1))
python3 - "$T/form.csv" "$T/form.xlsx" <<'PY'
import csv, sys, zipfile
from xml.sax.saxutils import escape
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
sheet = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
for r, row in enumerate(rows, 1):
    sheet.append('<row r="%d">' % r)
    for c, v in enumerate(row):
        sheet.append('<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (col(c), r, escape(v)))
    sheet.append('</row>')
sheet.append('</sheetData></worksheet>')
z = zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED)
z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="form" sheetId="1" r:id="rId1"/></sheets></workbook>')
z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
z.writestr("xl/worksheets/sheet1.xml", "".join(sheet))
z.close()
PY
printf '%-8s %8s %10s %10s\n' form rows "wall s" "peak MB"
for kind in csv xlsx; do
    cp "$T/base.db" "$T/$kind.db"
    /usr/bin/time -f '%e %M' -o "$T/$kind.time" "$GW" -q import progress "$T/form.$kind" \
        --quarter 2017Q4 --db "$T/$kind.db" || { echo "forms: import of the $kind form failed"; exit 1; }
    read -r wall kb <"$T/$kind.time"
    printf '%-8s %8d %10s %10s\n' "$kind" "$n" "$wall" "$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')"
done
