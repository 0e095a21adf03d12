/* svg.c — the SVG subset of svg.h drawn into the display list.  (PNG
 * files are image.c's.)
 *
 * The tree is walked with an explicit stack of open groups (at most
 * S_MAX_DEPTH), never by recursion, because the nesting depth comes from the
 * input.  Each stack frame holds the current transformation matrix (user
 * units -> page points, top-left origin, y down as in SVG) and the inherited
 * paint properties. */
#include "svg.h"
#include "color.h"

#include <libxml/tree.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_MAX_DEPTH     64              /* nesting of <g> (and <a>) */
#define S_MAX_ELEMENTS  200000          /* elements in one <svg> */
#define S_MAX_ATTR      (1u << 20)      /* bytes of one d/points attribute */
#define S_MAX_OPS       200000          /* path items in one shape */
#define S_MAX_NUM       1e9             /* magnitude of any number */
#define S_MAX_MAT       1e12            /* magnitude of a composed matrix entry */
#define S_PX_PT         0.75            /* CSS: 1 px = 1/96 in = 0.75 pt */
#define S_SVG_NS        "http://www.w3.org/2000/svg"
#define S_PI            3.14159265358979323846
#define S_FAMCAP        256             /* bytes of a font-family from style="" */
/* Distance of a cubic Bézier's control points for a quarter circle. */
#define S_KAPPA         0.5522847498307936

/* An affine matrix [a b c d e f]: x' = a x + c y + e, y' = b x + d y + f. */
typedef struct S_mat {
    double a, b, c, d, e, f;
} S_mat;

enum { S_ANCHOR_START, S_ANCHOR_MIDDLE, S_ANCHOR_END };

/* Paint properties; copied from parent to child, then overridden. */
typedef struct S_style {
    gw_color fill, stroke;
    double   stroke_width;          /* user units */
    double   opacity;               /* product of the ancestors' opacity */
    double   fill_op, stroke_op;
    double   font_size;             /* user units */
    int      font_weight;
    int      anchor;                /* S_ANCHOR_* */
    const char *font_family;        /* borrowed from the tree, or NULL */
} S_style;

typedef struct S_frame {
    xmlNode *cursor;                /* last child visited, NULL before first */
    xmlNode *group;
    S_mat    ctm;
    S_style  st;
} S_frame;

/* A growing list of path items in page coordinates. */
typedef struct S_ops {
    gw_path_op *v;
    size_t      n, cap;
} S_ops;

/* Everything one gw_svg_draw call needs. */
typedef struct S_ctx {
    gw_page    *page;
    gw_fontset *fonts;
    double      vw, vh;             /* viewport in user units (for %) */
    gw_err     *err;
    S_ops       ops;
} S_ctx;

/* ------------------------------------------------------------ locations */

static const char *
S_file(const xmlNode *n)
{
    if (n && n->doc && n->doc->URL)
        return (const char *)n->doc->URL;
    return "svg";
}

static long
S_line(const xmlNode *n)
{
    return n ? xmlGetLineNo(n) : 0;
}

/* The element's name with its prefix, if any ("svg:rect"), for messages. */
static const char *
S_ename(const xmlNode *n, char *buf, size_t cap)
{
    if (n->ns && n->ns->prefix)
        snprintf(buf, cap, "%s:%s", (const char *)n->ns->prefix, (const char *)n->name);
    else
        snprintf(buf, cap, "%s", (const char *)n->name);
    return buf;
}

static int
S_bad(S_ctx *cx, const xmlNode *n, const char *what, const char *val)
{
    char nb[128];
    return gw_err_set(cx->err, GW_EINPUT, "%s:%ld: <%s>: %s: \"%.60s\"", S_file(n),
                      S_line(n), S_ename(n, nb, sizeof nb), what, val ? val : "");
}

static void
S_warn(const xmlNode *n, const char *what, const char *val)
{
    char nb[128];
    gw_warnf("%s:%ld: <%s>: %s%s%.60s%s", S_file(n), S_line(n),
             S_ename(n, nb, sizeof nb), what, val ? " \"" : "", val ? val : "",
             val ? "\"" : "");
}

/* The value of an attribute without a namespace (SVG's presentation
 * attributes have none), borrowed from the tree; NULL when absent.  A value
 * that is not plain text (an entity reference the parser kept) reads as "". */
static const char *
S_attr(const xmlNode *n, const char *name)
{
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (!a->ns && strcmp((const char *)a->name, name) == 0)
            return a->children && a->children->type == XML_TEXT_NODE && a->children->content
                   ? (const char *)a->children->content : "";
    return NULL;
}

/* ------------------------------------------------------------- numbers */

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

/* Skips white space and at most one comma. */
static const char *
S_skip_sep(const char *p)
{
    p = S_skip_ws(p);
    if (*p == ',')
        p = S_skip_ws(p + 1);
    return p;
}

/* Reads an SVG number at *pp ("-1.5e3", ".5", "1.5.5" is 1.5 then .5)
 * without the C locale's help (a decimal comma locale must not change what a
 * chart means).  1 and advances *pp past it, or 0 when there is none. */
static int
S_number(const char **pp, double *out)
{
    const char *p = *pp;
    double mant = 0;
    int neg = 0, digits = 0, scale = 0, ex = 0, exneg = 0;
    if (*p == '+' || *p == '-')
        neg = *p++ == '-';
    while (*p >= '0' && *p <= '9') {
        if (digits < 18)
            mant = mant * 10 + (*p - '0');
        else
            scale++;
        digits++;
        p++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            if (digits < 18) {
                mant = mant * 10 + (*p - '0');
                scale--;
            }
            digits++;
            p++;
        }
    }
    if (digits == 0)
        return 0;
    if ((*p == 'e' || *p == 'E')
        && ((p[1] >= '0' && p[1] <= '9')
            || ((p[1] == '+' || p[1] == '-') && p[2] >= '0' && p[2] <= '9'))) {
        p++;
        if (*p == '+' || *p == '-')
            exneg = *p++ == '-';
        while (*p >= '0' && *p <= '9') {
            if (ex < 10000)
                ex = ex * 10 + (*p - '0');
            p++;
        }
    }
    scale += exneg ? -ex : ex;
    if (scale > 300)
        scale = 300;
    if (scale < -300)
        scale = -300;
    *out = (neg ? -mant : mant) * pow(10.0, scale);
    /* Beyond S_MAX_NUM a chart coordinate is garbage, and such numbers,
     * multiplied through nested transforms, would reach infinity. */
    if (fabs(*out) > S_MAX_NUM)
        return 0;
    *pp = p;
    return 1;
}

