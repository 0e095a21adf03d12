/* kinds.c — the table of document kinds and the pipeline (kinds.h). */
#include "kinds.h"
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

/* The notice is typeset in pieces of this many of 附件1's paragraphs and
 * 附件2's rows (templates/notice.xsl, gw-piece-items): small enough that
 * a piece's FO and layout are a few pages' worth, large enough that the
 * XSLT run each piece costs (it reads the whole plan) stays small.
 * GONGWEN_PIECE_ITEMS overrides it; 0 typesets the notice whole (the
 * tests compare the two; docs/performance.md). */
#define S_PIECE_ITEMS 250

static size_t
S_piece_items(void)
{
    const char *v = getenv("GONGWEN_PIECE_ITEMS");
    char *end = NULL;
    unsigned long n;
    if (!v || !*v)
        return S_PIECE_ITEMS;
    n = strtoul(v, &end, 10);
    if (*end || n > 1000000 || v[0] == '-') {
        gw_warnf("GONGWEN_PIECE_ITEMS='%s' is not a number of items (0..1000000); %d is used",
                 v, S_PIECE_ITEMS);
        return S_PIECE_ITEMS;
    }
    return (size_t)n;
}

/* What every piece of a notice in pieces is made from: the XML (read, not
 * changed) and what the template is told instead of reading the whole of
 * it (templates/notice.xsl, gw-piece). */
typedef struct S_pc {
    int                 kk;
    gw_xml_doc          xml;
    const gw_kind_opts *o;
    const char         *keep;       /* keep-lines, NULL: the template's */
    size_t              per;        /* items a piece */
    xmlNodePtr         *items;      /* 附件1's headings, tasks, requirements */
    size_t              nitems;
    xmlNodePtr         *tasks;      /* 附件2's rows */
    size_t              ntasks;
    int                 deadlines, leaders, table;
    size_t              pa, pieces; /* 附件1's pieces; all */
    gw_buf              ids;
} S_pc;

static int
S_named(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name);
}

/* The xml:id of n (gw_xml_notice gives every item one). */
static const char *
S_xml_id(xmlNodePtr n)
{
    xmlAttrPtr a = xmlHasNsProp(n, (const xmlChar *)"id", XML_XML_NAMESPACE);
    return a && a->children && a->children->content ? (const char *)a->children->content : NULL;
}

static void
S_push_node(xmlNodePtr **v, size_t *n, size_t *cap, xmlNodePtr x)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        *v = gw_xrealloc(*v, *cap * sizeof **v);
    }
    (*v)[(*n)++] = x;
}

/* Reads the notice XML as the template would: its items in reading order,
 * its tasks, whether any has a milestone or a leader, whether 附件2 is
 * wanted.  GW_EDEP when an item has no xml:id (the builder gives each
 * one). */
static int
S_pc_read(S_pc *c, gw_err *err)
{
    xmlNodePtr root = xmlDocGetRootElement(c->xml), n, m;
    size_t cap = 0, tcap = 0;
    int table = 1;

    for (n = root ? root->children : NULL; n; n = n->next)
        if (S_named(n, "meta"))
            for (m = n->children; m; m = m->next)
                if (S_named(m, "table")) {
                    xmlChar *v = xmlNodeGetContent(m);
                    table = !(v && !xmlStrcmp(v, (const xmlChar *)"0"));
                    xmlFree(v);
                }
    c->table = table && !(c->o && c->o->no_table);
    for (n = NULL; root && (n = gw_xml_notice_next(root, n));) {
        if (!S_xml_id(n))
            return gw_err_set(err, GW_EDEP, "notice XML: a %s without xml:id", n->name);
        S_push_node(&c->items, &c->nitems, &cap, n);
        if (!S_named(n, "task"))
            continue;
        S_push_node(&c->tasks, &c->ntasks, &tcap, n);
        for (m = n->children; m; m = m->next) {
            c->deadlines |= S_named(m, "milestone");
            c->leaders |= S_named(m, "leader");
        }
    }
    c->table = c->table && c->ntasks > 0;
    c->pa = c->nitems > c->per ? (c->nitems + c->per - 1) / c->per : 1;
    c->pieces = c->pa + (c->table ? (c->ntasks > c->per ? (c->ntasks + c->per - 1) / c->per : 1)
                                  : 0);
    return 0;
}

