/* plan.c — the plan as the document builders and the importer see it: an
 * in-memory model with no SQL (plan.h).  The store fills one from the
 * record (gw_store_plan_load); the importer builds one from a text and hands
 * it to the store (gw_store_plan_save).  Every string and per-task array
 * lives in one arena freed by gw_plan_free. */
#include "plan.h"

#include "date.h"

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
    size_t n, cap;
} S_group;

typedef struct {
    const char *key, *value;
    int         is_default;
} S_meta;

struct gw_plan {
    gw_arena       *A;
    S_meta         *meta;
    size_t          nmeta, capmeta;
    gw_section     *secs;
    size_t          nsecs, capsecs;
    gw_task        *tasks;
    size_t          ntasks, captasks;
    gw_unit        *units;
    size_t          nunits, capunits;
    S_group        *groups;
    size_t          ngroups, capgroups;
    S_alias        *aliases;
    size_t          naliases, capaliases;
    gw_requirement *reqs;
    size_t          nreqs, capreqs;
    /* per-task arrays being grown (index = task) */
    size_t         *capas, *capms;
};

/* Room for element n of a malloc'd array of `size`-byte elements. */
static void *
S_room(void *arr, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return arr;
    *cap = *cap ? *cap * 2 : 16;
    return gw_xrealloc(arr, *cap * size);
}

/* Room for element n of an arena array (the old block stays in the arena
 * until gw_plan_free; arena arrays keep the borrowed pointers of the read
 * API stable as long as nothing is added). */
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

gw_plan *
gw_plan_new(void)
{
    gw_plan *p = gw_xcalloc(1, sizeof *p);
    p->A = gw_arena_new();
    return p;
}

const char *
gw_plan_str(gw_plan *p, const char *s)
{
    return gw_arena_strdup(p->A, s ? s : "");
}

static void
S_meta_put(gw_plan *p, const char *key, const char *value, int is_default)
{
    for (size_t i = 0; i < p->nmeta; i++)
        if (!strcmp(p->meta[i].key, key)) {
            if (is_default && !p->meta[i].is_default)
                return;     /* a default never replaces a value */
            p->meta[i].value = gw_plan_str(p, value);
            p->meta[i].is_default = is_default;
            return;
        }
    p->meta = S_room(p->meta, p->nmeta, &p->capmeta, sizeof *p->meta);
    p->meta[p->nmeta].key = gw_plan_str(p, key);
    p->meta[p->nmeta].value = gw_plan_str(p, value);
    p->meta[p->nmeta++].is_default = is_default;
}

void
gw_plan_set_meta(gw_plan *p, const char *key, const char *value)
{
    S_meta_put(p, key, value, 0);
}

void
gw_plan_set_meta_default(gw_plan *p, const char *key, const char *value)
{
    S_meta_put(p, key, value, 1);
}

size_t
gw_plan_meta_count(const gw_plan *p)
{
    return p->nmeta;
}

const char *
gw_plan_meta_at(const gw_plan *p, size_t i, const char **value, int *is_default)
{
    if (i >= p->nmeta)
        return NULL;
    if (value)
        *value = p->meta[i].value;
    if (is_default)
        *is_default = p->meta[i].is_default;
    return p->meta[i].key;
}

gw_section *
gw_plan_add_section(gw_plan *p)
{
    gw_section *x;
    p->secs = S_room(p->secs, p->nsecs, &p->capsecs, sizeof *p->secs);
    x = memset(&p->secs[p->nsecs++], 0, sizeof *x);
    x->label = x->title = "";
    return x;
}

gw_unit *
gw_plan_add_unit(gw_plan *p)
{
    gw_unit *u;
    p->units = S_room(p->units, p->nunits, &p->capunits, sizeof *p->units);
    u = memset(&p->units[p->nunits++], 0, sizeof *u);
    u->name = u->short_name = "";
    u->kind = "other";
    return u;
}

void
gw_plan_add_alias(gw_plan *p, const char *alias, int unit)
{
    p->aliases = S_room(p->aliases, p->naliases, &p->capaliases, sizeof *p->aliases);
    p->aliases[p->naliases].alias = gw_plan_str(p, alias);
    p->aliases[p->naliases++].unit = unit;
}

void
gw_plan_add_member(gw_plan *p, int group, int member)
{
    S_group *g = NULL;
    for (size_t i = 0; i < p->ngroups && !g; i++)
        if (p->groups[i].grp == group)
            g = &p->groups[i];
    if (!g) {
        p->groups = S_room(p->groups, p->ngroups, &p->capgroups, sizeof *p->groups);
        g = &p->groups[p->ngroups++];
        memset(g, 0, sizeof *g);
        g->grp = group;
    }
    g->members = S_grow(p, g->members, g->n, &g->cap, sizeof *g->members);
    g->members[g->n++] = member;
}

