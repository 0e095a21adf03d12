/* cli_sheets.c — `gongwen sheets`: the task sheet of every unit and the
 * booklet.  Parses the options, opens the record, hands over to sheets.c. */
#include "cli.h"

#include "plan.h"
#include "sheets.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>

/* More --unit options than this is a mistake in a script, not a request. */
#define S_MAX_UNIT_ARGS 10000
/* Directory of GW_DEFAULT_DB ("out/gongwen.db"). */
#define S_DEFAULT_DB_DIR "out"

/* "out/sheets/" -> "out/sheets.pdf": the booklet sits beside the directory. */
static char *
S_booklet_beside(const char *dir)
{
    gw_buf b;
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    gw_buf_init(&b);
    gw_buf_put(&b, dir, n);
    gw_buf_puts(&b, ".pdf");
    return gw_buf_detach(&b);
}

int
gw_cmd_sheets(int argc, char **argv, gw_err *err)
{
    const char *db = NULL, *dir = "out/sheets", *booklet = NULL, *val = NULL;
    const char **units = gw_xcalloc((size_t)argc + 1, sizeof *units);
    char *booklet_path = NULL;
    size_t nunits = 0;
    gw_store *st = NULL;
    gw_plan *plan = NULL;
    int i, rc = 0, m, no_booklet = 0;

    for (i = 1; i < argc; i++) {
        if ((m = gw_cli_optval(argc, argv, &i, "--db", &db, err)) != 0) {
            if (m < 0) { rc = m; goto out; }
        } else if ((m = gw_cli_optval(argc, argv, &i, "--unit", &val, err)) != 0) {
            if (m < 0) { rc = m; goto out; }
            if (nunits >= S_MAX_UNIT_ARGS) {
                rc = gw_err_set(err, GW_EUSAGE, "%s: more than %d --unit options", argv[0],
                                S_MAX_UNIT_ARGS);
                goto out;
            }
            units[nunits++] = val;
        } else if ((m = gw_cli_optval(argc, argv, &i, "-o", &dir, err)) != 0) {
            if (m < 0) { rc = m; goto out; }
        } else if ((m = gw_cli_optval(argc, argv, &i, "--booklet", &booklet, err)) != 0) {
            if (m < 0) { rc = m; goto out; }
        } else if (!strcmp(argv[i], "--no-booklet")) {
            no_booklet = 1;
        } else if (!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet")) {
            gw_verbosity = 0;
        } else {
            rc = gw_err_set(err, GW_EUSAGE, "%s: unknown argument %s (see `gongwen help sheets`)",
                            argv[0], argv[i]);
            goto out;
        }
    }
    if (!dir[0]) {
        rc = gw_err_set(err, GW_EUSAGE, "%s: -o needs a directory", argv[0]);
        goto out;
    }
    /* A booklet of a few chosen units is rarely wanted: only on request. */
    if (booklet)
        booklet_path = gw_xstrdup(booklet);
    else if (!no_booklet && nunits == 0)
        booklet_path = S_booklet_beside(dir);

    if (db) {
        rc = gw_store_open_existing(&st, db, err);
    } else {
        /* The default record is created (from the embedded plan) on first
         * use, as `gongwen build` does; out/ may not exist yet. */
        rc = gw_mkdir_p(S_DEFAULT_DB_DIR, err);
        if (rc == 0)
            rc = gw_store_open(&st, GW_DEFAULT_DB, err);
        if (rc == 0)
            rc = gw_store_ensure_default(st, err);
    }
    if (rc)
        goto out;
    rc = gw_plan_load(st, &plan, err);
    if (rc || (booklet_path && (rc = gw_file_check_output(booklet_path, err)) < 0))
        goto out;
    rc = gw_sheets_write(plan, dir, booklet_path, units, nunits, err);
out:
    if (plan)
        gw_plan_free(plan);
    if (st)
        gw_store_close(st);
    free(booklet_path);
    free(units);
    return rc;
}
