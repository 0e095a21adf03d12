/* report.c — the quarterly supervision report (督查通报) kind: the plan and
 * the statuses of one quarter (computed by the record layer, handed in by
 * the command) → intermediate XML <report> (data/report.rng) for
 * templates/report.xsl.  Every number the report prints is counted here, in
 * C, so that the headline can be read back and checked (tests/t_report.sh);
 * the template only lays the numbers out. */
#include "xmlbuild-imp.h"

#include "meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Attribute names of the counts on <category> and <unit>, in the order of
 * gw_status_names. */
static const char *const S_attrs[GW_STATUS_N] = {"done", "normal", "behind", "severe", "missing"};

/* A lead unit that is none of the directory's (a task without a lead). */
#define S_NO_LEAD "未明确牵头单位"

static int
S_idx(const char *status)
{
    for (int k = 0; k < GW_STATUS_N; k++)
        if (!strcmp(status, gw_status_names[k]))
            return k;
    return GW_STATUS_MISSING;
}

/* One group of tasks counted by status: a category (sec, its section: two
 * categories may share a title under different level-1 sections) or a
 * lead unit (sec NULL, told apart by name). */
typedef struct {
    const gw_section *sec;
    const char *name, *label;
    size_t      n[GW_STATUS_N], total;
} S_tally;

static const gw_task *
S_task(const gw_plan *plan, int no)
{
    for (size_t k = 0; k < gw_plan_task_count(plan); k++)
        if (gw_plan_task(plan, k)->no == no)
            return gw_plan_task(plan, k);
    return NULL;
}

/* The task's category: its section, or the level-2 section above it. */
static const gw_section *
S_category(const gw_plan *plan, const gw_task *t)
{
    const gw_section *s = gw_plan_section_by_id(plan, t->section);
    size_t guard = gw_plan_section_count(plan);
    while (s && s->level > 2 && s->parent && guard--)
        s = gw_plan_section_by_id(plan, s->parent);
    return s;
}

/* "10.0%" of n out of total. */
static void
S_rate(size_t n, size_t total, char out[16])
{
    snprintf(out, 16, "%.1f%%", total ? 100.0 * (double)n / (double)total : 0.0);
}

static void
S_tally_el(xmlNodePtr parent, const char *el, const S_tally *t)
{
    xmlNodePtr n = gw_xb_el(parent->doc, parent, el, t->name);
    char rate[16];
    if (t->label)
        gw_xb_attr(n, "label", t->label);
    gw_xb_attr_int(n, "total", (long)t->total);
    for (int k = 0; k < GW_STATUS_N; k++)
        gw_xb_attr_int(n, S_attrs[k], (long)t->n[k]);
    S_rate(t->n[GW_STATUS_DONE], t->total, rate);
    gw_xb_attr(n, "rate", rate);
}

/* Adds task status k to the tally of section sec, or (sec NULL) the one
 * called name, in *v (*n of them). */
static void
S_tally_add(S_tally **v, size_t *n, const gw_section *sec, const char *name, const char *label,
            int k)
{
    size_t i;
    for (i = 0; i < *n && (sec ? (*v)[i].sec != sec : strcmp((*v)[i].name, name) != 0); i++)
        ;
    if (i == *n) {
        *v = gw_xrealloc(*v, (*n + 1) * sizeof **v);
        memset(&(*v)[i], 0, sizeof **v);
        (*v)[i].sec = sec;
        (*v)[i].name = name;
        (*v)[i].label = label;
        (*n)++;
    }
    (*v)[i].n[k]++;
    (*v)[i].total++;
}

/* The metadata of the report: the notice's 版头 and 版记 keys, its own
 * document number and date. */
static const char *const S_plain_meta[][2] = {
    {"issuer", "issuer"}, {"issuer_mark", "issuer-mark"}, {"addressees", "addressees"},
    {"copy_to", "copy-to"}, {"printer", "printer"}, {"copy_no", "copy-no"},
    {"secret", "secret"}, {"urgency", "urgency"},
};

