#!/bin/sh
# t_fonts.sh — OpenType/CFF faces (the Fandol fonts `make deps` installs and
# any .otf an office adds) embedded as CIDFontType0 with FontFile3: what
# pdffonts, qpdf and pdftotext read back, glyph positions, the glyphs drawn
# (rasterised and measured), a name-keyed CFF (Nimbus Roman); the role table
# (`gongwen fonts`), the default documents set in real 仿宋 and a bold Song
# title, and --fonts DIR / fonts_dir searched first.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2
HEAD='<?xml version="1.0" encoding="UTF-8"?><fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="a" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="a"><fo:flow flow-name="xsl-region-body">'
TAIL='</fo:flow></fo:page-sequence></fo:root>'

cat >cff.fo <<EOF2
$HEAD
<fo:block font-family="FandolFang" font-size="16pt">关于进一步推进人才优先发展的30条措施，ABC xyz。</fo:block>
<fo:block font-family="FandolSong" font-weight="bold" font-size="22pt">主要任务分工方案</fo:block>
<fo:block font-family="FandolHei" font-size="16pt">一、任务分工</fo:block>
<fo:block font-family="FandolKai" font-size="16pt">（一）加快推进人才高度集聚</fo:block>
<fo:block font-family="Nimbus Roman" font-size="16pt">Nimbus Roman 2017, name-keyed</fo:block>
$TAIL
EOF2
"$GW" -q render cff.fo -o cff.pdf 2>err; rc=$?
ok_eq "five CFF faces render: exit 0" "$rc" 0
fonts=$(pdffonts cff.pdf 2>&1)
for f in FandolFang-Regular FandolSong-Bold FandolHei-Regular FandolKai-Regular; do
    ok_match "$f: CID Type 0C, embedded, subset, with ToUnicode" "$fonts" \
        "\\+$f(,Bold)? +CID Type 0C +Custom +yes +yes +yes"
done
ok_match "Nimbus Roman (name-keyed CFF): CID Type 0C in OpenType, embedded" "$fonts" \
    "\\+NimbusRoman-Regular +CID Type 0C \\(OT\\) +Custom +yes +yes +yes"
ok_match "qpdf --check: no errors" "$(qpdf --check cff.pdf 2>&1)" "No syntax or stream encoding errors"
ok_eq "pdftotext reads back every line exactly" "$(pdftotext cff.pdf - | tr -d '\f' | grep -v '^$' | tr '\n' '|')" \
    "关于进一步推进人才优先发展的30条措施，ABC xyz。|主要任务分工方案|一、任务分工|（一）加快推进人才高度集聚|Nimbus Roman 2017, name-keyed|"
# positions: seven 字 of FandolFang at 16 pt are 112 pt wide; the 22 pt
# bold title's eight 字 176 pt
w() { pdftotext -bbox cff.pdf - | grep ">$1<" | sed 's/.*xMin="\([0-9.]*\)".*xMax="\([0-9.]*\)".*/\1 \2/' | awk '{ printf "%.2f", $2 - $1 }'; }
ok_eq "glyph advances as the face's: 8 字 at 22 pt span 176 pt" "$(w 主要任务分工方案)" "176.00"
ok_eq "… 6 字 of 黑体 at 16 pt span 96 pt" "$(w 一、任务分工)" "96.00"

