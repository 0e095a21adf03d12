#!/bin/sh
# t_docx.sh — the notice and the sheets as Word documents (--format docx):
# the package (every part well-formed, in the content types and
# relationships, in a fixed order, byte-identical reruns), GB/T 9704 in
# Word's terms (margins, line grid, character spacing, styles with Chinese
# names, odd/even footers, the landscape 附件2 with a repeating header, the
# 版记 on an even page), and LibreOffice: it converts the file without
# complaint, the converted PDF scores at least 16 of 20 on gbt9704-check
# (docs/docx.md says which checks fail and why), and its 附件1 reads back the
# plan text character for character, as gongwen's own PDF does.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

"$GW" -q import plan "$TOP/data/plan.txt" --db d.db
"$GW" -q notice --format docx --db d.db -o n.docx; rc=$?
ok_eq "notice --format docx: exit 0" "$rc" 0
"$GW" -q notice --format docx --db d.db -o n2.docx
ok_if "… a rerun gives the same bytes" cmp n.docx n2.docx

parts=$(unzip -Z1 n.docx 2>/dev/null | tr '\n' ' ')
ok_eq "the parts, in a fixed order" "$parts" \
    "[Content_Types].xml _rels/.rels docProps/core.xml word/_rels/document.xml.rels word/document.xml word/styles.xml word/settings.xml word/fontTable.xml word/footer1.xml word/footer2.xml "
mkdir x && (cd x && unzip -q ../n.docx)
bad=""
for p in $parts; do xmllint --noout "x/$p" 2>/dev/null || bad="$bad $p"; done
ok_eq "every part is well-formed XML" "$bad" ""
ok_eq "every part but the content types and .rels files is in [Content_Types].xml" \
    "$(for p in $parts; do case $p in *.rels|'[Content_Types].xml') ;; *) grep -q "PartName=\"/$p\"" 'x/[Content_Types].xml' || echo "$p";; esac; done)" ""
