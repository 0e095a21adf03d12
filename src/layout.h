/* layout.h — the layout engine (src/layout/): an FO tree (fo.h) laid out
 * into positioned pages (page.h).  This is all render.c needs; the engine's
 * own interface, shared by build.c and paginate.c, is
 * src/layout/layout-imp.h. */
#ifndef GW_LAYOUT_H
#define GW_LAYOUT_H

#include "gw.h"
#include "fo.h"
#include "font.h"
#include "page.h"

/* The state of one document's layout.  Opaque. */
typedef struct gw_lo gw_lo;

/* Returns a new layout of tree with the fonts of fs; both are borrowed and
 * must outlive the layout.  External-graphic src values are relative to
 * basedir (copied; NULL = the current directory).  opts (borrowed; NULL =
 * the defaults) must outlive it too, and so must err, which gw_lo_paginate and
 * gw_lo_draw_page fill when they fail.  The layout and everything it allocates live in one
 * arena; the caller frees them with gw_lo_free.  Aborts only when out of
 * memory. */
gw_lo *gw_lo_new(const gw_fo_tree *tree, gw_fontset *fs, const char *basedir,
                 const gw_render_opts *opts, gw_err *err);

/* Frees the layout and everything allocated from it in one call; what was
 * drawn into a gw_doc stays (the doc owns copies).  NULL is a no-op. */
void gw_lo_free(gw_lo *lo);

/* Lays out the whole FO tree: breaks it into pages (twice when page-number
 * citations need the first pass's page numbers) and puts the bookmarks and
 * the document information (title, ..., lang) into meta, which gets no
 * pages.  *npages is the number of pages.  0, or a negative GW_E* with the
 * layout's err set (GW_EINPUT for FO the subset cannot lay out, naming
 * file, line and element; GW_EIO for an unreadable image; GW_EDEP for a
 * font failure).  Call it once per layout. */
int gw_lo_paginate(gw_lo *lo, gw_doc *meta, size_t *npages);

/* Draws page i (0-based) of a paginated layout as a new page of doc.  Pages
 * may be drawn in any order and more than once, each the same every time;
 * what a page needs only while it is drawn is given back before this
 * returns, so a caller that frees each page after use (gw_doc_clear)
 * holds one page at a time.  0 or a negative GW_E* as above. */
int gw_lo_draw_page(gw_lo *lo, size_t i, gw_doc *doc);

/* A document in pieces (gw:pieces on the first piece's fo:root): each
 * piece is a document of its own whose page-sequences and tables marked
 * gw:continue="true" go on where the piece before left off.  Pages are
 * laid out as the pieces come and handed over as soon as nothing to come
 * can change them, so that memory holds a few pages, not the document.
 * put(ctx, i, page, err) gets page i (0-based, in order; the page is
 * borrowed until put returns); it returns 0 or a negative GW_E* with err
 * set, which stops the layout. */
typedef int (*gw_lo_put_fn)(void *ctx, size_t i, const gw_page *pg, gw_err *err);

/* Lays out the next piece of a document in pieces: first the layout's own
 * tree (piece NULL), then each further piece, which the layout takes (and
 * frees once its pages are handed over, or in gw_lo_free; also on an
 * error).  put and ctx are those of the first call.  0 or a negative GW_E*
 * as gw_lo_paginate; GW_EINPUT for page-number citations, which a document
 * in pieces cannot have.  A layout is used either this way or with
 * gw_lo_paginate. */
int gw_lo_stream(gw_lo *lo, gw_fo_tree *piece, gw_lo_put_fn put, void *ctx);

/* Ends a document in pieces: the last pages handed over; the bookmarks and
 * information into meta; *npages the number of pages.  0 or a negative
 * GW_E*. */
int gw_lo_stream_end(gw_lo *lo, gw_doc *meta, size_t *npages);

#endif