/* n's copy in d without its children but with its heading: a section
 * as the template reads it around an item. */
static xmlNodePtr
S_shell(xmlNodePtr n, xmlDocPtr d)
{
    xmlNodePtr cp = xmlDocCopyNode(n, d, 2), ch;
    for (ch = n->children; ch; ch = ch->next)
        if (S_named(ch, "heading"))
            xmlAddChild(cp, xmlDocCopyNode(ch, d, 1));
    return cp;
}

/* The XML of piece k ≥ 1, so that its run reads the piece, not the plan
 * (libxslt walks the whole input at the start of every run): /plan with
 * its meta, and items[from, to) with what the template reads around them
 * — the sections they are in (attributes and heading), and an empty
 * <task/> before a task that follows another in its section (a heading row
 * of 附件2 goes only before a section's first task).  Copies keep their
 * xml:id, so id() finds them. */
static xmlDocPtr
S_piece_doc(const S_pc *c, xmlNodePtr const *items, size_t from, size_t to)
{
    xmlNodePtr root = xmlDocGetRootElement(c->xml), r, n;
    xmlNodePtr orig[GW_XML_MAX_LEVEL + 2], copy[GW_XML_MAX_LEVEL + 2];
    xmlDocPtr d = xmlNewDoc((const xmlChar *)"1.0");
    size_t depth = 0, i;

    r = xmlDocCopyNode(root, d, 2);
    xmlDocSetRootElement(d, r);
    for (n = root->children; n; n = n->next)
        if (S_named(n, "meta"))
            xmlAddChild(r, xmlDocCopyNode(n, d, 1));
    for (i = from; i < to; i++) {
        xmlNodePtr it = items[i], anc[GW_XML_MAX_LEVEL + 2], at, prev;
        size_t na = 0, j;
        /* its sections, outermost first; the path already made is kept */
        for (n = it->parent; n && n != root && na < GW_XML_MAX_LEVEL + 1; n = n->parent)
            na++;
        for (n = it->parent, j = na; j > 0; n = n->parent)
            anc[--j] = n;
        for (j = 0; j < depth && j < na && orig[j] == anc[j]; j++)
            ;
        for (depth = j; j < na; j++, depth++) {
            orig[j] = anc[j];
            copy[j] = xmlAddChild(j ? copy[j - 1] : r, S_shell(anc[j], d));
        }
        at = depth ? copy[depth - 1] : r;
        if (S_named(it, "section")) {
            if (depth < GW_XML_MAX_LEVEL + 1) {
                orig[depth] = it;
                copy[depth] = xmlAddChild(at, S_shell(it, d));
                depth++;
            }
            continue;
        }
        for (prev = it->prev; prev && prev->type != XML_ELEMENT_NODE; prev = prev->prev)
            ;
        if (S_named(it, "task") && prev && S_named(prev, "task")
            && !(at->last && S_named(at->last, "task")))
            xmlNewChild(at, NULL, (const xmlChar *)"task", NULL);
        xmlAddChild(at, xmlDocCopyNode(it, d, 1));
    }
    return d;
}

/* Piece k: the template with gw-piece, what it holds and what the plan
 * has; piece 0 reads the whole plan (its notice, bookmarks and 附件1's
 * head), the others their own XML. */