gw_task *
gw_plan_add_task(gw_plan *p)
{
    gw_task *t;
    size_t old = p->captasks;
    p->tasks = S_room(p->tasks, p->ntasks, &p->captasks, sizeof *p->tasks);
    if (p->captasks != old) {
        p->capas = gw_xrealloc(p->capas, p->captasks * sizeof *p->capas);
        p->capms = gw_xrealloc(p->capms, p->captasks * sizeof *p->capms);
    }
    p->capas[p->ntasks] = p->capms[p->ntasks] = 0;
    t = &p->tasks[p->ntasks++];
    memset(t, 0, sizeof *t);
    t->title = t->body = t->units_text = t->leader = "";
    return t;
}

void
gw_plan_task_assign(gw_plan *p, gw_task *t, int unit, int role, int pos)
{
    size_t k = (size_t)(t - p->tasks);
    gw_assignment *as = S_grow(p, (void *)t->assignments, t->nassignments, &p->capas[k],
                               sizeof *as);
    as[t->nassignments].unit = unit;
    as[t->nassignments].role = role;
    as[t->nassignments].pos = pos;
    t->assignments = as;
    t->nassignments++;
}

void
gw_plan_task_milestone(gw_plan *p, gw_task *t, const gw_milestone *m)
{
    size_t k = (size_t)(t - p->tasks);
    gw_milestone *ms = S_grow(p, (void *)t->milestones, t->nmilestones, &p->capms[k],
                              sizeof *ms);
    ms[t->nmilestones].due = gw_plan_str(p, m->due);
    ms[t->nmilestones].deadline = gw_plan_str(p, m->deadline);
    ms[t->nmilestones].description = gw_plan_str(p, m->description);
    ms[t->nmilestones].form = gw_plan_str(p, m->form);
    t->milestones = ms;
    t->nmilestones++;
}

gw_requirement *
gw_plan_add_requirement(gw_plan *p)
{
    gw_requirement *r;
    p->reqs = S_room(p->reqs, p->nreqs, &p->capreqs, sizeof *p->reqs);
    r = memset(&p->reqs[p->nreqs++], 0, sizeof *r);
    r->label = r->text = "";
    return r;
}

void
gw_plan_free(gw_plan *plan)
{
    if (!plan)
        return;
    gw_arena_free(plan->A);
    free(plan->meta);
    free(plan->secs);
    free(plan->tasks);
    free(plan->units);
    free(plan->groups);
    free(plan->aliases);
    free(plan->reqs);
    free(plan->capas);
    free(plan->capms);
    free(plan);
}

