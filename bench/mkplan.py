#!/usr/bin/env python3
"""mkplan.py PLAN.txt > plan.fo — the reference plan as grid body text: the
attachment label, the centred 二号 小标宋 title, then every paragraph in 三号
仿宋 (headings in 黑体 / 楷体) on the 28 x 22 grid of the GB/T 9704 page.
bench/plan.fo is this script's output for data/plan.txt."""

import sys

from fo_common import HEAD, TAIL, PITCH, block, esc, heading_role, plan_lines


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: mkplan.py PLAN.txt > plan.fo")
    lines = plan_lines(sys.argv[1])
    if len(lines) < 3 or not lines[0].startswith("附件"):
        sys.exit("%s: expected 附件N, the title, then paragraphs" % sys.argv[1])
    out = [HEAD.format(title=esc(lines[1]), pitch=PITCH)]
    out.append(block(lines[0], "黑体", indent=False, align="start",
                     extra=' space-after="%.3fpt"' % PITCH))
    out.append(block(lines[1], "小标宋", indent=False, align="center",
                     extra=' font-size="22pt" space-after="%.3fpt"' % PITCH))
    for l in lines[2:]:
        out.append(block(l, heading_role(l)))
    out.append(TAIL)
    sys.stdout.write("".join(out))


main()
