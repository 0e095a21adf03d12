<?xml version="1.0" encoding="UTF-8"?>
<!-- notice-docx.xsl — the formal notice as an editable Word document
     (gongwen notice with format docx): the same intermediate XML and the same
     order as notice.xsl (whose variables it imports), in WordprocessingML
     paragraphs of the styles stylesheets/docx.xsl defines, so a clerk
     restyles instead of formatting by hand.  Output: a <pkg:package> that
     src/docx.c zips.
       section 1 (portrait)   版头, title, addressees, covering text, 附件说明,
                              signature, 附注; 附件1 from a new page
       section 2 (landscape)  附件2, the task table, header row repeated
       section 3 (portrait)   版记 at the foot of the page -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pkg="urn:gongwen:package"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    exclude-result-prefixes="pkg">

  <xsl:import href="notice.xsl"/>
  <xsl:import href="../stylesheets/docx.xsl"/>
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:template match="/plan">
    <xsl:call-template name="wx-package">
      <xsl:with-param name="title" select="normalize-space($meta/notice-title)"/>
      <xsl:with-param name="author" select="normalize-space($meta/issuer)"/>
      <xsl:with-param name="subject" select="$plan-title"/>
      <xsl:with-param name="keywords" select="normalize-space($meta/doc-number)"/>
      <xsl:with-param name="date" select="string($meta/sign-date/@iso)"/>
      <xsl:with-param name="body">
        <xsl:call-template name="wx-notice"/>
        <xsl:call-template name="wx-attachment1"/>
        <xsl:choose>
          <xsl:when test="$with-table">
            <!-- the portrait section ends here; 附件2 is landscape -->
            <w:p><w:pPr><xsl:call-template name="wx-sect"/></w:pPr></w:p>
            <xsl:call-template name="wx-attachment2"/>
            <w:p><w:pPr><xsl:call-template name="wx-sect"><xsl:with-param name="landscape" select="true()"/></xsl:call-template></w:pPr></w:p>
            <xsl:call-template name="wx-colophon"><xsl:with-param name="meta" select="$meta"/></xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="wx-colophon">
              <xsl:with-param name="meta" select="$meta"/>
              <xsl:with-param name="own-section" select="true()"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="wx-sect"><xsl:with-param name="even" select="true()"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- =========================================================== 版头, body -->
  <xsl:template name="wx-notice">
    <xsl:call-template name="wx-head">
      <xsl:with-param name="meta" select="$meta"/>
      <xsl:with-param name="title" select="$meta/notice-title"/>
    </xsl:call-template>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWAddressee'"/>
      <xsl:with-param name="text" select="concat(normalize-space($meta/addressees), '：')"/>
      <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWText'"/>
      <xsl:with-param name="text">
        <xsl:choose>
          <xsl:when test="normalize-space($meta/notice-body)"><xsl:value-of select="normalize-space($meta/notice-body)"/></xsl:when>
          <xsl:otherwise>现将《<xsl:value-of select="translate($plan-title, '《》', '〈〉')"/>》印发给你们，请结合实际，认真抓好贯彻落实。</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="$req-in-body">
      <xsl:for-each select="//section[@kind = 'requirements']/requirement">
        <w:p>
          <w:pPr><w:pStyle w:val="GWText"/></w:pPr>
          <w:r><w:rPr><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-kai"/></xsl:call-template></w:rPr><w:t><xsl:value-of select="@label"/></w:t></w:r>
          <w:r><w:t><xsl:value-of select="normalize-space(.)"/></w:t></w:r>
        </w:p>
      </xsl:for-each>
    </xsl:if>
    <!-- 附件说明: a blank line after the body, two 字 in, names aligned -->
    <xsl:choose>
      <xsl:when test="$nattach = 1">
        <xsl:call-template name="wx-p">
          <xsl:with-param name="style" select="'GWAttachNote'"/>
          <xsl:with-param name="text" select="concat('附件：', $plan-title)"/>
          <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wx-p">
          <xsl:with-param name="style" select="'GWAttachNote'"/>
          <xsl:with-param name="text" select="concat('附件：1.', $plan-title)"/>
          <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/><w:ind w:left="1890" w:hanging="1260"/></xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="wx-p">
          <xsl:with-param name="style" select="'GWAttachNote'"/>
          <xsl:with-param name="text" select="concat('2.', $table-title)"/>
          <xsl:with-param name="ppr"><w:ind w:left="1890" w:hanging="315"/></xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="wx-signature">
      <xsl:with-param name="issuer" select="normalize-space($meta/issuer)"/>
      <xsl:with-param name="date" select="normalize-space($meta/sign-date)"/>
    </xsl:call-template>
    <xsl:if test="normalize-space($meta/note)">
      <xsl:call-template name="wx-p">
        <xsl:with-param name="style" select="'GWText'"/>
        <xsl:with-param name="text" select="normalize-space($meta/note)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ 附件1 -->
  <xsl:template name="wx-attachment1">
    <w:p>
      <w:pPr><w:pStyle w:val="GWAttachLabel"/><w:pageBreakBefore/></w:pPr>
      <w:r><w:t><xsl:call-template name="att-label"><xsl:with-param name="n" select="1"/></xsl:call-template></w:t></w:r>
    </w:p>
    <w:p>
      <w:pPr><w:pStyle w:val="GWTitle"/><w:spacing w:before="{$wx-line}"/></w:pPr>
      <xsl:for-each select="$meta/title/line">
        <xsl:if test="position() &gt; 1"><w:r><w:br/></w:r></xsl:if>
        <w:r><w:t><xsl:value-of select="normalize-space(.)"/></w:t></w:r>
      </xsl:for-each>
    </w:p>
    <xsl:for-each select="preamble[normalize-space()]">
      <xsl:call-template name="wx-p">
        <xsl:with-param name="style" select="'GWText'"/>
        <xsl:with-param name="text" select="normalize-space(.)"/>
        <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/></xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:apply-templates select="section" mode="wx"/>
  </xsl:template>

  <xsl:template match="section" mode="wx">
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="concat('GWH', @level)"/>
      <xsl:with-param name="text" select="concat(@label, heading)"/>
    </xsl:call-template>
    <xsl:apply-templates select="section | task | requirement" mode="wx"/>
  </xsl:template>

  <xsl:template match="requirement" mode="wx">
    <w:p>
      <w:pPr><w:pStyle w:val="GWText"/></w:pPr>
      <w:r><w:rPr><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-kai"/></xsl:call-template></w:rPr><w:t><xsl:value-of select="@label"/></w:t></w:r>
      <w:r><w:t><xsl:value-of select="normalize-space(.)"/></w:t></w:r>
    </w:p>
  </xsl:template>

  <!-- a task as published, as in the PDF: "1.title。body（units）"; one with
       sub-items as its title line and a paragraph per item -->
  <xsl:template match="task" mode="wx">
    <xsl:variable name="units"><xsl:call-template name="units-text"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="item">
        <xsl:call-template name="wx-p">
          <xsl:with-param name="style" select="'GWText'"/>
          <xsl:with-param name="text" select="concat(@no, '.', normalize-space(title), normalize-space(body))"/>
        </xsl:call-template>
        <xsl:for-each select="item">
          <xsl:call-template name="wx-p">
            <xsl:with-param name="style" select="'GWText'"/>
            <xsl:with-param name="text">
              <xsl:value-of select="normalize-space(.)"/>
              <xsl:if test="position() = last()"><xsl:value-of select="$units"/></xsl:if>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="wx-p">
          <xsl:with-param name="style" select="'GWText'"/>
          <xsl:with-param name="text">
            <xsl:value-of select="concat(@no, '.')"/>
            <xsl:if test="normalize-space(title)"><xsl:value-of select="concat(normalize-space(title), '。')"/></xsl:if>
            <xsl:value-of select="normalize-space(body)"/>
            <xsl:value-of select="$units"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ 附件2 -->
  <!-- column widths as the PDF's (stylesheets/gbt9704.xsl,
       gw-table-tasks-columns), in twips -->
  <xsl:template name="wx-col">
    <xsl:param name="mm"/>
    <w:gridCol w:w="{round($mm * 56.693)}"/>
  </xsl:template>

  <xsl:template name="wx-attachment2">
    <xsl:variable name="w-task" select="36 + 4 * number(not($deadlines))"/>
    <xsl:variable name="w-body" select="95 - 22 * number($leaders)"/>
    <xsl:variable name="w-lead" select="26 + 4 * number(not($deadlines))"/>
    <xsl:variable name="w-resp" select="34 + 12 * number(not($deadlines))"/>
    <xsl:variable name="ncols" select="5 + number($deadlines) + number($leaders)"/>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWAttachLabel'"/>
      <xsl:with-param name="text" select="'附件2'"/>
    </xsl:call-template>
    <w:p>
      <w:pPr><w:pStyle w:val="GWTitle"/><w:spacing w:before="{$wx-line}" w:after="290"/></w:pPr>
      <w:r><w:t><xsl:value-of select="$table-title"/></w:t></w:r>
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
      <w:tblGrid>
        <xsl:call-template name="wx-col"><xsl:with-param name="mm" select="14"/></xsl:call-template>
        <xsl:call-template name="wx-col"><xsl:with-param name="mm" select="$w-task"/></xsl:call-template>
        <xsl:call-template name="wx-col"><xsl:with-param name="mm" select="$w-body"/></xsl:call-template>
        <xsl:call-template name="wx-col"><xsl:with-param name="mm" select="$w-lead"/></xsl:call-template>
        <xsl:call-template name="wx-col"><xsl:with-param name="mm" select="$w-resp"/></xsl:call-template>
        <xsl:if test="$leaders"><xsl:call-template name="wx-col"><xsl:with-param name="mm" select="22"/></xsl:call-template></xsl:if>
        <xsl:if test="$deadlines"><xsl:call-template name="wx-col"><xsl:with-param name="mm" select="20"/></xsl:call-template></xsl:if>
      </w:tblGrid>
      <!-- the header row repeats on every page -->
      <w:tr>
        <w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="14"/><xsl:with-param name="text" select="'序号'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w-task"/><xsl:with-param name="text" select="'任务'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w-body"/><xsl:with-param name="text" select="'主要内容'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w-lead"/><xsl:with-param name="text" select="'牵头单位'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w-resp"/><xsl:with-param name="text" select="'责任单位'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template>
        <xsl:if test="$leaders"><xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="22"/><xsl:with-param name="text" select="'责任领导'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template></xsl:if>
        <xsl:if test="$deadlines"><xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="20"/><xsl:with-param name="text" select="'完成时限'"/><xsl:with-param name="jc" select="'center'"/><xsl:with-param name="font" select="$wx-hei"/></xsl:call-template></xsl:if>
      </w:tr>
      <xsl:for-each select="//task">
        <xsl:variable name="sec" select="parent::section"/>
        <xsl:if test="$sec and not(preceding-sibling::*[1][self::task])">
          <w:tr>
            <w:trPr><w:cantSplit/></w:trPr>
            <xsl:call-template name="wx-cell">
              <xsl:with-param name="mm" select="225"/>
              <xsl:with-param name="span" select="$ncols"/>
              <xsl:with-param name="text" select="concat($sec/@label, $sec/heading)"/>
              <!-- the heading's own face: 一、 黑体, （一） 楷体 -->
              <xsl:with-param name="font">
                <xsl:choose>
                  <xsl:when test="$sec/@level = 1"><xsl:value-of select="$wx-hei"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="$wx-kai"/></xsl:otherwise>
                </xsl:choose>
              </xsl:with-param>
            </xsl:call-template>
          </w:tr>
        </xsl:if>
        <xsl:variable name="keep"><xsl:call-template name="row-kept"/></xsl:variable>
        <w:tr>
          <xsl:if test="$keep = 'yes'"><w:trPr><w:cantSplit/></w:trPr></xsl:if>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="14"/><xsl:with-param name="text" select="@no"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w-task"/><xsl:with-param name="text"><xsl:call-template name="gw-task-name"/></xsl:with-param></xsl:call-template>
          <xsl:call-template name="wx-cell">
            <xsl:with-param name="mm" select="$w-body"/>
            <xsl:with-param name="jc" select="'both'"/>
            <xsl:with-param name="text">
              <xsl:value-of select="normalize-space(body)"/>
              <xsl:for-each select="item"><xsl:value-of select="normalize-space(.)"/></xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="wx-cell">
            <xsl:with-param name="mm" select="$w-lead"/>
            <xsl:with-param name="text"><xsl:for-each select="unit[@role = 'lead']"><xsl:if test="position() &gt; 1">、</xsl:if><xsl:value-of select="normalize-space(.)"/></xsl:for-each></xsl:with-param>
          </xsl:call-template>
          <xsl:call-template name="wx-cell">
            <xsl:with-param name="mm" select="$w-resp"/>
            <xsl:with-param name="text"><xsl:for-each select="unit[@role = 'responsible']"><xsl:if test="position() &gt; 1">、</xsl:if><xsl:value-of select="normalize-space(.)"/></xsl:for-each></xsl:with-param>
          </xsl:call-template>
          <xsl:if test="$leaders">
            <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="22"/><xsl:with-param name="text" select="normalize-space(leader)"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
          </xsl:if>
          <xsl:if test="$deadlines">
            <xsl:call-template name="wx-cell">
              <xsl:with-param name="mm" select="20"/>
              <xsl:with-param name="jc" select="'center'"/>
              <xsl:with-param name="text"><xsl:for-each select="milestone"><xsl:if test="position() &gt; 1">；</xsl:if><xsl:value-of select="normalize-space(@deadline)"/></xsl:for-each></xsl:with-param>
            </xsl:call-template>
          </xsl:if>
        </w:tr>
      </xsl:for-each>
    </w:tbl>
  </xsl:template>

</xsl:stylesheet>
