<?xml version="1.0" encoding="UTF-8"?>
<!-- docx.xsl — what every Word document gongwen writes shares: the package
     (src/docx.c zips each <pkg:part> as the file it names, in this order),
     the content types and relationships, the styles with Chinese names, the
     settings, the font table, and the odd/even page-number footers.  The
     geometry is GB/T 9704's in Word's own terms (docs/docx.md):
       A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm;
       a line grid of 22 lines (linePitch 579 twips: 22 of them fit 225 mm), and 28
       characters a line by character spacing: 正文 16 pt glyphs set 0.25 pt
       closer (15.75 pt a 字, 28 of them in the 156 mm line).  Word's
       character grid (linesAndChars) would say the same, but LibreOffice
       7.4 lays its cells out wider than the line and breaks after 27 字, so
       the spacing is in the runs, where every program honours it.
     Fonts by role, the same names the PDF asks for (docs/fonts.md); Word,
     WPS and LibreOffice substitute from the font table's alternative names
     when the office's fonts are missing. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:pkg="urn:gongwen:package"
    xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    exclude-result-prefixes="pkg">

  <xsl:variable name="wx-fang">仿宋_GB2312</xsl:variable>
  <xsl:variable name="wx-xbs">方正小标宋简体</xsl:variable>
  <xsl:variable name="wx-hei">黑体</xsl:variable>
  <xsl:variable name="wx-kai">楷体_GB2312</xsl:variable>
  <xsl:variable name="wx-song">宋体</xsl:variable>
  <xsl:variable name="wx-red">FF0000</xsl:variable>
  <!-- twips: 1 mm = 56.693 twips -->
  <!-- 225 mm is 12756 twips, 579.8 a line: 580 would give 22 lines 12760
       twips, and Word and LibreOffice then fit only 21 -->
  <xsl:variable name="wx-line">579</xsl:variable>
  <xsl:variable name="wx-text-w">8844</xsl:variable>

  <!-- ============================================================ package -->
  <!-- The parts every document has; document.xml is the caller's ($body). -->
  <xsl:template name="wx-package">
    <xsl:param name="body"/>
    <xsl:param name="title"/>
    <!-- the PDF's document information, the same values (fo:root's gw:*) -->
    <xsl:param name="author" select="''"/>
    <xsl:param name="subject" select="''"/>
    <xsl:param name="keywords" select="''"/>
    <xsl:param name="date" select="''"/>
    <pkg:package>
      <pkg:part name="[Content_Types].xml">
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
          <Default Extension="xml" ContentType="application/xml"/>
          <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
          <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
          <Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
          <Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
          <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
          <Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
          <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
        </Types>
      </pkg:part>
      <pkg:part name="_rels/.rels">
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
          <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
        </Relationships>
      </pkg:part>
      <pkg:part name="docProps/core.xml">
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <dc:title><xsl:value-of select="$title"/></dc:title>
          <xsl:if test="$subject != ''"><dc:subject><xsl:value-of select="$subject"/></dc:subject></xsl:if>
          <xsl:if test="$author != ''"><dc:creator><xsl:value-of select="$author"/></dc:creator></xsl:if>
          <xsl:if test="$keywords != ''"><cp:keywords><xsl:value-of select="$keywords"/></cp:keywords></xsl:if>
          <dc:language>zh-CN</dc:language>
          <!-- the document's own date (成文日期), so that reruns give the
               same bytes -->
          <xsl:if test="string-length($date) = 10">
            <dcterms:created xsi:type="dcterms:W3CDTF"><xsl:value-of select="$date"/>T00:00:00Z</dcterms:created>
          </xsl:if>
        </cp:coreProperties>
      </pkg:part>
      <pkg:part name="word/_rels/document.xml.rels">
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
          <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
          <Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>
          <Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>
          <Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
          <Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>
        </Relationships>
      </pkg:part>
      <pkg:part name="word/document.xml">
        <w:document>
          <w:body>
            <xsl:copy-of select="$body"/>
          </w:body>
        </w:document>
      </pkg:part>
      <pkg:part name="word/styles.xml"><xsl:call-template name="wx-styles"/></pkg:part>
      <pkg:part name="word/settings.xml">
        <w:settings>
          <w:defaultTabStop w:val="420"/>
          <w:evenAndOddHeaders/>
          <!-- no punctuation compression: the 字 stay on their columns -->
          <w:characterSpacingControl w:val="doNotCompress"/>
          <w:compat>
            <w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
          </w:compat>
        </w:settings>
      </pkg:part>
      <pkg:part name="word/fontTable.xml">
        <w:fonts>
          <xsl:call-template name="wx-font"><xsl:with-param name="name" select="$wx-fang"/><xsl:with-param name="alt" select="'仿宋'"/></xsl:call-template>
          <xsl:call-template name="wx-font"><xsl:with-param name="name" select="$wx-xbs"/><xsl:with-param name="alt" select="'宋体'"/></xsl:call-template>
          <xsl:call-template name="wx-font"><xsl:with-param name="name" select="$wx-hei"/><xsl:with-param name="alt" select="'SimHei'"/></xsl:call-template>
          <xsl:call-template name="wx-font"><xsl:with-param name="name" select="$wx-kai"/><xsl:with-param name="alt" select="'楷体'"/></xsl:call-template>
          <xsl:call-template name="wx-font"><xsl:with-param name="name" select="$wx-song"/><xsl:with-param name="alt" select="'SimSun'"/></xsl:call-template>
        </w:fonts>
      </pkg:part>
      <pkg:part name="word/footer1.xml"><xsl:call-template name="wx-footer"><xsl:with-param name="side" select="'right'"/></xsl:call-template></pkg:part>
      <pkg:part name="word/footer2.xml"><xsl:call-template name="wx-footer"><xsl:with-param name="side" select="'left'"/></xsl:call-template></pkg:part>
    </pkg:package>
  </xsl:template>

  <xsl:template name="wx-font">
    <xsl:param name="name"/>
    <xsl:param name="alt"/>
    <w:font w:name="{$name}">
      <w:altName w:val="{$alt}"/>
      <w:charset w:val="86"/>
      <w:family w:val="auto"/>
    </w:font>
  </xsl:template>

  <!-- "— N —" 四号 宋体: odd pages one 字 in from the right, even pages one
       字 in from the left (GB/T 9704 §7.5) -->
  <xsl:template name="wx-footer">
    <xsl:param name="side"/>
    <w:ftr>
      <w:p>
        <w:pPr>
          <w:pStyle w:val="GWPageNumber"/>
          <w:jc w:val="{$side}"/>
          <xsl:choose>
            <xsl:when test="$side = 'right'"><w:ind w:right="280"/></xsl:when>
            <xsl:otherwise><w:ind w:left="280"/></xsl:otherwise>
          </xsl:choose>
        </w:pPr>
        <w:r><w:t xml:space="preserve">— </w:t></w:r>
        <w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>
        <w:r><w:t xml:space="preserve"> —</w:t></w:r>
      </w:p>
    </w:ftr>
  </xsl:template>

  <!-- ============================================================= styles -->
  <xsl:template name="wx-rfonts">
    <xsl:param name="f"/>
    <w:rFonts w:ascii="{$f}" w:hAnsi="{$f}" w:eastAsia="{$f}" w:cs="{$f}"/>
  </xsl:template>

  <xsl:template name="wx-styles">
    <w:styles>
      <w:docDefaults>
        <w:rPrDefault>
          <w:rPr>
            <xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-fang"/></xsl:call-template>
            <w:kern w:val="2"/>
            <w:spacing w:val="-5"/>
            <w:sz w:val="32"/>
            <w:szCs w:val="32"/>
            <w:lang w:val="en-US" w:eastAsia="zh-CN"/>
          </w:rPr>
        </w:rPrDefault>
        <w:pPrDefault>
          <w:pPr>
            <w:snapToGrid w:val="1"/>
            <!-- a closing mark that does not fit may hang at the line's
                 end: without it LibreOffice 7.4 drops a line-end 。 it
                 cannot fit (tests/t_docx.sh reads 附件1 back) -->
            <w:overflowPunct w:val="1"/>
            <!-- no extra space between Chinese and Latin letters or digits:
                 "30条" and "2017年" stay on the 字 grid, as in the PDF -->
            <w:autoSpaceDE w:val="0"/>
            <w:autoSpaceDN w:val="0"/>
            <w:spacing w:before="0" w:after="0" w:line="{$wx-line}" w:lineRule="exact"/>
            <w:jc w:val="both"/>
          </w:pPr>
        </w:pPrDefault>
      </w:docDefaults>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal">
        <w:name w:val="Normal"/>
        <w:qFormat/>
      </w:style>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWText'"/><xsl:with-param name="name" select="'正文'"/>
        <xsl:with-param name="ppr"><w:ind w:firstLineChars="200" w:firstLine="630"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWTitle'"/><xsl:with-param name="name" select="'公文标题'"/>
        <xsl:with-param name="ppr"><w:jc w:val="center"/></xsl:with-param>
        <!-- 1 pt closer: a line of 20 字 and a few digits still fits 156 mm,
             as the PDF's squeezed 《》 do -->
        <xsl:with-param name="rpr"><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-xbs"/></xsl:call-template><w:spacing w:val="-20"/><w:sz w:val="44"/><w:szCs w:val="44"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWH1'"/><xsl:with-param name="name" select="'一级标题'"/>
        <xsl:with-param name="ppr"><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="630"/><w:outlineLvl w:val="0"/></xsl:with-param>
        <xsl:with-param name="rpr"><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-hei"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWH2'"/><xsl:with-param name="name" select="'二级标题'"/>
        <xsl:with-param name="ppr"><w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="630"/><w:outlineLvl w:val="1"/></xsl:with-param>
        <xsl:with-param name="rpr"><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-kai"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWMark'"/><xsl:with-param name="name" select="'发文机关标志'"/>
        <xsl:with-param name="ppr"><w:jc w:val="center"/><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/></xsl:with-param>
        <xsl:with-param name="rpr"><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-xbs"/></xsl:call-template><w:color w:val="{$wx-red}"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWDocNumber'"/><xsl:with-param name="name" select="'发文字号'"/>
        <xsl:with-param name="ppr"><w:jc w:val="center"/><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="10" w:color="{$wx-red}"/></w:pBdr></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWAddressee'"/><xsl:with-param name="name" select="'主送机关'"/>
        <xsl:with-param name="ppr"><w:keepNext/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWAttachNote'"/><xsl:with-param name="name" select="'附件说明'"/>
        <xsl:with-param name="ppr"><w:keepNext/><w:ind w:left="1575" w:hanging="945"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWSignature'"/><xsl:with-param name="name" select="'署名'"/>
        <xsl:with-param name="ppr"><w:keepNext/><w:keepLines/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWAttachLabel'"/><xsl:with-param name="name" select="'附件标识'"/>
        <xsl:with-param name="ppr"><w:keepNext/></xsl:with-param>
        <xsl:with-param name="rpr"><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-hei"/></xsl:call-template></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWColophon'"/><xsl:with-param name="name" select="'版记'"/>
        <xsl:with-param name="ppr"><w:snapToGrid w:val="0"/><w:spacing w:line="420" w:lineRule="exact"/><w:ind w:left="280" w:right="280"/></xsl:with-param>
        <xsl:with-param name="rpr"><w:sz w:val="28"/><w:szCs w:val="28"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWTableText'"/><xsl:with-param name="name" select="'表格文字'"/>
        <xsl:with-param name="ppr"><w:snapToGrid w:val="0"/><w:spacing w:line="360" w:lineRule="exact"/><w:jc w:val="left"/></xsl:with-param>
        <xsl:with-param name="rpr"><w:sz w:val="24"/><w:szCs w:val="24"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="wx-pstyle">
        <xsl:with-param name="id" select="'GWPageNumber'"/><xsl:with-param name="name" select="'页码'"/>
        <xsl:with-param name="ppr"><w:snapToGrid w:val="0"/><w:spacing w:line="240" w:lineRule="auto"/></xsl:with-param>
        <xsl:with-param name="rpr"><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$wx-song"/></xsl:call-template><w:sz w:val="28"/><w:szCs w:val="28"/></xsl:with-param>
      </xsl:call-template>
    </w:styles>
  </xsl:template>

  <xsl:template name="wx-pstyle">
    <xsl:param name="id"/>
    <xsl:param name="name"/>
    <xsl:param name="ppr"/>
    <xsl:param name="rpr"/>
    <w:style w:type="paragraph" w:customStyle="1" w:styleId="{$id}">
      <w:name w:val="{$name}"/>
      <w:basedOn w:val="Normal"/>
      <w:qFormat/>
      <w:pPr><xsl:copy-of select="$ppr"/></w:pPr>
      <w:rPr><xsl:copy-of select="$rpr"/></w:rPr>
    </w:style>
  </xsl:template>

  <!-- ========================================================== content -->
  <!-- One paragraph of style $style holding $text. -->
  <xsl:template name="wx-p">
    <xsl:param name="style"/>
    <xsl:param name="text"/>
    <xsl:param name="ppr"/>
    <w:p>
      <w:pPr><w:pStyle w:val="{$style}"/><xsl:copy-of select="$ppr"/></w:pPr>
      <w:r><w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t></w:r>
    </w:p>
  </xsl:template>

  <!-- The section properties: portrait (GB/T 9704's margins and grid) or
       landscape (the turned page: 225 mm across, 156 mm down). -->
  <xsl:template name="wx-sect">
    <xsl:param name="landscape" select="false()"/>
    <xsl:param name="even" select="false()"/>
    <w:sectPr>
      <w:footerReference w:type="default" r:id="rIdFooterOdd"/>
      <w:footerReference w:type="even" r:id="rIdFooterEven"/>
      <!-- the 版记's section starts on an even page (GB/T 9704 §7.5) -->
      <xsl:if test="$even"><w:type w:val="evenPage"/></xsl:if>
      <xsl:choose>
        <xsl:when test="$landscape">
          <w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>
          <w:pgMar w:top="1587" w:right="2098" w:bottom="1474" w:left="1984" w:header="851" w:footer="567" w:gutter="0"/>
          <w:docGrid w:type="lines" w:linePitch="360"/>
        </xsl:when>
        <xsl:otherwise>
          <w:pgSz w:w="11906" w:h="16838"/>
          <w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1304" w:gutter="0"/>
          <w:docGrid w:type="lines" w:linePitch="{$wx-line}"/>
        </xsl:otherwise>
      </xsl:choose>
    </w:sectPr>
  </xsl:template>
  <!-- ============================================================ 版头 -->
  <!-- the red issuing-authority mark (小标宋, at most 36 pt, smaller so that
       it fits the 156 mm line), the 发文字号 with the red rule under it, and
       the title, a line per <line> of $title -->
  <xsl:template name="wx-head">
    <xsl:param name="meta"/>
    <xsl:param name="title"/>
    <xsl:variable name="mark" select="normalize-space($meta/issuer-mark)"/>
    <!-- the PDF's size (stylesheets/gbt9704.xsl): a quarter larger than
         would fit, at most 36 pt, and narrowed to the line (w:w, per cent) -->
    <xsl:variable name="fit" select="floor(440 div string-length($mark))"/>
    <xsl:variable name="markpt">
      <xsl:choose>
        <xsl:when test="$fit * 1.25 &gt;= 36">36</xsl:when>
        <xsl:when test="$fit &lt; 10">12</xsl:when>
        <xsl:otherwise><xsl:value-of select="floor($fit * 1.25)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="markw" select="floor(100 * 440 div (string-length($mark) * $markpt))"/>
    <!-- its glyphs' top 35 mm below the text area's top, as in the PDF -->
    <w:p>
      <w:pPr><w:pStyle w:val="GWMark"/><w:spacing w:before="1900"/></w:pPr>
      <w:r>
        <w:rPr>
          <w:spacing w:val="0"/>
          <xsl:if test="$markw &lt; 100"><w:w w:val="{$markw}"/></xsl:if>
          <w:sz w:val="{2 * $markpt}"/><w:szCs w:val="{2 * $markpt}"/>
        </w:rPr>
        <w:t><xsl:value-of select="$mark"/></w:t>
      </w:r>
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
      <xsl:for-each select="$title/line">
        <xsl:if test="position() &gt; 1"><w:r><w:br/></w:r></xsl:if>
        <w:r><w:t><xsl:value-of select="normalize-space(.)"/></w:t></w:r>
      </xsl:for-each>
    </w:p>
  </xsl:template>

  <!-- signature (unsealed, GB/T 9704 §7.3.5.2): the issuer two 字 in from
       the right, the date two 字 right of the issuer's first character -->
  <xsl:template name="wx-signature">
    <xsl:param name="issuer"/>
    <xsl:param name="date"/>
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
  </xsl:template>

  <!-- a table cell $mm wide of one paragraph (表格文字), optionally in a
       role's face or a colour, or shaded -->
  <xsl:template name="wx-cell">
    <xsl:param name="mm"/>
    <xsl:param name="text"/>
    <xsl:param name="jc" select="'left'"/>
    <xsl:param name="span" select="1"/>
    <xsl:param name="font" select="''"/>
    <xsl:param name="color" select="''"/>
    <xsl:param name="shade" select="''"/>
    <w:tc>
      <w:tcPr>
        <w:tcW w:w="{round($mm * 56.693)}" w:type="dxa"/>
        <xsl:if test="$span &gt; 1"><w:gridSpan w:val="{$span}"/></xsl:if>
        <xsl:if test="$shade != ''"><w:shd w:val="clear" w:color="auto" w:fill="{translate($shade, '#', '')}"/></xsl:if>
        <w:vAlign w:val="center"/>
      </w:tcPr>
      <w:p>
        <w:pPr><w:pStyle w:val="GWTableText"/><w:jc w:val="{$jc}"/></w:pPr>
        <w:r>
          <xsl:if test="$font != '' or $color != ''">
            <w:rPr>
              <xsl:if test="$font != ''"><xsl:call-template name="wx-rfonts"><xsl:with-param name="f" select="$font"/></xsl:call-template></xsl:if>
              <xsl:if test="$color != ''"><w:color w:val="{translate($color, '#', '')}"/></xsl:if>
            </w:rPr>
          </xsl:if>
          <w:t xml:space="preserve"><xsl:value-of select="$text"/></w:t>
        </w:r>
      </w:p>
    </w:tc>
  </xsl:template>

  <!-- ============================================================ 版记 -->
  <!-- At the foot of the text area (a frame anchored to the bottom margin:
       Word and LibreOffice keep it there while the text above changes):
       a thick rule, 抄送, a thin rule, 印发机关 … 印发日期印发, a thick rule. -->
  <xsl:template name="wx-colophon">
    <xsl:param name="meta"/>
    <xsl:param name="own-section" select="false()"/>
    <xsl:variable name="cc" select="normalize-space($meta/copy-to)"/>
    <xsl:if test="$own-section">
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
         rest of the 225 mm text area (12756 twips) less 2 pt, the closing
         paragraph and the rules: so the whole fits the text area exactly in
         Word, and LibreOffice, which adds a few points of its own to a
         table, leaves the last rule about 4 mm above the bottom of the text
         area -->
    <xsl:variable name="cclines">
      <xsl:choose>
        <xsl:when test="$cc = ''">0</xsl:when>
        <xsl:when test="string-length($cc) + 1 &lt;= 25">1</xsl:when>
        <xsl:otherwise><xsl:value-of select="1 + ceiling((string-length($cc) + 1 - 25) div 25)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <w:p>
      <w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="{12756 - ($cclines + 1) * 420 - 40}" w:lineRule="exact"/></w:pPr>
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
