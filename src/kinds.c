/* kinds.c — the table of document kinds and the pipeline (kinds.h). */
#include "kinds.h"
#include "pieces.h"
#include "docx.h"
#include "pdf.h"

#include "sheets.h"
#include "xmlbuild.h"
#include "xslt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

/* XSLT parameters of the notice template for --no-table. */
static const char *const S_no_table[] = {"table", "0", NULL};

static int
S_notice(const gw_plan *plan, const gw_kind_opts *o, gw_xml_doc *out, gw_err *err)
{
    return gw_xml_notice_bare(plan, o && o->bare_tasks, out, err);
}

/* Fills every bare task of notice XML (gw_kind_opts.bare_tasks): the
 * notice typeset whole. */
static void
S_fill_all(const gw_plan *plan, gw_xml_doc xml)
{
    xmlNodePtr root = xmlDocGetRootElement(xml), n = NULL;
    while (root && (n = gw_xml_notice_next(root, n)))
        if (gw_xml_is(n, "task"))
            gw_xml_notice_fill(plan, n);
}

static int
S_sheet(const gw_plan *plan, const gw_kind_opts *o, gw_xml_doc *out, gw_err *err)
{
    if (!o || !o->unit)
        return gw_err_set(err, GW_EUSAGE, "sheet: which unit? (--unit NAME)");
    return gw_sheet_xml(plan, o->unit, out, err);
}

static int
S_report(const gw_plan *plan, const gw_kind_opts *o, gw_xml_doc *out, gw_err *err)
{
    if (!o || !o->quarter || !o->status)
        return gw_err_set(err, GW_EUSAGE, "report: which quarter? (--quarter 2017Q4)");
    return gw_xml_report(plan, o->quarter, o->status, o->prev, o->reports, o->trend,
                         o->trend_q, o->ntrend, out, err);
}

/* One row a kind: its name, its template, its XML builder. */
static const struct {
    const char *name;
    const char *tmpl;       /* templates/<tmpl>.xsl; NULL: XML only */
    int (*build)(const gw_plan *plan, const gw_kind_opts *o, gw_xml_doc *out, gw_err *err);
    const char *docx;       /* templates/<docx>.xsl: the Word document, or NULL */
} S_kinds[] = {
    {"notice", "notice", S_notice, "notice-docx"},
    {"plan", NULL, S_notice, NULL},     /* the notice's XML under its old name */
    {"sheet", "sheet", S_sheet, "sheet-docx"},
    {"report", "report", S_report, "report-docx"},
    {"booklet", "booklet", NULL, NULL}, /* built by the sheet run (sheets.c) */
};

#define S_NKINDS (sizeof S_kinds / sizeof S_kinds[0])

static int
S_find(const char *name)
{
    for (size_t i = 0; i < S_NKINDS; i++)
        if (!strcmp(S_kinds[i].name, name))
            return (int)i;
    return -1;
}

int
gw_kind_known(const char *name)
{
    int k = S_find(name);
    return k >= 0 && S_kinds[k].build != NULL;
}

int
gw_kind_xml(const char *kind, const gw_plan *plan, const gw_kind_opts *o, gw_xml_doc *out,
            gw_err *err)
{
    int k = S_find(kind);
    *out = NULL;
    if (k < 0 || !S_kinds[k].build)
        return gw_err_set(err, GW_EUSAGE, "unknown document kind '%s' (notice, sheet, report or plan)",
                          kind);
    return S_kinds[k].build(plan, o, out, err);
}

/* The XSLT parameters of a kind's run: table=0 (--no-table, the notice)
 * and keep-lines (how long a table row may be and still move whole). */
