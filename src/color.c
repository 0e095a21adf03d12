/* color.c — parsing colour values (see color.h).  The FO reader and the SVG
 * module once had a parser each, with different name lists and different
 * rules for rgb(); this is the one that replaced both. */
#include "color.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The colour keywords of CSS Color Module Level 3, section 4.3 (the same
 * list as SVG 1.1), sorted by name for bsearch.  0xRRGGBB. */
typedef struct S_named {
    const char *name;
    unsigned    rgb;
} S_named;

static const S_named S_names[] = {
    {"aliceblue", 0xF0F8FF}, {"antiquewhite", 0xFAEBD7}, {"aqua", 0x00FFFF},
    {"aquamarine", 0x7FFFD4}, {"azure", 0xF0FFFF}, {"beige", 0xF5F5DC},
    {"bisque", 0xFFE4C4}, {"black", 0x000000}, {"blanchedalmond", 0xFFEBCD},
    {"blue", 0x0000FF}, {"blueviolet", 0x8A2BE2}, {"brown", 0xA52A2A},
    {"burlywood", 0xDEB887}, {"cadetblue", 0x5F9EA0}, {"chartreuse", 0x7FFF00},
    {"chocolate", 0xD2691E}, {"coral", 0xFF7F50}, {"cornflowerblue", 0x6495ED},
    {"cornsilk", 0xFFF8DC}, {"crimson", 0xDC143C}, {"cyan", 0x00FFFF},
    {"darkblue", 0x00008B}, {"darkcyan", 0x008B8B}, {"darkgoldenrod", 0xB8860B},
    {"darkgray", 0xA9A9A9}, {"darkgreen", 0x006400}, {"darkgrey", 0xA9A9A9},
    {"darkkhaki", 0xBDB76B}, {"darkmagenta", 0x8B008B}, {"darkolivegreen", 0x556B2F},
    {"darkorange", 0xFF8C00}, {"darkorchid", 0x9932CC}, {"darkred", 0x8B0000},
    {"darksalmon", 0xE9967A}, {"darkseagreen", 0x8FBC8F}, {"darkslateblue", 0x483D8B},
    {"darkslategray", 0x2F4F4F}, {"darkslategrey", 0x2F4F4F}, {"darkturquoise", 0x00CED1},
    {"darkviolet", 0x9400D3}, {"deeppink", 0xFF1493}, {"deepskyblue", 0x00BFFF},
    {"dimgray", 0x696969}, {"dimgrey", 0x696969}, {"dodgerblue", 0x1E90FF},
    {"firebrick", 0xB22222}, {"floralwhite", 0xFFFAF0}, {"forestgreen", 0x228B22},
    {"fuchsia", 0xFF00FF}, {"gainsboro", 0xDCDCDC}, {"ghostwhite", 0xF8F8FF},
    {"gold", 0xFFD700}, {"goldenrod", 0xDAA520}, {"gray", 0x808080},
    {"green", 0x008000}, {"greenyellow", 0xADFF2F}, {"grey", 0x808080},
    {"honeydew", 0xF0FFF0}, {"hotpink", 0xFF69B4}, {"indianred", 0xCD5C5C},
    {"indigo", 0x4B0082}, {"ivory", 0xFFFFF0}, {"khaki", 0xF0E68C},
    {"lavender", 0xE6E6FA}, {"lavenderblush", 0xFFF0F5}, {"lawngreen", 0x7CFC00},
    {"lemonchiffon", 0xFFFACD}, {"lightblue", 0xADD8E6}, {"lightcoral", 0xF08080},
    {"lightcyan", 0xE0FFFF}, {"lightgoldenrodyellow", 0xFAFAD2}, {"lightgray", 0xD3D3D3},
    {"lightgreen", 0x90EE90}, {"lightgrey", 0xD3D3D3}, {"lightpink", 0xFFB6C1},
    {"lightsalmon", 0xFFA07A}, {"lightseagreen", 0x20B2AA}, {"lightskyblue", 0x87CEFA},
    {"lightslategray", 0x778899}, {"lightslategrey", 0x778899}, {"lightsteelblue", 0xB0C4DE},
    {"lightyellow", 0xFFFFE0}, {"lime", 0x00FF00}, {"limegreen", 0x32CD32},
    {"linen", 0xFAF0E6}, {"magenta", 0xFF00FF}, {"maroon", 0x800000},
    {"mediumaquamarine", 0x66CDAA}, {"mediumblue", 0x0000CD}, {"mediumorchid", 0xBA55D3},
    {"mediumpurple", 0x9370DB}, {"mediumseagreen", 0x3CB371}, {"mediumslateblue", 0x7B68EE},
    {"mediumspringgreen", 0x00FA9A}, {"mediumturquoise", 0x48D1CC},
    {"mediumvioletred", 0xC71585}, {"midnightblue", 0x191970}, {"mintcream", 0xF5FFFA},
    {"mistyrose", 0xFFE4E1}, {"moccasin", 0xFFE4B5}, {"navajowhite", 0xFFDEAD},
    {"navy", 0x000080}, {"oldlace", 0xFDF5E6}, {"olive", 0x808000},
    {"olivedrab", 0x6B8E23}, {"orange", 0xFFA500}, {"orangered", 0xFF4500},
    {"orchid", 0xDA70D6}, {"palegoldenrod", 0xEEE8AA}, {"palegreen", 0x98FB98},
    {"paleturquoise", 0xAFEEEE}, {"palevioletred", 0xDB7093}, {"papayawhip", 0xFFEFD5},
    {"peachpuff", 0xFFDAB9}, {"peru", 0xCD853F}, {"pink", 0xFFC0CB},
    {"plum", 0xDDA0DD}, {"powderblue", 0xB0E0E6}, {"purple", 0x800080},
    {"red", 0xFF0000}, {"rosybrown", 0xBC8F8F}, {"royalblue", 0x4169E1},
    {"saddlebrown", 0x8B4513}, {"salmon", 0xFA8072}, {"sandybrown", 0xF4A460},
    {"seagreen", 0x2E8B57}, {"seashell", 0xFFF5EE}, {"sienna", 0xA0522D},
    {"silver", 0xC0C0C0}, {"skyblue", 0x87CEEB}, {"slateblue", 0x6A5ACD},
    {"slategray", 0x708090}, {"slategrey", 0x708090}, {"snow", 0xFFFAFA},
    {"springgreen", 0x00FF7F}, {"steelblue", 0x4682B4}, {"tan", 0xD2B48C},
    {"teal", 0x008080}, {"thistle", 0xD8BFD8}, {"tomato", 0xFF6347},
    {"turquoise", 0x40E0D0}, {"violet", 0xEE82EE}, {"wheat", 0xF5DEB3},
    {"white", 0xFFFFFF}, {"whitesmoke", 0xF5F5F5}, {"yellow", 0xFFFF00},
    {"yellowgreen", 0x9ACD32},
};

