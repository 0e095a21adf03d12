/* plan.c — a read-only snapshot of the record for the document builders
 * (plan.h), loaded in one read transaction through the store's statements.
 * Every string and array lives in one arena freed by gw_plan_free. */
#include "plan.h"
#include "store.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *alias;
    int         unit;
} S_alias;

typedef struct {
    int    grp;
    int   *members;
    size_t n;
} S_group;

struct gw_plan {
    gw_arena       *A;
    const char    **keys, **values;
    size_t          nmeta;
    gw_section     *secs;
    size_t          nsecs;
    gw_task        *tasks;
    size_t          ntasks;
    gw_unit        *units;
    size_t          nunits;
    S_group        *groups;
    size_t          ngroups;
    S_alias        *aliases;
    size_t          naliases;
    gw_requirement *reqs;
    size_t          nreqs;
};

/* Counts rows of a table (fixed names only, never input). */
static int
S_count(gw_store *st, const char *sql, size_t *n, gw_err *err)
{
    long long v = 0;
    int rc = gw_store_int(st, sql, NULL, 0, &v, err);
    *n = (size_t)(v > 0 ? v : 0);
    return rc;
}

/* Room for element n of an arena array of `size`-byte elements with *cap
 * slots: arr itself, or a copy with twice the slots (the old block stays in
 * the arena until gw_plan_free). */
static void *
S_grow(gw_plan *p, void *arr, size_t n, size_t *cap, size_t size)
{
    void *bigger;
    if (arr && n < *cap)
        return arr;
    *cap = *cap ? *cap * 2 : 8;
    bigger = gw_arena_alloc(p->A, *cap * size);
    if (n)
        memcpy(bigger, arr, n * size);
    return bigger;
}

static const char *
S_dup(gw_plan *p, gw_stmt *s, int col)
{
    return gw_arena_strdup(p->A, gw_stmt_text(s, col));
}

/* Text written into the database by another program (sqlite3) can hold
 * what `set` and the importer refuse; the documents would then be
 * ill-formed XML.  0, or GW_EINPUT naming the record and the character. */
static int
S_text_ok(gw_store *st, const char *what, const char *text, gw_err *err)
{
    uint32_t cp;
    char d[64];
    long bad = gw_text_bad(text, strlen(text), GW_TEXT_LF | GW_TEXT_CR | GW_TEXT_TAB, &cp);
    if (bad < 0)
        return 0;
    return gw_err_set(err, GW_EINPUT, "%s: %s holds %s at byte %ld; it has no place in a "
                      "document", gw_store_path(st), what, gw_text_describe(cp, d, sizeof d),
                      bad + 1);
}

