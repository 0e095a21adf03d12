/* plan_io.c — the plan's queries: the record into a plan (gw_store_plan_load,
 * one read transaction) and a plan into the record (gw_store_plan_save, one
 * write transaction).  The model itself (plan.c) has no SQL. */
#include "store-imp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ------------------------------------------------------------------ load */

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
    int rc;
    if ((rc = gw_stmt_prepare(st, "SELECT key, value FROM meta ORDER BY key", &s, err)) < 0)
        goto out;
    while ((rc = gw_stmt_step(s, err)) == 1) {
        char what[160];
        const char *key = gw_stmt_text(s, 0), *value = gw_stmt_text(s, 1);
        snprintf(what, sizeof what, "metadata key %.60s (gongwen set %.60s)", key, key);
        if ((rc = S_text_ok(st, what, value, err)) < 0)
            goto out;
        gw_plan_set_meta(p, key, value);
    }
out:
    gw_stmt_free(s);
    return rc < 0 ? rc : 0;
}

static int
S_load_sections(gw_plan *p, gw_store *st, gw_err *err)
{
    gw_stmt *s = NULL;
    int rc;
    if ((rc = gw_stmt_prepare(st, "SELECT id, coalesce(parent, 0), level, ordinal, label, "
                              "title, is_requirements FROM section ORDER BY id", &s, err)) < 0)
        goto out;
    while ((rc = gw_stmt_step(s, err)) == 1) {
        gw_section *x = gw_plan_add_section(p);
        x->id = (int)gw_stmt_int(s, 0);
        x->parent = (int)gw_stmt_int(s, 1);
        x->level = (int)gw_stmt_int(s, 2);
        x->ordinal = (int)gw_stmt_int(s, 3);
        x->label = gw_plan_str(p, gw_stmt_text(s, 4));
        x->title = gw_plan_str(p, gw_stmt_text(s, 5));
        x->is_requirements = (int)gw_stmt_int(s, 6);
        if ((rc = S_text_ok(st, "a section", x->label, err)) < 0 ||
            (rc = S_text_ok(st, "a section", x->title, err)) < 0)
            goto out;
    }
out:
    gw_stmt_free(s);
    return rc < 0 ? rc : 0;
}

/* Units and groups in directory order, then the members of each group and
 * the other names of the units (unit_alias: 株洲市科学技术局 → 市科技局). */
static int
S_load_units(gw_plan *p, gw_store *st, gw_err *err)
{
    gw_stmt *s = NULL, *m = NULL, *a = NULL;
    int rc;
    if ((rc = gw_stmt_prepare(st, "SELECT id, name, short_name, kind, sort, is_group, "
                              "open_group, added_by_import FROM unit ORDER BY sort, id",
                              &s, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT grp, member FROM group_member ORDER BY grp, pos",
                              &m, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT alias, unit FROM unit_alias ORDER BY alias",
                              &a, err)) < 0)
        goto out;
    while ((rc = gw_stmt_step(s, err)) == 1) {
        gw_unit *u = gw_plan_add_unit(p);
        u->id = (int)gw_stmt_int(s, 0);
        u->name = gw_plan_str(p, gw_stmt_text(s, 1));
        u->short_name = gw_plan_str(p, gw_stmt_text(s, 2));
        u->kind = gw_plan_str(p, gw_stmt_text(s, 3));
        u->sort = (int)gw_stmt_int(s, 4);
        u->is_group = (int)gw_stmt_int(s, 5);
        u->open_group = (int)gw_stmt_int(s, 6);
        u->added = (int)gw_stmt_int(s, 7);
        if ((rc = S_text_ok(st, "the unit directory", u->name, err)) < 0 ||
            (rc = S_text_ok(st, "the unit directory", u->short_name, err)) < 0)
            goto out;
    }
    if (rc < 0)
        goto out;
    while ((rc = gw_stmt_step(m, err)) == 1) {
        const gw_unit *g = gw_plan_unit_by_id(p, (int)gw_stmt_int(m, 0));
        if (g && g->is_group)
            gw_plan_add_member(p, g->id, (int)gw_stmt_int(m, 1));
    }
    if (rc < 0)
        goto out;
    while ((rc = gw_stmt_step(a, err)) == 1)
        gw_plan_add_alias(p, gw_stmt_text(a, 0), (int)gw_stmt_int(a, 1));
out:
    gw_stmt_free(s);
    gw_stmt_free(m);
    gw_stmt_free(a);
    return rc < 0 ? rc : 0;
}

