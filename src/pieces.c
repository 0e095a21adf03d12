/* pieces.c — the notice's and a long sheet's XML cut into pieces
 * (pieces.h).  A piece's XSLT run reads a copy of just its items, with
 * what the template reads around them: libxslt walks the whole input at
 * the start of every run, so a run over the whole plan for each piece
 * would make the notice quadratic in the plan. */
#include "pieces.h"
#include "xmlbuild.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

size_t
gw_piece_items(void)
{
    const char *v = getenv("GONGWEN_PIECE_ITEMS");
    char *end = NULL;
    unsigned long n;
    if (!v || !*v)
        return GW_PIECE_ITEMS;
    n = strtoul(v, &end, 10);
    if (*end || n > 1000000 || v[0] == '-') {
        gw_warnf("GONGWEN_PIECE_ITEMS='%s' is not a number of items (0..1000000); %d is used",
                 v, GW_PIECE_ITEMS);
        return GW_PIECE_ITEMS;
    }
    return (size_t)n;
}

/* A run of items of one list: a piece. */
typedef struct S_piece {
    int    list;                /* index into gw_cut.v */
    size_t from, to;
    int    open, close;         /* a sheet's part starts, ends in it */
} S_piece;

enum { S_NOTICE, S_SHEET };

struct gw_cut {
    int          kind;
    xmlDocPtr    xml;
    const gw_plan *plan;        /* the tasks' contents */
    gw_cut_fill_fn fill;        /* a sheet's: fills a bare task */
    xmlNodePtr   tasks_el;      /* a sheet's <tasks> */
    /* notice: 附件1's items, 附件2's rows; sheet: all, lead, responsible */
    xmlNodePtr  *v[3];
    size_t       n[3], cap[3];
    int          deadlines, leaders, table;
    S_piece     *pc;
    size_t       npc, pccap;
    size_t       natt1;         /* notice: pieces of 附件1 */
    /* the parameters of the last piece asked for */
    char         num[4][24];
    gw_buf       ids;
    const char  *params[2 * GW_CUT_MAX_PARAMS + 1];
};

/* The xml:id of n (gw_xml_notice gives every item one). */
static const char *
S_xml_id(xmlNodePtr n)
{
    xmlAttrPtr a = xmlHasNsProp(n, (const xmlChar *)"id", XML_XML_NAMESPACE);
    return a && a->children && a->children->content ? (const char *)a->children->content : NULL;
}

static void
S_push(gw_cut *c, int list, xmlNodePtr x)
{
    if (c->n[list] == c->cap[list]) {
        c->cap[list] = c->cap[list] ? c->cap[list] * 2 : 256;
        c->v[list] = gw_xrealloc(c->v[list], c->cap[list] * sizeof *c->v[list]);
    }
    c->v[list][c->n[list]++] = x;
}

/* Cuts list into pieces of per, at least one; the last closes the list. */
static void
S_cut_list(gw_cut *c, int list, size_t per)
{
    size_t k;
    for (k = 0; k == 0 || k * per < c->n[list]; k++) {
        S_piece *p;
        if (c->npc == c->pccap) {
            c->pccap = c->pccap ? c->pccap * 2 : 16;
            c->pc = gw_xrealloc(c->pc, c->pccap * sizeof *c->pc);
        }
        p = &c->pc[c->npc++];
        p->list = list;
        p->from = k * per;
        p->to = p->from + per < c->n[list] ? p->from + per : c->n[list];
        p->open = k == 0;
        p->close = p->to == c->n[list];
    }
}

void
gw_cut_free(gw_cut *c)
{
    if (!c)
        return;
    for (int i = 0; i < 3; i++)
        free(c->v[i]);
    free(c->pc);
    gw_buf_free(&c->ids);
    free(c);
}

size_t
gw_cut_count(const gw_cut *c)
{
    return c->npc;
}

/* ------------------------------------------------------------ the notice */

