/* fuzz_fname.c — unit name → file name (src/fname.h).  The first two bytes
 * choose the order number; the rest is the name (cut at the first NUL, as a
 * C string would be).  Checks what fname.h promises: the result is a safe
 * single path component that gw_fname_is_safe accepts, starts with the
 * order, ends with ".pdf", and its name part respects GW_FNAME_NAME_MAX. */
#include "fuzz.h"
#include "fname.h"
#include "gw.h"

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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *name, *out;
    char prefix[32];
    int order;
    size_t len, plen;

    if (size < 2 || size > 4096)
        return 0;
    order = (data[0] << 8 | data[1]) % 10000;
    name = gw_xstrndup((const char *)data + 2, size - 2);
    out = gw_fname_make(order, name, "pdf");
    FUZZ_CHECK(out != NULL);
    len = strlen(out);
    FUZZ_CHECK(gw_fname_is_safe(out));
    FUZZ_CHECK(strchr(out, '/') == NULL && strchr(out, '\\') == NULL);
    FUZZ_CHECK(out[0] != '.');
    FUZZ_CHECK(gw_utf8_validate(out, len) < 0);
    FUZZ_CHECK(len <= 255);
    plen = (size_t)snprintf(prefix, sizeof prefix, "%02d-", order);
    FUZZ_CHECK(len >= plen + 4 && memcmp(out, prefix, plen) == 0);
    FUZZ_CHECK(strcmp(out + len - 4, ".pdf") == 0);
    FUZZ_CHECK(len - plen - 4 <= GW_FNAME_NAME_MAX);
    FUZZ_CHECK(len - plen - 4 > 0);
    free(out);
    free(name);
    return 0;
}