static int
S_load_tasks(gw_plan *p, gw_store *st, gw_err *err)
{
    gw_stmt *s = NULL, *a = NULL, *m = NULL;
    int rc;
    if ((rc = gw_stmt_prepare(st, "SELECT no, section, title, body, units_text, line, "
                              "leader FROM task ORDER BY no", &s, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "SELECT unit, role, pos FROM assignment WHERE task = ?1 "
                              "ORDER BY pos", &a, err)) < 0 ||
        /* a lead unit's schedule form replaces the plan text's deadlines
         * of that task (data/schema.sql, version 2) */
        (rc = gw_stmt_prepare(st, "SELECT due, deadline, description, form FROM milestone "
                              "WHERE task = ?1 AND origin = (SELECT CASE WHEN EXISTS "
                              "(SELECT 1 FROM milestone WHERE task = ?1 AND origin = 'form') "
                              "THEN 'form' ELSE 'plan' END) ORDER BY due, id", &m, err)) < 0)
        goto out;
    while ((rc = gw_stmt_step(s, err)) == 1) {
        gw_task *t = gw_plan_add_task(p);
        char what[32];
        t->no = (int)gw_stmt_int(s, 0);
        t->section = (int)gw_stmt_int(s, 1);
        t->title = gw_plan_str(p, gw_stmt_text(s, 2));
        t->body = gw_plan_str(p, gw_stmt_text(s, 3));
        t->units_text = gw_plan_str(p, gw_stmt_text(s, 4));
        t->line = (int)gw_stmt_int(s, 5);
        t->leader = gw_plan_str(p, gw_stmt_text(s, 6));
        snprintf(what, sizeof what, "task %d", t->no);
        if ((rc = S_text_ok(st, what, t->title, err)) < 0 ||
            (rc = S_text_ok(st, what, t->body, err)) < 0 ||
            (rc = S_text_ok(st, what, t->units_text, err)) < 0 ||
            (rc = S_text_ok(st, what, t->leader, err)) < 0)
            goto out;
        gw_stmt_reset(a);
        if ((rc = gw_stmt_bind_int(a, 1, t->no, err)) < 0)
            goto out;
        while ((rc = gw_stmt_step(a, err)) == 1)
            gw_plan_task_assign(p, t, (int)gw_stmt_int(a, 0),
                                strcmp(gw_stmt_text(a, 1), "lead") ? GW_ROLE_RESPONSIBLE
                                                                   : GW_ROLE_LEAD,
                                (int)gw_stmt_int(a, 2));
        if (rc < 0)
            goto out;
        gw_stmt_reset(m);
        if ((rc = gw_stmt_bind_int(m, 1, t->no, err)) < 0)
            goto out;
        while ((rc = gw_stmt_step(m, err)) == 1) {
            gw_milestone ms;
            ms.due = gw_stmt_text(m, 0);
            ms.deadline = gw_stmt_text(m, 1);
            ms.description = gw_stmt_text(m, 2);
            ms.form = gw_stmt_text(m, 3);
            if ((rc = S_text_ok(st, what, ms.deadline, err)) < 0 ||
                (rc = S_text_ok(st, what, ms.description, err)) < 0 ||
                (rc = S_text_ok(st, what, ms.form, err)) < 0)
                goto out;
            gw_plan_task_milestone(p, t, &ms);
        }
        if (rc < 0)
            goto out;
    }
out:
    gw_stmt_free(s);
    gw_stmt_free(a);
    gw_stmt_free(m);
    return rc < 0 ? rc : 0;
}

static int
S_load_reqs(gw_plan *p, gw_store *st, gw_err *err)
{
    gw_stmt *s = NULL;
    int rc;
    if ((rc = gw_stmt_prepare(st, "SELECT ordinal, label, text FROM requirement "
                              "ORDER BY ordinal", &s, err)) < 0)
        goto out;
    while ((rc = gw_stmt_step(s, err)) == 1) {
        gw_requirement *r = gw_plan_add_requirement(p);
        r->ordinal = (int)gw_stmt_int(s, 0);
        r->label = gw_plan_str(p, gw_stmt_text(s, 1));
        r->text = gw_plan_str(p, gw_stmt_text(s, 2));
        if ((rc = S_text_ok(st, "a work requirement", r->text, err)) < 0)
            goto out;
    }
out:
    gw_stmt_free(s);
    return rc < 0 ? rc : 0;
}

