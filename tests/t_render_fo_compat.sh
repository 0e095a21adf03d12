#!/bin/sh
# t_render_fo_compat.sh — FO as other processors' users write it (the FO
# compatibility issue): page-position first/rest without a 'last'
# alternative, Latin text with accents in AR PL UMing, data: and file: URIs
# for images.  Each case is FO written here; positions from pdftotext -bbox.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2
HEAD='<?xml version="1.0" encoding="UTF-8"?><fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">'

# ---- page-position="first" and "rest" only: every page of several used to
# fail with "no conditional-page-master-reference matches page 2"
cat >fr.fo <<EOF2
$HEAD<fo:layout-master-set>
<fo:simple-page-master master-name="first" page-width="100pt" page-height="100pt" margin="10pt"><fo:region-body margin-top="20pt"/></fo:simple-page-master>
<fo:simple-page-master master-name="rest" page-width="100pt" page-height="100pt" margin="10pt"><fo:region-body/></fo:simple-page-master>
<fo:page-sequence-master master-name="doc"><fo:repeatable-page-master-alternatives>
<fo:conditional-page-master-reference page-position="first" master-reference="first"/>
<fo:conditional-page-master-reference page-position="rest" master-reference="rest"/>
</fo:repeatable-page-master-alternatives></fo:page-sequence-master></fo:layout-master-set>
<fo:page-sequence master-reference="doc"><fo:flow flow-name="xsl-region-body" font-family="宋体">
<fo:block>一</fo:block><fo:block break-before="page">二</fo:block><fo:block break-before="page">三</fo:block>
</fo:flow></fo:page-sequence></fo:root>
EOF2
"$GW" -q render fr.fo -o fr.pdf 2>err; rc=$?
ok_eq "first/rest alternatives, three pages: exit 0" "$rc" 0
ok_eq "… three pages" "$(pdfinfo fr.pdf 2>/dev/null | awk '/^Pages:/ { print $2 }')" 3
ymin() { pdftotext -f "$1" -l "$1" -bbox fr.pdf - 2>/dev/null | sed -n 's/.*yMin="\([0-9]*\)\..*/\1/p' | head -n 1; }
# (the glyph box's top is the body's top plus what the face puts above its
# ascender: compare pages, not with a number that depends on the face)
y1=$(ymin 1); y2=$(ymin 2); y3=$(ymin 3)
ok_eq "… page 1 on the first master (body 20 pt lower)" "$((y1 - y2))" 20
ok_if "… page 2 on the rest master (body at the top margin)" [ "$y2" -ge 10 -a "$y2" -le 12 ]
ok_eq "… and the last page too (no 'last' alternative: it is a rest page)" "$y3" "$y2"
sed 's|<fo:block break-before="page">二</fo:block><fo:block break-before="page">三</fo:block>||' fr.fo >one.fo
"$GW" -q render one.fo -o one.pdf 2>err; rc=$?
ok_eq "first/rest alternatives, one page: exit 0 on the first master" "$rc|$(pdftotext -bbox one.pdf - | sed -n 's/.*yMin="\([0-9]*\)\..*/\1/p' | head -n 1)" "0|$y1"

# ---- Latin text with composite glyphs (É, ä) in AR PL UMing: libharu
# error 0x1033 when the subset's last glyph was composite
cat >lat.fo <<EOF2
$HEAD<fo:layout-master-set><fo:simple-page-master master-name="a" page-width="300pt" page-height="200pt" margin="10pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="a"><fo:flow flow-name="xsl-region-body" font-family="AR PL UMing CN">
<fo:block>S vbÉgl,riténdKäs.</fo:block><fo:block>Zoë Brontë, Müller, Ångström 株洲</fo:block>
</fo:flow></fo:page-sequence></fo:root>
EOF2
"$GW" -q render lat.fo -o lat.pdf 2>err; rc=$?
ok_eq "accented Latin in UMing: exit 0" "$rc" 0
ok_eq "… the text reads back" "$(pdftotext lat.pdf - 2>/dev/null | head -n 2 | tr '\n' '|')" "S vbÉgl,riténdKäs.|Zoë Brontë, Müller, Ångström 株洲|"

