/* cli_supervision.c — quarterly supervision: `gongwen status`. */
#include "cli_common.h"

#include <stdio.h>
#include <string.h>

/* The statuses in the order the report counts them. */
static const char *const S_statuses[] = {"已完成", "正常推进", "滞后", "严重滞后", "未报送"};
#define S_NSTATUS (sizeof S_statuses / sizeof S_statuses[0])

/* The task's short name: its title, else the first 24 characters. */
static void
S_name(const gw_task *t, gw_buf *b)
{
    const char *s = *t->title ? t->title : t->body;
    size_t i = 0, c = 0;
    gw_buf_clear(b);
    while (s[i] && c < 24) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        c++;
    }
    gw_buf_put(b, s, i);
    if (s[i] && !*t->title)
        gw_buf_puts(b, "…");
}

int
gw_cmd_status(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    gw_store *st = NULL;
    gw_plan *p = NULL;
    gw_status *s = NULL;
    const gw_unit *only = NULL;
    gw_buf q, name, out;
    size_t counts[S_NSTATUS] = {0};
    int rc, csv, yellow, red;

    gw_buf_init(&q);
    gw_buf_init(&name);
    gw_buf_init(&out);
    if ((rc = gw_cli_parse(argc, argv, GW_CLI_QUARTER | GW_CLI_FORMAT | GW_CLI_UNIT, 0, &a,
                           err)) < 0)
        goto out;
    csv = a.format && !strcmp(a.format, "csv");
    if (a.format && !csv && strcmp(a.format, "text")) {
        rc = gw_err_set(err, GW_EINPUT, "status: --format text or csv, not %s", a.format);
        goto out;
    }
    if ((rc = gw_cli_open(a.db, !a.db_given, &st, &p, err)) < 0)
        goto out;
    if (a.unit && !(only = gw_plan_unit_lookup(p, a.unit))) {
        rc = gw_err_set(err, GW_EINPUT, "status: no unit called %s in the unit directory",
                        a.unit);
        goto out;
    }
    if (a.quarter) {
        gw_buf_puts(&q, a.quarter);
    } else if ((rc = gw_store_latest_quarter(st, &q, err)) <= 0) {
        if (rc == 0)
            rc = gw_err_set(err, GW_EINPUT, "%s: no progress reports yet; name the quarter "
                            "(--quarter 2017Q4) or import reports (gongwen import progress "
                            "FILE)", a.db);
        goto out;
    }
    if ((rc = gw_store_status(st, q.ptr, &s, err)) < 0)
        goto out;
    gw_status_thresholds(s, &yellow, &red);
    if (csv)
        gw_buf_puts(&out, "序号,任务,牵头单位,状态,完成进度,应完成进度,报送日期\r\n");
    else
        gw_buf_printf(&out, "%s  滞后：落后时间进度%d至%d个百分点；严重滞后：%d个百分点以上"
                      "或逾期\n序号\t状态\t完成进度\t应完成进度\t报送日期\t牵头单位\t任务\n",
                      q.ptr, yellow, red, red);
    for (size_t i = 0; i < gw_status_count(s); i++) {
        const gw_status_row *r = gw_status_row_at(s, i);
        const gw_task *t = NULL;
        char no[16], pct[16] = "", exp[16] = "";
        for (size_t k = 0; k < gw_plan_task_count(p) && !t; k++)
            if (gw_plan_task(p, k)->no == r->task_no)
                t = gw_plan_task(p, k);
        if (!t || (only && !gw_plan_task_involves(p, t, only)))
            continue;
        for (size_t k = 0; k < S_NSTATUS; k++)
            counts[k] += !strcmp(r->status, S_statuses[k]);
        S_name(t, &name);
        snprintf(no, sizeof no, "%d", r->task_no);
        if (r->percent >= 0)
            snprintf(pct, sizeof pct, "%d", r->percent);
        if (r->expected >= 0)
            snprintf(exp, sizeof exp, "%.1f", r->expected);
        if (csv) {
            gw_csv_field(&out, no, 0);
            gw_csv_field(&out, name.ptr, 0);
            gw_csv_field(&out, r->lead, 0);
            gw_csv_field(&out, r->status, 0);
            gw_csv_field(&out, pct, 0);
            gw_csv_field(&out, exp, 0);
            gw_csv_field(&out, r->reported_at, 1);
        } else {
            gw_buf_printf(&out, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", no, r->status, pct, exp,
                          r->reported_at, r->lead, name.ptr);
        }
    }
    if (!csv) {
        for (size_t k = 0; k < S_NSTATUS; k++)
            gw_buf_printf(&out, "%s%s %zu", k ? "  " : "", S_statuses[k], counts[k]);
        gw_buf_putc(&out, '\n');
    }
    rc = gw_file_write_atomic("-", out.ptr, out.len, err);
out:
    gw_status_free(s);
    gw_plan_free(p);
    gw_store_close(st);
    gw_buf_free(&q);
    gw_buf_free(&name);
    gw_buf_free(&out);
    return rc;
}
