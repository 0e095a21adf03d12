#!/bin/sh
# t_golden.sh — the documents of the embedded default (the notice, every
# sheet and the booklet) are byte-identical to the SHA-256 list in
# tests/fixtures/golden/default.sha256, so that a refactoring that claims to
# change nothing shows it.  The list holds, first, the font files the
# documents embed: with other fonts the PDFs differ and the test says so.
#
#   GOLDEN_UPDATE=1 sh tests/t_golden.sh     rewrites the list (after a
#                                           change meant to alter output)
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2
G="$TOP/tests/fixtures/golden/default.sha256"

"$GW" -q import plan "$TOP/data/plan.txt" --db d.db
"$GW" -v build --db d.db -o o 2>build.err
ok_eq "build of the default: exit 0" "$?" 0
# the font files gongwen resolved, by content: with other fonts the PDFs
# differ for a reason that is not the code's
fonts=$(sed -n 's/^gongwen: font-family .*: \(\/[^ ]*\) (index.*/\1/p' build.err | sort -u |
        xargs -r sha256sum | sed 's|  .*/|  font:|')
ok_match "the fonts used are named" "$fonts" "font:"
docs=$(cd o && find . -name '*.pdf' | LC_ALL=C sort | xargs sha256sum)
now=$(printf '%s\n%s\n' "$fonts" "$docs")
if [ -n "${GOLDEN_UPDATE:-}" ]; then
    printf '%s\n' "$now" >"$G"
    echo "# wrote $G"
fi
want=$(cat "$G" 2>/dev/null)
ok_eq "the same fonts as when the list was made" \
    "$(printf '%s\n' "$now" | grep 'font:')" "$(printf '%s\n' "$want" | grep 'font:')"
ok_eq "40 documents (notice, 38 sheets, booklet)" "$(printf '%s\n' "$docs" | wc -l)" 40
printf '%s\n' "$now" | grep -v 'font:' >now.txt
printf '%s\n' "$want" | grep -v 'font:' >want.txt
ok_if "every document byte-identical to the golden list" diff want.txt now.txt
done_testing
