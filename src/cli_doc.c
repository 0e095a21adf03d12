/* cli_doc.c — xml, fo, notice and build: options, the record, then the
 * pipeline of kinds.h. */
#include "cli_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "kinds.h"
#include "sheets.h"
#include "xmlbuild.h"
#include "xslt.h"

static int
S_print(gw_xml_doc doc, gw_err *err)
{
    gw_buf b;
    int rc;
    gw_buf_init(&b);
    rc = gw_xml_dump(doc, &b, 0, err);
    if (rc == 0 && (fwrite(b.ptr, 1, b.len, stdout) != b.len || fflush(stdout) != 0))
        rc = gw_err_set(err, GW_EIO, "cannot write to standard output");
    gw_buf_free(&b);
    return rc;
}

/* xml and fo share everything but the transformation. */
static int
S_xml_or_fo(int argc, char **argv, int fo, gw_err *err)
{
    gw_cli_args a;
    gw_store *st = NULL;
    gw_plan *plan = NULL;
    gw_xml_doc xml = NULL, fodoc = NULL;
    gw_kind_opts ko;
    gw_cli_report rep;
    const char *kind;
    int rc;

    memset(&rep, 0, sizeof rep);
    /* -o is taken only to say why it is refused */
    rc = gw_cli_parse(argc, argv, GW_CLI_OUT | GW_CLI_UNIT | GW_CLI_QUARTER |
                      (fo ? GW_CLI_NO_TABLE : 0), 1, &a, err);
    if (rc < 0)
        return rc;
    if (a.npos == 0)
        return gw_err_set(err, GW_EUSAGE, "%s: which document? (notice, sheet or report)",
                          argv[0]);
    kind = a.pos[0];
    if (a.out != NULL)
        return gw_err_set(err, GW_EUSAGE, "%s: prints to standard output; no -o", argv[0]);
    if (fo && !strcmp(kind, "plan"))
        return gw_err_set(err, GW_EUSAGE, "%s: no template for 'plan'; use notice or sheet", argv[0]);
    if (!gw_kind_known(kind))
        return gw_err_set(err, GW_EUSAGE, "unknown document kind '%s' (notice, sheet, report "
                          "or plan)", kind);
    memset(&ko, 0, sizeof ko);
    ko.unit = a.unit;
    ko.no_table = a.no_table;
    if (!strcmp(kind, "sheet") && !ko.unit)
        return gw_err_set(err, GW_EUSAGE, "sheet: which unit? (--unit NAME)");
    if ((rc = gw_cli_open(a.db, !a.db_given, &st, &plan, err)) < 0)
        goto out;
    /* the report's numbers come from the record layer, not the builder */
    if (!strcmp(kind, "report") &&
        (rc = gw_cli_report_load(st, plan, a.quarter, &rep, &ko, err)) < 0)
        goto out;
    if ((rc = gw_kind_xml(kind, plan, &ko, &xml, err)) < 0)
        goto out;
    if (fo) {
        if ((rc = gw_kind_fo(kind, xml, &ko, &fodoc, err)) < 0)
            goto out;
        rc = S_print(fodoc, err);
    } else {
        rc = S_print(xml, err);
    }
out:
    xmlFreeDoc(fodoc);
    xmlFreeDoc(xml);
    gw_cli_report_free(&rep);
    gw_plan_free(plan);
    gw_store_close(st);
    gw_xslt_cleanup();
    return rc;
}

int
gw_cmd_xml(int argc, char **argv, gw_err *err)
{
    return S_xml_or_fo(argc, argv, 0, err);
}

int
gw_cmd_fo(int argc, char **argv, gw_err *err)
{
    return S_xml_or_fo(argc, argv, 1, err);
}

/* The notice of plan at path: a PDF, or with docx a Word document. */
static int
S_notice(const gw_plan *plan, const char *path, const gw_cli_args *a, int docx, gw_err *err)
{
    gw_xml_doc xml = NULL;
    gw_kind_opts ko;
    int rc;

    memset(&ko, 0, sizeof ko);
    ko.no_table = a->no_table;
    /* the PDF fills the tasks as it needs them (a notice in pieces) */
    ko.bare_tasks = !docx;
    /* refuse a bad -o (the database, a device) before the work */
    if ((rc = gw_cli_mkdir_for(path, err)) < 0 || (rc = gw_file_check_output(path, err)) < 0 ||
        (rc = gw_kind_xml("notice", plan, &ko, &xml, err)) < 0)
        goto out;
    rc = docx ? gw_kind_docx("notice", xml, &ko, path, err)
              : gw_kind_pdf("notice", &xml, &ko, plan, "notice.fo", path, NULL, err);
    if (rc < 0)
        goto out;
    gw_notef("wrote %s", path);
out:
    xmlFreeDoc(xml);
    return rc;
}

/* Quarters `build --all-quarters` writes a report for at most (25 years). */
#define S_MAX_QUARTERS 100

