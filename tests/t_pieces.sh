#!/bin/sh
# t_pieces.sh — a document in pieces (docs/fo-subset.md): the notice and
# long sheets are typeset piece by piece (src/kinds.c, templates/notice.xsl
# and sheet.xsl gw-piece) and must come out byte for byte as when they are
# typeset whole, whatever the piece size; FO that goes on with gw:continue="true" lays out as the same
# FO in one flow or one table; what cannot be done is refused by name.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

DB="$T/gw.db"
"$GW" -q import plan data/plan.txt --db "$DB"

# notice ITEMS OUT [ARGS]: the notice typeset in pieces of ITEMS (0: whole)
notice() { _i=$1 _o=$2; shift 2; GONGWEN_PIECE_ITEMS=$_i "$GW" -q notice --db "$DB" -o "$_o" "$@"; }

notice 0 "$T/whole.pdf"
ok_if "the notice typeset whole" test -s "$T/whole.pdf"
ok_match "by default in pieces (2: 附件1, 附件2)" \
    "$("$GW" -v notice --db "$DB" -o "$T/dflt.pdf" 2>&1)" "18 pages in 2 pieces"
ok_if "… the same bytes as whole" cmp "$T/whole.pdf" "$T/dflt.pdf"
# pieces of 1, 2, 3 and 7 items put a seam after every heading (keep-with-
# next across it), inside 附件2's section rows, at rows split across pages
# and on the balancing of 附件2 (laid out again with rows split: 20 → 18)
for n in 1 2 3 7; do
    notice $n "$T/p$n.pdf"
    ok_if "pieces of $n item(s): the same bytes as whole" cmp "$T/whole.pdf" "$T/p$n.pdf"
done
ok_match "pieces of 1: one piece a paragraph or row" \
    "$(GONGWEN_PIECE_ITEMS=1 "$GW" -v notice --db "$DB" -o "$T/v1.pdf" 2>&1)" "18 pages in 70 pieces"

notice 0 "$T/nt-whole.pdf" --no-table
for n in 1 4; do
    notice $n "$T/nt$n.pdf" --no-table
    ok_if "without 附件2, pieces of $n: the same bytes as whole" cmp "$T/nt-whole.pdf" "$T/nt$n.pdf"
done

# with milestones: the 完成时限 column, rows of other heights
sample_db "$T/s.db"
GONGWEN_PIECE_ITEMS=0 "$GW" -q notice --db "$T/s.db" -o "$T/s0.pdf"
GONGWEN_PIECE_ITEMS=3 "$GW" -q notice --db "$T/s.db" -o "$T/s3.pdf"
ok_if "with milestones, pieces of 3: the same bytes as whole" cmp "$T/s0.pdf" "$T/s3.pdf"

# a longer plan: pages cut in every piece, pieces freed before the end
python3 bench/mkbigplan.py 300 >"$T/big.txt"
"$GW" -q import plan "$T/big.txt" --db "$T/big.db"
GONGWEN_PIECE_ITEMS=0 "$GW" -q notice --db "$T/big.db" -o "$T/b0.pdf"
GONGWEN_PIECE_ITEMS=37 "$GW" -q notice --db "$T/big.db" -o "$T/b37.pdf"
ok_if "300 tasks, pieces of 37: the same bytes as whole" cmp "$T/b0.pdf" "$T/b37.pdf"
ok_match "… in many pieces" \
    "$(GONGWEN_PIECE_ITEMS=37 "$GW" -v notice --db "$T/big.db" -o "$T/b37v.pdf" 2>&1)" \
    "pages in [0-9]{2} pieces"
# a failure in a late piece, after pages have gone to the writer: nothing
# written, the old PDF kept, the task named
cp "$T/big.db" "$T/bad.db"
sqlite3 "$T/bad.db" "UPDATE task SET body = body || char(983040) WHERE no = 250"
echo old >"$T/keep.pdf"
out=$(GONGWEN_PIECE_ITEMS=10 "$GW" -q notice --db "$T/bad.db" -o "$T/keep.pdf" 2>&1); rc=$?
ok_eq "a character no font has in task 250, a late piece: exit 1" "$rc" 1
ok_match "… named by task" "$out" "^gongwen: task 250: character U\+F0000"
ok_eq "… the old PDF untouched, no temporary left" "$(cat "$T/keep.pdf") $(ls "$T" | grep -c 'keep.pdf.')" "old 0"
ok_match "a bad GONGWEN_PIECE_ITEMS is said, and the default used" \
    "$({ GONGWEN_PIECE_ITEMS=lots "$GW" notice --db "$DB" -o "$T/bad.pdf" 2>&1
         cmp "$T/bad.pdf" "$T/whole.pdf" && echo same; } | tr '\n' ' ')" \
    "GONGWEN_PIECE_ITEMS='lots' is not a number.*same"

