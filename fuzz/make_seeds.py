#!/usr/bin/env python3
"""make_seeds.py — writes the hand-made seeds of fuzz/corpus/ (the nasty
cases) and copies the small fixtures of tests/ beside them.  Run from the
top of the tree; re-running rewrites the same files.  Crash reproducers
found by fuzzing are added by hand as fuzz/corpus/NAME/crash-*."""
import os, shutil, struct, subprocess, sys, tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
C = os.path.join(TOP, "fuzz", "corpus")

def put(target, name, data):
    d = os.path.join(C, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)

def copy(target, src, name=None):
    with open(os.path.join(TOP, src), "rb") as f:
        put(target, name or ("fx-" + os.path.basename(src)), f.read())

# ---------------------------------------------------------------- import
for f in sorted(os.listdir(os.path.join(TOP, "tests/fixtures/import"))):
    copy("import", "tests/fixtures/import/" + f)
copy("import", "tests/fixtures/sheets/mini.txt")
copy("import", "data/plan.txt")
HEAD = "示范方案\n一、任务分工\n"
put("import", "empty", b"")
put("import", "only-title", "示范方案\n")
put("import", "bom-crlf", "\ufeff示范方案\r\n一、任务\r\n1.甲。(市科技局)\r\n")
put("import", "invalid-utf8", HEAD.encode() + b"1.\xff\xfe\xc0\x80(\xe5\xb8)\n")
put("import", "nul-byte", HEAD.encode() + b"1.\x00(\xe5\xb8\x82\xe7\xa7\x91\xe6\x8a\x80\xe5\xb1\x80)\n")
put("import", "deep-brackets", HEAD + "1.甲" + "(" * 40 + "市科技局" + ")" * 40 + "\n")
put("import", "unbalanced", HEAD + "1.甲)))(((市科技局\n2.乙（（（）\n")
put("import", "long-line", HEAD + "1.甲" + "做" * 30000 + "(市科技局)\n")
put("import", "many-units", HEAD + "1.甲。(" + "、".join("市单位%d" % i for i in range(400)) + ")\n")
put("import", "long-unit", HEAD + "1.甲。(" + "市" * 100 + "局)\n")
put("import", "numbers", HEAD + "".join("%d.任务%d。(市科技局)\n" % (n, n) for n in
                                         (1, 2, 2, 99999999999999999999, 0, -1, 3)))
put("import", "huge-number", HEAD + "18446744073709551617.甲。(市科技局)\n")
put("import", "sections-only", "示范方案\n" + "".join("%s、节\n(一)小节\n" % c for c in "一二三四五六七八九十"))
put("import", "nested-sections", HEAD + "(一)(二)(三)\n1.甲。(市科技局)\n（一）\n")
put("import", "deadlines", HEAD + "\n".join(
    "%d.任务。(市科技局;完成时限:%s)" % (i + 1, d) for i, d in enumerate(
        ["2020年12月底", "2020年6月", "2020年底", "2020年上半年", "2020年3月15日",
         "2020-03-15", "2020年2月30日", "2020年13月", "0000年0月", "99999年1月",
         "2020-02-29", "2019-02-29", "2020年下半年", "长期坚持", "2020年月底"])) + "\n")
put("import", "quotes", HEAD + '1.甲"乙"丙"丁。(市科技局)\n2.x,y;z:(a)!?。(市科协)\n')
put("import", "roles", HEAD + "1.甲。(牵头单位:;责任单位:、、、;配合单位:)\n"
    "2.乙。(牵头:市科技局牵头牵头)\n3.丙。(市科技局牵头,牵头)\n")
put("import", "attachment-only", "附件2\n")
put("import", "requirements", "示范方案\n一、工作要求\n(一)各单位。\n(二)\n(三)" + "要" * 500 + "\n")
put("import", "blank-lines", "\n\n\n   \n\t\n示范方案\n\n\n")
put("import", "control-chars", HEAD + "1.甲\x01\x1b[31m乙\x7f。(市科技局\u2028市科协\u202e)\n")