# the glyphs drawn are the characters' (a wrong CID would draw another
# glyph; pdftotext would not notice, it reads the ToUnicode map): 一 is a
# wide thin bar, 口 a box with an empty middle
cat >shape.fo <<EOF2
<?xml version="1.0" encoding="UTF-8"?><fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="a" page-width="100pt" page-height="100pt" margin="0pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="a"><fo:flow flow-name="xsl-region-body"><fo:block font-family="FandolFang" font-size="100pt" line-height="100pt">一</fo:block></fo:flow></fo:page-sequence>
<fo:page-sequence master-reference="a"><fo:flow flow-name="xsl-region-body"><fo:block font-family="FandolFang" font-size="100pt" line-height="100pt">口</fo:block></fo:flow></fo:page-sequence></fo:root>
EOF2
"$GW" -q render shape.fo -o shape.pdf
pdftoppm -gray -r 72 shape.pdf shape >/dev/null 2>&1
ink() {   # ink FILE: width height centre-is-white of the ink's bounding box
    python3 - "$1" <<'EOF2'
import sys
d = open(sys.argv[1], 'rb').read()
parts = d.split(b'\n', 3)          # P5 / w h / 255 / pixels
w, h = map(int, parts[1].split()); px = parts[3]
xs = [i % w for i in range(w * h) if px[i] < 128]; ys = [i // w for i in range(w * h) if px[i] < 128]
if not xs: print("0 0 none"); sys.exit()
x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
c = px[((y0 + y1) // 2) * w + (x0 + x1) // 2]
print(x1 - x0 + 1, y1 - y0 + 1, "white" if c >= 128 else "black")
EOF2
}
set -- $(ink shape-1.pgm)
ok_if "一 is drawn as a wide thin stroke ($1 x $2 px)" [ "${1:-0}" -gt 60 -a "${2:-99}" -lt 15 ]
set -- $(ink shape-2.pgm)
ok_if "口 is drawn as a box with an empty middle ($1 x $2 px, centre $3)" \
    [ "${1:-0}" -gt 50 -a "${2:-0}" -gt 50 -a "${3:-}" = white ]

# the role table of this machine (make deps installs Fandol)
"$GW" fonts --db "$TOP/out/none.db" >/dev/null 2>&1   # (a --db that does not exist)
"$GW" -q import plan "$TOP/data/plan.txt" --db p.db
out=$("$GW" fonts --db p.db 2>err); rc=$?
ok_eq "fonts: exit 0, no substitution warning (the table says it)" "$rc|$(cat err)" "0|"
ok_eq "fonts: a header and the five roles" "$(printf '%s\n' "$out" | cut -f1 | tr '\n' ' ')" \
    "role 仿宋 楷体 黑体 小标宋 宋体 "
ok_match "仿宋: FandolFang, a substitute for 仿宋_GB2312" "$out" \
    "^仿宋	仿宋_GB2312	FandolFang \\(substitute\\)	/[^	]*FandolFang-Regular\\.otf	"
ok_match "小标宋: FandolSong Bold, a real bold (no synthetic bold)" "$out" \
    "^小标宋	方正小标宋简体	FandolSong Bold \\(substitute\\)	/[^	]*FandolSong-Bold\\.otf	"
ok_match "黑体: FandolHei" "$out" "^黑体	黑体	FandolHei \\(substitute\\)	/[^	]*FandolHei-Regular\\.otf	"
ok_match "楷体: FandolKai" "$out" "^楷体	楷体_GB2312	FandolKai \\(substitute\\)	/[^	]*FandolKai-Regular\\.otf	"
n=$(printf '%s\n' "$out" | sed -n "1s/.*of the plan's \\([0-9]*\\) characters/\\1/p")
# the plan's distinct characters, counted here from the record
want=$(python3 - p.db <<'EOF2'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); s = set()
for q in ("SELECT value FROM meta", "SELECT label || title FROM section",
          "SELECT coalesce(title,'') || coalesce(body,'') || coalesce(units_text,'') FROM task",
          "SELECT label || text FROM requirement", "SELECT name FROM unit"):
    for (v,) in c.execute(q):
        s |= set(v or "")
print(len([ch for ch in s if ord(ch) > 32 and ch != '\u3000' and not (0x7f <= ord(ch) <= 0x9f)]))
EOF2
)
ok_eq "the plan's characters counted as in the record ($want)" "$n" "$want"
ok_match "FandolFang has every one of them" "$out" "^仿宋	.*	$n/$n$"

# the default documents: body in FandolFang, title in FandolSong Bold, no
# synthetic bold, every face CFF
"$GW" notice --db p.db -o n.pdf 2>nerr
nf=$(pdffonts n.pdf 2>&1)
ok_match "the notice's body face is FandolFang (CID Type 0C)" "$nf" "FandolFang-Regular +CID Type 0C"
ok_match "… its title FandolSong Bold" "$nf" "FandolSong-Bold,Bold +CID Type 0C"
ok_if "… and no AR PL UMing left in it" sh -c "! printf '%s' '$nf' | grep -q UMing"
ok_match "the warning names each substitute once" "$(cat nerr)" \
    "substitutes: .*仿宋 \\(仿宋_GB2312\\) -> FandolFang \\([^)]*\\)"
ok_if "… without synthetic bold" sh -c "! grep -q 'synthetic bold' nerr"

# --fonts DIR is searched first: a copy of LXGW WenKai there serves the family
mkdir -p office
cp /usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf office/
printf '%s<fo:block font-family="LXGW WenKai">楷体</fo:block>%s\n' "$HEAD" "$TAIL" >kai.fo
out=$("$GW" -v --fonts office render kai.fo -o kai.pdf 2>&1)
ok_match "--fonts DIR: the face in DIR wins over the installed one" "$out" \
    "font-family \"LXGW WenKai\": $T/office/LXGWWenKai-Regular.ttf"
out=$("$GW" -v render kai.fo -o kai.pdf --fonts office 2>&1)
ok_match "… also after the command" "$out" "font-family \"LXGW WenKai\": $T/office/"
out=$("$GW" render kai.fo -o kai2.pdf --fonts nowhere 2>&1); rc=$?
ok_match "--fonts with no such directory: exit 2, named" "$rc:$out" "^2:.*fonts directory nowhere: no such directory"
ok_if "… nothing written" [ ! -e kai2.pdf ]
mkdir -p dbdir && cp p.db dbdir/ && mv office dbdir/
"$GW" -q set fonts_dir office --db dbdir/p.db
out=$("$GW" -v fonts --db dbdir/p.db 2>&1)
ok_match "fonts_dir in the record, relative to the database" "$out" "$T/dbdir/office/LXGWWenKai-Regular.ttf"
"$GW" -q set fonts_dir gone --db dbdir/p.db
out=$("$GW" fonts --db dbdir/p.db 2>&1); rc=$?
ok_match "a fonts_dir that is not there: exit 2, named" "$rc:$out" "^2:.*fonts_dir: fonts directory dbdir/gone: no such directory"
done_testing
