/* page-imp.h — the display list read back: the items and bookmarks of a
 * gw_doc as plain structs.  For page.c, which fills them, and pdf.c, which
 * writes them out (and tests that check what was drawn); the layout and
 * the SVG module draw through page.h and never see them. */
#ifndef GW_PAGE_IMP_H
#define GW_PAGE_IMP_H

#include "page.h"

typedef enum {
    GW_ITEM_TEXT, GW_ITEM_LINE, GW_ITEM_RECT, GW_ITEM_PATH, GW_ITEM_IMAGE,
    GW_ITEM_LINK
} gw_item_kind;

typedef struct gw_item {
    gw_item_kind kind;
    gw_color fill, stroke;          /* text: fill is the text colour */
    double   width, opacity;
    double   x, y, w, h;            /* rect/image/link box; line: x,y -> w,h = x1,y1 */
    /* text: xs[] as if unrotated; x = the origin (xs[0] when angle is 0) */
    gw_face *face;
    double   size, hscale;
    double   wlast;             /* > 0: the last code point is a mark set in
                                 * this width, drawn whole in a half-em box */
    int      fake_bold;
    int      angle;             /* 0, 90, 180, 270: turned about (x, y) */
    const char   *utf8;
    size_t        len, n;
    const double *xs;
    /* path */
    const gw_path_op *ops;
    size_t        nops;
    /* image */
    const char   *path;
    /* link */
    size_t        dest_page;
    double        dest_y;
} gw_item;

/* Items of a page in drawing order; borrowed, valid until gw_doc_free;
 * NULL past the end. */
size_t gw_page_item_count(const gw_page *p);
const gw_item *gw_page_item(const gw_page *p, size_t i);

typedef struct gw_bookmark {
    int parent;
    const char *title;
    size_t page;
    double y;
} gw_bookmark;

/* Outline entries in the order added (a parent before its children);
 * borrowed, valid until gw_doc_free; NULL past the end. */
size_t gw_doc_bookmark_count(const gw_doc *doc);
const gw_bookmark *gw_doc_bookmark(const gw_doc *doc, size_t i);

#endif
