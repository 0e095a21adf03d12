/* fuzz_import.c — the plan-text importer (src/import.h) against an
 * in-memory database: gw_import_plan_text on the whole input, and on valid
 * UTF-8 input also gw_import_normalise line by line and gw_import_deadline.
 * Checks: a failed import leaves the database as it was (one transaction),
 * a successful one gives a plan gw_plan_load can read, normalised text is
 * valid UTF-8, and a deadline is either "" or a plausible ISO date. */
#include "fuzz.h"
#include "gw.h"
#include "import.h"
#include "plan.h"
#include "store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static gw_store *S_st;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    gw_err err;
    (void)argc;
    (void)argv;
    fuzz_setup();
    memset(&err, 0, sizeof err);
    if (gw_store_open(&S_st, ":memory:", &err) < 0) {
        fprintf(stderr, "fuzz_import: %s\n", err.msg);
        exit(2);
    }
    return 0;
}

/* Count of tasks in the record, -1 on failure. */
static long long
S_tasks(void)
{
    long long v = -1;
    gw_err err;
    memset(&err, 0, sizeof err);
    if (gw_store_int(S_st, "SELECT count(*) FROM task", NULL, 0, &v, &err) < 0)
        return -1;
    return v;
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
        char *line;

        gw_buf_clear(&out);
        gw_import_normalise(s + i, len, &out, NULL);
        FUZZ_CHECK(gw_utf8_validate(out.ptr, out.len) < 0);
        line = gw_xstrndup(s + i, len);
        memset(iso, 'x', sizeof iso);
        if (gw_import_deadline(line, iso)) {
            FUZZ_CHECK(strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-');
        } else {
            FUZZ_CHECK(iso[0] == '\0');
        }
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
    long long before, after;
    int rc;

    if (size > (1u << 20))
        return 0;
    S_text_checks((const char *)data, size);
    memset(&opts, 0, sizeof opts);
    memset(&err, 0, sizeof err);
    opts.all_lead = size & 1;
    before = S_tasks();
    rc = gw_import_plan_text(S_st, "fuzz.txt", (const char *)data, size, &opts, &err);
    after = S_tasks();
    if (rc < 0) {
        fuzz_note("import", err.msg);
        FUZZ_CHECK(err.msg[0] != '\0');
        FUZZ_CHECK(before == after);        /* the database unchanged */
        return 0;
    }
    FUZZ_CHECK(after >= 0);
    rc = gw_plan_load(S_st, &plan, &err);
    FUZZ_CHECK(rc == 0);
    FUZZ_CHECK(gw_plan_task_count(plan) == (size_t)after);
    gw_plan_free(plan);
    return 0;
}
