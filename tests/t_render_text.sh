#!/bin/sh
# t_render_text.sh — gongwen render on inline text: exact text round trip,
# clreq line breaking on a crafted paragraph, colours and document info,
# determinism, stdin, and the errors: missing glyph, unknown element,
# unknown property (warning), bad XML, entities, bad usage.
. "$(dirname "$0")/lib.sh"

FO="$TOP/tests/fo/text.fo"
ok_if "render text.fo" "$GW" -q render "$FO" -o "$T/text.pdf"
raw=$(pdftotext -raw "$T/text.pdf" -)

ok_match "mixed Chinese, Latin and digits come back exactly" "$raw" \
    '^混排测试：GB/T 9704-2012 规定版心 156 mm × 225 mm，每行 28 个字。$'
ok_match "inline runs in other fonts and colours keep reading order" "$raw" \
    '^颜色与字重：红色文字、黑体加粗、蓝色。$'
ok_match "linefeed-treatment=preserve breaks the line" "$(printf '%s\n' "$raw" | tr '\n' '|')" \
    '\|第一行\|第二行\|'
# the crafted paragraphs, joined, are the source text character for character
src=$(python3 -c '
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
print("".join(re.findall(r"<fo:block id=\"kinsoku2?\"[^>]*>([^<]*)</fo:block>", s)))' "$FO")
got=$(printf '%s\n' "$raw" | awk '/^甲乙丙/ { f = 1 } /^字/ { f = 0 } f' | tr -d '\n')
ok_eq "kinsoku paragraphs round-trip character for character" "$got" "$src"

# clreq: no forbidden line starts or ends (lines of the two paragraphs)
lines=$(printf '%s\n' "$raw" | awk '/^甲乙丙/ { f = 1 } /^字/ { f = 0 } f')
ok_eq "no line starts with a closing mark" \
    "$(printf '%s\n' "$lines" | grep -c '^[，。、；：？！）》」』〕】”’]')" 0
ok_eq "no line ends with an opening mark" \
    "$(printf '%s\n' "$lines" | grep -c '[（《「『〔【“‘]$')" 0
ok_eq "—— and …… are never split" \
    "$(printf '%s\n' "$lines" | grep -c '^—\|—$\|^…\|…$')" 0
ok_match "lines are full: 28 characters of 16 pt on 160 mm" \
    "$(printf '%s\n' "$lines" | head -3 | python3 -c 'import sys; print(*[len(l.strip()) for l in sys.stdin])')" '^2[78] 2[78] 2[78]$'

# colours, alignment and info
xml=$(pdftohtml -xml -i -stdout "$T/text.pdf" 2>/dev/null)
ok_match "red inline text is red" "$xml" 'color="#ff0000"'
ok_match "blue inline text is blue" "$xml" 'color="#0000ff"'
ok_match "centred line is centred on the 160 mm column" \
    "$(pdftotext -bbox "$T/text.pdf" - | grep '居中的一行' | sed 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*/\1 \2/' |
       awk '{ c = ($1 + $2) / 2; print (c > 296.6 && c < 298.6) ? "centred" : c }')" '^centred$'
ok_match "end-aligned line ends at the right margin" \
    "$(pdftotext -bbox "$T/text.pdf" - | grep '右对齐的一行' | sed 's/.*xMax="\([0-9.]*\)".*/\1/' |
       awk '{ print ($1 > 523.4 && $1 < 525.4) ? "right" : $1 }')" '^right$'
info=$(pdfinfo "$T/text.pdf")
ok_match "title from gw:title" "$info" 'Title: +文本测试'
ok_match "author from gw:author" "$info" 'Author: +测试作者'
ok_match "subject from gw:subject" "$info" 'Subject: +往返'
ok_match "fonts are embedded TrueType subsets" "$(pdffonts "$T/text.pdf" | tail -n +3)" 'yes'

ok_eq "letter-spacing=2pt adds 2 pt after each 12 pt character" "$(pdftotext -bbox "$T/text.pdf" - |
    grep '>字距加宽<' | sed 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*/\1 \2/' |
    awk '{ printf "%.1f", $2 - $1 }')" "54.0"

# determinism and stdin
ok_if "a second render" "$GW" -q render "$FO" -o "$T/text2.pdf"
ok_if "two renders give the same bytes" cmp "$T/text.pdf" "$T/text2.pdf"
ok_if "render from standard input" sh -c "'$GW' -q render - -o '$T/stdin.pdf' < '$FO'"
ok_eq "stdin gives the same text" "$(pdftotext -raw "$T/stdin.pdf" - | head -1)" \
    "$(printf '%s\n' "$raw" | head -1)"

"$GW" render --verbose "$FO" -o "$T/verbose.pdf" 2>"$T/verbose.err"
ok_match "--verbose says which file serves each font-family" "$(cat "$T/verbose.err")" \
    'font-family "黑体" bold: /[^ ]+\.(tt[fc]|otf)'

