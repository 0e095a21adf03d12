/* xmlbuild.c — what the intermediate-XML builders of every kind share
 * (xmlbuild.h, xmlbuild-imp.h): titles broken by meaning, the builder
 * policy for text, elements, dates, serialising. */
#include "xmlbuild-imp.h"

#include "xslt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>

/* ------------------------------------------------------------ characters */

/* clreq / GB/T 15834: may not start a line (a title line either). */
static const char S_no_start[] = "、，。．：；！？”’」』）〕】〗］｝》〉～·・";
/* may not end a line */
static const char S_no_end[] = "“‘「『（〔【〖［｛《〈";

static int
S_in_set(const char *set, uint32_t cp)
{
    size_t n = strlen(set), i = 0;
    while (i < n) {
        uint32_t c;
        int k = gw_utf8_decode(set + i, n - i, &c);
        if (k < 0)
            return 0;
        if (c == cp)
            return 1;
        i += (size_t)k;
    }
    return 0;
}

static int
S_is_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')
        || cp == '.' || cp == '+' || cp == '-';
}

/* ---------------------------------------------------------- title breaks */

/* An unbreakable piece of a title: a 《…》 name, a number or Latin word, or
 * one character. */
typedef struct {
    size_t   off, len;      /* bytes in the title */
    double   w;             /* width in 字 */
    uint32_t first, last;   /* first and last code points */
    int      is_name;       /* 《…》 */
} S_atom;

#define S_MAX_ATOMS 400     /* longer "titles" are left to the renderer to wrap */
#define S_MAX_LINES 5
#define S_SEARCH_MAX 80     /* atoms up to which every break placement is tried
                             * (C(80,4) = 1.6 M candidates at most); beyond, greedy */

/* Splits s into atoms.  A 《…》 or 〈…〉 name is one atom when it fits in
 * max_em; a longer one is taken apart (its brackets and what is inside),
 * so that the title can break in it.  A name inside one taken apart must
 * leave room for the opening marks before it on its line (a 〈…〉 of the
 * whole measure after a 《 would strand the 《). */
static size_t
S_atoms(const char *s, S_atom *a, size_t max, double max_em)
{
    size_t n = strlen(s), i = 0, na = 0;
    int open = 0;           /* names taken apart and not yet closed */
    while (i < n && na < max) {
        uint32_t cp;
        int k = gw_utf8_decode(s + i, n - i, &cp);
        S_atom *t = &a[na];
        if (k < 0)
            k = 1, cp = '?';
        t->off = i;
        t->first = cp;
        t->is_name = 0;
        if (cp == 0x300A || cp == 0x3008) {     /* 《 or 〈: up to the matching 》 〉 */
            uint32_t close = cp == 0x300A ? 0x300B : 0x3009;
            size_t j = i + (size_t)k;
            int depth = 1;
            double w = 1;
            uint32_t c2 = cp;
            while (j < n && depth > 0) {
                int k2 = gw_utf8_decode(s + j, n - j, &c2);
                if (k2 < 0)
                    k2 = 1, c2 = '?';
                depth += (c2 == cp) - (c2 == close);
                w += c2 < 0x80 ? 0.5 : 1;
                j += (size_t)k2;
            }
            if (depth == 0 && w <= max_em - open + 0.01) {
                t->len = j - i;
                t->w = w;
                t->last = c2;
                t->is_name = 1;
                i = j;
                na++;
                continue;
            }
        }
        if (cp == 0x300A || cp == 0x3008)
            open++;                             /* taken apart: see above */
        else if ((cp == 0x300B || cp == 0x3009) && open > 0)
            open--;
        if (S_is_alnum(cp)) {
            size_t j = i;
            double w = 0;
            uint32_t c2 = cp;
            while (j < n && (s[j] & 0x80) == 0 && S_is_alnum((uint32_t)s[j])) {
                c2 = (uint32_t)s[j];
                w += 0.5;
                j++;
            }
            t->len = j - i;
            t->w = w;
            t->last = c2;
            i = j;
            na++;
            continue;
        }
        t->len = (size_t)k;
        t->w = cp < 0x80 ? 0.5 : 1;
        t->last = cp;
        i += (size_t)k;
        na++;
    }
    return na;
}

/* Cost of a line break before atom j: 0 around a 《》 or 〈〉 name (also
 * after the closing mark or before the opening mark of one taken apart), 1
 * after 关于 / 印发 / 转发, 2 after 的, 6 elsewhere (it may split a word); -1
 * where forbidden. */
