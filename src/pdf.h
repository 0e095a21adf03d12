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

#endif
