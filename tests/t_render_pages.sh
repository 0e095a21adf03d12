#!/bin/sh
# t_render_pages.sh — page masters and everything around the flow: first /
# odd / even / blank / last masters, "— N —" page numbers placed by parity,
# force-page-count, break-before odd-page, initial-page-number, a forward
# page-number-citation, bookmarks (PDF outline), an internal link, a rule
# leader (pixels), an absolute block-container, a PNG and an SVG, and a
# landscape page sequence.
. "$(dirname "$0")/lib.sh"

cp "$TOP/tests/fo/pages.fo" "$TOP/tests/fo/red-square.png" "$T/"
ok_if "render pages.fo" "$GW" -q render "$T/pages.fo" -o "$T/pages.pdf"
page() { pdftotext -f "$1" -l "$1" -layout "$T/pages.pdf" - | grep -v '^[[:space:]]*$' | sed 's/^ *//; s/^— *\([0-9]*\) *—$/— \1 —/'; }

ok_eq "8 pages: 3 of text, a blank to end on even, landscape + blank, two more" \
    "$(pdfinfo "$T/pages.pdf" | awk '/^Pages:/ { print $2 }')" 8
ok_eq "page 1 uses the first-page master" "$(page 1 | head -1)" "首页页眉"
ok_eq "page 2 uses the even master" "$(page 2 | head -1)" "普通页眉"
ok_match "fo:page-number inside the flow shows its page" "$(page 2)" '第二页正文，本页是第2页。'
ok_match "break-before=odd-page put 第二章 on page 3" "$(page 3)" '第二章 附则'
ok_eq "force-page-count=end-on-even added a blank page from the blank master" \
    "$(page 4 | tr '\n' '|')" "此页无正文|"
ok_eq "the landscape sequence's page is A4 landscape" \
    "$(pdfinfo -f 5 -l 5 "$T/pages.pdf" | awk '/Page +5 size/ { print $4, $6 }')" "841.89 595.276"
ok_match "its text is upright and readable" "$(page 5 | head -1)" '^横排页面正文$'
# region-start turned 270: the number runs down the left strip (x 56.7-113.4),
# centred on its height (centre 297.6), characters in reading order
ok_eq "a turned region's text runs down its strip" "$(pdftotext -f 5 -l 5 -bbox "$T/pages.pdf" - |
    python3 -c '
import re, sys
w = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in
     re.findall(r"xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\">([^<]*)<", sys.stdin.read())]
s = [x for x in w if x[2] < 113.4]
ys = [x[1] for x in s]
c = (min(ys) + max(x[3] for x in s)) / 2
print("".join(x[4] for x in sorted(s, key=lambda x: x[1])), all(x[0] >= 56.6 for x in s),
      ys == sorted(ys), abs(c - 297.6) < 3)')" "—5— True True True"
ok_eq "... drawn turned: the half-width digit is 14 pt across the strip and 7 pt along it" \
    "$(pdftotext -f 5 -l 5 -bbox "$T/pages.pdf" - | awk -F'"' '/>5</ { print ($6 - $2 > 12 && $8 - $4 < 9) ? "turned" : "upright" }')" "turned"
ok_eq "force-page-count=auto before initial-page-number=auto-odd adds a blank page 6" \
    "$(page 6 | tr '\n' ' ')" "— 6 — "
ok_eq "... in the landscape sequence's master" \
    "$(pdfinfo -f 6 -l 6 "$T/pages.pdf" | awk '/Page +6 size/ { print $4, $6 }')" "841.89 595.276"
ok_eq "the third sequence starts on page 7 (odd) with its first-page master" \
    "$(page 7 | head -1)" "首页页眉"
ok_eq "page-position=last picks the last-page master" "$(page 8 | head -1)" "末页页眉"

# page numbers: odd pages end 16 pt in from the right of the region, even
# pages start 16 pt in from the left (pdftotext -bbox words "—", "N", "—")
bbox=$(pdftotext -bbox "$T/pages.pdf" -)
num_x() {   # num_x PAGE: xMin and xMax of the page-number line
    printf '%s\n' "$bbox" | awk -v p="$1" '
        /<page / { n++ } n == p && /<word/ && /yMin="7[0-9][0-9]\./ {
            match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART + 6, RLENGTH - 7)
            match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART + 6, RLENGTH - 7)
            x0 += 0; x1 += 0; if (min == "" || x0 < min) min = x0; if (x1 > max) max = x1 }
        END { printf "%.1f %.1f", min, max }'
}
ok_eq "page 1: — 1 — ends at 595.28-56.69-16 (odd)" "$(num_x 1 | cut -d' ' -f2)" "522.6"
ok_eq "page 2: — 2 — starts at 56.69+16 (even)" "$(num_x 2 | cut -d' ' -f1)" "72.7"
ok_eq "page 3: — 3 — ends at the right again" "$(num_x 3 | cut -d' ' -f2)" "522.6"
ok_eq "page numbers read — N —" "$(page 2 | tail -1)" "— 2 —"