int
gw_store_plan_load(gw_store *st, gw_plan **out, gw_err *err)
{
    gw_plan *p = gw_plan_new();
    int rc, in_tx = 0;

    *out = NULL;
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
        (rc = S_load_units(p, st, err)) < 0 || (rc = S_load_tasks(p, st, err)) < 0 ||
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

/* ------------------------------------------------------------------ save */

/* The record's id of the unit with this exact name (0 when none). */
static int
S_unit_id(gw_store *st, const char *name, long long *id, gw_err *err)
{
    return gw_store_int(st, "SELECT id FROM unit WHERE name = ?1", name, 0, id, err);
}

/* Merges the plan's unit directory into the record: the shipped units are
 * upserted (directory order is their sort), units the import added are
 * created where missing (after every unit there is), then aliases and group
 * members.  ids[i] receives the record's id of p's i-th unit. */
static int
S_save_units(gw_store *st, const gw_plan *p, const char *source, long long *ids, gw_err *err)
{
    gw_stmt *u = NULL, *x = NULL, *a = NULL, *m = NULL;
    size_t n = gw_plan_unit_count(p);
    long long sort;
    int rc;

    if ((rc = gw_stmt_prepare(st,
            "INSERT INTO unit(name, short_name, kind, sort, is_group, open_group) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(name) DO UPDATE SET "
            "short_name = excluded.short_name, kind = excluded.kind, sort = excluded.sort, "
            "is_group = excluded.is_group, open_group = excluded.open_group, "
            "added_by_import = 0", &u, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT INTO unit(name, kind, sort, added_by_import) "
                              "VALUES (?1, ?2, ?3, 1)", &x, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT INTO unit_alias(alias, unit) VALUES (?1, ?2) "
                              "ON CONFLICT(alias) DO UPDATE SET unit = excluded.unit",
                              &a, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT OR REPLACE INTO group_member(grp, member, pos) "
                              "VALUES (?1, ?2, ?3)", &m, err)) < 0)
        goto out;
    for (size_t i = 0; i < n; i++) {
        const gw_unit *un = gw_plan_unit(p, i);
        if (un->added)
            continue;
        gw_stmt_reset(u);
        if ((rc = gw_stmt_bind_text(u, 1, un->name, err)) < 0 ||
            (rc = gw_stmt_bind_text(u, 2, un->short_name, err)) < 0 ||
            (rc = gw_stmt_bind_text(u, 3, un->kind, err)) < 0 ||
            (rc = gw_stmt_bind_int(u, 4, un->sort, err)) < 0 ||
            (rc = gw_stmt_bind_int(u, 5, un->is_group, err)) < 0 ||
            (rc = gw_stmt_bind_int(u, 6, un->open_group, err)) < 0 ||
            (rc = gw_stmt_step(u, err)) < 0 || (rc = S_unit_id(st, un->name, &ids[i], err)) < 0)
            goto out;
    }
    for (size_t i = 0; i < n; i++) {
        const gw_unit *un = gw_plan_unit(p, i);
        if (!un->added)
            continue;
        if ((rc = S_unit_id(st, un->name, &ids[i], err)) < 0)
            goto out;
        if (ids[i])
            continue;
        if ((rc = gw_store_int(st, "SELECT coalesce(max(sort), 0) + 1 FROM unit", NULL, 1,
                               &sort, err)) < 0)
            goto out;
        gw_stmt_reset(x);
        if ((rc = gw_stmt_bind_text(x, 1, un->name, err)) < 0 ||
            (rc = gw_stmt_bind_text(x, 2, un->kind, err)) < 0 ||
            (rc = gw_stmt_bind_int(x, 3, sort, err)) < 0 || (rc = gw_stmt_step(x, err)) < 0 ||
            (rc = S_unit_id(st, un->name, &ids[i], err)) < 0)
            goto out;
        gw_warnf("%s:%d:%d: unknown unit %s added to the unit directory (kind %s)", source,
                 un->line, un->col, un->name, un->kind);
    }
    for (size_t i = 0; i < n; i++) {
        const gw_unit *un = gw_plan_unit(p, i);
        const int *mem;
        size_t nm;
        if (!un->is_group || !(mem = gw_plan_group_members(p, un->id, &nm)))
            continue;
        for (size_t k = 0; k < nm; k++) {
            const gw_unit *mu = gw_plan_unit_by_id(p, mem[k]);
            gw_stmt_reset(m);
            if ((rc = gw_stmt_bind_int(m, 1, ids[i], err)) < 0 ||
                (rc = gw_stmt_bind_int(m, 2, mu ? ids[mu - gw_plan_unit(p, 0)] : 0, err)) < 0 ||
                (rc = gw_stmt_bind_int(m, 3, (long long)k + 1, err)) < 0 ||
                (rc = gw_stmt_step(m, err)) < 0)
                goto out;
        }
    }
    for (size_t i = 0; i < gw_plan_alias_count(p); i++) {
        int unit;
        const char *alias = gw_plan_alias(p, i, &unit);
        const gw_unit *au = gw_plan_unit_by_id(p, unit);
        gw_stmt_reset(a);
        if (!au)
            continue;
        if ((rc = gw_stmt_bind_text(a, 1, alias, err)) < 0 ||
            (rc = gw_stmt_bind_int(a, 2, ids[au - gw_plan_unit(p, 0)], err)) < 0 ||
            (rc = gw_stmt_step(a, err)) < 0)
            goto out;
    }
    rc = 0;
out:
    gw_stmt_free(u);
    gw_stmt_free(x);
    gw_stmt_free(a);
    gw_stmt_free(m);
    return rc;
}

static int
S_save_content(gw_store *st, const gw_plan *p, const char *source, const long long *ids,
               gw_err *err)
{
    gw_stmt *ss = NULL, *ts = NULL, *as = NULL, *ms = NULL, *rs = NULL;
    int rc;

    /* the forms' milestones and the progress reports outlive the plan */
    if ((rc = gw_store_exec(st, "DELETE FROM assignment; DELETE FROM milestone WHERE origin = "
                            "'plan'; DELETE FROM task; DELETE FROM requirement; "
                            "DELETE FROM section;", err)) < 0)
        goto out;
    if ((rc = gw_stmt_prepare(st, "INSERT INTO section(id, parent, level, ordinal, label, "
                              "title, is_requirements) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                              &ss, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT INTO task(no, section, title, body, units_text, "
                              "line, leader) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &ts, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT INTO assignment(task, pos, unit, role) VALUES "
                              "(?1, ?2, ?3, ?4)", &as, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT INTO milestone(task, origin, due, deadline, "
                              "description, form) VALUES (?1, 'plan', ?2, ?3, ?4, ?5)", &ms,
                              err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT INTO requirement(ordinal, label, text) VALUES "
                              "(?1, ?2, ?3)", &rs, err)) < 0)
        goto out;
    for (size_t i = 0; i < gw_plan_section_count(p); i++) {
        const gw_section *s = gw_plan_section(p, i);
        gw_stmt_reset(ss);
        if ((rc = gw_stmt_bind_int(ss, 1, s->id, err)) < 0 ||
            (s->parent && (rc = gw_stmt_bind_int(ss, 2, s->parent, err)) < 0) ||
            (rc = gw_stmt_bind_int(ss, 3, s->level, err)) < 0 ||
            (rc = gw_stmt_bind_int(ss, 4, s->ordinal, err)) < 0 ||
            (rc = gw_stmt_bind_text(ss, 5, s->label, err)) < 0 ||
            (rc = gw_stmt_bind_text(ss, 6, s->title, err)) < 0 ||
            (rc = gw_stmt_bind_int(ss, 7, s->is_requirements, err)) < 0 ||
            (rc = gw_stmt_step(ss, err)) < 0)
            goto out;
    }
    for (size_t i = 0; i < gw_plan_task_count(p); i++) {
        const gw_task *t = gw_plan_task(p, i);
        gw_stmt_reset(ts);
        if ((rc = gw_stmt_bind_int(ts, 1, t->no, err)) < 0 ||
            (rc = gw_stmt_bind_int(ts, 2, t->section, err)) < 0 ||
            (rc = gw_stmt_bind_text(ts, 3, t->title, err)) < 0 ||
            (rc = gw_stmt_bind_text(ts, 4, t->body, err)) < 0 ||
            (rc = gw_stmt_bind_text(ts, 5, t->units_text, err)) < 0 ||
            (rc = gw_stmt_bind_int(ts, 6, t->line, err)) < 0 ||
            (rc = gw_stmt_bind_text(ts, 7, t->leader, err)) < 0 ||
            (rc = gw_stmt_step(ts, err)) < 0)
            goto out;
        for (size_t k = 0; k < t->nassignments; k++) {
            const gw_assignment *x = &t->assignments[k];
            const gw_unit *un = gw_plan_unit_by_id(p, x->unit);
            gw_stmt_reset(as);
            if ((rc = gw_stmt_bind_int(as, 1, t->no, err)) < 0 ||
                (rc = gw_stmt_bind_int(as, 2, x->pos, err)) < 0 ||
                (rc = gw_stmt_bind_int(as, 3, un ? ids[un - gw_plan_unit(p, 0)] : 0, err)) < 0 ||
                (rc = gw_stmt_bind_text(as, 4, x->role == GW_ROLE_LEAD ? "lead" : "responsible",
                                        err)) < 0 ||
                (rc = gw_stmt_step(as, err)) < 0) {
                if (rc == GW_EIO)
                    gw_err_prefix(err, "%s:%d: task %d", source, t->line, t->no);
                goto out;
            }
        }
        if ((rc = gw_store_milestone_rows(ms, t, err)) < 0)
            goto out;
    }
    for (size_t i = 0; i < gw_plan_requirement_count(p); i++) {
        const gw_requirement *r = gw_plan_requirement(p, i);
        gw_stmt_reset(rs);
        if ((rc = gw_stmt_bind_int(rs, 1, r->ordinal, err)) < 0 ||
            (rc = gw_stmt_bind_text(rs, 2, r->label, err)) < 0 ||
            (rc = gw_stmt_bind_text(rs, 3, r->text, err)) < 0 ||
            (rc = gw_stmt_step(rs, err)) < 0)
            goto out;
    }
    rc = 0;
out:
    gw_stmt_free(ss);
    gw_stmt_free(ts);
    gw_stmt_free(as);
    gw_stmt_free(ms);
    gw_stmt_free(rs);
    return rc;
}

/* The plan row, the metadata (defaults only where unset), and a warning for
 * progress reports whose task the new plan does not have. */
static int
S_save_rest(gw_store *st, const gw_plan *p, const char *source, gw_err *err)
{
    gw_stmt *ps = NULL, *orphans = NULL;
    gw_buf cur;
    char when[32];
    time_t now = time(NULL);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    struct tm tmv;
    int rc;

    gw_buf_init(&cur);
    /* Reproducible records: SOURCE_DATE_EPOCH stands in for "now". */
    if (sde && *sde)
        now = (time_t)strtoll(sde, NULL, 10);
    gmtime_r(&now, &tmv);
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    if ((rc = gw_stmt_prepare(st, "INSERT OR REPLACE INTO plan(id, source, imported_at) "
                              "VALUES (1, ?1, ?2)", &ps, err)) < 0 ||
        (rc = gw_stmt_bind_text(ps, 1, source, err)) < 0 ||
        (rc = gw_stmt_bind_text(ps, 2, when, err)) < 0 || (rc = gw_stmt_step(ps, err)) < 0)
        goto out;
    for (size_t i = 0; i < gw_plan_meta_count(p); i++) {
        const char *value, *key;
        int dflt;
        key = gw_plan_meta_at(p, i, &value, &dflt);
        if (dflt && (rc = gw_store_meta_get(st, key, &cur, err)) != 0) {
            if (rc < 0)
                goto out;
            continue;       /* a default never replaces a value */
        }
        if ((rc = gw_store_meta_put(st, key, value, err)) < 0)
            goto out;
    }
    if ((rc = gw_stmt_prepare(st, "SELECT task_no, count(*) FROM progress WHERE task_no "
                              "NOT IN (SELECT no FROM task) GROUP BY task_no ORDER BY task_no",
                              &orphans, err)) < 0)
        goto out;
    while ((rc = gw_stmt_step(orphans, err)) == 1)
        gw_warnf("%s: %lld progress report(s) for task %lld, which the new plan does not "
                 "have; they are kept", source, gw_stmt_int(orphans, 1),
                 gw_stmt_int(orphans, 0));
    if (rc < 0)
        goto out;
    gw_stmt_free(orphans);
    if ((rc = gw_stmt_prepare(st, "SELECT task, count(*) FROM milestone WHERE origin = 'form' "
                              "AND task NOT IN (SELECT no FROM task) GROUP BY task ORDER BY task",
                              &orphans, err)) < 0)
        goto out;
    while ((rc = gw_stmt_step(orphans, err)) == 1)
        gw_warnf("%s: %lld milestone(s) from a schedule form for task %lld, which the new "
                 "plan does not have; they are kept", source, gw_stmt_int(orphans, 1),
                 gw_stmt_int(orphans, 0));
out:
    gw_stmt_free(ps);
    gw_stmt_free(orphans);
    gw_buf_free(&cur);
    return rc < 0 ? rc : 0;
}

int
gw_store_plan_save(gw_store *st, const gw_plan *p, const char *source, gw_err *err)
{
    long long *ids = gw_xcalloc(gw_plan_unit_count(p) + 1, sizeof *ids);
    int rc, in_tx = 0;

    if ((rc = gw_store_begin(st, err)) < 0)
        goto out;
    in_tx = 1;
    if ((rc = S_save_units(st, p, source, ids, err)) < 0 ||
        (rc = S_save_content(st, p, source, ids, err)) < 0 ||
        (rc = S_save_rest(st, p, source, err)) < 0)
        goto out;
    rc = gw_store_commit(st, err);
    in_tx = 0;
out:
    if (in_tx)
        gw_store_rollback(st);
    free(ids);
    return rc;
}
