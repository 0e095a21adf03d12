/* supervision.c — the record layer's part of quarterly supervision: the
 * milestones of the lead units' schedule forms (docs/supervision.md). */
#include "store-imp.h"

#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int
gw_store_milestones_save(gw_store *st, const gw_plan *forms, gw_err *err)
{
    gw_stmt *del = NULL, *ins = NULL;
    int rc, in_tx = 0;

    if ((rc = gw_store_begin(st, err)) < 0)
        goto out;
    in_tx = 1;
    if ((rc = gw_stmt_prepare(st, "DELETE FROM milestone WHERE task = ?1 AND origin = 'form'",
                              &del, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT INTO milestone(task, origin, due, deadline, "
                              "description, form) VALUES (?1, 'form', ?2, ?3, ?4, ?5)", &ins,
                              err)) < 0)
        goto out;
    for (size_t i = 0; i < gw_plan_task_count(forms); i++) {
        const gw_task *t = gw_plan_task(forms, i);
        gw_stmt_reset(del);
        if ((rc = gw_stmt_bind_int(del, 1, t->no, err)) < 0 ||
            (rc = gw_stmt_step(del, err)) < 0 || (rc = gw_store_milestone_rows(ins, t, err)) < 0)
            goto out;
    }
    rc = gw_store_commit(st, err);
    in_tx = 0;
out:
    if (in_tx)
        gw_store_rollback(st);
    gw_stmt_free(del);
    gw_stmt_free(ins);
    return rc < 0 ? rc : 0;
}

/* -------------------------------------------------------------- progress */

/* ISO time of now, or of SOURCE_DATE_EPOCH (reproducible records). */
static void
S_now(char when[32])
{
    time_t now = time(NULL);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    struct tm tmv;
    if (sde && *sde)
        now = (time_t)strtoll(sde, NULL, 10);
    gmtime_r(&now, &tmv);
    strftime(when, 32, "%Y-%m-%dT%H:%M:%SZ", &tmv);
}

/* The form's row that replaces an earlier row of (unit, quarter, task). */
static int
S_replacing_row(const gw_progress_row *rows, size_t n, int unit, const char *quarter,
                int task)
{
    int first = 0;
    for (size_t i = 0; i < n; i++) {
        if (rows[i].unit != unit || strcmp(rows[i].quarter, quarter))
            continue;
        if (rows[i].task_no == task)
            return rows[i].row;
        if (!first)
            first = rows[i].row;
    }
    return first;
}

int
gw_store_progress_same(gw_store *st, const gw_progress_row *rows, size_t n,
                       const char *sha256, int *same, gw_err *err)
{
    gw_stmt *q = NULL;
    int rc;

    *same = n > 0;
    if ((rc = gw_stmt_prepare(st, "SELECT count(*), coalesce(sum(file_sha256 = ?3), 0) "
                              "FROM progress WHERE unit = ?1 AND quarter = ?2", &q, err)) < 0)
        goto out;
    for (size_t i = 0; i < n && *same; i++) {
        size_t mine = 0, k;
        /* each unit and quarter once, at its first row */
        for (k = 0; k < i; k++)
            if (rows[k].unit == rows[i].unit && !strcmp(rows[k].quarter, rows[i].quarter))
                break;
        if (k < i)
            continue;
        for (k = i; k < n; k++)
            mine += rows[k].unit == rows[i].unit && !strcmp(rows[k].quarter, rows[i].quarter);
        gw_stmt_reset(q);
        if ((rc = gw_stmt_bind_int(q, 1, rows[i].unit, err)) < 0 ||
            (rc = gw_stmt_bind_text(q, 2, rows[i].quarter, err)) < 0 ||
            (rc = gw_stmt_bind_text(q, 3, sha256, err)) < 0 ||
            (rc = gw_stmt_step(q, err)) < 0)
            goto out;
        *same = rc == 1 && (size_t)gw_stmt_int(q, 0) == mine &&
                (size_t)gw_stmt_int(q, 1) == mine;
    }
    rc = 0;
out:
    gw_stmt_free(q);
    return rc < 0 ? rc : 0;
}

int
gw_store_progress_save(gw_store *st, const gw_progress_row *rows, size_t n, const char *file,
                       const char *sha256, size_t *replaced, gw_progress_withdrawn *wd,
                       gw_err *err)
{
    gw_stmt *old = NULL, *aud = NULL, *del = NULL, *ins = NULL;
    char when[32];
    int rc, in_tx = 0;

    *replaced = 0;
    if (wd)
        wd->n = 0;
    S_now(when);
    if ((rc = gw_store_begin(st, err)) < 0)
        goto out;
    in_tx = 1;
    if ((rc = gw_stmt_prepare(st, "SELECT task_no, status, percent, progress, problems, "
                              "next_steps, reported_at, file, row FROM progress WHERE unit = ?1 "
                              "AND quarter = ?2 ORDER BY id", &old, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT INTO progress_audit(task_no, unit, quarter, status, "
                              "percent, progress, problems, next_steps, reported_at, "
                              "replaced_at, file, file_sha256, row, was_file, was_row) VALUES "
                              "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                              "?15)", &aud, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "DELETE FROM progress WHERE unit = ?1 AND quarter = ?2",
                              &del, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT INTO progress(task_no, unit, quarter, status, "
                              "percent, progress, problems, next_steps, reported_at, file, "
                              "file_sha256, row) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                              "?10, ?11, ?12)", &ins, err)) < 0)
        goto out;
    /* the earlier rows of every (unit, quarter) of the form, once each */
    for (size_t i = 0; i < n; i++) {
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++)
            seen = rows[k].unit == rows[i].unit && !strcmp(rows[k].quarter, rows[i].quarter);
        if (seen)
            continue;
        gw_stmt_reset(old);
        if ((rc = gw_stmt_bind_int(old, 1, rows[i].unit, err)) < 0 ||
            (rc = gw_stmt_bind_text(old, 2, rows[i].quarter, err)) < 0)
            goto out;
        while ((rc = gw_stmt_step(old, err)) == 1) {
            int task = (int)gw_stmt_int(old, 0);
            gw_stmt_reset(aud);
            if ((rc = gw_stmt_bind_int(aud, 1, task, err)) < 0 ||
                (rc = gw_stmt_bind_int(aud, 2, rows[i].unit, err)) < 0 ||
                (rc = gw_stmt_bind_text(aud, 3, rows[i].quarter, err)) < 0 ||
                (rc = gw_stmt_bind_text(aud, 4, gw_stmt_text(old, 1), err)) < 0 ||
                (rc = gw_stmt_bind_int(aud, 5, gw_stmt_int(old, 2), err)) < 0 ||
                (rc = gw_stmt_bind_text(aud, 6, gw_stmt_text(old, 3), err)) < 0 ||
                (rc = gw_stmt_bind_text(aud, 7, gw_stmt_text(old, 4), err)) < 0 ||
                (rc = gw_stmt_bind_text(aud, 8, gw_stmt_text(old, 5), err)) < 0 ||
                (rc = gw_stmt_bind_text(aud, 9, gw_stmt_text(old, 6), err)) < 0 ||
                (rc = gw_stmt_bind_text(aud, 10, when, err)) < 0 ||
                (rc = gw_stmt_bind_text(aud, 11, file, err)) < 0 ||
                (rc = gw_stmt_bind_text(aud, 12, sha256, err)) < 0 ||
                (rc = gw_stmt_bind_int(aud, 13, S_replacing_row(rows, n, rows[i].unit,
                                                                rows[i].quarter, task),
                                       err)) < 0 ||
                (rc = gw_stmt_bind_text(aud, 14, gw_stmt_text(old, 7), err)) < 0 ||
                (rc = gw_stmt_bind_int(aud, 15, gw_stmt_int(old, 8), err)) < 0 ||
                (rc = gw_stmt_step(aud, err)) < 0)
                goto out;
            (*replaced)++;
            if (wd) {
                int again = 0;
                for (size_t k = 0; k < n && !again; k++)
                    again = rows[k].unit == rows[i].unit && rows[k].task_no == task &&
                            !strcmp(rows[k].quarter, rows[i].quarter);
                if (!again && wd->n < sizeof wd->tasks / sizeof wd->tasks[0])
                    wd->tasks[wd->n] = task;
                wd->n += !again;
            }
        }
        if (rc < 0)
            goto out;
        gw_stmt_reset(del);
        if ((rc = gw_stmt_bind_int(del, 1, rows[i].unit, err)) < 0 ||
            (rc = gw_stmt_bind_text(del, 2, rows[i].quarter, err)) < 0 ||
            (rc = gw_stmt_step(del, err)) < 0)
            goto out;
    }
    for (size_t i = 0; i < n; i++) {
        const gw_progress_row *r = &rows[i];
        gw_stmt_reset(ins);
        if ((rc = gw_stmt_bind_int(ins, 1, r->task_no, err)) < 0 ||
            (rc = gw_stmt_bind_int(ins, 2, r->unit, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 3, r->quarter, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 4, r->status, err)) < 0 ||
            (rc = gw_stmt_bind_int(ins, 5, r->percent, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 6, r->progress, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 7, r->problems, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 8, r->next_steps, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 9, r->reported_at, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 10, file, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 11, sha256, err)) < 0 ||
            (rc = gw_stmt_bind_int(ins, 12, r->row, err)) < 0 ||
            (rc = gw_stmt_step(ins, err)) < 0)
            goto out;
    }
    rc = gw_store_commit(st, err);
    in_tx = 0;
out:
    if (in_tx)
        gw_store_rollback(st);
    gw_stmt_free(old);
    gw_stmt_free(aud);
    gw_stmt_free(del);
    gw_stmt_free(ins);
    return rc < 0 ? rc : 0;
}

int
gw_store_history(gw_store *st, int task, gw_history_fn fn, void *ctx, gw_err *err)
{
    gw_stmt *q = NULL;
    int rc;
    if ((rc = gw_stmt_prepare(st,
            "SELECT * FROM (SELECT p.quarter AS q, coalesce(u.name, '') AS un, p.status, "
            "p.percent, p.reported_at, p.file, p.row, '' AS replaced FROM progress p "
            "LEFT JOIN unit u ON u.id = p.unit WHERE p.task_no = ?1 UNION ALL "
            "SELECT a.quarter, coalesce(u.name, ''), a.status, a.percent, a.reported_at, "
            "a.was_file, a.was_row, a.replaced_at || ' by ' || a.file || ':' || a.row "
            "FROM progress_audit a LEFT JOIN unit u "
            "ON u.id = a.unit WHERE a.task_no = ?1) "
            "ORDER BY replaced <> '', q, un, replaced DESC", &q, err)) < 0 ||
        (rc = gw_stmt_bind_int(q, 1, task, err)) < 0)
        goto out;
    while ((rc = gw_stmt_step(q, err)) == 1)
        fn(ctx, gw_stmt_text(q, 0), gw_stmt_text(q, 1), gw_stmt_text(q, 2),
           (int)gw_stmt_int(q, 3), gw_stmt_text(q, 4), gw_stmt_text(q, 5),
           (int)gw_stmt_int(q, 6), gw_stmt_text(q, 7));
out:
    gw_stmt_free(q);
    return rc < 0 ? rc : 0;
}

/* ---------------------------------------------------------------- status */

struct gw_status {
    gw_status_row *rows;
    size_t         n;
    int            yellow, red;
    gw_arena      *A;
};

const char *const gw_status_names[GW_STATUS_N] = {"已完成", "正常推进", "滞后", "严重滞后",
                                                  "未报送"};

/* The status rule of docs/supervision.md, in one statement: ?1 the quarter
 * (2017Q4), ?2 its last day, ?3 the plan's sign_date, ?4 status_yellow,
 * ?5 status_red.  A task's report is its first lead unit's (or, when that
 * lead is a group, its slowest member's); a task's due date the latest dated
 * milestone it shows (a form's where there is one). */
static const char S_status_sql[] =
    "WITH lead AS (SELECT a.task, a.unit FROM assignment a WHERE a.role = 'lead' AND "
    "  a.pos = (SELECT min(b.pos) FROM assignment b WHERE b.task = a.task AND b.role = 'lead')),"
    " rep AS (SELECT l.task, p.status, p.percent, p.reported_at FROM lead l JOIN progress p"
    "  ON p.task_no = l.task AND p.quarter = ?1 AND (p.unit = l.unit OR p.unit IN"
    "  (SELECT member FROM group_member WHERE grp = l.unit))),"
    " r1 AS (SELECT task, status, min(percent) AS percent, reported_at FROM rep GROUP BY task),"
    " shown AS (SELECT m.task, m.due FROM milestone m WHERE m.due <> '' AND m.origin ="
    "  (CASE WHEN EXISTS (SELECT 1 FROM milestone f WHERE f.task = m.task AND"
    "  f.origin = 'form') THEN 'form' ELSE 'plan' END)),"
    " due AS (SELECT task, max(due) AS due FROM shown GROUP BY task),"
    " x AS (SELECT t.no, coalesce(u.name, '') AS lead, r1.task IS NOT NULL AS reported,"
    "  r1.status, r1.percent, coalesce(r1.reported_at, '') AS reported_at, d.due,"
    "  CASE WHEN d.due IS NULL THEN NULL"
    "   WHEN julianday(d.due) <= julianday(?3) THEN 100.0"
    "   ELSE max(0.0, min(100.0, 100.0 * (julianday(?2) - julianday(?3))"
    "    / (julianday(d.due) - julianday(?3)))) END AS expected"
    "  FROM task t LEFT JOIN lead l ON l.task = t.no LEFT JOIN unit u ON u.id = l.unit"
    "  LEFT JOIN r1 ON r1.task = t.no LEFT JOIN due d ON d.task = t.no)"
    " SELECT no, lead, CASE"
    "  WHEN NOT reported THEN '未报送'"
    "  WHEN status = '已完成' OR percent = 100 THEN '已完成'"
    "  WHEN due IS NOT NULL AND due < ?2 THEN '严重滞后'"
    "  WHEN due IS NOT NULL AND expected - percent > ?5 THEN '严重滞后'"
    "  WHEN due IS NOT NULL AND expected - percent > ?4 THEN '滞后'"
    "  WHEN due IS NOT NULL THEN '正常推进'"
    "  WHEN status = '未启动' THEN '滞后'"
    "  ELSE '正常推进' END,"
    "  coalesce(percent, -1), coalesce(expected, -1.0), reported_at FROM x ORDER BY no";

/* A metadata number, dflt when unset. */
static int
S_meta_int(gw_store *st, const char *key, long long dflt, long long *v, gw_err *err)
{
    gw_buf b;
    int rc;
    gw_buf_init(&b);
    *v = dflt;
    if ((rc = gw_store_meta_get(st, key, &b, err)) == 1 && b.len)
        *v = strtoll(b.ptr, NULL, 10);
    gw_buf_free(&b);
    return rc < 0 ? rc : 0;
}

int
gw_store_status(gw_store *st, const char *quarter, gw_status **out, gw_err *err)
{
    gw_status *s = gw_xcalloc(1, sizeof *s);
    gw_stmt *q = NULL;
    gw_buf sign;
    gw_date end, start;
    char eiso[11], siso[11];
    long long yellow, red;
    int y, qn, rc;
    size_t cap = 0;

    *out = NULL;
    s->A = gw_arena_new();
    gw_buf_init(&sign);
    if (!gw_date_quarter(quarter, &y, &qn)) {
        rc = gw_err_set(err, GW_EUSAGE, "quarter %s: write it as 2017Q4", quarter);
        goto out;
    }
    gw_date_quarter_end(y, qn, &end);
    gw_date_iso(&end, eiso);
    if ((rc = gw_store_meta_get(st, "sign_date", &sign, err)) < 0)
        goto out;
    if (!gw_date_parse(sign.ptr, &start)) {
        rc = gw_err_set(err, GW_EINPUT, "%s: the status needs the plan's sign_date (the start "
                        "of every schedule): gongwen set sign_date 2017-05-12",
                        gw_store_path(st));
        goto out;
    }
    gw_date_iso(&start, siso);
    if ((rc = S_meta_int(st, "status_yellow", 10, &yellow, err)) < 0 ||
        (rc = S_meta_int(st, "status_red", 30, &red, err)) < 0)
        goto out;
    if (yellow > red) {
        rc = gw_err_set(err, GW_EINPUT, "%s: status_yellow (%lld) is above status_red (%lld)",
                        gw_store_path(st), yellow, red);
        goto out;
    }
    if ((rc = gw_stmt_prepare(st, S_status_sql, &q, err)) < 0 ||
        (rc = gw_stmt_bind_text(q, 1, quarter, err)) < 0 ||
        (rc = gw_stmt_bind_text(q, 2, eiso, err)) < 0 ||
        (rc = gw_stmt_bind_text(q, 3, siso, err)) < 0 ||
        (rc = gw_stmt_bind_int(q, 4, yellow, err)) < 0 ||
        (rc = gw_stmt_bind_int(q, 5, red, err)) < 0)
        goto out;
    while ((rc = gw_stmt_step(q, err)) == 1) {
        gw_status_row *r;
        if (s->n == cap) {
            cap = cap ? cap * 2 : 64;
            s->rows = gw_xrealloc(s->rows, cap * sizeof *s->rows);
        }
        r = &s->rows[s->n++];
        r->task_no = (int)gw_stmt_int(q, 0);
        r->lead = gw_arena_strdup(s->A, gw_stmt_text(q, 1));
        r->status = gw_arena_strdup(s->A, gw_stmt_text(q, 2));
        r->percent = (int)gw_stmt_int(q, 3);
        r->expected = gw_stmt_double(q, 4);
        r->reported_at = gw_arena_strdup(s->A, gw_stmt_text(q, 5));
    }
    if (rc < 0)
        goto out;
    s->yellow = (int)yellow;
    s->red = (int)red;
    rc = 0;
out:
    gw_stmt_free(q);
    gw_buf_free(&sign);
    if (rc < 0)
        gw_status_free(s);
    else
        *out = s;
    return rc;
}

size_t
gw_status_count(const gw_status *s)
{
    return s->n;
}

const gw_status_row *
gw_status_row_at(const gw_status *s, size_t i)
{
    return i < s->n ? &s->rows[i] : NULL;
}

void
gw_status_thresholds(const gw_status *s, int *yellow, int *red)
{
    *yellow = s->yellow;
    *red = s->red;
}

void
gw_status_free(gw_status *s)
{
    if (!s)
        return;
    free(s->rows);
    gw_arena_free(s->A);
    free(s);
}

int
gw_store_latest_quarter(gw_store *st, gw_buf *quarter, gw_err *err)
{
    gw_stmt *q = NULL;
    int rc;
    gw_buf_clear(quarter);
    if ((rc = gw_stmt_prepare(st, "SELECT max(quarter) FROM progress", &q, err)) < 0)
        goto out;
    if ((rc = gw_stmt_step(q, err)) == 1) {
        gw_buf_puts(quarter, gw_stmt_text(q, 0));
        rc = quarter->len > 0;
    }
out:
    gw_stmt_free(q);
    return rc;
}

/* ---------------------------------------------------------- lead reports */

struct gw_lead_reports {
    int         *tasks;
    const char **progress, **problems;
    size_t       n;
    gw_arena    *A;
};

/* The report that decides a task's status (S_status_sql): its first lead
 * unit's, or the slowest member's of a lead group (min() picks the row the
 * bare columns come from). */
static const char S_lead_reports_sql[] =
    "WITH lead AS (SELECT a.task, a.unit FROM assignment a WHERE a.role = 'lead' AND "
    "  a.pos = (SELECT min(b.pos) FROM assignment b WHERE b.task = a.task AND b.role = 'lead')),"
    " rep AS (SELECT l.task, p.percent, p.progress, p.problems FROM lead l JOIN progress p"
    "  ON p.task_no = l.task AND p.quarter = ?1 AND (p.unit = l.unit OR p.unit IN"
    "  (SELECT member FROM group_member WHERE grp = l.unit)))"
    " SELECT task, min(percent), coalesce(progress, ''), coalesce(problems, '') FROM rep"
    " GROUP BY task ORDER BY task";

int
gw_store_lead_reports(gw_store *st, const char *quarter, gw_lead_reports **out, gw_err *err)
{
    gw_lead_reports *r = gw_xcalloc(1, sizeof *r);
    gw_stmt *q = NULL;
    size_t cap = 0;
    int rc;

    *out = NULL;
    r->A = gw_arena_new();
    if ((rc = gw_stmt_prepare(st, S_lead_reports_sql, &q, err)) < 0 ||
        (rc = gw_stmt_bind_text(q, 1, quarter, err)) < 0)
        goto out;
    while ((rc = gw_stmt_step(q, err)) == 1) {
        if (r->n == cap) {
            cap = cap ? cap * 2 : 64;
            r->tasks = gw_xrealloc(r->tasks, cap * sizeof *r->tasks);
            r->progress = gw_xrealloc(r->progress, cap * sizeof *r->progress);
            r->problems = gw_xrealloc(r->problems, cap * sizeof *r->problems);
        }
        r->tasks[r->n] = (int)gw_stmt_int(q, 0);
        r->progress[r->n] = gw_arena_strdup(r->A, gw_stmt_text(q, 2));
        r->problems[r->n] = gw_arena_strdup(r->A, gw_stmt_text(q, 3));
        r->n++;
    }
out:
    gw_stmt_free(q);
    if (rc < 0)
        gw_lead_reports_free(r);
    else
        *out = r;
    return rc < 0 ? rc : 0;
}

int
gw_lead_report(const gw_lead_reports *r, int task_no, const char **progress,
               const char **problems)
{
    for (size_t i = 0; r && i < r->n; i++)
        if (r->tasks[i] == task_no) {
            *progress = r->progress[i];
            *problems = r->problems[i];
            return 1;
        }
    *progress = *problems = "";
    return 0;
}

void
gw_lead_reports_free(gw_lead_reports *r)
{
    if (!r)
        return;
    free(r->tasks);
    free(r->progress);
    free(r->problems);
    gw_arena_free(r->A);
    free(r);
}

int
gw_store_report_quarters(gw_store *st, char (*q)[16], size_t max, size_t *n, gw_err *err)
{
    gw_stmt *s = NULL;
    int rc;
    *n = 0;
    if ((rc = gw_stmt_prepare(st, "SELECT DISTINCT quarter FROM progress ORDER BY quarter",
                              &s, err)) < 0)
        goto out;
    while (*n < max && (rc = gw_stmt_step(s, err)) == 1)
        snprintf(q[(*n)++], 16, "%s", gw_stmt_text(s, 0));
out:
    gw_stmt_free(s);
    return rc < 0 ? rc : 0;
}
