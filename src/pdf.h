/* pdf.h — the PDF writer: positioned pages to a PDF file with libharu.  The
 * only module that includes hpdf.h.  Fonts are subset with hb-subset (via
 * font.h) to the characters the pages drew, after the pages are written. */
#ifndef GW_PDF_H
#define GW_PDF_H

#include "gw.h"
#include "page.h"

/* Writes doc to path: a temporary file beside it, renamed on success; on
 * failure nothing is left behind.  Deterministic: the same doc gives the
 * same bytes; creation dates come from SOURCE_DATE_EPOCH when set.
 * 0, or GW_EIO/GW_EDEP with err set. */
int gw_pdf_write(const gw_doc *doc, const char *path, gw_err *err);

/* The writer in steps, for a document whose pages come from several
 * layouts (the booklet: its cover, then every sheet, one at a time):
 *   gw_pdf_new(path)       a writer (caller frees with gw_pdf_free);
 *   gw_pdf_put(w, i, pg)   page i (0-based) written, in any order, each
 *                          once; its drawing is compressed and let go, and
 *                          the characters each face drew are recorded;
 *   gw_pdf_finish(w, meta) every page 0..n-1 written: the fonts subset to
 *                          the characters recorded and embedded, the
 *                          information and bookmarks of meta (borrowed for
 *                          the call), the file written atomically at path.
 * Each returns 0, or GW_EINPUT/GW_EIO/GW_EDEP with err set (naming path);
 * after an error only gw_pdf_free is useful.  Pages are borrowed for the
 * call only.  Every page is needed once: the content streams do not depend
 * on the font subsets (their codes are the characters' Unicode values). */
typedef struct gw_pdf gw_pdf;
gw_pdf *gw_pdf_new(const char *path);
void gw_pdf_free(gw_pdf *w);
int gw_pdf_put(gw_pdf *w, size_t i, const gw_page *pg, gw_err *err);
int gw_pdf_finish(gw_pdf *w, const gw_doc *meta, gw_err *err);

/* Page i (0-based) of a document drawn on request: borrowed, valid until
 * the next call; NULL with err set when drawing it failed. */
typedef const gw_page *(*gw_pdf_page_fn)(void *ctx, size_t i, gw_err *err);

/* The same for a document of np pages that are drawn one at a time (the
 * layout's: memory bounded by the page, not the document).  Each page is
 * asked for once, in order, and written; the fonts are subset at the end.
 * The bookmarks and the information come from meta (its pages are not
 * used).  0, or GW_EINPUT/GW_EIO/GW_EDEP with
 * err set (or what page() returned). */
int gw_pdf_write_pages(const gw_doc *meta, size_t np, gw_pdf_page_fn page, void *ctx,
                       const char *path, gw_err *err);

#endif
