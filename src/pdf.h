/* pdf.h — the PDF writer: positioned pages to a PDF file with libharu.  The
 * only module that includes hpdf.h.  Fonts are subset with hb-subset (via
 * font.h) to the characters used before libharu embeds them. */
#ifndef GW_PDF_H
#define GW_PDF_H

#include "gw.h"
#include "page.h"

/* Writes doc to path: a temporary file beside it, renamed on success; on
 * failure nothing is left behind.  Deterministic: the same doc gives the
 * same bytes; creation dates come from SOURCE_DATE_EPOCH when set.
 * 0, or GW_EIO/GW_EDEP with err set. */
int gw_pdf_write(const gw_doc *doc, const char *path, gw_err *err);

/* Page i (0-based) of a document drawn on request: borrowed, valid until
 * the next call; NULL with err set when drawing it failed. */
typedef const gw_page *(*gw_pdf_page_fn)(void *ctx, size_t i, gw_err *err);

/* The same for a document of np pages that are drawn one at a time (the
 * layout's: memory bounded by the page, not the document).  Each page is
 * asked for twice, in order: once for the characters each face needs (the
 * fonts are subset before anything is written) and once to be written;
 * both times it must be the same.  The bookmarks and the information come
 * from meta (its pages are not used).  0, or GW_EINPUT/GW_EIO/GW_EDEP with
 * err set (or what page() returned). */
int gw_pdf_write_pages(const gw_doc *meta, size_t np, gw_pdf_page_fn page, void *ctx,
                       const char *path, gw_err *err);

#endif
