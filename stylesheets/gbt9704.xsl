<?xml version="1.0" encoding="UTF-8"?>
<!-- gbt9704.xsl — how a GB/T 9704-2012 official document looks: page masters,
     the attribute sets of its elements (fonts by role, sizes, indents), the
     版头 (header), the signature, the 版记 (colophon) and the page numbers.
     Imported by templates/*.xsl, which decide *what* goes on the pages.

     Geometry (GB/T 9704 §5.2): A4, top margin 37 mm, left 28 mm, text area
     156 × 225 mm, a 28 × 22 document grid (gw:grid, see docs/fo-subset.md):
     character pitch 442.205/28 = 15.793 pt, line pitch 637.795/22 = 28.991 pt.
     An office that wants other fonts or another mark changes this file only.

     Fonts are named by role; the font module maps each role to the office's
     preferred face when installed and to a free face otherwise. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:gw="urn:gongwen:fo">

  <!-- ============================================================ numbers -->
  <!-- line pitch (22 lines) and character pitch (28 characters) -->
  <xsl:variable name="gw-p" select="28.991"/>
  <xsl:variable name="gw-c" select="15.793"/>
  <!-- characters of the centred 二号 title per line on the 156 mm text area
       (442.2 pt / 22 pt); the intermediate XML's titles are broken by meaning
       to this measure before the templates run (gw_xslt_number) -->
  <xsl:variable name="gw-title-em" select="20"/>

  <!-- font roles -->
  <xsl:variable name="gw-fangsong">仿宋_GB2312, 仿宋</xsl:variable>
  <xsl:variable name="gw-hei">黑体</xsl:variable>
  <xsl:variable name="gw-kai">楷体_GB2312, 楷体</xsl:variable>
  <xsl:variable name="gw-xbs">方正小标宋简体, 小标宋</xsl:variable>
  <xsl:variable name="gw-song">宋体</xsl:variable>
  <xsl:variable name="gw-red">#FF0000</xsl:variable>

  <!-- ======================================================= page masters -->
  <!-- Portrait pages: gw-odd / gw-even differ only in where the page number
       sits (odd: one 字 in from the right; even: one 字 in from the left).
       The region-after starts at the bottom of the text area; the number's
       line is centred 7 mm below it.  Landscape table pages (横排表格, GB/T
       9704 §10.1) turn the text area so that the table head faces the binding
       edge; their number stays where portrait pages have it: in the left
       margin, turned with the sheet (gw-page-number-static-landscape). -->
  <xsl:template name="gw-layout-masters">
    <!-- the plan's meta: sizes the last page's 版记 (gw-colophon-lines) -->
    <xsl:param name="meta" select="/.."/>
    <xsl:variable name="k">
      <xsl:call-template name="gw-colophon-lines">
        <xsl:with-param name="meta" select="$meta"/>
      </xsl:call-template>
    </xsl:variable>
    <fo:layout-master-set>
      <fo:simple-page-master master-name="gw-odd" page-width="210mm" page-height="297mm"
          margin-top="37mm" margin-bottom="0mm" margin-left="28mm" margin-right="26mm">
        <fo:region-body margin-bottom="35mm" gw:grid="28 22"/>
        <fo:region-after region-name="gw-after-odd" extent="35mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="gw-even" page-width="210mm" page-height="297mm"
          margin-top="37mm" margin-bottom="0mm" margin-left="28mm" margin-right="26mm">
        <fo:region-body margin-bottom="35mm" gw:grid="28 22"/>
        <fo:region-after region-name="gw-after-even" extent="35mm"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="gw-land-odd" page-width="297mm" page-height="210mm"
          margin-top="0mm" margin-bottom="0mm" margin-left="0mm" margin-right="0mm">
        <fo:region-body margin-top="28mm" margin-bottom="26mm" margin-left="35mm" margin-right="37mm"/>
        <fo:region-start region-name="gw-start-odd" extent="35mm" reference-orientation="270"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="gw-land-even" page-width="297mm" page-height="210mm"
          margin-top="0mm" margin-bottom="0mm" margin-left="0mm" margin-right="0mm">
        <fo:region-body margin-top="28mm" margin-bottom="26mm" margin-left="35mm" margin-right="37mm"/>
        <fo:region-start region-name="gw-start-even" extent="35mm" reference-orientation="270"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="gw-portrait">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="gw-odd" odd-or-even="odd"/>
          <fo:conditional-page-master-reference master-reference="gw-even" odd-or-even="even"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
      <!-- the 版记 sequence (GB/T 9704 §7.5): its page is even; when a blank
           page has to be put before it, neither carries a number -->
      <fo:simple-page-master master-name="gw-plain" page-width="210mm" page-height="297mm"
          margin-top="37mm" margin-bottom="0mm" margin-left="28mm" margin-right="26mm">
        <fo:region-body margin-bottom="35mm" gw:grid="28 22"/>
        <fo:region-after region-name="gw-after-none" extent="35mm"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="gw-colophon">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="gw-plain" blank-or-not-blank="blank"/>
          <fo:conditional-page-master-reference master-reference="gw-even" page-position="first"/>
          <fo:conditional-page-master-reference master-reference="gw-even" page-position="only"/>
          <fo:conditional-page-master-reference master-reference="gw-plain" page-position="any"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
      <!-- The last page of a document that ends on portrait pages
           (gw-portrait-end, force-page-count="end-on-even"): its body is $k
           grid lines shorter and the 版记 stands in those lines, its last
           rule on the bottom edge of the text area (GB/T 9704 §7.5).  The
           renderer lays the last page out again on gw-last-even (XSL
           page-position="last"):
             (a) the body ends on an even page with room: 版记 on that page;
             (b) it ends on an odd page: a blank even page follows, which
                 takes gw-last-even: 版记, numbered;
             (c) it ends on an even page without room: that page stays, a
                 blank odd page (gw-plain) and a blank even page follow, and
                 the latter, after a blank page, takes gw-last-plain: 版记
                 with neither page numbered.
           gw:after-blank tells (b) from (c); Apache FOP ignores it and
           numbers the 版记 page in (c) as well. -->
      <fo:simple-page-master master-name="gw-last-even" page-width="210mm" page-height="297mm"
          margin-top="37mm" margin-bottom="0mm" margin-left="28mm" margin-right="26mm">
        <fo:region-body margin-bottom="{35 * 2.834646 + $k * 637.7953 div 22}pt" gw:grid="28 {22 - $k}"/>
        <fo:region-after region-name="gw-after-colophon" extent="{35 * 2.834646 + $k * 637.7953 div 22}pt"/>
      </fo:simple-page-master>
      <fo:simple-page-master master-name="gw-last-plain" page-width="210mm" page-height="297mm"
          margin-top="37mm" margin-bottom="0mm" margin-left="28mm" margin-right="26mm">
        <fo:region-body margin-bottom="{35 * 2.834646 + $k * 637.7953 div 22}pt" gw:grid="28 {22 - $k}"/>
        <fo:region-after region-name="gw-after-colophon-plain" extent="{35 * 2.834646 + $k * 637.7953 div 22}pt"/>
      </fo:simple-page-master>
      <fo:page-sequence-master master-name="gw-portrait-end">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="gw-last-even" page-position="last"
              odd-or-even="even" blank-or-not-blank="not-blank"/>
          <fo:conditional-page-master-reference master-reference="gw-last-even" page-position="last"
              odd-or-even="even" blank-or-not-blank="blank" gw:after-blank="false"/>
          <fo:conditional-page-master-reference master-reference="gw-last-plain" page-position="last"
              odd-or-even="even" blank-or-not-blank="blank"/>
          <fo:conditional-page-master-reference master-reference="gw-plain" odd-or-even="odd"
              blank-or-not-blank="blank"/>
          <fo:conditional-page-master-reference master-reference="gw-odd" odd-or-even="odd"/>
          <fo:conditional-page-master-reference master-reference="gw-even" odd-or-even="even"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
      <fo:page-sequence-master master-name="gw-landscape">
        <fo:repeatable-page-master-alternatives>
          <fo:conditional-page-master-reference master-reference="gw-land-odd" odd-or-even="odd"/>
          <fo:conditional-page-master-reference master-reference="gw-land-even" odd-or-even="even"/>
        </fo:repeatable-page-master-alternatives>
      </fo:page-sequence-master>
    </fo:layout-master-set>
  </xsl:template>

  <!-- ======================================================= page numbers -->
  <!-- "— N —", 四号 (14 pt) half-width Song digits, one-字 dashes (U+2014);
       the line's centre 7 mm (19.84 pt) below the text area. -->
  <xsl:attribute-set name="gw-page-number">
    <xsl:attribute name="font-family"><xsl:value-of select="$gw-song"/></xsl:attribute>
    <xsl:attribute name="font-size">14pt</xsl:attribute>
    <xsl:attribute name="line-height">14pt</xsl:attribute>
    <xsl:attribute name="padding-top">12.84pt</xsl:attribute>
    <xsl:attribute name="gw:grid">none</xsl:attribute>
  </xsl:attribute-set>

  <xsl:template name="gw-page-number-static">
    <fo:static-content flow-name="gw-after-odd">
      <fo:block xsl:use-attribute-sets="gw-page-number" text-align="end" end-indent="16pt">— <fo:page-number/> —</fo:block>
    </fo:static-content>
    <fo:static-content flow-name="gw-after-even">
      <fo:block xsl:use-attribute-sets="gw-page-number" text-align="start" start-indent="16pt">— <fo:page-number/> —</fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- Landscape pages (GB/T 9704 §10.1): the sheet is turned a quarter
       counter-clockwise to be read, so the portrait foot is the left margin
       and the table head faces the binding edge.  The region-start is turned
       270° (reference-orientation): its inline direction runs down the page
       and its block direction leftwards, exactly like the portrait
       region-after seen on the turned sheet.  It spans the whole 210 mm, so
       the indents add the portrait margins (28 mm left, 26 mm right); the
       number is then drawn turned and reads "— N —" where portrait pages
       have it. -->
  <xsl:template name="gw-page-number-static-landscape">
    <fo:static-content flow-name="gw-start-odd">
      <fo:block xsl:use-attribute-sets="gw-page-number" text-align="end"
          end-indent="{26 * 2.834646 + 16}pt">— <fo:page-number/> —</fo:block>
    </fo:static-content>
    <fo:static-content flow-name="gw-start-even">
      <fo:block xsl:use-attribute-sets="gw-page-number" text-align="start"
          start-indent="{28 * 2.834646 + 16}pt">— <fo:page-number/> —</fo:block>
    </fo:static-content>
  </xsl:template>

  <!-- ===================================================== attribute sets -->
  <!-- Every block on the grid carries line-height = one pitch, so a renderer
       without the grid extension (Apache FOP) still sets 22 lines a page. -->
  <xsl:attribute-set name="gw-text">
    <xsl:attribute name="font-family"><xsl:value-of select="$gw-fangsong"/></xsl:attribute>
    <xsl:attribute name="font-size">16pt</xsl:attribute>
    <xsl:attribute name="line-height"><xsl:value-of select="$gw-p"/>pt</xsl:attribute>
    <xsl:attribute name="color">#000000</xsl:attribute>
  </xsl:attribute-set>

  <!-- 正文 paragraph: first line indented two 字, continuation lines flush left -->
  <xsl:attribute-set name="gw-para" use-attribute-sets="gw-text">
    <xsl:attribute name="text-indent"><xsl:value-of select="2 * $gw-c"/>pt</xsl:attribute>
    <xsl:attribute name="text-align">justify</xsl:attribute>
  </xsl:attribute-set>

  <!-- 一、 heading: 黑体, two 字 in -->
  <xsl:attribute-set name="gw-h1" use-attribute-sets="gw-para">
    <xsl:attribute name="font-family"><xsl:value-of select="$gw-hei"/></xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <!-- （一） heading: 楷体, two 字 in -->
  <xsl:attribute-set name="gw-h2" use-attribute-sets="gw-para">
    <xsl:attribute name="font-family"><xsl:value-of select="$gw-kai"/></xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <!-- 标题: 二号 小标宋, centred; one grid line per line of the title -->
  <xsl:attribute-set name="gw-title">
    <xsl:attribute name="font-family"><xsl:value-of select="$gw-xbs"/></xsl:attribute>
    <xsl:attribute name="font-size">22pt</xsl:attribute>
    <xsl:attribute name="line-height"><xsl:value-of select="$gw-p"/>pt</xsl:attribute>
    <xsl:attribute name="text-align">center</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
    <xsl:attribute name="gw:punctuation-squeeze">false</xsl:attribute>
  </xsl:attribute-set>

  <!-- "附件1" label: 黑体, flush left on line 1 of its page -->
  <xsl:attribute-set name="gw-attachment-label" use-attribute-sets="gw-text">
    <xsl:attribute name="font-family"><xsl:value-of select="$gw-hei"/></xsl:attribute>
    <xsl:attribute name="text-align">start</xsl:attribute>
    <xsl:attribute name="break-before">page</xsl:attribute>
    <xsl:attribute name="keep-with-next.within-page">always</xsl:attribute>
  </xsl:attribute-set>

  <!-- A title broken into lines: one centred block per <line> (the breaks
       were chosen by meaning in C, never inside 《》). -->
  <xsl:template name="gw-title-lines">
    <xsl:param name="title"/>
    <xsl:param name="space-before" select="0"/>
    <xsl:param name="id" select="''"/>
    <xsl:for-each select="$title/line">
      <fo:block xsl:use-attribute-sets="gw-title">
        <xsl:if test="position() = 1 and $space-before &gt; 0">
          <xsl:attribute name="space-before"><xsl:value-of select="$space-before * $gw-p"/>pt</xsl:attribute>
        </xsl:if>
        <xsl:if test="position() = 1 and $id != ''">
          <xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute>
        </xsl:if>
        <xsl:value-of select="."/>
      </fo:block>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ 版头 -->
  <!-- Lines 1-3: optional 份号 (仿宋), 密级 and 紧急程度 (黑体), flush left.
       The mark's top sits 35 mm below the text area's top: it starts on grid
       line 4 (3 pitches = 30.7 mm) and is centred in two pitches, so a 30 pt
       mark's glyphs begin ~34.7 mm down.  Two blank lines, the document
       number, and the red rule 4 mm below the number. -->
  <xsl:template name="gw-header">
    <xsl:param name="meta"/>
    <xsl:variable name="nhead" select="count($meta/copy-no[normalize-space()]) + count($meta/secret[normalize-space()]) + count($meta/urgency[normalize-space()])"/>
    <xsl:for-each select="$meta/copy-no[normalize-space()]">
      <fo:block xsl:use-attribute-sets="gw-text" text-align="start"><xsl:value-of select="."/></fo:block>
    </xsl:for-each>
    <xsl:for-each select="$meta/secret[normalize-space()]">
      <fo:block xsl:use-attribute-sets="gw-text" font-family="{$gw-hei}" text-align="start"><xsl:value-of select="."/></fo:block>
    </xsl:for-each>
    <xsl:for-each select="$meta/urgency[normalize-space()]">
      <fo:block xsl:use-attribute-sets="gw-text" font-family="{$gw-hei}" text-align="start"><xsl:value-of select="."/></fo:block>
    </xsl:for-each>
    <xsl:variable name="mark">
      <xsl:choose>
        <xsl:when test="normalize-space($meta/issuer-mark)"><xsl:value-of select="normalize-space($meta/issuer-mark)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($meta/issuer)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- size: large, at most 36 pt; a long name is set a quarter larger than
         would fit and narrowed to one line (gw:fit-to-width), as marks are
         printed: tall, condensed glyphs -->
    <xsl:variable name="fit" select="floor(440 div string-length($mark))"/>
    <xsl:variable name="size">
      <xsl:choose>
        <xsl:when test="$fit * 1.25 &gt;= 36">36</xsl:when>
        <xsl:when test="$fit &lt; 10">12</xsl:when>
        <xsl:otherwise><xsl:value-of select="floor($fit * 1.25)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:block font-family="{$gw-xbs}" font-size="{$size}pt" color="{$gw-red}"
        line-height="{2 * $gw-p}pt" text-align="center" gw:fit-to-width="true"
        gw:punctuation-squeeze="false"
        space-before="{(3 - $nhead) * $gw-p}pt" space-before.conditionality="retain"
        keep-with-next.within-page="always"><xsl:value-of select="$mark"/></fo:block>
    <xsl:choose>
      <xsl:when test="normalize-space($meta/signer)">
        <!-- 上行文: number one 字 in from the left, 签发人 one 字 in from the right -->
        <!-- the rule is the border of a full-width wrapper (indents would
             shorten it) -->
        <fo:block space-before="{2 * $gw-p}pt" padding-bottom="4pt" border-bottom="1pt solid {$gw-red}"
            keep-with-next.within-page="always">
          <fo:block xsl:use-attribute-sets="gw-text" text-align="justify" text-align-last="justify"
              start-indent="{$gw-c}pt" end-indent="{$gw-c}pt"><xsl:value-of select="$meta/doc-number"/><fo:leader leader-pattern="space"/>签发人：<fo:inline font-family="{$gw-kai}"><xsl:value-of select="$meta/signer"/></fo:inline></fo:block>
        </fo:block>
      </xsl:when>
      <xsl:otherwise>
        <fo:block xsl:use-attribute-sets="gw-text" text-align="center"
            space-before="{2 * $gw-p}pt" padding-bottom="4pt" border-bottom="1pt solid {$gw-red}"
            keep-with-next.within-page="always"><xsl:value-of select="$meta/doc-number"/></fo:block>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ====================================================== 署名, 日期 -->
  <!-- Unsealed signature (GB/T 9704 §7.3.5.2): issuer two 字 in from the
       right, date on the next line two 字 to the right of the issuer's first
       character; when the date is the longer, the date is two 字 in and the
       issuer moves left to keep the two-字 offset. -->
  <xsl:template name="gw-signature">
    <xsl:param name="issuer"/>
    <xsl:param name="date"/>
    <!-- widths in 字: CJK characters count 1, ASCII digits half -->
    <xsl:variable name="ascii" select="string-length($date) - string-length(translate($date, '0123456789', ''))"/>
    <xsl:variable name="dw" select="string-length($date) - $ascii div 2"/>
    <xsl:variable name="iw" select="string-length($issuer)"/>
    <xsl:variable name="issuer-end">
      <xsl:choose>
        <xsl:when test="$dw + 2 &gt; $iw"><xsl:value-of select="$dw + 2 - $iw + 2"/></xsl:when>
        <xsl:otherwise>2</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <fo:block xsl:use-attribute-sets="gw-text" text-align="end" end-indent="{$issuer-end * $gw-c}pt"
        space-before="{$gw-p}pt"
        keep-with-next.within-page="always" keep-with-previous.within-page="always"><xsl:value-of select="$issuer"/></fo:block>
    <fo:block xsl:use-attribute-sets="gw-text" text-align="start"
        start-indent="{(28 - $issuer-end - $iw + 2) * $gw-c}pt"
        keep-with-previous.within-page="always"><xsl:value-of select="$date"/></fo:block>
  </xsl:template>

  <!-- ============================================================ 版记 -->
  <!-- At the bottom of its page: thick rule, 抄送 (四号, one 字 in, continuation
       lines after the colon), thin rule, 印发机关 (one 字 in) and 印发日期印发
       (one 字 in from the right) on one line, thick rule on the bottom edge of
       the text area.  Off the grid. -->
  <xsl:attribute-set name="gw-colophon-row">
    <xsl:attribute name="font-family"><xsl:value-of select="$gw-fangsong"/></xsl:attribute>
    <xsl:attribute name="font-size">14pt</xsl:attribute>
    <xsl:attribute name="line-height">21pt</xsl:attribute>
    <xsl:attribute name="padding-top">4pt</xsl:attribute>
    <xsl:attribute name="padding-bottom">4pt</xsl:attribute>
    <xsl:attribute name="gw:grid">none</xsl:attribute>
  </xsl:attribute-set>

  <!-- How many grid lines the 版记 takes at the foot of a shared last page:
       its rows are 21 pt lines with 4 pt padding and rules of 1 pt; 抄送 holds
       26 字 of 14 pt on its first line after 抄送：, 26 on the others (counted
       as 25, to be safe with line-breaking rules). -->
  <xsl:template name="gw-colophon-lines">
    <xsl:param name="meta"/>
    <xsl:variable name="cc" select="normalize-space($meta/copy-to)"/>
    <xsl:variable name="cclines">
      <xsl:choose>
        <xsl:when test="$cc = ''">0</xsl:when>
        <xsl:when test="string-length($cc) + 1 &lt;= 25">1</xsl:when>
        <xsl:otherwise><xsl:value-of select="1 + ceiling((string-length($cc) + 1 - 25) div 25)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="h" select="29 + 3 + number($cclines &gt; 0) * 8 + $cclines * 21"/>
    <xsl:value-of select="ceiling($h div $gw-p)"/>
  </xsl:template>

  <!-- The 版记 in the region-after of the last-page masters (gw-last-even,
       gw-last-plain): in the $k grid lines above the bottom of the text area,
       then (gw-last-even) the page number below as on every even page. -->
  <xsl:template name="gw-colophon-static">
    <xsl:param name="meta"/>
    <xsl:variable name="k">
      <xsl:call-template name="gw-colophon-lines">
        <xsl:with-param name="meta" select="$meta"/>
      </xsl:call-template>
    </xsl:variable>
    <fo:static-content flow-name="gw-after-colophon">
      <xsl:call-template name="gw-colophon">
        <xsl:with-param name="meta" select="$meta"/>
        <xsl:with-param name="height" select="concat($k * $gw-p, 'pt')"/>
        <xsl:with-param name="break" select="'auto'"/>
      </xsl:call-template>
      <fo:block xsl:use-attribute-sets="gw-page-number" text-align="start" start-indent="16pt">— <fo:page-number/> —</fo:block>
    </fo:static-content>
    <fo:static-content flow-name="gw-after-colophon-plain">
      <xsl:call-template name="gw-colophon">
        <xsl:with-param name="meta" select="$meta"/>
        <xsl:with-param name="height" select="concat($k * $gw-p, 'pt')"/>
        <xsl:with-param name="break" select="'auto'"/>
      </xsl:call-template>
    </fo:static-content>
  </xsl:template>

  <xsl:template name="gw-colophon">
    <xsl:param name="meta"/>
    <xsl:param name="height" select="'225mm'"/>
    <xsl:param name="break" select="'even-page'"/>
    <xsl:variable name="has-cc" select="normalize-space($meta/copy-to) != ''"/>
    <fo:block-container height="{$height}" display-align="after" gw:grid="none" break-before="{$break}">
      <!-- rules are the borders of full-width wrappers; the text inside is
           indented with start-/end-indent (absolute in XSL, so every
           renderer puts it in the same place) -->
      <xsl:if test="$has-cc">
        <fo:block border-top="0.35mm solid #000000">
          <fo:block xsl:use-attribute-sets="gw-colophon-row" start-indent="56pt" end-indent="14pt"
              text-indent="-42pt" text-align="justify">抄送：<xsl:value-of select="normalize-space($meta/copy-to)"/>。</fo:block>
        </fo:block>
      </xsl:if>
      <fo:block border-bottom="0.35mm solid #000000">
        <xsl:choose>
          <xsl:when test="$has-cc">
            <xsl:attribute name="border-top">0.25mm solid #000000</xsl:attribute>
          </xsl:when>
          <xsl:otherwise>
            <xsl:attribute name="border-top">0.35mm solid #000000</xsl:attribute>
          </xsl:otherwise>
        </xsl:choose>
        <fo:block xsl:use-attribute-sets="gw-colophon-row" text-align="justify" text-align-last="justify"
            start-indent="14pt" end-indent="14pt"><xsl:value-of select="normalize-space($meta/printer)"/><fo:leader leader-pattern="space"/><xsl:value-of select="normalize-space($meta/print-date)"/>印发</fo:block>
      </fo:block>
    </fo:block-container>
  </xsl:template>

  <!-- ============================================================ tables -->
  <!-- The geometry of every table the templates draw lives here, with the
       page it has to fit; the templates say what goes into the cells. -->

  <!-- 附件2, the task-division table: the full width of the turned text
       area (225 mm), 小四 rows of 18 pt -->
  <xsl:attribute-set name="gw-table-tasks">
    <xsl:attribute name="table-layout">fixed</xsl:attribute>
    <xsl:attribute name="width">225mm</xsl:attribute>
    <xsl:attribute name="font-size">12pt</xsl:attribute>
    <xsl:attribute name="line-height">18pt</xsl:attribute>
  </xsl:attribute-set>
  <!-- deadlines: whether the plan has any (完成时限); without, the column is
       left out and its 20 mm go to 任务, 牵头单位 and 责任单位 (two unit names
       a line instead of one).  At 12 pt a 字 is 4.23 mm; 6 mm go to padding. -->
  <xsl:template name="gw-table-tasks-columns">
    <xsl:param name="deadlines" select="true()"/>
    <xsl:param name="leaders" select="false()"/>
    <!-- 主要内容 gives 22 mm to a 责任领导 column (5 字) when there is one -->
    <xsl:variable name="body" select="95 - 22 * number($leaders)"/>
    <fo:table-column column-width="14mm"/>  <!-- 序号 -->
    <xsl:choose>
      <xsl:when test="$deadlines">
        <fo:table-column column-width="36mm"/>  <!-- 任务: 7 字 -->
        <fo:table-column column-width="{$body}mm"/>  <!-- 主要内容: 21 字 (16) -->
        <fo:table-column column-width="26mm"/>  <!-- 牵头单位: 5 字 -->
        <fo:table-column column-width="34mm"/>  <!-- 责任单位: 7 字 -->
        <xsl:if test="$leaders"><fo:table-column column-width="22mm"/></xsl:if>
        <fo:table-column column-width="20mm"/>  <!-- 完成时限 -->
      </xsl:when>
      <xsl:otherwise>
        <fo:table-column column-width="40mm"/>  <!-- 任务: 8 字 -->
        <fo:table-column column-width="{$body}mm"/>  <!-- 主要内容: 21 字 (16) -->
        <fo:table-column column-width="30mm"/>  <!-- 牵头单位: 6 字 -->
        <fo:table-column column-width="46mm"/>  <!-- 责任单位: 9 字 -->
        <xsl:if test="$leaders"><fo:table-column column-width="22mm"/></xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a sheet's 任务一览: 四号 rows of 20 pt across the 442.205 pt text width -->
  <xsl:attribute-set name="gw-table-summary">
    <xsl:attribute name="table-layout">fixed</xsl:attribute>
    <xsl:attribute name="width">100%</xsl:attribute>
    <xsl:attribute name="font-size">14pt</xsl:attribute>
    <xsl:attribute name="line-height">20pt</xsl:attribute>
    <xsl:attribute name="border-collapse">collapse</xsl:attribute>
  </xsl:attribute-set>
  <xsl:template name="gw-table-summary-columns">
    <fo:table-column column-width="42pt"/>
    <fo:table-column column-width="168pt"/>
    <fo:table-column column-width="46pt"/>
    <fo:table-column column-width="96pt"/>
    <fo:table-column column-width="90.205pt"/>
  </xsl:template>

  <!-- the booklet's index: 四号 rows of 18 pt, so that the 38 units of the
       reference plan fit on the two cover pages -->
  <xsl:attribute-set name="gw-table-index">
    <xsl:attribute name="table-layout">fixed</xsl:attribute>
    <xsl:attribute name="width">100%</xsl:attribute>
    <xsl:attribute name="font-size">14pt</xsl:attribute>
    <xsl:attribute name="line-height">18pt</xsl:attribute>
    <xsl:attribute name="border-collapse">collapse</xsl:attribute>
  </xsl:attribute-set>
  <xsl:template name="gw-table-index-columns">
    <fo:table-column column-width="56pt"/>   <!-- 编号 -->
    <fo:table-column column-width="176.205pt"/>  <!-- 单位 -->
    <fo:table-column column-width="70pt"/>   <!-- 牵头任务 -->
    <fo:table-column column-width="70pt"/>   <!-- 配合任务 -->
    <fo:table-column column-width="70pt"/>   <!-- 页码: the sheet's first page -->
  </xsl:template>

  <!-- ============================================================ names -->
  <!-- The name of the task in context: its title; a task published without
       one (the reference plan's 16) is named by its text, cut as the status
       list and the report cut it (gw_plan_task_name, src/plan.c): at most 24
       characters, before the last 、，； past the 12th when there is one,
       and the ellipsis ……. -->
  <xsl:template name="gw-task-name">
    <xsl:choose>
      <xsl:when test="normalize-space(title) != ''"><xsl:value-of select="normalize-space(title)"/></xsl:when>
      <xsl:when test="string-length(normalize-space(body)) &lt;= 24"><xsl:value-of select="normalize-space(body)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="gw-cut-name"><xsl:with-param name="s" select="substring(normalize-space(body), 1, 24)"/><xsl:with-param name="i" select="24"/></xsl:call-template>
        <xsl:text>……</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- $s up to its last 、，； at a position from 13 to $i (exclusive), or
       all of it; at most 12 steps -->
  <xsl:template name="gw-cut-name">
    <xsl:param name="s"/>
    <xsl:param name="i"/>
    <xsl:choose>
      <xsl:when test="$i &lt; 13"><xsl:value-of select="$s"/></xsl:when>
      <xsl:when test="contains('、，；', substring($s, $i, 1))"><xsl:value-of select="substring($s, 1, $i - 1)"/></xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="gw-cut-name"><xsl:with-param name="s" select="$s"/><xsl:with-param name="i" select="$i - 1"/></xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
