#!/bin/sh
# t_xslt.sh — the notice templates on their own: the sample intermediate XML
# is valid against data/plan.rng, xsltproc turns it into XSL-FO with the
# expected structure, and gongwen's sandboxed libxslt gives the same FO as
# xsltproc for the XML gongwen prints.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

FIX=tests/fixtures/notice/plan.xml
ok_if "fixture valid against data/plan.rng" xmllint --noout --relaxng data/plan.rng "$FIX"

# A plan XML that breaks the contract is caught by the schema.
sed 's|株人才办发〔2017〕3号|株人才办发[2017]3号|' "$FIX" >"$T/bad.xml"
ok_if "bad document number fails the schema" sh -c "! xmllint --noout --relaxng data/plan.rng '$T/bad.xml'"
sed 's|<sign-date iso="2017-05-12">2017年5月12日|<sign-date iso="2017-05-12">2017年05月12日|' "$FIX" >"$T/bad2.xml"
ok_if "date with leading zero fails the schema" sh -c "! xmllint --noout --relaxng data/plan.rng '$T/bad2.xml'"

if ! command -v xsltproc >/dev/null 2>&1; then
    skip "xsltproc structure checks" "xsltproc not installed"
    done_testing
    exit $?
fi

xsltproc templates/notice.xsl "$FIX" >"$T/n.fo" 2>"$T/err"
ok_if "xsltproc notice.xsl on the fixture" test -s "$T/n.fo"
ok_if "FO well-formed" xmllint --noout "$T/n.fo"

xp() { xmllint --xpath "$1" "$T/n.fo" 2>/dev/null; }
NS='/*[local-name()="root"]'
ok_eq "PDF title from notice-title" "$(xp 'string(/*/@*[local-name()="title"])')" \
    "关于印发《关于进一步推进人才优先发展的30条措施》主要任务分工方案的通知"
ok_eq "three page sequences (notice+附件1, 附件2, 版记)" \
    "$(xp 'count(//*[local-name()="page-sequence"])')" "3"
ok_eq "grid 28 x 22 on the portrait region-body" \
    "$(xp 'string(//*[local-name()="simple-page-master"][@master-name="gw-odd"]/*[local-name()="region-body"]/@*[local-name()="grid"])')" "28 22"
ok_eq "title in three lines by meaning" \
    "$(xp 'count(//*[local-name()="block"][@font-size="22pt"][following::*[@id="gw-att1"]])')" "3"
ok_match "mark red and centred" \
    "$(xp 'string(//*[local-name()="block"][@color="#FF0000"]/@text-align)')" "^center$"
ok_match "red rule under the document number" \
    "$(xp 'string(//*[local-name()="block"][.="株人才办发〔2017〕3号"]/@border-bottom)')" "solid #FF0000"
ok_eq "addressees end with ：" \
    "$(xp 'string(//*[local-name()="block"][starts-with(.,"各县市区")])')" \
    "各县市区委人才工作领导小组，市委人才工作领导小组各成员单位："
ok_eq "30 tasks in 附件1" \
    "$(xp 'count(//*[local-name()="block"][following::*[@id="gw-att2"]][preceding::*[@id="gw-att1"]][starts-with(.,"1") or starts-with(.,"2") or starts-with(.,"3") or starts-with(.,"4") or starts-with(.,"5") or starts-with(.,"6") or starts-with(.,"7") or starts-with(.,"8") or starts-with(.,"9")])')" "30"
ok_eq "task 1 as published with the note" \
    "$(xp 'string(//*[local-name()="block"][starts-with(.,"1.顶尖")])')" \
    "1.顶尖人才引领工程。制定院士潜力人选引进培养办法。围绕重点产业发展的核心技术需求，引进重大创新团队，给予综合支持。（市科技局、市科协、市发改委、市经信委、市财政局，排第一的为牵头单位，其他为责任单位，下同）"
ok_match "task 16 has no short title" \
    "$(xp 'string(//*[local-name()="block"][starts-with(.,"16.")])')" "^16\\.研究制定新建重点实验室"
ok_eq "附件2 table: 30 task rows + 5 category rows" \
    "$(xp 'count(//*[local-name()="table-body"]/*[local-name()="table-row"])')" "35"
ok_eq "table header repeated (fo:table-header)" \
    "$(xp 'string(//*[local-name()="table-header"])' | tr -d ' \n')" "序号任务主要内容牵头单位责任单位完成时限"
