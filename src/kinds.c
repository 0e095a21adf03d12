/* kinds.c — the table of document kinds and the pipeline (kinds.h). */
#include "kinds.h"
#include "docx.h"

#include "sheets.h"
#include "xmlbuild.h"
#include "xslt.h"

#include <string.h>

#include <libxml/tree.h>

/* XSLT parameters of the notice template for --no-table. */
static const char *const S_no_table[] = {"table", "0", NULL};

static int
S_notice(const gw_plan *plan, const gw_kind_opts *o, gw_xml_doc *out, gw_err *err)
{
    (void)o;
    return gw_xml_notice(plan, out, err);
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
S_fo(int k, gw_xml_doc xml, const gw_kind_opts *o, const char *keep_lines, gw_xml_doc *out,
     gw_err *err)
{
    const char *params[5];
    size_t np = 0;

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

int
gw_kind_pdf(const char *kind, gw_xml_doc xml, const gw_kind_opts *o, const gw_plan *plan,
            const char *name, const char *path, gw_fontset *fonts, gw_err *err)
{
    gw_xml_doc fo = NULL, fo2 = NULL;
    gw_layout *lay = NULL, *lay2 = NULL;
    gw_fontset *own = NULL;
    gw_render_opts ro;
    size_t pages = 0, blank = 0, pages2 = 0, blank2 = 0;
    int rc;

    memset(&ro, 0, sizeof ro);
    if ((rc = gw_kind_fo(kind, xml, o, &fo, err)) < 0)
        goto out;
    if (!fonts) {
        if ((rc = gw_fontset_new(&own, err)) < 0)
            goto out;
        fonts = own;
    }
    if ((rc = gw_render_layout(fo, name, &ro, fonts, &lay, err)) < 0) {
        gw_plan_explain(plan, err);
        goto out;
    }
    /* A landscape table that ends on an even page leaves a blank page
     * before the 版记 (GB/T 9704 §7.5: it closes an even page).  Rows kept
     * whole leave room at page ends; letting rows of more than 4 lines split
     * may end the table a page earlier.  Taken only when it saves pages.
     * Each layout reads its own FO tree, so both stay until the end. */
    if ((!strcmp(kind, "notice") || !strcmp(kind, "report")) &&
        (rc = gw_render_pages(lay, &pages, &blank)) < 0) {
        gw_plan_explain(plan, err);
        goto out;
    }
    if (blank > 0) {
        if ((rc = S_fo(S_find(kind), xml, o, "4", &fo2, err)) < 0 ||
            (rc = gw_render_layout(fo2, name, &ro, fonts, &lay2, err)) < 0 ||
            (rc = gw_render_pages(lay2, &pages2, &blank2)) < 0)
            goto out;
        if (pages2 < pages) {
            gw_debugf("%s: %zu pages with rows split at page ends instead of %zu",
                      name ? name : kind, pages2, pages);
            gw_layout_free(lay);
            lay = lay2;
            lay2 = NULL;
        }
    }
    rc = gw_render_write(lay, path, err);
    if (rc < 0)
        gw_plan_explain(plan, err);
out:
    gw_layout_free(lay);
    gw_layout_free(lay2);
    gw_fontset_free(own);
    xmlFreeDoc(fo);
    xmlFreeDoc(fo2);
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
