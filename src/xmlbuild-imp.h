/* xmlbuild-imp.h — for the intermediate-XML builders of the document kinds
 * only (notice.c, sheets.c, report.c): the shared builder policy over libxml2 trees.
 * Text passed in comes from a plan the store, the importer or `set` has
 * checked (valid UTF-8, no control characters); libxml2 escapes it. */
#ifndef GW_XMLBUILD_IMP_H
#define GW_XMLBUILD_IMP_H

#include "xmlbuild.h"
#include "date.h"

#include <libxml/tree.h>

/* A new element <name>text</name> (no text when NULL) in doc, appended to
 * parent when not NULL; owned by the document. */
xmlNodePtr gw_xb_el(xmlDocPtr doc, xmlNodePtr parent, const char *name, const char *text);
/* A task's body: <body> with the text before the first line feed, then an
 * <item> per further paragraph (the sub-items （1）… a plan published on
 * lines of their own). */
void gw_xb_body(xmlDocPtr doc, xmlNodePtr task, const char *body);
/* Sets attribute name of n ("" for NULL) / to a number. */
void gw_xb_attr(xmlNodePtr n, const char *name, const char *value);
void gw_xb_attr_int(xmlNodePtr n, const char *name, long v);
/* <name iso="2017-05-02">2017年5月2日</name> appended to parent. */
xmlNodePtr gw_xb_date(xmlDocPtr doc, xmlNodePtr parent, const char *name, const gw_date *d);
/* Appends the lines of text broken by meaning (gw_title_break) at the
 * measure the stylesheets give (gw-title-em) to title as <line> elements;
 * returns how many. */
size_t gw_xb_title_lines(xmlDocPtr doc, xmlNodePtr title, const char *text);

#endif
