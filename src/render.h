/* render.h — the typesetter's entry points: XSL-FO in, PDF out.
 * FO reader (fo.c) -> layout (layout/) -> gw_doc (page.h) -> PDF (pdf.c). */
#ifndef GW_RENDER_H
#define GW_RENDER_H

#include "gw.h"
#include "font.h"
#include "page.h"

/* gw_xml_doc and gw_render_opts are in gw.h. */

/* Typesets an XSL-FO file ("-" = standard input) into a PDF at out_path
 * (written atomically).  0, or an error: GW_EINPUT for bad FO (message names
 * the element, line and what is wrong), GW_EIO, GW_EDEP. */
int gw_render_file(const char *fo_path, const char *out_path,
                   const gw_render_opts *opts, gw_err *err);

/* The same for an FO tree already in memory (from the XSLT module).  The
 * tree is borrowed.  `name` is used in messages (e.g. "notice.fo"). */
int gw_render_doc(gw_xml_doc fo, const char *name, const char *out_path,
                  const gw_render_opts *opts, gw_err *err);

/* The same with the fonts of fs (borrowed; NULL = a fontset of its own,
 * freed before returning).  Creating fontconfig's configuration is most of
 * a small document's start-up, so a program typesetting many documents
 * (gongwen sheets) makes one fontset, passes it to every call and frees it
 * with gw_fontset_free at the end; forked workers inherit it initialised.
 * The fontset caches what it resolves, so later documents are faster. */
int gw_render_doc_fonts(gw_xml_doc fo, const char *name, const char *out_path,
                        const gw_render_opts *opts, gw_fontset *fs, gw_err *err);

/* The two halves of gw_render_doc_fonts, for a caller that looks at the
 * pages before writing them (src/kinds.c balances a table so that no blank
 * page precedes the 版记): the laid-out pages in *out (caller frees with
 * gw_doc_free, after gw_render_write: the pages borrow fs's faces, so fs,
 * which must not be NULL, outlives them), then the PDF of them at out_path
 * (written atomically).  0 or an error as above. */
int gw_render_layout(gw_xml_doc fo, const char *name, const gw_render_opts *opts,
                     gw_fontset *fs, gw_doc **out, gw_err *err);
int gw_render_write(const gw_doc *doc, const char *out_path, gw_err *err);
/* The number of pages of doc, and of those with nothing drawn on them. */
size_t gw_render_pages(const gw_doc *doc, size_t *blank);

#endif