static int
S_fo_extra(int k, gw_xml_doc xml, const gw_kind_opts *o, const char *keep_lines,
           const char *const *extra, gw_xml_doc *out, gw_err *err)
{
    const char *params[21];
    size_t np = 0;

    for (; extra && extra[0] && np < 16; extra += 2) {
        params[np++] = extra[0];
        params[np++] = extra[1];
    }

    if (!strcmp(S_kinds[k].name, "notice") && o && o->no_table) {
        params[np++] = S_no_table[0];
        params[np++] = S_no_table[1];
    }
    if (keep_lines) {
        params[np++] = "keep-lines";
        params[np++] = keep_lines;
    }
    params[np] = NULL;
    return gw_xslt_apply(S_kinds[k].tmpl, xml, np ? params : NULL, out, err);
}

static int
S_fo(int k, gw_xml_doc xml, const gw_kind_opts *o, const char *keep_lines, gw_xml_doc *out,
     gw_err *err)
{
    return S_fo_extra(k, xml, o, keep_lines, NULL, out, err);
}

int
gw_kind_fo(const char *kind, gw_xml_doc xml, const gw_kind_opts *o, gw_xml_doc *out,
           gw_err *err)
{
    int k = S_find(kind);
    *out = NULL;
    if (k < 0)
        return gw_err_set(err, GW_EUSAGE, "unknown document kind '%s'", kind);
    if (!S_kinds[k].tmpl)
        return gw_err_set(err, GW_EUSAGE, "no template for '%s'; use notice, sheet or report", kind);
    return S_fo(k, xml, o, NULL, out, err);
}

/* ------------------------------------------------------------ in pieces */

/* A document typeset in pieces (pieces.h): its XML, how it is cut, and
 * the parameters every piece's run shares. */
typedef struct S_pc {
    int                 kk;
    gw_xml_doc          xml;
    const gw_kind_opts *o;
    const char         *keep;       /* keep-lines, NULL: the template's */
    gw_cut             *cut;
    const char *const  *extra;      /* NULL or name, value, ... NULL (2 pairs) */
} S_pc;

/* Piece k: its XML (a copy of its part, or the whole) through the
 * template with the piece's parameters. */
static int
S_piece(void *ctx, size_t k, gw_xml_doc *fo, gw_err *err)
{
    S_pc *c = ctx;
    const char *const *pp;
    const char *params[2 * GW_CUT_MAX_PARAMS + 5];
    gw_xml_doc in = NULL;
    size_t n = 0;
    int rc;

    gw_cut_piece(c->cut, k, &in, &pp);
    for (; *pp && n < 2 * GW_CUT_MAX_PARAMS; pp++)
        params[n++] = *pp;
    for (pp = c->extra; pp && *pp && n < 2 * GW_CUT_MAX_PARAMS + 4; pp++)
        params[n++] = *pp;
    params[n] = NULL;
    rc = S_fo_extra(c->kk, in ? in : c->xml, c->o, c->keep, params, fo, err);
    xmlFreeDoc(in);
    return rc;
}

/* The whole document laid out in pieces into *out, its PDF not yet
 * written. */
static int
S_pieces(S_pc *c, const char *name, const char *path, gw_fontset *fonts, gw_pieces **out,
         gw_err *err)
{
    gw_render_opts ro;
    gw_xml_doc fo = NULL;
    int rc;

    memset(&ro, 0, sizeof ro);
    if ((rc = S_piece(c, 0, &fo, err)) < 0)
        return rc;
    return gw_render_pieces(fo, name, S_piece, c, path, &ro, fonts, out, err);
}

/* The balancing's choice: try t (0: rows of more than 4 lines split, 1:
 * the first layout made again) is taken when it is the last or saves
 * pages.  1 to take it. */
static int
S_take_try(int t, size_t pages, size_t pages_t, const char *name)
{
    if (t == 0 && pages_t < pages)
        gw_debugf("%s: %zu pages with rows split at page ends instead of %zu", name, pages_t,
                  pages);
    return t == 1 || pages_t < pages;
}

