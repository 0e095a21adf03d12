#!/bin/sh
# t_render_damaged_png.sh — regression: a damaged PNG in fo:external-graphic
# (truncated, a bad IDAT CRC, bad zlib data or checksum, an IHDR of
# 100000x100000 with almost no data) made libpng abort() inside libharu's
# PNG loader (SIGABRT).  image.c now decodes and checks every PNG itself:
# each damaged file is refused with exit status 1 and a message naming the
# FO line, the file and the defect, and nothing is left behind; the PNG
# kinds libharu used to take (or refused: an iCCP chunk) render, RGBA with
# a soft mask.  The files come from tests/fixtures/png/gen.py.
. "$(dirname "$0")/lib.sh"

python3 "$TOP/tests/fixtures/png/gen.py" "$T" || exit 2
cd "$T" || exit 2

# fo FILE [ATTRS] [BACKGROUND]: an FO document showing FILE on line 8
fo() {
    cat <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="p" page-width="300pt" page-height="300pt" margin="20pt"><fo:region-body/></fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="p">
    <fo:flow flow-name="xsl-region-body" font-family="宋体">
      <fo:block background-color="${3:-#FFFFFF}"><fo:external-graphic src="url('$1')" ${2:-}/></fo:block>
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
}

# -------------------------------------------------------- damaged: refused
refused() {     # refused FILE REGEX
    name=${1%.*}
    fo "$1" >"bad-$name.fo"
    "$GW" -q render "bad-$name.fo" -o "bad-$name.pdf" >"bad-$name.out" 2>&1
    rc=$?
    ok_eq "$1: exit status 1 (no abort)" "$rc" 1
    ok_match "$1: the message names the FO line, the file and the defect" \
        "$(cat "bad-$name.out")" "^gongwen: bad-$name\\.fo:8: fo:external-graphic: \\./$2\$"
    ok_if "$1: no PDF left" test ! -e "bad-$name.pdf"
    ok_eq "$1: no temporary file left" "$(ls | grep -c '\.tmp\.')" 0
}
refused truncated.png 'truncated\.png: damaged PNG: the file ends too early \(truncated\)'
refused bad-crc.png 'bad-crc\.png: damaged PNG: IDAT: CRC error'
# zlib's own words follow "IDAT: " (invalid block type, incorrect data check)
refused bad-zlib.png 'bad-zlib\.png: damaged PNG: IDAT: .+'
refused bad-adler.png 'bad-adler\.png: damaged PNG: IDAT: .*(check|checksum|adler).*'
refused huge.png 'huge\.png: image 100000x100000 is larger than the cap of 16384 pixels per side'
refused too-many.png 'too-many\.png: image 8000x8000 is larger than the cap of 40000000 pixels'
refused short-data.png 'short-data\.png: damaged PNG: .+'
refused empty.png 'empty\.png: not a PNG file \(the file is empty\)'
refused photo.jpg 'photo\.jpg: damaged JPEG \(no frame header\)'

# ------------------------------------------------------------ good: render
# rendered FILE: pdfimages -list of it, "" when it failed
rendered() {
    name=${1%.*}
    fo "$1" 'content-width="100pt"' >"good-$name.fo"
    if "$GW" render "good-$name.fo" -o "good-$name.pdf" >"good-$name.out" 2>&1; then
        pdfimages -list "good-$name.pdf" | awk 'NR > 2 { print $3, $4, $5, $6, $8 }' | tr '\n' ';'
    fi
}
ok_eq "RGBA: an 8-bit RGB image and an 8-bit grey soft mask, 40x20" \
    "$(rendered rgba.png)" "image 40 20 rgb 8;smask 40 20 gray 8;"
ok_eq "2-bit palette: expanded to 8-bit RGB, no mask" "$(rendered palette.png)" \
    "image 30 12 rgb 8;"
