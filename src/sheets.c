/* sheets.c — the task sheet (任务交办单) of every unit and the booklet.
 *
 * A unit's sheet is the query "tasks where this unit, or a group it belongs
 * to, is assigned", built as a <unit-sheet> tree (data/sheet.rng), turned
 * into XSL-FO by templates/sheet.xsl and typeset by the renderer.  The
 * recipients are worked out once for the whole plan (S_index): every unit of
 * the directory with at least one task, where a group with known members
 * (各县市区) is replaced by its members and an open group (有关职业院校) is a
 * recipient of its own. */
#include "sheets-imp.h"

#include "date.h"
#include "meta.h"
#include "xmlbuild-imp.h"
#include "pieces.h"

#include <libxml/tree.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Caps on what one run produces; beyond them the plan is not a plan any
 * office circulates, and the message says which cap was hit. */
#define S_MAX_RECIPIENTS 20000
#define S_MAX_TASKS_PER_SHEET 20000

/* One task on one recipient's sheet. */
typedef struct {
    const gw_task *task;
    int            role;    /* GW_ROLE_* of the recipient (or of its group) */
    const gw_unit *via;     /* the group the task reaches it through, or NULL */
} S_item;

struct gw_sheet_rcpt {
    const gw_unit *unit;
    const gw_unit *group;   /* first group with members it belongs to, or NULL */
    S_item        *items;
    size_t         n, cap;
    size_t         nlead, nresp;
    int            no;      /* 1-based among all recipients (NN of the file) */
};
typedef gw_sheet_rcpt S_rcpt;

typedef struct {
    int    id;
    size_t idx;             /* index into S_index.r (directory order) */
} S_idpos;

struct gw_sheet_index {
    S_rcpt  *r;             /* one per unit of the directory */
    size_t   n;
    S_idpos *ids;           /* sorted by id */
    int      nrecipients;   /* units that get a sheet */
};
typedef gw_sheet_index S_index;

static int
S_idcmp(const void *a, const void *b)
{
    const S_idpos *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

static S_rcpt *
S_find_id(S_index *ix, int id)
{
    S_idpos key = {id, 0}, *p;
    p = bsearch(&key, ix->ids, ix->n, sizeof *ix->ids, S_idcmp);
    return p ? &ix->r[p->idx] : NULL;
}

static int
S_closed_group(const gw_unit *u)
{
    return u->is_group && !u->open_group;
}

/* Adds task t to r's sheet.  Tasks arrive in order, so a second assignment
 * of the same task (directly and through a group) is the last item; a
 * direct assignment beats one through a group and lead beats responsible. */
static void
S_credit(S_rcpt *r, const gw_task *t, int role, const gw_unit *via)
{
    S_item *it;
    if (r->n > 0 && r->items[r->n - 1].task == t) {
        it = &r->items[r->n - 1];
        if ((it->via && !via) || (!!it->via == !!via && role == GW_ROLE_LEAD)) {
            it->role = role;
            it->via = via;
        }
        return;
    }
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 8;
        r->items = gw_xrealloc(r->items, r->cap * sizeof *r->items);
    }
    r->items[r->n].task = t;
    r->items[r->n].role = role;
    r->items[r->n].via = via;
    r->n++;
}

static void
S_index_free(S_index *ix)
{
    size_t i;
    for (i = 0; i < ix->n; i++)
        free(ix->r[i].items);
    free(ix->r);
    free(ix->ids);
    memset(ix, 0, sizeof *ix);
}

