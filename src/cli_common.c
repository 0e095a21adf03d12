/* cli_common.c — the option parser and record opening shared by cli_plan.c
 * and cli_doc.c (cli_common.h). */
#include "cli_common.h"
#include "import.h"
#include "font.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

int
gw_cli_parse(int argc, char **argv, int takes, int maxpos, gw_cli_args *a, gw_err *err)
{
    static const struct { int flag; const char *name; } values[] = {
        {GW_CLI_OUT, "-o"}, {GW_CLI_UNIT | GW_CLI_UNITS, "--unit"},
        {GW_CLI_BOOKLET, "--booklet"}, {GW_CLI_QUARTER, "--quarter"},
        {GW_CLI_FORMAT, "--format"}, {GW_CLI_ENCODING, "--encoding"}, {GW_CLI_TASK, "--task"},
        {GW_CLI_UNITS_FILE, "--units"}, {GW_CLI_FORMATS, "--formats"},
    };
    static const struct { int flag; const char *name; } flags[] = {
        {GW_CLI_NO_TABLE, "--no-table"}, {GW_CLI_ALL_LEAD, "--all-lead"},
        {GW_CLI_LIST, "--list"}, {GW_CLI_BOOKLET, "--no-booklet"},
        {GW_CLI_UNKNOWN, "--unknown"}, {GW_CLI_ALL_QUARTERS, "--all-quarters"},
    };
    int i, r;
    size_t k;

    memset(a, 0, sizeof *a);
    a->db = GW_DEFAULT_DB;
    if (maxpos > GW_CLI_MAXPOS)
        maxpos = GW_CLI_MAXPOS;
    if (takes & GW_CLI_UNITS)
        a->units = gw_xcalloc((size_t)argc + 1, sizeof *a->units);
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i], **val[] = {&a->out, &a->unit, &a->booklet, &a->quarter,
                                              &a->format, &a->encoding, &a->task,
                                              &a->units_file, &a->format};
        int *set[] = {&a->no_table, &a->all_lead, &a->list, &a->no_booklet, &a->unknown,
                      &a->all_quarters};
        if (!strcmp(arg, "--")) {
            /* the rest is positional, even when it starts with - */
            for (i++; i < argc; i++) {
                if (a->npos == maxpos)
                    return gw_err_set(err, GW_EUSAGE, "%s: unexpected argument %s",
                                      argv[0], argv[i]);
                a->pos[a->npos++] = argv[i];
            }
            break;
        }
        if ((r = gw_cli_optval(argc, argv, &i, "--db", &a->db, err)) != 0) {
            if (r < 0)
                return r;
            a->db_given = 1;
            continue;
        }
        for (k = 0, r = 0; !r && k < sizeof values / sizeof values[0]; k++)
            if ((takes & values[k].flag) &&
                (r = gw_cli_optval(argc, argv, &i, values[k].name, val[k], err)) < 0)
                return r;
        if (r) {
            if (val[k - 1] == &a->unit && a->units) {
                if (a->nunits == GW_CLI_MAX_UNITS)
                    return gw_err_set(err, GW_EUSAGE, "%s: more than %d --unit options",
                                      argv[0], GW_CLI_MAX_UNITS);
                a->units[a->nunits++] = a->unit;
            }
            continue;
        }
        for (k = 0; k < sizeof flags / sizeof flags[0]; k++)
            if ((takes & flags[k].flag) && !strcmp(arg, flags[k].name))
                break;
        if (k < sizeof flags / sizeof flags[0]) {
            *set[k] = 1;
            continue;
        }
        if (arg[0] == '-' && arg[1] && !(a->npos == 1 && (takes & GW_CLI_DASH_VALUE)))
            return gw_err_set(err, GW_EUSAGE, "%s: unknown option %s", argv[0], arg);
        if (a->npos == maxpos)
            return gw_err_set(err, GW_EUSAGE, "%s: unexpected argument %s", argv[0], arg);
        a->pos[a->npos++] = arg;
    }
    if (!a->db[0])
        return gw_err_set(err, GW_EUSAGE, "%s: --db needs a path", argv[0]);
    return 0;
}

