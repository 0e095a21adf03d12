#!/bin/sh
# t_sheets_templates.sh — the sheet and booklet templates on the sample XML
# in tests/fixtures/sheets/, with xsltproc alone (no gongwen): the samples are
# valid against data/sheet.rng and the FO says what a sheet must say.
. "$(dirname "$0")/lib.sh"

F="$TOP/tests/fixtures/sheets"
for x in sheet-kjj sheet-hetang booklet; do
    ok_if "$x.xml is valid against data/sheet.rng" \
        xmllint --noout --relaxng "$TOP/data/sheet.rng" "$F/$x.xml"
done

xsltproc "$TOP/templates/sheet.xsl" "$F/sheet-kjj.xml" >"$T/kjj.fo" 2>"$T/err"
ok_eq "sheet.xsl runs" "$?" 0
ok_if "its FO is well-formed" xmllint --noout "$T/kjj.fo"
text=$(xmllint --xpath 'string(/)' "$T/kjj.fo" 2>/dev/null)
ok_match "heading: 任务交办单 and the recipient" "$text" '任务交办单.*（市科技局）'
ok_match "heading: the document number" "$text" '株人才办发〔2017〕3号'
ok_match "sections in order" "$text" '一、牵头任务.*二、配合任务.*三、工作要求.*四、报送与签收'
ok_match "lead task 1 with its 责任单位" "$text" '第1项.*责任单位：市科协、市发改委、市经信委、市财政局。'
ok_match "lead task 1 deadline and 成果形式" "$text" '完成时限：2017年12月底前出台院士潜力人选引进培养办法（成果形式：政策文件）'
ok_match "responsible task 2 names its lead" "$text" '第2项.*牵头单位：市委组织部。'
ok_match "summary table has a row per task" "$(xmllint --xpath 'count(//*[local-name()="table-body"]/*[local-name()="table-row"])' "$T/kjj.fo")" '^3$'
ok_match "table header repeats (fo:table-header)" "$(grep -c 'table-header' "$T/kjj.fo")" '[1-9]'
ok_match "reporting dates, one line per year (no date split)" "$text" '报送时间：2017年：6月25日、9月25日、12月25日。2018年：3月25日。'
ok_match "page numbers with dashes" "$text" '— '
ok_if "no half-width punctuation between Chinese characters" \
    sh -c "! printf '%s' \"\$1\" | grep -Eq '[一-龥][,;:()!?][一-龥]'" sh "$text"

xsltproc "$TOP/templates/sheet.xsl" "$F/sheet-hetang.xml" >"$T/ht.fo" 2>/dev/null
text=$(xmllint --xpath 'string(/)' "$T/ht.fo" 2>/dev/null)
ok_match "county: 一、牵头任务 says 无 in one line" "$text" '一、牵头任务：无。二、配合任务'
ok_match "county: the task is marked as 各县市区's" "$text" '本项任务交办各县市区。'
ok_match "county: heading names the group" "$text" '以下任务交办各县市区，由荷塘区抓好落实'

xsltproc "$TOP/templates/booklet.xsl" "$F/booklet.xml" >"$T/b.fo" 2>/dev/null
ok_eq "booklet.xsl runs" "$?" 0
ok_eq "booklet: cover + one page-sequence per sheet" \
    "$(xmllint --xpath 'count(//*[local-name()="page-sequence"])' "$T/b.fo")" 3
ok_eq "booklet: every sequence ends on an even page" \
    "$(xmllint --xpath 'count(//*[local-name()="page-sequence"][@force-page-count="end-on-even"])' "$T/b.fo")" 3
ok_eq "booklet: one bookmark per sheet plus the cover" \
    "$(xmllint --xpath 'count(//*[local-name()="bookmark"])' "$T/b.fo")" 3
ok_eq "booklet: bookmarks point at the sheets" \
    "$(xmllint --xpath 'count(//*[local-name()="bookmark"][@internal-destination="s3" or @internal-destination="s30"])' "$T/b.fo")" 2

# The parts gongwen typesets one at a time (src/kinds.c, gw_kind_pdf_parts).
FOC='count(//*[local-name()="page-sequence"])'
xsltproc --stringparam gw-part cover "$TOP/templates/booklet.xsl" "$F/booklet.xml" >"$T/c.fo" 2>/dev/null
ok_eq "part cover: one page-sequence" "$(xmllint --xpath "$FOC" "$T/c.fo")" 1
ok_eq "part cover: the 目录 bookmark only" \
    "$(xmllint --xpath 'count(//*[local-name()="bookmark"][@internal-destination="booklet-cover"])' "$T/c.fo")/$(xmllint --xpath 'count(//*[local-name()="bookmark"])' "$T/c.fo")" 1/1
ok_eq "part cover without page numbers: citations" \
    "$(xmllint --xpath 'count(//*[local-name()="page-number-citation"])' "$T/c.fo")" 2
sed 's/<unit-sheet /<unit-sheet first-page="5" /' "$F/booklet.xml" >"$T/bn.xml"
xsltproc --stringparam gw-part cover "$TOP/templates/booklet.xsl" "$T/bn.xml" >"$T/cn.fo" 2>/dev/null
ok_eq "part cover with page numbers: no citation left" \
    "$(xmllint --xpath 'count(//*[local-name()="page-number-citation"])' "$T/cn.fo")" 0
ok_match "part cover with page numbers: the numbers are in the list" \
    "$(xmllint --xpath 'string(//*[local-name()="table-body"])' "$T/cn.fo")" '5.*5'
xsltproc --stringparam gw-part sheet --stringparam gw-first-page 7 "$TOP/templates/booklet.xsl" \
    "$F/booklet.xml" >"$T/s.fo" 2>/dev/null
ok_eq "part sheet: no cover, a sequence per sheet" "$(xmllint --xpath "$FOC" "$T/s.fo")" 2
ok_eq "part sheet: numbered from gw-first-page" \
    "$(xmllint --xpath 'count(//*[local-name()="page-sequence"][@initial-page-number="7"])' "$T/s.fo")" 2
ok_eq "part sheet: no 目录 bookmark" \
    "$(xmllint --xpath 'count(//*[local-name()="bookmark"][@internal-destination="booklet-cover"])' "$T/s.fo")" 0
done_testing