/* gw_kind_pdf for a notice in pieces of per items: the same balancing of
 * 附件2, each try laid out piece by piece.  xml is borrowed. */
static int
S_pdf_notice(int kk, gw_xml_doc xml, const gw_kind_opts *o, const gw_plan *plan, size_t per,
             const char *name, const char *path, gw_fontset *fonts, gw_err *err)
{
    S_pc c;
    gw_pieces *p = NULL, *p2 = NULL;
    size_t pages = 0, blank = 0, pages2 = 0, blank2 = 0;
    int rc, t;

    memset(&c, 0, sizeof c);
    c.kk = kk;
    c.xml = xml;
    c.o = o;
    if ((rc = gw_cut_notice(xml, plan, o && o->no_table, per, &c.cut, err)) < 0 ||
        (rc = S_pieces(&c, name, path, fonts, &p, err)) < 0)
        goto out;
    gw_pieces_count(p, &pages, &blank);
    if (blank > 0) {
        /* as in gw_kind_pdf: one try at a time, the first made again in
         * the rare case that the second is no better */
        const char *keep[2] = {"4", NULL};
        gw_pieces_free(p);
        p = NULL;
        for (t = 0; t < 2 && !p; t++) {
            c.keep = keep[t];
            if ((rc = S_pieces(&c, name, path, fonts, &p2, err)) < 0)
                goto out;
            gw_pieces_count(p2, &pages2, &blank2);
            if (S_take_try(t, pages, pages2, name ? name : "notice")) {
                p = p2;
                p2 = NULL;
            } else {
                gw_pieces_free(p2);
                p2 = NULL;
            }
        }
    }
    rc = gw_pieces_finish(p, err);
out:
    gw_pieces_free(p);
    gw_pieces_free(p2);
    gw_cut_free(c.cut);
    return rc;
}

/* gw_kind_pdf for a sheet of more than per tasks, in pieces; *done 0 (and
 * nothing done) for a smaller one. */
static int
S_pdf_sheet(int kk, gw_xml_doc xml, const gw_plan *plan, size_t per, const char *name,
            const char *path, gw_fontset *fonts, int *done, gw_err *err)
{
    S_pc c;
    gw_pieces *p = NULL;
    int rc;

    memset(&c, 0, sizeof c);
    c.kk = kk;
    c.xml = xml;
    *done = 0;
    if (per == 0 || !(c.cut = gw_cut_sheet(xml, per, gw_sheet_fill_task, plan)))
        return 0;
    *done = 1;
    if ((rc = S_pieces(&c, name, path, fonts, &p, err)) == 0)
        rc = gw_pieces_finish(p, err);
    gw_pieces_free(p);
    gw_cut_free(c.cut);
    return rc;
}