/* Builds the sheet of every unit in one pass over the assignments. */
static int
S_index_build(const gw_plan *plan, S_index *ix, gw_err *err)
{
    size_t i, j, k, nt, nm;
    const int *members;
    int rc = 0, no = 0;

    memset(ix, 0, sizeof *ix);
    ix->n = gw_plan_unit_count(plan);
    if (ix->n > S_MAX_RECIPIENTS) {
        rc = gw_err_set(err, GW_EINPUT, "sheets: the plan names %zu units, more than the cap "
                        "of %d (S_MAX_RECIPIENTS)", ix->n, S_MAX_RECIPIENTS);
        goto out;
    }
    ix->r = gw_xcalloc(ix->n ? ix->n : 1, sizeof *ix->r);
    ix->ids = gw_xcalloc(ix->n ? ix->n : 1, sizeof *ix->ids);
    for (i = 0; i < ix->n; i++) {
        ix->r[i].unit = gw_plan_unit(plan, i);
        ix->ids[i].id = ix->r[i].unit->id;
        ix->ids[i].idx = i;
    }
    qsort(ix->ids, ix->n, sizeof *ix->ids, S_idcmp);

    /* Membership: remember each member's first group for the heading. */
    for (i = 0; i < ix->n; i++) {
        const gw_unit *g = ix->r[i].unit;
        if (!S_closed_group(g))
            continue;
        members = gw_plan_group_members(plan, g->id, &nm);
        for (k = 0; k < nm; k++) {
            S_rcpt *m = S_find_id(ix, members[k]);
            if (m && !m->group && m->unit != g)
                m->group = g;
        }
    }

    nt = gw_plan_task_count(plan);
    for (i = 0; i < nt; i++) {
        const gw_task *t = gw_plan_task(plan, i);
        for (j = 0; j < t->nassignments; j++) {
            const gw_assignment *a = &t->assignments[j];
            S_rcpt *r = S_find_id(ix, a->unit);
            if (!r)
                continue;
            if (!S_closed_group(r->unit)) {
                S_credit(r, t, a->role, NULL);
                continue;
            }
            members = gw_plan_group_members(plan, r->unit->id, &nm);
            for (k = 0; k < nm; k++) {
                S_rcpt *m = S_find_id(ix, members[k]);
                /* A group among the members (or the group itself) is not
                 * expanded again: one level, so no loop and no recursion. */
                if (m && !S_closed_group(m->unit))
                    S_credit(m, t, a->role, r->unit);
            }
        }
    }

    for (i = 0; i < ix->n; i++) {
        S_rcpt *r = &ix->r[i];
        if (r->n > S_MAX_TASKS_PER_SHEET) {
            rc = gw_err_set(err, GW_EINPUT, "sheets: %s has %zu tasks, more than the cap of %d "
                            "(S_MAX_TASKS_PER_SHEET)", r->unit->name, r->n, S_MAX_TASKS_PER_SHEET);
            goto out;
        }
        for (j = 0; j < r->n; j++) {
            if (r->items[j].role == GW_ROLE_LEAD)
                r->nlead++;
            else
                r->nresp++;
        }
        if (r->n > 0 && !S_closed_group(r->unit))
            r->no = ++no;
    }
    ix->nrecipients = no;
out:
    if (rc)
        S_index_free(ix);
    return rc;
}

/* The unit called `name` (canonical or short name), or NULL. */
/* The recipient a --unit name means: canonical name, short name or alias
 * (the plan's own lookup), or NULL. */
static S_rcpt *
S_lookup(S_index *ix, const gw_plan *plan, const char *name)
{
    const gw_unit *u = gw_plan_unit_lookup(plan, name);
    return u ? S_find_id(ix, u->id) : NULL;
}

/* ------------------------------------------------------------- the XML */

/* The builders' shared policy (xmlbuild-imp.h): the plan's text is checked
 * where it enters (store, importer, set), so it goes into the tree as it is. */
typedef struct {
    xmlDocPtr doc;
} S_xml;

static xmlNodePtr
S_el(S_xml *x, xmlNodePtr parent, const char *name, const char *text)
{
    return gw_xb_el(x->doc, parent, name, text);
}

