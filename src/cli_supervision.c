/* cli_supervision.c — quarterly supervision: `gongwen status` and the
 * quarterly report (`gongwen report`, also for xml/fo/build in cli_doc.c). */
#include "cli_common.h"

#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "date.h"
#include "xslt.h"

int
gw_cmd_status(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    gw_store *st = NULL;
    gw_plan *p = NULL;
    gw_status *s = NULL;
    const gw_unit *only = NULL;
    gw_buf q, name, out;
    size_t counts[GW_STATUS_N] = {0};
    int rc, csv, yellow, red, y, qn;

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
    if (!gw_date_quarter(q.ptr, &y, &qn)) {
        rc = gw_err_set(err, GW_EUSAGE, "status: quarter %s: write it as 2017Q4", q.ptr);
        goto out;
    }
    if ((rc = gw_plan_schedule_check(p, y, qn, "status", err)) < 0)
        goto out;
    if (rc == 1)
        gw_warnf("status: %s is after the last reporting date the task sheets print", q.ptr);
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
        for (size_t k = 0; k < GW_STATUS_N; k++)
            counts[k] += !strcmp(r->status, gw_status_names[k]);
        gw_plan_task_name(t, &name);
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
        for (size_t k = 0; k < GW_STATUS_N; k++)
            gw_buf_printf(&out, "%s%s %zu", k ? "  " : "", gw_status_names[k], counts[k]);
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

/* ---------------------------------------------------------------- report */

/* 1 when any task of s has its lead's report (a status other than 未报送). */
static int
S_reported(const gw_status *s)
{
    for (size_t i = 0; i < gw_status_count(s); i++)
        if (strcmp(gw_status_row_at(s, i)->status, "未报送"))
            return 1;
    return 0;
}

/* The statuses of the quarters from the schedule's first, y/qn, to ey/eq,
 * those with reports, the latest GW_CLI_TREND kept in r->trend, oldest
 * first (the report's 图3). */
static int
S_trend(gw_store *st, int y, int qn, int ey, int eq, gw_cli_report *r, gw_err *err)
{
    gw_status *s = NULL;
    int rc = 0;

    for (; gw_quarter_cmp(y, qn, ey, eq) <= 0; gw_quarter_add(&y, &qn, 1)) {
        char name[16];
        snprintf(name, sizeof name, "%dQ%d", y, qn);
        if ((rc = gw_store_status(st, name, &s, err)) < 0)
            goto out;
        if (!S_reported(s)) {
            gw_status_free(s);
            s = NULL;
            continue;
        }
        if (r->ntrend == GW_CLI_TREND) {
            /* the oldest makes room: the chart shows the latest two years */
            gw_status_free(r->trend[0]);
            memmove(r->trend, r->trend + 1, (GW_CLI_TREND - 1) * sizeof r->trend[0]);
            memmove(r->trend_name, r->trend_name[1], (GW_CLI_TREND - 1) * sizeof r->trend_name[0]);
            r->ntrend--;
        }
        r->trend[r->ntrend] = s;
        s = NULL;
        snprintf(r->trend_name[r->ntrend], sizeof r->trend_name[0], "%s", name);
        r->ntrend++;
    }
    for (size_t i = 0; i < r->ntrend; i++)
        r->trend_q[i] = r->trend_name[i];
out:
    gw_status_free(s);
    return rc;
}

int
gw_cli_report_load(gw_store *st, const gw_plan *plan, const char *quarter, gw_cli_report *r,
                   gw_kind_opts *ko, gw_err *err)
{
    char prevq[16];
    int rc, y, qn, fy, fq, py, pq;

    memset(r, 0, sizeof *r);
    gw_buf_init(&r->quarter);
    if (quarter) {
        gw_buf_puts(&r->quarter, quarter);
    } else if ((rc = gw_store_latest_quarter(st, &r->quarter, err)) <= 0) {
        if (rc == 0)
            rc = gw_err_set(err, GW_EINPUT, "%s: no progress reports yet; name the quarter "
                            "(--quarter 2017Q4) or import reports (gongwen import progress "
                            "FILE)", gw_store_path(st));
        return rc;
    }
    if (!gw_date_quarter(r->quarter.ptr, &y, &qn))
        return gw_err_set(err, GW_EUSAGE, "quarter %s: write it as 2017Q4", r->quarter.ptr);
    /* the quarters the sheets asked for, no earlier: a quarter before the
     * plan reached the units has nothing to report */
    if ((rc = gw_plan_schedule_check(plan, y, qn, "report", err)) < 0)
        return rc;
    if (rc == 1)
        gw_warnf("report: %s is after the last reporting date the task sheets print; "
                 "rebuild the sheets if the plan is supervised longer", r->quarter.ptr);
    (void)gw_plan_schedule(plan, &fy, &fq);
    if ((rc = gw_store_status(st, r->quarter.ptr, &r->status, err)) < 0 ||
        (rc = gw_store_lead_reports(st, r->quarter.ptr, &r->reports, err)) < 0)
        return rc;
    /* the comparison with the quarter before, when units were asked for it */
    py = y;
    pq = qn;
    gw_quarter_add(&py, &pq, -1);
    snprintf(prevq, sizeof prevq, "%dQ%d", py, pq);
    if (gw_quarter_cmp(py, pq, fy, fq) >= 0 &&
        (rc = gw_store_status(st, prevq, &r->prev, err)) < 0)
        return rc;
    if ((rc = S_trend(st, fy, fq, y, qn, r, err)) < 0)
        return rc;
    ko->trend = (const gw_status *const *)r->trend;
    ko->trend_q = r->trend_q;
    ko->ntrend = r->ntrend;
    ko->quarter = r->quarter.ptr;
    ko->status = r->status;
    ko->prev = r->prev;
    ko->reports = r->reports;
    return 0;
}

void
gw_cli_report_free(gw_cli_report *r)
{
    gw_status_free(r->status);
    gw_status_free(r->prev);
    gw_lead_reports_free(r->reports);
    for (size_t i = 0; i < r->ntrend; i++)
        gw_status_free(r->trend[i]);
    gw_buf_free(&r->quarter);
    memset(r, 0, sizeof *r);
}

/* The report of the quarter r holds into path. */
int
gw_cli_report_write(const gw_plan *plan, const gw_kind_opts *ko, const char *path, int docx,
                    gw_err *err)
{
    gw_xml_doc xml = NULL;
    int rc;
    /* refuse a bad -o (the database, a device) before the work */
    if ((rc = gw_cli_mkdir_for(path, err)) < 0 || (rc = gw_file_check_output(path, err)) < 0 ||
        (rc = gw_kind_xml("report", plan, ko, &xml, err)) < 0)
        goto out;
    rc = docx ? gw_kind_docx("report", xml, ko, path, err)
              : gw_kind_pdf("report", &xml, ko, plan, "report.fo", path, NULL, err);
    if (rc < 0)
        goto out;
    gw_notef("wrote %s", path);
out:
    xmlFreeDoc(xml);
    return rc;
}

int
gw_cmd_report(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    gw_store *st = NULL;
    gw_plan *p = NULL;
    gw_cli_report r;
    gw_kind_opts ko;
    gw_buf path;
    int rc, docx = 0;

    memset(&r, 0, sizeof r);
    memset(&ko, 0, sizeof ko);
    gw_buf_init(&path);
    if ((rc = gw_cli_parse(argc, argv, GW_CLI_OUT | GW_CLI_QUARTER | GW_CLI_FORMAT, 0, &a,
                           err)) < 0)
        goto out;
    if (a.format && strcmp(a.format, "pdf") && strcmp(a.format, "docx")) {
        rc = gw_err_set(err, GW_EINPUT, "report: --format pdf or docx, not %s", a.format);
        goto out;
    }
    if ((rc = gw_cli_out_format("report", a.out, a.format, &docx, err)) < 0)
        goto out;
    if ((rc = gw_cli_open(a.db, !a.db_given, &st, &p, err)) < 0 ||
        (rc = gw_cli_report_load(st, p, a.quarter, &r, &ko, err)) < 0)
        goto out;
    if (a.out)
        gw_buf_puts(&path, a.out);
    else
        gw_buf_printf(&path, "out/report-%s.%s", r.quarter.ptr, docx ? "docx" : "pdf");
    rc = gw_cli_report_write(p, &ko, path.ptr, docx, err);
out:
    gw_cli_report_free(&r);
    gw_plan_free(p);
    gw_store_close(st);
    gw_buf_free(&path);
    gw_xslt_cleanup();
    return rc;
}