# a fixed-height block-container with display-align=after: its text sits at
# the bottom of its 100 mm, and what follows comes after the 100 mm
yb() { printf '%s\n' "$bbox" | awk -v p="$1" -v w="$2" '/<page / { n++ } n == p && index($0, ">" w "<") {
    match($0, /yMax="[0-9.]+"/); print substr($0, RSTART + 6, RLENGTH - 7) }'; }
ok_eq "display-align=after puts the container's text at its bottom" \
    "$(awk -v a="$(yb 3 附则正文。)" -v b="$(yb 3 底部对齐)" 'BEGIN { d = b - a; print (d > 270 && d < 284) ? "bottom" : d }')" "bottom"
ok_eq "the container takes its height in the flow" \
    "$(awk -v a="$(yb 3 底部对齐)" -v b="$(yb 3 容器之后)" 'BEGIN { d = b - a; print (d > 10 && d < 16) ? "after" : d }')" "after"
ok_match "page-number-citation resolves a forward reference" "$(page 1)" '附则见第3页。'
outline=$(pdftohtml -xml -i -stdout "$T/pages.pdf" 2>/dev/null | sed -n '/<outline>/,$p')
ok_match "bookmark titles in Chinese, pointing at their pages" "$(printf '%s' "$outline" | tr -d '\n')" \
    '<item page="1">第一章 总则</item><outline><item page="1">第一节 目的</item></outline><item page="3">第二章 附则</item>'
ok_match "the basic-link jumps to page 3" \
    "$(pdftohtml -xml -i -stdout "$T/pages.pdf" 2>/dev/null | grep '跳到附则')" 'href="[^"]*#3"'

ok_eq "absolute block-container at left 50mm, top 100mm of the region" \
    "$(printf '%s\n' "$bbox" | grep '绝对定位' | sed 's/.*xMin="\([0-9.]*\)" yMin="\([0-9.]*\)".*/\1 \2/' |
       awk '{ printf "%.1f %s", $1, ($2 > 382.7 && $2 < 386) ? "ok" : $2 }')" "198.4 ok"

# pixels at 72 dpi: the red rule spans the region (56.7 .. 538.6 pt), the
# PNG is red and the SVG green
pdftoppm -r 72 -f 1 -l 1 "$T/pages.pdf" "$T/p1"
ok_eq "rule leader, PNG and SVG are drawn" "$(python3 - "$T"/p1-1.ppm <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
parts = d.split(b"\n", 3)
w, h = map(int, parts[1].split()); px = parts[3]
def rgb(x, y):
    i = 3 * (y * w + x); return px[i], px[i + 1], px[i + 2]
red = lambda c: c[0] > 200 and c[1] < 80 and c[2] < 80
green = lambda c: c[1] > 200 and c[0] < 80 and c[2] < 80
rule = any(sum(red(rgb(x, y)) for x in range(w)) > 470 for y in range(h))
img = any(sum(red(rgb(x, y)) for x in range(w)) in range(15, 25) for y in range(h))
svg = any(green(rgb(x, y)) for y in range(h) for x in range(0, w, 2))
print(rule, img, svg)
PY
)" "True True True"
last_fo() {    # last_fo NLINES FORCE -> $T/last.pdf
    _i=1; _l=
    while [ "$_i" -le "$1" ]; do _l="$_l<fo:block line-height=\"20pt\">第${_i}行</fo:block>"; _i=$((_i + 1)); done
    sed -e "s|^LINES\$|$_l|" -e "s|FPC|$2|" "$TOP/tests/fo/last.fo" >"$T/last.fo"
    "$GW" -q render "$T/last.fo" -o "$T/last.pdf"
}
last_pages() { pdftotext -layout "$T/last.pdf" - | tr '\f' '|' | grep -v '^[[:space:]]*$' | sed 's/^ *//' | tr '\n' ' '; }

# page-position="last" with a shorter region-body (tests/fo/last.fo): a
# page holds 10 lines, the last master 7
last_fo 12 end-on-even
ok_eq "last page: 2 lines fit the last master, no extra page, its region-after drawn" \
    "$(last_pages)" "第1行 第2行 第3行 第4行 第5行 第6行 第7行 第8行 第9行 第10行 第1页 |第11行 第12行 版记 第2页 | "
