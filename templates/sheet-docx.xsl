<?xml version="1.0" encoding="UTF-8"?>
<!-- sheet-docx.xsl — a unit's task sheet (交办单) as an editable Word
     document (gongwen sheets with format docx): the content of the PDF sheet,
     whose texts come from the named templates of sheet.xsl (imported), in
     the paragraph styles of stylesheets/docx.xsl, and the sign-off block as
     a table (label | a line to write on). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pkg="urn:gongwen:package"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    exclude-result-prefixes="pkg">

  <xsl:import href="sheet.xsl"/>
  <xsl:import href="../stylesheets/docx.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:template match="/unit-sheet">
    <xsl:call-template name="wx-package">
      <xsl:with-param name="title" select="concat(recipient, '任务交办单')"/>
      <xsl:with-param name="author" select="normalize-space(meta/issuer)"/>
      <xsl:with-param name="subject" select="normalize-space(meta/title)"/>
      <xsl:with-param name="keywords" select="'任务交办单'"/>
      <xsl:with-param name="date" select="string(meta/sign-date/@iso)"/>
      <xsl:with-param name="body">
        <xsl:apply-templates select="." mode="wx"/>
        <xsl:call-template name="wx-sect"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="unit-sheet" mode="wx">
    <w:p>
      <w:pPr><w:pStyle w:val="GWTitle"/></w:pPr>
      <xsl:for-each select="meta/title/line">
        <w:r><w:t><xsl:value-of select="normalize-space(.)"/></w:t></w:r>
        <w:r><w:br/></w:r>
      </xsl:for-each>
      <w:r><w:t>任务交办单</w:t></w:r>
    </w:p>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWText'"/>
      <xsl:with-param name="text" select="concat('（', recipient, '）')"/>
      <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/><w:jc w:val="center"/><w:ind w:firstLine="0"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'Normal'"/>
      <xsl:with-param name="text"><xsl:call-template name="basis-text"/></xsl:with-param>
      <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/></xsl:with-param>
    </xsl:call-template>
    <xsl:if test="meta/sign-date">
      <xsl:call-template name="wx-p">
        <xsl:with-param name="style" select="'Normal'"/>
        <xsl:with-param name="text"><xsl:call-template name="date-text"/></xsl:with-param>
      </xsl:call-template>
    </xsl:if>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'Normal'"/>
      <xsl:with-param name="text"><xsl:call-template name="no-text"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'Normal'"/>
      <xsl:with-param name="text"><xsl:call-template name="count-text"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWText'"/>
      <xsl:with-param name="text"><xsl:call-template name="summary-text"/></xsl:with-param>
    </xsl:call-template>
    <xsl:apply-templates select="tasks" mode="wx-summary"/>
    <xsl:apply-templates select="tasks" mode="wx-role">
      <xsl:with-param name="role" select="'lead'"/>
      <xsl:with-param name="head" select="'一、牵头任务'"/>
    </xsl:apply-templates>
    <xsl:apply-templates select="tasks" mode="wx-role">
      <xsl:with-param name="role" select="'responsible'"/>
      <xsl:with-param name="head" select="'二、配合任务'"/>
    </xsl:apply-templates>
    <xsl:if test="requirements">
      <xsl:call-template name="wx-p">
        <xsl:with-param name="style" select="'GWH1'"/>
        <xsl:with-param name="text" select="'三、工作要求'"/>
      </xsl:call-template>
      <xsl:for-each select="requirements/requirement">
        <xsl:call-template name="wx-p">
          <xsl:with-param name="style" select="'GWText'"/>
          <xsl:with-param name="text" select="concat(@label, .)"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
    <xsl:apply-templates select="reporting" mode="wx"/>
  </xsl:template>

  <!-- 任务一览: the PDF's columns (gw-table-summary-columns), 四号 -->
  <xsl:template name="wx-scell">
    <xsl:param name="tw"/>
    <xsl:param name="text"/>
    <xsl:param name="jc" select="'left'"/>
    <xsl:param name="font" select="''"/>
    <w:tc>
      <w:tcPr><w:tcW w:w="{$tw}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>
      <w:p>
        <w:pPr><w:pStyle w:val="GWTableText"/><w:jc w:val="{$jc}"/></w:pPr>
        <w:r>
          <w:rPr>
            <xsl:if test="$font != ''"><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$font"/></xsl:call-template></xsl:if>
            <w:sz w:val="28"/><w:szCs w:val="28"/>
          </w:rPr>
          <w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t>
        </w:r>
      </w:p>
    </w:tc>
  </xsl:template>

  <xsl:template match="tasks" mode="wx-summary">
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWAttachLabel'"/>
      <xsl:with-param name="text" select="'任务一览'"/>
      <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/><w:jc w:val="center"/></xsl:with-param>
    </xsl:call-template>
    <w:tbl>
      <w:tblPr>
        <w:tblW w:w="{$wx-text-w}" w:type="dxa"/>
        <w:tblLayout w:type="fixed"/>
        <w:tblBorders>
          <w:top w:val="single" w:sz="4" w:color="000000"/>
          <w:left w:val="single" w:sz="4" w:color="000000"/>
          <w:bottom w:val="single" w:sz="4" w:color="000000"/>
          <w:right w:val="single" w:sz="4" w:color="000000"/>
          <w:insideH w:val="single" w:sz="4" w:color="000000"/>
          <w:insideV w:val="single" w:sz="4" w:color="000000"/>
        </w:tblBorders>
        <w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar>
      </w:tblPr>
      <w:tblGrid>
        <w:gridCol w:w="840"/><w:gridCol w:w="3360"/><w:gridCol w:w="920"/><w:gridCol w:w="1920"/><w:gridCol w:w="1804"/>
      </w:tblGrid>
      <w:tr>
        <w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>
        <xsl:call-template name="wx-scell"><xsl:with-param name="tw" select="840"/><xsl:with-param name="text" select="'序号'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-scell"><xsl:with-param name="tw" select="3360"/><xsl:with-param name="text" select="'任务'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-scell"><xsl:with-param name="tw" select="920"/><xsl:with-param name="text" select="'角色'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-scell"><xsl:with-param name="tw" select="1920"/><xsl:with-param name="text" select="'牵头单位'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-scell"><xsl:with-param name="tw" select="1804"/><xsl:with-param name="text" select="'完成时限'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
      </w:tr>
      <xsl:for-each select="task">
        <w:tr>
          <w:trPr><w:cantSplit/></w:trPr>
          <xsl:call-template name="wx-scell"><xsl:with-param name="tw" select="840"/><xsl:with-param name="text" select="@no"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
          <xsl:call-template name="wx-scell"><xsl:with-param name="tw" select="3360"/><xsl:with-param name="text"><xsl:call-template name="short-title"/></xsl:with-param></xsl:call-template>
          <xsl:call-template name="wx-scell"><xsl:with-param name="tw" select="920"/><xsl:with-param name="text"><xsl:call-template name="role-text"/></xsl:with-param><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
          <xsl:call-template name="wx-scell"><xsl:with-param name="tw" select="1920"/><xsl:with-param name="text"><xsl:call-template name="unit-list"><xsl:with-param name="role" select="'lead'"/></xsl:call-template></xsl:with-param></xsl:call-template>
          <xsl:call-template name="wx-scell"><xsl:with-param name="tw" select="1804"/><xsl:with-param name="text"><xsl:call-template name="deadline-cell-text"/></xsl:with-param></xsl:call-template>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
  </xsl:template>

  <!-- 一、牵头任务 / 二、配合任务: the tasks of one role, or 无 in one line -->
  <xsl:template match="tasks" mode="wx-role">
    <xsl:param name="role"/>
    <xsl:param name="head"/>
    <xsl:choose>
      <xsl:when test="task[@role = $role]">
        <xsl:call-template name="wx-p">
          <xsl:with-param name="style" select="'GWH1'"/>
          <xsl:with-param name="text" select="$head"/>
          <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/></xsl:with-param>
        </xsl:call-template>
        <xsl:for-each select="task[@role = $role]">
          <xsl:call-template name="wx-p">
            <xsl:with-param name="style" select="'GWText'"/>
            <xsl:with-param name="text"><xsl:call-template name="task-text"/></xsl:with-param>
          </xsl:call-template>
          <xsl:for-each select="item">
            <xsl:call-template name="wx-p">
              <xsl:with-param name="style" select="'GWText'"/>
              <xsl:with-param name="text" select="."/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:call-template name="wx-p">
            <xsl:with-param name="style" select="'GWText'"/>
            <xsl:with-param name="text"><xsl:call-template name="task-units-text"/></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="wx-p">
            <xsl:with-param name="style" select="'GWText'"/>
            <xsl:with-param name="text"><xsl:call-template name="task-deadline-text"/></xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <w:p>
          <w:pPr><w:pStyle w:val="GWText"/><w:spacing w:before="{$wx-line}"/></w:pPr>
          <w:r><w:rPr><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-hei"/></xsl:call-template></w:rPr><w:t><xsl:value-of select="concat($head, '：')"/></w:t></w:r>
          <w:r><w:t>无。</w:t></w:r>
        </w:p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- 四、报送与签收, the sign-off block as a table -->
  <xsl:template match="reporting" mode="wx">
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWH1'"/>
      <xsl:with-param name="text" select="'四、报送与签收'"/>
    </xsl:call-template>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWText'"/>
      <xsl:with-param name="text"><xsl:call-template name="reporting-text"/></xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="report-date[not(substring(@iso, 1, 4) = substring(preceding-sibling::report-date[1]/@iso, 1, 4))]">
      <xsl:call-template name="wx-p">
        <xsl:with-param name="style" select="'GWText'"/>
        <xsl:with-param name="text"><xsl:call-template name="year-dates-text"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <w:tbl>
      <w:tblPr>
        <w:tblW w:w="{$wx-text-w}" w:type="dxa"/>
        <w:tblLayout w:type="fixed"/>
        <w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>
      </w:tblPr>
      <w:tblGrid><w:gridCol w:w="3150"/><w:gridCol w:w="{$wx-text-w - 3150}"/></w:tblGrid>
      <xsl:call-template name="wx-sign-row"><xsl:with-param name="label" select="'责任领导：'"/></xsl:call-template>
      <xsl:call-template name="wx-sign-row"><xsl:with-param name="label" select="'联系人：'"/></xsl:call-template>
      <xsl:call-template name="wx-sign-row"><xsl:with-param name="label" select="'联系电话：'"/></xsl:call-template>
      <xsl:call-template name="wx-sign-row"><xsl:with-param name="label" select="'签收人（签字）：'"/></xsl:call-template>
      <xsl:call-template name="wx-sign-row"><xsl:with-param name="label" select="'签收日期：'"/><xsl:with-param name="value" select="'　　　　年　　月　　日'"/></xsl:call-template>
    </w:tbl>
  </xsl:template>

  <!-- a label two 字 in, then the line to write on (a bottom border) -->
  <xsl:template name="wx-sign-row">
    <xsl:param name="label"/>
    <xsl:param name="value" select="''"/>
    <w:tr>
      <!-- one grid line a row, exactly -->
      <w:trPr><w:cantSplit/><w:trHeight w:val="{$wx-line}" w:hRule="exact"/></w:trPr>
      <w:tc>
        <w:tcPr><w:tcW w:w="3150" w:type="dxa"/></w:tcPr>
        <w:p><w:pPr><w:pStyle w:val="GWText"/></w:pPr><w:r><w:t><xsl:value-of select="$label"/></w:t></w:r></w:p>
      </w:tc>
      <w:tc>
        <w:tcPr>
          <w:tcW w:w="{$wx-text-w - 3150}" w:type="dxa"/>
          <xsl:if test="$value = ''">
            <w:tcBorders><w:bottom w:val="single" w:sz="4" w:color="000000"/></w:tcBorders>
          </xsl:if>
        </w:tcPr>
        <w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t xml:space="preserve"><xsl:value-of select="$value"/></w:t></w:r></w:p>
      </w:tc>
    </w:tr>
  </xsl:template>
</xsl:stylesheet>
