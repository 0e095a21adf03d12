/* cli_plan.c — the record's commands: import, list, export, set. */
#include "cli_common.h"
#include "import.h"
#include "meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


int
gw_cmd_import(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    int rc;
    gw_import_opts opts = {0};
    gw_store *st = NULL;
    gw_plan *p = NULL;
    const char *name;

    if ((rc = gw_cli_parse(argc, argv, GW_CLI_ALL_LEAD | GW_CLI_QUARTER | GW_CLI_ENCODING |
                           GW_CLI_UNITS_FILE, 2, &a, err)) < 0)
        return rc;
    if (a.npos == 2 && (!strcmp(a.pos[0], "milestones") || !strcmp(a.pos[0], "progress")))
        return gw_cli_import_form(&a, err);
    if (a.npos != 2 || strcmp(a.pos[0], "plan"))
        return gw_err_set(err, GW_EUSAGE, "import: expected `import plan|milestones|progress "
                          "FILE`");
    opts.all_lead = a.all_lead;
    opts.units = a.units_file;
    name = strcmp(a.pos[1], "-") ? a.pos[1] : "<stdin>";
    /* The whole text is parsed before the database is opened: a bad file
     * leaves no trace, not even a new empty database. */
    if ((rc = gw_import_plan_file(a.pos[1], &opts, &p, err)) < 0 ||
        (rc = gw_cli_mkdir_for(a.db, err)) < 0 || (rc = gw_store_open(&st, a.db, err)) < 0 ||
        (rc = gw_store_plan_save(st, p, name, err)) < 0)
        goto out;
    gw_cli_note_imported(p, name, a.db);
out:
    gw_store_close(st);
    gw_plan_free(p);
    return rc;
}

/* The units of task t with role, joined by 、 into b (cleared first). */
static void
S_units(const gw_plan *p, const gw_task *t, int role, gw_buf *b)
{
    gw_buf_clear(b);
    for (size_t i = 0; i < t->nassignments; i++) {
        const gw_unit *u;
        if (t->assignments[i].role != role)
            continue;
        u = gw_plan_unit_by_id(p, t->assignments[i].unit);
        if (b->len)
            gw_buf_puts(b, "、");
        gw_buf_puts(b, u ? u->name : "?");
    }
}

static void
S_deadlines(const gw_task *t, gw_buf *b)
{
    gw_buf_clear(b);
    for (size_t i = 0; i < t->nmilestones; i++) {
        if (!*t->milestones[i].deadline)
            continue;
        if (b->len)
            gw_buf_puts(b, "、");
        gw_buf_puts(b, t->milestones[i].deadline);
    }
}

/* The full task text: short title and body (without the unit list). */
static void
S_task_text(const gw_task *t, gw_buf *b)
{
    gw_buf_clear(b);
    if (*t->title) {
        gw_buf_puts(b, t->title);
        gw_buf_puts(b, "。");
    }
    gw_buf_puts(b, t->body);
}

/* The first n characters of s, with … when cut. */
static void
S_excerpt(const char *s, size_t n, gw_buf *b)
{
    size_t i = 0, c = 0;
    uint32_t cp;
    while (s[i] && c < n) {
        int k = gw_utf8_decode(s + i, strlen(s + i), &cp);
        i += k > 0 ? (size_t)k : 1;
        c++;
    }
    gw_buf_put(b, s, i);
    if (s[i])
        gw_buf_puts(b, "…");
}