static int
S_break_cost(const char *s, const S_atom *a, size_t j)
{
    const S_atom *prev = &a[j - 1], *next = &a[j];
    size_t end = prev->off + prev->len;
    if (S_in_set(S_no_start, next->first) || S_in_set(S_no_end, prev->last))
        return -1;
    if (prev->is_name || next->is_name || prev->last == 0x300B || prev->last == 0x3009 ||
        next->first == 0x300A || next->first == 0x3008)
        return 0;
    if (prev->last == 0x7684)                   /* 的 */
        return 2;
    if ((end >= 6 && !memcmp(s + end - 6, "关于", 6)) || (end >= 6 && !memcmp(s + end - 6, "印发", 6))
        || (end >= 6 && !memcmp(s + end - 6, "转发", 6)))
        return 1;
    return 6;
}

/* Shape cost of line widths w[0..k): trapezoid (non-decreasing) 0, diamond
 * (up then down) 1, anything else 2; plus 3 for a line under 3 字 wide. */
static double
S_shape_cost(const double *w, size_t k)
{
    size_t i = 0;
    double c;
    while (i + 1 < k && w[i] <= w[i + 1] + 0.01)
        i++;
    if (i + 1 >= k)
        c = 0;
    else {
        while (i + 1 < k && w[i] + 0.01 >= w[i + 1])
            i++;
        c = (i + 1 >= k) ? 1 : 2;
    }
    for (i = 0; i < k; i++)
        if (w[i] < 3)
            c += 3;
    return c;
}

typedef struct {
    const char   *s;
    const S_atom *a;
    size_t        na;
    double        max;
    size_t        k;                    /* lines wanted */
    size_t        cur[S_MAX_LINES];     /* break atoms of the candidate */
    size_t        best[S_MAX_LINES];
    double        best_cost;
} S_search;

/* Tries every placement of k-1 breaks (iteratively: the counters in cur[]
 * work like an odometer), keeping the cheapest whose lines all fit. */
static void
S_search_breaks(S_search *st)
{
    size_t k = st->k, i;
    double pre[S_MAX_ATOMS + 1];
    pre[0] = 0;
    for (i = 0; i < st->na; i++)
        pre[i + 1] = pre[i] + st->a[i].w;
    /* cur[0..k-2] are the atoms each break precedes, strictly increasing */
    for (i = 0; i + 1 < k; i++)
        st->cur[i] = i + 1;
    for (;;) {
        double w[S_MAX_LINES], cost = 0;
        size_t from = 0, l;
        int ok = 1;
        for (l = 0; l < k && ok; l++) {
            size_t to = (l + 1 < k) ? st->cur[l] : st->na;
            w[l] = pre[to] - pre[from];
            if (w[l] > st->max + 0.01)
                ok = 0;
            if (l + 1 < k) {
                int bc = S_break_cost(st->s, st->a, to);
                if (bc < 0)
                    ok = 0;
                cost += 10.0 * bc;
            }
            from = to;
        }
        if (ok) {
            cost += S_shape_cost(w, k);
            if (st->best_cost < 0 || cost < st->best_cost) {
                st->best_cost = cost;
                memcpy(st->best, st->cur, sizeof st->cur);
            }
        }
        /* next combination */
        if (k < 2)
            break;
        i = k - 1;
        while (i > 0 && st->cur[i - 1] == st->na - (k - 1) + (i - 1))
            i--;
        if (i == 0)
            break;
        st->cur[i - 1]++;
        for (; i < k - 1; i++)
            st->cur[i] = st->cur[i - 1] + 1;
    }
}

size_t
gw_title_break(const char *title, double max_em, char ***lines)
{
    S_atom *a = gw_xcalloc(S_MAX_ATOMS, sizeof *a);
    S_search st;
    size_t na = S_atoms(title, a, S_MAX_ATOMS, max_em), nlines = 0, i, k;
    double total = 0;
    char **out;

    memset(&st, 0, sizeof st);
    for (i = 0; i < na; i++)
        total += a[i].w;
    st.s = title;
    st.a = a;
    st.na = na;
    st.max = max_em;
    st.best_cost = -1;
    k = (size_t)(total / max_em) + 1;
    if (total <= max_em + 0.01)
        k = 1;
    if (na >= S_MAX_ATOMS) {
        /* not a title a secretary would break by hand: one line, wrapped
         * by the renderer */
        free(a);
        out = gw_xcalloc(2, sizeof *out);
        out[0] = gw_xstrdup(title);
        *lines = out;
        return 1;
    }
    if (na > S_SEARCH_MAX)
        k = S_MAX_LINES + 1;            /* straight to the greedy fallback */
    for (; k <= S_MAX_LINES && k <= na && st.best_cost < 0; k++) {
        st.k = k;
        if (k == 1) {
            st.best_cost = 0;
            break;
        }
        S_search_breaks(&st);
        if (st.best_cost >= 0)
            break;
    }
    out = gw_xcalloc(S_MAX_LINES + 64, sizeof *out);
    if (st.best_cost >= 0 && na > 0) {
        size_t from = 0;
        for (i = 0; i < st.k; i++) {
            size_t to = (i + 1 < st.k) ? st.best[i] : na;
            size_t b0 = a[from].off, b1 = (to < na) ? a[to].off : strlen(title);
            out[nlines++] = gw_xstrndup(title + b0, b1 - b0);
            from = to;
        }
    } else if (na > 0) {
        /* greedy fallback: fill each line, never splitting an atom; when
         * the break would put a closing mark first (or leave an opening
         * one last), move it back to the last allowed place on the line */
        size_t from = 0;
        double w = 0;
        for (i = 0; i <= na; i++) {
            if (i == na || (w + a[i].w > max_em + 0.01 && i > from)) {
                size_t b0, b1, j = i;
                while (j < na && j > from + 1 && S_break_cost(title, a, j) < 0)
                    j--;
                if (j < na && j > from && S_break_cost(title, a, j) < 0)
                    j = i;                      /* nowhere better: break anyway */
                i = j;
                b0 = a[from].off;
                b1 = (i < na) ? a[i].off : strlen(title);
                if (nlines >= S_MAX_LINES + 63)
                    b1 = strlen(title), i = na;
                out[nlines++] = gw_xstrndup(title + b0, b1 - b0);
                from = i;
                w = 0;
            }
            if (i < na)
                w += a[i].w;
        }
    }
    free(a);
    *lines = out;
    return nlines;
}

