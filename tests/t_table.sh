#!/bin/sh
# t_table.sh — table.h on .xlsx workbooks (and CSV from standard input):
# made by LibreOffice from a CSV (dates, numbers, Chinese text with commas
# and line breaks), made part by part by tests/fixtures/table/mkxlsx.py
# (rich text, inline strings, omitted cells, an empty middle row, date
# formats, the 1900 leap-year bug, date1904), and damaged ones: a zip bomb,
# one whose headers lie about its size, a truncated archive, a CRC error,
# missing parts, a DOCTYPE, the caps at their edges.  The tables are read
# with `unit_table --dump` (see tests/unit_table.c).
. "$(dirname "$0")/lib.sh"

DUMP="$TOP/${BUILD:-build/rel}/tests/unit_table"
MK="python3 $TOP/tests/fixtures/table/mkxlsx.py"

# dump NAME FILE [ENC]: $T/NAME.out (the table), $T/NAME.err, $rc
dump() {
    _d=$1; shift
    timeout 60 "$DUMP" --dump "$@" >"$T/$_d.out" 2>"$T/$_d.err"
    rc=$?
}
# row N of the last dump NAME, cells separated by |
row() { awk -v n="$2" 'NR > 1 && $0 ~ "^" n "(\t|$)" { sub(/^[0-9]+\t?/, ""); gsub(/\t/, "|"); print }' "$T/$1.out"; }
now_ms() { date +%s%3N; }

ok_if "unit_table is built" test -x "$DUMP"

# ---- (a) LibreOffice: a CSV converted to .xlsx reads back as the CSV
cat >"$T/lo.csv" <<'EOF'
任务,完成时限,进度,说明
1,2018-03-15,40,"甲,乙"
2,2018-04-01,0.5,"第一行
第二行"
3,,12345678901,"他说""好"""

5,2020-02-29,-3.25,尾
EOF
if command -v soffice >/dev/null 2>&1; then
    # 76 is UTF-8 in LibreOffice's CSV filter options (separator 44 ",",
    # text delimiter 34 '"', first line 1)
    HOME="$T" timeout 300 soffice --headless --infilter="CSV:44,34,76,1" \
        --convert-to xlsx --outdir "$T" "$T/lo.csv" >"$T/soffice.log" 2>&1
    ok_if "LibreOffice made lo.xlsx" test -s "$T/lo.xlsx"
    ok_if "... a zip archive with a sheet in it" sh -c "unzip -l '$T/lo.xlsx' | grep -q 'xl/worksheets/'"
    ok_if "... where 2018-03-15 is a number (a date cell), not text" \
        sh -c "unzip -p '$T/lo.xlsx' xl/worksheets/sheet1.xml | grep -q '<c r=\"B2\" s=\"[0-9]*\" t=\"n\"><v>43174</v>'"
    dump lo "$T/lo.xlsx"
    ok_eq "LibreOffice .xlsx: read" "$rc" 0
    ok_eq "LibreOffice .xlsx: kind, rows and sheet name" "$(head -n 1 "$T/lo.out")" "# xlsx rows=6 sheet=lo"
    ok_eq "LibreOffice .xlsx: the date cell is 2018-03-15" "$(row lo 2)" "1|2018-03-15|40|甲,乙"
    ok_eq "LibreOffice .xlsx: a number, a line break" "$(row lo 3)" '2|2018-04-01|0.5|第一行\n第二行'
    ok_eq "LibreOffice .xlsx: an omitted cell, a long number, quotes" "$(row lo 4)" '3||12345678901|他说"好"'
    ok_eq "LibreOffice .xlsx: the empty middle row stays" "$(row lo 5)" ""
    ok_eq "LibreOffice .xlsx: row 6 after it" "$(row lo 6)" "5|2020-02-29|-3.25|尾"
    dump locsv "$T/lo.csv"
    ok_eq "the CSV and LibreOffice's .xlsx of it read the same" \
        "$(tail -n +2 "$T/locsv.out")" "$(tail -n +2 "$T/lo.out")"
else
    skip "LibreOffice .xlsx" "soffice not installed (make test-deps)"
fi

# ---- (b) a workbook made part by part
$MK forms "$T/forms.xlsx"
dump forms "$T/forms.xlsx"
ok_eq "forms.xlsx: read" "$rc" 0
ok_eq "forms.xlsx: the first sheet in workbook order (data.xml, not sheet1.xml)" \
    "$(head -n 1 "$T/forms.out")" "# xlsx rows=9 sheet=进度表"
ok_eq "forms.xlsx: shared, rich-text (runs joined, xml:space kept, rPh left out) and inline strings" \
    "$(row forms 1)" "任务|报送 单位 |完成时限|说明|进度"
