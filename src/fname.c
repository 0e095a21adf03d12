/* fname.c — safe file names from unit names.  The names come from the plan
 * text (and from `gongwen set`), so they are treated as hostile: a name like
 * "../../etc/passwd" or "a\nb" must still give one harmless file inside the
 * output directory. */
#include "fname.h"

#include "gw.h"

#include <stdio.h>
#include <string.h>

/* Characters replaced even though they are valid UTF-8: path separators,
 * what Windows file systems refuse (the sheets are copied onto USB sticks),
 * and code points that reorder or break the displayed name. */
static int
S_unsafe_cp(uint32_t cp)
{
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
        return 1;
    switch (cp) {
    case '/': case '\\': case ':': case '*': case '?': case '"':
    case '<': case '>': case '|':
        return 1;
    default:
        break;
    }
    if (cp == 0x2028 || cp == 0x2029)           /* line / paragraph separator */
        return 1;
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)
        || cp == 0x200E || cp == 0x200F || cp == 0xFEFF)   /* bidi, BOM */
        return 1;
    return 0;
}

char *
gw_fname_make(int order, const char *name, const char *ext)
{
    gw_buf part, out;
    size_t i = 0, n, keep;
    uint32_t cp;
    int len;

    gw_buf_init(&part);
    gw_buf_init(&out);
    n = name ? strlen(name) : 0;
    while (i < n) {
        len = gw_utf8_decode(name + i, n - i, &cp);
        if (len < 0) {
            gw_buf_putc(&part, '_');
            i++;
            continue;
        }
        if (S_unsafe_cp(cp))
            gw_buf_putc(&part, '_');
        else
            gw_buf_put(&part, name + i, (size_t)len);
        i += (size_t)len;
    }
    /* Leading dots would make hidden files ("..", ".bashrc"); leading and
     * trailing spaces and trailing dots are stripped by Windows. */
    i = 0;
    while (i < part.len && (part.ptr[i] == '.' || part.ptr[i] == ' '))
        i++;
    keep = part.len;
    while (keep > i && (part.ptr[keep - 1] == '.' || part.ptr[keep - 1] == ' '))
        keep--;
    /* Cap at a character boundary: step back over continuation bytes. */
    if (keep - i > GW_FNAME_NAME_MAX) {
        keep = i + GW_FNAME_NAME_MAX;
        while (keep > i && ((unsigned char)part.ptr[keep] & 0xC0) == 0x80)
            keep--;
        while (keep > i && (part.ptr[keep - 1] == '.' || part.ptr[keep - 1] == ' '))
            keep--;
    }
    if (order < 0)
        order = 0;
    gw_buf_printf(&out, "%02d-", order);
    if (keep > i)
        gw_buf_put(&out, part.ptr + i, keep - i);
    else
        gw_buf_puts(&out, "unit");
    if (ext && *ext)
        gw_buf_printf(&out, ".%s", ext);
    gw_buf_free(&part);
    return gw_buf_detach(&out);
}

int
gw_fname_is_safe(const char *s)
{
    size_t i = 0, n;
    uint32_t cp;
    int len;

    if (!s || !*s || s[0] == '.')
        return 0;
    n = strlen(s);
    if (n > 255)
        return 0;
    while (i < n) {
        len = gw_utf8_decode(s + i, n - i, &cp);
        if (len < 0 || S_unsafe_cp(cp))
            return 0;
        i += (size_t)len;
    }
    return 1;
}
