/* date.c — dates (date.h). */
#include "date.h"

#include <stdio.h>
#include <string.h>

int
gw_date_days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

int
gw_date_valid(int y, int m, int d)
{
    return y >= GW_DATE_MIN_YEAR && y <= GW_DATE_MAX_YEAR && m >= 1 && m <= 12 && d >= 1 &&
           d <= gw_date_days_in(y, m);
}

static int
S_set(gw_date *out, int y, int m, int d)
{
    if (!gw_date_valid(y, m, d))
        return 0;
    out->y = y;
    out->m = m;
    out->d = d;
    return 1;
}

/* Digits at s (at most max of them) as a number in *v; the count used. */
static int
S_num(const char *s, int max, int *v)
{
    int n = 0;
    *v = 0;
    while (n < max && s[n] >= '0' && s[n] <= '9')
        *v = *v * 10 + (s[n++] - '0');
    return n;
}

/* YYYY-MM-DD exactly (ten characters). */
static int
S_iso(const char *s, gw_date *out)
{
    int y, m, d;
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' || S_num(s, 4, &y) != 4 ||
        S_num(s + 5, 2, &m) != 2 || S_num(s + 8, 2, &d) != 2)
        return 0;
    return S_set(out, y, m, d);
}

int
gw_date_parse_entered(const char *s, gw_date *out)
{
    int y, m, d, n;
    char sep;
    if (gw_date_parse(s, out))
        return 1;
    /* 2017/12/20, 2017-12-5, 2017.12.5: as spreadsheets set to Chinese save
     * dates in CSV */
    if (!s || S_num(s, 4, &y) != 4 || (s[4] != '/' && s[4] != '-' && s[4] != '.'))
        return 0;
    sep = s[4];
    s += 5;
    if ((n = S_num(s, 2, &m)) == 0 || s[n] != sep)
        return 0;
    s += n + 1;
    if ((n = S_num(s, 2, &d)) == 0 || s[n] != '\0')
        return 0;
    return S_set(out, y, m, d);
}

int
gw_date_parse(const char *s, gw_date *out)
{
    int y, m, d, n;
    if (!s)
        return 0;
    if (S_iso(s, out))
        return 1;
    /* 2017年5月12日: a four-digit year, month and day of one or two digits */
    if (S_num(s, 4, &y) != 4 || strncmp(s + 4, "年", 3))
        return 0;
    s += 7;
    if ((n = S_num(s, 2, &m)) == 0 || strncmp(s + n, "月", 3))
        return 0;
    s += n + 3;
    if ((n = S_num(s, 2, &d)) == 0 || strcmp(s + n, "日"))
        return 0;
    return S_set(out, y, m, d);
}

int
gw_date_deadline(const char *t, gw_date *out)
{
    int y, m, d, n;
    const char *rest;
    char buf[64];
    size_t len;

    if (!t)
        return 0;
    if (S_iso(t, out))
        return 1;
    len = strlen(t);
    if (len >= sizeof buf)
        return 0;
    /* a copy with full-width digits (２０１８年８月底) as ASCII */
    {
        size_t o = 0;
        for (size_t i = 0; i < len;) {
            uint32_t cp;
            int k = gw_utf8_decode(t + i, len - i, &cp);
            if (k > 0 && cp >= 0xFF10 && cp <= 0xFF19) {
                buf[o++] = (char)('0' + (cp - 0xFF10));
                i += (size_t)k;
            } else {
                buf[o++] = t[i++];
            }
        }
        buf[len = o] = '\0';
    }
    /* the words plans put after the period: 2018年6月底前完成, 2018年底以前 */
    if (len >= 6 && !strcmp(buf + len - 6, "完成"))
        buf[len -= 6] = '\0';
    if (len >= 6 && !strcmp(buf + len - 6, "以前"))
        buf[len -= 6] = '\0';
    else if (len >= 3 && !strcmp(buf + len - 3, "前"))
        buf[len -= 3] = '\0';
    t = buf;
    if (S_num(t, 4, &y) != 4 || strncmp(t + 4, "年", 3))
        return 0;
    rest = t + 7;
    if (!*rest || !strcmp(rest, "底") || !strcmp(rest, "年底") || !strcmp(rest, "末") ||
        !strcmp(rest, "年末") || !strcmp(rest, "下半年"))
        return S_set(out, y, 12, 31);
    if (!strcmp(rest, "上半年"))
        return S_set(out, y, 6, 30);
    {
        /* 第三季度, 三季度, 3季度 (and 第3季度): the last day of the quarter */
        static const char *const cn[] = {"一", "二", "三", "四"};
        const char *q = rest;
        int k = 0;
        if (!strncmp(q, "第", 3))
            q += 3;
        for (int i = 0; i < 4 && !k; i++)
            if (!strncmp(q, cn[i], 3))
                k = i + 1, q += 3;
        if (!k && *q >= '1' && *q <= '4')
            k = *q++ - '0';
        if (k && (!strcmp(q, "季度") || !strcmp(q, "季度末") || !strcmp(q, "季度底")))
            return S_set(out, y, k * 3, gw_date_days_in(y, k * 3));
    }
    if ((n = S_num(rest, 2, &m)) == 0 || strncmp(rest + n, "月", 3) || m < 1 || m > 12)
        return 0;
    rest += n + 3;
    if (!*rest || !strcmp(rest, "底") || !strcmp(rest, "末") || !strcmp(rest, "份") ||
        !strcmp(rest, "份底"))
        return S_set(out, y, m, gw_date_days_in(y, m));
    if ((n = S_num(rest, 2, &d)) > 0 && (!strcmp(rest + n, "日") || !strcmp(rest + n, "号")))
        return S_set(out, y, m, d);
    return 0;
}

void
gw_date_iso(const gw_date *d, char iso[11])
{
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d->y, d->m, d->d);
    memcpy(iso, tmp, 10);
    iso[10] = '\0';
}

void
gw_date_cn(const gw_date *d, gw_buf *out)
{
    gw_buf_printf(out, "%d年%d月%d日", d->y, d->m, d->d);
}

int
gw_date_ongoing(const char *s)
{
    static const char *const stems[] = {"长期坚持", "持续推进", "长期", "持续", "常态化"};
    static const char *const tails[] = {"", "推进", "开展"};
    for (size_t i = 0; s && i < sizeof stems / sizeof stems[0]; i++) {
        size_t n = strlen(stems[i]);
        if (strncmp(s, stems[i], n))
            continue;
        for (size_t k = 0; k < sizeof tails / sizeof tails[0]; k++)
            if (!strcmp(s + n, tails[k]))
                return 1;
    }
    return 0;
}

int
gw_date_quarter(const char *s, int *year, int *q)
{
    int y;
    if (!s || S_num(s, 4, &y) != 4 || (s[4] != 'Q' && s[4] != 'q') || s[5] < '1' ||
        s[5] > '4' || s[6] || y < GW_DATE_MIN_YEAR || y > GW_DATE_MAX_YEAR)
        return 0;
    *year = y;
    *q = s[5] - '0';
    return 1;
}

void
gw_date_quarter_end(int year, int q, gw_date *out)
{
    out->y = year;
    out->m = q * 3;
    out->d = gw_date_days_in(year, q * 3);
}