void
gw_cli_args_free(gw_cli_args *a)
{
    free(a->units);
    a->units = NULL;
    a->nunits = 0;
}

int
gw_cli_mkdir_for(const char *path, gw_err *err)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    int rc;
    if (!slash || slash == path)
        return 0;
    dir = gw_xstrndup(path, (size_t)(slash - path));
    rc = gw_mkdir_p(dir, err);
    free(dir);
    return rc;
}

void
gw_cli_note_imported(const gw_plan *p, const char *name, const char *db)
{
    size_t ncat = 0;
    for (size_t i = 0; i < gw_plan_section_count(p); i++) {
        const gw_section *s = gw_plan_section(p, i);
        const gw_section *up = s->parent ? gw_plan_section_by_id(p, s->parent) : NULL;
        ncat += s->level == 2 && !(up && up->is_requirements);
    }
    gw_notef("%s: imported %zu tasks in %zu categories, %zu requirements into %s", name,
             gw_plan_task_count(p), ncat, gw_plan_requirement_count(p), db);
}

/* The default database starts as the embedded example: data/plan.txt with
 * the unit directory and the metadata defaults. */
static int
S_ensure_default(gw_store *st, gw_err *err)
{
    gw_plan *p = NULL;
    char *path = NULL;
    int rc;
    if ((rc = gw_store_has_plan(st, err)) != 0)
        return rc < 0 ? rc : 0;
    path = gw_home_path("data/plan.txt");
    if ((rc = gw_import_plan_file(path, NULL, &p, err)) == 0 &&
        (rc = gw_store_plan_save(st, p, path, err)) == 0)
        gw_cli_note_imported(p, path, gw_store_path(st));
    gw_plan_free(p);
    free(path);
    return rc;
}

/* The record's fonts_dir (relative to the database's directory), searched
 * first like --fonts DIR. */
static int
S_fonts_dir(const char *db, const gw_plan *plan, gw_err *err)
{
    const char *d = gw_plan_meta(plan, "fonts_dir"), *slash;
    gw_buf path;
    int rc;

    if (!d || !*d)
        return 0;
    gw_buf_init(&path);
    slash = strrchr(db, '/');
    if (d[0] != '/' && slash)
        gw_buf_printf(&path, "%.*s/", (int)(slash - db), db);
    gw_buf_puts(&path, d);
    rc = gw_font_add_dir(path.ptr, err);
    gw_buf_free(&path);
    if (rc < 0)
        gw_err_prefix(err, "%s: fonts_dir", db);
    return rc;
}

int
gw_cli_open(const char *db, int create, gw_store **st, gw_plan **plan, gw_err *err)
{
    int rc;
    *st = NULL;
    *plan = NULL;
    if (create) {
        if ((rc = gw_cli_mkdir_for(db, err)) < 0 || (rc = gw_store_open(st, db, err)) < 0 ||
            (rc = S_ensure_default(*st, err)) < 0)
            goto out;
    } else if ((rc = gw_store_open_existing(st, db, err)) < 0) {
        goto out;
    }
    if ((rc = gw_store_plan_load(*st, plan, err)) < 0)
        goto out;
    rc = S_fonts_dir(db, *plan, err);
out:
    if (rc < 0) {
        gw_store_close(*st);
        *st = NULL;
        if (create)
            gw_err_prefix(err, "%s", db);
    }
    return rc;
}

int
gw_cli_out_format(const char *cmd, const char *out, const char *format, int *docx,
                  gw_err *err)
{
    size_t n = out ? strlen(out) : 0;
    int ext_docx = n >= 5 && !strcasecmp(out + n - 5, ".docx");
    int ext_pdf = n >= 4 && !strcasecmp(out + n - 4, ".pdf");
    *docx = format ? !strcmp(format, "docx") : ext_docx;
    if ((*docx && ext_pdf) || (!*docx && ext_docx))
        return gw_err_set(err, GW_EUSAGE, "%s: -o %s names a %s file, but --format %s writes "
                          "a %s one", cmd, out, ext_pdf ? "PDF" : "Word", format,
                          *docx ? "Word" : "PDF");
    return 0;
}