ok_eq "16-bit RGB: stripped to 8 bits" "$(rendered rgb16.png)" "image 20 10 rgb 8;"
ok_eq "Adam7-interlaced: combined" "$(rendered interlaced.png)" "image 17 11 rgb 8;"
ok_eq "1-bit grey: expanded to 8-bit grey" "$(rendered gray1.png)" "image 24 8 gray 8;"
ok_eq "a bad iCCP profile is a warning, the image renders" "$(rendered iccp.png)" \
    "image 16 16 rgb 8;"
ok_match "... and the warning names the FO line, the file and the chunk" \
    "$(cat good-iccp.out)" "warning: good-iccp\\.fo:8: fo:external-graphic: \\./iccp\\.png: libpng: iCCP: "

# The pixels really arrive: RGBA over a yellow block shows red where it is
# opaque, the yellow background where it is transparent and a blend of
# green and yellow under the half-transparent band; the palette's stripes
# come out red, green, blue and white.  (40x20 px at 5 pt a pixel, 300 pt
# page from 20 pt; pdftoppm at 72 dpi: 1 px a point)
fo rgba.png 'content-width="200pt"' '#FFFF00' >vis-rgba.fo
fo palette.png 'content-width="150pt"' >vis-palette.fo
"$GW" -q render vis-rgba.fo -o vis-rgba.pdf && pdftoppm -r 72 vis-rgba.pdf vis-rgba
"$GW" -q render vis-palette.fo -o vis-palette.pdf && pdftoppm -r 72 vis-palette.pdf vis-palette
px() {  # px PPM X Y -> "R G B"
    python3 - "$@" <<'PY'
import sys
d = open(sys.argv[1], "rb").read().split(b"\n", 3)
w = int(d[1].split()[0]); x, y = int(sys.argv[2]), int(sys.argv[3])
print(*d[3][(y * w + x) * 3:(y * w + x) * 3 + 3])
PY
}
# the image's bottom sits on the baseline of the block's only line; find its
# top: the first row, going down column 30, that is red
top=$(python3 - vis-rgba-1.ppm <<'PY'
import sys
d = open(sys.argv[1], "rb").read().split(b"\n", 3)
w = int(d[1].split()[0])
for y in range(300):
    r, g, b = d[3][(y * w + 30) * 3:(y * w + 30) * 3 + 3]
    if r > 240 and g < 20 and b < 20:
        print(y); break
PY
)
ok_match "RGBA: the opaque red half is drawn" "${top:-none}" '^[0-9]+$'
top=${top:-0}
ok_eq "RGBA: the transparent half shows the yellow background" \
    "$(px vis-rgba-1.ppm 170 $((top + 20)))" "255 255 0"
ok_match "RGBA: the half-transparent band blends green into yellow" \
    "$(px vis-rgba-1.ppm 100 $((top + 87)))" '^12[0-9] 20[0-9] 0$'
stripes=$(python3 - vis-palette-1.ppm <<'PY'
import sys
d = open(sys.argv[1], "rb").read().split(b"\n", 3)
w, h = map(int, d[1].split())
name = {(255, 0, 0): "red", (0, 255, 0): "green", (0, 0, 255): "blue"}
for y in range(h):
    row = [tuple(d[3][(y * w + x) * 3:(y * w + x) * 3 + 3]) for x in range(w)]
    if (255, 0, 0) in row:
        seen = []
        for p in row:
            n = name.get(p)
            if n and (not seen or seen[-1] != n):
                seen.append(n)
        print(" ".join(seen[:4])); break
PY
)
ok_eq "palette: the stripes come out red, green, blue" "$stripes" "red green blue red"

# one file shown twice is decoded and embedded once
cat >twice.fo <<EOF
$(fo rgba.png | sed 's|</fo:block>|<fo:external-graphic src="rgba.png"/></fo:block>|')
EOF
ok_if "the same file twice renders" "$GW" -q render twice.fo -o twice.pdf
ok_eq "... as one image object (and one mask) drawn twice" \
    "$(pdfimages -list twice.pdf | awk 'NR > 2 { n[$3]++; if ($3 == "image") o[$11] = 1 }
        END { print n["image"], n["smask"], length(o) }')" "2 2 1"
done_testing