int
gw_kind_pdf(const char *kind, gw_xml_doc *xmlp, const gw_kind_opts *o, const gw_plan *plan,
            const char *name, const char *path, gw_fontset *fonts, gw_err *err)
{
    gw_xml_doc xml = *xmlp;
    gw_xml_doc fo = NULL, fo2 = NULL;
    gw_layout *lay = NULL, *lay2 = NULL;
    gw_fontset *own = NULL;
    gw_render_opts ro;
    size_t pages = 0, blank = 0, pages2 = 0, blank2 = 0, per;
    int rc;

    memset(&ro, 0, sizeof ro);
    *xmlp = NULL;
    /* the notice, and a long sheet, in pieces (docs/fo-subset.md) */
    per = gw_piece_items();
    if (!strcmp(kind, "notice") || !strcmp(kind, "sheet")) {
        int done = 1;
        if (!fonts && (rc = gw_fontset_new(&own, err)) < 0)
            goto out;
        if (!fonts)
            fonts = own;
        if (!strcmp(kind, "sheet"))
            rc = S_pdf_sheet(S_find(kind), xml, plan, per, name, path, fonts, &done, err);
        else if (per > 0)
            rc = S_pdf_notice(S_find(kind), xml, o, plan, per, name, path, fonts, err);
        else
            done = 0;
        if (rc < 0)
            gw_plan_explain(plan, err);
        if (rc < 0 || done)
            goto out;
    }
    /* a bare notice typeset whole (a sheet is bare only when it is cut) */
    if (!strcmp(kind, "notice"))
        S_fill_all(plan, xml);
    rc = gw_kind_fo(kind, xml, o, &fo, err);
    /* the FO has what the XML had: its memory serves the layout (it is
     * built again from the plan if the layout has to be redone) */
    xmlFreeDoc(xml);
    xml = NULL;
    if (rc < 0)
        goto out;
    if (!fonts) {
        if ((rc = gw_fontset_new(&own, err)) < 0)
            goto out;
        fonts = own;
    }
    rc = gw_render_layout_take(fo, name, &ro, fonts, &lay, err);
    fo = NULL;
    if (rc < 0) {
        gw_plan_explain(plan, err);
        goto out;
    }
    /* A landscape table that ends on an even page leaves a blank page
     * before the 版记 (GB/T 9704 §7.5: it closes an even page).  Rows kept
     * whole leave room at page ends; letting rows of more than 4 lines split
     * may end the table a page earlier.  Taken only when it saves pages. */
    if ((!strcmp(kind, "notice") || !strcmp(kind, "report")) &&
        (rc = gw_render_pages(lay, &pages, &blank)) < 0) {
        gw_plan_explain(plan, err);
        goto out;
    }
    if (blank > 0) {
        /* one layout at a time: the first goes before the second is made,
         * and is made again in the rare case that the second is no better */
        const char *keep[2] = {"4", NULL};
        gw_kind_opts whole;
        int t;
        /* built again with its tasks whole: nothing fills them here */
        memset(&whole, 0, sizeof whole);
        if (o)
            whole = *o;
        whole.bare_tasks = 0;
        gw_layout_free(lay);
        lay = NULL;
        for (t = 0; t < 2 && !lay; t++) {
            if ((rc = gw_kind_xml(kind, plan, &whole, &xml, err)) < 0 ||
                (rc = S_fo(S_find(kind), xml, o, keep[t], &fo2, err)) < 0)
                goto out;
            xmlFreeDoc(xml);
            xml = NULL;
            rc = gw_render_layout_take(fo2, name, &ro, fonts, &lay2, err);
            fo2 = NULL;
            if (rc < 0 || (rc = gw_render_pages(lay2, &pages2, &blank2)) < 0)
                goto out;
            if (S_take_try(t, pages, pages2, name ? name : kind)) {
                lay = lay2;
                lay2 = NULL;
            } else {
                gw_layout_free(lay2);
                lay2 = NULL;
            }
        }
    }
    rc = gw_render_write(lay, path, err);
    if (rc < 0)
        gw_plan_explain(plan, err);
out:
    gw_layout_free(lay);
    gw_layout_free(lay2);
    gw_fontset_free(own);
    xmlFreeDoc(xml);
    xmlFreeDoc(fo);
    xmlFreeDoc(fo2);
    return rc;
}

/* Writes every page of lay as pages at, at + 1, ....  0 or a negative
 * GW_E* with err set. */
static int
S_hand_pages(gw_layout *lay, gw_pdf *pdf, size_t at, gw_err *err)
{
    size_t j, n = gw_layout_page_count(lay);
    int rc;

    for (j = 0; j < n; j++) {
        const gw_page *pg = gw_layout_page(lay, j);
        if (!pg)
            return err->code;
        if ((rc = gw_pdf_put(pdf, at + j, pg, err)) < 0)
            return rc;
    }
    return 0;
}

/* A sheet part of a booklet typeset in parts (its XML *xml) when the
 * sheet has more than GW_PIECE_ITEMS tasks: in pieces, its pages written
 * into pdf from page at on, its bookmarks into meta (from its first page),
 * *n its pages, *xml freed (NULL).  A smaller sheet: nothing done, *xml
 * left for the whole layout. */
