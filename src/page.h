/* page.h — positioned pages: what layout produces and the PDF writer draws.
 * A gw_doc owns copies of everything put into it.  This header is the
 * drawing side (layout, SVG); the items drawn are read back through
 * page-imp.h, by the PDF writer only.
 *
 * Coordinates are points with the origin at the TOP-LEFT corner of the page
 * and y growing downwards (as pdftotext -bbox reports them); the PDF writer
 * flips them.  Text is given by baseline. */
#ifndef GW_PAGE_H
#define GW_PAGE_H

#include "gw.h"
#include "color.h"
#include "font.h"

typedef struct gw_doc gw_doc;
typedef struct gw_page gw_page;

/* One item of a vector path (SVG, after transforms are applied). */
typedef struct gw_path_op {
    char   op;          /* 'M', 'L', 'C' (uses x1..y3), 'Z' */
    double x1, y1, x2, y2, x3, y3;  /* for M/L only x1,y1 */
} gw_path_op;

/* Returns a new empty document; caller frees with gw_doc_free. */
gw_doc *gw_doc_new(void);
void gw_doc_free(gw_doc *doc);

/* Removes every page and what was drawn on it; the bookmarks and the
 * information stay.  Pages borrowed before are gone. */
void gw_doc_clear(gw_doc *doc);

/* Appends a page of w x h points.  rotate is 0 or 90 (the PDF /Rotate a
 * viewer applies; content is still drawn in the unrotated frame).  Borrowed. */
gw_page *gw_doc_add_page(gw_doc *doc, double w, double h, int rotate);
size_t   gw_doc_page_count(const gw_doc *doc);
gw_page *gw_doc_page(const gw_doc *doc, size_t i);   /* borrowed; 0-based */
void     gw_page_size(const gw_page *p, double *w, double *h, int *rotate);

/* Document information: key is "title", "author", "subject", "keywords",
 * "creator", "date" (yyyy-mm-dd: the document's date, gw:date on fo:root)
 * or "lang" (xml:lang of fo:root).  The value is copied. */
void gw_doc_set_info(gw_doc *doc, const char *key, const char *value);
const char *gw_doc_info(const gw_doc *doc, const char *key);  /* borrowed or NULL */

/* Appends the bookmarks of src to doc, their pages moved on by
 * page_offset (src is a part that starts there), and takes the
 * information doc does not have yet. */
void gw_doc_merge(gw_doc *doc, const gw_doc *src, size_t page_offset);

/* Adds an outline entry under parent (-1 for the top level) pointing at
 * page (0-based) and y; returns its id for children. */
int gw_doc_add_bookmark(gw_doc *doc, int parent, const char *title,
                        size_t page, double y);

/* Draws a run of text in one face and size: n code points given as UTF-8 in
 * utf8[0..len), x[i] the left edge of the i-th code point, all on baseline y.
 * hscale < 1 narrows glyphs horizontally (fitting an authority mark on one
 * line); fake_bold strokes the outlines. */
void gw_page_text(gw_page *p, gw_face *face, double size, gw_color color,
                  double y, const char *utf8, size_t len, const double *x,
                  size_t n, double hscale, int fake_bold);

/* The last run drawn (by gw_page_text or gw_page_text_rotated) ends with a
 * closing mark squeezed into w points, about half an em: its glyph is
 * drawn whole from its x, and its box, which text extraction and readers
 * measure, is half an em (the writer draws it in a variant of the face
 * whose glyphs are half an em wide; narrowing would distort the glyph).
 * No effect when the page has no text run last or w <= 0. */
void gw_page_text_trim_last(gw_page *p, double w);

/* The same run turned about its origin, for text that runs up, down or
 * upside down on the page (page numbers of a landscape page, which is drawn
 * in the portrait frame).  The run is laid out as if unrotated: the origin
 * (ox, oy) is on the baseline, dx[i] the distance of the i-th code point's
 * left edge from the origin along the baseline (dx[0] is usually 0), and
 * then turned by angle degrees counter-clockwise as the page is seen:
 *    0: left to right (the same as gw_page_text with x[i] = ox + dx[i]),
 *   90: bottom to top (glyph tops point left; y decreases along the run),
 *  180: right to left, upside down,
 *  270: top to bottom (glyph tops point right; y increases along the run).
 * Any other angle makes gw_pdf_write fail with GW_EINPUT. */
void gw_page_text_rotated(gw_page *p, gw_face *face, double size, gw_color color,
                          double ox, double oy, int angle, const char *utf8,
                          size_t len, const double *dx, size_t n, double hscale,
                          int fake_bold);

/* A straight line from (x0,y0) to (x1,y1). */
void gw_page_line(gw_page *p, double x0, double y0, double x1, double y1,
                  double width, gw_color color);
/* A rectangle with top-left (x,y); fill and/or stroke (none = skip). */
void gw_page_rect(gw_page *p, double x, double y, double w, double h,
                  gw_color fill, gw_color stroke, double width);
/* A path; opacity 0..1 applies to fill and stroke. */
void gw_page_path(gw_page *p, const gw_path_op *ops, size_t n, gw_color fill,
                  gw_color stroke, double width, double opacity);
/* A PNG image file scaled into the box. */
void gw_page_image(gw_page *p, const char *png_path, double x, double y,
                   double w, double h);
/* A link area jumping to page dest_page (0-based) at dest_y. */
void gw_page_link(gw_page *p, double x, double y, double w, double h,
                  size_t dest_page, double dest_y);

#endif