static int
S_piece(void *ctx, size_t k, gw_xml_doc *fo, gw_err *err)
{
    S_pc *c = ctx;
    char num[24], total[24], pa[24], nt[24];
    xmlNodePtr const *items = k < c->pa ? c->items : c->tasks;
    size_t n = k < c->pa ? c->nitems : c->ntasks, from = (k < c->pa ? k : k - c->pa) * c->per;
    size_t to = from + c->per < n ? from + c->per : n, i;
    const char *extra[] = {"gw-piece", num, "gw-pieces", total, "gw-att1-pieces", pa,
                           "gw-ids", NULL, "gw-tasks", nt,
                           "gw-deadlines", c->deadlines ? "1" : "0",
                           "gw-leaders", c->leaders ? "1" : "0", NULL};
    xmlDocPtr in = NULL;
    int rc;

    snprintf(num, sizeof num, "%zu", k);
    snprintf(total, sizeof total, "%zu", c->pieces);
    snprintf(pa, sizeof pa, "%zu", c->pa);
    /* 0 tasks: no 附件2, as S_pc_read decided (the pieces depend on it) */
    snprintf(nt, sizeof nt, "%zu", c->table ? c->ntasks : 0);
    /* parameters are strings (gw_xslt_apply): the ids, space-separated */
    gw_buf_clear(&c->ids);
    for (i = from; i < to; i++) {
        gw_buf_puts(&c->ids, S_xml_id(items[i]));
        gw_buf_puts(&c->ids, " ");
    }
    extra[7] = c->ids.ptr;
    if (k > 0)
        in = S_piece_doc(c, items, from, to);
    rc = S_fo_extra(c->kk, in ? in : c->xml, c->o, c->keep, extra, fo, err);
    xmlFreeDoc(in);
    return rc;
}

/* The whole notice laid out in pieces into *out, its PDF not yet written. */
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

/* gw_kind_pdf for a notice in pieces of per items: the same balancing of
 * 附件2, each try laid out piece by piece.  xml is borrowed. */
