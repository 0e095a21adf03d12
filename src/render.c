/* render.c — the typesetter's entry points (render.h): FO file or tree ->
 * FO reader (fo.c) -> layout (layout/) -> display list (page.c) -> PDF
 * (pdf.c, written atomically). */
#include "render.h"
#include "fo.h"
#include "layout.h"
#include "pdf.h"
#include "page-imp.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

int
gw_render_doc(gw_xml_doc fo, const char *name, const char *out_path,
              const gw_render_opts *opts, gw_err *err)
{
    return gw_render_doc_fonts(fo, name, out_path, opts, NULL, err);
}

struct gw_layout {
    gw_fo_tree *tree;
    gw_lo      *lo;
    char       *basedir;
    gw_doc     *meta;       /* bookmarks, information */
    gw_doc     *scratch;    /* the one page drawn at a time */
    size_t      npages;
    gw_err     *err;
};

void
gw_layout_free(gw_layout *l)
{
    if (!l)
        return;
    gw_lo_free(l->lo);
    gw_fo_free(l->tree);
    gw_doc_free(l->meta);
    gw_doc_free(l->scratch);
    free(l->basedir);
    free(l);
}

/* A whole-document layout of the first of several pieces has only that
 * piece: said, not silently dropped. */
static void
S_warn_pieces(const gw_fo_tree *t, const char *name)
{
    size_t n = gw_fo_pieces(t);
    if (n > 1)
        gw_warnf("%s: gw:pieces=\"%zu\": this is the first piece of a document in pieces; "
                 "only it is typeset", name ? name : "<fo>", n);
}

static int
S_layout(gw_xml_doc fo, int take, const char *name, const gw_render_opts *opts,
         gw_fontset *fs, gw_layout **out, gw_err *err)
{
    gw_layout *l = gw_xcalloc(1, sizeof *l);
    const char *slash;
    int rc;

    *out = NULL;
    l->err = err;
    rc = gw_fo_load(fo, name, &l->tree, err);
    /* the tree holds copies of what it needs: the XML goes before the
     * layout takes its memory */
    if (take)
        xmlFreeDoc(fo);
    if (rc < 0)
        goto out;
    S_warn_pieces(l->tree, name);
    /* external-graphic src is relative to the FO file */
    if (name && strcmp(name, "-") && (slash = strrchr(name, '/')))
        l->basedir = gw_xstrndup(name, (size_t)(slash - name));
    l->lo = gw_lo_new(l->tree, fs, l->basedir, opts, err);
    l->meta = gw_doc_new();
    l->scratch = gw_doc_new();
    rc = gw_lo_paginate(l->lo, l->meta, &l->npages);
    if (rc < 0)
        goto out;
    gw_debugf("%s: %zu pages", name ? name : "<fo>", l->npages);
    *out = l;
    l = NULL;
out:
    gw_layout_free(l);
    return rc;
}

int
gw_render_layout(gw_xml_doc fo, const char *name, const gw_render_opts *opts,
                 gw_fontset *fs, gw_layout **out, gw_err *err)
{
    return S_layout(fo, 0, name, opts, fs, out, err);
}

int
gw_render_layout_take(gw_xml_doc fo, const char *name, const gw_render_opts *opts,
                      gw_fontset *fs, gw_layout **out, gw_err *err)
{
    return S_layout(fo, 1, name, opts, fs, out, err);
}

/* The writer's page source: page i drawn alone into the scratch doc. */
static const gw_page *
S_page(void *ctx, size_t i, gw_err *err)
{
    gw_layout *l = ctx;
    (void)err;          /* the layout's own err is the caller's */
    gw_doc_clear(l->scratch);
    if (gw_lo_draw_page(l->lo, i, l->scratch) < 0)
        return NULL;
    return gw_doc_page(l->scratch, 0);
}

const gw_page *
gw_layout_page(gw_layout *l, size_t i)
{
    return S_page(l, i, l->err);
}

size_t
gw_layout_page_count(const gw_layout *l)
{
    return l->npages;
}

const gw_doc *
gw_layout_meta(const gw_layout *l)
{
    return l->meta;
}

int
gw_render_write(gw_layout *l, const char *out_path, gw_err *err)
{
    int rc = gw_pdf_write_pages(l->meta, l->npages, S_page, l, out_path, err);
    gw_doc_clear(l->scratch);
    /* once, when every page (static content too) has chosen its fonts */
    gw_font_report_substitutes();
    return rc;
}