ok_eq "... the region-after of the last master at its foot, below the shorter body" \
    "$(pdftotext -f 2 -l 2 -bbox "$T/last.pdf" - | awk -F'"' '/>版记</ { print ($4 > 150 && $8 < 300) ? "foot" : $4 }')" "foot"
last_fo 17 end-on-even
ok_eq "7 lines exactly fill the last master's body" \
    "$(last_pages | sed 's/.*|第11行/第11行/')" "第11行 第12行 第13行 第14行 第15行 第16行 第17行 版记 第2页 | "
last_fo 18 no-force
ok_eq "8 lines do not fit it: they stay on the even master and a blank last page follows" \
    "$(last_pages | sed 's/.*|第11行/第11行/')" "第11行 第12行 第13行 第14行 第15行 第16行 第17行 第18行 第2页 |空白页 | "
last_fo 18 end-on-even
ok_eq "... with end-on-even: a blank odd page, then the last master after a blank page (gw:after-blank)" \
    "$(last_pages | sed 's/.*第18行 //')" "第2页 |空白页 |版记无页码 | "
last_fo 3 end-on-even
ok_eq "ending on an odd page: the blank even last page takes the numbered last master" \
    "$(last_pages)" "第1行 第2行 第3行 第1页 |版记 第2页 | "
sed 's/gw:after-blank="true"/gw:after-blank="maybe"/' "$T/last.fo" >"$T/bad.fo"
"$GW" -q render "$T/bad.fo" -o "$T/bad.pdf" >"$T/bad.log" 2>&1
ok_eq "a bad gw:after-blank is an error (status 1) naming file and line" \
    "$? $(grep -c 'bad.fo:36: fo:conditional-page-master-reference: bad value .maybe. for gw:after-blank' "$T/bad.log")" "1 1"
sed 's/<fo:block line-height="20pt">第1行/<fo:block gw:after-blank="true" line-height="20pt">第1行/' "$T/last.fo" >"$T/warn.fo"
ok_match "gw:after-blank elsewhere than on a conditional-page-master-reference warns" \
    "$("$GW" render "$T/warn.fo" -o "$T/warn.pdf" 2>&1 | tr '\n' ' ')" \
    'warn.fo:[0-9]+: .*gw:after-blank belongs on fo:conditional-page-master-reference; ignored'
# Two images that alternate page by page (odd and even pages' static
# content, names of one length): each page shows its own.  The writer kept
# a pointer to the first page's path, freed with that page, and found it
# again under the next page's path: every page showed the first image.
python3 - "$T" <<'EOF'
import os, struct, sys, zlib
d = sys.argv[1]
def png(name, w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    def chunk(t, b): return struct.pack(">I", len(b)) + t + b + struct.pack(">I", zlib.crc32(t + b) & 0xffffffff)
    open(os.path.join(d, name), "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                                            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
png("ra.png", 4, 4, (255, 0, 0))
png("rb.png", 6, 3, (0, 0, 255))
spm = ('<fo:simple-page-master master-name="%s" page-width="200pt" page-height="200pt">'
       '<fo:region-body margin-bottom="30pt"/><fo:region-after region-name="a-%s" extent="30pt"/>'
       '</fo:simple-page-master>')
img = ('<fo:static-content flow-name="a-%s"><fo:block><fo:external-graphic src="%s" '
       'content-width="20pt"/></fo:block></fo:static-content>')
open(os.path.join(d, "alt.fo"), "w", encoding="utf-8").write(
    '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set>'
    + spm % ("odd", "odd") + spm % ("even", "even")
    + '<fo:page-sequence-master master-name="m"><fo:repeatable-page-master-alternatives>'
      '<fo:conditional-page-master-reference odd-or-even="odd" master-reference="odd"/>'
      '<fo:conditional-page-master-reference odd-or-even="even" master-reference="even"/>'
      '</fo:repeatable-page-master-alternatives></fo:page-sequence-master></fo:layout-master-set>'
      '<fo:page-sequence master-reference="m">' + img % ("odd", "ra.png") + img % ("even", "rb.png")
    + '<fo:flow flow-name="xsl-region-body" font-family="宋体">'
    + "".join('<fo:block break-before="page">第%d页</fo:block>' % i for i in range(1, 7))
    + '</fo:flow></fo:page-sequence></fo:root>')
EOF
"$GW" -q render "$T/alt.fo" -o "$T/alt.pdf"
ok_eq "two images alternating page by page: each page shows its own (width x height)" \
    "$(pdfimages -list "$T/alt.pdf" | awk 'NR > 2 { printf "%s:%sx%s ", $1, $4, $5 }')" \
    "1:4x4 2:6x3 3:4x4 4:6x3 5:4x4 6:6x3 "

done_testing