# --- errors
mk() {  # mk NAME BODY: a one-page FO with BODY in the flow
    cat >"$T/$1.fo" <<EOT
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
$2
</fo:flow></fo:page-sequence></fo:root>
EOT
}
mk deco '<fo:block font-size="20pt">前<fo:inline text-decoration="underline">下划线文字</fo:inline>后</fo:block>'
"$GW" -q render "$T/deco.fo" -o "$T/deco.pdf"
pdftoppm -r 72 "$T/deco.pdf" "$T/deco"
ok_eq "text-decoration=underline rules the five characters only" "$(python3 - "$T"/deco-1.ppm <<'PY'
import sys
d = open(sys.argv[1], "rb").read(); p = d.split(b"\n", 3)
w, h = map(int, p[1].split()); px = p[3]
best = 0
for y in range(h):
    run = n = 0
    for x in range(w):
        i = 3 * (y * w + x)
        n = n + 1 if px[i] < 100 and px[i + 1] < 100 and px[i + 2] < 100 else 0
        run = max(run, n)
    best = max(best, run)
print(90 <= best <= 110)   # 5 x 20 pt at 72 dpi
PY
)" "True"

mk fit '<fo:block font-size="30pt" text-align="center" gw:fit-to-width="true" xmlns:gw="urn:gongwen:fo">中共某某市委人才工作领导小组办公室文件</fo:block>'
"$GW" -q render "$T/fit.fo" -o "$T/fit.pdf"
ok_eq "gw:fit-to-width narrows a too-wide line to one line of the column" "$(pdftotext -bbox "$T/fit.pdf" - |
    grep -c '<word')|$(pdftotext -bbox "$T/fit.pdf" - | grep '<word' | sed 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*/\1 \2/' |
    awk '{ print ($1 >= 56.6 && $2 <= 538.7 && $2 - $1 > 470) ? "fits" : $1 " " $2 }')" "1|fits"

mk missing '<fo:block>私用区字符：</fo:block>'
"$GW" -q render "$T/missing.fo" -o "$T/missing.pdf" 2>"$T/err" && rc=0 || rc=$?
ok_eq "a character no font has fails with status 1" "$rc" 1
ok_match "the message names the code point, the character and the line" "$(cat "$T/err")" \
    'missing\.fo:5: character U\+F8FF .* has no glyph'
ok_if "no PDF is left behind after an error" test ! -e "$T/missing.pdf"
ok_if "no temporary file is left behind" sh -c "! ls '$T' | grep -q 'missing.pdf.tmp'"
"$GW" render --allow-missing-glyphs "$T/missing.fo" -o "$T/missing.pdf" 2>"$T/err" && rc=0 || rc=$?
ok_eq "--allow-missing-glyphs renders anyway" "$rc" 0
ok_match "... with a warning naming U+F8FF" "$(cat "$T/err")" 'warning: .*U\+F8FF'

mk unknown '<fo:block>正文</fo:block>
<fo:float><fo:block>浮动</fo:block></fo:float>'
"$GW" -q render "$T/unknown.fo" -o "$T/unknown.pdf" 2>"$T/err" && rc=0 || rc=$?
ok_eq "an element outside the subset is an error" "$rc" 1
ok_match "... naming the element and its line" "$(cat "$T/err")" 'unknown\.fo:6: fo:float is not in the supported subset'

mk prop '<fo:block colour="red" font-size="12pt">正文</fo:block>'
"$GW" render "$T/prop.fo" -o "$T/prop.pdf" 2>"$T/err" && rc=0 || rc=$?
ok_eq "an unknown property is not fatal" "$rc" 0
ok_match "... but a warning with file, line and name" "$(cat "$T/err")" \
    "warning: .*prop\.fo:5: fo:block: unknown property 'colour' ignored"

mk badval '<fo:block font-size="huge">正文</fo:block>'
"$GW" -q render "$T/badval.fo" -o "$T/badval.pdf" 2>"$T/err" && rc=0 || rc=$?
ok_eq "a bad property value is an error" "$rc" 1
ok_match "... naming line, property and value" "$(cat "$T/err")" "badval\.fo:5: fo:block: bad font-size 'huge'"

mk inflow '<fo:inline>行内</fo:inline>'
"$GW" -q render "$T/inflow.fo" -o "$T/inflow.pdf" 2>"$T/err" && rc=0 || rc=$?
ok_match "an inline directly in the flow is an error with its line" "$rc $(cat "$T/err")" \
    '^1 .*inflow\.fo:5: fo:inline is not allowed directly in fo:flow'

printf '<?xml version="1.0"?>\n<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">\n<fo:block>\n</fo:root>\n' >"$T/bad.fo"
"$GW" -q render "$T/bad.fo" -o "$T/bad.pdf" 2>"$T/err" && rc=0 || rc=$?
ok_match "malformed XML: status 1 and the line" "$rc $(cat "$T/err")" '^1 .*bad\.fo:[0-9]+: '

printf '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaa">]>\n<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">&a;</fo:root>\n' >"$T/ent.fo"
"$GW" -q render "$T/ent.fo" -o "$T/ent.pdf" 2>"$T/err" && rc=0 || rc=$?
ok_match "a DOCTYPE declaring entities is refused" "$rc $(cat "$T/err")" '^1 .*entities'

"$GW" -q render "$FO" 2>"$T/err" && rc=0 || rc=$?
ok_eq "no -o is a usage error (64)" "$rc" 64
"$GW" -q render "$T/nonexistent.fo" -o "$T/x.pdf" 2>"$T/err" && rc=0 || rc=$?
ok_eq "an unreadable input is a file error (2)" "$rc" 2
done_testing