/* A length in user units: a number with an optional unit.  ref is what 100%
 * means, em the font size.  0, or GW_EINPUT naming the attribute. */
static int
S_length_str(const char *s, double ref, double em, double *out)
{
    const char *p = S_skip_ws(s);
    double v;
    if (!S_number(&p, &v))
        return GW_EINPUT;
    if (*p == '\0' || S_isspace((unsigned char)*p)) {
        ;
    } else if (strncmp(p, "px", 2) == 0) {
        p += 2;
    } else if (strncmp(p, "pt", 2) == 0) {
        v /= S_PX_PT;
        p += 2;
    } else if (strncmp(p, "pc", 2) == 0) {
        v = v * 12 / S_PX_PT;
        p += 2;
    } else if (strncmp(p, "mm", 2) == 0) {
        v = v * 72 / 25.4 / S_PX_PT;
        p += 2;
    } else if (strncmp(p, "cm", 2) == 0) {
        v = v * 720 / 25.4 / S_PX_PT;
        p += 2;
    } else if (strncmp(p, "in", 2) == 0) {
        v *= 96;
        p += 2;
    } else if (strncmp(p, "em", 2) == 0) {
        v *= em;
        p += 2;
    } else if (*p == '%') {
        v = v * ref / 100;
        p++;
    }
    if (*S_skip_ws(p) != '\0' || !isfinite(v))
        return GW_EINPUT;
    *out = v;
    return 0;
}

/* Attribute `name` of n as a length (def when absent). */
static int
S_length(S_ctx *cx, const xmlNode *n, const char *name, double ref, double def,
         double *out)
{
    const char *s = S_attr(n, name);
    char what[96];
    if (!s) {
        *out = def;
        return 0;
    }
    if (S_length_str(s, ref, 16, out) != 0) {
        snprintf(what, sizeof what, "bad length in %s", name);
        return S_bad(cx, n, what, s);
    }
    return 0;
}

/* ----------------------------------------------------------- matrices */

static S_mat
S_mul(S_mat A, S_mat B)
{
    S_mat r;
    r.a = A.a * B.a + A.c * B.b;
    r.b = A.b * B.a + A.d * B.b;
    r.c = A.a * B.c + A.c * B.d;
    r.d = A.b * B.c + A.d * B.d;
    r.e = A.a * B.e + A.c * B.f + A.e;
    r.f = A.b * B.e + A.d * B.f + A.f;
    return r;
}

static void
S_apply(const S_mat *m, double x, double y, double *ox, double *oy)
{
    *ox = m->a * x + m->c * y + m->e;
    *oy = m->b * x + m->d * y + m->f;
}

/* How much lengths grow under m (for stroke widths and font sizes). */
static double
S_mat_scale(const S_mat *m)
{
    return sqrt(fabs(m->a * m->d - m->b * m->c));
}

static int
S_mat_axis_aligned(const S_mat *m)
{
    return fabs(m->b) < 1e-9 && fabs(m->c) < 1e-9;
}

/* Parses a transform list ("translate(10 20) rotate(45 5 5) scale(2)") into
 * *m, composing left to right as SVG does.  0, or GW_EINPUT. */
static int
S_transform(S_ctx *cx, const xmlNode *n, const char *s, S_mat *m)
{
    static const S_mat id = { 1, 0, 0, 1, 0, 0 };
    const char *p = S_skip_ws(s);
    *m = id;
    while (*p) {
        char name[16];
        size_t k = 0;
        double v[6];
        int nv = 0;
        S_mat t = id;
        while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
            if (k + 1 < sizeof name)
                name[k++] = *p;
            p++;
        }
        name[k] = '\0';
        p = S_skip_ws(p);
        if (k == 0 || *p != '(')
            return S_bad(cx, n, "bad transform (expected name and \"(\")", s);
        p = S_skip_ws(p + 1);
        while (*p != ')') {
            if (nv == 6 || !S_number(&p, &v[nv]))
                return S_bad(cx, n, "bad transform arguments", s);
            nv++;
            p = S_skip_sep(p);
        }
        p++;
        if (strcmp(name, "matrix") == 0 && nv == 6) {
            t.a = v[0], t.b = v[1], t.c = v[2], t.d = v[3], t.e = v[4], t.f = v[5];
        } else if (strcmp(name, "translate") == 0 && (nv == 1 || nv == 2)) {
            t.e = v[0];
            t.f = nv == 2 ? v[1] : 0;
        } else if (strcmp(name, "scale") == 0 && (nv == 1 || nv == 2)) {
            t.a = v[0];
            t.d = nv == 2 ? v[1] : v[0];
        } else if (strcmp(name, "rotate") == 0 && (nv == 1 || nv == 3)) {
            double r = v[0] * S_PI / 180, cs = cos(r), sn = sin(r);
            t.a = cs, t.b = sn, t.c = -sn, t.d = cs;
            if (nv == 3) {
                /* rotate(a cx cy) = translate(cx cy) rotate(a) translate(-cx -cy) */
                t.e = v[1] - cs * v[1] + sn * v[2];
                t.f = v[2] - sn * v[1] - cs * v[2];
            }
        } else if (strcmp(name, "skewX") == 0 && nv == 1) {
            t.c = tan(v[0] * S_PI / 180);
        } else if (strcmp(name, "skewY") == 0 && nv == 1) {
            t.b = tan(v[0] * S_PI / 180);
        } else {
            return S_bad(cx, n, "unknown transform or wrong number of arguments", s);
        }
        *m = S_mul(*m, t);
        p = S_skip_sep(p);
    }
    return 0;
}

