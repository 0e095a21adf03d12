<?xml version="1.0" encoding="UTF-8"?>
<!-- status.xsl — the colours of the five task statuses of quarterly
     supervision (docs/supervision.md), for every document that shows a
     status: the report's charts and its 落实情况表.  One place, so a status
     has one colour wherever it is printed.  Offices print in black and
     white, so the five stay apart in grey too: their lightness (luma
     0.299 R + 0.587 G + 0.114 B) steps from 0.26 (严重滞后, dark red) by
     about 0.15 to 0.85 (未报送, light grey); each is paired with the status
     in words wherever it is used.  Text stays black (GB/T 9704 keeps red
     for the mark, the rule and seals): a table cell is shaded in a tint of
     its status's colour, a number on a bar is in the bar's ink. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- key: done | normal | behind | severe | missing (the XML's @key) -->
  <xsl:template name="status-color">
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="$key = 'done'">#5A9AE6</xsl:when>      <!-- luma 0.56 -->
      <xsl:when test="$key = 'normal'">#2A8A3C</xsl:when>    <!-- 0.39 -->
      <xsl:when test="$key = 'behind'">#F0B429</xsl:when>    <!-- 0.71 -->
      <xsl:when test="$key = 'severe'">#9E1A1A</xsl:when>    <!-- 0.26 -->
      <xsl:otherwise>#D9D9D9</xsl:otherwise>                 <!-- 0.85 -->
    </xsl:choose>
  </xsl:template>

  <!-- the colour of text drawn on status-color: white on the two dark
       ones, black on the rest -->
  <xsl:template name="status-ink">
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="$key = 'normal' or $key = 'severe'">#FFFFFF</xsl:when>
      <xsl:otherwise>#000000</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- a quarter of status-color on white: the shading behind a status's
       name in a table, under black text -->
  <xsl:template name="status-tint">
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="$key = 'done'">#D6E6F9</xsl:when>
      <xsl:when test="$key = 'normal'">#CAE2CE</xsl:when>
      <xsl:when test="$key = 'behind'">#FBECC9</xsl:when>
      <xsl:when test="$key = 'severe'">#E7C6C6</xsl:when>
      <xsl:otherwise>#F6F6F6</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