# the sheets: a sheet of more tasks than a piece holds is typeset in pieces
# (the 任务一览 rows, the lead and the responsible tasks), alone and as a
# part of the booklet; every sheet and the booklet the same bytes
sheets() { _i=$1 _o=$2; shift 2
    GONGWEN_PIECE_ITEMS=$_i "$GW" -q sheets --db "$DB" -o "$_o" --booklet "$_o.pdf" "$@"; }
sheets 0 "$T/sh0"
GONGWEN_BOOKLET_PARTS=1 sheets 0 "$T/shp0"
for n in 1 4; do
    sheets $n "$T/sh$n"
    bad=
    for f in "$T/sh0"/*.pdf; do cmp -s "$f" "$T/sh$n/${f##*/}" || bad="$bad ${f##*/}"; done
    ok_eq "sheets in pieces of $n: all 38 the same bytes as whole" "$(ls "$T/sh$n" | wc -l)$bad" 38
    ok_if "… the booklet too" cmp "$T/sh0.pdf" "$T/sh$n.pdf"
    GONGWEN_BOOKLET_PARTS=1 sheets $n "$T/shp$n"
    ok_if "… the booklet typeset sheet by sheet, each sheet in pieces" cmp "$T/shp0.pdf" "$T/shp$n.pdf"
done
out=$(GONGWEN_PIECE_ITEMS=4 GONGWEN_BOOKLET_PARTS=1 "$GW" -v sheets --db "$DB" -o "$T/shv" \
      --booklet "$T/shv.pdf" 2>&1)
ok_match "a long sheet in pieces of 4 tasks" "$out" "02-市委组织部.pdf: 11 pages in [0-9]+ pieces"
ok_match "… and as a booklet part" "$out" "sheets booklet: 12 pages in [0-9]+ pieces"
ok_match "a sheet of at most 4 tasks stays whole" "$out" "\.pdf: [0-9]+ pages$"
GONGWEN_PIECE_ITEMS=0 "$GW" -q sheets --db "$T/big.db" --unit 醴陵市 -o "$T/bs0" --no-booklet
GONGWEN_PIECE_ITEMS=13 "$GW" -q sheets --db "$T/big.db" --unit 醴陵市 -o "$T/bs13" --no-booklet
ok_if "300 tasks, a county's sheet in pieces of 13: the same bytes" \
    cmp "$T/bs0/$(ls "$T/bs0")" "$T/bs13/$(ls "$T/bs13")"

# FO: a flow split in two page-sequences, the second gw:continue="true",
# lays out as one flow; a table split in two, the second gw:continue, as
# one table.  Every seam of keeps.fo (widows, keep-together, keep-with-next,
# breaks) and of table.fo (header repeats, a row split across pages).
# split_fo IN MODE OUT AT... : MODE flow (the flow's <fo:block> lines) or
# table (the body's rows); OUT a file: one file of two page-sequences, cut
# before the first AT; OUT a directory: OUT/00.fo … the pieces of one
# document, cut before each AT (gongwen render OUT/*.fo)
split_fo() {
    python3 - "$@" <<'EOF'
import os, re, sys
src, mode, out, cuts = sys.argv[1], sys.argv[2], sys.argv[3], [int(a) for a in sys.argv[4:]]
s = open(src, encoding="utf-8").read()
seq = re.search(r"<fo:page-sequence\s[^>]*>", s).group(0)
flow = re.search(r"<fo:flow[^>]*>", s).group(0)
cseq = seq[:-1] + ' gw:continue="true">'
# a piece's page-sequence: the same, with its static content
statics = s[s.index(seq) + len(seq):s.index(flow)]
if mode == "flow":
    kids = [m.start() for m in re.finditer(r"(?m)^      <fo:block", s)]
    close = "    </fo:flow>\n  </fo:page-sequence>\n"
    chead = "  " + cseq + statics + flow + "\n"
else:
    kids = [m.start() for m in re.finditer(r"        <fo:table-row>", s)]
    table = re.search(r"<fo:table [^>]*>", s).group(0)
    thead = s[s.index(table) + len(table):s.index("<fo:table-body>")]
    close = ("        </fo:table-body>\n      </fo:table>\n    </fo:flow>\n"
             "  </fo:page-sequence>\n")
    chead = ("  " + cseq + statics + flow + "\n      " + table[:-1] + ' gw:continue="true">'
             + thead + "<fo:table-body>\n")
pos = [kids[c] for c in cuts]
if not os.path.isdir(out):
    # one file: the second page-sequence goes on from the first
    i = pos[0]
    open(out, "w", encoding="utf-8").write(s[:i] + close + chead + s[i:])
    sys.exit(0)
root = re.search(r"<fo:root[^>]*>", s).group(0)
masters = s[s.index(root):s.index("</fo:layout-master-set>") + len("</fo:layout-master-set>")]
bounds = [None] + pos + [None]
n = len(pos) + 1
for k in range(n):
    a, b = bounds[k], bounds[k + 1]
    if k == 0:
        text = s[:b].replace(root, root[:-1] + ' gw:pieces="%d">' % n, 1)
    else:
        text = ('<?xml version="1.0" encoding="UTF-8"?>\n' + masters + "\n" + chead
                + (s[a:b] if b is not None else s[a:]))
    if b is not None:
        text += close + "</fo:root>\n"
    open(os.path.join(out, "%02d.fo" % k), "w", encoding="utf-8").write(text)
EOF
}
"$GW" -q render tests/fo/keeps.fo -o "$T/keeps.pdf"
bad=
for at in 1 5 18 19 20 21 37 38 39 40 52 53 54 55; do
    split_fo tests/fo/keeps.fo flow "$T/k.fo" $at
    "$GW" -q render "$T/k.fo" -o "$T/k.pdf" && cmp -s "$T/k.pdf" "$T/keeps.pdf" || bad="$bad $at"
done
ok_eq "keeps.fo split before block 1, 5, … 55: the same bytes" "$bad" ""
"$GW" -q render tests/fo/table.fo -o "$T/table.pdf"
bad=
# row 10 spans two: a continued table starts a new row, not inside a span
for at in 1 2 9 11 17 18 19 20 25 30 38; do
    split_fo tests/fo/table.fo table "$T/t.fo" $at
    "$GW" -q render "$T/t.fo" -o "$T/t.pdf" && cmp -s "$T/t.pdf" "$T/table.pdf" || bad="$bad $at"
done
ok_eq "table.fo split before row 2, 3, … 39: the same bytes" "$bad" ""
split_fo tests/fo/table.fo table "$T/t17.fo" 17
ok_eq "… the split FO has two tables, the second continuing" \
    "$(grep -c '<fo:table ' "$T/t17.fo") $(grep -c 'gw:continue' "$T/t17.fo")" "2 2"

# the same seams as files of one document in pieces: pages handed over as
# they are done, pieces let go (gongwen render A.fo B.fo …)
pieces_eq() {   # pieces_eq IN MODE WHOLE.pdf CUTS... : rendered in pieces = WHOLE
    _in=$1 _mode=$2 _whole=$3; shift 3
    rm -rf "$T/pc"; mkdir "$T/pc"
    split_fo "$_in" "$_mode" "$T/pc" "$@"
    "$GW" -q render "$T/pc"/*.fo -o "$T/pc.pdf" && cmp -s "$T/pc.pdf" "$_whole"
}
bad=
for at in 1 5 19 20 21 38 39 53 54 55; do pieces_eq tests/fo/keeps.fo flow "$T/keeps.pdf" $at || bad="$bad $at"; done
pieces_eq tests/fo/keeps.fo flow "$T/keeps.pdf" 3 19 20 21 38 39 52 53 54 55 || bad="$bad all"
ok_eq "keeps.fo as files in pieces (one seam, then ten): the same bytes" "$bad" ""
bad=
for at in 1 9 11 18 19 30 38; do pieces_eq tests/fo/table.fo table "$T/table.pdf" $at || bad="$bad $at"; done
pieces_eq tests/fo/table.fo table "$T/table.pdf" 2 3 4 5 6 7 8 9 11 12 13 || bad="$bad all"
ok_eq "table.fo as files in pieces: the same bytes" "$bad" ""
# an image in a later piece is found beside that piece's file, as in a
# whole file (render runs from elsewhere)
mkdir -p "$T/pimg"
cp tests/fo/red-square.png "$T/pimg/"
python3 - "$T/pimg/whole.fo" <<'EOF'
import sys
blocks = "".join('      <fo:block>第%d段</fo:block>\n' % i for i in range(1, 12))
blocks += ('      <fo:block><fo:external-graphic src="red-square.png" content-width="20pt"/></fo:block>\n')
open(sys.argv[1], "w", encoding="utf-8").write(
    '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:gw="urn:gongwen:fo">\n'
    '  <fo:layout-master-set>\n'
    '    <fo:simple-page-master master-name="p" page-width="300pt" page-height="200pt">\n'
    '      <fo:region-body/>\n    </fo:simple-page-master>\n  </fo:layout-master-set>\n'
    '  <fo:page-sequence master-reference="p">\n'
    '    <fo:flow flow-name="xsl-region-body" font-family="宋体" line-height="20pt">\n'
    + blocks + '    </fo:flow>\n  </fo:page-sequence>\n</fo:root>\n')
EOF
(cd / && "$GW" -q render "$T/pimg/whole.fo" -o "$T/pimg/whole.pdf")
mkdir -p "$T/pimg/pc"
split_fo "$T/pimg/whole.fo" flow "$T/pimg/pc" 6
cp tests/fo/red-square.png "$T/pimg/pc/"
ok_if "an image in a later piece, found beside its file" sh -c \
    "cd / && '$GW' -q render '$T/pimg/pc/00.fo' '$T/pimg/pc/01.fo' -o '$T/pimg/p.pdf' && cmp -s '$T/pimg/p.pdf' '$T/pimg/whole.pdf'"
# a keep-with-previous at the start of a piece binds the space at the end
# of the piece before: the page made before it came must not be final
python3 - "$T/kwp.fo" <<'EOF'
import sys
blocks = ['      <fo:block>A%d</fo:block>\n' % i for i in range(1, 9)]
blocks.append('      <fo:block space-after="30pt">A9</fo:block>\n')
blocks.append('      <fo:block keep-with-previous="always">B1</fo:block>\n')
blocks.append('      <fo:block>B2</fo:block>\n')
open(sys.argv[1], "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:gw="urn:gongwen:fo">\n'
    '  <fo:layout-master-set>\n'
    '    <fo:simple-page-master master-name="p" page-width="300pt" page-height="200pt">\n'
    '      <fo:region-body/>\n    </fo:simple-page-master>\n  </fo:layout-master-set>\n'
    '  <fo:page-sequence master-reference="p">\n'
    '    <fo:flow flow-name="xsl-region-body" font-family="仿宋" font-size="12pt" line-height="20pt">\n'
    + "".join(blocks) + '    </fo:flow>\n  </fo:page-sequence>\n</fo:root>\n')
EOF
"$GW" -q render "$T/kwp.fo" -o "$T/kwp.pdf"
ok_eq "keep-with-previous after a space: A9 goes with B1" \
    "$(pdftotext -layout "$T/kwp.pdf" - | tr -s ' \n' ' ' | tr '\f' '|')" "A1 A2 A3 A4 A5 A6 A7 A8 |A9 B1 B2 |"
ok_if "… the same with B1 starting a piece" pieces_eq "$T/kwp.fo" flow "$T/kwp.pdf" 9
# page-position="last" and force-page-count (tests/fo/last.fo): the last
# page is laid out again on a shorter master, or a blank page follows; the
# page before it must not have gone out too early
last_fo() {    # last_fo NLINES FORCE -> $T/last.fo, $T/last.pdf (as t_render_pages.sh)
    python3 - "$TOP/tests/fo/last.fo" "$1" "$2" >"$T/last.fo" <<'EOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
lines = "".join('      <fo:block line-height="20pt">第%d行</fo:block>\n' % i
                for i in range(1, int(sys.argv[2]) + 1))
print(s.replace("LINES\n", lines).replace("FPC", sys.argv[3]), end="")
EOF
    "$GW" -q render "$T/last.fo" -o "$T/last.pdf"
}
bad=
for case in "12 end-on-even" "17 end-on-even" "18 no-force" "18 end-on-even" "3 end-on-even" "21 no-force"; do
    set -- $case
    last_fo "$1" "$2"
    for at in 1 2 $(($1 / 2)) $(($1 - 2)) $(($1 - 1)); do
        [ "$at" -ge 1 ] && [ "$at" -lt "$1" ] || continue
        pieces_eq "$T/last.fo" flow "$T/last.pdf" $at || bad="$bad $1/$2@$at"
    done
done
ok_eq "last.fo (a 'last' master, blank pages) as files in pieces: the same bytes" "$bad" ""
# the sequence's last page is held until the sequence ends: here the last
# piece holds only a space that does not fit (skipped at a page top), so
# the page before it turns out to be the last and takes the 'last' master
last_fo 12 no-force
python3 - "$T/last.fo" <<'EOF'
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(s.replace("    </fo:flow>",
    '      <fo:block space-before="400pt"/>\n    </fo:flow>', 1))
EOF
"$GW" -q render "$T/last.fo" -o "$T/last.pdf"
ok_match "a trailing space that does not fit: page 2 on the 'last' master" \
    "$(pdftotext "$T/last.pdf" - | tr '\n\f' ' |')" "\|第11行 +第12行 +版记 +第2页 *\|$"
ok_if "… the same in pieces, the space alone in the last" pieces_eq "$T/last.fo" flow "$T/last.pdf" 12

# what a document in pieces cannot do is refused by name, exit 1
sed 's|<fo:page-sequence master-reference="a4">|<fo:page-sequence master-reference="a4" gw:continue="true">|' \
    tests/fo/keeps.fo >"$T/first.fo"
out=$("$GW" render "$T/first.fo" -o "$T/first.pdf" 2>&1); rc=$?
ok_eq "gw:continue on the first page-sequence: exit 1" "$rc" 1
ok_match "… names the line and says why" "$out" "first.fo:12: fo:page-sequence: gw:continue=\"true\", but there is no page-sequence before it"
ok_if "… and writes nothing" test ! -e "$T/first.pdf"
split_fo tests/fo/keeps.fo flow "$T/other.fo" 20
python3 - "$T/other.fo" <<'EOF'
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
s = s.replace('<fo:page-sequence master-reference="a4" gw:continue="true">',
              '<fo:page-sequence master-reference="a5" gw:continue="true">')
s = s.replace('</fo:simple-page-master>', '</fo:simple-page-master><fo:simple-page-master master-name="a5" page-width="148mm" page-height="210mm"><fo:region-body/></fo:simple-page-master>', 1)
open(p, "w", encoding="utf-8").write(s)
EOF
out=$("$GW" render "$T/other.fo" -o "$T/other.pdf" 2>&1); rc=$?
ok_eq "gw:continue onto another master-reference: exit 1" "$rc" 1
ok_match "… says which" "$out" "goes on with a page-sequence of another master-reference: 'a4'"
sed 's|<fo:page-sequence master-reference="a4">|<fo:page-sequence master-reference="a4" gw:continue="maybe">|' \
    tests/fo/keeps.fo >"$T/maybe.fo"
ok_match "gw:continue=\"maybe\": a bad value" "$("$GW" render "$T/maybe.fo" -o "$T/m.pdf" 2>&1)" \
    "bad value 'maybe' for gw:continue"
sed 's|<fo:root |<fo:root gw:pieces="0" |' tests/fo/keeps.fo >"$T/p0.fo"
ok_match "gw:pieces=\"0\": a bad value" "$("$GW" render "$T/p0.fo" -o "$T/p0.pdf" 2>&1)" \
    "bad value '0' for gw:pieces"
sed 's|<fo:root |<fo:root gw:pieces="3" |' tests/fo/keeps.fo >"$T/p3.fo"
out=$("$GW" render "$T/p3.fo" -o "$T/p3.pdf" 2>&1); rc=$?
ok_match "the first of 3 pieces rendered alone: said" "$out" \
    "gw:pieces=\"3\": this is the first piece of a document in pieces; only it is typeset"
ok_if "… and typeset as it is" cmp "$T/p3.pdf" "$T/keeps.pdf"
# edited IN OUT SED: OUT is IN edited by the sed expression, rendered
# into $out (the messages) and $rc
edited() {
    sed "$3" "$1" >"$2"
    out=$("$GW" render "$2" -o "$2.pdf" 2>&1); rc=$?
}
# a continued table must go on from a table: first in its piece's flow,
# after a flow that ended with one (else its header would silently vanish)
split_fo tests/fo/table.fo table "$T/tc.fo" 17
TB='<fo:table table-layout="fixed" width="100%" border-collapse="separate"'
edited "$T/tc.fo" "$T/tc-after-block.fo" "s|$TB gw:continue=\"true\">|<fo:block>插入</fo:block>&|"
ok_eq "a continued table after a block of its own flow: exit 1" "$rc" 1
ok_match "… says what it goes on with" "$out" "tc-after-block.fo:[0-9]+: fo:table: gw:continue=\"true\", but no table ends the flow before it"
edited tests/fo/table.fo "$T/tc-first.fo" "s|$TB>|$TB gw:continue=\"true\">|"
ok_eq "a continued table with no table before it: exit 1" "$rc" 1
split_fo tests/fo/keeps.fo flow "$T/fpc.fo" 20
edited "$T/fpc.fo" "$T/fpc2.fo" 's|master-reference="a4" gw:continue="true">|master-reference="a4" force-page-count="even" gw:continue="true">|'
ok_eq "a continuation with another force-page-count: exit 1" "$rc" 1
ok_match "… names it" "$out" "gw:continue=\"true\": this attribute differs from the page-sequence it goes on with: 'force-page-count'"
rm -rf "$T/pc"; mkdir "$T/pc"; split_fo tests/fo/keeps.fo flow "$T/pc" 20 40
out=$("$GW" render "$T/pc/00.fo" "$T/pc/01.fo" -o "$T/two.pdf" 2>&1); rc=$?
ok_eq "three pieces, two files given: exit 1, nothing written" "$rc $(test -e "$T/two.pdf" && echo pdf)" "1 "
ok_match "… says so" "$out" "00.fo: fo:root says gw:pieces=\"3\" or more, but 2 files are given"
out=$("$GW" render "$T/pc"/*.fo tests/fo/text.fo -o "$T/four.pdf" 2>&1); rc=$?
ok_eq "four files for three pieces: exit 1" "$rc $(test -e "$T/four.pdf" && echo pdf)" "1 "
ok_match "… says so" "$out" "00.fo: fo:root says gw:pieces=\"3\", but 4 files are given"
python3 - "$T/pc/01.fo" <<'EOF'
import sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(s.replace("    </fo:flow>",
    '    </fo:flow><fo:flow flow-name="xsl-region-body"><fo:block>x</fo:block></fo:flow>', 1))
EOF
out=$("$GW" render "$T/pc"/*.fo -o "$T/err2.pdf" 2>&1); rc=$?
ok_eq "a layout error in the second file: exit 1, nothing written" "$rc $(test -e "$T/err2.pdf" && echo pdf)" "1 "
ok_match "… the message names that file" "$out" "01\.fo:[0-9]+: fo:flow: only one fo:flow per page-sequence"
out=$("$GW" render - "$T/pc/01.fo" -o "$T/stdin.pdf" 2>&1 </dev/null); rc=$?
ok_eq "standard input as a piece of several: a usage error (64)" "$rc" 64
sed 's|<fo:block>一页1</fo:block>|<fo:block>一页1</fo:block><fo:block gw:continue="true">x</fo:block>|' \
    tests/fo/keeps.fo >"$T/blk.fo"
ok_match "gw:continue on a block: a warning" "$("$GW" render "$T/blk.fo" -o "$T/blk.pdf" 2>&1)" \
    "gw:continue belongs on fo:page-sequence or fo:table; ignored"

done_testing
