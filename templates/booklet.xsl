<?xml version="1.0" encoding="UTF-8"?>
<!-- booklet.xsl — all task sheets as one document to print double-sided:
     <sheet-booklet> (see data/sheet.rng) to XSL-FO.  A cover with the list
     of recipients and their task counts, then every sheet as its own
     page-sequence; each sequence is forced to end on an even page, so every
     sheet starts on an odd (right-hand) page.  Page numbers run through the
     booklet; one bookmark per recipient.  The sheets themselves come from
     sheet.xsl (imported), so a sheet in the booklet is the sheet on its own.

     Try it without gongwen:
         xsltproc templates/booklet.xsl tests/fixtures/sheets/booklet.xml -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fo="http://www.w3.org/1999/XSL/Format"
    xmlns:gw="urn:gongwen:fo">

  <xsl:import href="sheet.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <!-- gongwen typesets a long booklet part by part, so that it holds one
       part in memory at a time: gw-part="cover" gives the cover alone (the
       page numbers in its list from unit-sheet/@first-page), gw-part="sheet"
       the sheets of the input alone, numbered from gw-first-page.  Empty
       (the default): the whole booklet as one document. -->
  <xsl:param name="gw-part" select="''"/>
  <xsl:param name="gw-first-page" select="'0'"/>

  <xsl:template match="/sheet-booklet">
    <fo:root font-family="{$gw-fangsong}" font-size="16pt" line-height="{$pitch}"
        gw:title="任务交办单汇编" gw:author="{meta/issuer}"
        gw:subject="{normalize-space(meta/title)}" gw:keywords="任务交办单"
        gw:date="{meta/sign-date/@iso}" xml:lang="zh-CN">
      <!-- a long sheet typeset in pieces (sheet.xsl, gw-piece) -->
      <xsl:if test="$piece = 0">
        <xsl:attribute name="gw:pieces"><xsl:value-of select="$gw-pieces"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="gw-layout-masters"/>
      <fo:bookmark-tree>
        <xsl:if test="$gw-part != 'sheet'">
          <fo:bookmark internal-destination="booklet-cover">
            <fo:bookmark-title>目录</fo:bookmark-title>
          </fo:bookmark>
        </xsl:if>
        <xsl:for-each select="unit-sheet[$gw-part != 'cover']">
          <fo:bookmark internal-destination="{@id}">
            <fo:bookmark-title>
              <xsl:value-of select="format-number(@no, '00')"/>
              <xsl:text>　</xsl:text>
              <xsl:value-of select="recipient"/>
            </fo:bookmark-title>
          </fo:bookmark>
        </xsl:for-each>
      </fo:bookmark-tree>
      <xsl:if test="$gw-part != 'sheet'">
        <xsl:apply-templates select="." mode="cover"/>
      </xsl:if>
      <xsl:apply-templates select="unit-sheet[$gw-part != 'cover']" mode="page-sequence">
        <xsl:with-param name="force" select="'end-on-even'"/>
        <xsl:with-param name="first" select="$gw-first-page"/>
      </xsl:apply-templates>
    </fo:root>
  </xsl:template>

  <!-- The cover: title, 任务交办单汇编, the issuer and date, then a table of
       every recipient with its lead and responsible task counts. -->
  <xsl:template match="sheet-booklet" mode="cover">
    <fo:page-sequence master-reference="gw-portrait" force-page-count="end-on-even">
      <xsl:call-template name="gw-page-number-static"/>
      <fo:flow flow-name="xsl-region-body">
        <fo:block id="booklet-cover" xsl:use-attribute-sets="gw-text">
          <xsl:call-template name="gw-title-lines">
            <xsl:with-param name="title" select="meta/title"/>
          </xsl:call-template>
          <fo:block xsl:use-attribute-sets="gw-title">任务交办单汇编</fo:block>
          <fo:block text-align="center" space-before="{$pitch}">
            <xsl:value-of select="meta/issuer"/>
          </fo:block>
          <xsl:if test="meta/sign-date">
            <fo:block text-align="center"><xsl:value-of select="meta/sign-date"/></fo:block>
          </xsl:if>
          <fo:block xsl:use-attribute-sets="gw-para" space-before="{$pitch}">
            <xsl:text>本汇编收录任务交办单</xsl:text>
            <xsl:value-of select="count(unit-sheet)"/>
            <xsl:text>份，每份自单数页起印。</xsl:text>
          </fo:block>
          <!-- geometry: stylesheets/gbt9704.xsl, gw-table-index -->
          <fo:table xsl:use-attribute-sets="gw-table-index" gw:grid="none">
            <xsl:call-template name="gw-table-index-columns"/>
            <fo:table-header font-family="{$gw-hei}">
              <fo:table-row keep-together.within-page="always">
                <xsl:call-template name="head-cell"><xsl:with-param name="pad" select="'1pt'"/><xsl:with-param name="t" select="'编号'"/></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="pad" select="'1pt'"/><xsl:with-param name="t" select="'单位'"/></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="pad" select="'1pt'"/><xsl:with-param name="t" select="'牵头任务'"/></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="pad" select="'1pt'"/><xsl:with-param name="t" select="'配合任务'"/></xsl:call-template>
                <xsl:call-template name="head-cell"><xsl:with-param name="pad" select="'1pt'"/><xsl:with-param name="t" select="'页码'"/></xsl:call-template>
              </fo:table-row>
            </fo:table-header>
            <fo:table-body>
              <xsl:for-each select="unit-sheet">
                <fo:table-row keep-together.within-page="always">
                  <xsl:call-template name="cell">
                    <xsl:with-param name="pad" select="'1pt'"/>
                    <xsl:with-param name="t" select="format-number(@no, '00')"/>
                    <xsl:with-param name="align" select="'center'"/>
                  </xsl:call-template>
                  <xsl:call-template name="cell">
                    <xsl:with-param name="pad" select="'1pt'"/>
                    <xsl:with-param name="t" select="recipient"/>
                  </xsl:call-template>
                  <xsl:call-template name="cell">
                    <xsl:with-param name="pad" select="'1pt'"/>
                    <xsl:with-param name="t" select="tasks/@lead"/>
                    <xsl:with-param name="align" select="'center'"/>
                  </xsl:call-template>
                  <xsl:call-template name="cell">
                    <xsl:with-param name="pad" select="'1pt'"/>
                    <xsl:with-param name="t" select="tasks/@responsible"/>
                    <xsl:with-param name="align" select="'center'"/>
                  </xsl:call-template>
                  <!-- where the sheet starts: its first block carries @id -->
                  <fo:table-cell border="0.5pt solid black" padding="1pt 3pt" display-align="center">
                    <fo:block text-align="center">
                      <xsl:choose>
                        <xsl:when test="@first-page"><xsl:value-of select="@first-page"/></xsl:when>
                        <xsl:otherwise><fo:page-number-citation ref-id="{@id}"/></xsl:otherwise>
                      </xsl:choose>
                    </fo:block>
                  </fo:table-cell>
                </fo:table-row>
              </xsl:for-each>
            </fo:table-body>
          </fo:table>
        </fo:block>
      </fo:flow>
    </fo:page-sequence>
  </xsl:template>
</xsl:stylesheet>