static int
S_meta(const gw_plan *plan, const char *quarter, int y, int qn, xmlNodePtr root, gw_err *err)
{
    static const char *const required[] = {"title", "issuer", "sign_date", "addressees"};
    static const char *const qcn[] = {"一", "二", "三", "四"};
    xmlNodePtr meta = gw_xb_el(root->doc, root, "meta", NULL);
    const char *v;
    gw_buf b;
    gw_date d;
    size_t i;
    int rc = 0;

    gw_buf_init(&b);
    for (i = 0; i < sizeof required / sizeof required[0]; i++) {
        v = gw_plan_meta(plan, required[i]);
        if (v == NULL || v[0] == '\0') {
            rc = gw_err_set(err, GW_EINPUT, "plan metadata %s is not set; a report needs it "
                            "(gongwen set %s VALUE)", required[i], required[i]);
            goto out;
        }
    }
    if ((rc = gw_meta_check_plan(plan, err)) < 0)
        goto out;
    gw_buf_printf(&b, "%d年第%s季度", y, qcn[qn - 1]);
    gw_xb_el(root->doc, meta, "quarter-cn", b.ptr);
    /* 关于《…》: a title holding 《》 of its own takes 〈〉 inside (as the
     * notice's 现将《…》) */
    gw_buf_clear(&b);
    gw_buf_puts(&b, "关于《");
    for (v = gw_plan_meta(plan, "title"); *v; v++) {
        if (!strncmp(v, "《", 3) || !strncmp(v, "》", 3)) {
            gw_buf_puts(&b, v[2] == "《"[2] ? "〈" : "〉");
            v += 2;
        } else {
            gw_buf_putc(&b, *v);
        }
    }
    gw_buf_printf(&b, "》落实情况的督查通报（%d年第%s季度）", y, qcn[qn - 1]);
    gw_xb_title_lines(root->doc, gw_xb_el(root->doc, meta, "title", NULL), b.ptr);
    gw_xb_el(root->doc, meta, "plan-title", gw_plan_meta(plan, "title"));
    for (i = 0; i < sizeof S_plain_meta / sizeof S_plain_meta[0]; i++) {
        v = gw_plan_meta(plan, S_plain_meta[i][0]);
        if (v != NULL && v[0] != '\0')
            gw_xb_el(root->doc, meta, S_plain_meta[i][1], v);
    }
    v = gw_plan_meta(plan, "printer");
    if (v == NULL || v[0] == '\0')
        gw_xb_el(root->doc, meta, "printer", gw_plan_meta(plan, "issuer"));
    /* the number of the quarter's report in the issuer's 通 series unless
     * the record names one (docs/supervision.md) */
    v = gw_plan_meta(plan, "report_doc_number");
    gw_buf_clear(&b);
    if (v != NULL && v[0] != '\0')
        gw_buf_puts(&b, v);
    else
        gw_doc_number_series(gw_plan_meta(plan, "doc_number"), "通", y, qn, &b);
    gw_xb_el(root->doc, meta, "doc-number", b.ptr);
    /* signed and printed on the quarter's last day unless report_date says
     * otherwise (checked by gw_meta_check_plan above) */
    v = gw_plan_meta(plan, "report_date");
    if (v == NULL || v[0] == '\0' || !gw_date_parse(v, &d))
        gw_date_quarter_end(y, qn, &d);
    gw_xb_date(root->doc, meta, "sign-date", &d);
    gw_xb_date(root->doc, meta, "print-date", &d);
    gw_xb_attr(root, "quarter", quarter);
out:
    gw_buf_free(&b);
    return rc;
}

/* The headline: the counts, the completion rate, the change against the
 * quarter before, the thresholds.  Read back by tests/t_report.sh. */
static void
S_headline(xmlNodePtr root, const size_t *n, size_t total, const gw_status *prev,
           int yellow, int red)
{
    gw_buf b;
    char rate[16];
    gw_buf_init(&b);
    gw_buf_printf(&b, "全市%zu项任务中", total);
    for (int k = 0; k < GW_STATUS_N; k++)
        gw_buf_printf(&b, "，%s%zu项", gw_status_names[k], n[k]);
    S_rate(n[GW_STATUS_DONE], total, rate);
    gw_buf_printf(&b, "，完成率%s", rate);
    if (prev) {
        long before = 0, d;
        for (size_t i = 0; i < gw_status_count(prev); i++)
            before += !strcmp(gw_status_row_at(prev, i)->status, gw_status_names[GW_STATUS_DONE]);
        d = (long)n[GW_STATUS_DONE] - before;
        if (d > 0)
            gw_buf_printf(&b, "，较上季度增加%ld项", d);
        else if (d < 0)
            gw_buf_printf(&b, "，较上季度减少%ld项", -d);
        else
            gw_buf_puts(&b, "，与上季度持平");
    }
    gw_buf_printf(&b, "。滞后指实际进度落后时间进度%d至%d个百分点；严重滞后指落后%d个百分点"
                  "以上或逾期未完成。", yellow, red, red);
    gw_xb_el(root->doc, root, "headline", b.ptr);
    gw_buf_free(&b);
}