#define S_NAME_MAX 20           /* strlen("lightgoldenrodyellow") */

static int
S_isspace(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static const char *
S_skip_ws(const char *p)
{
    while (S_isspace((unsigned char)*p))
        p++;
    return p;
}

/* ASCII only: CSS keywords are ASCII-case-insensitive, and tolower() would
 * follow the C locale. */
static int
S_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int
S_hex(int c)
{
    c = S_lower(c);
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* 1 when s[0..n) is the lower-case keyword kw in any case. */
static int
S_is_keyword(const char *s, size_t n, const char *kw)
{
    size_t i;
    if (strlen(kw) != n)
        return 0;
    for (i = 0; i < n; i++)
        if (S_lower((unsigned char)s[i]) != kw[i])
            return 0;
    return 1;
}

static int
S_name_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const S_named *)elem)->name);
}

/* Reads a CSS number at *pp: an optional sign, digits with an optional
 * fraction (at least one digit), an optional exponent.  By hand rather
 * than strtod, which would also take "0x1F", "inf" and "nan" and follows
 * the locale's decimal point.  0 and advances *pp, or -1. */
static int
S_number(const char **pp, double *out)
{
    const char *p = *pp;
    double mant = 0;
    int neg = 0, digits = 0, sig = 0, scale = 0, ex = 0, exneg = 0;

    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    /* 15 significant digits are exact in a double; later integer digits
     * only scale, later fraction digits are dropped */
    for (; *p >= '0' && *p <= '9'; p++, digits++) {
        if (sig < 15) {
            mant = mant * 10 + (*p - '0');
            sig += mant > 0;
        } else {
            scale++;
        }
    }
    if (*p == '.')
        for (p++; *p >= '0' && *p <= '9'; p++, digits++)
            if (sig < 15) {
                mant = mant * 10 + (*p - '0');
                sig += mant > 0;
                scale--;
            }
    if (digits == 0)
        return -1;
    if ((*p == 'e' || *p == 'E')
        && ((p[1] >= '0' && p[1] <= '9')
            || ((p[1] == '+' || p[1] == '-') && p[2] >= '0' && p[2] <= '9'))) {
        p++;
        if (*p == '+' || *p == '-')
            exneg = *p++ == '-';
        for (; *p >= '0' && *p <= '9'; p++)
            if (ex < 10000)
                ex = ex * 10 + (*p - '0');
    }
    scale += exneg ? -ex : ex;
    /* dividing by an exact power of ten rounds once, as strtod does, so
     * "12.5%" means what it says; a result beyond the double range is
     * infinite or 0, which the caller's clamp handles ("0e999" must not
     * become 0 * inf, which is NaN) */
    if (mant == 0)
        *out = 0;
    else if (scale < 0)
        *out = mant / pow(10.0, -(double)scale);
    else
        *out = mant * pow(10.0, (double)scale);
    if (neg)
        *out = -*out;
    *pp = p;
    return 0;
}

