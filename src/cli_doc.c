/* cli_doc.c — xml, fo, notice and build: the record through the
 * intermediate XML and the templates to PDF. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "plan.h"
#include "render.h"
#include "sheets.h"
#include "store.h"
#include "xmlbuild.h"
#include "xslt.h"

typedef struct {
    const char *db;
    const char *out;
    const char *unit;
    const char *kind;
    int         no_table;   /* --no-table: the notice without 附件2 */
} S_opts;

/* XSLT parameters of the notice template for the options. */
static const char *const S_no_table_params[] = {"table", "0", NULL};
#define S_PARAMS(o) ((o)->no_table ? S_no_table_params : NULL)

/* What a command takes besides --db and -o (S_parse's `takes`). */
enum { S_KIND = 1, S_UNIT = 2, S_NO_TABLE = 4 };

/* Parses [KIND] [--db PATH] [-o OUT] [--unit NAME] [--no-table] as far as
 * `takes` (S_KIND|S_UNIT|S_NO_TABLE) allows; -o is checked by the caller.
 * 0 or GW_EUSAGE. */
static int
S_parse(int argc, char **argv, int takes, S_opts *o, gw_err *err)
{
    int want_kind = takes & S_KIND;
    int i, r;
    memset(o, 0, sizeof *o);
    o->db = GW_DEFAULT_DB;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((r = gw_cli_optval(argc, argv, &i, "--db", &o->db, err)) != 0) {
            if (r < 0)
                return r;
        } else if ((r = gw_cli_optval(argc, argv, &i, "-o", &o->out, err)) != 0) {
            if (r < 0)
                return r;
        } else if ((takes & S_UNIT) && (r = gw_cli_optval(argc, argv, &i, "--unit", &o->unit, err)) != 0) {
            if (r < 0)
                return r;
        } else if ((takes & S_NO_TABLE) && !strcmp(a, "--no-table")) {
            o->no_table = 1;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet") || !strcmp(a, "-v") || !strcmp(a, "--verbose")) {
            continue;                   /* handled by main.c */
        } else if (a[0] == '-') {
            return gw_err_set(err, GW_EUSAGE, "%s: unknown option %s", argv[0], a);
        } else if (want_kind && o->kind == NULL) {
            o->kind = a;
        } else {
            return gw_err_set(err, GW_EUSAGE, "%s: unexpected argument '%s'", argv[0], a);
        }
    }
    if (want_kind && o->kind == NULL)
        return gw_err_set(err, GW_EUSAGE, "%s: which document? (notice or sheet)", argv[0]);
    if (o->db[0] == '\0')
        return gw_err_set(err, GW_EUSAGE, "%s: --db needs a path", argv[0]);
    return 0;
}

/* Makes the directory that will hold `path`. */
static int
S_mkdir_for(const char *path, gw_err *err)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    int rc = 0;
    if (slash == NULL || slash == path)
        return 0;
    dir = gw_xstrndup(path, (size_t)(slash - path));
    rc = gw_mkdir_p(dir, err);
    free(dir);
    return rc;
}

/* Opens the record (creating it from the embedded default plan when the
 * database does not exist or holds no plan) and loads the snapshot.  On
 * success the caller closes *st and frees *plan. */
static int
S_load(const char *db, gw_store **st, gw_plan **plan, gw_err *err)
{
    int rc;
    *st = NULL;
    *plan = NULL;
    rc = S_mkdir_for(db, err);
    if (rc < 0)
        goto out;
    rc = gw_store_open(st, db, err);
    if (rc < 0)
        goto out;
    rc = gw_store_ensure_default(*st, err);
    if (rc < 0)
        goto out;
    rc = gw_plan_load(*st, plan, err);
out:
    if (rc < 0) {
        if (*st != NULL)
            gw_store_close(*st);
        *st = NULL;
        gw_err_prefix(err, "%s", db);
    }
    return rc;
}

/* The intermediate XML of a kind ("notice"/"plan" or "sheet" with unit). */
static int
S_xml(const gw_plan *plan, const char *kind, const char *unit, xmlDocPtr *out, gw_err *err)
{
    if (!strcmp(kind, "notice") || !strcmp(kind, "plan"))
        return gw_xml_notice(plan, out, err);
    if (!strcmp(kind, "sheet")) {
        if (unit == NULL)
            return gw_err_set(err, GW_EUSAGE, "sheet: which unit? (--unit NAME)");
        return gw_sheet_xml(plan, unit, out, err);
    }
    return gw_err_set(err, GW_EUSAGE, "unknown document kind '%s' (notice, sheet or plan)", kind);
}