static int
S_pdf_pieces(int kk, gw_xml_doc xml, const gw_kind_opts *o, size_t per, const gw_plan *plan,
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
    c.per = per;
    gw_buf_init(&c.ids);
    if ((rc = S_pc_read(&c, err)) < 0 || (rc = S_pieces(&c, name, path, fonts, &p, err)) < 0)
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
            if (t == 1 || pages2 < pages) {
                if (t == 0)
                    gw_debugf("%s: %zu pages with rows split at page ends instead of %zu",
                              name ? name : "notice", pages2, pages);
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
    if (rc < 0)
        gw_plan_explain(plan, err);
    gw_pieces_free(p);
    gw_pieces_free(p2);
    free(c.items);
    free(c.tasks);
    gw_buf_free(&c.ids);
    return rc;
}

/* ------------------------------------------------------ a sheet in pieces */

/* One piece of a sheet: a part (templates/sheet.xsl gw-sheet-part) and
 * which of its tasks. */
typedef struct S_spiece {
    const char *part;           /* summary, lead, responsible */
    size_t      from, to;
    int         open, close;    /* the part starts, ends in this piece */
} S_spiece;

/* A sheet typeset in pieces: its XML (a <unit-sheet>, alone or in a
 * booklet part), its tasks by part, the pieces, and the parameters every
 * piece shares (a booklet part's gw-part and gw-first-page). */
typedef struct S_sc {
    int          kk;
    gw_xml_doc   xml;
    xmlNodePtr   tasks;         /* the <tasks> element */
    xmlNodePtr  *v[3];          /* all, lead, responsible */
    size_t       n[3], cap[3];
    S_spiece    *pc;
    size_t       npc;
    const char  *const *extra;  /* NULL or name, value, ..., NULL (2 pairs) */
} S_sc;

/* The <tasks> element of the sheet in xml (root/tasks, or
 * root/unit-sheet/tasks in a booklet part), or NULL. */
static xmlNodePtr
S_tasks_el(gw_xml_doc xml)
{
    xmlNodePtr r = xmlDocGetRootElement(xml), n, m;
    for (n = r ? r->children : NULL; n; n = n->next) {
        if (S_named(n, "tasks"))
            return n;
        if (S_named(n, "unit-sheet"))
            for (m = n->children; m; m = m->next)
                if (S_named(m, "tasks"))
                    return m;
    }
    return NULL;
}

/* Cuts the sheet into pieces of per tasks: the 任务一览 rows, then the
 * lead tasks, then the responsible ones, each part at least one piece.
 * 0 when it has at most per tasks (typeset whole). */
static size_t
S_sc_cut(S_sc *c, size_t per)
{
    static const char *const part[3] = {"summary", "lead", "responsible"};
    xmlNodePtr t;
    size_t i, k, cap = 0;

    if (!(c->tasks = S_tasks_el(c->xml)))
        return 0;
    for (t = c->tasks->children; t; t = t->next) {
        xmlChar *role;
        if (!S_named(t, "task"))
            continue;
        role = xmlGetProp(t, (const xmlChar *)"role");
        S_push_node(&c->v[0], &c->n[0], &c->cap[0], t);
        i = role && !xmlStrcmp(role, (const xmlChar *)"lead") ? 1 : 2;
        S_push_node(&c->v[i], &c->n[i], &c->cap[i], t);
        xmlFree(role);
    }
    if (c->n[0] <= per)
        return 0;
    for (i = 0; i < 3; i++)
        for (k = 0; k == 0 || k * per < c->n[i]; k++) {
            S_spiece *p;
            if (c->npc == cap) {
                cap = cap ? cap * 2 : 16;
                c->pc = gw_xrealloc(c->pc, cap * sizeof *c->pc);
            }
            p = &c->pc[c->npc++];
            p->part = part[i];
            p->from = k * per;
            p->to = p->from + per < c->n[i] ? p->from + per : c->n[i];
            p->open = k == 0;
            p->close = p->to == c->n[i];
        }
    return c->npc;
}

/* A copy of the sheet's XML whose <tasks> holds v[from, to) only: what
 * a piece's run reads (the rest as it is: the heading's counts are
 * attributes of <tasks>). */
static xmlDocPtr
S_sc_doc(const S_sc *c, xmlNodePtr const *v, size_t from, size_t to)
{
    xmlNodePtr path[4], n, parent, ch;
    xmlDocPtr d = xmlNewDoc((const xmlChar *)"1.0");
    size_t np = 0, i, k;

    for (n = c->tasks; n && n->type == XML_ELEMENT_NODE && np < 4; n = n->parent)
        path[np++] = n;
    parent = xmlDocCopyNode(path[np - 1], d, 2);
    xmlDocSetRootElement(d, parent);
    /* from the root down: the element on the path as a shell, its other
     * children copied whole in their places */
    for (i = np - 1; i > 0 && parent; i--) {
        xmlNodePtr next = NULL;
        for (ch = path[i]->children; ch; ch = ch->next)
            if (ch == path[i - 1])
                next = xmlAddChild(parent, xmlDocCopyNode(ch, d, 2));
            else
                xmlAddChild(parent, xmlDocCopyNode(ch, d, 1));
        parent = next;
    }
    for (k = from; parent && k < to; k++)
        xmlAddChild(parent, xmlDocCopyNode(v[k], d, 1));
    return d;
}

/* Piece k of a sheet: its XML, then the template with the piece's
 * parameters (and a booklet part's). */
static int
S_sc_piece(void *ctx, size_t k, gw_xml_doc *fo, gw_err *err)
{
    S_sc *c = ctx;
    const S_spiece *p = &c->pc[k];
    int which = !strcmp(p->part, "summary") ? 0 : !strcmp(p->part, "lead") ? 1 : 2;
    char num[24], total[24];
    const char *extra[17] = {"gw-piece", num, "gw-pieces", total, "gw-sheet-part", p->part,
                             "gw-open", p->open ? "1" : "0", "gw-close", p->close ? "1" : "0",
                             "gw-end", k + 1 == c->npc ? "1" : "0", NULL};
    xmlDocPtr in;
    size_t i;
    int rc;

    snprintf(num, sizeof num, "%zu", k);
    snprintf(total, sizeof total, "%zu", c->npc);
    for (i = 0; c->extra && c->extra[i] && i < 4; i++)
        extra[12 + i] = c->extra[i];
    in = S_sc_doc(c, c->v[which], p->from, p->to);
    rc = S_fo_extra(c->kk, in, NULL, NULL, extra, fo, err);
    xmlFreeDoc(in);
    return rc;
}

static void
S_sc_free(S_sc *c)
{
    for (int i = 0; i < 3; i++)
        free(c->v[i]);
    free(c->pc);
}

/* The pieces of a sheet of more than S_PIECE_ITEMS tasks into *out (its
 * PDF not yet written); 0 pieces (*out NULL) for a smaller one. */
static int
S_sheet_pieces(S_sc *c, const char *name, const char *path, gw_fontset *fonts,
               gw_pieces **out, gw_err *err)
{
    gw_render_opts ro;
    gw_xml_doc fo = NULL;
    size_t per = S_piece_items();
    int rc;

    *out = NULL;
    memset(&ro, 0, sizeof ro);
    if (per == 0 || S_sc_cut(c, per) == 0)
        return 0;
    if ((rc = S_sc_piece(c, 0, &fo, err)) < 0)
        return rc;
    return gw_render_pieces(fo, name, S_sc_piece, c, path, &ro, fonts, out, err);
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
    if (!strcmp(kind, "notice") && (per = S_piece_items()) > 0) {
        if (!fonts && (rc = gw_fontset_new(&own, err)) < 0)
            goto out;
        rc = S_pdf_pieces(S_find(kind), xml, o, per, plan, name, path, fonts ? fonts : own,
                          err);
        goto out;
    }
    if (!strcmp(kind, "sheet")) {
        /* a sheet of many tasks in pieces; a small one whole, below */
        S_sc c;
        gw_pieces *p = NULL;
        memset(&c, 0, sizeof c);
        c.kk = S_find(kind);
        c.xml = xml;
        if (!fonts && (rc = gw_fontset_new(&own, err)) < 0)
            goto out;
        if (!fonts)
            fonts = own;
        rc = S_sheet_pieces(&c, name, path, fonts, &p, err);
        if (rc == 0 && p)
            rc = gw_pieces_finish(p, err);
        S_sc_free(&c);
        if (rc < 0 || p) {
            gw_pieces_free(p);
            if (rc < 0)
                gw_plan_explain(plan, err);
            goto out;
        }
    }
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
        int t;
        gw_layout_free(lay);
        lay = NULL;
        for (t = 0; t < 2 && !lay; t++) {
            if ((rc = gw_kind_xml(kind, plan, o, &xml, err)) < 0 ||
                (rc = S_fo(S_find(kind), xml, o, keep[t], &fo2, err)) < 0)
                goto out;
            xmlFreeDoc(xml);
            xml = NULL;
            rc = gw_render_layout_take(fo2, name, &ro, fonts, &lay2, err);
            fo2 = NULL;
            if (rc < 0 || (rc = gw_render_pages(lay2, &pages2, &blank2)) < 0)
                goto out;
            if (t == 1 || pages2 < pages) {
                if (t == 0)
                    gw_debugf("%s: %zu pages with rows split at page ends instead of %zu",
                              name ? name : kind, pages2, pages);
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
 * sheet has more than S_PIECE_ITEMS tasks: in pieces, its pages written
 * into pdf from page at on, its bookmarks into meta (from its first page),
 * *n its pages, *xml freed (NULL).  A smaller sheet: nothing done, *xml
 * left for the whole layout. */
static int
S_part_pieces(int kk, gw_xml_doc *xml, size_t first_page, const char *name, gw_fontset *fonts,
              gw_pdf *pdf, size_t at, gw_doc *meta, size_t *n, gw_err *err)
{
    char num[24];
    const char *extra[5] = {"gw-part", "sheet", "gw-first-page", num, NULL};
    size_t per = S_piece_items();
    gw_render_opts ro;
    gw_xml_doc fo = NULL;
    S_sc c;
    int rc;

    *n = 0;
    memset(&ro, 0, sizeof ro);
    memset(&c, 0, sizeof c);
    c.kk = kk;
    c.xml = *xml;
    c.extra = extra;
    snprintf(num, sizeof num, "%zu", first_page);
    rc = 0;
    if (per > 0 && S_sc_cut(&c, per) > 0) {
        if ((rc = S_sc_piece(&c, 0, &fo, err)) == 0)
            rc = gw_render_pieces_put(fo, name, S_sc_piece, &c, pdf, at, &ro, fonts, meta, n,
                                      err);
        xmlFreeDoc(*xml);
        *xml = NULL;
    }
    S_sc_free(&c);
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
        rc = S_part_pieces(kk, &xml, first[k], name, fonts, pdf, next, part, &n, err);
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
