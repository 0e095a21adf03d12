/* xmlbuild.c — plan snapshot -> intermediate XML <plan> (data/plan.rng).
 * Built node by node with libxml2 (text is escaped by the library); sections
 * are nested with a lookup table, not by recursion. */
#include "xmlbuild.h"

#include "date.h"
#include "meta.h"

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

static size_t
S_atoms(const char *s, S_atom *a, size_t max)
{
    size_t n = strlen(s), i = 0, na = 0;
    while (i < n && na < max) {
        uint32_t cp;
        int k = gw_utf8_decode(s + i, n - i, &cp);
        S_atom *t = &a[na];
        if (k < 0)
            k = 1, cp = '?';
        t->off = i;
        t->first = cp;
        t->is_name = 0;
        if (cp == 0x300A) {                     /* 《: up to the matching 》 */
            size_t j = i + (size_t)k;
            int depth = 1;
            double w = 1;
            uint32_t c2 = cp;
            while (j < n && depth > 0) {
                int k2 = gw_utf8_decode(s + j, n - j, &c2);
                if (k2 < 0)
                    k2 = 1, c2 = '?';
                depth += (c2 == 0x300A) - (c2 == 0x300B);
                w += c2 < 0x80 ? 0.5 : 1;
                j += (size_t)k2;
            }
            if (depth == 0) {
                t->len = j - i;
                t->w = w;
                t->last = c2;
                t->is_name = 1;
                i = j;
                na++;
                continue;
            }
        }
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

/* Cost of a line break before atom j: 0 around a 《》 name, 1 after 关于 /
 * 印发 / 转发, 6 elsewhere (it may split a word); -1 where forbidden. */
static int
S_break_cost(const char *s, const S_atom *a, size_t j)
{
    const S_atom *prev = &a[j - 1], *next = &a[j];
    size_t end = prev->off + prev->len;
    if (S_in_set(S_no_start, next->first) || S_in_set(S_no_end, prev->last))
        return -1;
    if (prev->is_name || next->is_name)
        return 0;
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
    size_t na = S_atoms(title, a, S_MAX_ATOMS), nlines = 0, i, k;
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

/* ------------------------------------------------------------- building */

/* Appends <name>text</name> (text escaped by libxml2) and returns it. */
static xmlNodePtr
S_child(xmlNodePtr parent, const char *name, const char *text)
{
    return xmlNewTextChild(parent, NULL, (const xmlChar *)name, (const xmlChar *)(text ? text : ""));
}

/* <name><line>…</line>…</name> for a title broken by meaning */
static void
S_title(xmlNodePtr meta, const char *name, const char *title)
{
    xmlNodePtr t = xmlNewChild(meta, NULL, (const xmlChar *)name, NULL);
    char **lines = NULL;
    size_t n = gw_title_break(title, GW_TITLE_EM, &lines), i;
    for (i = 0; i < n; i++) {
        S_child(t, "line", lines[i]);
        free(lines[i]);
    }
    free(lines);
}

/* <name iso="2017-05-12">2017年5月12日</name> for a date the record holds
 * (checked by the metadata rules: a value written by other means too). */
static int
S_date(xmlNodePtr meta, const char *name, const char *key, const char *value, gw_err *err)
{
    gw_buf b;
    gw_date d;
    xmlNodePtr el;
    int rc;
    char iso[11];
    gw_buf_init(&b);
    /* gw_meta_check_plan has checked the value */
    if (!gw_date_parse(value, &d)) {
        rc = gw_err_set(err, GW_EINPUT, "plan metadata %s: %s is not a real date", key,
                        value ? value : "");
        goto out;
    }
    rc = 0;
    gw_date_iso(&d, iso);
    gw_date_cn(&d, &b);
    el = S_child(meta, name, b.ptr);
    xmlNewProp(el, (const xmlChar *)"iso", (const xmlChar *)iso);
out:
    gw_buf_free(&b);
    return rc;
}

/* Meta keys copied as they are: record key, element name. */
static const char *const S_plain_meta[][2] = {
    {"issuer", "issuer"}, {"issuer_mark", "issuer-mark"}, {"doc_number", "doc-number"},
    {"addressees", "addressees"}, {"copy_to", "copy-to"}, {"printer", "printer"},
    {"note", "note"}, {"copy_no", "copy-no"}, {"secret", "secret"}, {"urgency", "urgency"},
    {"signer", "signer"}, {"attachment", "attachment"}, {"notice_body", "notice-body"},
};

static int
S_meta(const gw_plan *plan, xmlNodePtr root, gw_err *err)
{
    static const char *const required[] = {"title", "issuer", "doc_number", "sign_date", "addressees"};
    xmlNodePtr meta = xmlNewChild(root, NULL, (const xmlChar *)"meta", NULL);
    const char *v;
    gw_buf chk;
    size_t i;
    int rc = 0;

    gw_buf_init(&chk);
    for (i = 0; i < sizeof required / sizeof required[0]; i++) {
        v = gw_plan_meta(plan, required[i]);
        if (v == NULL || v[0] == '\0') {
            rc = gw_err_set(err, GW_EINPUT, "plan metadata %s is not set; a notice needs it "
                            "(gongwen set %s VALUE)", required[i], required[i]);
            goto out;
        }
    }
    /* every value the record holds passes the rules `gongwen set` applies:
     * one rule per key, whoever wrote the value */
    if ((rc = gw_meta_check_plan(plan, err)) < 0)
        goto out;
    v = gw_plan_meta(plan, "title");
    S_title(meta, "title", v);
    v = gw_plan_meta(plan, "notice_title");
    if (v != NULL && v[0] != '\0') {
        S_title(meta, "notice-title", v);
    } else {
        /* the genre's formula when the record has no notice title */
        gw_buf b;
        gw_buf_init(&b);
        gw_buf_printf(&b, "关于印发%s的通知", gw_plan_meta(plan, "title"));
        S_title(meta, "notice-title", b.ptr);
        gw_buf_free(&b);
    }
    for (i = 0; i < sizeof S_plain_meta / sizeof S_plain_meta[0]; i++) {
        v = gw_plan_meta(plan, S_plain_meta[i][0]);
        if (v != NULL && v[0] != '\0')
            S_child(meta, S_plain_meta[i][1], v);
    }
    /* 版记 defaults a secretary would use: the issuer prints it, on the day
     * it is signed */
    v = gw_plan_meta(plan, "printer");
    if (v == NULL || v[0] == '\0')
        S_child(meta, "printer", gw_plan_meta(plan, "issuer"));
    if ((rc = S_date(meta, "sign-date", "sign_date", gw_plan_meta(plan, "sign_date"), err)) < 0)
        goto out;
    v = gw_plan_meta(plan, "print_date");
    if (v == NULL || v[0] == '\0')
        v = gw_plan_meta(plan, "sign_date");
    if ((rc = S_date(meta, "print-date", "print_date", v, err)) < 0)
        goto out;
    v = gw_plan_meta(plan, "requirements_in");
    if (v != NULL && v[0] != '\0')
        S_child(meta, "requirements-in", v);
    v = gw_plan_meta(plan, "table");
    if (v != NULL && v[0] != '\0') {
        gw_meta_check("table", v, &chk, err);
        S_child(meta, "table", chk.ptr);
    }
out:
    gw_buf_free(&chk);
    return rc;
}

static void
S_task(const gw_plan *plan, const gw_task *t, xmlNodePtr parent)
{
    xmlNodePtr n = xmlNewChild(parent, NULL, (const xmlChar *)"task", NULL), u;
    char num[32];
    size_t i;

    snprintf(num, sizeof num, "%d", t->no);
    xmlNewProp(n, (const xmlChar *)"no", (const xmlChar *)num);
    S_child(n, "title", t->title);
    S_child(n, "body", t->body);
    S_child(n, "units-text", t->units_text);
    for (i = 0; i < t->nassignments; i++) {
        const gw_assignment *as = &t->assignments[i];
        const gw_unit *unit = gw_plan_unit_by_id(plan, as->unit);
        if (unit == NULL)
            continue;
        u = S_child(n, "unit", unit->name);
        xmlNewProp(u, (const xmlChar *)"role",
                   (const xmlChar *)(as->role == GW_ROLE_LEAD ? "lead" : "responsible"));
        snprintf(num, sizeof num, "u%d", unit->id);
        xmlNewProp(u, (const xmlChar *)"ref", (const xmlChar *)num);
    }
    for (i = 0; i < t->nmilestones; i++) {
        const gw_milestone *m = &t->milestones[i];
        xmlNodePtr ms = S_child(n, "milestone", m->description);
        if (m->due && m->due[0])
            xmlNewProp(ms, (const xmlChar *)"due", (const xmlChar *)m->due);
        if (m->deadline && m->deadline[0])
            xmlNewProp(ms, (const xmlChar *)"deadline", (const xmlChar *)m->deadline);
        if (m->form && m->form[0])
            xmlNewProp(ms, (const xmlChar *)"form", (const xmlChar *)m->form);
    }
}

/* The XML node of section `id` (linear lookup: plans have tens of
 * sections). */
static xmlNodePtr
S_find(const int *ids, xmlNodePtr *nodes, size_t n, int id)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (ids[i] == id)
            return nodes[i];
    return NULL;
}

static int
S_body(const gw_plan *plan, xmlNodePtr root, gw_err *err)
{
    size_t ns = gw_plan_section_count(plan), nt = gw_plan_task_count(plan);
    size_t nr = gw_plan_requirement_count(plan), i;
    int *ids = gw_xcalloc(ns + 1, sizeof *ids);
    xmlNodePtr *nodes = gw_xcalloc(ns + 1, sizeof *nodes), req = NULL;
    const char *pre = gw_plan_meta(plan, "preamble");
    int rc = 0;

    if (pre != NULL && pre[0] != '\0')
        S_child(root, "preamble", pre);
    for (i = 0; i < ns; i++) {
        const gw_section *s = gw_plan_section(plan, i);
        xmlNodePtr parent = root, n;
        char num[16];
        if (s->level < 1 || s->level > GW_XML_MAX_LEVEL) {
            rc = gw_err_set(err, GW_EINPUT, "section %s%s: level %d outside 1..%d",
                            s->label, s->title, s->level, GW_XML_MAX_LEVEL);
            goto out;
        }
        if (s->parent != 0) {
            parent = S_find(ids, nodes, i, s->parent);
            if (parent == NULL) {
                rc = gw_err_set(err, GW_EINPUT, "section %s%s: its parent section %d comes later "
                                "or does not exist", s->label, s->title, s->parent);
                goto out;
            }
        }
        n = xmlNewChild(parent, NULL, (const xmlChar *)"section", NULL);
        snprintf(num, sizeof num, "%d", s->level);
        xmlNewProp(n, (const xmlChar *)"level", (const xmlChar *)num);
        xmlNewProp(n, (const xmlChar *)"label", (const xmlChar *)s->label);
        if (s->is_requirements) {
            xmlNewProp(n, (const xmlChar *)"kind", (const xmlChar *)"requirements");
            if (req == NULL)
                req = n;
        }
        S_child(n, "heading", s->title);
        ids[i] = s->id;
        nodes[i] = n;
    }
    for (i = 0; i < nt; i++) {
        const gw_task *t = gw_plan_task(plan, i);
        xmlNodePtr parent = S_find(ids, nodes, ns, t->section);
        S_task(plan, t, parent ? parent : root);
    }
    if (nr > 0 && req == NULL) {
        rc = gw_err_set(err, GW_EINPUT, "the plan has %zu work requirements but no 工作要求 section "
                        "to hold them", nr);
        goto out;
    }
    for (i = 0; i < nr; i++) {
        const gw_requirement *r = gw_plan_requirement(plan, i);
        xmlNodePtr n = S_child(req, "requirement", r->text);
        xmlNewProp(n, (const xmlChar *)"label", (const xmlChar *)r->label);
    }
out:
    free(ids);
    free(nodes);
    return rc;
}

int
gw_xml_notice(const gw_plan *plan, gw_xml_doc *out, gw_err *err)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"plan");
    int rc;

    *out = NULL;
    xmlDocSetRootElement(doc, root);
    xmlNewProp(root, (const xmlChar *)"version", (const xmlChar *)"1");
    rc = S_meta(plan, root, err);
    if (rc < 0)
        goto out;
    rc = S_body(plan, root, err);
    if (rc < 0)
        goto out;
    *out = doc;
    doc = NULL;
out:
    if (doc != NULL)
        xmlFreeDoc(doc);
    return rc;
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