int
gw_cut_notice(gw_xml_doc xml, const gw_plan *plan, int no_table, size_t per, gw_cut **out,
              gw_err *err)
{
    gw_cut *c = gw_xcalloc(1, sizeof *c);
    xmlNodePtr root = xmlDocGetRootElement(xml), n, m;
    size_t i;
    int table = 1;

    *out = NULL;
    c->kind = S_NOTICE;
    c->xml = xml;
    c->plan = plan;
    gw_buf_init(&c->ids);
    /* as the template decides: --no-table, else the record's table = 0 */
    for (n = root ? root->children : NULL; n; n = n->next)
        if (gw_xml_is(n, "meta"))
            for (m = n->children; m; m = m->next)
                if (gw_xml_is(m, "table")) {
                    xmlChar *v = xmlNodeGetContent(m);
                    table = !(v && !xmlStrcmp(v, (const xmlChar *)"0"));
                    xmlFree(v);
                }
    for (n = NULL; root && (n = gw_xml_notice_next(root, n));) {
        if (!S_xml_id(n)) {
            gw_cut_free(c);
            return gw_err_set(err, GW_EDEP, "notice XML: a %s without xml:id", n->name);
        }
        S_push(c, 0, n);
        if (gw_xml_is(n, "task"))
            S_push(c, 1, n);
    }
    /* what the template asks of every task, from the record: the XML's
     * tasks may be bare */
    for (i = 0; i < gw_plan_task_count(plan); i++) {
        const gw_task *t = gw_plan_task(plan, i);
        c->deadlines |= t->nmilestones > 0;
        c->leaders |= t->leader[0] != '\0';
    }
    c->table = table && !no_table && c->n[1] > 0;
    S_cut_list(c, 0, per);
    c->natt1 = c->npc;
    if (c->table)
        S_cut_list(c, 1, per);
    *out = c;
    return 0;
}

/* n's copy in d without its children but with its heading: a section
 * as the template reads it around an item. */
static xmlNodePtr
S_shell(xmlNodePtr n, xmlDocPtr d)
{
    xmlNodePtr cp = xmlDocCopyNode(n, d, 2), ch;
    for (ch = n->children; ch; ch = ch->next)
        if (gw_xml_is(ch, "heading"))
            xmlAddChild(cp, xmlDocCopyNode(ch, d, 1));
    return cp;
}

/* The XML of a notice piece after the first: /plan with its meta, and the
 * piece's items with what the template reads around them — the sections
 * they are in (attributes and heading), and an empty <task/> before a task
 * that follows another in its section (a heading row of 附件2 goes only
 * before a section's first task).  Copies keep their xml:id, so id() finds
 * them. */
static xmlDocPtr
S_notice_doc(const gw_cut *c, xmlNodePtr const *items, size_t from, size_t to)
{
    xmlNodePtr root = xmlDocGetRootElement(c->xml), r, n;
    xmlNodePtr orig[GW_XML_MAX_LEVEL + 2], copy[GW_XML_MAX_LEVEL + 2];
    xmlDocPtr d = xmlNewDoc((const xmlChar *)"1.0");
    size_t depth = 0, i;

    r = xmlDocCopyNode(root, d, 2);
    xmlDocSetRootElement(d, r);
    for (n = root->children; n; n = n->next)
        if (gw_xml_is(n, "meta"))
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
        if (gw_xml_is(it, "section")) {
            if (depth < GW_XML_MAX_LEVEL + 1) {
                orig[depth] = it;
                copy[depth] = xmlAddChild(at, S_shell(it, d));
                depth++;
            }
            continue;
        }
        for (prev = it->prev; prev && prev->type != XML_ELEMENT_NODE; prev = prev->prev)
            ;
        if (gw_xml_is(it, "task") && prev && gw_xml_is(prev, "task")
            && !(at->last && gw_xml_is(at->last, "task")))
            xmlNewChild(at, NULL, (const xmlChar *)"task", NULL);
        n = xmlAddChild(at, xmlDocCopyNode(it, d, 1));
        if (n && gw_xml_is(n, "task"))
            gw_xml_notice_fill(c->plan, n);
    }
    return d;
}

/* A notice piece's parameters (templates/notice.xsl, gw-piece); piece 0
 * reads the whole plan (its notice, bookmarks and 附件1's head). */
static void
S_notice_piece(gw_cut *c, size_t k, gw_xml_doc *in)
{
    const S_piece *p = &c->pc[k];
    const char **a = c->params;
    size_t i;

    snprintf(c->num[0], sizeof c->num[0], "%zu", k);
    snprintf(c->num[1], sizeof c->num[1], "%zu", c->npc);
    snprintf(c->num[2], sizeof c->num[2], "%zu", c->natt1);
    /* 0 tasks: no 附件2, as gw_cut_notice decided (the pieces depend on it) */
    snprintf(c->num[3], sizeof c->num[3], "%zu", c->table ? c->n[1] : 0);
    /* parameters are strings (gw_xslt_apply): the ids, space-separated */
    gw_buf_clear(&c->ids);
    for (i = p->from; i < p->to; i++) {
        gw_buf_puts(&c->ids, S_xml_id(c->v[p->list][i]));
        gw_buf_puts(&c->ids, " ");
    }
    *a++ = "gw-piece";       *a++ = c->num[0];
    *a++ = "gw-pieces";      *a++ = c->num[1];
    *a++ = "gw-att1-pieces"; *a++ = c->num[2];
    *a++ = "gw-ids";         *a++ = c->ids.ptr;
    *a++ = "gw-tasks";       *a++ = c->num[3];
    *a++ = "gw-deadlines";   *a++ = c->deadlines ? "1" : "0";
    *a++ = "gw-leaders";     *a++ = c->leaders ? "1" : "0";
    *a = NULL;
    *in = k > 0 ? S_notice_doc(c, c->v[p->list], p->from, p->to) : NULL;
    /* piece 0 reads the XML itself: its tasks filled there */
    for (i = p->from; k == 0 && i < p->to; i++)
        if (gw_xml_is(c->v[p->list][i], "task"))
            gw_xml_notice_fill(c->plan, c->v[p->list][i]);
}