/* ---------------------------------------------------------------- paint */

/* 1 when s is the keyword kw (lower case) in any case, with white space
 * around it. */
static int
S_is_keyword(const char *s, const char *kw)
{
    s = S_skip_ws(s);
    for (; *kw; s++, kw++)
        if ((*s >= 'A' && *s <= 'Z' ? *s + ('a' - 'A') : *s) != *kw)
            return 0;
    return *S_skip_ws(s) == '\0';
}

/* Parses a paint value into *c: the keyword none, or a colour in any form
 * gw_color_parse takes (the FO reader's rules, color.h).  1 parsed, 0
 * "inherit" (keep the parent's), -1 not understood. */
static int
S_paint_value(const char *s, gw_color *c)
{
    if (S_is_keyword(s, "inherit"))
        return 0;
    if (S_is_keyword(s, "none")) {
        memset(c, 0, sizeof *c);
        c->none = 1;
        return 1;
    }
    return gw_color_parse(s, c) == 0 ? 1 : -1;
}

/* --------------------------------------------------------------- styles */

/* Applies one property (from an attribute or a style declaration) to st.
 * Unreadable values are warnings and leave the inherited value, as SVG
 * renderers do; the drawing stays useful. */
static void
S_prop(const xmlNode *n, S_style *st, const S_style *parent, const char *name,
       const char *val)
{
    double v;
    const char *p = S_skip_ws(val);
    char what[96];
    snprintf(what, sizeof what, "unreadable %s ignored:", name);
    if (strcmp(p, "inherit") == 0)
        return;
    if (strcmp(name, "fill") == 0 || strcmp(name, "stroke") == 0) {
        gw_color c;
        int r = S_paint_value(p, &c);
        if (r < 0) {
            snprintf(what, sizeof what, "%s colour not supported, using none:", name);
            S_warn(n, what, val);
            memset(&c, 0, sizeof c);
            c.none = 1;
            r = 1;
        }
        if (r > 0)
            *(name[0] == 'f' ? &st->fill : &st->stroke) = c;
    } else if (strcmp(name, "stroke-width") == 0) {
        if (S_length_str(p, 100, st->font_size, &v) != 0 || v < 0)
            S_warn(n, what, val);
        else
            st->stroke_width = v;
    } else if (strcmp(name, "opacity") == 0 || strcmp(name, "fill-opacity") == 0
               || strcmp(name, "stroke-opacity") == 0) {
        const char *q = p;
        if (!S_number(&q, &v) || *S_skip_ws(q) != '\0') {
            S_warn(n, what, val);
            return;
        }
        v = v < 0 ? 0 : v > 1 ? 1 : v;
        if (name[0] == 'o')
            st->opacity = parent->opacity * v;   /* group opacity multiplies */
        else if (name[0] == 'f')
            st->fill_op = v;
        else
            st->stroke_op = v;
    } else if (strcmp(name, "font-size") == 0) {
        if (S_length_str(p, parent->font_size, parent->font_size, &v) != 0 || v <= 0)
            S_warn(n, what, val);
        else
            st->font_size = v;
    } else if (strcmp(name, "font-family") == 0) {
        st->font_family = val;
    } else if (strcmp(name, "font-weight") == 0) {
        const char *q = p;
        if (strncmp(p, "bold", 4) == 0 || strncmp(p, "bolder", 6) == 0)
            st->font_weight = 700;
        else if (strncmp(p, "normal", 6) == 0 || strncmp(p, "lighter", 7) == 0)
            st->font_weight = 400;
        else if (S_number(&q, &v) && v >= 1 && v <= 1000)
            st->font_weight = (int)v;
        else
            S_warn(n, what, val);
    } else if (strcmp(name, "text-anchor") == 0) {
        if (strncmp(p, "start", 5) == 0)
            st->anchor = S_ANCHOR_START;
        else if (strncmp(p, "middle", 6) == 0)
            st->anchor = S_ANCHOR_MIDDLE;
        else if (strncmp(p, "end", 3) == 0)
            st->anchor = S_ANCHOR_END;
        else
            S_warn(n, what, val);
    }
}

static const char *const S_props[] = {
    "fill", "stroke", "stroke-width", "opacity", "fill-opacity", "stroke-opacity",
    "font-size", "font-family", "font-weight", "text-anchor",
};

/* The element's style: the parent's, then presentation attributes, then the
 * style attribute (which wins, as in CSS).  font-family values from style=""
 * are copied into buf (the tree's string holds the other declarations). */
static void
S_style_of(const xmlNode *n, const S_style *parent, S_style *st, char *fam, size_t famcap)
{
    const char *style;
    *st = *parent;
    for (size_t i = 0; i < sizeof S_props / sizeof S_props[0]; i++) {
        const char *v = S_attr(n, S_props[i]);
        if (v)
            S_prop(n, st, parent, S_props[i], v);
    }
    style = S_attr(n, "style");
    while (style && *style) {
        /* "a:b;c:d" — name up to ':', value up to ';'. */
        const char *semi = strchr(style, ';'), *colon;
        size_t len = semi ? (size_t)(semi - style) : strlen(style);
        char name[40], val[256];
        colon = memchr(style, ':', len);
        if (colon) {
            const char *ns = S_skip_ws(style), *ne = colon, *vs = S_skip_ws(colon + 1);
            const char *ve = style + len;
            while (ne > ns && S_isspace((unsigned char)ne[-1]))
                ne--;
            while (ve > vs && S_isspace((unsigned char)ve[-1]))
                ve--;
            if ((size_t)(ne - ns) < sizeof name && (size_t)(ve - vs) < sizeof val) {
                memcpy(name, ns, (size_t)(ne - ns));
                name[ne - ns] = '\0';
                memcpy(val, vs, (size_t)(ve - vs));
                val[ve - vs] = '\0';
                if (strcmp(name, "font-family") == 0) {
                    snprintf(fam, famcap, "%s", val);
                    st->font_family = fam;
                } else {
                    for (size_t i = 0; i < sizeof S_props / sizeof S_props[0]; i++)
                        if (strcmp(name, S_props[i]) == 0)
                            S_prop(n, st, parent, name, val);
                }
            }
        }
        style = semi ? semi + 1 : NULL;
    }
}