/* The plan's title as <line>s, broken by meaning as the notice breaks it. */
static void
S_title_lines(S_xml *x, xmlNodePtr title, const char *s)
{
    if (!s[0]) {
        S_el(x, title, "line", "任务分工方案");
        return;
    }
    if (gw_xb_title_lines(x->doc, title, s) == 0)
        S_el(x, title, "line", s);
}

static const char *
S_meta(const gw_plan *plan, const char *key)
{
    const char *v = gw_plan_meta(plan, key);
    return v ? v : "";
}

/* <meta> shared by the sheet and the booklet. */
static void
S_meta_el(S_xml *x, xmlNodePtr parent, const gw_plan *plan)
{
    xmlNodePtr meta = S_el(x, parent, "meta", NULL), title;
    const char *issuer = S_meta(plan, "issuer");
    gw_date d;

    title = S_el(x, meta, "title", NULL);
    S_title_lines(x, title, S_meta(plan, "title"));
    S_el(x, meta, "issuer", issuer);
    if (S_meta(plan, "doc_number")[0])
        S_el(x, meta, "doc-number", S_meta(plan, "doc_number"));
    if (gw_date_parse(S_meta(plan, "sign_date"), &d))
        gw_xb_date(x->doc, meta, "sign-date", &d);
}

/* The quarterly reporting dates of the plan's schedule (gw_plan_schedule:
 * the same quarters the report and the progress forms accept). */
static void
S_reporting_el(S_xml *x, xmlNodePtr parent, const gw_plan *plan)
{
    xmlNodePtr rep = S_el(x, parent, "reporting", NULL), n;
    int y, q, nq;
    gw_date r;
    char quarter[16];

    S_el(x, rep, "office", S_meta(plan, "issuer"));
    nq = gw_plan_schedule(plan, &y, &q);
    for (int i = 0; i < nq; i++, gw_quarter_add(&y, &q, 1)) {
        r.y = y;
        r.m = q * 3;
        r.d = GW_REPORT_DAY;
        n = gw_xb_date(x->doc, rep, "report-date", &r);
        snprintf(quarter, sizeof quarter, "%04dQ%d", y, q);
        gw_xb_attr(n, "quarter", quarter);
    }
}

/* What a task element holds, from the record's task t; self_id: the unit
 * that makes it the recipient's (marked self="1"). */
static void
S_task_fill(xmlDocPtr doc, xmlNodePtr n, const gw_plan *plan, const gw_task *t, int self_id)
{
    const gw_section *sec = gw_plan_section_by_id(plan, t->section);
    xmlNodePtr c;
    char ref[32];
    size_t j;

    if (sec) {
        c = gw_xb_el(doc, n, "section", sec->title);
        gw_xb_attr(c, "label", sec->label);
    }
    gw_xb_el(doc, n, "title", t->title);
    gw_xb_body(doc, n, t->body);
    if (t->leader[0])
        gw_xb_el(doc, n, "leader", t->leader);
    for (j = 0; j < t->nassignments; j++) {
        const gw_assignment *a = &t->assignments[j];
        const gw_unit *u = gw_plan_unit_by_id(plan, a->unit);
        if (!u)
            continue;
        c = gw_xb_el(doc, n, "unit", u->name);
        gw_xb_attr(c, "role", a->role == GW_ROLE_LEAD ? "lead" : "responsible");
        snprintf(ref, sizeof ref, "u%d", u->id);
        gw_xb_attr(c, "ref", ref);
        if (u->id == self_id)
            gw_xb_attr(c, "self", "1");
    }
    for (j = 0; j < t->nmilestones; j++) {
        const gw_milestone *ms = &t->milestones[j];
        gw_date d;
        c = gw_xb_el(doc, n, "milestone", ms->description);
        if (gw_date_parse(ms->due, &d)) {
            char iso[11];
            gw_date_iso(&d, iso);
            gw_xb_attr(c, "due", iso);
        }
        if (ms->deadline && ms->deadline[0])
            gw_xb_attr(c, "deadline", ms->deadline);
        if (ms->form && ms->form[0])
            gw_xb_attr(c, "form", ms->form);
    }
}

