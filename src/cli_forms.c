/* cli_forms.c — the forms units send back: `import milestones`, `import
 * progress` and `history` (docs/supervision.md).  A form is read whole
 * (table.h), every row is checked against the plan, every bad row is
 * reported as FILE:ROW, and only a form without a bad row reaches the record
 * (one transaction). */
#include "cli_common.h"

#include "date.h"
#include "fname.h"
#include "table.h"
#include "xlsxform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* More bad rows than this are counted, not listed. */
#define S_MAX_LISTED 200

typedef struct {
    const char *file;
    gw_table   *t;
    int        *col;            /* column of each wanted header, -1 if absent */
    size_t      nbad;
} S_form;

/* A cell with white space (ASCII and U+3000) trimmed, and the apostrophe
 * `export` puts before a formula character dropped; copied into b. */
static const char *
S_cell(const S_form *f, size_t row, int col, gw_buf *b)
{
    const char *s = col < 0 ? "" : gw_csv_unguard(gw_table_cell(f->t, row, (size_t)col));
    size_t n = strlen(s);
    for (;;) {
        if (n && strchr(" \t\r\n", s[0]))
            s++, n--;
        else if (n >= 3 && !memcmp(s, "\u3000", 3))
            s += 3, n -= 3;
        else
            break;
    }
    for (;;) {
        if (n && strchr(" \t\r\n", s[n - 1]))
            n--;
        else if (n >= 3 && !memcmp(s + n - 3, "\u3000", 3))
            n -= 3;
        else
            break;
    }
    gw_buf_clear(b);
    gw_buf_put(b, s, n);
    return b->ptr;
}

/* The first character of s outside the Basic Multilingual Plane (😀, or a
 * rare character such as 𠮷), else 0: the PDF writer cannot print those,
 * and the report would fail long after the form was accepted. */
static uint32_t
S_non_bmp(const char *s)
{
    size_t n = strlen(s), i = 0;
    while (i < n) {
        uint32_t cp;
        int k = gw_utf8_decode(s + i, n - i, &cp);
        if (k <= 0)
            return 0;
        if (cp > 0xFFFF)
            return cp;
        i += (size_t)k;
    }
    return 0;
}