ok_eq "colophon copy-to" "$(xp 'string(//*[local-name()="block"][starts-with(.,"抄送")])')" \
    "抄送：市委人才工作领导小组组长、副组长，市委办，市政府办。"
ok_eq "bookmarks" "$(xp '//*[local-name()="bookmark-title"]/text()' | tr '\n' ' ')" \
    "通知 附件1 一、任务分工 （一）加快推进人才高度集聚 （二）加快人才体制机制改革 （三）加快促进人才创新创业 （四）加快优化人才生态建设 （五）加快完善党管人才格局 二、工作要求 附件2 "
ok_eq "signature date" "$(xp 'string(//*[local-name()="block"][.="2017年5月12日"])')" "2017年5月12日"

# Without the table: one attachment, labelled 附件, and 附件：name without 1.
sed 's|<attachment>1</attachment>|<attachment>1</attachment><table>0</table>|' "$FIX" >"$T/notable.xml"
ok_if "table=0 valid" xmllint --noout --relaxng data/plan.rng "$T/notable.xml"
xsltproc templates/notice.xsl "$T/notable.xml" >"$T/nt.fo"
ok_eq "table=0: two page sequences" \
    "$(xmllint --xpath 'count(//*[local-name()="page-sequence"])' "$T/nt.fo")" "2"
ok_eq "table=0: label 附件" \
    "$(xmllint --xpath 'string(//*[@id="gw-att1"])' "$T/nt.fo")" "附件"
ok_match "table=0: 附件说明 without number" \
    "$(xmllint --xpath 'string(//*[local-name()="block"][starts-with(.,"附件：")])' "$T/nt.fo")" "^附件：《"

# The FO renders in Apache FOP 2.8 without errors (Debian's fop package;
# skipped when it is not installed).  FOP refuses attributes of unknown
# namespaces in strict mode, so the gw: extensions need relaxed validation;
# the role names are mapped to the free CJK fonts.
if command -v fop >/dev/null 2>&1 && [ -f /usr/share/fonts/truetype/arphic/uming.ttc ]; then
    cat >"$T/fop.xconf" <<'EOF2'
<?xml version="1.0"?>
<fop version="1.0">
  <strict-validation>false</strict-validation>
  <renderers><renderer mime="application/pdf"><fonts>
    <font kerning="no" embed-url="file:///usr/share/fonts/truetype/arphic/uming.ttc" sub-font="AR PL UMing CN">
      <font-triplet name="仿宋" style="normal" weight="normal"/>
      <font-triplet name="宋体" style="normal" weight="normal"/>
      <font-triplet name="小标宋" style="normal" weight="normal"/>
    </font>
    <font kerning="no" embed-url="file:///usr/share/fonts/truetype/arphic/ukai.ttc" sub-font="AR PL UKai CN">
      <font-triplet name="楷体" style="normal" weight="normal"/>
    </font>
    <font kerning="no" embed-url="file:///usr/share/fonts/truetype/wqy/wqy-zenhei.ttc" sub-font="WenQuanYi Zen Hei">
      <font-triplet name="黑体" style="normal" weight="normal"/>
    </font>
  </fonts></renderer></renderers>
</fop>
EOF2
    (cd "$T" && fop -c "$T/fop.xconf" -fo "$T/n.fo" -pdf "$T/fop.pdf") >"$T/fop.log" 2>&1
    ok_if "Apache FOP renders the notice FO" test -s "$T/fop.pdf"
    ok_eq "… with no errors" "$(grep -c -E '^\[(ERROR|SEVERE)\]|Exception' "$T/fop.log")" "0"
    ok_match "… into a PDF with pages" "$(pdfinfo "$T/fop.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')" "^[0-9]+$"
else
    skip "Apache FOP rendering" "fop not installed"
fi