const char *
gw_plan_meta(const gw_plan *plan, const char *key)
{
    for (size_t i = 0; i < plan->nmeta; i++)
        if (!strcmp(plan->meta[i].key, key))
            return plan->meta[i].value;
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

const gw_task *
gw_plan_task_by_no(const gw_plan *plan, int no)
{
    /* the tasks are in the order of their numbers */
    size_t lo = 0, hi = plan->ntasks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (plan->tasks[mid].no == no)
            return &plan->tasks[mid];
        if (plan->tasks[mid].no < no)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
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

size_t
gw_plan_alias_count(const gw_plan *plan)
{
    return plan->naliases;
}

const char *
gw_plan_alias(const gw_plan *plan, size_t i, int *unit)
{
    if (i >= plan->naliases)
        return NULL;
    *unit = plan->aliases[i].unit;
    return plan->aliases[i].alias;
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
        if (strstr(plan->meta[i].value, ch)) {
            gw_buf_printf(out, "metadata key %s (gongwen set %s)", plan->meta[i].key,
                          plan->meta[i].key);
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
        if (strstr(t->title, ch) || strstr(t->body, ch) || strstr(t->units_text, ch) ||
            strstr(t->leader, ch)) {
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

int
gw_plan_task_involves(const gw_plan *plan, const gw_task *t, const gw_unit *u)
{
    for (size_t i = 0; i < t->nassignments; i++) {
        size_t nm;
        const int *m;
        if (t->assignments[i].unit == u->id)
            return 1;
        m = gw_plan_group_members(plan, t->assignments[i].unit, &nm);
        for (size_t k = 0; m && k < nm; k++)
            if (m[k] == u->id)
                return 1;
    }
    return 0;
}

void
gw_plan_task_name(const gw_task *t, gw_buf *b)
{
    const char *s = *t->title ? t->title : t->body;
    size_t i = 0, c = 0, cut = 0;
    gw_buf_clear(b);
    while (s[i] && c < 24) {
        /* a cut text ends before a 、，； when one falls in its second
         * half: 研究制定新建重点实验室、工程技术研究中心…… not …工程研 */
        if (c >= 12 && (!strncmp(s + i, "、", 3) || !strncmp(s + i, "，", 3)
                        || !strncmp(s + i, "；", 3)))
            cut = i;
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        c++;
    }
    if (!s[i] || *t->title) {
        gw_buf_put(b, s, i);
        return;
    }
    gw_buf_put(b, s, cut ? cut : i);
    gw_buf_puts(b, "……");       /* the Chinese ellipsis is two */
}

void
gw_quarter_add(int *y, int *q, int n)
{
    int k = *y * 4 + (*q - 1) + n;

    *y = k / 4;
    *q = k % 4 + 1;
}

int
gw_quarter_cmp(int y1, int q1, int y2, int q2)
{
    return (y1 * 4 + q1) - (y2 * 4 + q2);
}

int
gw_plan_schedule(const gw_plan *plan, int *y, int *q)
{
    const char *sign = gw_plan_meta(plan, "sign_date");
    gw_date d, m;
    int ly, lq, n;

    if (!sign || !gw_date_parse(sign, &d))
        return 0;
    *y = d.y;
    *q = (d.m - 1) / 3 + 1;
    /* signed after the quarter's report day: the first report is due a
     * quarter later, not before the plan reached the units */
    if (d.m == *q * 3 && d.d > GW_REPORT_DAY)
        gw_quarter_add(y, q, 1);
    ly = *y;
    lq = *q;
    for (size_t i = 0; i < gw_plan_task_count(plan); i++) {
        const gw_task *t = gw_plan_task(plan, i);
        for (size_t j = 0; j < t->nmilestones; j++) {
            int my, mq;
            if (!gw_date_parse(t->milestones[j].due, &m))
                continue;
            my = m.y;
            mq = (m.m - 1) / 3 + 1;
            if (gw_quarter_cmp(my, mq, ly, lq) > 0)
                ly = my, lq = mq;
        }
    }
    n = gw_quarter_cmp(ly, lq, *y, *q) + 1;
    return n < GW_REPORT_MIN ? GW_REPORT_MIN : n > GW_REPORT_MAX ? GW_REPORT_MAX : n;
}

int
gw_plan_schedule_check(const gw_plan *plan, int y, int q, const char *what, gw_err *err)
{
    int fy, fq, n = gw_plan_schedule(plan, &fy, &fq);

    if (n == 0)
        return gw_err_set(err, GW_EINPUT, "%s: the reporting schedule starts from the plan's "
                          "sign_date, which is not set: gongwen set sign_date 2017-05-12",
                          what);
    if (gw_quarter_cmp(y, q, fy, fq) < 0)
        return gw_err_set(err, GW_EINPUT, "%s: quarter %dQ%d is before the plan's first "
                          "reporting quarter %dQ%d (signed %s; units report on the %dth of "
                          "each quarter's last month, from the first such day after signing)",
                          what, y, q, fy, fq, gw_plan_meta(plan, "sign_date"), GW_REPORT_DAY);
    gw_quarter_add(&fy, &fq, n - 1);
    return gw_quarter_cmp(y, q, fy, fq) > 0;
}

/* Marks the characters of s in seen (one bit per code point below 0x110000). */
static void
S_mark(uint64_t *seen, const char *s)
{
    size_t n = s ? strlen(s) : 0, i = 0;
    while (i < n) {
        uint32_t cp;
        int l = gw_utf8_decode(s + i, n - i, &cp);
        if (l <= 0)
            break;
        i += (size_t)l;
        if (cp > ' ' && cp != 0x7F && cp != 0x3000 && (cp < 0x80 || cp > 0x9F))
            seen[cp >> 6] |= (uint64_t)1 << (cp & 63);
    }
}

size_t
gw_plan_chars(const gw_plan *plan, uint32_t **out)
{
    uint64_t *seen = gw_xcalloc(0x110000 / 64, sizeof *seen);
    uint32_t *cps;
    size_t n = 0, cap = 1024;

    for (size_t i = 0; i < plan->nmeta; i++)
        S_mark(seen, plan->meta[i].value);
    for (size_t i = 0; i < plan->nsecs; i++) {
        S_mark(seen, plan->secs[i].label);
        S_mark(seen, plan->secs[i].title);
    }
    for (size_t i = 0; i < plan->ntasks; i++) {
        const gw_task *t = &plan->tasks[i];
        S_mark(seen, t->title);
        S_mark(seen, t->body);
        S_mark(seen, t->units_text);
        S_mark(seen, t->leader);
        for (size_t k = 0; k < t->nmilestones; k++) {
            S_mark(seen, t->milestones[k].deadline);
            S_mark(seen, t->milestones[k].description);
            S_mark(seen, t->milestones[k].form);
        }
    }
    for (size_t i = 0; i < plan->nreqs; i++) {
        S_mark(seen, plan->reqs[i].label);
        S_mark(seen, plan->reqs[i].text);
    }
    for (size_t i = 0; i < plan->nunits; i++)
        S_mark(seen, plan->units[i].name);
    cps = gw_xmalloc(cap * sizeof *cps);
    for (uint32_t w = 0; w < 0x110000 / 64; w++)
        for (uint32_t b = 0; seen[w] && b < 64; b++)
            if (seen[w] >> b & 1) {
                if (n == cap)
                    cps = gw_xrealloc(cps, (cap *= 2) * sizeof *cps);
                cps[n++] = w * 64 + b;
            }
    free(seen);
    *out = cps;
    return n;
}