/* <task> of item it of r's sheet under parent; bare: its attributes only,
 * filled later (gw_sheet_fill_task). */
static void
S_task_el(S_xml *x, xmlNodePtr parent, const gw_plan *plan, const S_rcpt *r,
          const S_item *it, int bare)
{
    xmlNodePtr n = S_el(x, parent, "task", NULL);

    gw_xb_attr_int(n, "no", it->task->no);
    gw_xb_attr(n, "role", it->role == GW_ROLE_LEAD ? "lead" : "responsible");
    if (it->via)
        gw_xb_attr(n, "via", it->via->name);
    if (!bare)
        S_task_fill(x->doc, n, plan, it->task, it->via ? it->via->id : r->unit->id);
}

void
gw_sheet_fill_task(const gw_plan *plan, gw_xml_node task)
{
    xmlChar *no, *via;
    const gw_task *t;
    const gw_unit *u = NULL;
    xmlNodePtr sheet, c;
    int self_id = -1;

    if (task->children)
        return;                 /* filled already */
    no = xmlGetProp(task, (const xmlChar *)"no");
    via = xmlGetProp(task, (const xmlChar *)"via");
    t = no ? gw_plan_task_by_no(plan, (int)strtol((const char *)no, NULL, 10)) : NULL;
    /* the unit that makes it the recipient's: the group it came through,
     * else the recipient (<unit-sheet><recipient ref="u7">) */
    if (via)
        u = gw_plan_unit_lookup(plan, (const char *)via);
    if (u) {
        self_id = u->id;
    } else {
        for (sheet = task->parent; sheet && !gw_xml_is(sheet, "unit-sheet"); sheet = sheet->parent)
            ;
        for (c = sheet ? sheet->children : NULL; c; c = c->next)
            if (gw_xml_is(c, "recipient")) {
                xmlChar *ref = xmlGetProp(c, (const xmlChar *)"ref");
                if (ref && ref[0] == 'u')
                    self_id = (int)strtol((const char *)ref + 1, NULL, 10);
                xmlFree(ref);
            }
    }
    if (t)
        S_task_fill(task->doc, task, plan, t, self_id);
    xmlFree(no);
    xmlFree(via);
}

/* <unit-sheet> of r, appended to parent (or made the root when NULL). */
static xmlNodePtr
S_sheet_el(S_xml *x, xmlNodePtr parent, const gw_plan *plan, const S_index *ix,
           const S_rcpt *r, int cover_only, int bare)
{
    xmlNodePtr sheet = S_el(x, NULL, "unit-sheet", NULL), n, tasks, reqs;
    char ref[32];
    size_t i;

    if (parent)
        xmlAddChild(parent, sheet);
    else
        xmlDocSetRootElement(x->doc, sheet);
    gw_xb_attr(sheet, "version", "1");
    gw_xb_attr_int(sheet, "no", r->no);
    gw_xb_attr_int(sheet, "of", ix->nrecipients);
    snprintf(ref, sizeof ref, "s%d", r->no);
    gw_xb_attr(sheet, "id", ref);
    {
        /* its number in the issuer's 交 series, as a registry writes it
         * (docs/sheets.md): the year of the plan's signing */
        gw_buf num;
        gw_date d;
        gw_buf_init(&num);
        if (gw_date_parse(S_meta(plan, "sign_date"), &d)) {
            gw_doc_number_series(S_meta(plan, "doc_number"), "交", d.y, r->no, &num);
            gw_xb_attr(sheet, "number", num.ptr);
        }
        gw_buf_free(&num);
    }
    S_meta_el(x, sheet, plan);

    n = S_el(x, sheet, "recipient", r->unit->name);
    snprintf(ref, sizeof ref, "u%d", r->unit->id);
    gw_xb_attr(n, "ref", ref);
    gw_xb_attr(n, "kind", r->unit->kind ? r->unit->kind : "");
    if (r->group)
        gw_xb_attr(n, "group", r->group->name);
    if (r->unit->is_group && r->unit->open_group)
        gw_xb_attr(n, "open-group", "1");

    tasks = S_el(x, sheet, "tasks", NULL);
    gw_xb_attr_int(tasks, "lead", (long)r->nlead);
    gw_xb_attr_int(tasks, "responsible", (long)r->nresp);
    if (cover_only)
        return sheet;
    /* bare tasks only where the sheet will be typeset in pieces, which
     * fill a piece's tasks when it comes (pieces.h) */
    bare = bare && gw_piece_items() > 0 && r->n > gw_piece_items();
    for (i = 0; i < r->n; i++)
        S_task_el(x, tasks, plan, r, &r->items[i], bare);

    reqs = S_el(x, sheet, "requirements", NULL);
    for (i = 0; i < gw_plan_requirement_count(plan); i++) {
        const gw_requirement *q = gw_plan_requirement(plan, i);
        n = S_el(x, reqs, "requirement", q->text);
        gw_xb_attr(n, "label", q->label);
    }
    S_reporting_el(x, sheet, plan);
    return sheet;
}