/* ---------------------------------------------------------------- paths */

static int
S_op(S_ctx *cx, const xmlNode *n, const S_mat *m, char op, const double *pts)
{
    gw_path_op *o;
    if (cx->ops.n >= S_MAX_OPS) {
        char what[80];
        snprintf(what, sizeof what, "more than %d path items (cap)", S_MAX_OPS);
        return S_bad(cx, n, what, "");
    }
    if (cx->ops.n == cx->ops.cap) {
        cx->ops.cap = cx->ops.cap ? cx->ops.cap * 2 : 64;
        cx->ops.v = gw_xrealloc(cx->ops.v, cx->ops.cap * sizeof *cx->ops.v);
    }
    o = &cx->ops.v[cx->ops.n++];
    memset(o, 0, sizeof *o);
    o->op = op;
    if (op == 'M' || op == 'L') {
        S_apply(m, pts[0], pts[1], &o->x1, &o->y1);
    } else if (op == 'C') {
        S_apply(m, pts[0], pts[1], &o->x1, &o->y1);
        S_apply(m, pts[2], pts[3], &o->x2, &o->y2);
        S_apply(m, pts[4], pts[5], &o->x3, &o->y3);
    }
    return 0;
}

/* Paints cx->ops with the element's style.  A path item has one opacity, so
 * a shape whose fill and stroke opacities differ becomes two items. */
static void
S_paint(S_ctx *cx, const S_mat *m, const S_style *st, int fillable)
{
    gw_color none = { 0, 0, 0, 1 };
    double fo = st->opacity * st->fill_op, so = st->opacity * st->stroke_op;
    double sw = st->stroke_width * S_mat_scale(m);
    int fill = fillable && !st->fill.none && fo > 0;
    int stroke = !st->stroke.none && so > 0 && sw > 0;
    if (cx->ops.n == 0)
        return;
    if (fill && stroke && fabs(fo - so) < 1e-9) {
        gw_page_path(cx->page, cx->ops.v, cx->ops.n, st->fill, st->stroke, sw, fo);
        return;
    }
    if (fill)
        gw_page_path(cx->page, cx->ops.v, cx->ops.n, st->fill, none, 0, fo);
    if (stroke)
        gw_page_path(cx->page, cx->ops.v, cx->ops.n, none, st->stroke, sw, so);
}

/* Closes the outline being built (ellipse, rect) and paints it, filled and
 * stroked.  0, or S_op's error. */
static int
S_close_paint(S_ctx *cx, const xmlNode *n, const S_mat *m, const S_style *st)
{
    int rc = S_op(cx, n, m, 'Z', NULL);
    if (rc != 0)
        return rc;
    S_paint(cx, m, st, 1);
    return 0;
}

/* Sets *out to attribute `name` of n (NULL when it is absent); 0, or a
 * GW_EINPUT error (and *out NULL) when it is longer than S_MAX_ATTR bytes. */
static int
S_capped_attr(S_ctx *cx, const xmlNode *n, const char *name, const char **out)
{
    char what[80];
    *out = S_attr(n, name);
    if (!*out || strlen(*out) <= S_MAX_ATTR)
        return 0;
    *out = NULL;
    snprintf(what, sizeof what, "%s longer than %u bytes (cap)", name, S_MAX_ATTR);
    return S_bad(cx, n, what, "");
}

/* <path d="...">: M m L l H h V v C c Z z.  Another command is a warning
 * naming it; the path is drawn up to there (as SVG's error handling does). */
static int
S_path(S_ctx *cx, const xmlNode *n, const S_mat *m, const S_style *st)
{
    const char *d, *p;
    double cx0 = 0, cy0 = 0, sx = 0, sy = 0;   /* current point, subpath start */
    char cmd = 0;
    int rc = S_capped_attr(cx, n, "d", &d);
    if (rc != 0 || !d)
        return rc;
    p = S_skip_ws(d);
    while (*p) {
        double v[6], pt[6];
        int need, rel;
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) {
            cmd = *p++;
            if (!strchr("MmLlHhVvCcZz", cmd)) {
                char what[96];
                snprintf(what, sizeof what,
                         "path command '%c' not supported; the rest of the path is dropped:",
                         cmd);
                S_warn(n, what, d);
                break;
            }
        } else if (cmd == 0 || cmd == 'Z' || cmd == 'z') {
            rc = S_bad(cx, n, "bad path data (number without a command)", p);
            goto out;
        }
        p = S_skip_ws(p);
        rel = cmd >= 'a';
        switch (cmd) {
        case 'Z': case 'z':
            if ((rc = S_op(cx, n, m, 'Z', NULL)) != 0)
                goto out;
            cx0 = sx, cy0 = sy;
            p = S_skip_sep(p);
            continue;
        case 'H': case 'h': case 'V': case 'v':
            need = 1;
            break;
        case 'C': case 'c':
            need = 6;
            break;
        default:
            need = 2;
        }
        for (int i = 0; i < need; i++) {
            if (i > 0)
                p = S_skip_sep(p);
            if (!S_number(&p, &v[i])) {
                rc = S_bad(cx, n, "bad path data (missing or bad number)", *p ? p : d);
                goto out;
            }
        }
        p = S_skip_sep(p);
        switch (cmd) {
        case 'M': case 'm':
            sx = cx0 = rel ? cx0 + v[0] : v[0];
            sy = cy0 = rel ? cy0 + v[1] : v[1];
            pt[0] = cx0, pt[1] = cy0;
            rc = S_op(cx, n, m, 'M', pt);
            cmd = rel ? 'l' : 'L';      /* further pairs are line-tos */
            break;
        case 'L': case 'l': case 'H': case 'h': case 'V': case 'v':
            if (cmd == 'H' || cmd == 'h')
                cx0 = rel ? cx0 + v[0] : v[0];
            else if (cmd == 'V' || cmd == 'v')
                cy0 = rel ? cy0 + v[0] : v[0];
            else {
                cx0 = rel ? cx0 + v[0] : v[0];
                cy0 = rel ? cy0 + v[1] : v[1];
            }
            pt[0] = cx0, pt[1] = cy0;
            rc = S_op(cx, n, m, 'L', pt);
            break;
        default:    /* C c */
            for (int i = 0; i < 6; i += 2) {
                pt[i] = rel ? cx0 + v[i] : v[i];
                pt[i + 1] = rel ? cy0 + v[i + 1] : v[i + 1];
            }
            cx0 = pt[4], cy0 = pt[5];
            rc = S_op(cx, n, m, 'C', pt);
            break;
        }
        if (rc != 0)
            goto out;
    }
    S_paint(cx, m, st, 1);