/* <trend>: the counts of each quarter with reports (图3), oldest first;
 * nothing for fewer than two (no change to show). */
static void
S_trend(xmlNodePtr root, const gw_status *const *trend, const char *const *names, size_t n)
{
    static const char *const qcn[] = {"一", "二", "三", "四"};
    xmlNodePtr el, q;
    gw_buf b;
    int y, qn;

    if (n < 2)
        return;
    gw_buf_init(&b);
    el = gw_xb_el(root->doc, root, "trend", NULL);
    for (size_t i = 0; i < n; i++) {
        S_tally t;
        memset(&t, 0, sizeof t);
        if (!gw_date_quarter(names[i], &y, &qn))
            continue;
        for (size_t j = 0; j < gw_status_count(trend[i]); j++) {
            t.n[S_idx(gw_status_row_at(trend[i], j)->status)]++;
            t.total++;
        }
        t.name = "";
        S_tally_el(el, "quarter", &t);
        q = el->last;
        gw_xb_attr(q, "q", names[i]);
        gw_buf_clear(&b);
        gw_buf_printf(&b, "%d年", y);
        gw_xb_attr(q, "year", b.ptr);
        gw_buf_clear(&b);
        gw_buf_printf(&b, "第%s季度", qcn[qn - 1]);
        gw_xb_attr(q, "quarter", b.ptr);
    }
    gw_buf_free(&b);
}

