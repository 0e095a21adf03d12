<?xml version="1.0" encoding="UTF-8"?>
<!-- notice.xsl — the formal notice (通知) that 印发 the task-division plan:
     what is on its pages and in which order.  Input: the intermediate XML of
     data/plan.rng (`gongwen xml notice`); output: XSL-FO (`gongwen fo notice`).
     How things look (fonts, sizes, the 版头 and 版记) is in
     stylesheets/gbt9704.xsl.

       page 1…   版头, title, addressees, covering text, 附件说明, signature, 附注
       附件1      the division plan itself: title, preamble, sections, tasks
                  with their unit lists as published, 工作要求
       附件2      the task-division table on landscape pages (meta table = 0
                  leaves it out)
       last page 版记, on an even page

     Every text comes from the record; the only words here are the fixed
     formulas of the genre (附件：, 抄送：, 印发, 现将…印发给你们). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:gw="urn:gongwen:fo">

  <xsl:import href="../stylesheets/gbt9704.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <!-- no xsl:strip-space: gongwen's XML has no whitespace-only text
       (xmlbuild.c), and stripping walks the whole plan on every run of a
       notice in pieces -->

  <!-- "0" leaves 附件2 out, "1" puts it in, "" follows the record (meta
       table); the no-table option of gongwen notice passes "0" -->
  <xsl:param name="table" select="''"/>
  <!-- rows of up to this many lines move whole to the next page; gongwen
       lays the notice out again with 4 when 8 leaves a blank page before the
       版记 (src/kinds.c) -->
  <xsl:param name="keep-lines" select="8"/>

  <xsl:variable name="meta" select="/plan/meta"/>
  <xsl:variable name="table-wanted">
    <xsl:choose>
      <xsl:when test="$table = '0' or $table = '1'"><xsl:value-of select="$table"/></xsl:when>
      <xsl:when test="normalize-space($meta/table) = '0'">0</xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="with-table" select="$table-wanted = '1' and $gw-tasks &gt; 0"/>
  <xsl:variable name="req-in-body" select="normalize-space($meta/requirements-in) = 'body'"/>
  <xsl:variable name="nattach">
    <xsl:choose>
      <xsl:when test="$with-table">2</xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="plan-title" select="normalize-space($meta/title)"/>
  <!-- 附件2's name: the plan's title with 方案 turned into 表 -->
  <xsl:variable name="table-title">
    <xsl:variable name="n" select="string-length($plan-title)"/>
    <xsl:choose>
      <xsl:when test="substring($plan-title, $n - 1) = '方案'"><xsl:value-of select="substring($plan-title, 1, $n - 2)"/>表</xsl:when>
      <xsl:otherwise><xsl:value-of select="$plan-title"/>表</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- In pieces (docs/fo-subset.md, "A document in pieces"; src/pieces.c
       cuts them): gw-piece = k (0-based) gives piece k of gw-pieces alone,
       a document of its own whose page-sequences and tables marked
       gw:continue="true" go on where the piece before left off.  Pieces
       0 … gw-att1-pieces - 1 hold 附件1's paragraphs, the rest 附件2's rows;
       gw-ids names the piece's headings, tasks and requirements (or tasks)
       by xml:id, and gw-tasks, gw-deadlines and gw-leaders say what the
       whole plan has, so that a run reads its piece and not the plan.
       -1 (the default) gives the whole notice in one document. -->
  <xsl:param name="gw-piece" select="-1"/>
  <xsl:variable name="k" select="number($gw-piece)"/>
  <xsl:variable name="whole" select="$k &lt; 0"/>
  <xsl:param name="gw-pieces" select="1"/>
  <xsl:param name="gw-att1-pieces" select="1"/>
  <xsl:param name="gw-ids" select="''"/>
  <!-- every task; none in a piece, which must not read the whole plan -->
  <xsl:variable name="rows" select="(/self::node()[$whole])//task"/>
  <xsl:param name="gw-tasks" select="count($rows)"/>
  <xsl:param name="gw-deadlines" select="number(boolean($rows/milestone))"/>
  <xsl:param name="gw-leaders" select="number(boolean($rows/leader))"/>
  <!-- this piece's headings, tasks and requirements, or tasks -->
  <xsl:variable name="items" select="id($gw-ids)"/>
  <!-- 附件1's headings, tasks and requirements in reading order: one
       paragraph (or a task's few) each -->
  <xsl:variable name="att1-items" select="(/self::node()[$whole])//section | $rows
      | (/self::node()[$whole])//requirement"/>
  <!-- what this piece holds: 附件1 (start or rest), 附件2 (start or rest),
       the 版记 -->
  <xsl:variable name="in-att1" select="$whole or $k &lt; $gw-att1-pieces"/>
  <xsl:variable name="att1-cont" select="$k &gt; 0 and $k &lt; $gw-att1-pieces"/>
  <xsl:variable name="in-table" select="$with-table and ($whole or $k &gt;= $gw-att1-pieces)"/>
  <xsl:variable name="table-cont" select="$k &gt; $gw-att1-pieces"/>
  <xsl:variable name="colophon" select="$with-table and ($whole or $k = $gw-pieces - 1)"/>

  <!-- ================================================================ root -->
  <xsl:template match="/plan">
    <fo:root gw:title="{normalize-space($meta/notice-title)}" gw:author="{normalize-space($meta/issuer)}"
        gw:subject="{$plan-title}" gw:keywords="{normalize-space($meta/doc-number)}"
        gw:date="{$meta/sign-date/@iso}" xml:lang="zh-CN">
      <xsl:if test="$k = 0">
        <xsl:attribute name="gw:pieces"><xsl:value-of select="$gw-pieces"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="gw-layout-masters">
        <xsl:with-param name="meta" select="$meta"/>
      </xsl:call-template>
      <xsl:if test="$k &lt;= 0">
        <fo:bookmark-tree>
          <fo:bookmark internal-destination="gw-notice">
            <fo:bookmark-title>通知</fo:bookmark-title>
          </fo:bookmark>
          <fo:bookmark internal-destination="gw-att1">
            <fo:bookmark-title><xsl:call-template name="att-label"><xsl:with-param name="n" select="1"/></xsl:call-template></fo:bookmark-title>
            <xsl:apply-templates select="section" mode="bookmark"/>
          </fo:bookmark>
          <xsl:if test="$with-table">
            <fo:bookmark internal-destination="gw-att2">
              <fo:bookmark-title>附件2</fo:bookmark-title>
            </fo:bookmark>
          </xsl:if>
        </fo:bookmark-tree>
      </xsl:if>

      <xsl:choose>
        <xsl:when test="$with-table and $in-att1">
          <fo:page-sequence master-reference="gw-portrait" initial-page-number="1" force-page-count="no-force">
            <xsl:if test="$att1-cont">
              <xsl:attribute name="gw:continue">true</xsl:attribute>
            </xsl:if>
            <xsl:call-template name="gw-page-number-static"/>
            <fo:flow flow-name="xsl-region-body">
              <xsl:if test="not($att1-cont)">
                <xsl:call-template name="notice"/>
              </xsl:if>
              <xsl:call-template name="attachment1"/>
            </fo:flow>
          </fo:page-sequence>
        </xsl:when>
        <xsl:when test="$in-att1">
          <xsl:if test="not($att1-cont)">
            <fo:page-sequence master-reference="gw-portrait" initial-page-number="1" force-page-count="no-force">
              <xsl:call-template name="gw-page-number-static"/>
              <fo:flow flow-name="xsl-region-body">
                <xsl:call-template name="notice"/>
              </fo:flow>
            </fo:page-sequence>
          </xsl:if>
          <!-- Without 附件2 the plan's pages end the document: the 版记 goes
               on their last page (gw-portrait-end masters, GB/T 9704 §7.5:
               shared with the end of the text when that page is even and
               has room, else on the next even page) -->
          <fo:page-sequence master-reference="gw-portrait-end" force-page-count="end-on-even">
            <xsl:if test="$att1-cont">
              <xsl:attribute name="gw:continue">true</xsl:attribute>
            </xsl:if>
            <xsl:call-template name="gw-page-number-static"/>
            <xsl:call-template name="gw-colophon-static">
              <xsl:with-param name="meta" select="$meta"/>
            </xsl:call-template>
            <fo:flow flow-name="xsl-region-body">
              <xsl:call-template name="attachment1"/>
            </fo:flow>
          </fo:page-sequence>
        </xsl:when>
      </xsl:choose>

      <xsl:if test="$in-table">
        <fo:page-sequence master-reference="gw-landscape" force-page-count="no-force">
          <xsl:if test="$table-cont">
            <xsl:attribute name="gw:continue">true</xsl:attribute>
          </xsl:if>
          <xsl:call-template name="gw-page-number-static-landscape"/>
          <fo:flow flow-name="xsl-region-body">
            <xsl:call-template name="attachment2"/>
          </fo:flow>
        </fo:page-sequence>
      </xsl:if>

      <xsl:if test="$colophon">
        <!-- 版记 after the landscape table: alone at the foot of the next
             even page; a blank page put before it and the 版记 page then go
             unnumbered (GB/T 9704 §7.5, the gw-colophon masters) -->
        <fo:page-sequence master-reference="gw-colophon" force-page-count="no-force">
          <xsl:call-template name="gw-page-number-static"/>
          <fo:flow flow-name="xsl-region-body">
            <xsl:call-template name="gw-colophon">
              <xsl:with-param name="meta" select="$meta"/>
            </xsl:call-template>
          </fo:flow>
        </fo:page-sequence>
      </xsl:if>
    </fo:root>
  </xsl:template>

  <!-- "附件1", or "附件" when the plan is the only attachment -->
  <xsl:template name="att-label">
    <xsl:param name="n"/>
    <xsl:choose>
      <xsl:when test="$nattach = 1">附件</xsl:when>
      <xsl:otherwise>附件<xsl:value-of select="$n"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="section" mode="bookmark">
    <fo:bookmark internal-destination="gw-{@xml:id}{generate-id(self::node()[not(@xml:id)])}">
      <fo:bookmark-title><xsl:value-of select="concat(@label, heading)"/></fo:bookmark-title>
      <xsl:apply-templates select="section" mode="bookmark"/>
    </fo:bookmark>
  </xsl:template>

  <!-- ============================================================== notice -->
  <xsl:template name="notice">
    <xsl:call-template name="gw-header">
      <xsl:with-param name="meta" select="$meta"/>
    </xsl:call-template>
    <xsl:call-template name="gw-title-lines">
      <xsl:with-param name="title" select="$meta/notice-title"/>
      <xsl:with-param name="space-before" select="2"/>
      <xsl:with-param name="id" select="'gw-notice'"/>
    </xsl:call-template>
    <!-- 主送机关: one blank line below the title, flush left, ends with ： -->
    <fo:block xsl:use-attribute-sets="gw-text" text-align="justify" space-before="{$gw-p}pt"
        keep-with-next.within-page="always"><xsl:value-of select="normalize-space($meta/addressees)"/>：</fo:block>
    <!-- The last body paragraph keeps its last line with the 附件说明 and
         the signature and may split anywhere (widows/orphans 1), so that
         the signature never stands on a page without body text. -->
    <fo:block xsl:use-attribute-sets="gw-para">
      <xsl:if test="not($req-in-body)">
        <xsl:call-template name="last-body-para"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="normalize-space($meta/notice-body)">
          <xsl:value-of select="normalize-space($meta/notice-body)"/>
        </xsl:when>
        <xsl:otherwise>
          <!-- 现将《…》印发给你们: a title holding 《》 of its own takes 〈〉 inside -->
          <xsl:text>现将《</xsl:text>
          <xsl:value-of select="translate($plan-title, '《》', '〈〉')"/>
          <xsl:text>》印发给你们，请结合实际，认真抓好贯彻落实。</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
    </fo:block>
    <xsl:if test="$req-in-body">
      <xsl:for-each select="//section[@kind = 'requirements']/requirement">
        <fo:block xsl:use-attribute-sets="gw-para">
          <xsl:if test="position() = last()">
            <xsl:call-template name="last-body-para"/>
          </xsl:if>
          <fo:inline font-family="{$gw-kai}"><xsl:value-of select="@label"/></fo:inline>
          <xsl:value-of select="normalize-space(.)"/>
        </fo:block>
      </xsl:for-each>
    </xsl:if>
    <!-- 附件说明: one blank line after the body, two 字 in; continuation
         lines align with the first character of the name -->
    <xsl:choose>
      <xsl:when test="$nattach = 1">
        <fo:block xsl:use-attribute-sets="gw-text" text-align="justify" space-before="{$gw-p}pt"
            start-indent="{5 * $gw-c}pt" text-indent="{-3 * $gw-c}pt"
            keep-with-next.within-page="always">附件：<xsl:value-of select="$plan-title"/></fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="gw-text" text-align="justify" space-before="{$gw-p}pt"
            start-indent="{6 * $gw-c}pt" text-indent="{-4 * $gw-c}pt"
            keep-with-next.within-page="always">附件：1.<xsl:value-of select="$plan-title"/></fo:block>
        <fo:block xsl:use-attribute-sets="gw-text" text-align="justify"
            start-indent="{6 * $gw-c}pt" text-indent="{-1 * $gw-c}pt"
            keep-with-next.within-page="always">2.<xsl:value-of select="$table-title"/></fo:block>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="gw-signature">
      <xsl:with-param name="issuer" select="normalize-space($meta/issuer)"/>
      <xsl:with-param name="date" select="normalize-space($meta/sign-date)"/>
    </xsl:call-template>
    <!-- 附注: two 字 in, on the line below the date -->
    <xsl:if test="normalize-space($meta/note)">
      <fo:block xsl:use-attribute-sets="gw-para" keep-with-previous.within-page="always"><xsl:value-of select="normalize-space($meta/note)"/></fo:block>
    </xsl:if>
  </xsl:template>

  <xsl:template name="last-body-para">
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
    <xsl:attribute name="widows">1</xsl:attribute>
    <xsl:attribute name="orphans">1</xsl:attribute>
  </xsl:template>

  <!-- ========================================================= attachment 1 -->
  <xsl:template name="attachment1">
    <xsl:if test="not($att1-cont)">
      <xsl:call-template name="attachment1-head"/>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="$whole"><xsl:apply-templates select="$att1-items"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$items"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="attachment1-head">
    <fo:block xsl:use-attribute-sets="gw-attachment-label" id="gw-att1"><xsl:call-template name="att-label"><xsl:with-param name="n" select="1"/></xsl:call-template></fo:block>
    <xsl:call-template name="gw-title-lines">
      <xsl:with-param name="title" select="$meta/title"/>
      <xsl:with-param name="space-before" select="1"/>
    </xsl:call-template>
    <xsl:for-each select="preamble[normalize-space()]">
      <fo:block xsl:use-attribute-sets="gw-para" space-before="{$gw-p}pt"><xsl:value-of select="normalize-space(.)"/></fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- a heading alone: what follows it is in $att1-items -->

  <xsl:template match="section[@level = 1]">
    <fo:block xsl:use-attribute-sets="gw-h1" id="gw-{@xml:id}{generate-id(self::node()[not(@xml:id)])}"><xsl:value-of select="concat(@label, heading)"/></fo:block>
  </xsl:template>

  <xsl:template match="section">
    <fo:block xsl:use-attribute-sets="gw-h2" id="gw-{@xml:id}{generate-id(self::node()[not(@xml:id)])}"><xsl:value-of select="concat(@label, heading)"/></fo:block>
  </xsl:template>

  <!-- A task as published: "1.顶尖人才引领工程。body（units）"; one with
       sub-items (<item>: （1）…, ①…, 一是… on lines of their own) as its
       title line, then a paragraph per item, the units after the last -->
  <xsl:template match="task[item]">
    <fo:block xsl:use-attribute-sets="gw-para" keep-with-next.within-page="always"
        gw:prefer-break-after="、">
      <xsl:value-of select="@no"/>
      <xsl:text>.</xsl:text>
      <xsl:value-of select="normalize-space(title)"/>
      <xsl:value-of select="normalize-space(body)"/>
    </fo:block>
    <xsl:for-each select="item">
      <fo:block xsl:use-attribute-sets="gw-para" gw:prefer-break-after="、">
        <xsl:value-of select="normalize-space(.)"/>
        <xsl:if test="position() = last()">
          <xsl:for-each select="..">
            <xsl:call-template name="units-text"/>
          </xsl:for-each>
        </xsl:if>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- gw:prefer-break-after="、": a line that would end inside a unit's
       name (or another item of a list) takes the rest of it when halving
       the line's marks makes room (docs/fo-subset.md) -->
  <xsl:template match="task">
    <fo:block xsl:use-attribute-sets="gw-para" gw:prefer-break-after="、">
      <xsl:value-of select="@no"/>
      <xsl:text>.</xsl:text>
      <xsl:if test="normalize-space(title)">
        <xsl:value-of select="normalize-space(title)"/>
        <xsl:text>。</xsl:text>
      </xsl:if>
      <xsl:value-of select="normalize-space(body)"/>
      <xsl:call-template name="units-text"/>
    </fo:block>
  </xsl:template>

  <xsl:template name="units-text">
    <xsl:variable name="u" select="normalize-space(units-text)"/>
    <xsl:choose>
      <xsl:when test="$u = ''"/>
      <xsl:when test="starts-with($u, '（')"><xsl:value-of select="$u"/></xsl:when>
      <xsl:otherwise>（<xsl:value-of select="$u"/>）</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 工作要求 item: the （一） label in 楷体 like a level-2 heading, the text
       in 仿宋 -->
  <xsl:template match="requirement">
    <fo:block xsl:use-attribute-sets="gw-para"><fo:inline font-family="{$gw-kai}"><xsl:value-of select="@label"/></fo:inline><xsl:value-of select="normalize-space(.)"/></fo:block>
  </xsl:template>

  <!-- ========================================================= attachment 2 -->
  <xsl:attribute-set name="cell">
    <xsl:attribute name="border">0.5pt solid #000000</xsl:attribute>
    <xsl:attribute name="padding">3pt</xsl:attribute>
    <xsl:attribute name="display-align">center</xsl:attribute>
  </xsl:attribute-set>

  <!-- 完成时限 only when the plan has deadlines (milestones); an empty
       column says nothing -->
  <xsl:variable name="deadlines" select="$gw-deadlines = 1"/>
  <!-- 责任领导 only when the plan names any (its 22 mm come out of 主要内容) -->
  <xsl:variable name="leaders" select="$gw-leaders = 1"/>

  <!-- 'yes' when the row of the task in context is kept whole, moved to
       the next page when it does not fit (the .docx says w:cantSplit):
       rows of up to $keep-lines lines, estimated as described in
       attachment2 -->
  <xsl:template name="row-kept">
    <xsl:variable name="lead"><xsl:for-each select="unit[@role = 'lead']"><xsl:value-of select="normalize-space(.)"/>、</xsl:for-each></xsl:variable>
    <xsl:variable name="resp"><xsl:for-each select="unit[@role = 'responsible']"><xsl:value-of select="normalize-space(.)"/>、</xsl:for-each></xsl:variable>
    <xsl:variable name="nb" select="ceiling(string-length(normalize-space(body)) div (21 - 5 * number($leaders)))"/>
    <xsl:variable name="nl" select="ceiling(string-length($lead) div (5 + number(not($deadlines))))"/>
    <xsl:variable name="nr" select="ceiling(string-length($resp) div (7 + 2 * number(not($deadlines))))"/>
    <xsl:variable name="nlines">
      <xsl:choose>
        <xsl:when test="$nb &gt;= $nl and $nb &gt;= $nr"><xsl:value-of select="$nb"/></xsl:when>
        <xsl:when test="$nl &gt;= $nr"><xsl:value-of select="$nl"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$nr"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$nlines &lt;= number($keep-lines)">yes</xsl:if>
  </xsl:template>

  <xsl:template name="attachment2">
    <xsl:if test="not($table-cont)">
      <fo:block font-family="{$gw-hei}" font-size="16pt" line-height="{$gw-p}pt" id="gw-att2"
          keep-with-next.within-page="always">附件2</fo:block>
      <fo:block font-family="{$gw-xbs}" font-size="22pt" line-height="{$gw-p}pt" text-align="center"
          space-before="{$gw-p}pt" space-after="{$gw-p div 2}pt"
          keep-with-next.within-page="always"><xsl:value-of select="$table-title"/></fo:block>
    </xsl:if>
    <!-- geometry: stylesheets/gbt9704.xsl, gw-table-tasks.  A piece after
         the first goes on with the table: its header is repeated at page
         tops only -->
    <fo:table xsl:use-attribute-sets="gw-table-tasks" font-family="{$gw-fangsong}"
        gw:grid="none">
      <xsl:if test="$table-cont">
        <xsl:attribute name="gw:continue">true</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="gw-table-tasks-columns">
        <xsl:with-param name="deadlines" select="$deadlines"/>
        <xsl:with-param name="leaders" select="$leaders"/>
      </xsl:call-template>
      <fo:table-header>
        <fo:table-row font-family="{$gw-hei}" text-align="center">
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>序号</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>任务</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>主要内容</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>牵头单位</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>责任单位</fo:block></fo:table-cell>
          <xsl:if test="$leaders">
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>责任领导</fo:block></fo:table-cell>
          </xsl:if>
          <xsl:if test="$deadlines">
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>完成时限</fo:block></fo:table-cell>
          </xsl:if>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$rows | $items">
          <xsl:variable name="sec" select="parent::section"/>
          <xsl:if test="$sec and not(preceding-sibling::*[1][self::task])">
            <fo:table-row keep-with-next.within-page="always">
              <fo:table-cell xsl:use-attribute-sets="cell" number-columns-spanned="{5 + number($deadlines) + number($leaders)}">
                <!-- the heading's own font: 一、 黑体, （一） 楷体 -->
                <fo:block font-family="{$gw-kai}">
                  <xsl:if test="$sec/@level = 1">
                    <xsl:attribute name="font-family"><xsl:value-of select="$gw-hei"/></xsl:attribute>
                  </xsl:if>
                  <xsl:value-of select="concat($sec/@label, $sec/heading)"/>
                </fo:block>
              </fo:table-cell>
            </fo:table-row>
          </xsl:if>
          <!-- A row of up to 8 lines (a third of the page) moves whole to
               the next page; a longer one is split between lines, with the
               header row repeated, rather than leave most of a page empty.
               Lines estimated per column: 21 字 of 12 pt in 主要内容 (95 mm), 5 in
               牵头单位, 7 in 责任单位.  The task's name is never cut. -->
          <xsl:variable name="keep"><xsl:call-template name="row-kept"/></xsl:variable>
          <fo:table-row>
            <xsl:if test="$keep = 'yes'">
              <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
            </xsl:if>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block text-align="center"><xsl:value-of select="@no"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block keep-together.within-page="always"><xsl:call-template name="gw-task-name"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell">
              <fo:block text-align="justify"><xsl:value-of select="normalize-space(body)"/></fo:block>
              <xsl:for-each select="item">
                <fo:block text-align="justify"><xsl:value-of select="normalize-space(.)"/></fo:block>
              </xsl:for-each>
            </fo:table-cell>
            <!-- unit lists break after 、, never inside a unit's name, when
                 the column allows it -->
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block gw:prefer-break-after="、">
              <xsl:for-each select="unit[@role = 'lead']">
                <xsl:if test="position() &gt; 1">、</xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </xsl:for-each>
            </fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block gw:prefer-break-after="、">
              <xsl:for-each select="unit[@role = 'responsible']">
                <xsl:if test="position() &gt; 1">、</xsl:if>
                <xsl:value-of select="normalize-space(.)"/>
              </xsl:for-each>
            </fo:block></fo:table-cell>
            <xsl:if test="$leaders">
              <fo:table-cell xsl:use-attribute-sets="cell"><fo:block text-align="center"><xsl:value-of select="normalize-space(leader)"/></fo:block></fo:table-cell>
            </xsl:if>
            <xsl:if test="$deadlines">
            <fo:table-cell xsl:use-attribute-sets="cell">
              <fo:block text-align="center"/>
              <xsl:for-each select="milestone">
                <fo:block text-align="center">
                  <xsl:choose>
                    <xsl:when test="normalize-space(@deadline)"><xsl:value-of select="normalize-space(@deadline)"/></xsl:when>
                    <xsl:when test="normalize-space(@due)">
                      <xsl:call-template name="cn-date"><xsl:with-param name="iso" select="@due"/></xsl:call-template>
                    </xsl:when>
                    <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
                  </xsl:choose>
                </fo:block>
              </xsl:for-each>
            </fo:table-cell>
            </xsl:if>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- 2017-05-02 -> 2017年5月2日 -->
  <xsl:template name="cn-date">
    <xsl:param name="iso"/>
    <xsl:value-of select="concat(substring($iso, 1, 4), '年', number(substring($iso, 6, 2)), '月', number(substring($iso, 9, 2)), '日')"/>
  </xsl:template>

</xsl:stylesheet>