out:
    return rc;
}

/* <polyline>/<polygon points="x,y x,y ...">. */
static int
S_poly(S_ctx *cx, const xmlNode *n, const S_mat *m, const S_style *st, int closed)
{
    const char *s, *p;
    int rc = S_capped_attr(cx, n, "points", &s);
    size_t k = 0;
    if (rc != 0 || !s)
        return rc;
    p = S_skip_ws(s);
    while (*p) {
        double pt[2];
        if (!S_number(&p, &pt[0]) || (p = S_skip_sep(p), !S_number(&p, &pt[1])))
            return S_bad(cx, n, "bad points (expected pairs of numbers)", *p ? p : s);
        p = S_skip_sep(p);
        if ((rc = S_op(cx, n, m, k++ ? 'L' : 'M', pt)) != 0)
            return rc;
    }
    if (closed && k > 0 && (rc = S_op(cx, n, m, 'Z', NULL)) != 0)
        return rc;
    S_paint(cx, m, st, 1);
    return 0;
}

/* Circles and ellipses: four cubic Béziers, starting at 3 o'clock. */
static int
S_ellipse(S_ctx *cx, const xmlNode *n, const S_mat *m, const S_style *st, int circle)
{
    double x, y, rx, ry, k;
    int rc;
    if ((rc = S_length(cx, n, "cx", cx->vw, 0, &x)) != 0
        || (rc = S_length(cx, n, "cy", cx->vh, 0, &y)) != 0)
        return rc;
    if (circle) {
        rc = S_length(cx, n, "r", sqrt((cx->vw * cx->vw + cx->vh * cx->vh) / 2), 0, &rx);
        ry = rx;
    } else if ((rc = S_length(cx, n, "rx", cx->vw, 0, &rx)) == 0) {
        rc = S_length(cx, n, "ry", cx->vh, 0, &ry);
    }
    if (rc != 0)
        return rc;
    if (rx < 0 || ry < 0)
        return S_bad(cx, n, "negative radius", S_attr(n, circle ? "r" : "rx"));
    if (rx == 0 || ry == 0)
        return 0;   /* SVG: a zero radius disables rendering */
    k = S_KAPPA;
    {
        const double seg[4][6] = {
            { x + rx, y + k * ry, x + k * rx, y + ry, x, y + ry },
            { x - k * rx, y + ry, x - rx, y + k * ry, x - rx, y },
            { x - rx, y - k * ry, x - k * rx, y - ry, x, y - ry },
            { x + k * rx, y - ry, x + rx, y - k * ry, x + rx, y },
        };
        double start[2] = { x + rx, y };
        if ((rc = S_op(cx, n, m, 'M', start)) != 0)
            return rc;
        for (int i = 0; i < 4; i++)
            if ((rc = S_op(cx, n, m, 'C', seg[i])) != 0)
                return rc;
    }
    return S_close_paint(cx, n, m, st);
}

static int
S_rect(S_ctx *cx, const xmlNode *n, const S_mat *m, const S_style *st)
{
    double x, y, w, h, sw;
    int rc;
    if ((rc = S_length(cx, n, "x", cx->vw, 0, &x)) != 0
        || (rc = S_length(cx, n, "y", cx->vh, 0, &y)) != 0
        || (rc = S_length(cx, n, "width", cx->vw, 0, &w)) != 0
        || (rc = S_length(cx, n, "height", cx->vh, 0, &h)) != 0)
        return rc;
    if (w < 0 || h < 0)
        return S_bad(cx, n, "negative width or height", S_attr(n, w < 0 ? "width" : "height"));
    if (w == 0 || h == 0)
        return 0;   /* SVG: disables rendering */
    if (S_attr(n, "rx") || S_attr(n, "ry"))
        S_warn(n, "rounded corners (rx/ry) not supported, drawn square", NULL);
    sw = st->stroke_width * S_mat_scale(m);
    if (S_mat_axis_aligned(m)
        && (st->fill.none || st->opacity * st->fill_op >= 1)
        && (st->stroke.none || st->opacity * st->stroke_op >= 1)) {
        /* The simple case: a rectangle item, which the PDF writer draws
         * with one `re` and tests can read back exactly. */
        double x0, y0, x1, y1;
        gw_color none = { 0, 0, 0, 1 };
        S_apply(m, x, y, &x0, &y0);
        S_apply(m, x + w, y + h, &x1, &y1);
        if (st->fill.none && (st->stroke.none || sw <= 0))
            return 0;
        gw_page_rect(cx->page, fmin(x0, x1), fmin(y0, y1), fabs(x1 - x0), fabs(y1 - y0),
                     st->fill, sw > 0 ? st->stroke : none, sw);
        return 0;
    }
    {
        const double pts[4][2] = { { x, y }, { x + w, y }, { x + w, y + h }, { x, y + h } };
        for (int i = 0; i < 4; i++)
            if ((rc = S_op(cx, n, m, i ? 'L' : 'M', pts[i])) != 0)
                return rc;
    }
    return S_close_paint(cx, n, m, st);
}

