<?xml version="1.0" encoding="UTF-8"?>
<!-- report.xsl — the quarterly supervision report (督查通报) of the plan:
     what is on its pages and in which order.  Input: the intermediate XML
     <report> (`gongwen xml report`, src/report.c, where every number is
     counted); output: XSL-FO (`gongwen fo report`).  How things look is in
     stylesheets/gbt9704.xsl, shared with the notice; the
     statuses' colours in stylesheets/status.xsl.

       page 1…   版头, title, addressees, the headline (counts, completion
                 rate, change, thresholds), the counts by category and by lead
                 unit, the tasks behind schedule with their problems, the
                 units that did not report, next steps, 附件说明, signature
       附件       落实情况表: every task's status on landscape pages
       last page 版记, on an even page -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:gw="urn:gongwen:fo">

  <xsl:import href="../stylesheets/gbt9704.xsl"/>
  <xsl:import href="../stylesheets/status.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <!-- rows of up to this many lines move whole to the next page (see
       notice.xsl) -->
  <xsl:param name="keep-lines" select="8"/>
  <xsl:variable name="meta" select="/report/meta"/>
  <xsl:variable name="att-title" select="concat(normalize-space($meta/quarter-cn), '任务落实情况表')"/>
  <xsl:variable name="title-text"><xsl:for-each select="$meta/title/line"><xsl:value-of select="."/></xsl:for-each></xsl:variable>

  <!-- ================================================================ root -->
  <xsl:template match="/report">
    <fo:root gw:title="{$title-text}" gw:author="{normalize-space($meta/issuer)}"
        gw:subject="{normalize-space($meta/plan-title)}" gw:keywords="{normalize-space($meta/doc-number)}"
        gw:date="{$meta/sign-date/@iso}" xml:lang="zh-CN">
      <xsl:call-template name="gw-layout-masters">
        <xsl:with-param name="meta" select="$meta"/>
      </xsl:call-template>
      <fo:bookmark-tree>
        <fo:bookmark internal-destination="gw-report">
          <fo:bookmark-title>督查通报</fo:bookmark-title>
        </fo:bookmark>
        <fo:bookmark internal-destination="gw-att">
          <fo:bookmark-title>附件</fo:bookmark-title>
        </fo:bookmark>
      </fo:bookmark-tree>

      <fo:page-sequence master-reference="gw-portrait" initial-page-number="1" force-page-count="no-force">
        <xsl:call-template name="gw-page-number-static"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="body"/>
        </fo:flow>
      </fo:page-sequence>

      <fo:page-sequence master-reference="gw-landscape" force-page-count="no-force">
        <xsl:call-template name="gw-page-number-static-landscape"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="attachment"/>
        </fo:flow>
      </fo:page-sequence>

      <!-- 版记 after the landscape table: alone at the foot of the next even
           page (GB/T 9704 §7.5, the gw-colophon masters), as in the notice -->
      <fo:page-sequence master-reference="gw-colophon" force-page-count="no-force">
        <xsl:call-template name="gw-page-number-static"/>
        <fo:flow flow-name="xsl-region-body">
          <xsl:call-template name="gw-colophon">
            <xsl:with-param name="meta" select="$meta"/>
          </xsl:call-template>
        </fo:flow>
      </fo:page-sequence>
    </fo:root>
  </xsl:template>

  <!-- ================================================================ body -->
  <xsl:attribute-set name="cell">
    <xsl:attribute name="border">0.5pt solid #000000</xsl:attribute>
    <xsl:attribute name="padding">2pt</xsl:attribute>
    <xsl:attribute name="display-align">center</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template name="body">
    <xsl:call-template name="gw-header">
      <xsl:with-param name="meta" select="$meta"/>
    </xsl:call-template>
    <xsl:call-template name="gw-title-lines">
      <xsl:with-param name="title" select="$meta/title"/>
      <xsl:with-param name="space-before" select="2"/>
      <xsl:with-param name="id" select="'gw-report'"/>
    </xsl:call-template>
    <fo:block xsl:use-attribute-sets="gw-text" text-align="justify" space-before="{$gw-p}pt"
        keep-with-next.within-page="always"><xsl:value-of select="normalize-space($meta/addressees)"/>：</fo:block>

    <fo:block xsl:use-attribute-sets="gw-h1">一、总体进展情况</fo:block>
    <fo:block xsl:use-attribute-sets="gw-para"><xsl:value-of select="headline"/></fo:block>
    <xsl:call-template name="status-chart"/>

    <fo:block xsl:use-attribute-sets="gw-h1">二、分类别落实情况</fo:block>
    <xsl:call-template name="count-table">
      <xsl:with-param name="rows" select="categories/category"/>
      <xsl:with-param name="first" select="'类别'"/>
      <xsl:with-param name="total" select="'任务数'"/>
      <xsl:with-param name="rate" select="true()"/>
    </xsl:call-template>
    <xsl:if test="categories/category">
      <xsl:call-template name="category-chart"/>
    </xsl:if>
    <xsl:if test="count(trend/quarter) &gt;= 2">
      <fo:block xsl:use-attribute-sets="gw-para" keep-with-next.within-page="always">各季度已完成、滞后和严重滞后任务数变化情况如下。</fo:block>
      <xsl:call-template name="trend-chart"/>
    </xsl:if>

    <fo:block xsl:use-attribute-sets="gw-h1">三、各牵头单位落实情况</fo:block>
    <fo:block xsl:use-attribute-sets="gw-para">按滞后和严重滞后任务数从多到少排列如下。</fo:block>
    <xsl:call-template name="count-table">
      <xsl:with-param name="rows" select="units/unit"/>
      <xsl:with-param name="first" select="'牵头单位'"/>
      <xsl:with-param name="total" select="'牵头任务数'"/>
      <xsl:with-param name="rate" select="false()"/>
    </xsl:call-template>

    <fo:block xsl:use-attribute-sets="gw-h1">四、滞后和严重滞后任务</fo:block>
    <fo:block xsl:use-attribute-sets="gw-h2">（一）严重滞后任务</fo:block>
    <xsl:call-template name="behind-list">
      <xsl:with-param name="tasks" select="tasks/task[@key = 'severe']"/>
      <xsl:with-param name="none" select="'本季度无严重滞后任务。'"/>
    </xsl:call-template>
    <fo:block xsl:use-attribute-sets="gw-h2">（二）滞后任务</fo:block>
    <xsl:call-template name="behind-list">
      <xsl:with-param name="tasks" select="tasks/task[@key = 'behind']"/>
      <xsl:with-param name="none" select="'本季度无滞后任务。'"/>
    </xsl:call-template>

    <fo:block xsl:use-attribute-sets="gw-h1">五、未报送进展情况的单位</fo:block>
    <fo:block xsl:use-attribute-sets="gw-para"><xsl:call-template name="missing-text"/></fo:block>

    <fo:block xsl:use-attribute-sets="gw-h1">六、下一步工作要求</fo:block>
    <xsl:for-each select="requirements/requirement">
      <fo:block xsl:use-attribute-sets="gw-para"><fo:inline font-family="{$gw-kai}"><xsl:value-of select="@label"/></fo:inline><xsl:value-of select="normalize-space(.)"/></fo:block>
    </xsl:for-each>
    <xsl:for-each select="requirements/extra">
      <fo:block xsl:use-attribute-sets="gw-para"><xsl:value-of select="normalize-space(.)"/></fo:block>
    </xsl:for-each>
    <xsl:if test="not(requirements/*)">
      <fo:block xsl:use-attribute-sets="gw-para">请各牵头单位对照任务分工，加快推进落实。</fo:block>
    </xsl:if>

    <!-- 附件说明 and the signature stay together (as in the notice) -->
    <fo:block xsl:use-attribute-sets="gw-text" text-align="justify" space-before="{$gw-p}pt"
        start-indent="{5 * $gw-c}pt" text-indent="{-3 * $gw-c}pt"
        keep-with-next.within-page="always">附件：<xsl:value-of select="$att-title"/></fo:block>
    <xsl:call-template name="gw-signature">
      <xsl:with-param name="issuer" select="normalize-space($meta/issuer)"/>
      <xsl:with-param name="date" select="normalize-space($meta/sign-date)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- 图1: one bar per status in its colour, the count above it, drawn from
       the XML's counts (the SVG subset of docs/fo-subset.md).  Six grid
       lines high (6 × 28.991 pt), so that the text after it stays on the
       grid; the caption in the body style below it. -->
  <xsl:template name="status-chart">
    <xsl:variable name="max">
      <xsl:for-each select="counts/count">
        <xsl:sort select="@n" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="@n"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="scale">
      <xsl:choose>
        <xsl:when test="$max &gt; 0"><xsl:value-of select="120 div $max"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:block text-align="center" line-height="{6 * $gw-p}pt" gw:grid="none"
        keep-with-next.within-page="always" space-before="{$gw-p div 2}pt">
      <fo:instream-foreign-object>
        <svg xmlns="http://www.w3.org/2000/svg" width="400pt" height="{5 * $gw-p}pt" viewBox="0 0 400 {5 * $gw-p}">
          <g stroke="#000000" stroke-width="0.75">
            <line x1="20" y1="140" x2="380" y2="140"/>
          </g>
          <xsl:for-each select="counts/count">
            <xsl:variable name="x" select="30 + (position() - 1) * 72"/>
            <xsl:variable name="h" select="@n * $scale"/>
            <xsl:variable name="color">
              <xsl:call-template name="status-color"><xsl:with-param name="key" select="@key"/></xsl:call-template>
            </xsl:variable>
            <rect x="{$x}" y="{140 - $h}" width="52" height="{$h}" fill="{$color}" stroke="none"/>
            <text x="{$x + 26}" y="{134 - $h}" font-size="12" text-anchor="middle" fill="#000000"><xsl:value-of select="@n"/></text>
            <text x="{$x + 26}" y="{140 + 2 * 12 - 6}" font-size="12" text-anchor="middle" fill="#000000"><xsl:value-of select="@status"/></text>
          </xsl:for-each>
        </svg>
      </fo:instream-foreign-object>
    </fo:block>
    <fo:block xsl:use-attribute-sets="gw-text" text-align="center">图1　<xsl:value-of select="normalize-space($meta/quarter-cn)"/>任务状态分布</fo:block>
  </xsl:template>

  <!-- 图2: one horizontal bar per category, stacked by status in the
       statuses' colours (as 图1), each segment count × the unit width (the
       longest bar 250 wide), the count inside a segment wide enough for it
       and the total after the bar: the numbers of the table above.  Ten
       categories to a drawing (a big plan's chart breaks between pages
       like lines), each a whole number of grid lines high; the legend above
       the first, the caption below the last. -->
  <xsl:template name="category-chart">
    <xsl:variable name="max">
      <xsl:for-each select="categories/category">
        <xsl:sort select="@total" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="@total"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="unit">
      <xsl:choose>
        <xsl:when test="$max &gt; 0"><xsl:value-of select="250 div $max"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="counts" select="counts/count"/>
    <xsl:for-each select="categories/category[position() mod 10 = 1]">
      <xsl:variable name="first" select="position() = 1"/>
      <xsl:variable name="rows" select=". | following-sibling::category[position() &lt; 10]"/>
      <xsl:variable name="top">
        <xsl:choose>
          <xsl:when test="$first">24</xsl:when>
          <xsl:otherwise>4</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="lines" select="ceiling(($top + count($rows) * 22 + 4) div $gw-p)"/>
      <fo:block text-align="center" font-size="1pt" line-height="{$lines * $gw-p}pt" gw:grid="none"
          keep-with-next.within-page="always" space-before="{$gw-p div 2}pt">
        <fo:instream-foreign-object>
          <svg xmlns="http://www.w3.org/2000/svg" width="400pt" height="{$lines * $gw-p}pt"
              viewBox="0 0 400 {$lines * $gw-p}">
            <xsl:if test="$first">
              <xsl:for-each select="$counts">
                <xsl:variable name="color">
                  <xsl:call-template name="status-color"><xsl:with-param name="key" select="@key"/></xsl:call-template>
                </xsl:variable>
                <rect x="{40 + (position() - 1) * 72}" y="4" width="10" height="10" fill="{$color}" stroke="none"/>
                <text x="{54 + (position() - 1) * 72}" y="13" font-size="10.5" fill="#000000"><xsl:value-of select="@status"/></text>
              </xsl:for-each>
            </xsl:if>
            <g stroke="#000000" stroke-width="0.75">
              <line x1="120" y1="{$top - 4}" x2="120" y2="{$top + count($rows) * 22}"/>
            </g>
            <xsl:for-each select="$rows">
              <xsl:variable name="c" select="."/>
              <xsl:variable name="y" select="$top + (position() - 1) * 22"/>
              <!-- the name in the 110 pt before the bars: ten characters, a
                   longer one cut to eight and the ellipsis …… (the table above has it whole) -->
              <xsl:variable name="name" select="normalize-space(.)"/>
              <text x="116" y="{$y + 11}" font-size="10.5" text-anchor="end" fill="#000000">
                <xsl:choose>
                  <xsl:when test="string-length($name) &gt; 10"><xsl:value-of select="substring($name, 1, 8)"/>……</xsl:when>
                  <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
                </xsl:choose>
              </text>
              <xsl:for-each select="$counts">
                <xsl:variable name="key" select="@key"/>
                <xsl:variable name="k" select="position()"/>
                <xsl:variable name="n" select="$c/@*[name() = $key]"/>
                <xsl:variable name="before" select="sum($c/@*[name() = $counts[position() &lt; $k]/@key])"/>
                <xsl:variable name="color">
                  <xsl:call-template name="status-color"><xsl:with-param name="key" select="$key"/></xsl:call-template>
                </xsl:variable>
                <xsl:if test="$n &gt; 0">
                  <rect x="{120 + $before * $unit}" y="{$y}" width="{$n * $unit}" height="14" fill="{$color}" stroke="none"/>
                  <xsl:if test="$n * $unit &gt;= 6 * string-length($n) + 4">
                    <xsl:variable name="ink"><xsl:call-template name="status-ink"><xsl:with-param name="key" select="$key"/></xsl:call-template></xsl:variable>
                    <text x="{120 + ($before + $n div 2) * $unit}" y="{$y + 11}" font-size="10.5" text-anchor="middle" fill="{$ink}"><xsl:value-of select="$n"/></text>
                  </xsl:if>
                </xsl:if>
              </xsl:for-each>
              <text x="{124 + @total * $unit}" y="{$y + 11}" font-size="10.5" fill="#000000"><xsl:value-of select="@total"/></text>
            </xsl:for-each>
          </svg>
        </fo:instream-foreign-object>
      </fo:block>
    </xsl:for-each>
    <fo:block xsl:use-attribute-sets="gw-text" text-align="center">图2　<xsl:value-of select="normalize-space($meta/quarter-cn)"/>分类别任务落实情况</fo:block>
  </xsl:template>

  <!-- 图3: the quarters with reports (at most 8, from the XML's trend),
       three bars each: 已完成, 滞后 and 严重滞后 in their colours, the count
       above each bar, the quarter below; five grid lines high like 图1. -->
  <xsl:template name="trend-chart">
    <xsl:variable name="max">
      <xsl:for-each select="trend/quarter/@done | trend/quarter/@behind | trend/quarter/@severe">
        <xsl:sort select="." data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="."/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="scale">
      <xsl:choose>
        <xsl:when test="$max &gt; 0"><xsl:value-of select="80 div $max"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="group" select="340 div count(trend/quarter)"/>
    <xsl:variable name="bar">
      <xsl:choose>
        <xsl:when test="$group div 4 &lt; 14"><xsl:value-of select="$group div 4"/></xsl:when>
        <xsl:otherwise>14</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="counts" select="counts/count[@key = 'done' or @key = 'behind' or @key = 'severe']"/>
    <fo:block text-align="center" font-size="1pt" line-height="{5 * $gw-p}pt" gw:grid="none"
        keep-with-next.within-page="always" space-before="{$gw-p div 2}pt">
      <fo:instream-foreign-object>
        <svg xmlns="http://www.w3.org/2000/svg" width="400pt" height="{5 * $gw-p}pt" viewBox="0 0 400 {5 * $gw-p}">
          <xsl:for-each select="$counts">
            <xsl:variable name="color">
              <xsl:call-template name="status-color"><xsl:with-param name="key" select="@key"/></xsl:call-template>
            </xsl:variable>
            <rect x="{112 + (position() - 1) * 72}" y="4" width="10" height="10" fill="{$color}" stroke="none"/>
            <text x="{126 + (position() - 1) * 72}" y="13" font-size="10.5" fill="#000000"><xsl:value-of select="@status"/></text>
          </xsl:for-each>
          <g stroke="#000000" stroke-width="0.75">
            <line x1="40" y1="116" x2="390" y2="116"/>
          </g>
          <xsl:for-each select="trend/quarter">
            <xsl:variable name="q" select="."/>
            <xsl:variable name="mid" select="50 + (position() - 0.5) * $group"/>
            <xsl:for-each select="$counts">
              <xsl:variable name="key" select="@key"/>
              <xsl:variable name="n" select="$q/@*[name() = $key]"/>
              <xsl:variable name="x" select="$mid + (position() - 2.5) * $bar"/>
              <xsl:variable name="color">
                <xsl:call-template name="status-color"><xsl:with-param name="key" select="$key"/></xsl:call-template>
              </xsl:variable>
              <rect x="{$x}" y="{116 - $n * $scale}" width="{$bar}" height="{$n * $scale}" fill="{$color}" stroke="none"/>
              <text x="{$x + $bar div 2}" y="{112 - $n * $scale}" font-size="9" text-anchor="middle" fill="#000000"><xsl:value-of select="$n"/></text>
            </xsl:for-each>
            <text x="{$mid}" y="127" font-size="9" text-anchor="middle" fill="#000000"><xsl:value-of select="@year"/></text>
            <text x="{$mid}" y="138" font-size="9" text-anchor="middle" fill="#000000"><xsl:value-of select="@quarter"/></text>
          </xsl:for-each>
        </svg>
      </fo:instream-foreign-object>
    </fo:block>
    <fo:block xsl:use-attribute-sets="gw-text" text-align="center">图3　各季度任务落实情况</fo:block>
  </xsl:template>

  <!-- A table of counts by status: categories or lead units (12 pt rows
       across the 442.205 pt text width) -->
  <xsl:template name="count-table">
    <xsl:param name="rows"/>
    <xsl:param name="first"/>
    <xsl:param name="total"/>
    <xsl:param name="rate"/>
    <fo:table table-layout="fixed" width="100%" font-family="{$gw-fangsong}" font-size="12pt"
        line-height="16pt" gw:grid="none" space-before="{$gw-p div 4}pt" space-after="{$gw-p div 4}pt">
      <xsl:choose>
        <!-- a header fits its column or breaks between words: 任务数 whole,
             牵头/任务数 (not 牵头任/务数); category names of 10 字 and unit
             names of 7 on one line -->
        <xsl:when test="$rate">
          <fo:table-column column-width="130pt"/>
          <fo:table-column column-width="44pt"/>
          <fo:table-column column-width="44pt"/>
          <fo:table-column column-width="44pt"/>
          <fo:table-column column-width="44pt"/>
          <fo:table-column column-width="44pt"/>
          <fo:table-column column-width="44pt"/>
          <fo:table-column column-width="48.205pt"/>
        </xsl:when>
        <xsl:otherwise>
          <fo:table-column column-width="110pt"/>
          <fo:table-column column-width="82.205pt"/>
          <fo:table-column column-width="50pt"/>
          <fo:table-column column-width="50pt"/>
          <fo:table-column column-width="50pt"/>
          <fo:table-column column-width="50pt"/>
          <fo:table-column column-width="50pt"/>
        </xsl:otherwise>
      </xsl:choose>
      <fo:table-header>
        <fo:table-row font-family="{$gw-hei}" text-align="center">
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="$first"/></fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="$total"/></fo:block></fo:table-cell>
          <xsl:for-each select="/report/counts/count">
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="@status"/></fo:block></fo:table-cell>
          </xsl:for-each>
          <xsl:if test="$rate">
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>完成率</fo:block></fo:table-cell>
          </xsl:if>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="$rows">
          <xsl:variable name="row" select="."/>
          <fo:table-row keep-together.within-page="always">
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="normalize-space(.)"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block text-align="center"><xsl:value-of select="@total"/></fo:block></fo:table-cell>
            <xsl:for-each select="/report/counts/count">
              <xsl:variable name="key" select="@key"/>
              <fo:table-cell xsl:use-attribute-sets="cell"><fo:block text-align="center"><xsl:value-of select="$row/@*[name() = $key]"/></fo:block></fo:table-cell>
            </xsl:for-each>
            <xsl:if test="$rate">
              <fo:table-cell xsl:use-attribute-sets="cell"><fo:block text-align="center"><xsl:value-of select="@rate"/></fo:block></fo:table-cell>
            </xsl:if>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

  <!-- "1.name（牵头单位：…，完成进度…，应完成进度…）。存在问题：…" -->
  <xsl:template name="behind-list">
    <xsl:param name="tasks"/>
    <xsl:param name="none"/>
    <xsl:choose>
      <xsl:when test="$tasks">
        <xsl:for-each select="$tasks">
          <fo:block xsl:use-attribute-sets="gw-para">
            <xsl:call-template name="behind-text"><xsl:with-param name="n" select="position()"/></xsl:call-template>
          </fo:block>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="gw-para"><xsl:value-of select="$none"/></fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the texts shared with report-docx.xsl (text only) -->
  <!-- 应完成进度, or — for a task without milestones: an empty cell reads
       as forgotten (an empty 完成进度 is explained by 未报送 beside it) -->
  <xsl:template name="or-dash">
    <xsl:param name="v"/>
    <xsl:choose>
      <xsl:when test="normalize-space($v)"><xsl:call-template name="pct"><xsl:with-param name="v" select="$v"/></xsl:call-template></xsl:when>
      <xsl:otherwise>—</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a percentage as read: 69.2% but 100%, not 100.0% beside the form's
       whole 48% (the XML keeps one decimal: data/report.rng) -->
  <xsl:template name="pct">
    <xsl:param name="v"/>
    <xsl:variable name="t" select="normalize-space($v)"/>
    <xsl:choose>
      <xsl:when test="substring($t, string-length($t) - 2) = '.0%'"><xsl:value-of select="concat(substring($t, 1, string-length($t) - 3), '%')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$t"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="behind-text">
    <xsl:param name="n"/>
    <xsl:value-of select="$n"/>
    <xsl:text>.第</xsl:text><xsl:value-of select="@no"/><xsl:text>项</xsl:text>
    <xsl:value-of select="normalize-space(name)"/>
    <xsl:text>（牵头单位：</xsl:text><xsl:value-of select="@lead"/>
    <xsl:if test="normalize-space(@percent)">
      <xsl:text>，完成进度</xsl:text><xsl:value-of select="@percent"/>
    </xsl:if>
    <xsl:if test="normalize-space(@expected)">
      <xsl:text>，应完成进度</xsl:text><xsl:call-template name="pct"><xsl:with-param name="v" select="@expected"/></xsl:call-template>
    </xsl:if>
    <xsl:text>）。存在问题：</xsl:text>
    <xsl:value-of select="normalize-space(problems)"/>
    <xsl:variable name="p" select="normalize-space(problems)"/>
    <xsl:if test="not(contains('。；！？', substring($p, string-length($p))))">。</xsl:if>
  </xsl:template>

  <xsl:template name="missing-text">
    <xsl:choose>
      <xsl:when test="missing-units/unit">
        <xsl:text>本季度以下牵头单位未报送进展情况：</xsl:text>
        <xsl:for-each select="missing-units/unit">
          <xsl:if test="position() &gt; 1">、</xsl:if>
          <xsl:value-of select="normalize-space(.)"/>
          <xsl:text>（</xsl:text><xsl:value-of select="@tasks"/><xsl:text>项）</xsl:text>
        </xsl:for-each>
        <xsl:text>。请上述单位及时补报。</xsl:text>
      </xsl:when>
      <xsl:otherwise>本季度各牵头单位均已报送进展情况。</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================================================== attachment -->
  <xsl:template name="attachment">
    <fo:block font-family="{$gw-hei}" font-size="16pt" line-height="{$gw-p}pt" id="gw-att"
        keep-with-next.within-page="always">附件</fo:block>
    <fo:block font-family="{$gw-xbs}" font-size="22pt" line-height="{$gw-p}pt" text-align="center"
        space-before="{$gw-p}pt" space-after="{$gw-p div 2}pt"
        keep-with-next.within-page="always"><xsl:value-of select="$att-title"/></fo:block>
    <fo:table xsl:use-attribute-sets="gw-table-tasks" font-family="{$gw-fangsong}" gw:grid="none">
      <fo:table-column column-width="12mm"/>  <!-- 序号 -->
      <fo:table-column column-width="36mm"/>  <!-- 任务 -->
      <fo:table-column column-width="24mm"/>  <!-- 牵头单位 -->
      <fo:table-column column-width="21mm"/>  <!-- 状态 -->
      <fo:table-column column-width="16mm"/>  <!-- 完成进度 -->
      <fo:table-column column-width="18mm"/>  <!-- 应完成进度 -->
      <fo:table-column column-width="56mm"/>  <!-- 进展情况 -->
      <fo:table-column column-width="42mm"/>  <!-- 存在问题 -->
      <fo:table-header>
        <fo:table-row font-family="{$gw-hei}" text-align="center">
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>序号</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>任务</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>牵头单位</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>状态</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>完成进度</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>应完成进度</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>进展情况</fo:block></fo:table-cell>
          <fo:table-cell xsl:use-attribute-sets="cell"><fo:block>存在问题</fo:block></fo:table-cell>
        </fo:table-row>
      </fo:table-header>
      <fo:table-body>
        <xsl:for-each select="tasks/task">
          <xsl:variable name="tint">
            <xsl:call-template name="status-tint"><xsl:with-param name="key" select="@key"/></xsl:call-template>
          </xsl:variable>
          <!-- short rows move whole to the next page; a long report splits
               between lines with the header repeated (as the notice's 附件2):
               lines estimated at 13 字 a line in 进展情况 -->
          <fo:table-row>
            <xsl:if test="string-length(normalize-space(progress)) &lt;= 13 * number($keep-lines)">
              <xsl:attribute name="keep-together.within-page">always</xsl:attribute>
            </xsl:if>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block text-align="center"><xsl:value-of select="@no"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="normalize-space(name)"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block><xsl:value-of select="@lead"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell" background-color="{$tint}"><fo:block text-align="center"><xsl:value-of select="@status"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block text-align="center"><xsl:value-of select="@percent"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block text-align="center"><xsl:call-template name="or-dash"><xsl:with-param name="v" select="@expected"/></xsl:call-template></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block text-align="justify"><xsl:value-of select="normalize-space(progress)"/></fo:block></fo:table-cell>
            <fo:table-cell xsl:use-attribute-sets="cell"><fo:block text-align="justify">
              <xsl:if test="@key != 'missing'"><xsl:value-of select="normalize-space(problems)"/></xsl:if>
            </fo:block></fo:table-cell>
          </fo:table-row>
        </xsl:for-each>
      </fo:table-body>
    </fo:table>
  </xsl:template>

</xsl:stylesheet>