static int
S_print(xmlDocPtr doc, gw_err *err)
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
    S_opts o;
    gw_store *st = NULL;
    gw_plan *plan = NULL;
    xmlDocPtr xml = NULL, fodoc = NULL;
    int rc;

    rc = S_parse(argc, argv, S_KIND | S_UNIT | (fo ? S_NO_TABLE : 0), &o, err);
    if (rc < 0)
        return rc;
    if (o.out != NULL)
        return gw_err_set(err, GW_EUSAGE, "%s: prints to standard output; no -o", argv[0]);
    if (fo && !strcmp(o.kind, "plan"))
        return gw_err_set(err, GW_EUSAGE, "%s: no template for 'plan'; use notice or sheet", argv[0]);
    rc = S_load(o.db, &st, &plan, err);
    if (rc < 0)
        goto out;
    rc = S_xml(plan, o.kind, o.unit, &xml, err);
    if (rc < 0)
        goto out;
    if (fo) {
        if (!strcmp(o.kind, "sheet"))
            rc = gw_xslt_apply("sheet", xml, NULL, &fodoc, err);
        else
            rc = gw_xslt_apply("notice", xml, S_PARAMS(&o), &fodoc, err);
        if (rc < 0)
            goto out;
        rc = S_print(fodoc, err);
    } else {
        rc = S_print(xml, err);
    }
out:
    if (fodoc != NULL)
        xmlFreeDoc(fodoc);
    if (xml != NULL)
        xmlFreeDoc(xml);
    if (plan != NULL)
        gw_plan_free(plan);
    if (st != NULL)
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

/* Record -> XML -> FO -> PDF at path (written atomically by the renderer). */
static int
S_notice(const gw_plan *plan, const char *path, const S_opts *o, gw_err *err)
{
    xmlDocPtr xml = NULL, fo = NULL;
    gw_render_opts ro;
    int rc;

    memset(&ro, 0, sizeof ro);
    rc = S_mkdir_for(path, err);
    if (rc < 0)
        goto out;
    rc = gw_xml_notice(plan, &xml, err);
    if (rc < 0)
        goto out;
    rc = gw_xslt_apply("notice", xml, S_PARAMS(o), &fo, err);
    if (rc < 0)
        goto out;
    rc = gw_render_doc(fo, "notice.fo", path, &ro, err);
    if (rc < 0)
        goto out;
    gw_notef("wrote %s", path);
out:
    if (fo != NULL)
        xmlFreeDoc(fo);
    if (xml != NULL)
        xmlFreeDoc(xml);
    return rc;
}

int
gw_cmd_notice(int argc, char **argv, gw_err *err)
{
    S_opts o;
    gw_store *st = NULL;
    gw_plan *plan = NULL;
    int rc;

    rc = S_parse(argc, argv, S_NO_TABLE, &o, err);
    if (rc < 0)
        return rc;
    if (o.out == NULL)
        o.out = "out/notice.pdf";
    rc = S_load(o.db, &st, &plan, err);
    if (rc < 0)
        goto out;
    rc = S_notice(plan, o.out, &o, err);
out:
    if (plan != NULL)
        gw_plan_free(plan);
    if (st != NULL)
        gw_store_close(st);
    gw_xslt_cleanup();
    return rc;
}

int
gw_cmd_build(int argc, char **argv, gw_err *err)
{
    S_opts o;
    gw_store *st = NULL;
    gw_plan *plan = NULL;
    gw_buf path, sheets, booklet;
    int rc;

    gw_buf_init(&path);
    gw_buf_init(&sheets);
    gw_buf_init(&booklet);
    rc = S_parse(argc, argv, S_NO_TABLE, &o, err);
    if (rc < 0)
        goto out;
    if (o.out == NULL || o.out[0] == '\0')
        o.out = "out";
    rc = gw_mkdir_p(o.out, err);
    if (rc < 0)
        goto out;
    rc = S_load(o.db, &st, &plan, err);
    if (rc < 0)
        goto out;
    /* every document kind, the notice first */
    gw_buf_printf(&path, "%s/notice.pdf", o.out);
    rc = S_notice(plan, path.ptr, &o, err);
    if (rc < 0)
        goto out;
    gw_buf_printf(&sheets, "%s/sheets", o.out);
    gw_buf_printf(&booklet, "%s/sheets.pdf", o.out);
    rc = gw_mkdir_p(sheets.ptr, err);
    if (rc < 0)
        goto out;
    rc = gw_sheets_write(plan, sheets.ptr, booklet.ptr, NULL, 0, err);
out:
    gw_buf_free(&path);
    gw_buf_free(&sheets);
    gw_buf_free(&booklet);
    if (plan != NULL)
        gw_plan_free(plan);
    if (st != NULL)
        gw_store_close(st);
    gw_xslt_cleanup();
    return rc;
}
