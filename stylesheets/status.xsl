<?xml version="1.0" encoding="UTF-8"?>
<!-- status.xsl — the colours of the five task statuses of quarterly
     supervision (docs/supervision.md), for every document that shows a
     status: the report's charts and its 落实情况表 today.  One place, so a
     status has one colour wherever it is printed.  Chosen to stay apart in
     greyscale print too (blue and red dark, amber and green mid, grey light)
     and each is paired with the status in words wherever it is used. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <!-- key: done | normal | behind | severe | missing (the XML's @key) -->
  <xsl:template name="status-color">
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="$key = 'done'">#1F5FBF</xsl:when>
      <xsl:when test="$key = 'normal'">#2E8B3A</xsl:when>
      <xsl:when test="$key = 'behind'">#D98E04</xsl:when>
      <xsl:when test="$key = 'severe'">#C0262D</xsl:when>
      <xsl:otherwise>#808080</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