ok_eq "forms.xlsx: omitted cells keep D2 in column D; _x000D_ and LF make one line break" \
    "$(row forms 2)" '1|||第一行\n第二行|甲,乙;"丙"'
ok_eq "forms.xlsx: row 3 is absent from the sheet: an empty row" "$(row forms 3)" ""
ok_eq "forms.xlsx: dates: built-in 14, yyyy年m月d日, built-in 22 with 12:00, zh-CN 31, [\$-804]yyyy-mm-dd" \
    "$(row forms 4)" "2|2018-03-15|2018-03-15|2018-03-15 12:00|2018-04-01|2018-03-31"
ok_eq "forms.xlsx: serials 1, 59, 60 (Excel's 1900-02-29), 61; midnight shows no time" \
    "$(row forms 5)" "1900-01-01|1900-02-28|1900-02-29|1900-03-01|2018-03-15"
ok_eq "forms.xlsx: [h]:mm:ss, h:mm, 0.0%, 15 digits, 1.0, #,##0.00, -0, 1E+20" \
    "$(row forms 6)" "36:00:00|18:00|40%|0.3|1|12345678901|0|1E+20|-3.25"
ok_eq "forms.xlsx: booleans, a formula's string and number, an error, spaces kept" \
    "$(row forms 7)" "TRUE|FALSE|任务x|#N/A|2|  "
ok_eq "forms.xlsx: a row and cells without r follow the ones before; styled empty cells end nothing" \
    "$(row forms 8)" "八|B8||D8|E8"
ok_eq "forms.xlsx: rows with only styles at the end are not counted" "$(tail -n 1 "$T/forms.out")" \
    "$(printf '9\t甲,乙;"丙"')"

$MK 1904 "$T/1904.xlsx"
dump d1904 "$T/1904.xlsx"
ok_eq "date1904: serial 0 is 1904-01-01, 41712 is 2018-03-15, a plain number stays" \
    "$(row d1904 1)" "1904-01-01|2018-03-15|1904-01-02|41712"

$MK inline "$T/inline.xlsx"
dump inline "$T/inline.xlsx"
ok_eq "no sharedStrings.xml, no styles.xml: read" "$rc" 0
ok_eq "... inline strings and numbers" "$(tail -n +2 "$T/inline.out")" \
    "$(printf '1\t报送单位\t进度\n2\t市科技局\t40')"
dump stdin_x - <"$T/inline.xlsx"
ok_eq "an .xlsx on standard input" "$(head -n 1 "$T/stdin_x.out")" "# xlsx rows=2 sheet=Sheet1"
printf '\357\273\277任务,进度\r\n"甲,乙",40\r\n' | { dump stdin_c -; }
ok_eq "a CSV on standard input" "$(cat "$T/stdin_c.out")" \
    "$(printf '# csv (UTF-8) rows=2 sheet=-\n1\t任务\t进度\n2\t甲,乙\t40')"

$MK big "$T/big.xlsx" 10000
t0=$(now_ms)
dump big "$T/big.xlsx"
t1=$(now_ms)
ok_eq "10 000-row .xlsx: read" "$rc" 0
ok_eq "10 000-row .xlsx: its last row" "$(row big 10001)" \
    "10000|市财政局|推进第10000项任务，完善配套政策|2018-08-08|1%|市科技局"
ok_if "10 000-row .xlsx: in under a second ($((t1 - t0)) ms, the dump included)" test $((t1 - t0)) -lt 1000

# ---- (c) damaged and hostile workbooks
# check NAME FILE REGEX: refused with exit status 1 and a message matching
check() {
    dump "$1" "$2"
    ok_eq "$1: refused" "$rc" 1
    ok_match "$1: message" "$(cat "$T/$1.err")" "$3"
}

$MK bomb "$T/bomb.xlsx"
ok_if "the bomb is small (about 200 KB) and holds 200 MB" \
    sh -c "test $(wc -c <"$T/bomb.xlsx") -lt 1000000 && unzip -l '$T/bomb.xlsx' | grep -q 209715200"
t0=$(now_ms)
check bomb "$T/bomb.xlsx" \
    "^$T/bomb.xlsx: xl/worksheets/sheet1.xml: 209715200 bytes uncompressed, larger than the cap of 67108864 bytes$"
t1=$(now_ms)
ok_if "bomb: refused before inflating ($((t1 - t0)) ms)" test $((t1 - t0)) -lt 1000
$MK liar "$T/liar.xlsx"
t0=$(now_ms)
check liar "$T/liar.xlsx" \
    "^$T/liar.xlsx: xl/worksheets/sheet1.xml: more bytes uncompressed than the cap of 67108864 bytes$"
