#!/usr/bin/env python3
"""mkbigplan.py N [PLAN.txt [UNITS.tsv]] > plan.txt — a task-division plan of
N tasks in the text format `gongwen import plan` reads (docs/import.md), with
the shape of the reference plan (default data/plan.txt) and the units of the
unit directory (default data/units.tsv).  bench/scale.sh uses it.

What is taken from the reference plan, so that the documents look like the
real ones at a larger size:
  - the title and preamble (its "30条" becomes "N条"), the 工作要求 items;
  - task text: a short title of the plan followed by 2-4 sentences drawn from
    the plan's task bodies (so about the same set of characters);
  - the shape of each unit list: how many named departments, and whether
    各县市区 / 有关职业院校 close it, copied from a task of the plan chosen at
    random.  各县市区 stands for its 9 member counties, so each county gets
    about as many tasks as in the plan (over half of them).
The departments themselves (party, government, mass and other units of the
directory) are drawn at random, so every one of them gets a sheet.  Most
lists are plain (the first unit leads, by the 下同 note of task 1); every 7th
uses 牵头/配合 markers and every 11th the 牵头单位：/责任单位：/完成时限： prefixes;
one name in 20 is written as an alias.  The sections are 一、… (at most 8)
each with up to 20 （一）… categories, as the importer's numerals stop at 九十九.
The output is the same for the same N and inputs (a fixed random seed)."""

import math
import os
import random
import re
import sys

from fo_common import plan_lines

CNUM = "一二三四五六七八九"
DEADLINES = ["2020年12月底", "2019年底", "2020年上半年", "2021年6月", "2020年下半年"]
NOTE = "，排第一的为牵头单位，其他为责任单位，下同"


def cnum(n):
    """1..99 as a Chinese numeral (一, 十, 十一, 二十, 九十九)."""
    tens, ones = divmod(n, 10)
    s = "" if tens == 0 else ("十" if tens == 1 else CNUM[tens - 1] + "十")
    return s + (CNUM[ones - 1] if ones else "")


def read_units(path):
    """(departments, groups) of the directory: departments are
    [(name, [aliases])] of the kinds a plan names one by one; groups the
    names of kind group."""
    depts, groups = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, kind, short, aliases, _members = line.split("\t")
            if kind == "group":
                groups.append(name)
            elif kind in ("party", "government", "mass", "other"):
                alts = [] if aliases == "-" else aliases.split("、")
                if short != "-":
                    alts.append(short)
                depts.append((name, alts))
    return depts, groups


def read_plan(path):
    """The parts of the reference plan this generator reuses."""
    lines = plan_lines(path)
    if lines and re.match(r"^附件\d*", lines[0]):
        lines = lines[1:]
    title, rest = lines[0], lines[1:]
    first = next(i for i, l in enumerate(rest) if re.match(r"^[一二三四五六七八九十]+、", l))
    preamble = rest[:first]
    categories, shorts, sentences, shapes, reqs = [], [], [], [], []
    in_reqs = False
    for l in rest[first:]:
        if re.match(r"^[一二三四五六七八九十]+、", l):
            in_reqs = "工作要求" in l or "保障措施" in l
            continue
        if in_reqs:
            reqs.append(re.sub(r"^（[一二三四五六七八九十]+）", "", l))
            continue
        m = re.match(r"^（[一二三四五六七八九十]+）(.*)$", l)
        if m:
            categories.append(m.group(1))
            continue
        m = re.match(r"^\d+[.．、](.*)（([^（）]*)）。?$", l)
        if not m:
            continue
        body, units = m.group(1), m.group(2)
        parts = [s for s in body.split("。") if s]
        if len(parts) > 1 and len(parts[0]) <= 20 and not re.search("[、，；：]", parts[0]):
            shorts.append(parts[0])
            parts = parts[1:]
        sentences.extend(s + "。" for s in parts if len(s) > 6)
        segs = [s for s in re.split("[，；]", units)
                if not re.search("牵头|责任单位|下同", s)]     # task 1's note
        names = [n for seg in segs for n in seg.split("、") if n]
        shapes.append(names)
    return title, preamble, categories, shorts, sentences, shapes, reqs


def unit_list(rng, i, shape, depts, groups):
    """The bracket group of task i: as many random departments as the shape
    names, then the shape's groups, in one of the three conventions."""
    ngroups = [n for n in shape if n in groups]
    k = max(1, len(shape) - len(ngroups))
    picked = rng.sample(depts, min(k, len(depts)))
    names = [alts[0] if alts and rng.random() < 0.05 else name for name, alts in picked]
    names += ngroups
    if i == 1:
        return "（" + "、".join(names) + NOTE + "）"
    if i % 11 == 0 and len(names) > 1:
        return "（牵头单位：%s；责任单位：%s；完成时限：%s）" % (
            names[0], "、".join(names[1:]), DEADLINES[i % len(DEADLINES)])
    if i % 7 == 0 and len(names) > 1:
        return "（%s牵头，%s配合）" % (names[0], "、".join(names[1:]))
    return "（" + "、".join(names) + "）"


def main():
    if len(sys.argv) not in (2, 3, 4):
        sys.exit("usage: mkbigplan.py N [PLAN.txt [UNITS.tsv]] > plan.txt")
    top = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    n = int(sys.argv[1])
    if not 1 <= n <= 20000:
        sys.exit("mkbigplan.py: N must be 1..20000 (the importer's cap)")
    plan = sys.argv[2] if len(sys.argv) > 2 else os.path.join(top, "data", "plan.txt")
    dirf = sys.argv[3] if len(sys.argv) > 3 else os.path.join(top, "data", "units.tsv")
    depts, groups = read_units(dirf)
    title, preamble, categories, shorts, sentences, shapes, reqs = read_plan(plan)
    if not (depts and categories and shorts and sentences and shapes):
        sys.exit("mkbigplan.py: %s or %s has not the expected shape" % (plan, dirf))
    rng = random.Random(20171010)

    # 8 sections at most, 20 categories a section at most, about 6 tasks a
    # category as in the reference plan while that fits.
    nsec = min(8, max(1, math.ceil(n / 60)))
    ncat = min(20, max(1, math.ceil(n / nsec / 6)))
    ncats = nsec * ncat
    out = ["附件1", re.sub(r"\d+条", "%d条" % n, title)]
    out += [re.sub(r"\d+条", "%d条" % n, p) for p in preamble]
    task = 1
    for c in range(ncats):
        if c % ncat == 0:
            out.append("%s、%s" % (cnum(c // ncat + 1), categories[(c // ncat) % len(categories)]))
        out.append("（%s）%s" % (cnum(c % ncat + 1), shorts[c % len(shorts)]))
        last = n * (c + 1) // ncats     # tasks task..last are in this category
        while task <= last:
            body = "".join(rng.sample(sentences, min(len(sentences), rng.randint(2, 4))))
            out.append("%d.%s。%s%s" % (task, rng.choice(shorts), body,
                                       unit_list(rng, task, rng.choice(shapes), depts, groups)))
            task += 1
    out.append("%s、工作要求" % cnum(nsec + 1))
    out += ["（%s）%s" % (cnum(k + 1), re.sub(r"\d+条", "%d条" % n, r)) for k, r in enumerate(reqs)]
    sys.stdout.write("\n".join(out) + "\n")


main()
