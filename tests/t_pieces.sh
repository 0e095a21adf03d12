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
split_fo() {
    python3 - "$@" <<'EOF'
import re, sys
src, at, kind, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
s = open(src, encoding="utf-8").read()
seq = re.search(r"<fo:page-sequence[^>]*>", s).group(0)
flow = re.search(r"<fo:flow[^>]*>", s).group(0)
cont = seq[:-1] + ' gw:continue="true">'
if kind == "flow":
    # the flow's children, one a line
    lines = s.split("\n")
    kids = [i for i, l in enumerate(lines) if l.startswith("      <fo:block")]
    i = kids[at]
    lines.insert(i, "    </fo:flow>\n  </fo:page-sequence>\n  " + cont + "\n    " + flow)
    s = "\n".join(lines)
else:
    rows = [m.start() for m in re.finditer(r"        <fo:table-row>", s)]
    i = rows[at]
    table = re.search(r"<fo:table [^>]*>", s).group(0)
    head = s[s.index(table) + len(table):s.index("<fo:table-body>")]
    s = (s[:i] + "        </fo:table-body>\n      </fo:table>\n    </fo:flow>\n  </fo:page-sequence>\n  "
         + cont + "\n    " + flow + "\n      " + table[:-1] + ' gw:continue="true">'
         + head + "<fo:table-body>\n" + s[i:])
open(out, "w", encoding="utf-8").write(s)
EOF
}
"$GW" -q render tests/fo/keeps.fo -o "$T/keeps.pdf"
bad=
for at in 1 5 18 19 20 21 37 38 39 40 52 53 54 55; do
    split_fo tests/fo/keeps.fo $at flow "$T/k.fo"
    "$GW" -q render "$T/k.fo" -o "$T/k.pdf" && cmp -s "$T/k.pdf" "$T/keeps.pdf" || bad="$bad $at"
done
ok_eq "keeps.fo split before block 1, 5, … 55: the same bytes" "$bad" ""
"$GW" -q render tests/fo/table.fo -o "$T/table.pdf"
bad=
# row 10 spans two: a continued table starts a new row, not inside a span
for at in 1 2 9 11 17 18 19 20 25 30 38; do
    split_fo tests/fo/table.fo $at table "$T/t.fo"
    "$GW" -q render "$T/t.fo" -o "$T/t.pdf" && cmp -s "$T/t.pdf" "$T/table.pdf" || bad="$bad $at"
done
ok_eq "table.fo split before row 2, 3, … 39: the same bytes" "$bad" ""
split_fo tests/fo/table.fo 17 table "$T/t17.fo"
ok_eq "… the split FO has two tables, the second continuing" \
    "$(grep -c '<fo:table ' "$T/t17.fo") $(grep -c 'gw:continue' "$T/t17.fo")" "2 2"

# what a document in pieces cannot do is refused by name, exit 1
sed 's|<fo:page-sequence master-reference="a4">|<fo:page-sequence master-reference="a4" gw:continue="true">|' \
    tests/fo/keeps.fo >"$T/first.fo"
out=$("$GW" render "$T/first.fo" -o "$T/first.pdf" 2>&1); rc=$?
ok_eq "gw:continue on the first page-sequence: exit 1" "$rc" 1
ok_match "… names the line and says why" "$out" "first.fo:12: fo:page-sequence: gw:continue=\"true\", but there is no page-sequence before it"
ok_if "… and writes nothing" test ! -e "$T/first.pdf"
split_fo tests/fo/keeps.fo 20 flow "$T/other.fo"
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
sed 's|<fo:block>一页1</fo:block>|<fo:block>一页1</fo:block><fo:block gw:continue="true">x</fo:block>|' \
    tests/fo/keeps.fo >"$T/blk.fo"
ok_match "gw:continue on a block: a warning" "$("$GW" render "$T/blk.fo" -o "$T/blk.pdf" 2>&1)" \
    "gw:continue belongs on fo:page-sequence or fo:table; ignored"

done_testing