static int
S_load_meta(gw_plan *p, gw_store *st, gw_err *err)
{
    gw_stmt *s = NULL;
    size_t i = 0;
    int rc;
    if ((rc = S_count(st, "SELECT count(*) FROM meta", &p->nmeta, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT key, value FROM meta ORDER BY key", &s, err)) < 0)
        goto out;
    p->keys = gw_arena_alloc(p->A, (p->nmeta + 1) * sizeof *p->keys);
    p->values = gw_arena_alloc(p->A, (p->nmeta + 1) * sizeof *p->values);
    while (i < p->nmeta && (rc = gw_stmt_step(s, err)) == 1) {
        char what[160];
        p->keys[i] = S_dup(p, s, 0);
        p->values[i] = S_dup(p, s, 1);
        snprintf(what, sizeof what, "metadata key %.60s (gongwen set %.60s)", p->keys[i],
                 p->keys[i]);
        if ((rc = S_text_ok(st, what, p->values[i], err)) < 0)
            goto out;
        i++;
    }
    p->nmeta = i;
    rc = rc < 0 ? rc : 0;
out:
    gw_stmt_free(s);
    return rc;
}

static int
S_load_sections(gw_plan *p, gw_store *st, gw_err *err)
{
    gw_stmt *s = NULL;
    size_t i = 0;
    int rc;
    if ((rc = S_count(st, "SELECT count(*) FROM section", &p->nsecs, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT id, coalesce(parent, 0), level, ordinal, label, "
                              "title, is_requirements FROM section ORDER BY id", &s, err)) < 0)
        goto out;
    p->secs = gw_arena_alloc(p->A, (p->nsecs + 1) * sizeof *p->secs);
    while (i < p->nsecs && (rc = gw_stmt_step(s, err)) == 1) {
        gw_section *x = &p->secs[i++];
        x->id = (int)gw_stmt_int(s, 0);
        x->parent = (int)gw_stmt_int(s, 1);
        x->level = (int)gw_stmt_int(s, 2);
        x->ordinal = (int)gw_stmt_int(s, 3);
        x->label = S_dup(p, s, 4);
        x->title = S_dup(p, s, 5);
        x->is_requirements = (int)gw_stmt_int(s, 6);
    }
    p->nsecs = i;
    rc = rc < 0 ? rc : 0;
out:
    gw_stmt_free(s);
    return rc;
}

static int
S_load_units(gw_plan *p, gw_store *st, gw_err *err)
{
    gw_stmt *s = NULL, *m = NULL;
    size_t i = 0;
    int rc;
    if ((rc = S_count(st, "SELECT count(*) FROM unit", &p->nunits, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT id, name, short_name, kind, sort, is_group, "
                              "open_group FROM unit ORDER BY sort, id", &s, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT member FROM group_member WHERE grp = ?1 "
                              "ORDER BY pos", &m, err)) < 0)
        goto out;
    p->units = gw_arena_alloc(p->A, (p->nunits + 1) * sizeof *p->units);
    p->groups = gw_arena_alloc(p->A, (p->nunits + 1) * sizeof *p->groups);
    while (i < p->nunits && (rc = gw_stmt_step(s, err)) == 1) {
        gw_unit *u = &p->units[i++];
        u->id = (int)gw_stmt_int(s, 0);
        u->name = S_dup(p, s, 1);
        u->short_name = S_dup(p, s, 2);
        u->kind = S_dup(p, s, 3);
        u->sort = (int)gw_stmt_int(s, 4);
        u->is_group = (int)gw_stmt_int(s, 5);
        u->open_group = (int)gw_stmt_int(s, 6);
    }
    if (rc < 0)
        goto out;
    p->nunits = i;
    for (i = 0; i < p->nunits; i++) {
        S_group *g;
        size_t cap = 0;
        if (!p->units[i].is_group)
            continue;
        g = &p->groups[p->ngroups++];
        g->grp = p->units[i].id;
        gw_stmt_reset(m);
        if ((rc = gw_stmt_bind_int(m, 1, g->grp, err)) < 0)
            goto out;
        while ((rc = gw_stmt_step(m, err)) == 1) {
            g->members = S_grow(p, g->members, g->n, &cap, sizeof *g->members);
            g->members[g->n++] = (int)gw_stmt_int(m, 0);
        }
        if (rc < 0)
            goto out;
    }
    rc = 0;
out:
    gw_stmt_free(s);
    gw_stmt_free(m);
    return rc;
}

/* Other names of the units (unit_alias): 株洲市科学技术局 → 市科技局. */
static int
S_load_aliases(gw_plan *p, gw_store *st, gw_err *err)
{
    gw_stmt *s = NULL;
    size_t i = 0;
    int rc;
    if ((rc = S_count(st, "SELECT count(*) FROM unit_alias", &p->naliases, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT alias, unit FROM unit_alias ORDER BY alias",
                              &s, err)) < 0)
        goto out;
    p->aliases = gw_arena_alloc(p->A, (p->naliases + 1) * sizeof *p->aliases);
    while (i < p->naliases && (rc = gw_stmt_step(s, err)) == 1) {
        p->aliases[i].alias = S_dup(p, s, 0);
        p->aliases[i].unit = (int)gw_stmt_int(s, 1);
        i++;
    }
    p->naliases = i;
    rc = rc < 0 ? rc : 0;
out:
    gw_stmt_free(s);
    return rc;
}

static int
S_load_tasks(gw_plan *p, gw_store *st, gw_err *err)
{
    gw_stmt *s = NULL, *a = NULL, *m = NULL;
    size_t i = 0;
    int rc;
    if ((rc = S_count(st, "SELECT count(*) FROM task", &p->ntasks, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT no, section, title, body, units_text FROM task "
                              "ORDER BY no", &s, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT unit, role, pos FROM assignment WHERE task = ?1 "
                              "ORDER BY pos", &a, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT due, deadline, description, form FROM milestone "
                              "WHERE task = ?1 ORDER BY due, id", &m, err)) < 0)
        goto out;
    p->tasks = gw_arena_alloc(p->A, (p->ntasks + 1) * sizeof *p->tasks);
    while (i < p->ntasks && (rc = gw_stmt_step(s, err)) == 1) {
        gw_task *t = &p->tasks[i++];
        /* never NULL, even when empty */
        size_t n = 0, cap = 0, mcap = 0;
        gw_assignment *as = S_grow(p, NULL, 0, &cap, sizeof *as);
        gw_milestone *ms = S_grow(p, NULL, 0, &mcap, sizeof *ms);

        t->no = (int)gw_stmt_int(s, 0);
        t->section = (int)gw_stmt_int(s, 1);
        t->title = S_dup(p, s, 2);
        t->body = S_dup(p, s, 3);
        t->units_text = S_dup(p, s, 4);
        {
            char what[32];
            snprintf(what, sizeof what, "task %d", t->no);
            if ((rc = S_text_ok(st, what, t->title, err)) < 0 ||
                (rc = S_text_ok(st, what, t->body, err)) < 0 ||
                (rc = S_text_ok(st, what, t->units_text, err)) < 0)
                goto out;
        }
        gw_stmt_reset(a);
        if ((rc = gw_stmt_bind_int(a, 1, t->no, err)) < 0)
            goto out;
        while ((rc = gw_stmt_step(a, err)) == 1) {
            as = S_grow(p, as, n, &cap, sizeof *as);
            as[n].unit = (int)gw_stmt_int(a, 0);
            as[n].role = strcmp(gw_stmt_text(a, 1), "lead") ? GW_ROLE_RESPONSIBLE
                                                            : GW_ROLE_LEAD;
            as[n].pos = (int)gw_stmt_int(a, 2);
            n++;
        }
        if (rc < 0)
            goto out;
        t->assignments = as;
        t->nassignments = n;
        n = 0;
        gw_stmt_reset(m);
        if ((rc = gw_stmt_bind_int(m, 1, t->no, err)) < 0)
            goto out;
        while ((rc = gw_stmt_step(m, err)) == 1) {
            ms = S_grow(p, ms, n, &mcap, sizeof *ms);
            ms[n].due = S_dup(p, m, 0);
            ms[n].deadline = S_dup(p, m, 1);
            ms[n].description = S_dup(p, m, 2);
            ms[n].form = S_dup(p, m, 3);
            n++;
        }
        if (rc < 0)
            goto out;
        t->milestones = ms;
        t->nmilestones = n;
    }
    p->ntasks = i;
    rc = rc < 0 ? rc : 0;
out:
    gw_stmt_free(s);
    gw_stmt_free(a);
    gw_stmt_free(m);
    return rc;
}

static int
S_load_reqs(gw_plan *p, gw_store *st, gw_err *err)
{
    gw_stmt *s = NULL;
    size_t i = 0;
    int rc;
    if ((rc = S_count(st, "SELECT count(*) FROM requirement", &p->nreqs, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT ordinal, label, text FROM requirement "
                              "ORDER BY ordinal", &s, err)) < 0)
        goto out;
    p->reqs = gw_arena_alloc(p->A, (p->nreqs + 1) * sizeof *p->reqs);
    while (i < p->nreqs && (rc = gw_stmt_step(s, err)) == 1) {
        p->reqs[i].ordinal = (int)gw_stmt_int(s, 0);
        p->reqs[i].label = S_dup(p, s, 1);
        p->reqs[i].text = S_dup(p, s, 2);
        i++;
    }
    p->nreqs = i;
    rc = rc < 0 ? rc : 0;
out:
    gw_stmt_free(s);
    return rc;
}

int
gw_plan_load(gw_store *st, gw_plan **out, gw_err *err)
{
    gw_plan *p = gw_xcalloc(1, sizeof *p);
    int rc, in_tx = 0;

    *out = NULL;
    p->A = gw_arena_new();
    if ((rc = gw_store_has_plan(st, err)) < 0)
        goto out;
    if (rc == 0) {
        rc = gw_err_set(err, GW_EINPUT, "%s: the database holds no plan (run `gongwen "
                        "import plan FILE --db %s`)", gw_store_path(st), gw_store_path(st));
        goto out;
    }
    /* One read transaction: the snapshot is consistent even while another
     * process imports. */
    if ((rc = gw_store_exec(st, "BEGIN", err)) < 0)
        goto out;
    in_tx = 1;
    if ((rc = S_load_meta(p, st, err)) < 0 || (rc = S_load_sections(p, st, err)) < 0 ||
        (rc = S_load_units(p, st, err)) < 0 || (rc = S_load_aliases(p, st, err)) < 0 ||
        (rc = S_load_tasks(p, st, err)) < 0 ||
        (rc = S_load_reqs(p, st, err)) < 0)
        goto out;
    rc = gw_store_commit(st, err);
    in_tx = 0;
out:
    if (in_tx)
        gw_store_rollback(st);
    if (rc < 0)
        gw_plan_free(p);
    else
        *out = p;
    return rc;
}

void
gw_plan_free(gw_plan *plan)
{
    if (!plan)
        return;
    gw_arena_free(plan->A);
    free(plan);
}

const char *
gw_plan_meta(const gw_plan *plan, const char *key)
{
    for (size_t i = 0; i < plan->nmeta; i++)
        if (!strcmp(plan->keys[i], key))
            return plan->values[i];
    return NULL;
}

size_t
gw_plan_section_count(const gw_plan *plan)
{
    return plan->nsecs;
}

const gw_section *
gw_plan_section(const gw_plan *plan, size_t i)
{
    return i < plan->nsecs ? &plan->secs[i] : NULL;
}

const gw_section *
gw_plan_section_by_id(const gw_plan *plan, int id)
{
    for (size_t i = 0; i < plan->nsecs; i++)
        if (plan->secs[i].id == id)
            return &plan->secs[i];
    return NULL;
}

size_t
gw_plan_task_count(const gw_plan *plan)
{
    return plan->ntasks;
}

const gw_task *
gw_plan_task(const gw_plan *plan, size_t i)
{
    return i < plan->ntasks ? &plan->tasks[i] : NULL;
}

size_t
gw_plan_unit_count(const gw_plan *plan)
{
    return plan->nunits;
}

const gw_unit *
gw_plan_unit(const gw_plan *plan, size_t i)
{
    return i < plan->nunits ? &plan->units[i] : NULL;
}

const gw_unit *
gw_plan_unit_by_id(const gw_plan *plan, int id)
{
    for (size_t i = 0; i < plan->nunits; i++)
        if (plan->units[i].id == id)
            return &plan->units[i];
    return NULL;
}

const gw_unit *
gw_plan_unit_lookup(const gw_plan *plan, const char *name)
{
    size_t i;
    if (!name || !*name)
        return NULL;
    for (i = 0; i < plan->nunits; i++)
        if (!strcmp(plan->units[i].name, name))
            return &plan->units[i];
    for (i = 0; i < plan->nunits; i++)
        if (*plan->units[i].short_name && !strcmp(plan->units[i].short_name, name))
            return &plan->units[i];
    for (i = 0; i < plan->naliases; i++)
        if (!strcmp(plan->aliases[i].alias, name))
            return gw_plan_unit_by_id(plan, plan->aliases[i].unit);
    return NULL;
}

const int *
gw_plan_group_members(const gw_plan *plan, int group_id, size_t *n)
{
    for (size_t i = 0; i < plan->ngroups; i++)
        if (plan->groups[i].grp == group_id) {
            *n = plan->groups[i].n;
            return plan->groups[i].members;
        }
    *n = 0;
    return NULL;
}

size_t
gw_plan_requirement_count(const gw_plan *plan)
{
    return plan->nreqs;
}

const gw_requirement *
gw_plan_requirement(const gw_plan *plan, size_t i)
{
    return i < plan->nreqs ? &plan->reqs[i] : NULL;
}

int
gw_plan_where(const gw_plan *plan, uint32_t cp, gw_buf *out)
{
    char ch[8];
    gw_buf_clear(out);
    ch[gw_utf8_encode(cp, ch)] = '\0';
    for (size_t i = 0; i < plan->nmeta; i++)
        if (strstr(plan->values[i], ch)) {
            gw_buf_printf(out, "metadata key %s (gongwen set %s)", plan->keys[i],
                          plan->keys[i]);
            return 1;
        }
    for (size_t i = 0; i < plan->nsecs; i++)
        if (strstr(plan->secs[i].title, ch) || strstr(plan->secs[i].label, ch)) {
            gw_buf_printf(out, "section %s%s", plan->secs[i].label,
                          plan->secs[i].title);
            return 1;
        }
    for (size_t i = 0; i < plan->ntasks; i++) {
        const gw_task *t = &plan->tasks[i];
        if (strstr(t->title, ch) || strstr(t->body, ch) || strstr(t->units_text, ch)) {
            gw_buf_printf(out, "task %d", t->no);
            return 1;
        }
        for (size_t k = 0; k < t->nmilestones; k++)
            if (strstr(t->milestones[k].deadline, ch) ||
                strstr(t->milestones[k].description, ch) || strstr(t->milestones[k].form, ch)) {
                gw_buf_printf(out, "task %d, milestone %zu", t->no, k + 1);
                return 1;
            }
    }
    for (size_t i = 0; i < plan->nreqs; i++)
        if (strstr(plan->reqs[i].text, ch)) {
            gw_buf_printf(out, "work requirement %s", plan->reqs[i].label);
            return 1;
        }
    for (size_t i = 0; i < plan->nunits; i++)
        if (strstr(plan->units[i].name, ch) || strstr(plan->units[i].short_name, ch)) {
            gw_buf_printf(out, "unit %s", plan->units[i].name);
            return 1;
        }
    return 0;
}

void
gw_plan_explain(const gw_plan *plan, gw_err *err)
{
    gw_buf where;
    const char *what;
    if (!plan || !err || !err->cp || !(what = strstr(err->msg, "character U+")))
        return;
    gw_buf_init(&where);
    if (gw_plan_where(plan, err->cp, &where)) {
        char tail[sizeof err->msg];
        uint32_t cp = err->cp;
        snprintf(tail, sizeof tail, "%s", what);
        gw_err_set(err, err->code, "%s: %s", where.ptr, tail);
        err->cp = cp;
    }
    gw_buf_free(&where);
}
