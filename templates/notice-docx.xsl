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
      <xsl:with-param name="body">
        <xsl:call-template name="wx-notice"/>
        <xsl:call-template name="wx-attachment1"/>
        <xsl:choose>
          <xsl:when test="$with-table">
            <!-- the portrait section ends here; 附件2 is landscape -->
            <w:p><w:pPr><xsl:call-template name="wx-sect"/></w:pPr></w:p>
            <xsl:call-template name="wx-attachment2"/>
            <w:p><w:pPr><xsl:call-template name="wx-sect"><xsl:with-param name="landscape" select="true()"/></xsl:call-template></w:pPr></w:p>
            <xsl:call-template name="wx-colophon"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="wx-colophon"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="wx-sect"><xsl:with-param name="even" select="true()"/></xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- =========================================================== 版头, body -->
  <xsl:template name="wx-notice">
    <xsl:variable name="mark" select="normalize-space($meta/issuer-mark)"/>
    <!-- 发文机关标志: red 小标宋, at most 36 pt, smaller so that it fits
         the 156 mm line -->
    <xsl:variable name="marksz">
      <xsl:variable name="fit" select="floor(884 div string-length($mark))"/>
      <xsl:choose>
        <xsl:when test="$fit &gt; 72">72</xsl:when>
        <xsl:otherwise><xsl:value-of select="$fit"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <w:p>
      <w:pPr><w:pStyle w:val="GWMark"/><w:spacing w:before="1160"/></w:pPr>
      <w:r><w:rPr><w:sz w:val="{$marksz}"/><w:szCs w:val="{$marksz}"/></w:rPr><w:t><xsl:value-of select="$mark"/></w:t></w:r>
    </w:p>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWDocNumber'"/>
      <xsl:with-param name="text" select="normalize-space($meta/doc-number)"/>
      <xsl:with-param name="ppr"><w:spacing w:before="1160"/></xsl:with-param>
    </xsl:call-template>
    <!-- title: two blank lines below the red rule, a line per line as the
         builder broke it -->
    <w:p>
      <w:pPr><w:pStyle w:val="GWTitle"/><w:spacing w:before="1160"/></w:pPr>
      <xsl:for-each select="$meta/notice-title/line">
        <xsl:if test="position() &gt; 1"><w:r><w:br/></w:r></xsl:if>
        <w:r><w:t><xsl:value-of select="normalize-space(.)"/></w:t></w:r>
      </xsl:for-each>
    </w:p>
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
    <!-- signature (unsealed, GB/T 9704 §7.3.5.2): the issuer two 字 in from
         the right, the date two 字 right of the issuer's first character -->
    <xsl:variable name="issuer" select="normalize-space($meta/issuer)"/>
    <xsl:variable name="date" select="normalize-space($meta/sign-date)"/>
    <xsl:variable name="ascii" select="string-length($date) - string-length(translate($date, '0123456789', ''))"/>
    <xsl:variable name="dw" select="string-length($date) - $ascii div 2"/>
    <xsl:variable name="iw" select="string-length($issuer)"/>
    <xsl:variable name="issuer-end">
      <xsl:choose>
        <xsl:when test="$dw + 2 &gt; $iw"><xsl:value-of select="$dw + 2 - $iw + 2"/></xsl:when>
        <xsl:otherwise>2</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWSignature'"/>
      <xsl:with-param name="text" select="$issuer"/>
      <xsl:with-param name="ppr"><w:spacing w:before="{$wx-line}"/><w:jc w:val="right"/><w:ind w:right="{$issuer-end * 315}"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="wx-p">
      <xsl:with-param name="style" select="'GWSignature'"/>
      <xsl:with-param name="text" select="$date"/>
      <xsl:with-param name="ppr"><w:jc w:val="left"/><w:ind w:left="{(28 - $issuer-end - $iw + 2) * 315}"/></xsl:with-param>
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

  <xsl:template name="wx-cell">
    <xsl:param name="mm"/>
    <xsl:param name="text"/>
    <xsl:param name="jc" select="'left'"/>
    <xsl:param name="span" select="1"/>
    <xsl:param name="font" select="''"/>
    <w:tc>
      <w:tcPr>
        <w:tcW w:w="{round($mm * 56.693)}" w:type="dxa"/>
        <xsl:if test="$span &gt; 1"><w:gridSpan w:val="{$span}"/></xsl:if>
        <w:vAlign w:val="center"/>
      </w:tcPr>
      <w:p>
        <w:pPr><w:pStyle w:val="GWTableText"/><w:jc w:val="{$jc}"/></w:pPr>
        <w:r>
          <xsl:if test="$font != ''"><w:rPr><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$font"/></xsl:call-template></w:rPr></xsl:if>
          <w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t>
        </w:r>
      </w:p>
    </w:tc>
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
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="14"/><xsl:with-param name="text" select="'序号'"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w-task"/><xsl:with-param name="text" select="'任务'"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w-body"/><xsl:with-param name="text" select="'主要内容'"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w-lead"/><xsl:with-param name="text" select="'牵头单位'"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
        <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w-resp"/><xsl:with-param name="text" select="'责任单位'"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
        <xsl:if test="$leaders"><xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="22"/><xsl:with-param name="text" select="'责任领导'"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template></xsl:if>
        <xsl:if test="$deadlines"><xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="20"/><xsl:with-param name="text" select="'完成时限'"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template></xsl:if>
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
        <w:tr>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="14"/><xsl:with-param name="text" select="@no"/><xsl:with-param name="jc" select="'center'"/></xsl:call-template>
          <xsl:call-template name="wx-cell"><xsl:with-param name="mm" select="$w-task"/><xsl:with-param name="text" select="normalize-space(title)"/></xsl:call-template>
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

  <!-- ============================================================ 版记 -->
  <!-- At the foot of the text area (a frame anchored to the bottom margin:
       Word and LibreOffice keep it there while the text above changes):
       a thick rule, 抄送, a thin rule, 印发机关 … 印发日期印发, a thick rule. -->
  <xsl:template name="wx-colophon">
    <xsl:variable name="cc" select="normalize-space($meta/copy-to)"/>
    <xsl:if test="not($with-table)">
      <!-- the 版记 is a section of its own, starting on an even page -->
      <w:p><w:pPr><xsl:call-template name="wx-sect"/></w:pPr></w:p>
    </xsl:if>
    <!-- at the foot of the text area: the 版记 is a section of its own, so
         a spacer paragraph of exactly the lines above it puts the table
         there (a floating table anchored to the bottom is what Word would
         do, but LibreOffice 7.4 leaves it at the top).  The table's borders
         are the rules, 156 mm wide; the cells' margins indent the text. -->
    <!-- the table: a 21 pt (420 twips) line per line of 抄送 (25 字 of 14 pt
         a line) and one for 印发, and its rules; the spacer above takes the
         rest of the 225 mm text area (12756 twips) less 20 pt: LibreOffice
         adds a few points to a table and the closing paragraph, and any
         more would push the 版记 onto the next page (its last rule then
         stands about 6 mm above the bottom of the text area) -->
    <xsl:variable name="cclines">
      <xsl:choose>
        <xsl:when test="$cc = ''">0</xsl:when>
        <xsl:when test="string-length($cc) + 1 &lt;= 25">1</xsl:when>
        <xsl:otherwise><xsl:value-of select="1 + ceiling((string-length($cc) + 1 - 25) div 25)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <w:p>
      <w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="{12756 - ($cclines + 1) * 420 - 400}" w:lineRule="exact"/></w:pPr>
    </w:p>
    <w:tbl>
      <w:tblPr>
        <w:tblW w:w="{$wx-text-w}" w:type="dxa"/>
        <w:tblLayout w:type="fixed"/>
        <w:tblCellMar><w:left w:w="280" w:type="dxa"/><w:right w:w="280" w:type="dxa"/></w:tblCellMar>
      </w:tblPr>
      <w:tblGrid><w:gridCol w:w="{$wx-text-w}"/></w:tblGrid>
      <xsl:if test="$cc">
        <w:tr>
          <w:tc>
            <w:tcPr>
              <w:tcW w:w="{$wx-text-w}" w:type="dxa"/>
              <w:tcBorders><w:top w:val="single" w:sz="8" w:color="000000"/></w:tcBorders>
            </w:tcPr>
            <w:p>
              <w:pPr><w:pStyle w:val="GWColophon"/><w:ind w:left="840" w:right="0" w:hanging="840"/></w:pPr>
              <w:r><w:t><xsl:value-of select="concat('抄送：', $cc, '。')"/></w:t></w:r>
            </w:p>
          </w:tc>
        </w:tr>
      </xsl:if>
      <w:tr>
        <w:tc>
          <w:tcPr>
            <w:tcW w:w="{$wx-text-w}" w:type="dxa"/>
            <w:tcBorders>
              <w:top w:val="single" w:sz="{8 - 4 * number($cc != '')}" w:color="000000"/>
              <w:bottom w:val="single" w:sz="8" w:color="000000"/>
            </w:tcBorders>
          </w:tcPr>
          <w:p>
            <w:pPr>
              <w:pStyle w:val="GWColophon"/>
              <w:ind w:left="0" w:right="0"/>
              <w:tabs><w:tab w:val="right" w:pos="{$wx-text-w - 560}"/></w:tabs>
            </w:pPr>
            <w:r><w:t><xsl:value-of select="normalize-space($meta/printer)"/></w:t></w:r>
            <w:r><w:tab/><w:t><xsl:value-of select="concat(normalize-space($meta/print-date), '印发')"/></w:t></w:r>
          </w:p>
        </w:tc>
      </w:tr>
    </w:tbl>
    <w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="20" w:lineRule="exact"/></w:pPr></w:p>
  </xsl:template>
</xsl:stylesheet>
