<?xml version="1.0" encoding="UTF-8"?>
<!-- report-docx.xsl — the quarterly supervision report (督查通报) as an
     editable Word document (gongwen report with format docx): the sections
     of report.xsl (imported: its texts and variables) in the styles of
     stylesheets/docx.xsl.  The charts of the PDF are SVG the typesetter
     draws; in Word each becomes a table of the same numbers under the same
     caption (图1 the count of each status, 图2 is the category table above
     it, 图3 the counts by quarter), which a clerk can turn into a Word chart.
       section 1 (portrait)   版头, title, the six sections, 附件说明, signature
       section 2 (landscape)  附件 落实情况表, each status shaded in its tint
       section 3 (portrait)   版记 at the foot of an even page -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pkg="urn:gongwen:package"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="pkg exsl">

  <xsl:import href="report.xsl"/>
  <xsl:import href="../stylesheets/docx.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:template match="/report">
    <xsl:call-template name="wx-package">
      <xsl:with-param name="title" select="$title-text"/>
      <xsl:with-param name="author" select="normalize-space($meta/issuer)"/>
      <xsl:with-param name="subject" select="normalize-space($meta/plan-title)"/>
      <xsl:with-param name="keywords" select="normalize-space($meta/doc-number)"/>
      <xsl:with-param name="date" select="string($meta/sign-date/@iso)"/>
      <xsl:with-param name="body">
        <xsl:call-template name="wx-report-body"/>
        <w:p><w:pPr><xsl:call-template name="wx-sect"/></w:pPr></w:p>
        <xsl:call-template name="wx-report-attachment"/>
        <w:p><w:pPr><xsl:call-template name="wx-sect"><xsl:with-param name="landscape" select="true()"/></xsl:call-template></w:pPr></w:p>
        <xsl:call-template name="wx-colophon"><xsl:with-param name="meta" select="$meta"/></xsl:call-template>
        <xsl:call-template name="wx-sect"><xsl:with-param name="even" select="true()"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="wx-h1">
    <xsl:param name="text"/>
    <xsl:call-template name="wx-p"><xsl:with-param name="style" select="'GWH1'"/><xsl:with-param name="text" select="$text"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="wx-para">
    <xsl:param name="text"/>
    <xsl:call-template name="wx-p"><xsl:with-param name="style" select="'GWText'"/><xsl:with-param name="text" select="$text"/></xsl:call-template>
  </xsl:template>

  <xsl:template name="wx-caption">
    <xsl:param name="text"/>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'Normal'"/>
      <xsl:with-param name="text" select="$text"/>
      <xsl:with-param name="ppr"><w:jc w:val="center"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- a table of 12 pt cells: a header row (黑体) and rows; $cols the widths
       in mm, $head and $rows built by the caller -->
  <!-- keep: a figure's table, kept on one page with its caption below
       (every paragraph keeps with the next) -->
  <xsl:template name="wx-grid-table">
    <xsl:param name="widths"/>
    <xsl:param name="rows"/>
    <xsl:param name="keep" select="false()"/>
    <w:tbl>
      <w:tblPr>
        <w:tblW w:w="{$wx-text-w}" w:type="dxa"/>
        <w:jc w:val="center"/>
        <w:tblLayout w:type="fixed"/>
        <w:tblBorders>
          <w:top w:val="single" w:sz="4" w:color="000000"/>
          <w:left w:val="single" w:sz="4" w:color="000000"/>
          <w:bottom w:val="single" w:sz="4" w:color="000000"/>
          <w:right w:val="single" w:sz="4" w:color="000000"/>
          <w:insideH w:val="single" w:sz="4" w:color="000000"/>
          <w:insideV w:val="single" w:sz="4" w:color="000000"/>
        </w:tblBorders>
        <w:tblCellMar><w:left w:w="40" w:type="dxa"/><w:right w:w="40" w:type="dxa"/></w:tblCellMar>
      </w:tblPr>
      <w:tblGrid><xsl:copy-of select="$widths"/></w:tblGrid>
      <xsl:choose>
        <xsl:when test="$keep"><xsl:apply-templates select="exsl:node-set($rows)" mode="wx-keep"/></xsl:when>
        <xsl:otherwise><xsl:copy-of select="$rows"/></xsl:otherwise>
      </xsl:choose>
    </w:tbl>
  </xsl:template>

  <xsl:template match="@*|node()" mode="wx-keep">
    <xsl:copy><xsl:apply-templates select="@*|node()" mode="wx-keep"/></xsl:copy>
  </xsl:template>
  <xsl:template match="w:pPr" mode="wx-keep">
    <xsl:copy><xsl:apply-templates select="@*|node()" mode="wx-keep"/><w:keepNext/></xsl:copy>
  </xsl:template>

  <!-- ============================================================ body -->
  <xsl:template name="wx-report-body">
    <xsl:call-template name="wx-head">
      <xsl:with-param name="meta" select="$meta"/>
      <xsl:with-param name="title" select="$meta/title"/>
    </xsl:call-template>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWAddressee'"/>
      <xsl:with-param name="text" select="concat(normalize-space($meta/addressees), '：')"/>
      <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/></xsl:with-param>
    </xsl:call-template>

    <xsl:call-template name="wx-h1"><xsl:with-param name="text" select="'一、总体进展情况'"/></xsl:call-template>
    <xsl:call-template name="wx-para"><xsl:with-param name="text" select="normalize-space(headline)"/></xsl:call-template>
    <!-- 图1: the count of each status -->
    <xsl:call-template name="wx-grid-table">
      <xsl:with-param name="keep" select="true()"/>
      <xsl:with-param name="widths"><xsl:for-each select="counts/count"><w:gridCol w:w="1769"/></xsl:for-each></xsl:with-param>
      <xsl:with-param name="rows">
        <w:tr>
          <xsl:for-each select="counts/count">
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="31.2"/><xsl:with-param name="text" select="@status"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
          </xsl:for-each>
        </w:tr>
        <w:tr>
          <xsl:for-each select="counts/count">
            <xsl:variable name="tint"><xsl:call-template name="status-tint"><xsl:with-param name="key" select="@key"/></xsl:call-template></xsl:variable>
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="31.2"/><xsl:with-param name="text" select="@n"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="shade" select="$tint"/></xsl:call-template>
          </xsl:for-each>
        </w:tr>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="wx-caption"><xsl:with-param name="text" select="concat('图1　', normalize-space($meta/quarter-cn), '任务状态分布')"/></xsl:call-template>

    <xsl:call-template name="wx-h1"><xsl:with-param name="text" select="'二、分类别落实情况'"/></xsl:call-template>
    <xsl:call-template name="wx-count-table">
      <xsl:with-param name="rows" select="categories/category"/>
      <xsl:with-param name="first" select="'类别'"/>
      <xsl:with-param name="total" select="'任务数'"/>
      <xsl:with-param name="rate" select="true()"/>
      <xsl:with-param name="keep" select="true()"/>
    </xsl:call-template>
    <xsl:if test="categories/category">
      <xsl:call-template name="wx-caption"><xsl:with-param name="text" select="concat('图2　', normalize-space($meta/quarter-cn), '分类别任务落实情况')"/></xsl:call-template>
    </xsl:if>
    <xsl:if test="count(trend/quarter) &gt;= 2">
      <xsl:call-template name="wx-para"><xsl:with-param name="text" select="'各季度已完成、滞后和严重滞后任务数变化情况如下。'"/></xsl:call-template>
      <!-- 图3: a row per quarter with reports -->
      <xsl:call-template name="wx-grid-table">
        <xsl:with-param name="keep" select="true()"/>
        <xsl:with-param name="widths"><w:gridCol w:w="3444"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/><w:gridCol w:w="1800"/></xsl:with-param>
        <xsl:with-param name="rows">
          <w:tr>
            <w:trPr><w:tblHeader/></w:trPr>
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="60.7"/><xsl:with-param name="text" select="'季度'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="31.7"/><xsl:with-param name="text" select="'已完成'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="31.7"/><xsl:with-param name="text" select="'滞后'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="31.7"/><xsl:with-param name="text" select="'严重滞后'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
          </w:tr>
          <xsl:for-each select="trend/quarter">
            <w:tr>
              <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="60.7"/><xsl:with-param name="text" select="concat(@year, @quarter)"/></xsl:call-template>
              <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="31.7"/><xsl:with-param name="text" select="@done"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
              <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="31.7"/><xsl:with-param name="text" select="@behind"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
              <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="31.7"/><xsl:with-param name="text" select="@severe"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
            </w:tr>
          </xsl:for-each>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-caption"><xsl:with-param name="text" select="'图3　各季度任务落实情况'"/></xsl:call-template>
    </xsl:if>

    <xsl:call-template name="wx-h1"><xsl:with-param name="text" select="'三、各牵头单位落实情况'"/></xsl:call-template>
    <xsl:call-template name="wx-para"><xsl:with-param name="text" select="'按滞后和严重滞后任务数从多到少排列如下。'"/></xsl:call-template>
    <xsl:call-template name="wx-count-table">
      <xsl:with-param name="rows" select="units/unit"/>
      <xsl:with-param name="first" select="'牵头单位'"/>
      <xsl:with-param name="total" select="'牵头任务数'"/>
      <xsl:with-param name="rate" select="false()"/>
    </xsl:call-template>

    <xsl:call-template name="wx-h1"><xsl:with-param name="text" select="'四、滞后和严重滞后任务'"/></xsl:call-template>
    <xsl:call-template name="wx-p"><xsl:with-param name="style" select="'GWH2'"/><xsl:with-param name="text" select="'（一）严重滞后任务'"/></xsl:call-template>
    <xsl:call-template name="wx-behind">
      <xsl:with-param name="tasks" select="tasks/task[@key = 'severe']"/>
      <xsl:with-param name="none" select="'本季度无严重滞后任务。'"/>
    </xsl:call-template>
    <xsl:call-template name="wx-p"><xsl:with-param name="style" select="'GWH2'"/><xsl:with-param name="text" select="'（二）滞后任务'"/></xsl:call-template>
    <xsl:call-template name="wx-behind">
      <xsl:with-param name="tasks" select="tasks/task[@key = 'behind']"/>
      <xsl:with-param name="none" select="'本季度无滞后任务。'"/>
    </xsl:call-template>

    <xsl:call-template name="wx-h1"><xsl:with-param name="text" select="'五、未报送进展情况的单位'"/></xsl:call-template>
    <xsl:call-template name="wx-para"><xsl:with-param name="text"><xsl:call-template name="missing-text"/></xsl:with-param></xsl:call-template>

    <xsl:call-template name="wx-h1"><xsl:with-param name="text" select="'六、下一步工作要求'"/></xsl:call-template>
    <xsl:for-each select="requirements/requirement">
      <w:p>
        <w:pPr><w:pStyle w:val="GWText"/></w:pPr>
        <w:r><w:rPr><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-kai"/></xsl:call-template></w:rPr><w:t><xsl:value-of select="@label"/></w:t></w:r>
        <w:r><w:t><xsl:value-of select="normalize-space(.)"/></w:t></w:r>
      </w:p>
    </xsl:for-each>
    <xsl:for-each select="requirements/extra">
      <xsl:call-template name="wx-para"><xsl:with-param name="text" select="normalize-space(.)"/></xsl:call-template>
    </xsl:for-each>
    <xsl:if test="not(requirements/*)">
      <xsl:call-template name="wx-para"><xsl:with-param name="text" select="'请各牵头单位对照任务分工，加快推进落实。'"/></xsl:call-template>
    </xsl:if>

    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWAttachNote'"/>
      <xsl:with-param name="text" select="concat('附件：', $att-title)"/>
      <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="wx-signature">
      <xsl:with-param name="issuer" select="normalize-space($meta/issuer)"/>
      <xsl:with-param name="date" select="normalize-space($meta/sign-date)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="wx-behind">
    <xsl:param name="tasks"/>
    <xsl:param name="none"/>
    <xsl:choose>
      <xsl:when test="$tasks">
        <xsl:for-each select="$tasks">
          <xsl:call-template name="wx-para">
            <xsl:with-param name="text"><xsl:call-template name="behind-text"><xsl:with-param name="n" select="position()"/></xsl:call-template></xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wx-para"><xsl:with-param name="text" select="$none"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- counts by status of categories or lead units, the PDF's columns -->
  <xsl:template name="wx-count-table">
    <xsl:param name="rows"/>
    <xsl:param name="first"/>
    <xsl:param name="total"/>
    <xsl:param name="rate"/>
    <xsl:param name="keep" select="false()"/>
    <!-- the PDF's widths (report.xsl, count-table), in mm -->
    <xsl:variable name="w1" select="45.9 - 7.1 * number(not($rate))"/>
    <xsl:variable name="wn" select="15.5 + 2.1 * number(not($rate))"/>
    <xsl:variable name="wt" select="15.5 + 13.5 * number(not($rate))"/>
    <xsl:call-template name="wx-grid-table">
      <xsl:with-param name="keep" select="$keep"/>
      <xsl:with-param name="widths">
        <w:gridCol w:w="{round($w1 * 56.693)}"/>
        <w:gridCol w:w="{round($wt * 56.693)}"/>
        <xsl:for-each select="/report/counts/count"><w:gridCol w:w="{round($wn * 56.693)}"/></xsl:for-each>
        <xsl:if test="$rate"><w:gridCol w:w="{round($wn * 56.693)}"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="rows">
        <w:tr>
          <w:trPr><w:tblHeader/></w:trPr>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w1"/><xsl:with-param name="text" select="$first"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$wt"/><xsl:with-param name="text" select="$total"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
          <xsl:for-each select="/report/counts/count">
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$wn"/><xsl:with-param name="text" select="@status"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
          </xsl:for-each>
          <xsl:if test="$rate">
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$wn"/><xsl:with-param name="text" select="'完成率'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
          </xsl:if>
        </w:tr>
        <xsl:for-each select="$rows">
          <xsl:variable name="row" select="."/>
          <w:tr>
            <w:trPr><w:cantSplit/></w:trPr>
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w1"/><xsl:with-param name="text" select="normalize-space(.)"/></xsl:call-template>
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$wt"/><xsl:with-param name="text" select="@total"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
            <xsl:for-each select="/report/counts/count">
              <xsl:variable name="key" select="@key"/>
              <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$wn"/><xsl:with-param name="text" select="$row/@*[name() = $key]"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
            </xsl:for-each>
            <xsl:if test="$rate">
              <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$wn"/><xsl:with-param name="text" select="@rate"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
            </xsl:if>
          </w:tr>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ========================================================== 附件 -->
  <xsl:template name="wx-report-attachment">
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWAttachLabel'"/>
      <xsl:with-param name="text" select="'附件'"/>
    </xsl:call-template>
    <w:p>
      <w:pPr><w:pStyle w:val="GWTitle"/><w:spacing w:before="{$wx-line}" w:after="290"/></w:pPr>
      <w:r><w:t><xsl:value-of select="$att-title"/></w:t></w:r>
    </w:p>
    <w:tbl>
      <w:tblPr>
        <w:tblW w:w="12756" w:type="dxa"/>
        <w:jc w:val="center"/>
        <w:tblLayout w:type="fixed"/>
        <w:tblBorders>
          <w:top w:val="single" w:sz="4" w:color="000000"/>
          <w:left w:val="single" w:sz="4" w:color="000000"/>
          <w:bottom w:val="single" w:sz="4" w:color="000000"/>
          <w:right w:val="single" w:sz="4" w:color="000000"/>
          <w:insideH w:val="single" w:sz="4" w:color="000000"/>
          <w:insideV w:val="single" w:sz="4" w:color="000000"/>
        </w:tblBorders>
        <w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>
      </w:tblPr>
      <!-- the PDF's columns: 12, 36, 24, 21, 16, 18, 56, 42 mm -->
      <w:tblGrid>
        <w:gridCol w:w="680"/><w:gridCol w:w="2041"/><w:gridCol w:w="1361"/><w:gridCol w:w="1191"/>
        <w:gridCol w:w="907"/><w:gridCol w:w="1020"/><w:gridCol w:w="3175"/><w:gridCol w:w="2381"/>
      </w:tblGrid>
      <w:tr>
        <w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="12"/><xsl:with-param name="text" select="'序号'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="36"/><xsl:with-param name="text" select="'任务'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="24"/><xsl:with-param name="text" select="'牵头单位'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="21"/><xsl:with-param name="text" select="'状态'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="16"/><xsl:with-param name="text" select="'完成进度'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="18"/><xsl:with-param name="text" select="'应完成进度'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="56"/><xsl:with-param name="text" select="'进展情况'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="42"/><xsl:with-param name="text" select="'存在问题'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
      </w:tr>
      <xsl:for-each select="tasks/task">
        <xsl:variable name="tint"><xsl:call-template name="status-tint"><xsl:with-param name="key" select="@key"/></xsl:call-template></xsl:variable>
        <w:tr>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="12"/><xsl:with-param name="text" select="@no"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="36"/><xsl:with-param name="text" select="normalize-space(name)"/></xsl:call-template>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="24"/><xsl:with-param name="text" select="@lead"/></xsl:call-template>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="21"/><xsl:with-param name="text" select="@status"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="shade" select="$tint"/></xsl:call-template>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="16"/><xsl:with-param name="text" select="@percent"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="18"/><xsl:with-param name="text"><xsl:call-template name="or-dash"><xsl:with-param name="v" select="@expected"/></xsl:call-template></xsl:with-param><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="56"/><xsl:with-param name="text" select="normalize-space(progress)"/><xsl:with-param name="jc" select="'both'"/></xsl:call-template>
          <xsl:call-template name="wx-cell">
            <xsl:with-param name="mm" select="42"/>
            <xsl:with-param name="jc" select="'both'"/>
            <xsl:with-param name="text"><xsl:if test="@key != 'missing'"><xsl:value-of select="normalize-space(problems)"/></xsl:if></xsl:with-param>
          </xsl:call-template>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
  </xsl:template>
</xsl:stylesheet>