# The C side: gongwen's XML and sandboxed XSLT agree with xsltproc.
if [ -x "$GW" ]; then
    DB="$T/gw.db"
    "$GW" -q import plan data/plan.txt --db "$DB"
    if "$GW" -q xml notice --db "$DB" >"$T/g.xml" 2>"$T/gerr"; then
        ok_if "gongwen xml notice valid against plan.rng" xmllint --noout --relaxng data/plan.rng "$T/g.xml"
        "$GW" -q fo notice --db "$DB" >"$T/g.fo" 2>>"$T/gerr"
        xsltproc templates/notice.xsl "$T/g.xml" >"$T/x.fo"
        # (xsltproc leaves out the final newline)
        printf '%s\n' "$(cat "$T/x.fo")" >"$T/x2.fo"
        ok_if "gongwen fo notice = xsltproc on gongwen xml notice" cmp "$T/g.fo" "$T/x2.fo"
    else
        ok_if "gongwen xml notice runs" sh -c "cat '$T/gerr'; false"
    fi
    # Metadata the template reads, set with `gongwen set`; --no-table overrides.
    "$GW" -q fo notice --db "$DB" >"$T/m0.fo" 2>&1
    ok_eq "by default the notice has 附件2" "$(grep -c 'id="gw-att2"' "$T/m0.fo")" "1"
    ok_eq "… and the 工作要求 only in 附件1" \
        "$(xmllint --xpath 'count(//*[local-name()="block"][following::*[@id="gw-att1"]][starts-with(., "（一）各牵头单位")])' "$T/m0.fo")" "0"
    "$GW" set table no --db "$DB"
    "$GW" -q fo notice --db "$DB" >"$T/m1.fo" 2>&1
    ok_eq "set table no: no 附件2" "$(grep -c 'id="gw-att2"' "$T/m1.fo")" "0"
    ok_eq "… and the plan is the only attachment" \
        "$(xmllint --xpath 'string(//*[@id="gw-att1"])' "$T/m1.fo")" "附件"
    "$GW" set table yes --db "$DB"
    "$GW" -q fo notice --no-table --db "$DB" >"$T/m2.fo" 2>&1
    ok_eq "set table yes, --no-table: no 附件2" "$(grep -c 'id="gw-att2"' "$T/m2.fo")" "0"
    "$GW" set notice_body '现将方案印发给你们，请认真贯彻执行。' --db "$DB"
    "$GW" set requirements_in body --db "$DB"
    "$GW" -q fo notice --db "$DB" >"$T/m3.fo" 2>&1
    ok_eq "notice_body replaces the covering text" \
        "$(xmllint --xpath 'string(//*[local-name()="block"][following::*[@id="gw-att1"]][starts-with(., "现将")])' "$T/m3.fo")" \
        "现将方案印发给你们，请认真贯彻执行。"
    ok_eq "requirements_in body: the 工作要求 also before 附件1" \
        "$(xmllint --xpath 'count(//*[local-name()="block"][following::*[@id="gw-att1"]][starts-with(., "（一）各牵头单位") or starts-with(., "（二）市委") or starts-with(., "（三）贯彻")])' "$T/m3.fo")" "3"
    ok_eq "… and still in 附件1" \
        "$(xmllint --xpath 'count(//*[local-name()="block"][preceding::*[@id="gw-att1"]][starts-with(., "（一）各牵头单位")])' "$T/m3.fo")" "1"
    sqlite3 "$DB" "UPDATE meta SET value = 'perhaps' WHERE key = 'table'"
    "$GW" -q fo notice --db "$DB" >/dev/null 2>"$T/m4"
    ok_match "a table value set by other means is an error" "$? $(cat "$T/m4")" \
        "^1 .*plan metadata table: yes or no .*got perhaps"
    sqlite3 "$DB" "DELETE FROM meta WHERE key IN ('notice_body', 'requirements_in', 'table')"
    # command-line mistakes: exit 64 with a message
    "$GW" xml memo --db "$DB" >/dev/null 2>"$T/e1"; rc=$?
    ok_eq "xml memo (no such kind): exit 64" "$rc" "64"
    ok_match "… names the kind" "$(cat "$T/e1")" "unknown document kind 'memo'"
    "$GW" fo notice -o x.fo --db "$DB" >/dev/null 2>"$T/e2"; rc=$?
    ok_eq "fo -o: exit 64" "$rc" "64"
    "$GW" xml sheet --db "$DB" >/dev/null 2>"$T/e3"; rc=$?
    ok_match "xml sheet without --unit: usage error" "$rc $(cat "$T/e3")" "^64 .*--unit"
    "$GW" notice --bogus >/dev/null 2>"$T/e4"; rc=$?
    ok_match "notice --bogus: usage error" "$rc $(cat "$T/e4")" "^64 .*unknown option --bogus"
else
    skip "gongwen xml/fo" "gongwen not built"
fi
done_testing
