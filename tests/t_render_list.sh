#!/bin/sh
# t_render_list.sh — fo:list-block: labels at the start edge, bodies at
# body-start() (provisional-distance-between-starts), a long item split
# across a page between lines of its body.
. "$(dirname "$0")/lib.sh"

ok_if "render list.fo" "$GW" -q render "$TOP/tests/fo/list.fo" -o "$T/list.pdf"
bbox=$(pdftotext -bbox "$T/list.pdf" -)
xof() { printf '%s\n' "$bbox" | grep ">$1<" | head -1 | sed 's/.*xMin="\([0-9.]*\)".*/\1/' | awk '{ printf "%.1f", $1 }'; }
# region starts at 10 mm = 28.35 pt; the list's start-indent is 10 pt
ok_eq "labels start at the list's start-indent" "$(xof （一）)" "38.3"
ok_eq "bodies start at body-start() = start-indent + 36 pt" "$(xof 第一项内容。)" "74.3"
ok_eq "two pages" "$(pdfinfo "$T/list.pdf" | awk '/^Pages:/ { print $2 }')" 2
p1=$(pdftotext -f 1 -l 1 -raw "$T/list.pdf" - | tr -d '\n\f')
p2=$(pdftotext -f 2 -l 2 -raw "$T/list.pdf" - | tr -d '\n\f')
ok_match "the long item starts on page 1" "$p1" '（二） ?第二项内容较长'
ok_match "... and ends on page 2 before the third item" "$p2" '第二项结束。（三） ?第三项。$'
ok_eq "the split body reads back whole" "$(printf '%s%s' "$p1" "$p2" | sed 's/.*（二） *//; s/（三）.*//; s/ //g')" \
    "$(python3 -c 'print("第二项内容较长，需要折行显示。" * 14 + "第二项结束。")')"
done_testing
