<?xml version="1.0" encoding="UTF-8"?>
<!-- sheet.xsl — the task sheet (任务交办单) of one unit: <unit-sheet> (see
     data/sheet.rng) to XSL-FO.  What is on the sheet and in which order:
     heading, a summary table, 一、牵头任务, 二、配合任务, 三、工作要求, 四、报送与签收.
     The page frame is GB/T 9704-2012 (A4, 版心 156 × 225 mm from 37 mm / 28 mm,
     22 lines of 28 characters, page numbers "— N —" 7 mm below the 版心, odd
     pages right and even pages left, one 字 in).  templates/booklet.xsl
     imports this file and reuses the masters and the page-sequence mode.

     Try it without gongwen:
         xsltproc templates/sheet.xsl tests/fixtures/sheets/sheet-kjj.xml -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:gw="urn:gongwen:fo"
    exclude-result-prefixes="">

  <!-- The GB/T 9704 page frame, fonts by role and attribute sets are shared
       with the notice: an office that changes a font changes it there. -->
  <xsl:import href="../stylesheets/gbt9704.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- One grid line (gw-p, the line pitch, from gbt9704.xsl) as a length. -->
  <xsl:variable name="pitch" select="concat($gw-p, 'pt')"/>
  <!-- a line to write on: 8 字 of underlined space, one solid rule (＿
       glyphs print as a dashed line) -->
  <xsl:variable name="blank" select="'　　　　　　　　'"/>

  <!-- In pieces (docs/fo-subset.md, "A document in pieces"; src/pieces.c
       cuts them): a sheet of many tasks comes as gw-pieces documents, and
       gw-piece = k gives piece k, made from XML whose <tasks> holds only
       the piece's tasks.  A piece holds one part — gw-sheet-part summary
       (the 任务一览 table's rows), lead or responsible (the task
       entries) — which gw-open starts (its heading) and gw-close ends (the
       table's space after it); piece 0 has the sheet's heading too and
       gw-end the 工作要求 and 报送与签收.  Pieces after the first go on with
       the page-sequence (gw:continue), a table piece with the table.  -1
       (the default): the whole sheet in one document. -->
  <xsl:param name="gw-piece" select="-1"/>
  <xsl:param name="gw-pieces" select="1"/>
  <xsl:param name="gw-sheet-part" select="''"/>
  <xsl:param name="gw-open" select="0"/>
  <xsl:param name="gw-close" select="0"/>
  <xsl:param name="gw-end" select="0"/>
  <xsl:variable name="piece" select="number($gw-piece)"/>

  <!-- ============================================================== root -->
  <xsl:template match="/unit-sheet">
    <fo:root font-family="{$gw-fangsong}" font-size="16pt" line-height="{$pitch}"
        gw:title="{recipient}任务交办单" gw:author="{meta/issuer}"
        gw:subject="{normalize-space(meta/title)}" gw:keywords="任务交办单"
        gw:date="{meta/sign-date/@iso}" xml:lang="zh-CN">
      <xsl:if test="$piece = 0">
        <xsl:attribute name="gw:pieces"><xsl:value-of select="$gw-pieces"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="gw-layout-masters"/>
      <xsl:apply-templates select="." mode="page-sequence"/>
    </fo:root>
  </xsl:template>

  <!-- One sheet as one page-sequence.  force: "no-force" for a sheet on its
       own, "end-on-even" in the booklet so that the next sheet starts on an
       odd page.  first: the number of its first page, 1 on its own, 0 for
       the next odd number in the booklet (or the number itself when the
       booklet is typeset sheet by sheet). -->
  <xsl:template match="unit-sheet" mode="page-sequence">
    <xsl:param name="force" select="'no-force'"/>
    <xsl:param name="first" select="'1'"/>
    <fo:page-sequence master-reference="gw-portrait" force-page-count="{$force}">
      <xsl:if test="$piece &gt; 0">
        <xsl:attribute name="gw:continue">true</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$first = 0">
          <xsl:attribute name="initial-page-number">auto-odd</xsl:attribute>
        </xsl:when>
        <xsl:when test="$first != 1">
          <xsl:attribute name="initial-page-number"><xsl:value-of select="$first"/></xsl:attribute>
        </xsl:when>
      </xsl:choose>
      <xsl:call-template name="gw-page-number-static"/>
      <fo:flow flow-name="xsl-region-body">
        <fo:block xsl:use-attribute-sets="gw-text">
          <xsl:if test="$piece &lt;= 0">
            <xsl:attribute name="id"><xsl:value-of select="@id"/></xsl:attribute>
          </xsl:if>
          <xsl:attribute name="text-align">justify</xsl:attribute>
          <xsl:choose>
            <xsl:when test="$piece &lt; 0">
              <xsl:apply-templates select="." mode="heading"/>
              <xsl:apply-templates select="tasks" mode="summary"/>
              <xsl:apply-templates select="tasks" mode="lead"/>
              <xsl:apply-templates select="tasks" mode="responsible"/>
              <xsl:apply-templates select="requirements"/>
              <xsl:apply-templates select="reporting"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:if test="$piece = 0">
                <xsl:apply-templates select="." mode="heading"/>
              </xsl:if>
              <xsl:choose>
                <xsl:when test="$gw-sheet-part = 'summary'">
                  <xsl:apply-templates select="tasks" mode="summary"/>
                </xsl:when>
                <xsl:when test="$gw-sheet-part = 'lead' and $gw-open = 1">
                  <xsl:apply-templates select="tasks" mode="lead"/>
                </xsl:when>
                <xsl:when test="$gw-sheet-part = 'lead'">
                  <xsl:apply-templates select="tasks/task[@role = 'lead']"/>
                </xsl:when>
                <xsl:when test="$gw-sheet-part = 'responsible' and $gw-open = 1">
                  <xsl:apply-templates select="tasks" mode="responsible"/>
                </xsl:when>
                <xsl:when test="$gw-sheet-part = 'responsible'">
                  <xsl:apply-templates select="tasks/task[@role = 'responsible']"/>
                </xsl:when>
              </xsl:choose>
              <xsl:if test="$gw-end = 1">
                <xsl:apply-templates select="requirements"/>
                <xsl:apply-templates select="reporting"/>
              </xsl:if>
            </xsl:otherwise>
          </xsl:choose>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>

  <!-- =========================================================== heading -->
  <xsl:template match="unit-sheet" mode="heading">
    <xsl:call-template name="gw-title-lines">
      <xsl:with-param name="title" select="meta/title"/>
    </xsl:call-template>
    <fo:block xsl:use-attribute-sets="gw-title">任务交办单</fo:block>
    <fo:block text-align="center" space-before="{$pitch}">
      <xsl:text>（</xsl:text>
      <xsl:value-of select="recipient"/>
      <xsl:text>）</xsl:text>
    </fo:block>
    <fo:block space-before="{$pitch}"><xsl:call-template name="basis-text"/></fo:block>
    <xsl:if test="meta/sign-date">
      <fo:block><xsl:call-template name="date-text"/></fo:block>
    </xsl:if>
    <fo:block><xsl:call-template name="no-text"/></fo:block>
    <fo:block><xsl:call-template name="count-text"/></fo:block>
    <fo:block xsl:use-attribute-sets="gw-para"><xsl:call-template name="summary-text"/></fo:block>
  </xsl:template>

  <!-- The texts of a sheet, shared with sheet-docx.xsl (the Word sheet):
       named templates that write text only. -->
  <xsl:template name="basis-text">
    <xsl:text>交办依据：</xsl:text>
    <xsl:value-of select="meta/issuer"/>
    <xsl:if test="meta/doc-number">
      <xsl:text>《</xsl:text>
      <xsl:call-template name="title-text"/>
      <xsl:text>》（</xsl:text>
      <xsl:value-of select="meta/doc-number"/>
      <xsl:text>）</xsl:text>
    </xsl:if>
    <xsl:text>。</xsl:text>
  </xsl:template>

  <xsl:template name="date-text">
    <xsl:text>交办日期：</xsl:text>
    <xsl:value-of select="meta/sign-date"/>
  </xsl:template>

  <!-- the registry's number on a line of its own (GB/T 9704 7.2.4: no 第,
       no leading zero; docs/notice.md, "Document numbers") -->
  <xsl:template name="no-text">
    <xsl:text>编号：</xsl:text>
    <xsl:choose>
      <xsl:when test="@number"><xsl:value-of select="@number"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="@no"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>（共</xsl:text>
    <xsl:value-of select="@of"/>
    <xsl:text>份）</xsl:text>
  </xsl:template>

  <xsl:template name="summary-text">
      <xsl:choose>
        <xsl:when test="recipient/@open-group">
          <xsl:text>本交办单送</xsl:text>
          <xsl:value-of select="recipient"/>
          <xsl:text>，请各有关单位对照落实</xsl:text>
        </xsl:when>
        <xsl:when test="recipient/@group">
          <xsl:text>以下任务交办</xsl:text>
          <xsl:value-of select="recipient/@group"/>
          <xsl:text>，由</xsl:text>
          <xsl:value-of select="recipient"/>
          <xsl:text>抓好落实</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>现将</xsl:text>
          <xsl:value-of select="recipient"/>
          <xsl:text>承担的任务交办如下</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>：</xsl:text>
  </xsl:template>

  <!-- The counts, a labelled line of their own like the ones above it: at
       the end of the sentence before, they left 项。 alone on a line when
       the recipient's name had the wrong length. -->
  <xsl:template name="count-text">
    <xsl:text>交办任务：共</xsl:text>
    <xsl:value-of select="tasks/@lead + tasks/@responsible"/>
    <xsl:text>项，其中牵头任务</xsl:text>
    <xsl:value-of select="tasks/@lead"/>
    <xsl:text>项、配合任务</xsl:text>
    <xsl:value-of select="tasks/@responsible"/>
    <xsl:text>项。</xsl:text>
  </xsl:template>

  <!-- The plan's title as one string: the lines joined. -->
  <xsl:template name="title-text">
    <xsl:for-each select="meta/title/line">
      <xsl:value-of select="translate(., '《》', '〈〉')"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ===================================================== summary table -->
  <!-- In pieces: the title only where the table opens, the space after it
       only where it closes; a piece between goes on with the table -->
  <xsl:template match="tasks" mode="summary">
    <xsl:if test="$piece &lt; 0 or $gw-open = 1">
      <fo:block space-before="{$pitch}" keep-with-next.within-page="always"
          font-family="{$gw-hei}" text-align="center">任务一览</fo:block>
    </xsl:if>
    <fo:table xsl:use-attribute-sets="gw-table-summary" gw:grid="none">
      <xsl:if test="$piece &lt; 0 or $gw-close = 1">
        <xsl:attribute name="space-after"><xsl:value-of select="$pitch"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$piece &gt;= 0 and $gw-open != 1">
        <xsl:attribute name="gw:continue">true</xsl:attribute>
      </xsl:if>
      <xsl:call-template name="gw-table-summary-columns"/>
      <fo:table-header font-family="{$gw-hei}">
        <fo:table-row keep-together.within-page="always">
          <xsl:call-template name="head-cell"><xsl:with-param name="t" select="'序号'"/></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="t" select="'任务'"/></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="t" select="'角色'"/></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="t" select="'牵头单位'"/></xsl:call-template>
          <xsl:call-template name="head-cell"><xsl:with-param name="t" select="'完成时限'"/></xsl:call-template>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="task">
          <fo:table-row keep-together.within-page="always">
            <xsl:call-template name="cell">
              <xsl:with-param name="t" select="@no"/>
              <xsl:with-param name="align" select="'center'"/>
            </xsl:call-template>
            <xsl:call-template name="cell">
              <xsl:with-param name="t"><xsl:call-template name="short-title"/></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="cell">
              <xsl:with-param name="t"><xsl:call-template name="role-text"/></xsl:with-param>
              <xsl:with-param name="align" select="'center'"/>
            </xsl:call-template>
            <xsl:call-template name="cell">
              <xsl:with-param name="t"><xsl:call-template name="unit-list"><xsl:with-param name="role" select="'lead'"/></xsl:call-template></xsl:with-param>
            </xsl:call-template>
            <xsl:call-template name="cell">
              <xsl:with-param name="t"><xsl:call-template name="deadline-cell-text"/></xsl:with-param>
            </xsl:call-template>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <xsl:template name="deadline-cell-text">
    <xsl:choose>
      <xsl:when test="milestone[@deadline != '']">
        <xsl:for-each select="milestone[@deadline != '']">
          <xsl:if test="position() &gt; 1">；</xsl:if>
          <xsl:value-of select="@deadline"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>按阶段安排</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="role-text">
    <xsl:choose>
      <xsl:when test="@role = 'lead'">牵头</xsl:when>
      <xsl:otherwise>配合</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="head-cell">
    <xsl:param name="t"/>
    <xsl:param name="pad" select="'3pt'"/>
    <fo:table-cell border="0.5pt solid black" padding="{$pad} 3pt" display-align="center">
      <fo:block text-align="center"><xsl:value-of select="$t"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <xsl:template name="cell">
    <xsl:param name="t"/>
    <xsl:param name="align" select="'start'"/>
    <xsl:param name="pad" select="'3pt'"/>
    <fo:table-cell border="0.5pt solid black" padding="{$pad} 3pt" display-align="center">
      <fo:block text-align="{$align}"><xsl:value-of select="$t"/></fo:block>
    </fo:table-cell>
  </xsl:template>

  <!-- The task's short title (stylesheets/gbt9704.xsl, gw-task-name). -->
  <xsl:template name="short-title">
    <xsl:call-template name="gw-task-name"/>
  </xsl:template>

  <!-- The task's units of one role, joined with 、; the recipient itself is
       left out when it is a responsible unit (it is listed as 其他责任单位). -->
  <xsl:template name="unit-list">
    <xsl:param name="role"/>
    <xsl:param name="others" select="'0'"/>
    <xsl:for-each select="unit[@role = $role][not($others = 1 and @self = '1')]">
      <xsl:if test="position() &gt; 1">、</xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- ====================================================== task entries -->
  <!-- A unit with no task of a kind says so in one line, 一、牵头任务：无。,
     the heading in 黑体 and 无。 in the body face -->
  <xsl:template match="tasks" mode="lead">
    <xsl:choose>
      <xsl:when test="task[@role = 'lead']">
        <fo:block xsl:use-attribute-sets="gw-h1">一、牵头任务</fo:block>
        <xsl:apply-templates select="task[@role = 'lead']"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="gw-para">
          <fo:inline font-family="{$gw-hei}">一、牵头任务：</fo:inline>无。</fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tasks" mode="responsible">
    <xsl:choose>
      <xsl:when test="task[@role = 'responsible']">
        <fo:block xsl:use-attribute-sets="gw-h1">二、配合任务</fo:block>
        <xsl:apply-templates select="task[@role = 'responsible']"/>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="gw-para">
          <fo:inline font-family="{$gw-hei}">二、配合任务：</fo:inline>无。</fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One task: "【第N项】short title。full text" in the body face (N is the
       number in the published plan, so a unit can find it there), then the
       units it works with and the deadlines.  No 楷体 heading per task: the
       sheet stays in two faces, which keeps its embedded fonts small. -->
  <!-- gw:prefer-break-after="、": a line that would end inside a unit's
       name (or another item of a list) takes the rest of it when halving
       the line's marks makes room (docs/fo-subset.md) -->
  <xsl:template match="task">
    <fo:block xsl:use-attribute-sets="gw-para" gw:prefer-break-after="、"><xsl:call-template name="task-text"/></fo:block>
    <!-- sub-items as published, a paragraph each -->
    <xsl:for-each select="item">
      <fo:block xsl:use-attribute-sets="gw-para" gw:prefer-break-after="、"><xsl:value-of select="."/></fo:block>
    </xsl:for-each>
    <fo:block xsl:use-attribute-sets="gw-para" gw:prefer-break-after="、"><xsl:call-template name="task-units-text"/></fo:block>
    <fo:block xsl:use-attribute-sets="gw-para"><xsl:call-template name="task-deadline-text"/></fo:block>
  </xsl:template>

  <xsl:template name="task-text">
    <xsl:text>【第</xsl:text>
    <xsl:value-of select="@no"/>
    <xsl:text>项】</xsl:text>
    <xsl:if test="normalize-space(title) != ''">
      <xsl:value-of select="title"/>
      <xsl:text>。</xsl:text>
    </xsl:if>
    <xsl:value-of select="body"/>
  </xsl:template>

  <xsl:template name="task-units-text">
      <xsl:choose>
        <xsl:when test="@role = 'lead'">
          <xsl:choose>
            <xsl:when test="unit[@role = 'lead'][not(@self = '1')]">
              <xsl:text>共同牵头单位：</xsl:text>
              <xsl:call-template name="unit-list"><xsl:with-param name="role" select="'lead'"/><xsl:with-param name="others" select="'1'"/></xsl:call-template>
              <xsl:text>。</xsl:text>
            </xsl:when>
          </xsl:choose>
          <xsl:text>责任单位：</xsl:text>
          <xsl:choose>
            <xsl:when test="unit[@role = 'responsible']">
              <xsl:call-template name="unit-list"><xsl:with-param name="role" select="'responsible'"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>无</xsl:otherwise>
          </xsl:choose>
          <xsl:text>。</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:text>牵头单位：</xsl:text>
          <xsl:call-template name="unit-list"><xsl:with-param name="role" select="'lead'"/></xsl:call-template>
          <xsl:text>。</xsl:text>
          <xsl:if test="unit[@role = 'responsible'][not(@self = '1')]">
            <xsl:text>其他责任单位：</xsl:text>
            <xsl:call-template name="unit-list"><xsl:with-param name="role" select="'responsible'"/><xsl:with-param name="others" select="'1'"/></xsl:call-template>
            <xsl:text>。</xsl:text>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="leader">
        <xsl:text>责任领导：</xsl:text>
        <xsl:value-of select="normalize-space(leader)"/>
        <xsl:text>。</xsl:text>
      </xsl:if>
      <xsl:if test="@via">
        <xsl:text>本项任务交办</xsl:text>
        <xsl:value-of select="@via"/>
        <xsl:text>。</xsl:text>
      </xsl:if>
  </xsl:template>

  <xsl:template name="task-deadline-text">
      <xsl:text>完成时限：</xsl:text>
      <xsl:choose>
        <xsl:when test="milestone">
          <xsl:for-each select="milestone">
            <xsl:if test="position() &gt; 1">；</xsl:if>
            <xsl:value-of select="@deadline"/>
            <xsl:if test="@deadline != '' and normalize-space(.) != ''">前</xsl:if>
            <xsl:value-of select="."/>
            <xsl:if test="@form != ''">
              <xsl:text>（成果形式：</xsl:text>
              <xsl:value-of select="@form"/>
              <xsl:text>）</xsl:text>
            </xsl:if>
          </xsl:for-each>
          <xsl:text>。</xsl:text>
        </xsl:when>
        <xsl:when test="@role = 'lead'">由本单位提出阶段性时间进度安排，明确具体成果形式。</xsl:when>
        <xsl:otherwise>按牵头单位的进度安排完成。</xsl:otherwise>
      </xsl:choose>
  </xsl:template>

  <!-- ====================================================== requirements -->
  <xsl:template match="requirements">
    <fo:block xsl:use-attribute-sets="gw-h1">三、工作要求</fo:block>
    <xsl:for-each select="requirement">
      <fo:block xsl:use-attribute-sets="gw-para">
        <xsl:value-of select="@label"/>
        <xsl:value-of select="."/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- ========================================================= reporting -->
  <xsl:template match="reporting">
    <fo:block xsl:use-attribute-sets="gw-h1">四、报送与签收</fo:block>
    <fo:block xsl:use-attribute-sets="gw-para"><xsl:call-template name="reporting-text"/></fo:block>
    <!-- one line per year (2017年：6月25日、9月25日、12月25日), so that no date
         is split between lines on the 28-字 grid; the lines stay with the
         报送时间： that introduces them (a page never starts with the
         last year alone) -->
    <xsl:for-each select="report-date[not(substring(@iso, 1, 4) = substring(preceding-sibling::report-date[1]/@iso, 1, 4))]">
      <fo:block xsl:use-attribute-sets="gw-para" keep-with-previous.within-page="always"><xsl:call-template name="year-dates-text"/></fo:block>
    </xsl:for-each>
    <!-- the sign-off fields: every label padded with 　 to the longest (8 字),
         so on the character grid every blank starts in the same column -->
    <fo:block keep-together.within-page="always">
      <xsl:call-template name="sign-field"><xsl:with-param name="label" select="'责任领导：'"/></xsl:call-template>
      <xsl:call-template name="sign-field"><xsl:with-param name="label" select="'联系人：'"/></xsl:call-template>
      <xsl:call-template name="sign-field"><xsl:with-param name="label" select="'联系电话：'"/></xsl:call-template>
      <xsl:call-template name="sign-field"><xsl:with-param name="label" select="'签收人（签字）：'"/></xsl:call-template>
      <xsl:call-template name="sign-field">
        <xsl:with-param name="label" select="'签收日期：'"/>
        <xsl:with-param name="date" select="true()"/>
      </xsl:call-template>
    </fo:block>
  </xsl:template>

  <xsl:template name="reporting-text">
      <xsl:choose>
        <xsl:when test="report-date">
          <xsl:text>请于每季度末月</xsl:text>
          <xsl:value-of select="number(substring(report-date[1]/@iso, 9, 2))"/>
          <xsl:text>日前将任务进展情况报送</xsl:text>
        </xsl:when>
        <xsl:otherwise>请每季度将任务进展情况报送</xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="office"/>
      <xsl:text>。</xsl:text>
      <xsl:if test="report-date">报送时间：</xsl:if>
  </xsl:template>

  <!-- "2017年：6月25日、9月25日、12月25日。" for the year of this report-date -->
  <xsl:template name="year-dates-text">
    <xsl:variable name="y" select="substring(@iso, 1, 4)"/>
    <xsl:value-of select="$y"/>
    <xsl:text>年：</xsl:text>
    <xsl:for-each select="../report-date[substring(@iso, 1, 4) = $y]">
      <xsl:if test="position() &gt; 1">、</xsl:if>
      <xsl:value-of select="number(substring(@iso, 6, 2))"/>
      <xsl:text>月</xsl:text>
      <xsl:value-of select="number(substring(@iso, 9, 2))"/>
      <xsl:text>日</xsl:text>
    </xsl:for-each>
    <xsl:text>。</xsl:text>
  </xsl:template>

  <!-- date: __年__月__日, two 字 of line before each -->
  <xsl:template name="sign-field">
    <xsl:param name="label"/>
    <xsl:param name="date" select="false()"/>
    <fo:block xsl:use-attribute-sets="gw-para">
      <xsl:value-of select="$label"/>
      <xsl:value-of select="substring('　　　　　　　　', 1, 8 - string-length($label))"/>
      <xsl:choose>
        <xsl:when test="$date">
          <fo:inline text-decoration="underline">　　</fo:inline>年<fo:inline text-decoration="underline">　　</fo:inline>月<fo:inline text-decoration="underline">　　</fo:inline>日</xsl:when>
        <xsl:otherwise><fo:inline text-decoration="underline"><xsl:value-of select="$blank"/></fo:inline></xsl:otherwise>
      </xsl:choose>
    </fo:block>
  </xsl:template>
</xsl:stylesheet>