# -------------------------------------------------------------------- fo
for f in sorted(os.listdir(os.path.join(TOP, "tests/fo"))):
    if f.endswith(".fo"):
        copy("fo", "tests/fo/" + f)
FO_HEAD = ('<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:gw="urn:gongwen:fo">'
           '<fo:layout-master-set><fo:simple-page-master master-name="a4" page-width="210mm" '
           'page-height="297mm" margin="25mm"><fo:region-body/></fo:simple-page-master>'
           '</fo:layout-master-set><fo:page-sequence master-reference="a4">'
           '<fo:flow flow-name="xsl-region-body" font-family="宋体" font-size="12pt">')
FO_TAIL = '</fo:flow></fo:page-sequence></fo:root>'
def fo(name, body, head=FO_HEAD):
    put("fo", name, head + body + FO_TAIL)
fo("minimal", "<fo:block>甲</fo:block>")
fo("empty-flow", "")
fo("deep-300", "<fo:block>" * 300 + "深" + "</fo:block>" * 300)
fo("deep-255", "<fo:block>" * 250 + "深" + "</fo:block>" * 250)
fo("inline-deep", "<fo:block>" + "<fo:inline>" * 240 + "字" + "</fo:inline>" * 240 + "</fo:block>")
fo("entity-ref", '<fo:block>&#x0;&#65;&amp;&lt;</fo:block>')
# documents in pieces (fuzz_fo.c: parts after a "<!--piece-->" line)
SEP = "\n<!--piece-->\n"
CONT = FO_HEAD.replace('<fo:page-sequence master-reference="a4">',
                       '<fo:page-sequence master-reference="a4" gw:continue="true">')
TABLE = ('<fo:table%s><fo:table-column column-width="40mm"/><fo:table-column column-width="60mm"/>'
         '<fo:table-header><fo:table-row><fo:table-cell border="0.5pt solid black"><fo:block>序号'
         '</fo:block></fo:table-cell><fo:table-cell border="0.5pt solid black"><fo:block>任务</fo:block>'
         '</fo:table-cell></fo:table-row></fo:table-header><fo:table-body>%s</fo:table-body></fo:table>')
ROW = ('<fo:table-row><fo:table-cell border="0.5pt solid black"><fo:block>%d</fo:block></fo:table-cell>'
       '<fo:table-cell border="0.5pt solid black"><fo:block>%s</fo:block></fo:table-cell></fo:table-row>')
rows = lambda a, b: "".join(ROW % (i, "任务内容" * (i % 7 + 1)) for i in range(a, b))
put("fo", "pieces-3", FO_HEAD.replace("<fo:root ", '<fo:root gw:pieces="3" ')
    + '<fo:block keep-with-next.within-page="always">甲</fo:block>' + FO_TAIL + SEP
    + CONT + "<fo:block>乙</fo:block>" * 40 + FO_TAIL + SEP + CONT + "<fo:block>丙</fo:block>" + FO_TAIL)
put("fo", "pieces-table", FO_HEAD.replace("<fo:root ", '<fo:root gw:pieces="2" ')
    + TABLE % ("", rows(1, 30)) + FO_TAIL + SEP
    + CONT + TABLE % (' gw:continue="true"', rows(30, 60)) + FO_TAIL)
put("fo", "pieces-short", FO_HEAD.replace("<fo:root ", '<fo:root gw:pieces="4" ')
    + "<fo:block>甲</fo:block>" + FO_TAIL + SEP + CONT + "<fo:block>乙</fo:block>" + FO_TAIL)
put("fo", "doctype-entity", '<!DOCTYPE fo:root [<!ENTITY a "甲甲甲甲">]>' + FO_HEAD + '<fo:block>&a;</fo:block>' + FO_TAIL)
put("fo", "billion-laughs", '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1) if i > 1 else "&lol;") * 10) for i in range(1, 10))
    + ']>' + FO_HEAD + '<fo:block>&lol9;</fo:block>' + FO_TAIL)
