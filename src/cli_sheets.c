/* cli_sheets.c — `gongwen sheets`: the task sheet of every unit and the
 * booklet.  Parses the options, opens the record, hands over to sheets.c. */
#include "cli_common.h"

#include "sheets.h"

#include <stdlib.h>
#include <string.h>

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
    gw_cli_args a;
    const char *dir;
    char *booklet_path = NULL;
    gw_store *st = NULL;
    gw_plan *plan = NULL;
    int rc, docx = 0;

    rc = gw_cli_parse(argc, argv, GW_CLI_OUT | GW_CLI_UNITS | GW_CLI_BOOKLET | GW_CLI_FORMAT, 0,
                      &a, err);
    if (rc < 0)
        goto out;
    if (a.format && strcmp(a.format, "pdf") && strcmp(a.format, "docx")) {
        rc = gw_err_set(err, GW_EINPUT, "%s: --format pdf or docx, not %s", argv[0], a.format);
        goto out;
    }
    docx = a.format && !strcmp(a.format, "docx");
    dir = a.out ? a.out : "out/sheets";
    if (!dir[0]) {
        rc = gw_err_set(err, GW_EUSAGE, "%s: -o needs a directory", argv[0]);
        goto out;
    }
    /* A booklet of a few chosen units is rarely wanted: only on request;
     * Word sheets come without one */
    if (docx && a.booklet) {
        rc = gw_err_set(err, GW_EUSAGE, "%s: --booklet is a PDF; --format docx writes the "
                        "sheets only", argv[0]);
        goto out;
    }
    if (docx)
        ;
    else if (a.booklet)
        booklet_path = gw_xstrdup(a.booklet);
    else if (!a.no_booklet && a.nunits == 0)
        booklet_path = S_booklet_beside(dir);
    if ((rc = gw_cli_open(a.db, !a.db_given, &st, &plan, err)) < 0 ||
        (booklet_path && (rc = gw_file_check_output(booklet_path, err)) < 0))
        goto out;
    rc = docx ? gw_sheets_write_docx(plan, dir, a.units, a.nunits, err)
              : gw_sheets_write(plan, dir, booklet_path, a.units, a.nunits, err);
out:
    gw_plan_free(plan);
    gw_store_close(st);
    free(booklet_path);
    gw_cli_args_free(&a);
    return rc;
}