static int
S_line_el(S_ctx *cx, const xmlNode *n, const S_mat *m, const S_style *st)
{
    double v[4], a[2], b[2];
    double sw = st->stroke_width * S_mat_scale(m), so = st->opacity * st->stroke_op;
    int rc;
    if ((rc = S_length(cx, n, "x1", cx->vw, 0, &v[0])) != 0
        || (rc = S_length(cx, n, "y1", cx->vh, 0, &v[1])) != 0
        || (rc = S_length(cx, n, "x2", cx->vw, 0, &v[2])) != 0
        || (rc = S_length(cx, n, "y2", cx->vh, 0, &v[3])) != 0)
        return rc;
    if (st->stroke.none || sw <= 0 || so <= 0)
        return 0;
    if (so >= 1) {
        S_apply(m, v[0], v[1], &a[0], &a[1]);
        S_apply(m, v[2], v[3], &b[0], &b[1]);
        gw_page_line(cx->page, a[0], a[1], b[0], b[1], sw, st->stroke);
        return 0;
    }
    if ((rc = S_op(cx, n, m, 'M', v)) != 0 || (rc = S_op(cx, n, m, 'L', v + 2)) != 0)
        return rc;
    S_paint(cx, m, st, 0);
    return 0;
}

/* ----------------------------------------------------------------- text */

/* <text x y>: the character data, white space collapsed as xml:space
 * default does, set in runs of one face.  Rotated or skewed text is drawn
 * upright at its transformed position (the display list has no text matrix),
 * with a warning. */
static int
S_text(S_ctx *cx, const xmlNode *n, const S_mat *m, const S_style *st)
{
    gw_buf txt;
    double x, y, px, py, size, total = 0, *xs = NULL;
    const gw_fontlist *fl = NULL;
    uint32_t *cps = NULL;
    gw_face **faces = NULL;
    size_t ncp = 0, i, run;
    int rc = 0, space = 0;
    gw_buf_init(&txt);
    if ((rc = S_length(cx, n, "x", cx->vw, 0, &x)) != 0
        || (rc = S_length(cx, n, "y", cx->vh, 0, &y)) != 0)
        goto out;
    /* dx/dy shift the whole text (charts centre labels with dy="0.35em");
     * per-character lists are not supported. */
    for (int k = 0; k < 2; k++) {
        const char *v = S_attr(n, k ? "dy" : "dx");
        double d;
        if (!v)
            continue;
        if (S_length_str(v, k ? cx->vh : cx->vw, st->font_size, &d) != 0) {
            rc = S_bad(cx, n, k ? "bad dy (one length expected)" : "bad dx (one length expected)",
                       v);
            goto out;
        }
        *(k ? &y : &x) += d;
    }
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) {
            S_warn(c, "element inside <text> not supported, its text is left out", NULL);
            continue;
        }
        if (c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE)
            continue;
        for (const char *s = (const char *)c->content; s && *s; s++) {
            if (S_isspace((unsigned char)*s)) {
                space = txt.len > 0;
                continue;
            }
            if (space)
                gw_buf_putc(&txt, ' ');
            space = 0;
            gw_buf_putc(&txt, *s);
        }
    }
    if (txt.len == 0 || st->fill.none || st->opacity * st->fill_op <= 0)
        goto out;
    if (gw_utf8_validate(txt.ptr, txt.len) >= 0) {
        rc = S_bad(cx, n, "text is not valid UTF-8", "");
        goto out;
    }
    if (!cx->fonts) {
        S_warn(n, "no fonts given, text left out:", txt.ptr);
        goto out;
    }
    if (!S_mat_axis_aligned(m))
        S_warn(n, "rotated or skewed text is drawn upright:", txt.ptr);
    rc = gw_fontset_lookup(cx->fonts, st->font_family ? st->font_family : "黑体",
                           st->font_weight, &fl, cx->err);
    if (rc != 0)
        goto out;
    size = st->font_size * S_mat_scale(m);
    if (!(size > 0 && size <= 1000)) {
        /* the PDF writer's cap; refused here so the message names the
         * element and its line rather than a page */
        char sz[32];
        snprintf(sz, sizeof sz, "%g pt", size);
        rc = S_bad(cx, n, "text size out of range (0 to 1000 pt after scaling)", sz);
        goto out;
    }
    cps = gw_xmalloc(txt.len * sizeof *cps);
    faces = gw_xmalloc(txt.len * sizeof *faces);
    xs = gw_xmalloc((txt.len + 1) * sizeof *xs);
    for (const char *s = txt.ptr, *e = txt.ptr + txt.len; s < e;) {
        uint32_t cp;
        int k = gw_utf8_decode(s, (size_t)(e - s), &cp);
        s += k;
        faces[ncp] = gw_fontlist_face_for(fl, cp);
        if (!faces[ncp]) {
            char what[96];
            snprintf(what, sizeof what, "no font has U+%04X, it is left out of", (unsigned)cp);
            S_warn(n, what, txt.ptr);
            continue;
        }
        cps[ncp] = cp;
        xs[ncp] = total;
        total += gw_face_advance(faces[ncp], cp, size);
        ncp++;
    }
    S_apply(m, x, y, &px, &py);
    if (st->anchor == S_ANCHOR_MIDDLE)
        px -= total / 2;
    else if (st->anchor == S_ANCHOR_END)
        px -= total;
    for (i = 0; i < ncp; i++)
        xs[i] += px;
    /* One item per run of characters in the same face. */
    for (i = 0; i < ncp; i = run) {
        gw_buf u;
        gw_buf_init(&u);
        for (run = i; run < ncp && faces[run] == faces[i]; run++)
            gw_buf_put_cp(&u, cps[run]);
        gw_page_text(cx->page, faces[i], size, st->fill, py, u.ptr, u.len, xs + i,
                     run - i, 1.0, gw_fontlist_fake_bold(fl, faces[i]));
        gw_buf_free(&u);
    }
out:
    free(cps);
    free(faces);
    free(xs);
    gw_buf_free(&txt);
    return rc;
}

/* ----------------------------------------------------------------- walk */

static int
S_is_svg(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE
           && (!n->ns || (n->ns->href && strcmp((const char *)n->ns->href, S_SVG_NS) == 0));
}

