#!/usr/bin/env python3
"""mklong.py PLAN.fo PAGES > long.fo — a long generated document of about
PAGES pages, made from the paragraphs of bench/plan.fo: chapters of 三号 仿宋 grid paragraphs (sentences of the plan,
recombined deterministically) followed by a long 四号 table of task rows
whose header repeats on every page.  Half the pages are paragraphs, half
table.  Not committed: bench/run.sh generates it into a temporary directory."""

import sys
import xml.etree.ElementTree as ET

from fo_common import HEAD, TAIL, PITCH, block, esc

FO = "{http://www.w3.org/1999/XSL/Format}"

# Calibrated with FOP on the GB/T 9704 page: a chapter (heading + 12 paragraphs)
# fills about 3.3 pages; about 11.5 table rows fill one page.
PAGES_PER_CHAPTER = 3.3
ROWS_PER_PAGE = 11.5

COLUMNS = [("序号", 36), ("任务", 180), ("牵头单位", 80), ("责任单位", 86.205), ("时限", 60)]


def paragraphs(path):
    """The text of the indented blocks (the paragraphs) of an FO file."""
    root = ET.parse(path).getroot()
    return ["".join(b.itertext()) for b in root.iter(FO + "block")
            if b.get("text-indent")]


def sentences(lines):
    out = []
    for l in lines:
        for s in l.split("。"):
            if len(s) > 6:
                out.append(s + "。")
    return out


def cell(text, align="start"):
    return ('          <fo:table-cell border="0.5pt solid black" padding="2pt">'
            '<fo:block text-align="%s">%s</fo:block></fo:table-cell>\n' % (align, esc(text)))


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: mklong.py PLAN.fo PAGES > long.fo")
    lines = paragraphs(sys.argv[1])
    pages = int(sys.argv[2])
    sents = sentences(lines)
    units = [u for u in "市委组织部 市科技局 市人社局 市财政局 市教育局 市卫计委 "
             "市经信委 市发改委 市国资委 各县市区".split()]
    if not sents:
        sys.exit("%s: no sentences" % sys.argv[1])
    chapters = max(1, int(pages / 2 / PAGES_PER_CHAPTER))
    rows = max(1, int(pages / 2 * ROWS_PER_PAGE))
    out = [HEAD.format(title="长文档基准", pitch=PITCH)]
    k = 0
    for c in range(chapters):
        out.append(block("第%d部分 工作任务分解" % (c + 1), "黑体", indent=False,
                         align="center", extra=' space-before="%.3fpt"' % PITCH))
        for p in range(12):
            n = 3 + (c * 7 + p * 3) % 5
            text = "".join(sents[(k + i) % len(sents)] for i in range(n))
            k += n
            out.append(block(text, "仿宋"))
    out.append('      <fo:table table-layout="fixed" width="100%" font-size="14pt" '
               'line-height="1.3" gw:grid="none" break-before="page" '
               'border-collapse="separate">\n')
    for name, w in COLUMNS:
        out.append('        <fo:table-column column-width="%.3fpt"/>\n' % w)
    out.append('        <fo:table-header font-family="黑体"><fo:table-row>\n')
    for name, w in COLUMNS:
        out.append(cell(name, "center"))
    out.append('        </fo:table-row></fo:table-header>\n        <fo:table-body>\n')
    for r in range(rows):
        task = sents[(r * 5) % len(sents)]
        task = task[:40] + ("。" if len(task) > 40 else "")
        out.append('        <fo:table-row>\n')
        out.append(cell(str(r + 1), "center"))
        out.append(cell(task))
        out.append(cell(units[r % len(units)]))
        out.append(cell("、".join(units[(r + i) % len(units)] for i in (1, 3))))
        out.append(cell("%d年%d月" % (2017 + r % 3, 1 + r % 12), "center"))
        out.append('        </fo:table-row>\n')
    out.append('        </fo:table-body>\n      </fo:table>\n')
    out.append(TAIL)
    sys.stdout.write("".join(out))


main()