/* ----------------------------------------------------- builder policy */

/* The one policy of the XML builders (notice.c, sheets.c): text reaches them
 * from a plan, which the store, the importer and `set` have already checked
 * (valid UTF-8, no control characters or noncharacters); libxml2 escapes it
 * as it serialises.  Nothing is replaced or dropped here. */

xmlNodePtr
gw_xb_el(xmlDocPtr doc, xmlNodePtr parent, const char *name, const char *text)
{
    xmlNodePtr n = xmlNewDocNode(doc, NULL, (const xmlChar *)name, NULL);
    if (text)
        xmlAddChild(n, xmlNewDocText(doc, (const xmlChar *)text));
    if (parent)
        xmlAddChild(parent, n);
    return n;
}

void
gw_xb_body(xmlDocPtr doc, xmlNodePtr task, const char *body)
{
    const char *p = body ? body : "", *lf = strchr(p, '\n');
    char *part;

    part = gw_xstrndup(p, lf ? (size_t)(lf - p) : strlen(p));
    gw_xb_el(doc, task, "body", part);
    free(part);
    while (lf) {
        p = lf + 1;
        lf = strchr(p, '\n');
        part = gw_xstrndup(p, lf ? (size_t)(lf - p) : strlen(p));
        if (*part)
            gw_xb_el(doc, task, "item", part);
        free(part);
    }
}

int
gw_xml_is(gw_xml_node n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name);
}

void
gw_xb_attr(xmlNodePtr n, const char *name, const char *value)
{
    xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)(value ? value : ""));
}

void
gw_xb_attr_int(xmlNodePtr n, const char *name, long v)
{
    char num[32];
    snprintf(num, sizeof num, "%ld", v);
    gw_xb_attr(n, name, num);
}

xmlNodePtr
gw_xb_date(xmlDocPtr doc, xmlNodePtr parent, const char *name, const gw_date *d)
{
    char iso[11];
    gw_buf cn;
    xmlNodePtr n;
    gw_buf_init(&cn);
    gw_date_iso(d, iso);
    gw_date_cn(d, &cn);
    n = gw_xb_el(doc, parent, name, cn.ptr);
    gw_xb_attr(n, "iso", iso);
    gw_buf_free(&cn);
    return n;
}

size_t
gw_xb_title_lines(xmlDocPtr doc, xmlNodePtr title, const char *text)
{
    static double em;
    char **lines = NULL;
    size_t n, i, added = 0;
    gw_err err = {0, "", 0};

    /* the measure is the stylesheets' (stylesheets/gbt9704.xsl gw-title-em);
     * read once a process */
    if (!(em > 0) && gw_xslt_number("gw-title-em", &em, &err) < 0) {
        gw_warnf("%s; breaking titles at 20 characters", err.msg);
        em = 20;
    }
    n = gw_title_break(text, em, &lines);
    for (i = 0; i < n; i++) {
        if (lines[i][0]) {
            gw_xb_el(doc, title, "line", lines[i]);
            added++;
        }
        free(lines[i]);
    }
    free(lines);
    return added;
}

int
gw_xml_dump(gw_xml_doc doc, gw_buf *out, int format, gw_err *err)
{
    xmlChar *mem = NULL;
    int len = 0;
    xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", format);
    if (mem == NULL || len < 0)
        return gw_err_set(err, GW_EDEP, "libxml2 could not serialise the document");
    gw_buf_put(out, mem, (size_t)len);
    xmlFree(mem);
    return 0;
}