static int
S_named_el(const xmlNode *n, const char *name)
{
    return S_is_svg(n) && strcmp((const char *)n->name, name) == 0;
}

/* The viewBox of svg, if it has a usable one.  1 found, 0 none, <0 error. */
static int
S_viewbox(S_ctx *cx, const xmlNode *svg, double vb[4])
{
    const char *s = S_attr(svg, "viewBox"), *p;
    if (!s)
        return 0;
    p = S_skip_ws(s);
    for (int i = 0; i < 4; i++) {
        if (i > 0)
            p = S_skip_sep(p);
        if (!S_number(&p, &vb[i]))
            return S_bad(cx, svg, "bad viewBox (expected four numbers)", s);
    }
    if (*S_skip_ws(p) != '\0')
        return S_bad(cx, svg, "bad viewBox (expected four numbers)", s);
    if (vb[2] <= 0 || vb[3] <= 0)
        return S_bad(cx, svg, "viewBox width and height must be positive", s);
    return 1;
}

/* Intrinsic size in user units (px); w/h 0 when the attribute is absent or
 * a percentage (the caller falls back). */
static int
S_size_attr(S_ctx *cx, const xmlNode *svg, const char *name, double *out)
{
    const char *s = S_attr(svg, name);
    *out = 0;
    if (!s || strchr(s, '%'))
        return 0;
    if (S_length_str(s, 0, 16, out) != 0 || *out < 0) {
        char what[64];
        snprintf(what, sizeof what, "bad %s", name);
        return S_bad(cx, svg, what, s);
    }
    return 0;
}

/* The intrinsic size in user units: width/height, else the viewBox's
 * (keeping its aspect ratio when only one is given), else 300x150. */
static int
S_intrinsic(S_ctx *cx, const xmlNode *svg, double *w, double *h, double vb[4], int *has_vb)
{
    int rc;
    if ((rc = S_viewbox(cx, svg, vb)) < 0)
        return rc;
    *has_vb = rc;
    if ((rc = S_size_attr(cx, svg, "width", w)) != 0
        || (rc = S_size_attr(cx, svg, "height", h)) != 0)
        return rc;
    if (*has_vb) {
        if (*w == 0 && *h == 0)
            *w = vb[2], *h = vb[3];
        else if (*w == 0)
            *w = *h * vb[2] / vb[3];
        else if (*h == 0)
            *h = *w * vb[3] / vb[2];
    }
    if (*w == 0)
        *w = 300;
    if (*h == 0)
        *h = 150;
    return 0;
}

int
gw_svg_size(gw_xml_node svg, double *w, double *h, gw_err *err)
{
    S_ctx cx;
    double vb[4], uw, uh;
    int has_vb, rc;
    memset(&cx, 0, sizeof cx);
    cx.err = err;
    if (!svg || !S_named_el(svg, "svg"))
        return gw_err_set(err, GW_EINPUT, "%s:%ld: expected an <svg> element",
                          S_file(svg), S_line(svg));
    if ((rc = S_intrinsic(&cx, svg, &uw, &uh, vb, &has_vb)) != 0)
        return rc;
    *w = uw * S_PX_PT;
    *h = uh * S_PX_PT;
    return 0;
}

/* The matrix mapping the svg's user space into the box, from viewBox and
 * preserveAspectRatio (xMidYMid meet by default). */
static int
S_viewport(S_ctx *cx, const xmlNode *svg, double bx, double by, double bw, double bh,
           S_mat *m)
{
    double vb[4], iw, ih, sx, sy, tx, ty;
    int has_vb, rc, ax = 1, ay = 1, slice = 0;
    const char *par = S_attr(svg, "preserveAspectRatio");
    if ((rc = S_intrinsic(cx, svg, &iw, &ih, vb, &has_vb)) != 0)
        return rc;
    if (!has_vb) {
        /* Without a viewBox the user space is the intrinsic size in px. */
        vb[0] = vb[1] = 0;
        vb[2] = iw;
        vb[3] = ih;
    }
    cx->vw = vb[2];
    cx->vh = vb[3];
    sx = bw / vb[2];
    sy = bh / vb[3];
    if (par) {
        const char *p = S_skip_ws(par);
        if (strncmp(p, "defer", 5) == 0)
            p = S_skip_ws(p + 5);
        if (strncmp(p, "none", 4) == 0) {
            ax = -1;
            p += 4;
        } else if (strlen(p) >= 8 && p[0] == 'x' && p[4] == 'Y') {
            ax = strncmp(p + 1, "Min", 3) == 0 ? 0 : strncmp(p + 1, "Mid", 3) == 0 ? 1
                 : strncmp(p + 1, "Max", 3) == 0 ? 2 : -2;
            ay = strncmp(p + 5, "Min", 3) == 0 ? 0 : strncmp(p + 5, "Mid", 3) == 0 ? 1
                 : strncmp(p + 5, "Max", 3) == 0 ? 2 : -2;
            if (ax == -2 || ay == -2)
                return S_bad(cx, svg, "bad preserveAspectRatio", par);
            p += 8;
        } else {
            return S_bad(cx, svg, "bad preserveAspectRatio", par);
        }
        p = S_skip_ws(p);
        if (strncmp(p, "slice", 5) == 0) {
            slice = 1;
            p += 5;
        } else if (strncmp(p, "meet", 4) == 0) {
            p += 4;
        }
        if (*S_skip_ws(p) != '\0')
            return S_bad(cx, svg, "bad preserveAspectRatio", par);
    }
    if (slice && ax >= 0) {
        /* No clipping in the display list: slice would spill outside the
         * box, so it is drawn as meet. */
        S_warn(svg, "preserveAspectRatio slice not supported, using meet", NULL);
    }
    if (ax >= 0) {
        double s = fmin(sx, sy);
        sx = sy = s;
    }
    tx = bx - vb[0] * sx;
    ty = by - vb[1] * sy;
    if (ax > 0)
        tx += (bw - vb[2] * sx) * ax / 2;
    if (ay > 0 && ax >= 0)
        ty += (bh - vb[3] * sy) * ay / 2;
    m->a = sx, m->b = 0, m->c = 0, m->d = sy, m->e = tx, m->f = ty;
    if (!(fabs(sx) <= S_MAX_MAT && fabs(sy) <= S_MAX_MAT && fabs(tx) <= S_MAX_MAT
          && fabs(ty) <= S_MAX_MAT))
        return S_bad(cx, svg, "viewBox too small for the box (scale beyond 1e12)",
                     S_attr(svg, "viewBox"));
    return 0;
}