int
gw_xml_report(const gw_plan *plan, const char *quarter, const gw_status *status,
              const gw_status *prev, const gw_lead_reports *reports,
              const gw_status *const *trend, const char *const *trend_q, size_t ntrend,
              gw_xml_doc *out, gw_err *err)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"report"), el, n;
    S_tally *cats = NULL, *units = NULL;
    size_t ncats = 0, nunits = 0, counts[GW_STATUS_N] = {0}, total = 0, i;
    int y, qn, yellow, red, rc;
    gw_buf name;

    *out = NULL;
    gw_buf_init(&name);
    xmlDocSetRootElement(doc, root);
    if (!quarter || !status || !gw_date_quarter(quarter, &y, &qn)) {
        rc = gw_err_set(err, GW_EUSAGE, "report: which quarter? (--quarter 2017Q4)");
        goto out;
    }
    if ((rc = S_meta(plan, quarter, y, qn, root, err)) < 0)
        goto out;
    gw_status_thresholds(status, &yellow, &red);

    /* categories in the plan's order, then counted */
    for (i = 0; i < gw_plan_section_count(plan); i++) {
        const gw_section *s = gw_plan_section(plan, i);
        if (s->level == 2 && !s->is_requirements) {
            cats = gw_xrealloc(cats, (ncats + 1) * sizeof *cats);
            memset(&cats[ncats], 0, sizeof *cats);
            cats[ncats].sec = s;
            cats[ncats].name = s->title;
            cats[ncats].label = s->label;
            ncats++;
        }
    }
    for (i = 0; i < gw_status_count(status); i++) {
        const gw_status_row *r = gw_status_row_at(status, i);
        const gw_task *t = S_task(plan, r->task_no);
        const gw_section *c = t ? S_category(plan, t) : NULL;
        int k = S_idx(r->status);
        counts[k]++;
        total++;
        if (c)
            S_tally_add(&cats, &ncats, c, c->title, c->label, k);
        S_tally_add(&units, &nunits, NULL, *r->lead ? r->lead : S_NO_LEAD, NULL, k);
    }
    S_headline(root, counts, total, prev, yellow, red);
    el = gw_xb_el(doc, root, "counts", NULL);
    gw_xb_attr_int(el, "total", (long)total);
    for (int k = 0; k < GW_STATUS_N; k++) {
        n = gw_xb_el(doc, el, "count", NULL);
        gw_xb_attr(n, "status", gw_status_names[k]);
        gw_xb_attr(n, "key", S_attrs[k]);
        gw_xb_attr_int(n, "n", (long)counts[k]);
    }
    el = gw_xb_el(doc, root, "categories", NULL);
    for (i = 0; i < ncats; i++)
        S_tally_el(el, "category", &cats[i]);
    S_trend(root, trend, trend_q, ntrend);

    /* lead units by tasks behind (滞后 + 严重滞后), most first; a stable
     * insertion sort keeps the plan's order among equals */
    for (i = 1; i < nunits; i++) {
        S_tally u = units[i];
        size_t j = i, behind = u.n[GW_STATUS_BEHIND] + u.n[GW_STATUS_SEVERE];
        while (j > 0 && units[j - 1].n[GW_STATUS_BEHIND] + units[j - 1].n[GW_STATUS_SEVERE] < behind) {
            units[j] = units[j - 1];
            j--;
        }
        units[j] = u;
    }
    el = gw_xb_el(doc, root, "units", NULL);
    for (i = 0; i < nunits; i++)
        S_tally_el(el, "unit", &units[i]);

    /* every task: the 附件's rows; the behind ones also in the body */
    el = gw_xb_el(doc, root, "tasks", NULL);
    for (i = 0; i < gw_status_count(status); i++) {
        const gw_status_row *r = gw_status_row_at(status, i);
        const gw_task *t = S_task(plan, r->task_no);
        const char *progress, *problems;
        char num[32];
        int k;
        if (!t)
            continue;
        gw_lead_report(reports, r->task_no, &progress, &problems);
        gw_plan_task_name(t, &name);
        n = gw_xb_el(doc, el, "task", NULL);
        gw_xb_attr_int(n, "no", r->task_no);
        gw_xb_attr(n, "status", r->status);
        gw_xb_attr(n, "key", S_attrs[S_idx(r->status)]);
        gw_xb_attr(n, "lead", *r->lead ? r->lead : S_NO_LEAD);
        num[0] = '\0';
        if (r->percent >= 0)
            snprintf(num, sizeof num, "%d%%", r->percent);
        gw_xb_attr(n, "percent", num);
        num[0] = '\0';
        if (r->expected >= 0)
            snprintf(num, sizeof num, "%.1f%%", r->expected);
        gw_xb_attr(n, "expected", num);
        gw_xb_el(doc, n, "name", name.ptr);
        gw_xb_el(doc, n, "progress", progress);
        /* a task behind schedule always says why: 未说明 when its lead left
         * it blank */
        k = S_idx(r->status);
        gw_xb_el(doc, n, "problems",
                 *problems || (k != GW_STATUS_BEHIND && k != GW_STATUS_SEVERE) ? problems : "未说明");
    }

    /* the leads of tasks not reported, once each, with how many */
    el = gw_xb_el(doc, root, "missing-units", NULL);
    for (i = 0; i < nunits; i++)
        if (units[i].n[GW_STATUS_MISSING] > 0) {
            n = gw_xb_el(doc, el, "unit", units[i].name);
            gw_xb_attr_int(n, "tasks", (long)units[i].n[GW_STATUS_MISSING]);
        }

    /* next steps: the plan's 工作要求, then the report's own */
    el = gw_xb_el(doc, root, "requirements", NULL);
    for (i = 0; i < gw_plan_requirement_count(plan); i++) {
        const gw_requirement *r = gw_plan_requirement(plan, i);
        n = gw_xb_el(doc, el, "requirement", r->text);
        gw_xb_attr(n, "label", r->label);
    }
    {
        const char *v = gw_plan_meta(plan, "report_requirements");
        if (v && *v)
            gw_xb_el(doc, el, "extra", v);
    }
    *out = doc;
    doc = NULL;
    rc = 0;
out:
    free(cats);
    free(units);
    gw_buf_free(&name);
    if (doc)
        xmlFreeDoc(doc);
    return rc;
}