/* The inside of rgb( ... ) up to end, which must be just after its ')'. */
static int
S_rgb(const char *p, const char *end, gw_color *out)
{
    double v[3];
    int i;

    for (i = 0; i < 3; i++) {
        p = S_skip_ws(p);
        /* SVG separates with commas, white space or both (a comma
         * between the components only) */
        if (i > 0 && *p == ',')
            p = S_skip_ws(p + 1);
        if (S_number(&p, &v[i]) < 0)
            return -1;
        /* "50 %": the FO reader has always taken a space before the % */
        p = S_skip_ws(p);
        if (*p == '%') {
            v[i] = v[i] * 255.0 / 100.0;
            p++;
        }
        /* CSS: out-of-range values are clamped, not refused */
        v[i] = v[i] < 0 ? 0 : v[i] > 255 ? 255 : v[i];
    }
    p = S_skip_ws(p);
    if (*p != ')' || p + 1 != end)
        return -1;
    out->r = (float)(v[0] / 255.0);
    out->g = (float)(v[1] / 255.0);
    out->b = (float)(v[2] / 255.0);
    out->none = 0;
    return 0;
}

int
gw_color_parse(const char *s, gw_color *out)
{
    const char *p = S_skip_ws(s), *end;
    size_t n, i;
    unsigned v = 0;

    end = p + strlen(p);
    while (end > p && S_isspace((unsigned char)end[-1]))
        end--;
    n = (size_t)(end - p);
    if (p[0] == '#') {
        if (n != 4 && n != 7)
            return -1;
        for (i = 1; i < n; i++) {
            int h = S_hex((unsigned char)p[i]);
            if (h < 0)
                return -1;
            v = v * 16 + (unsigned)h;
            if (n == 4)         /* #rgb is #rrggbb */
                v = v * 16 + (unsigned)h;
        }
    } else if (n > 4 && S_is_keyword(p, 4, "rgb(")) {
        return S_rgb(p + 4, end, out);
    } else if (S_is_keyword(p, n, "transparent")) {
        out->r = out->g = out->b = 0;
        out->none = 1;
        return 0;
    } else {
        char key[S_NAME_MAX + 1];
        const S_named *e;
        if (n == 0 || n > S_NAME_MAX)
            return -1;
        for (i = 0; i < n; i++)
            key[i] = (char)S_lower((unsigned char)p[i]);
        key[n] = '\0';
        e = bsearch(key, S_names, sizeof S_names / sizeof S_names[0], sizeof S_names[0],
                    S_name_cmp);
        if (!e)
            return -1;
        v = e->rgb;
    }
    out->r = (float)((v >> 16) & 255) / 255.0f;
    out->g = (float)((v >> 8) & 255) / 255.0f;
    out->b = (float)(v & 255) / 255.0f;
    out->none = 0;
    return 0;
}
