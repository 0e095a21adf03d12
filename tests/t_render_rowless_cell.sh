#!/bin/sh
# t_render_rowless_cell.sh — regression: an fo:table-cell outside an
# fo:table-row crashed the layout (SIGSEGV: build.c read the row builder of
# a frame that has none before checking that the parent is a row).  In each
# of the five places it must be refused like docs/fo-subset.md promises:
# exit status 1, a message naming FILE:LINE and that cells belong inside
# fo:table-row, and neither the PDF nor its temporary file left behind.
# fuzz/corpus/fo/found-rowless-cell keeps the fuzz replay on it too.
. "$(dirname "$0")/lib.sh"

CELL='<fo:table-cell><fo:block>格</fo:block></fo:table-cell>'
for place in flow block table-body inline list-block; do
    case $place in
    flow) body="$CELL" ;;
    block) body="<fo:block>甲$CELL</fo:block>" ;;
    table-body) body="<fo:table><fo:table-column column-width=\"50pt\"/><fo:table-body>$CELL</fo:table-body></fo:table>" ;;
    inline) body="<fo:block>甲<fo:inline>乙$CELL</fo:inline></fo:block>" ;;
    list-block) body="<fo:list-block>$CELL</fo:list-block>" ;;
    esac
    # the cell is on line 8 of every file
    cat >"$T/$place.fo" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="a4"><fo:region-body/></fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="a4">
    <fo:flow flow-name="xsl-region-body" font-family="宋体">
      $body
    </fo:flow>
  </fo:page-sequence>
</fo:root>
EOF
    (cd "$T" && "$GW" -q render "$place.fo" -o "$place.pdf" >"$place.out" 2>&1)
    rc=$?
    msg=$(cat "$T/$place.out")
    ok_eq "cell in fo:$place: exit status 1 (no crash)" "$rc" 1
    ok_match "cell in fo:$place: the message names file, line and the rule" "$msg" \
        "^gongwen: $place\\.fo:8: fo:table-cell is not allowed \\(cells must be inside fo:table-row\\) in fo:$place\$"
    ok_if "cell in fo:$place: no PDF left" test ! -e "$T/$place.pdf"
    ok_eq "cell in fo:$place: no temporary file left" "$(ls "$T" | grep -c '\.tmp\.')" 0
done
done_testing