static int
S_part_pieces(int kk, gw_xml_doc *xml, const gw_plan *plan, size_t first_page, const char *name,
              gw_fontset *fonts, gw_pdf *pdf, size_t at, gw_doc *meta, size_t *n, gw_err *err)
{
    char num[24];
    const char *extra[5] = {"gw-part", "sheet", "gw-first-page", num, NULL};
    size_t per = gw_piece_items();
    gw_render_opts ro;
    gw_xml_doc fo = NULL;
    S_pc c;
    int rc;

    *n = 0;
    memset(&ro, 0, sizeof ro);
    memset(&c, 0, sizeof c);
    c.kk = kk;
    c.xml = *xml;
    c.extra = extra;
    snprintf(num, sizeof num, "%zu", first_page);
    if (per == 0 || !(c.cut = gw_cut_sheet(*xml, per, gw_sheet_fill_task, plan)))
        return 0;
    if ((rc = S_piece(&c, 0, &fo, err)) == 0)
        rc = gw_render_pieces_put(fo, name, S_piece, &c, pdf, at, &ro, fonts, meta, n, err);
    gw_cut_free(c.cut);
    xmlFreeDoc(*xml);
    *xml = NULL;
    return rc;
}

/* Part k of a document typeset in parts: its XML (xml, taken, or made by
 * xml_of when NULL), XSLT with gw-part and gw-first-page, and its layout
 * in *out (with the FO in *fo: the layout reads it).  first_page: the
 * number of the part's first page, 0 for the first part. */
static int
S_part(int kk, size_t k, size_t first_page, const size_t *first, gw_kind_part_fn xml_of,
       void *ctx, const gw_plan *plan, const char *name, gw_fontset *fonts, gw_xml_doc *fo,
       gw_layout **out, gw_err *err, const gw_render_opts *ro, gw_xml_doc xml)
{
    char num[24];
    const char *extra[5] = {"gw-part", k == 0 ? "cover" : "sheet", "gw-first-page", num,
                            NULL};
    int rc;

    *fo = NULL;
    *out = NULL;
    snprintf(num, sizeof num, "%zu", first_page);
    if (!xml && (rc = xml_of(ctx, k, first, &xml, err)) < 0)
        return rc;
    rc = S_fo_extra(kk, xml, NULL, NULL, extra, fo, err);
    xmlFreeDoc(xml);
    if (rc == 0) {
        rc = gw_render_layout_take(*fo, name, ro, fonts, out, err);
        *fo = NULL;
        if (rc < 0)
            gw_plan_explain(plan, err);
    }
    return rc;
}

