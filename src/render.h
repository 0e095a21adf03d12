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

/* The same for the n files of a document in pieces (docs/fo-subset.md):
 * in[0]'s fo:root says gw:pieces="n"; the others go on from it.  n = 1
 * is gw_render_file.  GW_EUSAGE for "-" among several, GW_EINPUT when the
 * count does not match, else as gw_render_file. */
int gw_render_files(const char *const *in, size_t n, const char *out_path,
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

/* A laid-out document: its pages are drawn one at a time when they are
 * written, so a document holds one page's drawing at a time.  Opaque. */
typedef struct gw_layout gw_layout;

/* The two halves of gw_render_doc_fonts, for a caller that looks at the
 * pages before writing them (src/kinds.c balances a table so that no blank
 * page precedes the 版记): the layout of fo in *out (caller frees with
 * gw_layout_free), then its PDF at out_path (written atomically).  fo is read
 * only while gw_render_layout runs; fs (not NULL), opts and err are
 * borrowed and must outlive the layout.  0 or
 * an error as above. */
int gw_render_layout(gw_xml_doc fo, const char *name, const gw_render_opts *opts,
                     gw_fontset *fs, gw_layout **out, gw_err *err);
/* The same, and fo is freed as soon as it is read (also on failure), so
 * that its memory serves the layout: the layout keeps copies of what it
 * needs from fo. */
int gw_render_layout_take(gw_xml_doc fo, const char *name, const gw_render_opts *opts,
                          gw_fontset *fs, gw_layout **out, gw_err *err);
int gw_render_write(gw_layout *l, const char *out_path, gw_err *err);
/* The number of pages of l, and of those with nothing drawn on them (each
 * page is drawn to tell).  0 or an error as above. */
int gw_render_pages(gw_layout *l, size_t *pages, size_t *blank);
void gw_layout_free(gw_layout *l);

/* For a caller that writes the pages itself (pdf.h's gw_pdf_put: a
 * document typeset in parts): the number of pages; page i drawn (borrowed,
 * valid until the next call on l; NULL with the layout's err set when
 * drawing fails); the bookmarks and information (borrowed). */
size_t gw_layout_page_count(const gw_layout *l);
const gw_page *gw_layout_page(gw_layout *l, size_t i);
const gw_doc *gw_layout_meta(const gw_layout *l);

/* A document typeset in pieces (docs/fo-subset.md, "A document in
 * pieces"): piece 0's fo:root says in gw:pieces how many there are, and
 * each further piece goes on where the one before left off.  Memory holds
 * one piece and a few pages, not the document.  Opaque. */
typedef struct gw_pieces gw_pieces;

/* Makes piece k (1 ≤ k < the count) as FO in *fo, which the caller of the
 * function frees.  0 or a negative GW_E* with err set. */
typedef int (*gw_render_piece_fn)(void *ctx, size_t k, gw_xml_doc *fo, gw_err *err);

/* Lays out first (piece 0, taken: freed as soon as it is read, also on
 * failure) and the pieces piece(ctx, k) makes, handing each page to a PDF
 * writer for out_path as soon as it is done.  Nothing is written yet: the
 * caller looks at the counts and then writes the PDF with
 * gw_pieces_finish or drops it with gw_pieces_free.  *out (caller frees
 * with gw_pieces_free) is set only on success.  fs (not NULL), opts, ctx
 * and err are borrowed.  0 or an error as gw_render_layout. */
int gw_render_pieces(gw_xml_doc first, const char *name, gw_render_piece_fn piece,
                     void *ctx, const char *out_path, const gw_render_opts *opts,
                     gw_fontset *fs, gw_pieces **out, gw_err *err);
/* The same into a writer of the caller's (pdf.h), the document's pages
 * from page at on (a part of a document typeset in parts): its bookmarks
 * and information into meta (the caller's; their pages count from the
 * part's first, as gw_layout_meta's), *pages its page count.  first is
 * taken as above; nothing is finished.  0 or an error. */
typedef struct gw_pdf gw_pdf;
int gw_render_pieces_put(gw_xml_doc first, const char *name, gw_render_piece_fn piece,
                         void *ctx, gw_pdf *pdf, size_t at, const gw_render_opts *opts,
                         gw_fontset *fs, gw_doc *meta, size_t *pages, gw_err *err);
/* The number of pages of p, and of those with nothing drawn on them. */
void gw_pieces_count(const gw_pieces *p, size_t *pages, size_t *blank);
/* Writes the PDF (atomically).  0 or an error as gw_render_write. */
int gw_pieces_finish(gw_pieces *p, gw_err *err);
/* Frees p; a PDF not finished is not written.  NULL: nothing. */
void gw_pieces_free(gw_pieces *p);

#endif
