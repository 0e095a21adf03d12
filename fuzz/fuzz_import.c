/* fuzz_import.c — the plan-text importer (src/import.h), with no database:
 * gw_import_plan_text on the whole input, and on valid UTF-8 input also
 * gw_import_normalise and the date parsers line by line.  Checks: a failed
 * import gives no plan and a message, a successful one a plan whose tasks
 * name sections and units that exist, normalised text is valid UTF-8, and a
 * deadline is either "" or a plausible ISO date.  (That a save changes the
 * record in one transaction or not at all is tests/t_import_err.sh's.) */
#include "fuzz.h"
#include "gw.h"
#include "date.h"
#include "import.h"
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    return 0;
}

static void
S_text_checks(const char *s, size_t n)
{
    gw_buf out;
    size_t i = 0;

    if (gw_utf8_validate(s, n) >= 0)
        return;                 /* normalise requires valid UTF-8 */
    gw_buf_init(&out);
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t len = nl ? (size_t)(nl - (s + i)) : n - i;
        char iso[11];
        gw_date d, d2;
        char *line;

        gw_buf_clear(&out);
        gw_import_normalise(s + i, len, &out, NULL);
        FUZZ_CHECK(gw_utf8_validate(out.ptr, out.len) < 0);
        line = gw_xstrndup(s + i, len);
        memset(iso, 'x', sizeof iso);
        if (gw_date_deadline(line, &d)) {
            gw_date_iso(&d, iso);
            FUZZ_CHECK(strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-');
            FUZZ_CHECK(gw_date_valid(d.y, d.m, d.d));
        }
        /* an exact date is also a deadline, on the same day */
        if (gw_date_parse(line, &d2))
            FUZZ_CHECK(gw_date_deadline(line, &d) && d.y == d2.y && d.m == d2.m && d.d == d2.d);
        free(line);
        i += len + 1;
    }
    gw_buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gw_import_opts opts;
    gw_plan *plan = NULL;
    gw_err err;
    int rc;

    if (size > (1u << 20))
        return 0;
    S_text_checks((const char *)data, size);
    memset(&opts, 0, sizeof opts);
    memset(&err, 0, sizeof err);
    opts.all_lead = size & 1;
    rc = gw_import_plan_text("fuzz.txt", (const char *)data, size, &opts, &plan, &err);
    if (rc < 0) {
        fuzz_note("import", err.msg);
        FUZZ_CHECK(err.msg[0] != '\0');
        FUZZ_CHECK(plan == NULL);
        return 0;
    }
    FUZZ_CHECK(plan != NULL);
    /* every assignment names a unit of the plan, every task a section */
    for (size_t i = 0; i < gw_plan_task_count(plan); i++) {
        const gw_task *t = gw_plan_task(plan, i);
        FUZZ_CHECK(gw_plan_section_by_id(plan, t->section) != NULL);
        FUZZ_CHECK(gw_utf8_validate(t->body, strlen(t->body)) < 0);
        for (size_t k = 0; k < t->nassignments; k++)
            FUZZ_CHECK(gw_plan_unit_by_id(plan, t->assignments[k].unit) != NULL);
    }
    gw_plan_free(plan);
    return 0;
}