static void
S_list_tasks(const gw_plan *p)
{
    gw_buf b, l;
    int last_sec = -1;
    gw_buf_init(&b);
    gw_buf_init(&l);
    for (size_t i = 0; i < gw_plan_task_count(p); i++) {
        const gw_task *t = gw_plan_task(p, i);
        if (t->section != last_sec) {
            const gw_section *s = gw_plan_section_by_id(p, t->section);
            if (s)
                printf("%s%s%s\n", i ? "\n" : "", s->label, s->title);
            last_sec = t->section;
        }
        gw_buf_clear(&b);
        if (*t->title)
            gw_buf_puts(&b, t->title);
        else
            S_excerpt(t->body, 24, &b);
        printf("%3d. %s\n", t->no, b.ptr);
        S_units(p, t, GW_ROLE_LEAD, &l);
        printf("     牵头：%s\n", l.ptr);
        S_units(p, t, GW_ROLE_RESPONSIBLE, &l);
        if (l.len)
            printf("     责任：%s\n", l.ptr);
        S_deadlines(t, &l);
        if (l.len)
            printf("     时限：%s\n", l.ptr);
    }
    gw_buf_free(&b);
    gw_buf_free(&l);
}

/* The kind of a unit as people in an office say it. */
static const char *
S_kind_label(const char *kind)
{
    static const char *const k[][2] = {
        {"party", "党委部门"}, {"government", "政府部门"}, {"county", "县市区　"},
        {"mass", "群团组织"}, {"school", "学校　　"}, {"group", "单位组　"},
        {"other", "其他　　"},
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (!strcmp(kind, k[i][0]))
            return k[i][1];
    return kind;
}

static void
S_list_units(const gw_plan *p, int unknown)
{
    for (size_t i = 0; i < gw_plan_unit_count(p); i++) {
        const gw_unit *u = gw_plan_unit(p, i);
        int lead = 0, resp = 0;
        /* --unknown: the names imports added that no directory knows, for
         * the office to classify (data/units.tsv, or import --units FILE) */
        if (unknown && !u->added)
            continue;
        for (size_t k = 0; k < gw_plan_task_count(p); k++) {
            const gw_task *t = gw_plan_task(p, k);
            for (size_t a = 0; a < t->nassignments; a++)
                if (t->assignments[a].unit == u->id) {
                    lead += t->assignments[a].role == GW_ROLE_LEAD;
                    resp += t->assignments[a].role == GW_ROLE_RESPONSIBLE;
                }
        }
        printf("%3d  %s  %s  牵头 %d  责任 %d", u->sort, S_kind_label(u->kind), u->name,
               lead, resp);
        if (u->is_group) {
            size_t n;
            const int *m = gw_plan_group_members(p, u->id, &n);
            if (u->open_group) {
                printf("  （开放组，无固定成员）");
            } else {
                printf("  成员：");
                for (size_t k = 0; k < n; k++) {
                    const gw_unit *x = gw_plan_unit_by_id(p, m[k]);
                    printf("%s%s", k ? "、" : "", x ? x->name : "?");
                }
            }
        }
        printf("\n");
    }
}

static void
S_list_sections(const gw_plan *p)
{
    for (size_t i = 0; i < gw_plan_section_count(p); i++) {
        const gw_section *s = gw_plan_section(p, i);
        size_t n = 0;
        for (size_t k = 0; k < gw_plan_task_count(p); k++)
            n += gw_plan_task(p, k)->section == s->id;
        printf("%s%s%s", s->level == 2 ? "  " : "", s->label, s->title);
        if (s->is_requirements)
            printf("  （%zu 项要求）\n", gw_plan_requirement_count(p));
        else if (n)
            printf("  （%zu 项任务）\n", n);
        else
            printf("\n");
    }
}

int
gw_cmd_list(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    int rc;
    gw_store *st = NULL;
    gw_plan *p = NULL;

    if ((rc = gw_cli_parse(argc, argv, GW_CLI_UNKNOWN, 1, &a, err)) < 0)
        return rc;
    if (a.npos != 1 || (strcmp(a.pos[0], "tasks") && strcmp(a.pos[0], "units") &&
                        strcmp(a.pos[0], "sections")))
        return gw_err_set(err, GW_EUSAGE, "list: expected tasks, units or sections");
    if ((rc = gw_cli_open(a.db, 0, &st, &p, err)) < 0)
        goto out;
    if (!strcmp(a.pos[0], "tasks"))
        S_list_tasks(p);
    else if (!strcmp(a.pos[0], "units"))
        S_list_units(p, a.unknown);
    else
        S_list_sections(p);
out:
    gw_plan_free(p);
    gw_store_close(st);
    return rc;
}

/* The schedule as `gongwen import milestones` reads it: 序号,节点,完成时限,成果形式,
 * a row a milestone (a lead unit's form where there is one, else the plan's). */
static void
S_milestones_csv(const gw_plan *p, gw_buf *csv)
{
    gw_buf_puts(csv, "序号,节点,完成时限,成果形式\r\n");
    for (size_t i = 0; i < gw_plan_task_count(p); i++) {
        const gw_task *t = gw_plan_task(p, i);
        char no[16];
        snprintf(no, sizeof no, "%d", t->no);
        for (size_t k = 0; k < t->nmilestones; k++) {
            gw_csv_field(csv, no, 0);
            gw_csv_field(csv, t->milestones[k].description, 0);
            gw_csv_field(csv, t->milestones[k].deadline, 0);
            gw_csv_field(csv, t->milestones[k].form, 1);
        }
    }
}

int
gw_cmd_export(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    int rc;
    gw_store *st = NULL;
    gw_plan *p = NULL;
    gw_buf csv, f;

    gw_buf_init(&csv);
    gw_buf_init(&f);
    if ((rc = gw_cli_parse(argc, argv, GW_CLI_OUT, 1, &a, err)) < 0)
        goto out;
    if (a.npos != 1 || (strcmp(a.pos[0], "csv") && strcmp(a.pos[0], "milestones"))) {
        rc = gw_err_set(err, GW_EUSAGE, "export: expected `export csv` or `export milestones`");
        goto out;
    }
    if ((rc = gw_cli_open(a.db, 0, &st, &p, err)) < 0 ||
        (a.out && (rc = gw_file_check_output(a.out, err)) < 0))
        goto out;
    if (!strcmp(a.pos[0], "milestones")) {
        S_milestones_csv(p, &csv);
        goto write;
    }
    gw_buf_puts(&csv, "序号,类别,任务,牵头单位,责任单位,完成时限\r\n");
    for (size_t i = 0; i < gw_plan_task_count(p); i++) {
        const gw_task *t = gw_plan_task(p, i);
        const gw_section *s = gw_plan_section_by_id(p, t->section);
        char no[16];
        snprintf(no, sizeof no, "%d", t->no);
        gw_csv_field(&csv, no, 0);
        gw_csv_field(&csv, s ? s->title : "", 0);
        S_task_text(t, &f);
        gw_csv_field(&csv, f.ptr, 0);
        S_units(p, t, GW_ROLE_LEAD, &f);
        gw_csv_field(&csv, f.ptr, 0);
        S_units(p, t, GW_ROLE_RESPONSIBLE, &f);
        gw_csv_field(&csv, f.ptr, 0);
        S_deadlines(t, &f);
        gw_csv_field(&csv, f.ptr, 1);
    }
write:
    if (a.out) {
        rc = gw_file_write_atomic(a.out, csv.ptr, csv.len, err);
    } else if (fwrite(csv.ptr, 1, csv.len, stdout) != csv.len || fflush(stdout) != 0) {
        rc = gw_err_set(err, GW_EIO, "export: cannot write to standard output");
    }
out:
    gw_buf_free(&csv);
    gw_buf_free(&f);
    gw_plan_free(p);
    gw_store_close(st);
    return rc;
}

/* ------------------------------------------------------------------- set */

/* What a value must agree with among the keys already set, so that `set`
 * refuses what status, report or build would refuse later: 滞后 begins
 * before 严重滞后, 印发 is not before 成文, and no progress report is of a
 * quarter before the plan was signed.  v is the checked, stored form. */
static int
S_set_agrees(gw_store *st, const char *key, const char *v, gw_err *err)
{
    gw_buf o;
    int rc = 0, have;
    gw_buf_init(&o);
    if (!strcmp(key, "status_yellow") || !strcmp(key, "status_red")) {
        int yellow = !strcmp(key, "status_yellow");
        const char *other = yellow ? "status_red" : "status_yellow";
        long long mine = atoll(v), theirs;
        if ((have = gw_store_meta_get(st, other, &o, err)) < 0) {
            rc = have;
            goto out;
        }
        theirs = have && *o.ptr ? atoll(o.ptr) : yellow ? 30 : 10;
        if (yellow ? mine > theirs : mine < theirs)
            rc = gw_err_set(err, GW_EINPUT, "set %s: %lld would be %s %s (%lld): 滞后 begins "
                            "before 严重滞后 (set %s first)", key, mine,
                            yellow ? "above" : "below", other, theirs, other);
    } else if (!strcmp(key, "print_date") || !strcmp(key, "sign_date")) {
        int print = !strcmp(key, "print_date");
        if ((have = gw_store_meta_get(st, print ? "sign_date" : "print_date", &o, err)) < 0) {
            rc = have;
            goto out;
        }
        /* both ISO: the strings compare as the dates do */
        if (have && *o.ptr && (print ? strcmp(v, o.ptr) < 0 : strcmp(v, o.ptr) > 0))
            rc = gw_err_set(err, GW_EINPUT, "set %s: %s is %s the %s %s (印发日期 is on or "
                            "after 成文日期)", key, v, print ? "before" : "after",
                            print ? "sign_date" : "print_date", o.ptr);
        if (!rc && !print) {
            char q[1][16], sq[16];
            size_t n = 0;
            int m = atoi(v + 5);
            if ((rc = gw_store_report_quarters(st, q, 1, &n, err)) < 0)
                goto out;
            snprintf(sq, sizeof sq, "%.4sQ%d", v, (m + 2) / 3);
            if (n && strcmp(q[0], sq) < 0)
                rc = gw_err_set(err, GW_EINPUT, "set sign_date: %s is after the quarter of "
                                "the first progress reports (%s): they would be of a quarter "
                                "before the plan was signed", v, q[0]);
        }
    }
out:
    gw_buf_free(&o);
    return rc;
}

int
gw_cmd_set(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    int rc;
    const char *key, *what;
    gw_store *st = NULL;
    gw_buf cur, val;

    gw_buf_init(&cur);
    gw_buf_init(&val);
    if ((rc = gw_cli_parse(argc, argv, GW_CLI_LIST | GW_CLI_DASH_VALUE, 2, &a, err)) < 0)
        goto out;
    if (!a.list && a.npos != 2) {
        rc = gw_err_set(err, GW_EUSAGE, "set: expected KEY VALUE or --list");
        goto out;
    }
    /* the value is checked before the database is opened */
    if (!a.list && (rc = gw_meta_check(a.pos[0], a.pos[1], &val, err)) < 0) {
        char msg[sizeof err->msg];
        memcpy(msg, err->msg, sizeof msg);
        gw_err_set(err, rc, gw_meta_known(a.pos[0]) ? "set %s" : "set: %s", msg);
        goto out;
    }
    if ((rc = gw_store_open_existing(&st, a.db, err)) < 0)
        goto out;
    if (a.list) {
        for (size_t k = 0; (key = gw_meta_key(k, &what)) != NULL; k++) {
            if ((rc = gw_store_meta_get(st, key, &cur, err)) < 0)
                goto out;
            if (rc && !strcmp(key, "table"))     /* stored as 1/0 */
                gw_buf_puts(&cur, strcmp(cur.ptr, "0") ? "  (yes)" : "  (no)");
            printf("%-15s %s\n%-15s   %s\n", key, rc ? cur.ptr : "(unset)", "", what);
        }
        rc = 0;
        goto out;
    }
    if ((rc = S_set_agrees(st, a.pos[0], val.ptr, err)) < 0)
        goto out;
    rc = gw_store_meta_set(st, a.pos[0], val.ptr, err);
out:
    gw_buf_free(&cur);
    gw_buf_free(&val);
    gw_store_close(st);
    return rc;
}