# ---- data: and file: URIs for images
cp "$TOP/tests/fo/red-square.png" sq.png
mkdir -p "with space"
cp sq.png "with space/sq 2.png"
b64=$(base64 -w0 sq.png)
img() {
    cat >"$1.fo" <<EOF2
$HEAD<fo:layout-master-set><fo:simple-page-master master-name="a" page-width="200pt" page-height="200pt" margin="10pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="a"><fo:flow flow-name="xsl-region-body" font-family="宋体">
<fo:block><fo:external-graphic src="$2"/></fo:block></fo:flow></fo:page-sequence></fo:root>
EOF2
    "$GW" -q render "$1.fo" -o "$1.pdf" 2>"$1.err"
    rc=$?
}
nimg() { pdfimages -list "$1.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image"' | wc -l; }
img data "url('data:image/png;base64,$b64')"
ok_eq "a data: URI: exit 0" "$rc" 0
ok_eq "… one image drawn" "$(nimg data)" 1
img file1 "url('file://$T/sq.png')"
ok_eq "file:///absolute: exit 0, an image" "$rc|$(nimg file1)" "0|1"
img file2 "file:with%20space/sq%202.png"
ok_eq "file:relative with %-escapes, beside the FO: exit 0, an image" "$rc|$(nimg file2)" "0|1"
img file3 "url(file://localhost$T/sq.png)"
ok_eq "file://localhost/...: exit 0" "$rc" 0
img file4 "file://example.org/sq.png"
ok_eq "file://another-host: exit 1" "$rc" 1
ok_match "… saying so" "$(cat file4.err)" "a file: URI names this machine"
long=$(printf 'A%.0s' $(seq 1 2000))
img bad64 "url('data:image/png;base64,${long}!!')"
ok_eq "a data: URI with bad base64: exit 1" "$rc" 1
ok_match "… naming where" "$(cat bad64.err)" "bad base64 at byte 2023 of the data: URI"
ok_if "… quoting at most 60 bytes of it" test "$(wc -c <bad64.err)" -lt 300
img notpng "url('data:image/png;base64,$(printf 'GIF89a......' | base64 -w0)')"
ok_eq "a data: URI that is not a PNG: exit 1" "$rc" 1
ok_match "… named by its first bytes" "$(cat notpng.err)" "data:image/png;base64,R0lG[A-Za-z0-9]*: not a PNG file"
img plain "url('data:image/png,abc')"
ok_match "a data: URI without base64: refused with the reason" "$(cat plain.err)" "only base64 data: URIs are read"
# ---- JPEG images: passed through as DCT data after a check of the header
pdftoppm -jpeg -r 30 -singlefile -f 1 -l 1 fr.pdf base
pdftoppm -jpeg -jpegopt progressive=y -r 30 -singlefile -f 1 -l 1 fr.pdf prog
img jpg "base.jpg"
ok_eq "a baseline JPEG: exit 0" "$rc" 0
ok_match "… embedded as JPEG (DCT) data at its 30 dpi" "$(pdfimages -list jpg.pdf | awk 'NR == 3 { print $4 "x" $5, $9, $13 }')" "^42x42 jpeg 30$"
img prog "prog.jpg"
ok_eq "a progressive JPEG: exit 0, jpeg" "$rc|$(pdfimages -list prog.pdf | awk 'NR == 3 { print $9 }')" "0|jpeg"
img jdata "url('data:image/jpeg;base64,$(base64 -w0 base.jpg)')"
ok_eq "a JPEG in a data: URI: exit 0" "$rc" 0
head -c 400 base.jpg >trunc.jpg
img trunc "trunc.jpg"
ok_eq "a truncated JPEG: exit 1" "$rc" 1
ok_match "… saying so" "$(cat trunc.err)" "trunc.jpg: damaged JPEG"
python3 -c "
import sys
d = bytearray(open('base.jpg', 'rb').read())
i = d.find(b'\xff\xc0')
d[i + 1] = 0xc3
open('lossless.jpg', 'wb').write(d)"
img lossless "lossless.jpg"
ok_eq "a lossless JPEG (SOF3): exit 1" "$rc" 1
ok_match "… naming the kind" "$(cat lossless.err)" "lossless, hierarchical or arithmetic-coded, SOF3"
# fill bytes (0xFF before a marker) are legal JPEG, but libharu reads the
# markers up to the frame header two bytes at a time: there they are
# refused by name, after it (libharu has stopped reading) they pass
python3 -c "
d = bytearray(open('base.jpg', 'rb').read())
i = d.find(b'\xff\xc0')
j = i + 2 + (d[i + 2] << 8 | d[i + 3])
after = d[:j] + b'\xff\xff' + d[j:]
open('fill-after.jpg', 'wb').write(after)
sof = d[i:j]
open('two-sof.jpg', 'wb').write(d[:j] + sof + d[j:])
d[i:i] = b'\xff\xff'
open('fill-before.jpg', 'wb').write(d)"
img fillb "fill-before.jpg"
ok_eq "fill bytes before the frame header: exit 1" "$rc" 1
ok_match "… saying so" "$(cat fillb.err)" "fill-before.jpg: a JPEG with fill bytes before its frame header"
img filla "fill-after.jpg"
ok_eq "fill bytes after it: exit 0, embedded as jpeg" \
    "$rc|$(pdfimages -list filla.pdf 2>/dev/null | awk 'NR == 3 { print $9 }')" "0|jpeg"
img twosof "two-sof.jpg"
ok_eq "two frame headers: exit 1" "$rc" 1
ok_match "… saying so" "$(cat twosof.err)" "two-sof.jpg: damaged JPEG \\(a second frame header"

# ---- length expressions (XSL 1.1 §5.9): + - * div and parentheses, on
# every length property
cat >ex.fo <<EOF2
$HEAD<fo:layout-master-set><fo:simple-page-master master-name="a" page-width="400pt" page-height="300pt" margin="10pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="a"><fo:flow flow-name="xsl-region-body" font-family="宋体" font-size="10pt">
<fo:block start-indent="1in + 10pt">甲</fo:block>
<fo:block start-indent="(300pt - 100pt) div 2">乙</fo:block>
<fo:block start-indent="2 * (5mm + 3pt) - 1cm">丙</fo:block>
<fo:table table-layout="fixed" width="1in + 10pt + 10pt"><fo:table-column column-width="100%"/><fo:table-body>
<fo:table-row><fo:table-cell border="1pt solid black"><fo:block text-align="end">丁</fo:block></fo:table-cell></fo:table-row>
</fo:table-body></fo:table></fo:flow></fo:page-sequence></fo:root>
EOF2
"$GW" render ex.fo -o ex.pdf 2>ex.err; rc=$?
ok_eq "length expressions: exit 0" "$rc" 0
ok_if "… with no warning" sh -c "! grep -q 'bad\|unknown' ex.err"
xmin() { pdftotext -bbox ex.pdf - 2>/dev/null | grep ">$1<" | sed -n 's/.*xMin="\([0-9.]*\)".*/\1/p'; }
ok_match "1in + 10pt: 10 + 72 + 10 = 92 pt" "$(xmin 甲)" "^92\.0"
ok_match "(300pt - 100pt) div 2: 10 + 100 = 110 pt" "$(xmin 乙)" "^110\.0"
ok_match "2 * (5mm + 3pt) - 1cm: 10 + 2*(14.173+3) - 28.346 = 16.0 pt" "$(xmin 丙)" "^16\.0"
ok_match "a table 1in + 10pt + 10pt wide: its end-aligned cell ends at 10 + 92 = 102 pt" \
    "$(pdftotext -bbox ex.pdf - | grep '>丁<' | sed -n 's/.*xMax="\([0-9.]*\)".*/\1/p')" "^10[01]\."
sed 's|start-indent="1in + 10pt"|start-indent="1in + 2"|' ex.fo >ex2.fo
"$GW" render ex2.fo -o ex2.pdf 2>ex2.err
ok_match "a length plus a number is reported" "$(cat ex2.err)" "start-indent"

# ---- properties the layout does not draw on an element: a warning naming
# the property (they were silently ignored); the per-side border
# properties docs/fo-subset.md lists are drawn
cat >nd.fo <<EOF2
$HEAD<fo:layout-master-set><fo:simple-page-master master-name="a" page-width="300pt" page-height="300pt" margin="10pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="a"><fo:flow flow-name="xsl-region-body" font-family="宋体" font-size="10pt">
<fo:table table-layout="fixed" width="100pt"><fo:table-column column-width="100pt"/><fo:table-body>
<fo:table-row background-color="yellow"><fo:table-cell><fo:block>甲</fo:block></fo:table-cell></fo:table-row>
<fo:table-row break-before="page"><fo:table-cell><fo:block>乙</fo:block></fo:table-cell></fo:table-row>
<fo:table-row><fo:table-cell><fo:block break-before="page">丙</fo:block></fo:table-cell></fo:table-row>
</fo:table-body></fo:table>
<fo:list-block provisional-distance-between-starts="20pt"><fo:list-item border="1pt solid blue" margin-left="10pt"><fo:list-item-label end-indent="label-end()"><fo:block>•</fo:block></fo:list-item-label><fo:list-item-body start-indent="30pt"><fo:block>丁</fo:block></fo:list-item-body></fo:list-item></fo:list-block>
<fo:block space-before="20pt" border-top-style="solid" border-top-width="4pt" border-top-color="black">戊</fo:block>
</fo:flow></fo:page-sequence></fo:root>
EOF2
"$GW" render nd.fo -o nd.pdf 2>nd.err; rc=$?
ok_eq "not-drawn properties: still exit 0" "$rc" 0
ok_if "background-color on fo:table-row: drawn now, no warning" sh -c "! grep -q 'table-row: background' nd.err"
ok_if "break-before on fo:table-row: a page break now, no warning" sh -c "! grep -q 'table-row: break' nd.err"
ok_eq "… 乙 starts page 2" "$(pdftotext -f 2 -l 2 nd.pdf - | tr -d '\f' | grep -v '^$' | head -1)" "乙"
pdftoppm -r 72 -f 1 -l 1 -singlefile nd.pdf ndc
ok_eq "… and the yellow row behind 甲 (the cell has no background of its own)" "$(python3 -c "
d = open('ndc.ppm', 'rb').read().split(b'\n', 3)
w, h = map(int, d[1].split()); px = d[3]
print(sum(1 for i in range(0, len(px), 3) if px[i] > 200 and px[i + 1] > 200 and px[i + 2] < 80) > 200)")" True
ok_match "break-before inside a cell is named" "$(cat nd.err)" "nd.fo:6: fo:block: break-before/break-after inside a table cell is ignored"
ok_match "border on fo:list-item is named" "$(cat nd.err)" "fo:list-item: border is not drawn"
ok_match "margin-left on fo:list-item is named" "$(cat nd.err)" "fo:list-item: margin-left is not drawn"
ok_match "start-indent on fo:list-item-body is named" "$(cat nd.err)" "fo:list-item-body: start-indent is not drawn"
ok_if "border-top-style/-width/-color are known properties now" sh -c "! grep -q 'unknown property' nd.err"
pdftoppm -r 72 -gray -f 2 -l 2 -singlefile nd.pdf nd
y=$(pdftotext -f 2 -l 2 -bbox nd.pdf - | grep '>戊<' | sed -n 's/.*yMin="\([0-9]*\)\..*/\1/p')
dark=$(python3 -c "
import sys
d = open('nd.pgm', 'rb').read().split(b'\n', 3)
w, h = map(int, d[1].split()); px = d[3]
y = int(sys.argv[1])
rows = [sum(1 for x in range(20, 100) if px[r * w + x] < 100) for r in range(max(0, y - 8), y)]
print(max(rows))" "$y")
ok_if "… and the 4 pt top border is drawn above 戊 ($dark dark pixels in a row)" test "$dark" -ge 60

# ---- widows="0" and orphans="0" are integers XSL allows ("bad value" before)
sed 's|<fo:block>S vbÉgl|<fo:block widows="0" orphans="0">S vbÉgl|' lat.fo >wo.fo
"$GW" render wo.fo -o wo.pdf 2>wo.err; rc=$?
ok_eq "widows=\"0\" orphans=\"0\": exit 0" "$rc" 0
ok_if "… without a warning about them" sh -c "! grep -q 'widows\|orphans' wo.err"
sed 's|<fo:block>S vbÉgl|<fo:block widows="two">S vbÉgl|' lat.fo >wx.fo
"$GW" render wx.fo -o wx.pdf 2>wx.err
ok_match "widows=\"two\" is still reported" "$(cat wx.err)" "widows"

# ---- break-before / break-after on body rows: page breaks between rows,
# the header repeated (they were ignored: a table of five pages took one)
cat >rowbr.fo <<EOF2
$HEAD<fo:layout-master-set><fo:simple-page-master master-name="a" page-width="300pt" page-height="200pt" margin="10pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="a"><fo:flow flow-name="xsl-region-body" font-family="AR PL UMing CN" font-size="10pt">
<fo:table><fo:table-column column-width="100pt"/>
<fo:table-header><fo:table-row><fo:table-cell><fo:block>表头</fo:block></fo:table-cell></fo:table-row></fo:table-header>
<fo:table-body>
<fo:table-row><fo:table-cell><fo:block>一</fo:block></fo:table-cell></fo:table-row>
<fo:table-row break-before="page"><fo:table-cell><fo:block>二</fo:block></fo:table-cell></fo:table-row>
<fo:table-row break-after="page"><fo:table-cell><fo:block>三</fo:block></fo:table-cell></fo:table-row>
<fo:table-row><fo:table-cell><fo:block>四</fo:block></fo:table-cell></fo:table-row>
<fo:table-row page-break-before="always"><fo:table-cell><fo:block>五</fo:block></fo:table-cell></fo:table-row>
</fo:table-body></fo:table>
</fo:flow></fo:page-sequence></fo:root>
EOF2
"$GW" -q render rowbr.fo -o rowbr.pdf 2>rowbr.err
pg() { pdftotext -f "$1" -l "$1" rowbr.pdf - | tr -d '\f' | grep -v '^$' | tr '\n' ' '; }
ok_eq "row breaks: four pages, each with the header" "$(pdfinfo rowbr.pdf | awk '/^Pages:/ { print $2 }')|$(pg 1)|$(pg 2)|$(pg 3)|$(pg 4)" \
    "4|表头 一 |表头 二 三 |表头 四 |表头 五 "

# ---- percentages in start-indent, end-indent and text-indent: of the
# containing reference area's width (they counted as 0, silently)
cat >pct.fo <<EOF2
$HEAD<fo:layout-master-set><fo:simple-page-master master-name="a" page-width="300pt" page-height="200pt" margin="0pt"><fo:region-body margin-left="50pt" margin-right="50pt"/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="a"><fo:flow flow-name="xsl-region-body" font-family="AR PL UMing CN" font-size="10pt">
<fo:block start-indent="10%">甲</fo:block>
<fo:block start-indent="50% + 10pt">乙</fo:block>
<fo:block-container width="100pt"><fo:block start-indent="50%">丙</fo:block></fo:block-container>
<fo:block end-indent="50%" text-align="end">丁</fo:block>
<fo:block text-indent="25%">戊</fo:block>
<fo:block margin-left="10%">己</fo:block>
<fo:block margin="0pt 0pt 0pt 5%">庚</fo:block>
</fo:flow></fo:page-sequence></fo:root>
EOF2
"$GW" -q render pct.fo -o pct.pdf 2>pct.err; rc=$?
ok_eq "percent indents: exit 0, no warning" "$rc|$(cat pct.err)" "0|"
px() { pdftotext -bbox pct.pdf - | grep ">$1<" | sed 's/.*xMin="\([0-9.]*\)".*/\1/' | awk '{ printf "%.1f", $1 }'; }
ok_eq "start-indent=\"10%\": 50 + 20 of a 200 pt body" "$(px 甲)" "70.0"
ok_eq "start-indent=\"50% + 10pt\": 50 + 110" "$(px 乙)" "160.0"
ok_eq "… of the block-container's 100 pt inside it" "$(px 丙)" "100.0"
ok_eq "end-indent=\"50%\": the line ends at 150 (丁 at 140)" "$(px 丁)" "140.0"
ok_eq "text-indent=\"25%\": 50 + 50" "$(px 戊)" "100.0"
ok_eq "margin-left=\"10%\": as start-indent" "$(px 己)" "70.0"
ok_eq "margin=\"0pt 0pt 0pt 5%\": the left margin 10 pt" "$(px 庚)" "60.0"
done_testing
