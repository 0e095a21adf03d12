#!/bin/sh
# t_render_grid.sh — the gw:grid document grid of GB/T 9704 body text:
# 22 lines at a 28.991 pt pitch from the top of the text area, 28 characters
# per full line (26 after a two-字 indent), positions read back with
# pdftotext -bbox-layout; and the shared checker's sheet profile.
. "$(dirname "$0")/lib.sh"

FO="$TOP/tests/fo/grid-pages.fo"
ok_if "render grid-pages.fo" "$GW" -q render "$FO" -o "$T/grid.pdf"
pdftotext -bbox-layout "$T/grid.pdf" "$T/grid.html"

# one line per text line: page, yMin, xMin, xMax, characters
python3 - "$T/grid.html" >"$T/lines.txt" <<'PY'
import re, sys
page = 0
for l in open(sys.argv[1], encoding="utf-8"):
    if "<page " in l:
        page += 1
    m = re.search(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"', l)
    if m:
        cur = [page, float(m.group(2)), float(m.group(1)), float(m.group(3)), ""]
    w = re.search(r'<word [^>]*>(.*)</word>', l)
    if w:
        cur[4] += w.group(1)
    if "</line>" in l:
        print("%d %.3f %.3f %.3f %s" % tuple(cur))
PY

T_TOP=104.882; PITCH=28.991; L=79.370; R=521.575; C=15.793
# body lines of page 1 (the page number sits below 742.68)
body1=$(awk -v b=742.68 '$1 == 1 && $2 < b' "$T/lines.txt")
ok_eq "page 1 holds 22 body lines" "$(printf '%s\n' "$body1" | wc -l | tr -d ' ')" 22
ok_eq "line tops are 28.991 pt apart, the first in the first grid cell" \
    "$(printf '%s\n' "$body1" | awk -v t=$T_TOP -v p=$PITCH '
        { k = NR - 1; cell = t + k * p; if ($2 < cell || $2 > cell + p - 16) bad++ }
        NR > 1 { d = $2 - prev; if (d < p - 0.01 || d > p + 0.01) bad++ }
        { prev = $2 } END { print bad + 0 }')" 0
ok_eq "the 22nd line ends inside the text area" \
    "$(printf '%s\n' "$body1" | awk -v t=$T_TOP -v p=$PITCH 'NR == 22 { print ($2 < t + 22 * p) ? "yes" : "no" }')" yes

# full continuation lines: start at L, end at R, 28 字 (half-width digits
# count half, as GB/T 9704 counts them) — or 27 when a character was carried
# down so that a closing mark does not start the next line (clreq)
ok_eq "full lines have 28 字 (27 only before a carried-down character)" \
    "$(python3 - "$T/lines.txt" <<'PY'
import sys
rows = [l.rstrip("\n").split(" ", 4) for l in open(sys.argv[1], encoding="utf-8")]
w = lambda s: sum(0.5 if ord(ch) < 0x2000 else 1 for ch in s)
full = bad = 0
for i, r in enumerate(rows):
    x0, x1, text = float(r[2]), float(r[3]), r[4]
    if abs(x0 - 79.370) > 0.5 or abs(x1 - 521.575) > 1:
        continue
    full += 1
    n = w(text)
    nxt = rows[i + 1][4] if i + 1 < len(rows) else ""
    if n in (28, 27.5) or (n == 27 and len(nxt) > 1 and nxt[1] in "，。、；：！？）》”"):
        continue
    bad += 1
print("%s full, %d bad" % ("some" if full > 10 else full, bad))
PY
)" "some full, 0 bad"
# first lines of paragraphs: start two 字 in, 26 characters when full
first=$(awk -v l=$L -v c=$C -v r=$R '$3 > l + 2 * c - 0.5 && $3 < l + 2 * c + 0.5 && $4 > r - 1' "$T/lines.txt")
ok_match "indented first lines exist" "$(printf '%s\n' "$first" | wc -l)" '[1-9]'
ok_eq "an indented full first line has 26 字" \
    "$(printf '%s\n' "$first" | python3 -c '
import sys
w = lambda s: sum(0.5 if ord(ch) < 0x2000 else 1 for ch in s)
print(sorted({w(l.split(" ", 4)[4].strip()) for l in sys.stdin}))')" "[26]"
ok_eq "the character pitch is 15.793 pt (first line: 2 字 indent)" \
    "$(printf '%s\n' "$first" | head -1 | awk '{ printf "%.2f", $3 - 79.370 }')" "31.59"

# a line feed between two Chinese characters in the FO is not a space
txt=$(pdftotext -raw "$T/grid.pdf" - | tr -d '\n')
ok_match "text round trip: no space where the FO had a line feed" "$txt" \
    '为深入贯彻落实党的十九大精神，加快推进人才强市战略，进一步优化人才发展环境'
ok_if "no space between Chinese characters anywhere" sh -c \
    "! pdftotext '$T/grid.pdf' - | grep -q '[一-龥] [一-龥]'"

CHECK="$TOP/../shared/checks/gbt9704-check"
if [ -f "$CHECK" ]; then
    ok_if "gbt9704-check --profile sheet passes" python3 "$CHECK" --profile sheet "$T/grid.pdf"
else
    skip "gbt9704-check --profile sheet passes" "checker not found"
fi
done_testing
