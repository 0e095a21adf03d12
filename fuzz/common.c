/* common.c — shared setup of the fuzz targets (fuzz.h). */
#include "fuzz.h"
#include "gw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef GW_FUZZ_HOME
#define GW_FUZZ_HOME "."
#endif

void
fuzz_setup(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    /* data/, templates/ and the schema are read through gw_home() */
    if (!getenv("GONGWEN_HOME"))
        setenv("GONGWEN_HOME", GW_FUZZ_HOME, 1);
    /* warnings on bad input are expected by the thousand; keep the
     * fuzzer's output readable (GW_FUZZ_VERBOSE=1 shows them) */
    gw_verbosity = getenv("GW_FUZZ_VERBOSE") ? 1 : 0;
}

void
fuzz_fail(const char *what, const char *file, int line)
{
    fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
    abort();
}

void
fuzz_note(const char *target, const char *what)
{
    if (gw_verbosity > 0)
        fprintf(stderr, "%s: %s\n", target, what);
}
