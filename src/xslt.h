/* xslt.h — templates/ + stylesheets/ → XSL-FO, sandboxed.  The only module
 * that includes libxslt.
 *
 * A template is named by its file under gw_home()/templates/ ("notice" means
 * templates/notice.xsl).  Stylesheets are parsed once per process and kept
 * (the sheets command applies one template thousands of times).  While a
 * template runs it may not write files, create directories or touch the
 * network; it may read (xsl:import, document()) only files under
 * gw_home()'s templates/ and stylesheets/.  Stylesheets are parsed with
 * XML_PARSE_NONET and without entity expansion; recursion depth and variable
 * count are capped (GW_XSLT_MAX_DEPTH, GW_XSLT_MAX_VARS). */
#ifndef GW_XSLT_H
#define GW_XSLT_H

#include "gw.h"

#define GW_XSLT_MAX_DEPTH 1000      /* nested template calls */
#define GW_XSLT_MAX_VARS  100000    /* live variables and parameters */

/* Applies templates/<name>.xsl to `in` (borrowed, not modified).
 * `params` is NULL or a NULL-terminated list of name, value pairs; each value
 * is passed as a string (no XPath evaluation), e.g. {"unit", "市科技局", NULL}.
 * On success *out is a new document (the FO) the caller frees with
 * xmlFreeDoc.  Fails with GW_EIO when the template cannot be read,
 * GW_EINPUT when it is not valid XSLT or stops with an error (the message
 * names the template and carries libxslt's messages, file and line). */
int gw_xslt_apply(const char *name, gw_xml_doc in, const char *const *params,
                  gw_xml_doc *out, gw_err *err);

/* The number a top-level <xsl:variable name="var" select="NUMBER"/> of
 * stylesheets/gbt9704.xsl gives, so that a measure the builders need (the
 * title's characters a line) is kept with the page geometry it follows
 * from.  0, or GW_EIO (the file) / GW_EINPUT (no such
 * variable, or not a number) with err naming the file and variable. */
int gw_xslt_number(const char *var, double *out, gw_err *err);

/* Frees the cached stylesheets and the security preferences (optional, at
 * exit; makes leak checkers quiet).  Safe to call when nothing was loaded. */
void gw_xslt_cleanup(void);

#endif
