/* fuzz_linebreak.c — the line breaker (src/linebreak.h).  Input layout:
 *   byte 0      line width: 0 (a zero-width line) or 8..(8 + 4*255) pt;
 *               when odd, 、 is the preferred break (gw:prefer-break-after)
 *   byte 1      bits 0-1 align, 2-3 align_last, 4 squeeze, 5 grid (pitch
 *               16 pt), 6 first-line indent 32 pt, 7 negative indent
 *   rest        UTF-8 text (invalid bytes become U+FFFD); each character's
 *               advance is 16 pt when full width else 8 pt, and "\n" is the
 *               forced break U+2028.
 * Checks what the header promises: the lines cover [0, n) in order without
 * gaps or overlaps, every line has at least one item unless the text is
 * empty, a forced break ends a line (trailing spaces aside), and every x and
 * w is finite. */
#include "fuzz.h"
#include "gw.h"
#include "linebreak.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define S_ITEMS_MAX 20000

static const uint32_t S_dun[] = {0x3001};    /* 、 */

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
    gw_lb_item *items = NULL;
    gw_lb_line *lines = NULL;
    size_t n = 0, nlines = 0, i, k;
    gw_lb_opts o;
    gw_err err;
    int rc;

    if (size < 2 || size > 64 * 1024)
        return 0;
    memset(&o, 0, sizeof o);
    memset(&err, 0, sizeof err);
    o.width = data[0] ? 8.0 + 4.0 * data[0] : 0.0;
    o.align = data[1] & 3;
    o.align_last = (data[1] >> 2) & 3;
    o.squeeze = (data[1] >> 4) & 1;
    o.pitch = (data[1] & 0x20) ? 16.0 : 0.0;
    o.indent = (data[1] & 0x40) ? ((data[1] & 0x80) ? -32.0 : 32.0) : 0.0;
    if (data[0] & 1) {
        o.prefer_after = S_dun;
        o.nprefer = 1;
    }
    items = gw_xcalloc(size, sizeof *items);
    for (i = 2; i < size && n < S_ITEMS_MAX;) {
        uint32_t cp;
        int len = gw_utf8_decode((const char *)data + i, size - i, &cp);
        if (len < 0) {
            cp = 0xFFFD;
            len = 1;
        }
        i += (size_t)len;
        if (cp == '\n')
            cp = 0x2028;
        items[n].cp = cp;
        items[n].fullwidth = gw_lb_is_fullwidth(cp);
        items[n].adv = cp == 0x2028 ? 0.0 : items[n].fullwidth ? 16.0 : 8.0;
        n++;
    }
    rc = gw_linebreak(items, n, &o, &lines, &nlines, &err);
    if (rc < 0)
        goto out;               /* an ICU failure is reported, not a bug */
    if (n == 0)
        goto out;
    FUZZ_CHECK(lines != NULL && nlines > 0);
    k = 0;
    for (i = 0; i < nlines; i++) {
        FUZZ_CHECK(lines[i].start == k);
        FUZZ_CHECK(lines[i].end > lines[i].start);
        FUZZ_CHECK(lines[i].end <= n);
        FUZZ_CHECK(isfinite(lines[i].width));
        k = lines[i].end;
    }
    FUZZ_CHECK(k == n);
    for (i = 0; i < n; i++) {
        FUZZ_CHECK(isfinite(items[i].x) && isfinite(items[i].w));
        FUZZ_CHECK(items[i].w >= 0.0);
    }
    /* a forced break is the last item of its line, except that spaces
     * ending the text hang on the last line (linebreak.c: "only spaces
     * left") even after a forced break */
    for (i = 0; i < nlines; i++) {
        for (k = lines[i].start; k + 1 < lines[i].end; k++) {
            if (items[k].cp == 0x2028) {
                size_t j;
                FUZZ_CHECK(lines[i].end == n);
                for (j = k + 1; j < n; j++)
                    FUZZ_CHECK(items[j].cp == ' ' || items[j].cp == 0x2028);
            }
        }
    }
out:
    free(lines);
    free(items);
    return 0;
}
