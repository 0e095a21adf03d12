#!/bin/sh
# t_render_table.sh — tables: a 40-row table over three pages with its
# header repeated on each, a row taller than what is left split between
# lines across pages, fixed and proportional column widths, row and column
# spans, borders and backgrounds.
. "$(dirname "$0")/lib.sh"

FO="$TOP/tests/fo/table.fo"
ok_if "render table.fo" "$GW" -q render "$FO" -o "$T/table.pdf"
ok_eq "three pages" "$(pdfinfo "$T/table.pdf" | awk '/^Pages:/ { print $2 }')" 3
raw=$(pdftotext -raw "$T/table.pdf" - | tr -d '\f')
page() { pdftotext -f "$1" -l "$1" -raw "$T/table.pdf" - | tr -d '\f' | grep -v '^$'; }

ok_eq "the header appears once on every page" "$(printf '%s\n' "$raw" | grep -c '^序号 任务 单位$')" 3
ok_eq "the header is the first line of page 2" "$(page 2 | head -1)" "序号 任务 单位"
ok_eq "the header is the first line of page 3" "$(page 3 | head -1)" "序号 任务 单位"
ok_eq "every body row appears exactly once" "$(python3 - "$T/table.pdf" <<'PY'
import re, subprocess, sys
t = subprocess.run(["pdftotext", "-raw", sys.argv[1], "-"], capture_output=True, text=True).stdout
# row 11's first column is covered by row 10's two-row cell
bad = [n for n in range(1, 41) if n != 11 and len(re.findall("第%d行" % n, t)) != 1]
print(bad)
PY
)" "[]"
ok_match "the tall row starts on page 1" "$(page 1 | tr -d '\n')" '很长的单元格。第1句'
ok_match "... continues on page 2 under the repeated header" "$(page 2 | tr -d '\n')" '^序号 任务 单位.*第30句'
ok_match "... and ends on page 3, followed by the next rows" "$(page 3 | tr -d '\n')" '结束。第26行'
tall=$(printf '%s\n' "$raw" | tr -d '\n' | sed 's/.*\(很长的单元格。.*结束。\).*/\1/' | sed 's/序号 任务 单位//g; s/第25行//; s/甲//')
ok_eq "the split cell's text reads back whole, in order" "$tall" "$(python3 -c '
print("很长的单元格。" + "".join("第%d句内容较长需要折行显示，" % k for k in range(1, 60)) + "结束。")')"
ok_match "text after the table follows it" "$(page 3 | tail -1)" '^表后正文。$'

bbox=$(pdftotext -f 1 -l 1 -bbox "$T/table.pdf" -)
xof() { printf '%s\n' "$bbox" | grep ">$1<" | sed 's/.*xMin="\([0-9.]*\)".*/\1/' | awk '{ printf "%.1f", $1 }'; }
# region 42.52 .. 377.01; column 1 fixed 50 pt; the rest split 2:1; cell
# content starts after 0.5 pt border + 2 pt padding
ok_eq "fixed column: column 2 starts 50 pt in" "$(xof 内容1)" "95.0"
ok_eq "proportional columns 2:1" "$(xof 乙1)" "284.7"
ok_match "a cell spanning columns 2-3 centres its text over both" \
    "$(printf '%s\n' "$bbox" | grep '>跨两列<' | sed 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*/\1 \2/' |
       awk '{ c = ($1 + $2) / 2; print (c > 234 && c < 238) ? "centred" : c }')" '^centred$'
ok_match "a cell spanning two rows holds both of its blocks" "$(page 1 | tr '\n' '|')" '第10行.*跨两行'

pdftoppm -r 36 "$T/table.pdf" "$T/pg"
ok_eq "header background on every page, span background on page 1" "$(python3 - "$T"/pg-*.ppm <<'PY'
import sys
out = []
for f in sorted(sys.argv[1:]):
    d = open(f, "rb").read(); p = d.split(b"\n", 3)
    w, h = map(int, p[1].split()); px = p[3]
    cols = set()
    for i in range(0, len(px) - 2, 3):
        r, g, b = px[i], px[i + 1], px[i + 2]
        if abs(r - 204) < 8 and abs(g - 204) < 8 and abs(b - 204) < 8: cols.add("gray")
        if r > 240 and g > 240 and b < 30: cols.add("yellow")
    out.append("+".join(sorted(cols)))
print(" ".join(out))
PY
)" "gray+yellow gray gray"
# A 3x3 collapsed table with 1 pt borders: every shared edge is drawn once
# and the edges along one rule are joined, so 8 rectangles (4 horizontal
# rules, 4 vertical) instead of 9 cells x 4 = 36.  A 3 pt middle cell's
# borders win over its neighbours' 1 pt ones they cover: the two inner rules
# each way become thin-thick-thin, 3 pieces, so 2 x (1 + 3 + 3 + 1) = 16.
grid3() {   # $1: border of the middle cell
    printf '%s\n' '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>' \
        '<fo:simple-page-master master-name="p" page-width="200pt" page-height="200pt" margin="10pt">' \
        '<fo:region-body/></fo:simple-page-master></fo:layout-master-set>' \
        '<fo:page-sequence master-reference="p" font-family="宋体" font-size="10pt"><fo:flow flow-name="xsl-region-body">' \
        '<fo:table table-layout="fixed" width="150pt" border-collapse="collapse"><fo:table-body>'
    for r in 1 2 3; do
        printf '<fo:table-row>'
        for c in 1 2 3; do
            b="1pt solid black"
            [ "$r$c" = 22 ] && b=$1
            printf '<fo:table-cell border="%s" padding="2pt"><fo:block>格%s%s</fo:block></fo:table-cell>' "$b" "$r" "$c"
        done
        printf '</fo:table-row>\n'
    done
    printf '%s\n' '</fo:table-body></fo:table></fo:flow></fo:page-sequence></fo:root>'
}
# prints: rectangles drawn, and how many of them are 3 pt thick
rects() {
    qpdf --qdf --object-streams=disable "$1" - | python3 -c '
import re, sys
d = sys.stdin.buffer.read()
body = d.split(b"%% Contents for page 1")[1]
body = body[body.index(b"stream\n") + 7:body.index(b"endstream")]
rs = re.findall(rb"([-0-9.]+) ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) re\b", body)
print(len(rs), sum(1 for r in rs if min(abs(float(r[2])), abs(float(r[3]))) > 2.9))'
}
grid3 "1pt solid black" >"$T/grid.fo"
ok_if "render a 3x3 collapsed table" "$GW" -q render "$T/grid.fo" -o "$T/grid.pdf"
ok_eq "3x3 table: each rule drawn once, as one rectangle" "$(rects "$T/grid.pdf")" "8 0"
ok_eq "3x3 table: all nine cells drawn" "$(pdftotext -raw "$T/grid.pdf" - | tr -d '\f' | tr '\n' ' ')" \
    "格11 格12 格13 格21 格22 格23 格31 格32 格33 "
grid3 "3pt solid black" >"$T/grid3.fo"
ok_if "render it with a 3 pt middle cell" "$GW" -q render "$T/grid3.fo" -o "$T/grid3.pdf"
ok_eq "3 pt middle cell: its 4 edges win over the 1 pt ones they cover" "$(rects "$T/grid3.pdf")" "16 4"
done_testing