int
gw_render_pages(gw_layout *l, size_t *pages, size_t *blank)
{
    size_t i;
    *pages = l->npages;
    *blank = 0;
    for (i = 0; i < l->npages; i++) {
        const gw_page *p = S_page(l, i, l->err);
        if (!p)
            return l->err && l->err->code ? l->err->code : GW_EDEP;
        *blank += gw_page_item_count(p) == 0;
    }
    gw_doc_clear(l->scratch);
    return 0;
}

/* The whole of it: layout and PDF; take: fo is freed once read. */
static int
S_render(gw_xml_doc fo, int take, const char *name, const char *out_path,
         const gw_render_opts *opts, gw_fontset *fs, gw_err *err)
{
    gw_layout *l = NULL;
    gw_fontset *own = NULL;
    int rc = 0;

    /* the pages refer to the fontset's faces until they are written */
    if (!fs && (rc = gw_fontset_new(&own, err)) < 0) {
        if (take)
            xmlFreeDoc(fo);
        return rc;
    }
    rc = S_layout(fo, take, name, opts, fs ? fs : own, &l, err);
    if (rc == 0)
        rc = gw_render_write(l, out_path, err);
    gw_layout_free(l);
    gw_fontset_free(own);
    return rc;
}

int
gw_render_doc_fonts(gw_xml_doc fo, const char *name, const char *out_path,
                    const gw_render_opts *opts, gw_fontset *fs, gw_err *err)
{
    return S_render(fo, 0, name, out_path, opts, fs, err);
}

int
gw_render_file(const char *fo_path, const char *out_path, const gw_render_opts *opts,
               gw_err *err)
{
    gw_xml_doc doc = NULL;
    int rc;
    /* `render x.fo -o x.fo` must not replace its own input */
    gw_file_protect(fo_path, "the input");
    if ((rc = gw_file_check_output(out_path, err)) < 0)
        return rc;
    rc = gw_fo_parse_file(fo_path, &doc, err);
    if (rc < 0)
        return rc;
    /* the parsed FO is freed as soon as the tree holds what it needs */
    return S_render(doc, 1, strcmp(fo_path, "-") ? fo_path : "<stdin>", out_path, opts,
                    NULL, err);
}

/* ------------------------------------------------------------ in pieces */

struct gw_pieces {
    gw_pdf  *pdf;
    size_t   at;                /* the document's first page in pdf */
    gw_doc  *meta;
    size_t   pages, blank;
};

void
gw_pieces_free(gw_pieces *p)
{
    if (!p)
        return;
    gw_pdf_free(p->pdf);
    gw_doc_free(p->meta);
    free(p);
}

void
gw_pieces_count(const gw_pieces *p, size_t *pages, size_t *blank)
{
    *pages = p->pages;
    *blank = p->blank;
}

/* The layout's page sink: the page to the writer, counted. */
static int
S_put(void *ctx, size_t i, const gw_page *pg, gw_err *err)
{
    gw_pieces *p = ctx;
    p->blank += gw_page_item_count(pg) == 0;
    return gw_pdf_put(p->pdf, p->at + i, pg, err);
}

/* XML piece -> its tree; the XML is freed. */
static int
S_tree(gw_xml_doc fo, const char *name, gw_fo_tree **t, gw_err *err)
{
    int rc = gw_fo_load(fo, name, t, err);
    xmlFreeDoc(fo);
    return rc;
}

/* The layout of every piece into p (its writer, its first page, its meta). */
static int
S_pieces(gw_pieces *p, gw_xml_doc first, const char *name, const char *const *names,
         gw_render_piece_fn piece, void *ctx, const gw_render_opts *opts, gw_fontset *fs,
         gw_err *err)
{
    gw_fo_tree *t0 = NULL, *t = NULL;
    gw_lo *lo = NULL;
    size_t k, n;
    int rc;

    if ((rc = S_tree(first, name, &t0, err)) < 0)
        goto out;
    n = gw_fo_pieces(t0);
    /* external-graphic src: gw_lo_stream takes each piece's directory */
    lo = gw_lo_new(t0, fs, NULL, opts, err);
    if ((rc = gw_lo_stream(lo, NULL, S_put, p)) < 0)
        goto out;
    for (k = 1; k < n; k++) {
        gw_xml_doc fo = NULL;
        if ((rc = piece(ctx, k, &fo, err)) < 0 ||
            (rc = S_tree(fo, names ? names[k] : name, &t, err)) < 0)
            goto out;
        rc = gw_lo_stream(lo, t, S_put, p);     /* takes t */
        t = NULL;
        if (rc < 0)
            goto out;
    }
    if ((rc = gw_lo_stream_end(lo, p->meta, &p->pages)) < 0)
        goto out;
    gw_debugf("%s: %zu pages in %zu pieces", name ? name : "<fo>", p->pages, n);
out:
    gw_lo_free(lo);
    gw_fo_free(t0);
    gw_fo_free(t);
    return rc;
}