/* notice and build: the notice alone, or every document into a directory. */
static int
S_notice_or_build(int argc, char **argv, int build, gw_err *err)
{
    gw_cli_args a;
    gw_store *st = NULL;
    gw_plan *plan = NULL;
    gw_buf path, sheets, booklet;
    gw_cli_report rep;
    gw_kind_opts ko;
    int rc, want_pdf = 0, want_docx = 0;

    memset(&rep, 0, sizeof rep);
    memset(&ko, 0, sizeof ko);
    gw_buf_init(&path);
    gw_buf_init(&sheets);
    gw_buf_init(&booklet);
    rc = gw_cli_parse(argc, argv, GW_CLI_OUT | GW_CLI_NO_TABLE |
                      (build ? GW_CLI_ALL_QUARTERS | GW_CLI_FORMATS : GW_CLI_FORMAT), 0, &a,
                      err);
    if (rc < 0)
        goto out;
    /* notice --format pdf|docx; build --formats pdf,docx */
    if (a.format) {
        const char *f = a.format;
        while (*f) {
            size_t n = strcspn(f, ",");
            if (n == 3 && !strncmp(f, "pdf", 3))
                want_pdf = 1;
            else if (n == 4 && !strncmp(f, "docx", 4))
                want_docx = 1;
            else {
                rc = gw_err_set(err, GW_EINPUT, "%s: --format%s pdf%s or docx, not %.*s",
                                argv[0], build ? "s" : "", build ? ", docx" : "", (int)n, f);
                goto out;
            }
            f += n + (f[n] == ',');
        }
        if (!build && want_pdf && want_docx) {
            rc = gw_err_set(err, GW_EUSAGE, "notice: one --format, pdf or docx "
                            "(gongwen build --formats pdf,docx writes both)");
            goto out;
        }
    } else {
        want_pdf = 1;
    }
    if (!build) {
        /* notice -o x.docx writes Word; -o x.pdf --format docx is refused */
        if ((rc = gw_cli_out_format("notice", a.out, a.format, &want_docx, err)) < 0)
            goto out;
        want_pdf = !want_docx;
    }
    /* the record first: a --db that does not exist creates no directory */
    rc = gw_cli_open(a.db, !a.db_given, &st, &plan, err);
    if (rc < 0)
        goto out;
    if (!build) {
        gw_buf_puts(&path, a.out != NULL ? a.out : want_docx ? "out/notice.docx"
                                                               : "out/notice.pdf");
        rc = S_notice(plan, path.ptr, &a, want_docx, err);
        goto out;
    }
    if (a.out == NULL || a.out[0] == '\0')
        a.out = "out";
    rc = gw_mkdir_p(a.out, err);
    if (rc < 0)
        goto out;
    /* every document kind, the notice first; Word: the notice (the kinds
     * with a Word template) */
    if (want_docx) {
        gw_buf_printf(&path, "%s/notice.docx", a.out);
        if ((rc = S_notice(plan, path.ptr, &a, 1, err)) < 0)
            goto out;
        gw_buf_clear(&path);
    }
    gw_buf_printf(&sheets, "%s/sheets", a.out);
    if (want_pdf) {
        gw_buf_printf(&path, "%s/notice.pdf", a.out);
        rc = S_notice(plan, path.ptr, &a, 0, err);
        if (rc < 0)
            goto out;
        gw_buf_printf(&booklet, "%s/sheets.pdf", a.out);
        rc = gw_mkdir_p(sheets.ptr, err);
        if (rc < 0)
            goto out;
        rc = gw_sheets_write(plan, sheets.ptr, booklet.ptr, NULL, 0, err);
        if (rc < 0)
            goto out;
    }
    if (want_docx) {
        /* the Word sheets beside the PDFs, NN-单位名.docx */
        rc = gw_sheets_write_docx(plan, sheets.ptr, NULL, 0, err);
        if (rc < 0)
            goto out;
    }
    /* the report of the latest quarter, once there are progress reports;
     * --all-quarters: one for every quarter with reports */
    if ((rc = gw_store_latest_quarter(st, &path, err)) <= 0)
        goto out;
    {
        char qs[S_MAX_QUARTERS][16], latest[16];
        size_t nq = 1;
        snprintf(latest, sizeof latest, "%s", path.ptr);
        if (a.all_quarters && (rc = gw_store_report_quarters(st, qs, S_MAX_QUARTERS, &nq,
                                                             err)) < 0)
            goto out;
        for (size_t i = 0; i < nq && rc >= 0; i++) {
            gw_cli_report_free(&rep);
            memset(&rep, 0, sizeof rep);
            memset(&ko, 0, sizeof ko);
            if ((rc = gw_cli_report_load(st, plan, a.all_quarters ? qs[i] : latest, &rep,
                                         &ko, err)) < 0)
                break;
            gw_buf_clear(&path);
            if (want_pdf) {
                gw_buf_printf(&path, "%s/report-%s.pdf", a.out, rep.quarter.ptr);
                rc = gw_cli_report_write(plan, &ko, path.ptr, 0, err);
            }
            if (rc == 0 && want_docx) {
                gw_buf_clear(&path);
                gw_buf_printf(&path, "%s/report-%s.docx", a.out, rep.quarter.ptr);
                rc = gw_cli_report_write(plan, &ko, path.ptr, 1, err);
            }
        }
    }
out:
    gw_cli_report_free(&rep);
    gw_buf_free(&path);
    gw_buf_free(&sheets);
    gw_buf_free(&booklet);
    gw_plan_free(plan);
    gw_store_close(st);
    gw_xslt_cleanup();
    return rc;
}

int
gw_cmd_notice(int argc, char **argv, gw_err *err)
{
    return S_notice_or_build(argc, argv, 0, err);
}

int
gw_cmd_build(int argc, char **argv, gw_err *err)
{
    return S_notice_or_build(argc, argv, 1, err);
}
