/* fo.h — the XSL-FO reader: parses an FO file safely (no network, no entity
 * expansion, size and depth caps), checks element names against the
 * supported subset (docs/fo-subset.md) and computes every node's properties
 * with XSL 1.1 inheritance.  The tree is opaque here: render.c loads it and
 * hands it to the layout engine (layout.h), which walks its nodes through
 * src/fo-imp.h. */
#ifndef GW_FO_H
#define GW_FO_H

#include "gw.h"

#define GW_FO_MAX_BYTES (64u << 20)     /* cap on an FO file */
#define GW_FO_MAX_DEPTH 256             /* cap on element nesting */
#define GW_FO_MAX_PIECES 100000         /* cap on gw:pieces */

/* An FO document as formatting objects with computed properties.  Opaque. */
typedef struct gw_fo_tree gw_fo_tree;

/* Reads and parses an FO file ("-" = standard input) with the caps above,
 * no network and no entity expansion; a DOCTYPE declaring entities is
 * refused.  Stores a libxml2 document the caller frees with xmlFreeDoc.
 * 0, or GW_EIO (unreadable) / GW_EINPUT (not well-formed: message has the
 * line) with err set. */
int gw_fo_parse_file(const char *path, gw_xml_doc *out, gw_err *err);

/* Builds the FO tree of doc (borrowed; it must outlive the tree) and
 * computes properties.  Unknown properties are warnings naming the line;
 * elements outside the subset, a wrong root or a nesting deeper than
 * GW_FO_MAX_DEPTH are errors (GW_EINPUT) naming element and line.  The
 * caller frees *out with gw_fo_free. */
int gw_fo_load(gw_xml_doc doc, const char *name, gw_fo_tree **out, gw_err *err);
/* The number of pieces the tree's fo:root announces in gw:pieces (a
 * document in pieces: docs/fo-subset.md); 1 without. */
size_t gw_fo_pieces(const gw_fo_tree *t);

/* Frees a tree from gw_fo_load (not the XML document); NULL: nothing. */
void gw_fo_free(gw_fo_tree *t);

#endif
