"""fo_common.py — what both bench generators share: the GB/T 9704 page
master (A4, 37/28/26/35 mm margins, a 28 x 22 document grid on the body),
fonts named by role, and the clean-up of plan text.

Only the XSL-FO 1.1 subset both gongwen and Apache FOP implement is used;
gw:* attributes are in their own namespace, so FOP ignores them."""

import re

PITCH = 28.991          # line pitch: 637.795 pt / 22 lines
CHAR = 15.793           # character pitch: 442.205 pt / 28 characters

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:gw="urn:gongwen:fo"
    gw:title="{title}" gw:author="gongwen bench" gw:subject="benchmark">
  <fo:layout-master-set>
    <fo:simple-page-master master-name="a4" page-width="210mm" page-height="297mm"
        margin-top="37mm" margin-bottom="0mm" margin-left="28mm" margin-right="26mm">
      <fo:region-body margin-bottom="35mm" gw:grid="28 22"/>
      <fo:region-after extent="35mm"/>
    </fo:simple-page-master>
  </fo:layout-master-set>
  <fo:page-sequence master-reference="a4">
    <fo:static-content flow-name="xsl-region-after">
      <fo:block font-family="宋体" font-size="14pt" text-align="center" padding-top="4mm"
          gw:grid="none">— <fo:page-number/> —</fo:block>
    </fo:static-content>
    <fo:flow flow-name="xsl-region-body" font-family="仿宋" font-size="16pt"
        line-height="{pitch}pt">
"""

TAIL = """    </fo:flow>
  </fo:page-sequence>
</fo:root>
"""

# Half-width punctuation in the source text, as an official document sets it.
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}


def full_width(s):
    """Returns s with ASCII punctuation made full width and "..." pairs made
    into Chinese quotation marks."""
    s = "".join(_FULL.get(c, c) for c in s)
    out, opened = [], False
    for c in s:
        if c == '"':
            out.append("”" if opened else "“")
            opened = not opened
        else:
            out.append(c)
    return "".join(out)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plan_lines(path):
    """The plan's lines, without the web page's trailer (from 编辑推荐 on)
    and with a first line repeating the title dropped."""
    with open(path, encoding="utf-8") as f:
        lines = [l.strip() for l in f.read().splitlines()]
    out = []
    for l in lines:
        if l.startswith("编辑推荐"):
            break
        if l:
            out.append(full_width(l))
    if len(out) > 2 and out[0] == out[2]:
        out = out[1:]
    return out


def block(text, role, indent=True, align="justify", extra=""):
    """One paragraph: a block in the given font role, first line indented
    two characters (two character pitches)."""
    ti = ' text-indent="%.3fpt"' % (2 * CHAR) if indent else ""
    fam = "" if role == "仿宋" else ' font-family="%s"' % role
    return '      <fo:block%s text-align="%s"%s%s>%s</fo:block>\n' % (
        fam, align, ti, extra, esc(text))


def heading_role(line):
    """GB/T 9704 heading levels: 一、 黑体; （一） 楷体; the rest 仿宋."""
    if re.match(r"^[一二三四五六七八九十]+、", line):
        return "黑体"
    if re.match(r"^（[一二三四五六七八九十]+）", line):
        return "楷体"
    return "仿宋"
