#!/bin/sh
# t_render_keeps.sh — pagination rules on the 22-line grid: widows and
# orphans (2), keep-together, keep-with-next, break-before, and
# space-before discarded at a page top unless .conditionality="retain".
. "$(dirname "$0")/lib.sh"

ok_if "render keeps.fo" "$GW" -q render "$TOP/tests/fo/keeps.fo" -o "$T/keeps.pdf"
page() { pdftotext -f "$1" -l "$1" -raw "$T/keeps.pdf" - | grep -v '^[[:space:]]*$'; }

ok_eq "six pages" "$(pdfinfo "$T/keeps.pdf" | awk '/^Pages:/ { print $2 }')" 6
# page 1: 19 one-line blocks + 2 lines of a 4-line paragraph; its third line
# would have fitted but would leave a single widow line on page 2
ok_eq "page 1 stops after 21 lines so no widow is left" "$(page 1 | wc -l | tr -d ' ')" 21
ok_match "page 1 ends inside the paragraph" "$(page 1 | tail -1)" '^丙丁戊'
ok_eq "page 2 starts with the paragraph's last two lines" "$(page 2 | wc -l | tr -d ' ') $(page 2 | sed -n 3p)" "19 二页1"
ok_match "a keep-together block that does not fit moves whole" "$(page 2 | tail -1)|$(page 3 | head -1)" '^二页17\|整段四行段落'
ok_eq "a keep-with-next heading goes with its paragraph" "$(page 3 | tail -1)|$(page 4 | head -1)" "三页16|小标题"
ok_eq "the paragraph after it is whole on page 4" "$(page 4 | wc -l | tr -d ' ')" 4
y() { pdftotext -f "$1" -l "$1" -bbox "$T/keeps.pdf" - | grep "$2" | sed 's/.*yMin="\([0-9.]*\)".*/\1/' | awk '{ printf "%.1f", $1 }'; }
# against page 1's first line (where a face puts its glyph box top varies by
# a few tenths; the grid does not): the same line, and two pitches lower
top=$(y 1 ">一页1<")
ok_eq "break-before=page and space-before discarded at the page top: first grid line" "$(y 5 断页后)" "$top"
ok_eq "space-before.conditionality=retain keeps two lines of space" \
    "$(y 6 保留空白)" "$(echo "$top" | awk '{ printf "%.1f", $1 + 2 * 28.99 }')"
ok_if "… the first line is on the grid's first line (111.1 + what the face adds, < 1 pt)" \
    awk -v t="$top" 'BEGIN { exit !(t >= 111.0 && t < 112.1) }'
done_testing