int
gw_kind_pdf_parts(const char *kind, size_t nparts, gw_kind_part_fn xml_of, void *ctx,
                  const gw_plan *plan, const char *name, const char *path, gw_fontset *fonts,
                  gw_err *err)
{
    int kk = S_find(kind), rc = 0;
    gw_fontset *own = NULL;
    gw_render_opts ro;
    gw_pdf *pdf = NULL;
    gw_doc *meta = NULL, *rest = NULL, *part;
    gw_xml_doc fo = NULL, cover_fo = NULL;
    gw_layout *lay = NULL, *cover = NULL;
    size_t *first = NULL, ncover, next, k, n;

    memset(&ro, 0, sizeof ro);
    if (kk < 0 || !S_kinds[kk].tmpl || nparts == 0)
        return gw_err_set(err, GW_EUSAGE, "no parts of '%s' to typeset", kind);
    if (!fonts) {
        if ((rc = gw_fontset_new(&own, err)) < 0)
            return rc;
        fonts = own;
    }
    first = gw_xcalloc(nparts, sizeof *first);
    pdf = gw_pdf_new(path);
    meta = gw_doc_new();
    rest = gw_doc_new();
    /* The cover comes first but lists where the other parts start.  Its
     * length does not depend on those numbers: laid out once without them
     * for its page count, and again with them after the other parts. */
    if ((rc = S_part(kk, 0, 0, NULL, xml_of, ctx, plan, name, fonts, &cover_fo, &cover, err,
                     &ro, NULL)) < 0)
        goto out;
    ncover = gw_layout_page_count(cover);
    gw_layout_free(cover);
    cover = NULL;
    xmlFreeDoc(cover_fo);
    cover_fo = NULL;
    /* Part by part: its pages written where they go, its bookmarks kept,
     * where it starts noted; the part is then let go. */
    next = ncover;
    for (k = 1; k < nparts; k++) {
        gw_xml_doc xml = NULL;
        first[k] = next + 1;
        if ((rc = xml_of(ctx, k, NULL, &xml, err)) < 0)
            goto out;
        /* a long sheet in pieces, a short one laid out whole */
        part = gw_doc_new();
        rc = S_part_pieces(kk, &xml, plan, first[k], name, fonts, pdf, next, part, &n, err);
        if (rc == 0 && !xml)
            gw_doc_merge(rest, part, next);
        gw_doc_free(part);
        if (rc < 0) {
            xmlFreeDoc(xml);
            gw_plan_explain(plan, err);
            goto out;
        }
        if (!xml) {
            next += n;
            continue;
        }
        if ((rc = S_part(kk, k, first[k], NULL, xml_of, ctx, plan, name, fonts, &fo, &lay, err,
                         &ro, xml)) < 0)
            goto out;
        if ((rc = S_hand_pages(lay, pdf, next, err)) < 0)
            goto out;
        n = gw_layout_page_count(lay);
        gw_doc_merge(rest, gw_layout_meta(lay), next);
        next += n;
        gw_layout_free(lay);
        lay = NULL;
        xmlFreeDoc(fo);
        fo = NULL;
    }
    if ((rc = S_part(kk, 0, 0, first, xml_of, ctx, plan, name, fonts, &cover_fo, &cover, err,
                     &ro, NULL)) < 0)
        goto out;
    if (gw_layout_page_count(cover) != ncover) {
        rc = gw_err_set(err, GW_EDEP, "%s: the cover took %zu pages with its page numbers and "
                        "%zu without", path, gw_layout_page_count(cover), ncover);
        goto out;
    }
    if ((rc = S_hand_pages(cover, pdf, 0, err)) < 0)
        goto out;
    gw_doc_merge(meta, gw_layout_meta(cover), 0);
    gw_doc_merge(meta, rest, 0);
    rc = gw_pdf_finish(pdf, meta, err);
    gw_font_report_substitutes();
out:
    gw_layout_free(lay);
    gw_layout_free(cover);
    xmlFreeDoc(fo);
    xmlFreeDoc(cover_fo);
    gw_pdf_free(pdf);
    gw_doc_free(meta);
    gw_doc_free(rest);
    gw_fontset_free(own);
    free(first);
    return rc;
}

int
gw_kind_docx(const char *kind, gw_xml_doc xml, const gw_kind_opts *o, const char *path,
             gw_err *err)
{
    int k = S_find(kind), rc;
    gw_xml_doc pkg = NULL;
    const char *params[3] = {NULL, NULL, NULL};

    if (k < 0 || !S_kinds[k].docx)
        return gw_err_set(err, GW_EUSAGE, "--format docx: no Word template for '%s'", kind);
    if (o && o->no_table) {
        params[0] = S_no_table[0];
        params[1] = S_no_table[1];
    }
    if ((rc = gw_xslt_apply(S_kinds[k].docx, xml, params[0] ? params : NULL, &pkg, err)) == 0)
        rc = gw_docx_write(pkg, path, err);
    xmlFreeDoc(pkg);
    return rc;
}