/* A new document in pieces with a writer of its own for out_path. */
static gw_pieces *
S_pieces_new(const char *out_path)
{
    gw_pieces *p = gw_xcalloc(1, sizeof *p);
    p->pdf = gw_pdf_new(out_path);
    p->meta = gw_doc_new();
    return p;
}

int
gw_render_pieces(gw_xml_doc first, const char *name, gw_render_piece_fn piece, void *ctx,
                 const char *out_path, const gw_render_opts *opts, gw_fontset *fs,
                 gw_pieces **out, gw_err *err)
{
    gw_pieces *p = S_pieces_new(out_path);
    int rc;

    *out = NULL;
    rc = S_pieces(p, first, name, NULL, piece, ctx, opts, fs, err);
    if (rc == 0) {
        *out = p;
        p = NULL;
    }
    gw_pieces_free(p);
    return rc;
}

int
gw_render_pieces_put(gw_xml_doc first, const char *name, gw_render_piece_fn piece,
                     void *ctx, gw_pdf *pdf, size_t at, const gw_render_opts *opts,
                     gw_fontset *fs, gw_doc *meta, size_t *pages, gw_err *err)
{
    gw_pieces p;
    int rc;

    memset(&p, 0, sizeof p);
    p.pdf = pdf;
    p.at = at;
    p.meta = meta;
    rc = S_pieces(&p, first, name, NULL, piece, ctx, opts, fs, err);
    *pages = p.pages;
    return rc;
}

int
gw_pieces_finish(gw_pieces *p, gw_err *err)
{
    int rc = gw_pdf_finish(p->pdf, p->meta, err);
    /* once, when every page has chosen its fonts */
    gw_font_report_substitutes();
    return rc;
}

/* The files of gw_render_files after the first, read as gw_render_file
 * reads one; asked: how many were asked for. */
typedef struct S_files {
    const char *const *in;
    size_t             n, asked;
} S_files;

static int
S_file_piece(void *ctx, size_t k, gw_xml_doc *fo, gw_err *err)
{
    S_files *f = ctx;
    f->asked = k + 1;
    if (k >= f->n)
        return gw_err_set(err, GW_EINPUT, "%s: fo:root says gw:pieces=\"%zu\" or more, but "
                          "%zu files are given", f->in[0], k + 1, f->n);
    return gw_fo_parse_file(f->in[k], fo, err);
}

int
gw_render_files(const char *const *in, size_t n, const char *out_path,
                const gw_render_opts *opts, gw_err *err)
{
    S_files f = {in, n, 1};
    gw_xml_doc doc = NULL;
    gw_fontset *fs = NULL;
    gw_pieces *p = NULL;
    size_t i;
    int rc;

    if (n == 1)
        return gw_render_file(in[0], out_path, opts, err);
    for (i = 0; i < n; i++) {
        if (!strcmp(in[i], "-"))
            return gw_err_set(err, GW_EUSAGE, "render: standard input (-) only as the one "
                              "input, not as a piece of several");
        gw_file_protect(in[i], "the input");
    }
    if ((rc = gw_file_check_output(out_path, err)) < 0 ||
        (rc = gw_fo_parse_file(in[0], &doc, err)) < 0 ||
        (rc = gw_fontset_new(&fs, err)) < 0) {
        xmlFreeDoc(doc);
        return rc;
    }
    p = S_pieces_new(out_path);
    rc = S_pieces(p, doc, in[0], in, S_file_piece, &f, opts, fs, err);
    if (rc == 0 && f.asked < n)
        rc = gw_err_set(err, GW_EINPUT, "%s: fo:root says gw:pieces=\"%zu\", but %zu files "
                        "are given", in[0], f.asked, n);
    if (rc == 0)
        rc = gw_pieces_finish(p, err);
    gw_pieces_free(p);
    gw_fontset_free(fs);
    return rc;
}