static void
S_xml_init(S_xml *x)
{
    x->doc = xmlNewDoc((const xmlChar *)"1.0");
}

/* Names of the members of group g that have tasks, for messages. */
static void
S_member_names(const S_index *ix, const gw_plan *plan, const gw_unit *g, gw_buf *b)
{
    size_t nm, k;
    const int *members = gw_plan_group_members(plan, g->id, &nm);
    for (k = 0; k < nm && k < 12; k++) {
        const gw_unit *u = gw_plan_unit_by_id(plan, members[k]);
        if (u)
            gw_buf_printf(b, "%s%s", b->len ? "、" : "", u->name);
    }
    if (nm > 12)
        gw_buf_puts(b, "…");
    (void)ix;
}

/* Resolves a --unit argument to a recipient; GW_EINPUT when unknown, when
 * it is a group with members (they get the sheets) or when it has no tasks. */
static int
S_resolve(S_index *ix, const gw_plan *plan, const char *name, S_rcpt **out, gw_err *err)
{
    gw_buf b;
    S_rcpt *r = S_lookup(ix, plan, name);
    int rc = 0;

    gw_buf_init(&b);
    *out = NULL;
    if (!r) {
        rc = gw_err_set(err, GW_EINPUT, "sheet: no unit called \"%s\" in the plan's unit "
                        "directory (see `gongwen list units`)", name);
        goto out;
    }
    if (S_closed_group(r->unit)) {
        S_member_names(ix, plan, r->unit, &b);
        rc = gw_err_set(err, GW_EINPUT, "sheet: %s is a group with members; each member gets "
                        "its own sheet: %s", r->unit->name, b.ptr);
        goto out;
    }
    if (r->n == 0) {
        rc = gw_err_set(err, GW_EINPUT, "sheet: %s has no tasks in the plan, so it gets no sheet",
                        r->unit->name);
        goto out;
    }
    *out = r;
out:
    gw_buf_free(&b);
    return rc;
}

int
gw_sheet_xml(const gw_plan *plan, const char *unit, gw_xml_doc *out, gw_err *err)
{
    S_index ix;
    S_rcpt *r;
    S_xml x;
    int rc;

    *out = NULL;
    /* the same rules for the record's metadata as the notice's builder */
    if ((rc = gw_meta_check_plan(plan, err)) < 0)
        return rc;
    rc = S_index_build(plan, &ix, err);
    if (rc)
        return rc;
    rc = S_resolve(&ix, plan, unit, &r, err);
    if (rc)
        goto out;
    S_xml_init(&x);
    S_sheet_el(&x, NULL, plan, &ix, r, 0, 0);
    *out = x.doc;
out:
    S_index_free(&ix);
    return rc;
}