t1=$(now_ms)
ok_if "liar: the headers say 1000 bytes; counting stops at the cap ($((t1 - t0)) ms)" \
    test $((t1 - t0)) -lt 5000

head -c 2000 "$T/forms.xlsx" >"$T/trunc.xlsx"
check truncated "$T/trunc.xlsx" "^$T/trunc.xlsx: damaged \.xlsx \(the zip archive: .+\)$"
$MK crc "$T/crc.xlsx"
check crc "$T/crc.xlsx" "^$T/crc.xlsx: xl/worksheets/sheet1.xml: damaged \.xlsx \(.+\)$"
$MK missing "$T/missing.xlsx"
check "missing sheet part" "$T/missing.xlsx" \
    "^$T/missing.xlsx: xl/worksheets/sheet1.xml is missing from the archive$"
$MK noworkbook "$T/nowb.xlsx"
check "a zip that is no workbook" "$T/nowb.xlsx" \
    "^$T/nowb.xlsx: xl/workbook.xml is missing from the archive \(not an \.xlsx workbook\?\)$"
$MK chart "$T/chart.xlsx"
check "a chart as the first sheet" "$T/chart.xlsx" "the first sheet, \"图表1\", is not a worksheet"
$MK doctype "$T/doctype.xlsx"
check "a DOCTYPE with entities" "$T/doctype.xlsx" \
    "^$T/doctype.xlsx: xl/sharedStrings.xml: a DOCTYPE is refused in an \.xlsx part$"
$MK badxml "$T/badxml.xlsx"
check "a sheet that is not XML" "$T/badxml.xlsx" \
    "^$T/badxml.xlsx: xl/worksheets/sheet1.xml:[0-9]+: not well-formed XML: .+"
$MK deep "$T/deep.xlsx"
check "100 000 nested elements in a cell" "$T/deep.xlsx" \
    "xl/worksheets/sheet1.xml:[0-9]+: not well-formed XML: elements nested too deep$"

# ---- the caps at their edges
$MK cell "$T/c.xlsx" GR1 5
dump gr "$T/c.xlsx"
ok_eq "column GR (200) is read" "$(awk -F '\t' 'NR == 2 { print NF - 1, $NF }' "$T/gr.out")" "200 xxxxx"
$MK cell "$T/c.xlsx" GS1 5
check "column GS (201)" "$T/c.xlsx" "^$T/c.xlsx:1:GS: more than the cap of 200 columns$"
$MK cell "$T/c.xlsx" XFD1048576 0
dump xfd "$T/c.xlsx"
ok_eq "a styled empty cell at XFD1048576 is no row and no column" "$(tail -n +1 "$T/xfd.out")" \
    "$(printf '# xlsx rows=1 sheet=Sheet1\n1\th')"
$MK cell "$T/c.xlsx" A100000 3
dump r100k "$T/c.xlsx"
ok_eq "row 100 000 is read" "$(head -n 1 "$T/r100k.out") $(row r100k 100000)" \
    "# xlsx rows=100000 sheet=Sheet1 xxx"
$MK cell "$T/c.xlsx" A100001 3
check "row 100 001" "$T/c.xlsx" "^$T/c.xlsx:100001: more than the cap of 100000 rows$"
$MK cell "$T/c.xlsx" B2 32767
dump c32k "$T/c.xlsx"
ok_eq "a cell of 32 767 characters is read" "$(row c32k 2 | wc -c)" 32769
$MK cell "$T/c.xlsx" B2 32768
check "a cell of 32 768 characters" "$T/c.xlsx" \
    "^$T/c.xlsx:2:B: cell longer than the cap of 32767 characters \(32768\)$"
$MK strings "$T/s.xlsx" 1000001
check "1 000 001 shared strings" "$T/s.xlsx" \
    "^$T/s.xlsx: xl/sharedStrings.xml: more than the cap of 1000000 shared strings$"

# a control character in an .xlsx cell (Excel's _x001B_) is refused as in CSV
$MK cell "$T/ctl.xlsx" C3 1
python3 - "$T/ctl.xlsx" <<'EOF'
import sys, zipfile
src = sys.argv[1]
parts = {n: zipfile.ZipFile(src).read(n) for n in zipfile.ZipFile(src).namelist()}
parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
    b"<t>x</t>", b"<t>a_x001B_b</t>")
with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as z:
    for n, d in parts.items():
        z.writestr(n, d)
EOF
check "an ESC in an .xlsx cell" "$T/ctl.xlsx" \
    "^$T/ctl.xlsx:3:C: the control character U\+001B in the cell$"
done_testing