ok_eq "every relationship's target exists" \
    "$(sed 's/></>\n</g' x/word/_rels/document.xml.rels | sed -n 's/.*Target="\([^"]*\)".*/\1/p' | while read -r t; do [ -f "x/word/$t" ] || echo "$t"; done)" ""
doc=$(cat x/word/document.xml)
ok_match "A4 portrait, margins 37/26/35/28 mm" "$doc" '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"'
ok_match "a line grid of 22 lines (579 twips: 22 fit the 12756 of 225 mm)" "$doc" '<w:docGrid w:type="lines" w:linePitch="579"/>'
ok_match "… and the paragraphs one pitch a line" "$(cat x/word/styles.xml)" '<w:pPrDefault><w:pPr>.*<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>'
ok_match "no extra space between Chinese and digits (autoSpaceDE/DN off)" "$(cat x/word/styles.xml)" \
    '<w:pPrDefault><w:pPr>.*<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'
ok_eq "each font's alternative is one name (w:altName holds one)" \
    "$(grep -o '<w:altName w:val="[^"]*"' x/word/fontTable.xml | grep -c ';')" 0
ok_match "附件2 on landscape pages" "$doc" '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
ok_match "… its header row repeats" "$doc" '<w:trPr><w:tblHeader/>'
ok_match "the 版记's section starts on an even page" "$doc" '<w:type w:val="evenPage"/>'
ok_match "28 字 a line: 正文 set 0.25 pt closer" "$(cat x/word/styles.xml)" '<w:spacing w:val="-5"/><w:kern w:val="2"/><w:sz w:val="32"/>'
ok_match "正文's first line two 字 in (w:firstLineChars)" "$(cat x/word/styles.xml)" 'w:styleId="GWText">.*<w:ind w:firstLineChars="200" w:firstLine="630"/>'
for n in 正文 公文标题 一级标题 二级标题 附件说明 版记 发文机关标志 发文字号 署名; do
    ok_match "a paragraph style named $n" "$(cat x/word/styles.xml)" "<w:name w:val=\"$n\"/>"
done
ok_match "fonts by role: 仿宋_GB2312 for 正文, 方正小标宋简体 for the title" "$(cat x/word/styles.xml)" \
    'w:eastAsia="仿宋_GB2312".*w:styleId="GWTitle".*w:eastAsia="方正小标宋简体"'
ok_match "odd and even footers differ" "$(cat x/word/settings.xml)" '<w:evenAndOddHeaders/>'
ok_match "… odd: — N — on the right" "$(cat x/word/footer1.xml)" '<w:jc w:val="right"/>.*PAGE'
ok_match "… even: on the left" "$(cat x/word/footer2.xml)" '<w:jc w:val="left"/>.*PAGE'
ok_match "the red mark and the red rule" "$doc" 'GWMark.*w:t>中共株洲市委人才工作领导小组办公室文件<'
ok_match "the PDF's document information in docProps/core.xml" "$(cat x/docProps/core.xml)" \
    '<dc:subject>《关于进一步推进人才优先发展的30条措施》主要任务分工方案</dc:subject><dc:creator>中共株洲市委人才工作领导小组办公室</dc:creator><cp:keywords>株人才办发〔2017〕3号</cp:keywords>.*<dcterms:created xsi:type="dcterms:W3CDTF">2017-05-12T00:00:00Z</dcterms:created>'
ok_match "the mark at the PDF's size (28 pt) narrowed to the line (w:w)" "$doc" \
    '<w:pStyle w:val="GWMark"/>.*<w:spacing w:val="0"/><w:w w:val="82"/><w:sz w:val="56"/>'
ok_match "附件2's header row in 黑体" "$doc" '<w:tblHeader/>.*<w:rFonts w:ascii="黑体"[^>]*/></w:rPr><w:t xml:space="preserve">序号<'
ok_eq "附件2: the rows the PDF keeps whole cannot split (w:cantSplit)" \
    "$(sed 's/<w:tr>/\n<w:tr>/g' x/word/document.xml | grep -c '^<w:tr><w:trPr><w:cantSplit/>.*<w:t xml:space="preserve">[0-9][0-9]*</w:t>')" \
    "$("$GW" fo notice --db d.db | sed 's/<fo:table-row/\n<fo:table-row/g' | grep -c '^<fo:table-row keep-together.within-page="always">')"
ok_if "no macros, no embedded fonts" sh -c "! printf '%s' '$parts' | grep -qi 'vba\|\.bin\|fonts/'"

# build --formats pdf,docx; a bad format; the output guard
"$GW" -q build --db d.db -o b --formats pdf,docx; rc=$?
ok_eq "build --formats pdf,docx: both notices" "$rc|$(ls b/notice.pdf b/notice.docx 2>/dev/null | wc -l)" "0|2"
"$GW" -q build --db d.db -o b2 --formats docx
ok_eq "build --formats docx: the Word notice and sheets only" "$(ls b2 | tr '\n' ' ')" "notice.docx sheets "
out=$("$GW" notice --format odt --db d.db -o x.odt 2>&1); rc=$?
ok_match "--format odt: refused, naming it (exit 1, as status --format)" "$rc:$out" "^1:.*--format pdf or docx, not odt"
# -o's extension: .docx writes Word without --format; a contradiction is
# refused (exit 64) and writes nothing
"$GW" -q notice --db d.db -o byname.docx; rc=$?
ok_eq "notice -o byname.docx: a Word file" "$rc|$(unzip -Z1 byname.docx 2>/dev/null | grep -c '^word/document.xml$')" "0|1"
out=$("$GW" notice --format docx --db d.db -o clash.pdf 2>&1); rc=$?
ok_match "notice --format docx -o clash.pdf: refused, nothing written" "$rc|$(ls clash.pdf 2>/dev/null | wc -l)|$out" \
    "^64|0|.*-o clash.pdf names a PDF file, but --format docx writes a Word one"
out=$("$GW" notice --format docx --db d.db -o d.db 2>&1); rc=$?
ok_match "-o onto the database: refused" "$rc:$out" "^2:.*refusing to write over the open database"

# LibreOffice reads it
if command -v soffice >/dev/null 2>&1; then
    HOME="$T" timeout 300 soffice --headless --convert-to pdf --outdir lo n.docx >lo.log 2>&1
    ok_if "LibreOffice converts it to PDF" test -s lo/n.pdf
    ok_if "… without an error or a repair" sh -c "! grep -qi 'error\|repair\|corrupt' lo.log"
    CHECK="$TOP/../shared/checks/gbt9704-check"
    if [ -f "$CHECK" ]; then
        score=$(python3 "$CHECK" --profile notice lo/n.pdf 2>&1 | tail -n 1 | sed -n 's/^\([0-9]*\) passed.*/\1/p')
        ok_if "gbt9704-check on LibreOffice's PDF: at least 16 of 20 (got ${score:-none})" \
            test "${score:-0}" -ge 16
    else
        skip "gbt9704-check on LibreOffice's PDF" "../shared/checks not beside the repository"
    fi
    # 附件1 character for character: LibreOffice's PDF and gongwen's
    "$GW" -q notice --db d.db -o n.pdf
    att1() {   # the text from 附件1 to 附件2, whitespace and page numbers out
        pdftotext "$1" - | grep -v '^— *[0-9]* *—$' | tr -d ' \n\f' |
            sed 's/.*附件1\(.*\)附件2.*/\1/'
    }
    a=$(att1 n.pdf); b=$(att1 lo/n.pdf)
    ok_if "… 附件1 holds the plan (${#a} characters)" test "${#a}" -gt 3000
    ok_eq "… and reads back character for character as gongwen's PDF" "$b" "$a"
else
    skip "LibreOffice reads the .docx" "soffice not installed (make test-deps installs libreoffice-writer-nogui)"
fi

# the sheets as Word documents: one per recipient, the PDF sheet's content,
# the sign-off block a table
"$GW" -q sheets --format docx --db d.db -o wsheets; rc=$?
ok_eq "sheets --format docx: exit 0, 38 Word sheets, no booklet" \
    "$rc|$(ls wsheets/*.docx | wc -l)|$(ls wsheets.pdf 2>/dev/null | wc -l)" "0|38|0"
mkdir sx && (cd sx && unzip -q "../wsheets/11-市科技局.docx")
ok_if "… well-formed parts" sh -c "for p in \$(cd sx && find . -name '*.xml' -o -name '*.rels'); do xmllint --noout sx/\$p || exit 1; done"
ok_match "… the sign-off block is a table of label and line" "$(cat sx/word/document.xml)" \
    '签收人（签字）：</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:tcW w:w="5694" w:type="dxa"/><w:tcBorders><w:bottom w:val="single"'
out=$("$GW" sheets --format docx --booklet b.pdf --db d.db -o ws2 2>&1); rc=$?
ok_match "… --booklet with --format docx: refused" "$rc:$out" "^64:.*--booklet is a PDF"
"$GW" -q build --db d.db -o bw --formats docx
ok_eq "build --formats docx: the notice and 38 sheets in Word" \
    "$(ls bw/notice.docx | wc -l)|$(ls bw/sheets/*.docx | wc -l)|$(ls bw/*.pdf 2>/dev/null | wc -l)" "1|38|0"
if command -v soffice >/dev/null 2>&1; then
    # every Word sheet, in one LibreOffice run
    HOME="$T" timeout 600 soffice --headless --convert-to pdf --outdir lo wsheets/*.docx >lo2.log 2>&1
    ok_eq "LibreOffice converts every Word sheet" "$(ls lo/[0-9][0-9]-*.pdf 2>/dev/null | wc -l)" 38
    ok_if "… without an error" sh -c "! grep -qi 'error\|repair\|corrupt' lo2.log"
    "$GW" -q sheets --db d.db --unit 市科技局 -o psheets --no-booklet
    flat() { pdftotext "$1" - | grep -v '^— *[0-9]* *—$' | tr -d ' \n\f'; }
    body() {   # the text up to the sign-off fields, the 任务一览 table apart
        flat "$1" | sed 's/责任领导：[＿　]*联系人.*//; s/任务一览.*一、牵头任务/一、牵头任务/'
    }
    table() {  # the table's characters, sorted (readers order its cells differently)
        flat "$1" | sed 's/.*任务一览\(.*\)一、牵头任务.*/\1/' | python3 -c 'import sys; print("".join(sorted(sys.stdin.read().strip())))'
    }
    a=$(body "psheets/11-市科技局.pdf"); b=$(body "lo/11-市科技局.pdf")
    ok_if "LibreOffice converts a Word sheet (${#a} characters before the sign-off)" test "${#b}" -gt 1000
    ok_eq "… with the PDF sheet's text, character for character" "$b" "$a"
    ok_eq "… and the same 任务一览 (its characters)" "$(table "lo/11-市科技局.pdf")" "$(table "psheets/11-市科技局.pdf")"
fi
# the quarterly report as a Word document (the sample data of data/sample)
sample_db r.db
"$GW" -q report --format docx --db r.db --quarter 2018Q2 -o rep.docx; rc=$?
ok_eq "report --format docx: exit 0" "$rc" 0
mkdir rx && (cd rx && unzip -q ../rep.docx)
rdoc=$(cat rx/word/document.xml)
# ECMA-376 Part 1's sequences (the complex types in the comments), written
# out here apart from src/docx.c: the properties gongwen's parts use must
# come in this order, or Word may call the file damaged
cat >order.py <<'PY'
import sys, xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEQ = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "     # CT_PPr
           "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap "
           "overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
           "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow "   # CT_RPr
           "emboss imprint noProof snapToGrid vanish webHidden color spacing w kern "
           "position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize "               # CT_TblPr
             "tblStyleColBandSize tblW jc tblCellSpacing tblInd tblBorders shd "
             "tblLayout tblCellMar tblLook",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar "           # CT_TcPr
            "textDirection tcFitText vAlign hideMark",
    "sectPr": "footerReference footnotePr endnotePr type pgSz pgMar paperSrc "          # CT_SectPr
              "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg "
              "textDirection bidi rtlGutter docGrid",
    "settings": "view zoom defaultTabStop autoHyphenation evenAndOddHeaders "           # CT_Settings
                "characterSpacingControl compat",
    "pBdr": "top left bottom right between bar",
    "tblBorders": "top left bottom right insideH insideV",
    "tcBorders": "top left bottom right insideH insideV tl2br tr2bl",
    "tblCellMar": "top left bottom right",
}
bad = []
for path in sys.argv[1:]:
    for el in ET.parse(path).iter():
        name = el.tag.replace(W, "")
        if name not in SEQ or not el.tag.startswith(W):
            continue
        order = SEQ[name].split()
        names = [c.tag.replace(W, "") for c in el]
        if name == "sectPr":
            names = ["footerReference" if n == "headerReference" else n for n in names]
        unknown = [n for n in names if n not in order]
        ranks = [order.index(n) for n in names if n in order]
        if unknown or ranks != sorted(ranks):
            bad.append("%s: w:%s holds %s" % (path, name, " ".join(names)))
print("\n".join(bad[:3]) + ("\n… %d in all" % len(bad) if len(bad) > 3 else ""))
PY
ok_eq "the property lists of every part in ECMA-376's order (notice, a sheet, the report)" \
    "$(python3 order.py x/word/*.xml sx/word/*.xml rx/word/*.xml)" ""
ok_match "… the headline as in the XML" "$rdoc" "$("$GW" xml report --db r.db --quarter 2018Q2 | sed -n 's/.*<headline>\([^<]*\)<.*/\1/p')"
ok_match "… 图1 as a table of the counts, each shaded in its status's tint" "$rdoc" \
    '<w:shd w:val="clear" w:color="auto" w:fill="D6E6F9"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr>[^/]*/>[^/]*/>[^/]*/></w:pPr><w:r><w:t xml:space="preserve">13</w:t>.*图1　2018年第二季度任务状态分布'
ok_eq "… 图1 kept on one page with its caption (every paragraph of its table keeps with the next)" \
    "$(sed 's/<w:tbl>/\n<w:tbl>/g; s/<\/w:tbl>/<\/w:tbl>\n/g' rx/word/document.xml | grep '^<w:tbl>' | head -n 1 | python3 -c 'import sys; t = sys.stdin.read(); print(t.count("<w:p>"), t.count("<w:keepNext/>"))')" "10 10"
ok_match "… the 附件 in a landscape section, the 版记 on an even page" "$rdoc" \
    'w:orient="landscape".*<w:type w:val="evenPage"/>'
"$GW" -q build --db r.db -o rb --formats pdf,docx
ok_eq "build --formats pdf,docx: the report in both" "$(ls rb/report-2018Q2.* | tr '\n' ' ')" \
    "rb/report-2018Q2.docx rb/report-2018Q2.pdf "
"$GW" -q build --db r.db -o rbw --formats docx
ok_eq "build --formats docx: the report too, and no PDF" "$(ls rbw | tr '\n' ' ')|$(find rbw -name '*.pdf' | wc -l)" \
    "notice.docx report-2018Q2.docx sheets |0"
if command -v soffice >/dev/null 2>&1; then
    HOME="$T" timeout 300 soffice --headless --convert-to pdf --outdir lo rep.docx >lo3.log 2>&1
    "$GW" -q report --db r.db --quarter 2018Q2 -o rep.pdf
    head1() { pdftotext "$1" - | tr -d ' \n\f' | sed 's/.*一、总体进展情况\(全市[^。]*。\).*/\1/'; }
    ok_eq "LibreOffice's PDF of the report: the headline as in gongwen's PDF" "$(head1 lo/rep.pdf)" "$(head1 rep.pdf)"
    if [ -f "$TOP/../shared/checks/gbt9704-check" ]; then
        score=$(python3 "$TOP/../shared/checks/gbt9704-check" --profile notice lo/rep.pdf 2>&1 | tail -n 1 | sed -n 's/^\([0-9]*\) passed.*/\1/p')
        # 15: docs/docx.md, "The quarterly report", says which five fail
        ok_if "… gbt9704-check on it: at least 15 of 20 (got ${score:-none})" test "${score:-0}" -ge 15
    fi
fi
done_testing