/* Whether n is an SVG element named one of names[0..k). */
static int
S_svg_named(const xmlNode *n, const char *const *names, size_t k)
{
    if (!S_is_svg(n))
        return 0;
    for (size_t i = 0; i < k; i++)
        if (strcmp((const char *)n->name, names[i]) == 0)
            return 1;
    return 0;
}

/* Elements that carry no drawing: skipped without a word. */
static int
S_silent(const xmlNode *n)
{
    static const char *const names[] = { "title", "desc", "metadata" };
    return S_svg_named(n, names, sizeof names / sizeof names[0]);
}

/* Elements of the subset that gw_svg_draw handles below <svg>. */
static int
S_drawable(const xmlNode *n)
{
    static const char *const names[] = {
        "g", "a", "rect", "line", "polyline", "polygon", "circle", "ellipse", "path", "text"
    };
    return S_svg_named(n, names, sizeof names / sizeof names[0]);
}

int
gw_svg_draw(gw_xml_node svg, gw_page *page, gw_fontset *fonts, double x, double y,
            double w, double h, gw_err *err)
{
    S_ctx cx;
    S_frame *stack = NULL;
    size_t depth = 0, count = 0;
    char *fams = NULL;          /* font-family copies from style="" per depth */
    int rc = 0;
    S_style root;
    memset(&cx, 0, sizeof cx);
    cx.page = page;
    cx.fonts = fonts;
    cx.err = err;
    if (!svg || !S_named_el(svg, "svg")) {
        rc = gw_err_set(err, GW_EINPUT, "%s:%ld: expected an <svg> element", S_file(svg),
                        S_line(svg));
        goto out;
    }
    stack = gw_xcalloc(S_MAX_DEPTH + 1, sizeof *stack);
    fams = gw_xcalloc(S_MAX_DEPTH + 2, S_FAMCAP);
    /* SVG's initial values. */
    memset(&root, 0, sizeof root);
    root.stroke.none = 1;
    root.stroke_width = 1;
    root.opacity = root.fill_op = root.stroke_op = 1;
    root.font_size = 16;
    root.font_weight = 400;
    if ((rc = S_viewport(&cx, svg, x, y, w, h, &stack[0].ctm)) != 0)
        goto out;
    S_style_of(svg, &root, &stack[0].st, fams, S_FAMCAP);
    stack[0].group = svg;
    depth = 1;
    while (depth > 0) {
        S_frame *f = &stack[depth - 1];
        xmlNode *n = f->cursor ? f->cursor->next : f->group->children;
        S_style st;
        S_mat m;
        const char *tr, *name;
        f->cursor = n;
        if (!n) {
            depth--;
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || S_silent(n))
            continue;
        /* display="none" hides the element and everything inside it. */
        if ((name = S_attr(n, "display")) != NULL && strcmp(S_skip_ws(name), "none") == 0)
            continue;
        if (++count > S_MAX_ELEMENTS) {
            char what[80];
            snprintf(what, sizeof what, "more than %d elements in one <svg> (cap)",
                     S_MAX_ELEMENTS);
            rc = S_bad(&cx, n, what, "");
            goto out;
        }
        name = (const char *)n->name;
        if (!S_drawable(n)) {
            S_warn(n, "element not supported, ignored", NULL);
            continue;
        }
        S_style_of(n, &f->st, &st, fams + depth * S_FAMCAP, S_FAMCAP);
        m = f->ctm;
        if ((tr = S_attr(n, "transform")) != NULL) {
            S_mat t;
            if ((rc = S_transform(&cx, n, tr, &t)) != 0)
                goto out;
            m = S_mul(f->ctm, t);
            if (!(fabs(m.a) <= S_MAX_MAT && fabs(m.b) <= S_MAX_MAT && fabs(m.c) <= S_MAX_MAT
                  && fabs(m.d) <= S_MAX_MAT && fabs(m.e) <= S_MAX_MAT && fabs(m.f) <= S_MAX_MAT)) {
                rc = S_bad(&cx, n, "transforms scale beyond 1e12 (cap)", tr);
                goto out;
            }
        }
        cx.ops.n = 0;
        if (strcmp(name, "g") == 0 || strcmp(name, "a") == 0) {
            if (depth > S_MAX_DEPTH - 1) {
                char what[80];
                snprintf(what, sizeof what, "groups nested deeper than %d (cap)", S_MAX_DEPTH);
                rc = S_bad(&cx, n, what, "");
                goto out;
            }
            stack[depth].group = n;
            stack[depth].cursor = NULL;
            stack[depth].ctm = m;
            stack[depth].st = st;
            depth++;
        } else if (strcmp(name, "rect") == 0) {
            rc = S_rect(&cx, n, &m, &st);
        } else if (strcmp(name, "line") == 0) {
            rc = S_line_el(&cx, n, &m, &st);
        } else if (strcmp(name, "polyline") == 0 || strcmp(name, "polygon") == 0) {
            rc = S_poly(&cx, n, &m, &st, name[4] == 'g');
        } else if (strcmp(name, "circle") == 0 || strcmp(name, "ellipse") == 0) {
            rc = S_ellipse(&cx, n, &m, &st, name[0] == 'c');
        } else if (strcmp(name, "path") == 0) {
            rc = S_path(&cx, n, &m, &st);
        } else {
            rc = S_text(&cx, n, &m, &st);
        }
        if (rc != 0)
            goto out;
    }
out:
    free(cx.ops.v);
    free(stack);
    free(fams);
    return rc;
}