/* Reports one bad row (on stderr, as it is found) and counts it. */
static void
S_bad(S_form *f, size_t row, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
S_bad(S_form *f, size_t row, const char *fmt, ...)
{
    va_list ap;
    if (++f->nbad > S_MAX_LISTED)
        return;
    fprintf(stderr, "gongwen: %s:%d: ", f->file, gw_table_row_number(f->t, row));
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* Opens the form and finds the wanted columns in its header row (names
 * matched exactly after trimming, in any order); a missing one with
 * required[i] is an error at FILE:1, an extra column a warning. */
static int
S_open(S_form *f, const char *path, int encoding, const char *const *want,
       const int *required, size_t nwant, gw_err *err)
{
    gw_buf b;
    int rc;

    memset(f, 0, sizeof *f);
    f->file = path;
    gw_buf_init(&b);
    if ((rc = gw_table_open(path, encoding, &f->t, err)) < 0)
        goto out;
    f->col = gw_xmalloc(nwant * sizeof *f->col);
    for (size_t k = 0; k < nwant; k++)
        f->col[k] = -1;
    if (gw_table_rows(f->t) == 0) {
        rc = gw_err_set(err, GW_EINPUT, "%s:1: the form is empty; its first row names the "
                        "columns", path);
        goto out;
    }
    for (size_t c = 0; c < gw_table_cols(f->t, 0); c++) {
        size_t k;
        char letter[8];
        S_cell(f, 0, (int)c, &b);
        for (k = 0; k < nwant && strcmp(b.ptr, want[k]); k++)
            ;
        if (k < nwant && f->col[k] < 0)
            f->col[k] = (int)c;
        else if (b.len)
            gw_warnf("%s:1: column %s (%s) is not one gongwen reads; ignored", path,
                     gw_table_col_name(c, letter), b.ptr);
    }
    for (size_t k = 0; k < nwant; k++)
        if (required[k] && f->col[k] < 0) {
            const char *sheet = gw_table_sheet(f->t);
            /* a workbook whose first sheet is not the form (填表说明 moved
             * to the front): say which sheet was read */
            if (sheet)
                rc = gw_err_set(err, GW_EINPUT, "%s:1: no column %s in the header row of "
                                "sheet %s (the workbook's first sheet, which is the one "
                                "read: put the form first)", path, want[k], sheet);
            else
                rc = gw_err_set(err, GW_EINPUT, "%s:1: no column %s in the header row", path,
                                want[k]);
            goto out;
        }
out:
    gw_buf_free(&b);
    return rc;
}

static void
S_close(S_form *f)
{
    gw_table_free(f->t);
    free(f->col);
}

/* The cell reference of (row, col) for messages: "C5". */
static const char *
S_ref(const S_form *f, size_t row, int col, char buf[24])
{
    char letter[8];
    snprintf(buf, 24, "%s%d", gw_table_col_name((size_t)(col < 0 ? 0 : col), letter),
             gw_table_row_number(f->t, row));
    return buf;
}

/* A whole number of at most 9 digits in s: 1 and *v, else 0. */
static int
S_int(const char *s, int *v)
{
    int n = 0;
    *v = 0;
    if (!*s)
        return 0;
    for (; *s; s++, n++) {
        if (*s < '0' || *s > '9' || n == 9)
            return 0;
        *v = *v * 10 + (*s - '0');
    }
    return 1;
}

static const gw_task *
S_task(const gw_plan *p, int no)
{
    for (size_t i = 0; i < gw_plan_task_count(p); i++)
        if (gw_plan_task(p, i)->no == no)
            return gw_plan_task(p, i);
    return NULL;
}

/* ------------------------------------------------------------ milestones */

enum { M_NO, M_NODE, M_DUE, M_FORM, M_N };

static int
S_import_milestones(const gw_cli_args *a, int encoding, gw_err *err)
{
    static const char *const want[M_N] = {"序号", "节点", "完成时限", "成果形式"};
    static const int required[M_N] = {1, 1, 1, 0};
    gw_store *st = NULL;
    gw_plan *p = NULL, *forms = gw_plan_new();
    S_form f;
    gw_buf no, node, due, form;
    int rc;

    gw_buf_init(&no);
    gw_buf_init(&node);
    gw_buf_init(&due);
    gw_buf_init(&form);
    memset(&f, 0, sizeof f);
    if ((rc = gw_cli_open(a->db, 0, &st, &p, err)) < 0 ||
        (rc = S_open(&f, a->pos[1], encoding, want, required, M_N, err)) < 0)
        goto out;
    for (size_t r = 1; r < gw_table_rows(f.t); r++) {
        gw_milestone m;
        gw_date d;
        gw_task *x = NULL;
        char ref[24], iso[11] = "";
        int n;
        if (gw_table_cols(f.t, r) == 0)
            continue;               /* an empty row */
        S_cell(&f, r, f.col[M_NO], &no);
        S_cell(&f, r, f.col[M_NODE], &node);
        S_cell(&f, r, f.col[M_DUE], &due);
        S_cell(&f, r, f.col[M_FORM], &form);
        if (!S_int(no.ptr, &n) || !S_task(p, n)) {
            S_bad(&f, r, "序号 (%s) %s is not a task of the plan", S_ref(&f, r, f.col[M_NO], ref),
                  no.len ? no.ptr : "is empty:");
            continue;
        }
        if (gw_date_deadline(due.ptr, &d)) {
            gw_date_iso(&d, iso);
        } else if (!gw_date_ongoing(due.ptr)) {
            S_bad(&f, r, "完成时限 (%s) %s is not a deadline gongwen understands (2017年12月底, "
                  "2017年第三季度, 2018年上半年, 2018-06-30, 长期坚持, ...)",
                  S_ref(&f, r, f.col[M_DUE], ref), due.len ? due.ptr : "(empty)");
            continue;
        }
        for (size_t k = 0; k < gw_plan_task_count(forms); k++)
            if (gw_plan_task(forms, k)->no == n)
                x = (gw_task *)gw_plan_task(forms, k);
        if (!x) {
            x = gw_plan_add_task(forms);
            x->no = n;
        }
        m.due = iso;
        m.deadline = due.ptr;
        m.description = node.ptr;
        m.form = form.ptr;
        gw_plan_task_milestone(forms, x, &m);
    }
    if (f.nbad) {
        rc = gw_err_set(err, GW_EINPUT, "%s: %zu bad row%s; nothing was imported", f.file,
                        f.nbad, f.nbad == 1 ? "" : "s");
        goto out;
    }
    if ((rc = gw_store_milestones_save(st, forms, err)) < 0)
        goto out;
    gw_notef("%s: milestones of %zu tasks imported into %s", f.file,
             gw_plan_task_count(forms), a->db);
out:
    S_close(&f);
    gw_buf_free(&no);
    gw_buf_free(&node);
    gw_buf_free(&due);
    gw_buf_free(&form);
    gw_plan_free(forms);
    gw_plan_free(p);
    gw_store_close(st);
    return rc;
}

/* -------------------------------------------------------------- progress */

enum { P_NO, P_UNIT, P_QUARTER, P_PERCENT, P_STATUS, P_PROGRESS, P_PROBLEMS, P_NEXT,
       P_DATE, P_TASK, P_ROLE, P_N };

static int
S_import_progress(const gw_cli_args *a, int encoding, gw_err *err)
{
    /* 任务 and 角色 are what `template progress` fills in for the unit to
     * read: known, not imported */
    static const char *const want[P_N] = {"序号", "报送单位", "季度", "完成进度(%)", "状态",
                                          "进展情况", "存在问题", "下一步打算", "报送日期",
                                          "任务", "角色"};
    static const int required[P_N] = {1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0};
    gw_store *st = NULL;
    gw_plan *p = NULL;
    gw_arena *A = gw_arena_new();
    gw_progress_row *rows = NULL;
    size_t nrows = 0, replaced = 0;
    gw_progress_withdrawn wd = {0, {0}};
    char first_q[16] = "";
    int same = 0;
    S_form f;
    gw_buf c[P_N];
    int rc, y, q, nsched, fy = 0, fq = 0, ly = 0, lq = 0, late = 0;

    for (int k = 0; k < P_N; k++)
        gw_buf_init(&c[k]);
    memset(&f, 0, sizeof f);
    if (a->quarter && !gw_date_quarter(a->quarter, &y, &q)) {
        rc = gw_err_set(err, GW_EUSAGE, "import progress: --quarter %s: write it as 2017Q4",
                        a->quarter);
        goto out;
    }
    if (!strcmp(a->pos[1], "-")) {
        rc = gw_err_set(err, GW_EUSAGE, "import progress: name the form's file (its name "
                        "and SHA-256 go into the record)");
        goto out;
    }
    if ((rc = gw_cli_open(a->db, 0, &st, &p, err)) < 0 ||
        (rc = S_open(&f, a->pos[1], encoding, want, required, P_N, err)) < 0)
        goto out;
    if (f.col[P_QUARTER] < 0 && !a->quarter) {
        rc = gw_err_set(err, GW_EINPUT, "%s:1: no column 季度 and no --quarter: which quarter "
                        "does the form report?", f.file);
        goto out;
    }
    /* the quarters the sheets asked for (gw_plan_schedule) */
    if ((nsched = gw_plan_schedule(p, &fy, &fq)) > 0) {
        ly = fy;
        lq = fq;
        gw_quarter_add(&ly, &lq, nsched - 1);
    }
    rows = gw_xcalloc(gw_table_rows(f.t) + 1, sizeof *rows);
    for (size_t r = 1; r < gw_table_rows(f.t); r++) {
        gw_progress_row *x = &rows[nrows];
        const gw_task *t;
        const gw_unit *u;
        gw_date d;
        char ref[24], iso[11] = "";
        int n, pct, qy, qq, dup = 0;
        size_t bad0 = f.nbad;
        if (gw_table_cols(f.t, r) == 0)
            continue;
        for (size_t xc = gw_table_cols(f.t, 0); xc < gw_table_cols(f.t, r); xc++) {
            /* text past the header's last column: a shifted row, or a
             * comma typed into a cell of a CSV form; nothing reads it */
            char letter[8];
            S_cell(&f, r, (int)xc, &c[0]);
            if (c[0].len) {
                gw_warnf("%s:%d: cell %s%d (%s) is past the header's last column and is "
                         "not read: is a cell shifted, or a comma typed in a CSV cell?",
                         f.file, gw_table_row_number(f.t, r), gw_table_col_name(xc, letter),
                         gw_table_row_number(f.t, r), c[0].ptr);
                break;
            }
        }
        for (int k = 0; k < P_N; k++)
            S_cell(&f, r, f.col[k], &c[k]);
        t = S_int(c[P_NO].ptr, &n) ? S_task(p, n) : NULL;
        if (!t)
            S_bad(&f, r, "序号 (%s) %s is not a task of the plan",
                  S_ref(&f, r, f.col[P_NO], ref), c[P_NO].len ? c[P_NO].ptr : "is empty:");
        u = gw_plan_unit_lookup(p, c[P_UNIT].ptr);
        if (!u)
            S_bad(&f, r, "报送单位 (%s) %s is not a unit of the directory (its name, short "
                  "name or another name)", S_ref(&f, r, f.col[P_UNIT], ref),
                  c[P_UNIT].len ? c[P_UNIT].ptr : "is empty:");
        else if (t && !gw_plan_task_involves(p, t, u))
            S_bad(&f, r, "%s is not assigned to task %d (neither lead nor responsible unit, "
                  "nor in a group that is)", u->name, t->no);
        if (!c[P_QUARTER].len && a->quarter)
            gw_buf_puts(&c[P_QUARTER], a->quarter);
        if (!gw_date_quarter(c[P_QUARTER].ptr, &qy, &qq))
            S_bad(&f, r, "季度 (%s) %s is not a quarter (write 2017Q4)",
                  S_ref(&f, r, f.col[P_QUARTER], ref),
                  c[P_QUARTER].len ? c[P_QUARTER].ptr : "is empty:");
        else if (a->quarter && strcmp(c[P_QUARTER].ptr, a->quarter))
            S_bad(&f, r, "季度 %s is not the quarter being imported (--quarter %s)",
                  c[P_QUARTER].ptr, a->quarter);
        else if (*first_q && strcmp(c[P_QUARTER].ptr, first_q))
            /* a form reports one quarter: another one in a row is a typing
             * slip that would replace that quarter's reports */
            S_bad(&f, r, "季度 %s differs from the form's first row (%s): a form reports one "
                  "quarter (send one form per quarter, or give --quarter)",
                  c[P_QUARTER].ptr, first_q);
        else if (nsched && gw_quarter_cmp(qy, qq, fy, fq) < 0)
            S_bad(&f, r, "季度 %s is before the plan's first reporting quarter %dQ%d (signed "
                  "%s)", c[P_QUARTER].ptr, fy, fq, gw_plan_meta(p, "sign_date"));
        else if (nsched && gw_quarter_cmp(qy, qq, ly, lq) > 0 && !late++)
            gw_warnf("%s:%d: 季度 %s is after the last reporting date the task sheets print "
                     "(%dQ%d)", f.file, gw_table_row_number(f.t, r), c[P_QUARTER].ptr, ly, lq);
        if (c[P_PERCENT].len && c[P_PERCENT].ptr[c[P_PERCENT].len - 1] == '%')
            c[P_PERCENT].ptr[--c[P_PERCENT].len] = '\0';
        if (!S_int(c[P_PERCENT].ptr, &pct) || pct > 100) {
            S_bad(&f, r, "完成进度(%%) (%s) %s is not a whole number from 0 to 100",
                  S_ref(&f, r, f.col[P_PERCENT], ref),
                  c[P_PERCENT].len ? c[P_PERCENT].ptr : "is empty:");
            pct = -1;
        }
        if (strcmp(c[P_STATUS].ptr, "未启动") && strcmp(c[P_STATUS].ptr, "推进中") &&
            strcmp(c[P_STATUS].ptr, "已完成"))
            S_bad(&f, r, "状态 (%s) %s is not 未启动, 推进中 or 已完成",
                  S_ref(&f, r, f.col[P_STATUS], ref),
                  c[P_STATUS].len ? c[P_STATUS].ptr : "is empty:");
        else if (!strcmp(c[P_STATUS].ptr, "已完成") && pct >= 0 && pct < 100)
            S_bad(&f, r, "状态 已完成 with 完成进度 %d: a finished task is at 100", pct);
        else if (!strcmp(c[P_STATUS].ptr, "未启动") && pct == 100)
            S_bad(&f, r, "状态 未启动 with 完成进度 100");
        for (int k = P_PROGRESS; k <= P_NEXT; k++) {
            static const char *const name[] = {"进展情况", "存在问题", "下一步打算"};
            uint32_t cp = S_non_bmp(c[k].ptr);
            if (cp)
                S_bad(&f, r, "%s (%s) holds U+%04X, a character outside the Basic "
                      "Multilingual Plane (an emoji or a rare character), which the report "
                      "cannot print", name[k - P_PROGRESS], S_ref(&f, r, f.col[k], ref),
                      (unsigned)cp);
        }
        if (!*first_q && gw_date_quarter(c[P_QUARTER].ptr, &qy, &qq))
            snprintf(first_q, sizeof first_q, "%s", c[P_QUARTER].ptr);
        if (c[P_DATE].len) {
            if (!gw_date_parse_entered(c[P_DATE].ptr, &d))
                S_bad(&f, r, "报送日期 (%s) %s is not a date (2018-01-05, 2018/1/5 or 2018年1月5日)",
                      S_ref(&f, r, f.col[P_DATE], ref), c[P_DATE].ptr);
            else if (gw_date_quarter(c[P_QUARTER].ptr, &qy, &qq) &&
                     gw_quarter_cmp(qy, qq, d.y, (d.m + 2) / 3) > 0)
                S_bad(&f, r, "季度 %s is after its 报送日期 %s (%s): a report is of a quarter "
                      "that has begun", c[P_QUARTER].ptr, c[P_DATE].ptr,
                      S_ref(&f, r, f.col[P_DATE], ref));
            else
                gw_date_iso(&d, iso);
        }
        for (size_t k = 0; t && u && k < nrows && !dup; k++)
            if (rows[k].task_no == t->no && rows[k].unit == u->id &&
                !strcmp(rows[k].quarter, c[P_QUARTER].ptr)) {
                S_bad(&f, r, "task %d by %s is already reported in row %d", t->no, u->name,
                      rows[k].row);
                dup = 1;
            }
        if (f.nbad > bad0)
            continue;
        x->task_no = t->no;
        x->unit = u->id;
        x->quarter = gw_arena_strdup(A, c[P_QUARTER].ptr);
        x->status = gw_arena_strdup(A, c[P_STATUS].ptr);
        x->percent = pct;
        x->progress = gw_arena_strdup(A, c[P_PROGRESS].ptr);
        x->problems = gw_arena_strdup(A, c[P_PROBLEMS].ptr);
        x->next_steps = gw_arena_strdup(A, c[P_NEXT].ptr);
        x->reported_at = gw_arena_strdup(A, iso);
        x->row = gw_table_row_number(f.t, r);
        nrows++;
    }
    if (f.nbad) {
        rc = gw_err_set(err, GW_EINPUT, "%s: %zu bad row%s%s; nothing was imported", f.file,
                        f.nbad, f.nbad == 1 ? "" : "s",
                        f.nbad > S_MAX_LISTED ? " (the first 200 listed)" : "");
        goto out;
    }
    if (nrows == 0) {
        rc = gw_err_set(err, GW_EINPUT, "%s: no report rows below the header", f.file);
        goto out;
    }
    /* the same form again (a second import of one file): nothing to do,
     * and nothing for the history to record as replaced */
    if ((rc = gw_store_progress_same(st, rows, nrows, gw_table_sha256(f.t), &same, err)) < 0)
        goto out;
    if (same) {
        gw_notef("%s: already imported into %s (the same %zu report%s); nothing changed",
                 f.file, a->db, nrows, nrows == 1 ? "" : "s");
        goto out;
    }
    if ((rc = gw_store_progress_save(st, rows, nrows, f.file, gw_table_sha256(f.t),
                                     &replaced, &wd, err)) < 0)
        goto out;
    gw_notef("%s: %zu report%s imported into %s%s", f.file, nrows, nrows == 1 ? "" : "s",
             a->db, replaced ? " (a re-submission: the earlier rows are in the history)" : "");
    if (wd.n) {
        /* a form is the unit's whole report for its quarter: say what a
         * correction of one row took away */
        gw_buf list;
        gw_buf_init(&list);
        for (size_t k = 0; k < wd.n && k < sizeof wd.tasks / sizeof wd.tasks[0]; k++)
            gw_buf_printf(&list, "%s%d", k ? ", " : "", wd.tasks[k]);
        gw_warnf("%s: the unit's earlier report%s of task%s %s%s for the quarter %s not in "
                 "this form and %s withdrawn (`gongwen history --task N` keeps %s): a "
                 "form replaces the unit's whole report for its quarter, so a correction "
                 "lists every task again", f.file, wd.n == 1 ? "" : "s",
                 wd.n == 1 ? "" : "s", list.ptr, wd.n > 16 ? ", …" : "",
                 wd.n == 1 ? "is" : "are", wd.n == 1 ? "is" : "are",
                 wd.n == 1 ? "it" : "them");
        gw_buf_free(&list);
    }
out:
    S_close(&f);
    for (int k = 0; k < P_N; k++)
        gw_buf_free(&c[k]);
    free(rows);
    gw_arena_free(A);
    gw_plan_free(p);
    gw_store_close(st);
    return rc;
}

int
gw_cli_import_form(const gw_cli_args *a, gw_err *err)
{
    int encoding = GW_TABLE_AUTO;
    if (a->encoding) {
        if (!strcmp(a->encoding, "utf-8") || !strcmp(a->encoding, "UTF-8"))
            encoding = GW_TABLE_UTF8;
        else if (!strcmp(a->encoding, "gb18030") || !strcmp(a->encoding, "GB18030") ||
                 !strcmp(a->encoding, "gbk") || !strcmp(a->encoding, "GBK"))
            encoding = GW_TABLE_GB18030;
        else
            return gw_err_set(err, GW_EINPUT, "import: --encoding utf-8 or gb18030, not %s",
                              a->encoding);
    }
    if (!strcmp(a->pos[0], "milestones"))
        return S_import_milestones(a, encoding, err);
    return S_import_progress(a, encoding, err);
}

/* --------------------------------------------------------------- template */

/* The progress form's columns: what gongwen fills in, then what the unit
 * writes (docs/supervision.md). */
static const gw_form_col S_cols[] = {
    {"序号", 6, GW_FORM_TEXT}, {"任务", 28, GW_FORM_TEXT}, {"角色", 12, GW_FORM_TEXT},
    {"报送单位", 16, GW_FORM_TEXT}, {"季度", 9, GW_FORM_TEXT},
    {"完成进度(%)", 10, GW_FORM_PERCENT}, {"状态", 9, GW_FORM_STATUS},
    {"进展情况", 36, GW_FORM_WRAP}, {"存在问题", 24, GW_FORM_WRAP},
    {"下一步打算", 24, GW_FORM_WRAP}, {"报送日期", 12, GW_FORM_DATE},
};
#define S_NCOLS (sizeof S_cols / sizeof S_cols[0])

static const char *const S_notes[] = {
    "填表说明",
    ("1. 每项任务填写一行：完成进度填0至100之间的整数；状态从下拉列表中选择（未启动、推进中、已完成）；"
     "报送日期填写日期。"),   /* one note, in two pieces */
    "2. 已完成的任务完成进度填100；完成进度为100的任务状态不填未启动。",
    "3. 序号、任务、角色、报送单位、季度已预先填好，请勿修改；不要增删列。",
    "4. 本表可用Excel、WPS或LibreOffice填写，保存为.xlsx（或CSV）后报送。",
    "5. 同一季度重复报送的，以最后一次为准，此前的报送记录留存备查。",
};

/* The role of unit u in task t as the form shows it: 牵头, 责任, or through
 * a group: 责任（各县市区）. */
static void
S_role(const gw_plan *p, const gw_task *t, const gw_unit *u, gw_buf *b)
{
    gw_buf_clear(b);
    for (size_t i = 0; i < t->nassignments; i++)
        if (t->assignments[i].unit == u->id) {
            gw_buf_puts(b, t->assignments[i].role == GW_ROLE_LEAD ? "牵头" : "责任");
            return;
        }
    for (size_t i = 0; i < t->nassignments; i++) {
        const gw_unit *g = gw_plan_unit_by_id(p, t->assignments[i].unit);
        size_t nm;
        const int *m = g ? gw_plan_group_members(p, g->id, &nm) : NULL;
        for (size_t k = 0; m && k < nm; k++)
            if (m[k] == u->id) {
                gw_buf_printf(b, "%s（%s）", t->assignments[i].role == GW_ROLE_LEAD ? "牵头"
                              : "责任", g->name);
                return;
            }
    }
}

/* The form of unit u (its tasks, no-th among the units with tasks) into dir. */
static int
S_one_form(const gw_plan *p, const gw_unit *u, int no, const char *quarter, const char *dir,
           int csv, gw_err *err)
{
    gw_arena *A = gw_arena_new();
    const char **cells = NULL;
    size_t nrows = 0, cap = 0;
    char *fname = gw_fname_make(no, u->name, csv ? "csv" : "xlsx");
    gw_buf path, title, role, out;
    gw_form f;
    int rc = 0;

    gw_buf_init(&path);
    gw_buf_init(&title);
    gw_buf_init(&role);
    gw_buf_init(&out);
    for (size_t i = 0; i < gw_plan_task_count(p); i++) {
        const gw_task *t = gw_plan_task(p, i);
        char n[16];
        const char **row;
        if (!gw_plan_task_involves(p, t, u))
            continue;
        if (nrows == cap) {
            cap = cap ? cap * 2 : 16;
            cells = gw_xrealloc(cells, cap * S_NCOLS * sizeof *cells);
        }
        row = cells + nrows * S_NCOLS;
        snprintf(n, sizeof n, "%d", t->no);
        S_role(p, t, u, &role);
        row[0] = gw_arena_strdup(A, n);
        row[1] = *t->title ? t->title : t->body;
        row[2] = gw_arena_strdup(A, role.ptr);
        row[3] = u->name;
        row[4] = quarter;
        for (size_t c = 5; c < S_NCOLS; c++)
            row[c] = "";
        nrows++;
    }
    if (nrows == 0)
        goto out;
    gw_buf_printf(&path, "%s/%s", dir, fname);
    if (csv) {
        /* a byte-order mark, so that Excel opens the UTF-8 right */
        gw_buf_puts(&out, "\xEF\xBB\xBF");
        for (size_t c = 0; c < S_NCOLS; c++)
            gw_csv_field(&out, S_cols[c].header, c + 1 == S_NCOLS);
        for (size_t r = 0; r < nrows; r++)
            for (size_t c = 0; c < S_NCOLS; c++)
                gw_csv_field(&out, cells[r * S_NCOLS + c], c + 1 == S_NCOLS);
        rc = gw_file_write_atomic(path.ptr, out.ptr, out.len, err);
    } else {
        gw_buf_printf(&title, "&C%s %s 任务进展情况报送表", u->name, quarter);
        memset(&f, 0, sizeof f);
        f.sheet = quarter;
        f.title = title.ptr;
        f.cols = S_cols;
        f.ncols = S_NCOLS;
        f.cells = cells;
        f.nrows = nrows;
        f.notes = S_notes;
        f.nnotes = sizeof S_notes / sizeof S_notes[0];
        rc = gw_form_write_xlsx(&f, path.ptr, err);
    }
    if (rc == 0)
        gw_notef("wrote %s (%zu tasks)", path.ptr, nrows);
out:
    free(fname);
    free(cells);
    gw_arena_free(A);
    gw_buf_free(&path);
    gw_buf_free(&title);
    gw_buf_free(&role);
    gw_buf_free(&out);
    return rc < 0 ? rc : (int)nrows;
}

int
gw_cmd_template(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    gw_store *st = NULL;
    gw_plan *p = NULL;
    gw_buf dir;
    int rc, y, q, no = 0, csv = 0, written = 0;

    gw_buf_init(&dir);
    if ((rc = gw_cli_parse(argc, argv, GW_CLI_QUARTER | GW_CLI_UNITS | GW_CLI_OUT |
                           GW_CLI_FORMAT, 1, &a, err)) < 0)
        goto out;
    if (a.npos != 1 || strcmp(a.pos[0], "progress")) {
        rc = gw_err_set(err, GW_EUSAGE, "template: expected `template progress --quarter Q`");
        goto out;
    }
    if (!a.quarter) {
        rc = gw_err_set(err, GW_EUSAGE, "template: which quarter? (--quarter 2017Q4)");
        goto out;
    }
    if (!gw_date_quarter(a.quarter, &y, &q)) {
        rc = gw_err_set(err, GW_EINPUT, "template: --quarter %s: write it as 2017Q4",
                        a.quarter);
        goto out;
    }
    if (a.format && strcmp(a.format, "xlsx") && !(csv = !strcmp(a.format, "csv"))) {
        rc = gw_err_set(err, GW_EINPUT, "template: --format xlsx or csv, not %s", a.format);
        goto out;
    }
    if (a.out)
        gw_buf_puts(&dir, a.out);
    else
        gw_buf_printf(&dir, "out/forms-%s", a.quarter);
    if ((rc = gw_cli_open(a.db, !a.db_given, &st, &p, err)) < 0)
        goto out;
    if ((rc = gw_plan_schedule_check(p, y, q, "template", err)) < 0)
        goto out;
    if (rc == 1)
        gw_warnf("template: %s is after the last reporting date the task sheets print",
                 a.quarter);
    rc = 0;
    for (size_t k = 0; k < a.nunits; k++)
        if (!gw_plan_unit_lookup(p, a.units[k])) {
            rc = gw_err_set(err, GW_EINPUT, "template: --unit %s: no such unit in the unit "
                            "directory", a.units[k]);
            goto out;
        }
    if ((rc = gw_mkdir_p(dir.ptr, err)) < 0)
        goto out;
    /* numbered as the sheets are: units with tasks in directory order, a
     * group with members standing for its members */
    for (size_t i = 0; i < gw_plan_unit_count(p); i++) {
        const gw_unit *u = gw_plan_unit(p, i);
        int has = 0, wanted = a.nunits == 0;
        if (u->is_group && !u->open_group)
            continue;
        for (size_t k = 0; k < gw_plan_task_count(p) && !has; k++)
            has = gw_plan_task_involves(p, gw_plan_task(p, k), u);
        if (!has)
            continue;
        no++;
        for (size_t k = 0; k < a.nunits && !wanted; k++) {
            const gw_unit *w = gw_plan_unit_lookup(p, a.units[k]);
            size_t nm = 0;
            const int *m = w && w->is_group ? gw_plan_group_members(p, w->id, &nm) : NULL;
            wanted = w == u;
            /* --unit 各县市区: the group's members fill in its forms */
            for (size_t j = 0; j < nm && !wanted; j++)
                wanted = m[j] == u->id;
        }
        if (!wanted)
            continue;
        if ((rc = S_one_form(p, u, no, a.quarter, dir.ptr, csv, err)) < 0)
            goto out;
        written++;
    }
    rc = 0;
    if (!written)
        rc = gw_err_set(err, GW_EINPUT, "template: no unit with tasks was asked for (%s has "
                        "none); no form written", a.nunits ? a.units[0] : "the plan");
out:
    gw_plan_free(p);
    gw_store_close(st);
    gw_cli_args_free(&a);
    gw_buf_free(&dir);
    return rc;
}

/* ---------------------------------------------------------------- history */

static void
S_history_row(void *ctx, const char *quarter, const char *unit, const char *status,
              int percent, const char *reported_at, const char *file, int row,
              const char *replaced_at)
{
    gw_buf *b = ctx;
    gw_buf_printf(b, "%s\t%s\t%s\t%d\t%s\t%s:%d\t%s\n", quarter, unit, status, percent,
                  reported_at, file, row, *replaced_at ? replaced_at : "current");
}

int
gw_cmd_history(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    gw_store *st = NULL;
    gw_plan *p = NULL;
    gw_buf out;
    int rc, task;

    gw_buf_init(&out);
    if ((rc = gw_cli_parse(argc, argv, GW_CLI_TASK, 0, &a, err)) < 0)
        goto out;
    if (!a.task) {
        rc = gw_err_set(err, GW_EUSAGE, "history: which task? (--task N)");
        goto out;
    }
    if (!S_int(a.task, &task)) {
        rc = gw_err_set(err, GW_EINPUT, "history: --task %s is not a task number", a.task);
        goto out;
    }
    if ((rc = gw_cli_open(a.db, 0, &st, &p, err)) < 0)
        goto out;
    if (!S_task(p, task)) {
        rc = gw_err_set(err, GW_EINPUT, "history: the plan has no task %d", task);
        goto out;
    }
    gw_buf_printf(&out, "季度\t报送单位\t状态\t完成进度\t报送日期\t来源\t替换\n");
    if ((rc = gw_store_history(st, task, S_history_row, &out, err)) < 0)
        goto out;
    rc = gw_file_write_atomic("-", out.ptr, out.len, err);
out:
    gw_plan_free(p);
    gw_store_close(st);
    gw_buf_free(&out);
    return rc;
}