put("fo", "external-entity", '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + FO_HEAD + '<fo:block>&x;</fo:block>' + FO_TAIL)
put("fo", "not-xml", "<fo:root><fo:block>")
put("fo", "wrong-root", "<html><body/></html>")
fo("zero-font", '<fo:block font-size="0pt">零</fo:block><fo:block font-size="-5pt">负</fo:block>')
fo("huge-font", '<fo:block font-size="100000pt">巨</fo:block><fo:block font-size="1e308pt">大</fo:block>')
fo("nan-lengths", '<fo:block space-before="nanpt" start-indent="infpt" text-indent="-1e309pt" '
   'line-height="-3" letter-spacing="1e300pt">乙</fo:block>')
fo("negative-indent", '<fo:block start-indent="300mm" end-indent="300mm">宽度为负</fo:block>'
   '<fo:block start-indent="-300mm">左</fo:block>')
fo("percent", '<fo:block start-indent="150%" text-indent="-200%" font-size="300%">百分</fo:block>')
fo("colors", '<fo:block color="#12" background-color="rgb(300,-1,50%)">色</fo:block>'
   '<fo:block color="rgb(" border="1pt solid #zzzzzz">色</fo:block>')
fo("breaks", '<fo:block break-before="page"/>' * 50 + '<fo:block break-after="odd-page" break-before="even-page">甲</fo:block>')
fo("keep-all", ''.join('<fo:block keep-with-next="always" keep-together="always">保持%d</fo:block>' % i for i in range(200)))
fo("table-empty", '<fo:table/><fo:table><fo:table-body/></fo:table>'
   '<fo:table><fo:table-body><fo:table-row/></fo:table-body></fo:table>')
fo("table-spans", '<fo:table table-layout="fixed" width="100%"><fo:table-column column-width="0mm"/>'
   '<fo:table-column column-width="-5mm" number-columns-repeated="1000000"/><fo:table-body>'
   '<fo:table-row><fo:table-cell number-columns-spanned="99" number-rows-spanned="99999">'
   '<fo:block>跨</fo:block></fo:table-cell><fo:table-cell number-columns-spanned="0"><fo:block>零</fo:block>'
   '</fo:table-cell></fo:table-row></fo:table-body></fo:table>')
fo("table-tall-row", '<fo:table><fo:table-column column-width="20mm"/><fo:table-body><fo:table-row>'
   '<fo:table-cell><fo:block>' + "高" * 3000 + '</fo:block></fo:table-cell></fo:table-row>'
   '</fo:table-body></fo:table>')
fo("table-header-huge", '<fo:table><fo:table-column column-width="100mm"/><fo:table-header>'
   '<fo:table-row><fo:table-cell><fo:block>' + "头<fo:block/>" * 100 + '</fo:block></fo:table-cell>'
   '</fo:table-row></fo:table-header><fo:table-body><fo:table-row><fo:table-cell><fo:block>体</fo:block>'
   '</fo:table-cell></fo:table-row></fo:table-body></fo:table>')
fo("container-fixed", '<fo:block-container height="1mm" overflow="hidden"><fo:block>' + "溢" * 500
   + '</fo:block></fo:block-container><fo:block-container height="-1mm" width="0mm"><fo:block>负</fo:block>'
   '</fo:block-container><fo:block-container absolute-position="absolute" top="-100mm" left="1e9mm">'
   '<fo:block>绝</fo:block></fo:block-container>')
fo("citations", '<fo:block id="a">甲<fo:page-number-citation ref-id="a"/><fo:page-number-citation ref-id="missing"/>'
   '<fo:page-number-citation/></fo:block><fo:block id="a">重复</fo:block>')
fo("leaders", '<fo:block><fo:leader leader-length="1e9mm"/><fo:leader leader-pattern="dots" '
   'leader-length.minimum="-1pt"/><fo:leader rule-thickness="-2pt"/></fo:block>')
fo("graphics", '<fo:block><fo:external-graphic src="url(\'../../../../etc/passwd\')"/>'
   '<fo:external-graphic src="red-square.png" content-width="0mm"/><fo:external-graphic/></fo:block>')
fo("svg-inside", '<fo:block><fo:instream-foreign-object><svg xmlns="http://www.w3.org/2000/svg" '
   'width="100" height="50"><rect width="50" height="20" fill="red"/><text x="1" y="10">图</text></svg>'
   '</fo:instream-foreign-object></fo:block>')
fo("svg-empty-ifo", '<fo:block><fo:instream-foreign-object/></fo:block>')
fo("svg-huge", '<fo:block><fo:instream-foreign-object content-width="1e6mm"><svg xmlns="http://www.w3.org/2000/svg" '
   'width="1e6" height="1e6"><rect width="50" height="20"/></svg></fo:instream-foreign-object></fo:block>')
fo("svg-zero", '<fo:block><fo:instream-foreign-object><svg xmlns="http://www.w3.org/2000/svg" '
   'width="0" height="0"/></fo:instream-foreign-object></fo:block>')
fo("lists", '<fo:list-block provisional-distance-between-starts="-10mm"><fo:list-item><fo:list-item-label>'
   '<fo:block>1.</fo:block></fo:list-item-label><fo:list-item-body start-indent="body-start()"><fo:block>项</fo:block>'
   '</fo:list-item-body></fo:list-item><fo:list-item/></fo:list-block>')
fo("missing-glyphs", '<fo:block>\U0001F600\uE000\U000F0000\u0301\u200B\u00AD</fo:block>')
fo("unbreakable", '<fo:block>' + "a" * 5000 + '</fo:block>')
fo("preserve-ws", '<fo:block linefeed-treatment="preserve" white-space-treatment="preserve" '
   'white-space-collapse="false" wrap-option="no-wrap">' + "\n" * 300 + " " * 300 + "\t\r" + '</fo:block>')
fo("grid", '<fo:block gw:grid="none" gw:punctuation-squeeze="true" gw:fit-to-width="true" '
   'text-align="justify" text-align-last="justify">“，。”——……</fo:block><fo:block gw:fit-to-width="true"/>')
put("fo", "page-zero", FO_HEAD.replace('page-width="210mm"', 'page-width="0mm"')
    .replace('margin="25mm"', 'margin="200mm"') + "<fo:block>零</fo:block>" + FO_TAIL)
put("fo", "page-huge", FO_HEAD.replace('page-height="297mm"', 'page-height="1e7mm"')
    + "<fo:block>巨</fo:block>" + FO_TAIL)
put("fo", "no-master", FO_HEAD.replace('master-reference="a4"', 'master-reference="none"') + FO_TAIL)
put("fo", "two-flows", FO_HEAD + "<fo:block>a</fo:block></fo:flow><fo:flow flow-name=\"xsl-region-body\">"
    + "<fo:block>b</fo:block>" + FO_TAIL)
put("fo", "static", FO_HEAD.replace('<fo:flow', '<fo:static-content flow-name="xsl-region-after">'
    '<fo:block><fo:page-number/>' + "页" * 2000 + '</fo:block></fo:static-content><fo:flow')
    + "<fo:block>甲</fo:block>" + FO_TAIL)
put("fo", "bookmarks", FO_HEAD.replace('<fo:page-sequence', '<fo:bookmark-tree>' + '<fo:bookmark internal-destination="x">'
    '<fo:bookmark-title>书签</fo:bookmark-title>' * 1 + '<fo:bookmark/>' + '</fo:bookmark>' * 1
    + '</fo:bookmark-tree><fo:page-sequence') + '<fo:block id="x">甲</fo:block>' + FO_TAIL)

# ------------------------------------------------------------------- svg
copy("svg", "tests/fixtures/svg/chart.svg")
SV = '<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s"%s>%s</svg>'
def svg(name, body, w="100", h="100", extra=""):
    put("svg", name, SV % (w, h, extra, body))
svg("empty", "")
svg("units", "", "10mm", "1in")
svg("bad-size", "", "-5", "abc")
svg("zero-viewbox", '<rect width="10" height="10"/>', "100", "100", ' viewBox="0 0 0 0"')
svg("neg-viewbox", '<rect width="10" height="10"/>', "100", "100", ' viewBox="0 0 -10 -1e308"')
svg("nan-viewbox", '<rect width="10" height="10"/>', "", "", ' viewBox="nan inf 1 1"')
svg("huge-rect", '<rect x="1e308" y="-1e308" width="1e308" height="1e308"/>')
svg("huge-line", '<line x1="1e400" y1="0" x2="0" y2="0" stroke="black"/>')
svg("huge-circle", '<circle r="1e308" cx="1e308"/>')
svg("big-numbers", '<rect x="1e30" y="-1e30" width="1e30" height="1e30" stroke-width="1e30" stroke="red"/>'
    '<circle r="1e30" cx="1e30" fill="blue"/><polyline points="0,0 1e30,1e30" stroke="red"/>')
svg("deep-groups-60", "<g>" * 60 + '<rect width="1" height="1"/>' + "</g>" * 60)
svg("deep-groups-70", "<g>" * 70 + '<rect width="1" height="1"/>' + "</g>" * 70)
svg("deep-groups-5000", "<g>" * 5000 + "</g>" * 5000)
for i, t in enumerate(["matrix(0 0 0 0 0 0)", "rotate(45)", "scale(1e308)", "translate(,)", "skewX(90)",
                       "rotate(1 2 3 4 5 6 7)", "scale(-1)translate(5)", "scale(1e200) scale(1e200)",
                       "matrix(1e308 0 0 1e308 1e308 1e308)"]):
    svg("transform-%d" % i, '<g transform="%s"><rect width="1" height="1" stroke="red"/><line x2="9" stroke="red"/></g>' % t)
svg("paths", '<path d="M0 0L10 10H5V3C1 2 3 4 5 6Z m1 1 l2 2 h3 v4 c1 1 1 1 1 1 z"/>'
    '<path d=""/><path d="M0,0 1,1 2,2 3,3"/><path d="' + "M0 0 L1 1 " * 2000 + '"/>')
for i, d in enumerate(["M", "L 5 5", "Z Z Z", "M 1e309 0 L nan 1", "M0 0 Q 1 1 2 2 A 1 1 0 0 1 3 3",
                       "M0 0 C 1 1 2 2", "m-0-0-0.5.5e5", "M0 0 h1e308 v1e308 h1e308"]):
    svg("path-%d" % i, '<path d="%s" stroke="black"/>' % d)
svg("polys", '<polyline points=""/><polyline points="1"/><polyline points="1,2,3"/>'
    '<polygon points="0,0 10,0 10,10 0"/><polygon points="' + " ".join("%d,%d" % (i, i) for i in range(3000)) + '"/>')
for i, t in enumerate(['<text x="10" y="20" font-size="0">零</text>', '<text font-size="-12" text-anchor="end">负</text>',
        '<text font-size="1e9" text-anchor="middle">大</text>', '<text font-family="不存在的字体">字</text>',
        '<text>\U0001F600\uE000</text><text/>', '<text><tspan>内</tspan>外</text>',
        '<text x="1e308" font-size="12">远</text>', '<g transform="scale(1000)"><text font-size="12">放</text></g>']):
    svg("text-%d" % i, t)
for i, r in enumerate(['fill="#f" stroke="rgb(1,2"', 'stroke-width="-3" stroke="red" opacity="7"',
                       'fill="url(#g)" stroke="currentColor"', 'opacity="nan"', 'opacity="-1"',
                       'style="fill:red;stroke:blue" fill-opacity="0.5"']):
    svg("colors-%d" % i, '<rect width="5" height="5" %s/>' % r)
svg("unknown", '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
    '<image href="file:///etc/passwd"/><use href="#a"/><defs><rect id="a"/></defs><script>alert(1)</script>')
put("svg", "not-svg", "<html/>")
put("svg", "entity", '<!DOCTYPE svg [<!ENTITY a "x">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>')
put("svg", "no-ns", '<svg width="10" height="10"><rect width="5" height="5"/></svg>')

# ----------------------------------------------------------------- image
# the good and damaged PNGs of t_render_damaged_png.sh, and the fixtures
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run([sys.executable, os.path.join(TOP, "tests/fixtures/png/gen.py"), tmp],
                   check=True)
    for f in sorted(os.listdir(tmp)):
        with open(os.path.join(tmp, f), "rb") as fh:
            put("image", "gen-" + f, fh.read())
copy("image", "tests/fixtures/pdf/red8x4.png")
copy("image", "tests/fo/red-square.png")

# ------------------------------------------------------------- linebreak
def lb(name, width, flags, text):
    put("linebreak", name, bytes([width, flags]) + text.encode("utf-8"))
TXT = "甲乙丙丁戊己庚辛壬癸，。乙丙（注）丁《书》戊——己……庚、」乙丙丁。"
for i, (w, fl) in enumerate([(40, 0), (40, 3 | 12), (40, 16), (40, 32), (40, 64), (40, 0xFF),
                               (1, 0), (0, 0), (255, 3)]):
    lb("kinsoku-%d" % i, w, fl, TXT * 3)
lb("latin", 30, 0, "GB/T 9704-2012 is the standard; https://example.org/a/very/long/url?with=query&and=more " * 3)
lb("mixed", 20, 3, "混排测试：GB/T 9704-2012 规定版心 156 mm × 225 mm，每行 28 个字。")
lb("forced", 40, 12, "第一行\n第二行\n\n\n末")
lb("only-forced", 40, 0, "\n" * 50)
lb("only-punct", 4, 16, "，。、；：？！）》」』〕】”’" * 10 + "（《「『〔【“‘" * 10)
lb("dashes", 2, 0, "——" * 40 + "……" * 40)
lb("unbreakable", 10, 0, "a" * 3000)
lb("objects", 10, 0, "\ufffc" * 20 + "甲\ufffc乙")
lb("combining", 10, 0, "e\u0301" * 50 + "\u200b" * 20 + "\u00ad" * 20)
lb("emoji", 10, 0, "\U0001F600\U0001F1E8\U0001F1F3" * 20)
put("linebreak", "invalid-utf8", bytes([40, 0]) + b"\xff\xfe\xc0\x80\xed\xa0\x80\xe4\xb8")
put("linebreak", "short", bytes([40]))

# ----------------------------------------------------------------- fname
def fn(name, order, s):
    put("fname", name, struct.pack(">H", order) + (s.encode("utf-8") if isinstance(s, str) else s))
fn("plain", 1, "市科技局")
fn("traversal", 2, "../../etc/passwd")
fn("dots", 3, "...")
fn("dot", 4, ".")
fn("empty", 5, "")
fn("spaces", 6, "   ")
fn("windows", 7, 'a:b*c?d"e<f>g|h\\i')
fn("controls", 8, "a\nb\rc\x01d\x7f\u0085e")
fn("bidi", 9, "\u202etxt.exe\u2066\u200f\ufeff\u2028\u2029")
fn("invalid-utf8", 10, b"\xff\xfe\xc0\x80\xed\xa0\x80\xf4\x90\x80\x80\xe4\xb8")
fn("long-cjk", 11, "长" * 400)
fn("long-ascii", 12, "a" * 400)
fn("cut-boundary", 13, "a" + "长" * 100)
fn("order-big", 9999, "x")
fn("trailing", 14, "name. . .")
fn("nul-inside", 15, b"ab\x00cd")
fn("only-unsafe", 16, "////")
fn("dot-after-strip", 17, " .  .hidden")