/* ------------------------------------------------------------ a sheet */

/* The <tasks> element of the sheet in xml (root/tasks, or
 * root/unit-sheet/tasks in a booklet part), or NULL. */
static xmlNodePtr
S_tasks_el(gw_xml_doc xml)
{
    xmlNodePtr r = xmlDocGetRootElement(xml), n, m;
    for (n = r ? r->children : NULL; n; n = n->next) {
        if (gw_xml_is(n, "tasks"))
            return n;
        if (gw_xml_is(n, "unit-sheet"))
            for (m = n->children; m; m = m->next)
                if (gw_xml_is(m, "tasks"))
                    return m;
    }
    return NULL;
}

gw_cut *
gw_cut_sheet(gw_xml_doc xml, size_t per, gw_cut_fill_fn fill, const gw_plan *plan)
{
    gw_cut *c;
    xmlNodePtr el = S_tasks_el(xml), t;

    if (!el)
        return NULL;
    c = gw_xcalloc(1, sizeof *c);
    c->kind = S_SHEET;
    c->xml = xml;
    c->tasks_el = el;
    c->fill = fill;
    c->plan = plan;
    gw_buf_init(&c->ids);
    for (t = el->children; t; t = t->next) {
        xmlChar *role;
        if (!gw_xml_is(t, "task"))
            continue;
        role = xmlGetProp(t, (const xmlChar *)"role");
        S_push(c, 0, t);
        S_push(c, role && !xmlStrcmp(role, (const xmlChar *)"lead") ? 1 : 2, t);
        xmlFree(role);
    }
    if (c->n[0] <= per) {
        gw_cut_free(c);
        return NULL;
    }
    for (int i = 0; i < 3; i++)
        S_cut_list(c, i, per);
    return c;
}

/* A copy of the sheet's XML whose <tasks> holds v[from, to) only: what a
 * piece's run reads (the rest as it is: the heading's counts are
 * attributes of <tasks>). */
static xmlDocPtr
S_sheet_doc(const gw_cut *c, xmlNodePtr const *v, size_t from, size_t to)
{
    xmlNodePtr path[4], n, parent, ch;
    xmlDocPtr d = xmlNewDoc((const xmlChar *)"1.0");
    size_t np = 0, i, k;

    for (n = c->tasks_el; n && n->type == XML_ELEMENT_NODE && np < 4; n = n->parent)
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
    for (k = from; parent && k < to; k++) {
        n = xmlAddChild(parent, xmlDocCopyNode(v[k], d, 1));
        if (n && c->fill)
            c->fill(c->plan, n);
    }
    return d;
}

/* A sheet piece's parameters (templates/sheet.xsl, gw-piece). */
static void
S_sheet_piece(gw_cut *c, size_t k, gw_xml_doc *in)
{
    static const char *const part[3] = {"summary", "lead", "responsible"};
    const S_piece *p = &c->pc[k];
    const char **a = c->params;

    snprintf(c->num[0], sizeof c->num[0], "%zu", k);
    snprintf(c->num[1], sizeof c->num[1], "%zu", c->npc);
    *a++ = "gw-piece";      *a++ = c->num[0];
    *a++ = "gw-pieces";     *a++ = c->num[1];
    *a++ = "gw-sheet-part"; *a++ = part[p->list];
    *a++ = "gw-open";       *a++ = p->open ? "1" : "0";
    *a++ = "gw-close";      *a++ = p->close ? "1" : "0";
    *a++ = "gw-end";        *a++ = k + 1 == c->npc ? "1" : "0";
    *a = NULL;
    *in = S_sheet_doc(c, c->v[p->list], p->from, p->to);
}

void
gw_cut_piece(gw_cut *c, size_t k, gw_xml_doc *in, const char *const **params)
{
    if (c->kind == S_NOTICE)
        S_notice_piece(c, k, in);
    else
        S_sheet_piece(c, k, in);
    *params = c->params;
}