/* ------------------------------------------------- for the run (sheets_run.c) */

int
gw_sheet_index_new(const gw_plan *plan, gw_sheet_index **out, gw_err *err)
{
    gw_sheet_index *ix = gw_xcalloc(1, sizeof *ix);
    int rc;
    *out = NULL;
    if ((rc = gw_meta_check_plan(plan, err)) < 0 || (rc = S_index_build(plan, ix, err)) < 0) {
        free(ix);
        return rc;
    }
    *out = ix;
    return 0;
}

void
gw_sheet_index_free(gw_sheet_index *ix)
{
    if (!ix)
        return;
    S_index_free(ix);
    free(ix);
}

const gw_unit *
gw_sheet_rcpt_unit(const gw_sheet_rcpt *r)
{
    return r->unit;
}

int
gw_sheet_rcpt_no(const gw_sheet_rcpt *r)
{
    return r->no;
}

size_t
gw_sheet_rcpt_tasks(const gw_sheet_rcpt *r)
{
    return r->n;
}

gw_xml_doc
gw_sheet_doc(const gw_plan *plan, const gw_sheet_index *ix, const gw_sheet_rcpt *r, int bare)
{
    S_xml x;
    S_xml_init(&x);
    S_sheet_el(&x, NULL, plan, ix, r, 0, bare);
    return x.doc;
}

gw_xml_doc
gw_booklet_doc(const gw_plan *plan, const gw_sheet_index *ix, const gw_sheet_rcpt *const *sel,
               size_t nsel, int cover_only, int bare)
{
    S_xml x;
    xmlNodePtr root;
    S_xml_init(&x);
    root = S_el(&x, NULL, "sheet-booklet", NULL);
    xmlDocSetRootElement(x.doc, root);
    gw_xb_attr(root, "version", "1");
    S_meta_el(&x, root, plan);
    for (size_t i = 0; i < nsel; i++)
        S_sheet_el(&x, root, plan, ix, sel[i], cover_only, bare);
    return x.doc;
}

/* Selected recipients in directory order, duplicates removed.  A group with
 * members asked for by name selects its members; a unit with no tasks is a
 * warning and is left out; an unknown name is an error. */
int
gw_sheet_select(gw_sheet_index *ix, const gw_plan *plan, const char *const *units,
                size_t nunits, const gw_sheet_rcpt ***out, size_t *nout, gw_err *err)
{
    char *want = gw_xcalloc(ix->n ? ix->n : 1, 1);
    const S_rcpt **sel = NULL;
    size_t i, k, n = 0, nm;
    const int *members;
    int rc = 0;

    for (i = 0; i < nunits; i++) {
        S_rcpt *r = S_lookup(ix, plan, units[i]);
        if (!r) {
            rc = gw_err_set(err, GW_EINPUT, "sheets: --unit %s: no such unit in the plan's unit "
                            "directory (see `gongwen list units`)", units[i]);
            goto out;
        }
        if (S_closed_group(r->unit)) {
            members = gw_plan_group_members(plan, r->unit->id, &nm);
            for (k = 0; k < nm; k++) {
                S_rcpt *m = S_find_id(ix, members[k]);
                if (m)
                    want[m - ix->r] = 1;
            }
            continue;
        }
        if (r->n == 0)
            gw_warnf("sheets: --unit %s: the unit has no tasks in the plan, so it gets no sheet",
                     units[i]);
        want[r - ix->r] = 1;
    }
    sel = gw_xcalloc(ix->n ? ix->n : 1, sizeof *sel);
    for (i = 0; i < ix->n; i++)
        if (ix->r[i].no > 0 && (nunits == 0 || want[i]))
            sel[n++] = &ix->r[i];
out:
    free(want);
    if (rc) {
        free(sel);
        sel = NULL;
    }
    *out = sel;
    *nout = n;
    return rc;
}

