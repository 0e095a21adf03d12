/* fo.c — reading XSL-FO: safe parsing, the element subset, and property
 * computation with XSL 1.1 inheritance (see fo.h, fo-imp.h,
 * docs/fo-subset.md). */
#include "fo-imp.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define S_FO_NS "http://www.w3.org/1999/XSL/Format"
#define S_GW_NS "urn:gongwen:fo"
#define S_MAX_WARNINGS 50

/* ------------------------------------------------------------- elements */

static const char *const S_kind_names[GW_FO_KIND_COUNT] = {
    "#text", "root", "layout-master-set", "simple-page-master",
    "region-body", "region-before", "region-after", "region-start", "region-end",
    "page-sequence-master", "single-page-master-reference",
    "repeatable-page-master-reference", "repeatable-page-master-alternatives",
    "conditional-page-master-reference", "declarations", "page-sequence", "title",
    "static-content", "flow", "block", "block-container", "inline", "wrapper",
    "character", "page-number", "page-number-citation", "leader", "basic-link",
    "external-graphic", "instream-foreign-object", "bookmark-tree", "bookmark",
    "bookmark-title", "table", "table-column", "table-header", "table-footer",
    "table-body", "table-row", "table-cell",
    "list-block", "list-item", "list-item-label", "list-item-body",
};

const char *
gw_fo_kind_name(gw_fo_kind k)
{
    static char names[GW_FO_KIND_COUNT][48];
    if ((int)k < 0 || k >= GW_FO_KIND_COUNT)
        return "fo:?";
    if (!names[k][0])
        snprintf(names[k], sizeof names[k], "fo:%s", S_kind_names[k]);
    return names[k];
}

static int
S_kind_of(const char *local)
{
    int i;
    for (i = 1; i < GW_FO_KIND_COUNT; i++)
        if (!strcmp(S_kind_names[i], local))
            return i;
    return -1;
}

/* Elements whose character children are text to set. */
static int
S_holds_text(gw_fo_kind k)
{
    switch (k) {
    case GW_FO_BLOCK: case GW_FO_INLINE: case GW_FO_WRAPPER:
    case GW_FO_BASIC_LINK: case GW_FO_BOOKMARK_TITLE: case GW_FO_TITLE:
    case GW_FO_LEADER:
        return 1;
    default:
        return 0;
    }
}

/* ------------------------------------------------------------ attributes */

const char *
gw_fo_attr(const gw_fo_node *n, const char *name)
{
    size_t i;
    for (i = 0; n && i < n->nattrs; i++)
        if (n->attrs[i].ns == GW_FO_NS_NONE && !strcmp(n->attrs[i].name, name))
            return n->attrs[i].value;
    return NULL;
}

const char *
gw_fo_gw_attr(const gw_fo_node *n, const char *name)
{
    size_t i;
    for (i = 0; n && i < n->nattrs; i++)
        if (n->attrs[i].ns == GW_FO_NS_GW && !strcmp(n->attrs[i].name, name))
            return n->attrs[i].value;
    return NULL;
}

const char *
gw_fo_xml_lang(const gw_fo_node *n)
{
    size_t i;
    for (i = 0; n && i < n->nattrs; i++)
        if (n->attrs[i].ns == GW_FO_NS_XML && !strcmp(n->attrs[i].name, "lang"))
            return n->attrs[i].value;
    return NULL;
}

gw_xml_node
gw_fo_svg(const gw_fo_node *n)
{
    return n ? n->svg : NULL;
}

/* Copies the attributes of element x into n (the tree's arena): no
 * namespace, gongwen's, xml:lang.  Values are never NULL. */
/* ---------------------------------------------------------------- values */

/* One number with its unit at *sp: the value in pt and dim 1 for a
 * length, the number and dim 0 without a unit.  Advances *sp.  -1 when
 * there is no number or the unit is unknown. */
static int
S_len_term(const char **sp, double font_size, double pct_base, double *v, int *dim)
{
    static const struct { const char *u; double f; } units[] = {
        {"pt", 1}, {"mm", 72.0 / 25.4}, {"cm", 72.0 / 2.54}, {"in", 72.0}, {"pc", 12.0},
        {"px", 0.75},
    };
    char *end;
    double x = strtod(*sp, &end);
    if (end == *sp || !isfinite(x))
        return -1;
    *dim = 1;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (!strncmp(end, units[i].u, 2)) {
            *v = x * units[i].f;
            *sp = end + 2;
            return 0;
        }
    if (!strncmp(end, "em", 2)) {
        *v = x * font_size;
        *sp = end + 2;
        return 0;
    }
    if (*end == '%') {
        *v = x * pct_base / 100.0;
        *sp = end + 1;
        return 0;
    }
    if (isalpha((unsigned char)*end))
        return -1;              /* an unknown unit */
    *v = x;
    *dim = 0;
    *sp = end;
    return 0;
}

/* Nested parentheses a length expression may have. */
#define S_EXPR_DEPTH 16

/* Applies op to the top two values of the stack (dimension checked: +, -
 * between alike; * with at most one length; / by a number, or a length by
 * a length giving a number).  0 or -1. */
static int
S_len_apply(char op, double *v, int *dim, int *n)
{
    double a, b;
    int da, db;
    if (*n < 2)
        return -1;
    b = v[--*n];
    db = dim[*n];
    a = v[*n - 1];
    da = dim[*n - 1];
    switch (op) {
    case '+': case '-':
        if (da != db)
            return -1;
        v[*n - 1] = op == '+' ? a + b : a - b;
        break;
    case '*':
        if (da + db > 1)
            return -1;
        v[*n - 1] = a * b;
        dim[*n - 1] = da + db;
        break;
    case '/':
        if (b == 0 || db > da)
            return -1;
        v[*n - 1] = a / b;
        dim[*n - 1] = da - db;
        break;
    default:
        return -1;
    }
    return isfinite(v[*n - 1]) ? 0 : -1;
}

static int
S_prec(char op)
{
    return op == '*' || op == '/' ? 2 : op == '+' || op == '-' ? 1 : 0;
}

int
gw_fo_length(const char *s, double font_size, double pct_base, double *out)
{
    /* XSL 1.1 §5.9 expressions over lengths (4in + 10pt, (100% - 2cm) / 2),
     * evaluated with two explicit stacks (operator precedence), no
     * recursion: S_EXPR_DEPTH levels of parentheses at most. */
    double v[2 * S_EXPR_DEPTH + 8];
    int dim[2 * S_EXPR_DEPTH + 8], nv = 0, nops = 0, depth = 0, want_term = 1;
    char ops[2 * S_EXPR_DEPTH + 8];
    const int cap = 2 * S_EXPR_DEPTH + 6;

    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s)
            break;
        if (want_term) {
            if (*s == '(') {
                if (++depth > S_EXPR_DEPTH || nops >= cap)
                    return -1;
                ops[nops++] = '(';
                s++;
                continue;
            }
            if (nv >= cap || S_len_term(&s, font_size, pct_base, &v[nv], &dim[nv]) < 0)
                return -1;
            nv++;
            want_term = 0;
            continue;
        }
        if (*s == ')') {
            while (nops > 0 && ops[nops - 1] != '(')
                if (S_len_apply(ops[--nops], v, dim, &nv) < 0)
                    return -1;
            if (nops == 0)
                return -1;
            nops--;
            depth--;
            s++;
            continue;
        }
        {
            /* XSL writes division as "div" */
            char op = !strncmp(s, "div", 3) ? '/' : *s;
            if (!S_prec(op))
                return -1;
            while (nops > 0 && S_prec(ops[nops - 1]) >= S_prec(op))
                if (S_len_apply(ops[--nops], v, dim, &nv) < 0)
                    return -1;
            if (nops >= cap)
                return -1;
            ops[nops++] = op;
            s += op == '/' && *s == 'd' ? 3 : 1;
            want_term = 1;
        }
    }
    if (want_term && nv > 0)
        return -1;              /* ends with an operator */
    while (nops > 0) {
        if (ops[nops - 1] == '(' || S_len_apply(ops[--nops], v, dim, &nv) < 0)
            return -1;
    }
    if (nv != 1)
        return -1;
    if (dim[0] == 0 && v[0] != 0)
        return -1;              /* a unitless length other than 0 */
    *out = v[0];
    return 0;
}

/* start-indent / end-indent: a length expression whose percentages are of
 * the containing reference area's width, unknown until layout.  Lengths
 * and percentages add linearly, so the value at width 0 is the absolute
 * part (*abs) and the difference at width 1 the fraction (*pct) the layout
 * multiplies by the width.  1 when the value is bad. */
static int
S_indent(const char *v, double font_size, double *abs, double *pct)
{
    double one;
    if (gw_fo_length(v, font_size, 0, abs) < 0 || gw_fo_length(v, font_size, 1, &one) < 0)
        return 1;
    *pct = one - *abs;
    return 0;
}

/* ------------------------------------------------------------ properties */

/* Every property name the reader knows.  The ones before S_P_ACCEPTED are
 * computed here; the rest are read by the layout from the attributes
 * (master-name, column-width, ...) or accepted without effect (listed in
 * docs/fo-subset.md). */
enum {
    S_P_FONT_FAMILY, S_P_FONT_SIZE, S_P_FONT_WEIGHT, S_P_COLOR, S_P_TEXT_ALIGN,
    S_P_TEXT_ALIGN_LAST, S_P_TEXT_INDENT, S_P_LINE_HEIGHT, S_P_LETTER_SPACING,
    S_P_START_INDENT, S_P_END_INDENT, S_P_LINEFEED, S_P_WS_COLLAPSE,
    S_P_WS_TREATMENT, S_P_WHITE_SPACE, S_P_WRAP, S_P_WIDOWS, S_P_ORPHANS,
    S_P_DISPLAY_ALIGN, S_P_SPACE_BEFORE, S_P_SPACE_AFTER, S_P_MARGIN,
    S_P_MARGIN_SIDE, S_P_PADDING, S_P_PADDING_SIDE, S_P_BORDER, S_P_BORDER_SIDE,
    S_P_BORDER_PART, S_P_BORDER_SIDE_PART, S_P_BACKGROUND,
    S_P_BREAK_BEFORE,
    S_P_BREAK_AFTER, S_P_PAGE_BREAK_BEFORE, S_P_PAGE_BREAK_AFTER,
    S_P_KEEP_WITH_NEXT, S_P_KEEP_WITH_PREVIOUS, S_P_KEEP_TOGETHER,
    S_P_ABSOLUTE_POSITION, S_P_TEXT_DECORATION,
    S_P_ACCEPTED
};

typedef struct { const char *name; int id; } S_prop;

static const S_prop S_props[] = {
    {"font-family", S_P_FONT_FAMILY}, {"font-size", S_P_FONT_SIZE},
    {"font-weight", S_P_FONT_WEIGHT}, {"color", S_P_COLOR},
    {"text-align", S_P_TEXT_ALIGN}, {"text-align-last", S_P_TEXT_ALIGN_LAST},
    {"text-indent", S_P_TEXT_INDENT}, {"line-height", S_P_LINE_HEIGHT},
    {"letter-spacing", S_P_LETTER_SPACING}, {"start-indent", S_P_START_INDENT},
    {"end-indent", S_P_END_INDENT}, {"linefeed-treatment", S_P_LINEFEED},
    {"white-space-collapse", S_P_WS_COLLAPSE},
    {"white-space-treatment", S_P_WS_TREATMENT}, {"white-space", S_P_WHITE_SPACE},
    {"wrap-option", S_P_WRAP}, {"widows", S_P_WIDOWS}, {"orphans", S_P_ORPHANS},
    {"display-align", S_P_DISPLAY_ALIGN}, {"space-before", S_P_SPACE_BEFORE},
    {"space-after", S_P_SPACE_AFTER}, {"margin", S_P_MARGIN},
    {"margin-top", S_P_MARGIN_SIDE}, {"margin-right", S_P_MARGIN_SIDE},
    {"margin-bottom", S_P_MARGIN_SIDE}, {"margin-left", S_P_MARGIN_SIDE},
    {"padding", S_P_PADDING}, {"padding-top", S_P_PADDING_SIDE},
    {"padding-right", S_P_PADDING_SIDE}, {"padding-bottom", S_P_PADDING_SIDE},
    {"padding-left", S_P_PADDING_SIDE}, {"padding-before", S_P_PADDING_SIDE},
    {"padding-after", S_P_PADDING_SIDE}, {"padding-start", S_P_PADDING_SIDE},
    {"padding-end", S_P_PADDING_SIDE}, {"border", S_P_BORDER},
    {"border-top", S_P_BORDER_SIDE}, {"border-right", S_P_BORDER_SIDE},
    {"border-bottom", S_P_BORDER_SIDE}, {"border-left", S_P_BORDER_SIDE},
    {"border-before", S_P_BORDER_SIDE}, {"border-after", S_P_BORDER_SIDE},
    {"border-start", S_P_BORDER_SIDE}, {"border-end", S_P_BORDER_SIDE},
    {"border-width", S_P_BORDER_PART}, {"border-style", S_P_BORDER_PART},
    {"border-color", S_P_BORDER_PART},
    {"border-top-width", S_P_BORDER_SIDE_PART}, {"border-top-style", S_P_BORDER_SIDE_PART},
    {"border-top-color", S_P_BORDER_SIDE_PART}, {"border-right-width", S_P_BORDER_SIDE_PART},
    {"border-right-style", S_P_BORDER_SIDE_PART}, {"border-right-color", S_P_BORDER_SIDE_PART},
    {"border-bottom-width", S_P_BORDER_SIDE_PART},
    {"border-bottom-style", S_P_BORDER_SIDE_PART},
    {"border-bottom-color", S_P_BORDER_SIDE_PART}, {"border-left-width", S_P_BORDER_SIDE_PART},
    {"border-left-style", S_P_BORDER_SIDE_PART}, {"border-left-color", S_P_BORDER_SIDE_PART},
    {"border-before-width", S_P_BORDER_SIDE_PART},
    {"border-before-style", S_P_BORDER_SIDE_PART},
    {"border-before-color", S_P_BORDER_SIDE_PART},
    {"border-after-width", S_P_BORDER_SIDE_PART}, {"border-after-style", S_P_BORDER_SIDE_PART},
    {"border-after-color", S_P_BORDER_SIDE_PART},
    {"border-start-width", S_P_BORDER_SIDE_PART}, {"border-start-style", S_P_BORDER_SIDE_PART},
    {"border-start-color", S_P_BORDER_SIDE_PART}, {"border-end-width", S_P_BORDER_SIDE_PART},
    {"border-end-style", S_P_BORDER_SIDE_PART}, {"border-end-color", S_P_BORDER_SIDE_PART},
    {"background-color", S_P_BACKGROUND}, {"break-before", S_P_BREAK_BEFORE},
    {"break-after", S_P_BREAK_AFTER}, {"page-break-before", S_P_PAGE_BREAK_BEFORE},
    {"page-break-after", S_P_PAGE_BREAK_AFTER},
    {"keep-with-next", S_P_KEEP_WITH_NEXT},
    {"keep-with-previous", S_P_KEEP_WITH_PREVIOUS},
    {"keep-together", S_P_KEEP_TOGETHER},
    {"absolute-position", S_P_ABSOLUTE_POSITION},
    {"text-decoration", S_P_TEXT_DECORATION},
    /* read by the layout */
    {"id", S_P_ACCEPTED}, {"master-name", S_P_ACCEPTED},
    {"master-reference", S_P_ACCEPTED}, {"flow-name", S_P_ACCEPTED},
    {"region-name", S_P_ACCEPTED}, {"extent", S_P_ACCEPTED},
    {"precedence", S_P_ACCEPTED}, {"page-width", S_P_ACCEPTED},
    {"page-height", S_P_ACCEPTED}, {"reference-orientation", S_P_ACCEPTED},
    {"initial-page-number", S_P_ACCEPTED}, {"force-page-count", S_P_ACCEPTED},
    {"odd-or-even", S_P_ACCEPTED}, {"page-position", S_P_ACCEPTED},
    {"blank-or-not-blank", S_P_ACCEPTED}, {"maximum-repeats", S_P_ACCEPTED},
    {"internal-destination", S_P_ACCEPTED}, {"ref-id", S_P_ACCEPTED},
    {"src", S_P_ACCEPTED}, {"content-width", S_P_ACCEPTED},
    {"content-height", S_P_ACCEPTED}, {"width", S_P_ACCEPTED},
    {"height", S_P_ACCEPTED}, {"top", S_P_ACCEPTED}, {"left", S_P_ACCEPTED},
    {"right", S_P_ACCEPTED}, {"bottom", S_P_ACCEPTED},
    {"leader-pattern", S_P_ACCEPTED}, {"leader-length", S_P_ACCEPTED},
    {"rule-thickness", S_P_ACCEPTED}, {"rule-style", S_P_ACCEPTED},
    {"column-width", S_P_ACCEPTED}, {"number-columns-repeated", S_P_ACCEPTED},
    {"number-columns-spanned", S_P_ACCEPTED},
    {"number-rows-spanned", S_P_ACCEPTED}, {"character", S_P_ACCEPTED},
    {"inline-progression-dimension", S_P_ACCEPTED},
    {"block-progression-dimension", S_P_ACCEPTED},
    {"table-omit-header-at-break", S_P_ACCEPTED},
    {"column-number", S_P_ACCEPTED}, {"format", S_P_ACCEPTED},
    {"provisional-distance-between-starts", S_P_ACCEPTED},
    {"provisional-label-separation", S_P_ACCEPTED},
    /* accepted without effect (docs/fo-subset.md says why) */
    {"writing-mode", S_P_ACCEPTED}, {"language", S_P_ACCEPTED},
    {"country", S_P_ACCEPTED}, {"hyphenate", S_P_ACCEPTED},
    {"font-style", S_P_ACCEPTED}, {"font-variant", S_P_ACCEPTED},
    {"font-stretch", S_P_ACCEPTED}, {"font-selection-strategy", S_P_ACCEPTED},
    {"table-layout", S_P_ACCEPTED}, {"border-collapse", S_P_ACCEPTED},
    {"border-separation", S_P_ACCEPTED}, {"overflow", S_P_ACCEPTED},
    {"role", S_P_ACCEPTED}, {"scaling", S_P_ACCEPTED},
    {"show-destination", S_P_ACCEPTED}, {"starting-state", S_P_ACCEPTED},
    {"letter-value", S_P_ACCEPTED}, {"grouping-separator", S_P_ACCEPTED},
    {"grouping-size", S_P_ACCEPTED}, {"column-count", S_P_ACCEPTED},
    {"column-gap", S_P_ACCEPTED}, {"empty-cells", S_P_ACCEPTED},
    {"vertical-align", S_P_ACCEPTED},
    {"alignment-baseline", S_P_ACCEPTED}, {"dominant-baseline", S_P_ACCEPTED},
    {"content-type", S_P_ACCEPTED}, {"span", S_P_ACCEPTED},
    {"relative-position", S_P_ACCEPTED}, {"z-index", S_P_ACCEPTED},
    {"word-spacing", S_P_ACCEPTED}, {"clip", S_P_ACCEPTED},
    {"external-destination", S_P_ACCEPTED}, {"media-usage", S_P_ACCEPTED},
    {"leader-alignment", S_P_ACCEPTED}, {"leader-pattern-width", S_P_ACCEPTED},
    {"scaling-method", S_P_ACCEPTED}, {"text-altitude", S_P_ACCEPTED},
    {"text-depth", S_P_ACCEPTED}, {"ends-row", S_P_ACCEPTED},
    {"starts-row", S_P_ACCEPTED}, {"hyphenation-character", S_P_ACCEPTED},
};

/* Open-addressing sets, used while loading only: equal attribute strings
 * and equal computed properties are stored once (a 5000-page table has
 * hundreds of thousands of cells whose properties are the same few). */
typedef struct S_set {
    const void **slot;
    size_t       cap, n;       /* cap: a power of two, at most half full */
} S_set;

typedef struct S_reader {
    gw_fo_tree *t;
    gw_err     *err;
    int         nwarn;
    S_set       strs, props;
} S_reader;

static size_t
S_fnv(const void *data, size_t n)
{
    const unsigned char *d = data;
    size_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ d[i]) * 16777619u;
    return h;
}

/* The slot of key (len bytes) in set: its entry, or the empty slot where
 * it goes; the set grows first when needed. */
static const void **
S_set_slot(S_set *set, const void *key, size_t len, int is_str)
{
    size_t i;
    if ((set->n + 1) * 2 > set->cap) {
        size_t ocap = set->cap, k;
        const void **old = set->slot;
        set->cap = ocap ? ocap * 2 : 1024;
        set->slot = gw_xcalloc(set->cap, sizeof *set->slot);
        for (k = 0; k < ocap; k++)
            if (old[k]) {
                const void *e = old[k];
                size_t el = is_str ? strlen(e) : len;
                i = S_fnv(e, el) & (set->cap - 1);
                while (set->slot[i])
                    i = (i + 1) & (set->cap - 1);
                set->slot[i] = e;
            }
        free(old);
    }
    i = S_fnv(key, len) & (set->cap - 1);
    while (set->slot[i] &&
           (is_str ? strcmp(set->slot[i], key) != 0 : memcmp(set->slot[i], key, len) != 0))
        i = (i + 1) & (set->cap - 1);
    return &set->slot[i];
}

/* s, stored once in the tree's arena. */
static const char *
S_str(S_reader *r, const char *s)
{
    const void **e = S_set_slot(&r->strs, s, strlen(s), 1);
    if (!*e) {
        *e = gw_arena_strdup(r->t->arena, s);
        r->strs.n++;
    }
    return *e;
}

/* Properties equal to *p (byte for byte), stored once in the arena. */
static const gw_fo_props *
S_props_once(S_reader *r, const gw_fo_props *p)
{
    const void **e = S_set_slot(&r->props, p, sizeof *p, 0);
    if (!*e) {
        gw_fo_props *c = gw_arena_alloc(r->t->arena, sizeof *c);
        memcpy(c, p, sizeof *c);
        *e = c;
        r->props.n++;
    }
    return *e;
}

static void
S_copy_attrs(S_reader *r, gw_fo_node *n, xmlNodePtr x)
{
    gw_fo_tree *t = r->t;
    xmlAttrPtr a;
    size_t k = 0;
    gw_fo_attr_s *v;
    for (a = x->properties; a; a = a->next)
        k++;
    if (!k)
        return;
    v = gw_arena_alloc(t->arena, k * sizeof *v);
    k = 0;
    for (a = x->properties; a; a = a->next) {
        const char *href = a->ns && a->ns->href ? (const char *)a->ns->href : NULL;
        int ns;
        if (!a->ns)
            ns = GW_FO_NS_NONE;
        else if (href && !strcmp(href, S_GW_NS))
            ns = GW_FO_NS_GW;
        else if (href && !strcmp(href, (const char *)XML_XML_NAMESPACE))
            ns = GW_FO_NS_XML;
        else
            continue;           /* fox:, foreign extensions: never read */
        v[k].ns = ns;
        v[k].name = S_str(r, (const char *)a->name);
        v[k].value = S_str(r, a->children && a->children->content
                                  ? (const char *)a->children->content : "");
        k++;
    }
    n->attrs = v;
    n->nattrs = k;
}

/* The <svg> child of an instream-foreign-object, copied into the tree's
 * own document (svg.c draws from XML); NULL when there is none. */
static gw_xml_node
S_copy_svg(gw_fo_tree *t, xmlNodePtr x)
{
    xmlNodePtr c, copy;
    for (c = x->children; c && c->type != XML_ELEMENT_NODE; c = c->next)
        ;
    if (!c || strcmp((const char *)c->name, "svg"))
        return NULL;
    if (!t->svgdoc) {
        t->svgdoc = xmlNewDoc(BAD_CAST "1.0");
        if (!t->svgdoc)
            return NULL;
        /* svg.c names the FO file in its messages (with the copied lines) */
        if (x->doc && x->doc->URL)
            t->svgdoc->URL = xmlStrdup(x->doc->URL);
        xmlDocSetRootElement(t->svgdoc, xmlNewNode(NULL, BAD_CAST "svgs"));
    }
    copy = xmlDocCopyNode(c, t->svgdoc, 1);
    if (!copy)
        return NULL;
    xmlAddChild(xmlDocGetRootElement(t->svgdoc), copy);
    return copy;
}

static void
S_warn(S_reader *r, const gw_fo_node *n, const char *fmt, const char *a, const char *b)
{
    char msg[512];
    r->nwarn++;
    if (r->nwarn > S_MAX_WARNINGS)
        return;
    snprintf(msg, sizeof msg, fmt, a, b);
    if (r->nwarn == S_MAX_WARNINGS)
        gw_warnf("%s:%d: %s: %s (further warnings not shown)", r->t->name, n->line,
                 gw_fo_kind_name(n->kind), msg);
    else
        gw_warnf("%s:%d: %s: %s", r->t->name, n->line, gw_fo_kind_name(n->kind), msg);
}

static int
S_side_of(const char *name)
{
    const char *d = strrchr(name, '-');
    d = d ? d + 1 : name;
    if (!strcmp(d, "top") || !strcmp(d, "before")) return GW_FO_TOP;
    if (!strcmp(d, "right") || !strcmp(d, "end")) return GW_FO_RIGHT;
    if (!strcmp(d, "bottom") || !strcmp(d, "after")) return GW_FO_BOTTOM;
    return GW_FO_LEFT;
}

static int
S_align(const char *v, int allow_relative)
{
    if (!strcmp(v, "start") || !strcmp(v, "left") || !strcmp(v, "inside"))
        return GW_FO_ALIGN_START;
    if (!strcmp(v, "center")) return GW_FO_ALIGN_CENTER;
    if (!strcmp(v, "end") || !strcmp(v, "right") || !strcmp(v, "outside"))
        return GW_FO_ALIGN_END;
    if (!strcmp(v, "justify")) return GW_FO_ALIGN_JUSTIFY;
    if (allow_relative && !strcmp(v, "relative")) return GW_FO_ALIGN_RELATIVE;
    return -1;
}

static int
S_keep(const char *v)
{
    if (!strcmp(v, "auto")) return 0;
    if (!strcmp(v, "always")) return 1;
    return atoi(v) > 0 ? 1 : (isdigit((unsigned char)v[0]) ? 0 : -1);
}

static int
S_break(const char *v)
{
    if (!strcmp(v, "auto") || !strcmp(v, "column")) return GW_FO_BREAK_AUTO;
    if (!strcmp(v, "page")) return GW_FO_BREAK_PAGE;
    if (!strcmp(v, "odd-page")) return GW_FO_BREAK_ODD;
    if (!strcmp(v, "even-page")) return GW_FO_BREAK_EVEN;
    return -1;
}

static double
S_border_width_kw(const char *v, double fs, int *ok)
{
    double w;
    *ok = 1;
    if (!strcmp(v, "thin")) return 0.5;
    if (!strcmp(v, "medium")) return 1.0;
    if (!strcmp(v, "thick")) return 2.0;
    if (gw_fo_length(v, fs, 0, &w) == 0 && w >= 0)
        return w;
    *ok = 0;
    return 0;
}

static int
S_is_border_style(const char *v)
{
    static const char *const styles[] = {
        "none", "hidden", "solid", "dotted", "dashed", "double", "groove",
        "ridge", "inset", "outset"
    };
    size_t i;
    for (i = 0; i < sizeof styles / sizeof styles[0]; i++)
        if (!strcmp(v, styles[i]))
            return 1;
    return 0;
}

/* Border state being built for one element: widths, styles, colours. */
typedef struct S_border {
    double w[4];
    int    style[4];            /* -1 unset, 0 none, 1 visible */
    int    wset[4], cset[4];
    gw_color c[4];
} S_border;

/* Applies one token of a border shorthand ("1pt", "solid", "red") to sides. */
static int
S_border_token(S_border *b, const char *tok, double fs, int s0, int s1)
{
    int ok, s;
    double w;
    gw_color c;
    if (S_is_border_style(tok)) {
        for (s = s0; s <= s1; s++)
            b->style[s] = strcmp(tok, "none") && strcmp(tok, "hidden");
        return 0;
    }
    w = S_border_width_kw(tok, fs, &ok);
    if (ok) {
        for (s = s0; s <= s1; s++) { b->w[s] = w; b->wset[s] = 1; }
        return 0;
    }
    if (gw_color_parse(tok, &c) == 0) {
        for (s = s0; s <= s1; s++) { b->c[s] = c; b->cset[s] = 1; }
        return 0;
    }
    return -1;
}

/* Splits v on spaces outside parentheses into at most 4 tokens (in buf). */
static int
S_tokens(const char *v, char buf[4][64])
{
    int n = 0, depth = 0;
    size_t k = 0;
    for (;; v++) {
        if (*v == '(') depth++;
        if (*v == ')') depth--;
        if (!*v || (*v == ' ' && depth == 0)) {
            if (k) {
                if (n == 4)
                    return -1;
                buf[n][k] = '\0';
                n++;
                k = 0;
            }
            if (!*v)
                break;
            continue;
        }
        if (k < 63 && n < 4)
            buf[n][k++] = *v;
    }
    return n;
}

/* Parses a four-side shorthand (margin, padding): 1-4 lengths, CSS order. */
static int
S_four(const char *v, double fs, double pct, double out[4])
{
    char tok[4][64];
    double x[4];
    int n = S_tokens(v, tok), i;
    if (n < 1)
        return -1;
    for (i = 0; i < n; i++)
        if (!strcmp(tok[i], "auto"))
            x[i] = 0;
        else if (gw_fo_length(tok[i], fs, pct, &x[i]) < 0)
            return -1;
    out[GW_FO_TOP] = x[0];
    out[GW_FO_RIGHT] = n > 1 ? x[1] : x[0];
    out[GW_FO_BOTTOM] = n > 2 ? x[2] : x[0];
    out[GW_FO_LEFT] = n > 3 ? x[3] : out[GW_FO_RIGHT];
    return 0;
}

static int
S_font_size(const char *v, double parent, double *out)
{
    static const struct { const char *k; double pt; } kw[] = {
        {"xx-small", 7}, {"x-small", 8.3}, {"small", 10}, {"medium", 12},
        {"large", 14.4}, {"x-large", 17.28}, {"xx-large", 20.7},
    };
    size_t i;
    for (i = 0; i < sizeof kw / sizeof kw[0]; i++)
        if (!strcmp(v, kw[i].k)) { *out = kw[i].pt; return 0; }
    if (!strcmp(v, "larger")) { *out = parent * 1.2; return 0; }
    if (!strcmp(v, "smaller")) { *out = parent / 1.2; return 0; }
    if (gw_fo_length(v, parent, parent, out) < 0 || *out <= 0 || *out > 1000)
        return -1;
    return 0;
}

/* Space specifiers: "12pt" or the .optimum/.minimum/.conditionality parts. */
static int
S_space(const char *comp, const char *v, double fs, double *len, int *retain)
{
    if (comp && !strcmp(comp, "conditionality")) {
        if (!strcmp(v, "retain")) *retain = 1;
        else if (!strcmp(v, "discard")) *retain = 0;
        else return -1;
        return 0;
    }
    if (comp && strcmp(comp, "optimum") && strcmp(comp, "minimum")
        && strcmp(comp, "maximum") && strcmp(comp, "precedence"))
        return -1;
    if (comp && (!strcmp(comp, "maximum") || !strcmp(comp, "precedence")))
        return 0;
    return gw_fo_length(v, fs, 0, len);
}

/* Applies the attributes of n onto p (already holding the inherited and
 * initial values).  Returns 0, or GW_EINPUT for a value that cannot be
 * understood (message names element, line, property and value). */
/* A bad value as quoted in a message: at most 60 bytes, cut at a character
 * boundary, "…" marking the cut (a 4 MB colour must not fill the terminal). */
static const char *
S_quote(const char *v, char out[72])
{
    size_t n = strlen(v), k = 60;
    if (n <= k)
        return v;
    while (k > 0 && ((unsigned char)v[k] & 0xC0) == 0x80)
        k--;
    memcpy(out, v, k);
    memcpy(out + k, "\xe2\x80\xa6", 4);
    return out;
}

/* Properties the reader takes on most elements but the layout does not
 * draw on this one: a warning naming them, never a silent misdrawing (the
 * FO compatibility issue; docs/fo-subset.md, "Not drawn"). */
static void
S_not_drawn(S_reader *r, const gw_fo_node *n)
{
    static const struct { int kind; const char *prop, *why; } rules[] = {
        {GW_FO_LIST_ITEM, "border", "set it on the list-block or a block inside"},
        {GW_FO_LIST_ITEM, "margin-left", "use the list-block's indents"},
        {GW_FO_LIST_ITEM, "margin-right", "use the list-block's indents"},
        {GW_FO_LIST_ITEM, "start-indent", "use the list-block's indents"},
        {GW_FO_LIST_ITEM_BODY, "start-indent", "the body starts at body-start(): "
                                               "provisional-distance-between-starts"},
        {GW_FO_LIST_ITEM_LABEL, "end-indent", "the label ends at label-end()"},
    };
    const gw_fo_node *up;
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        const char *v;
        if (rules[i].kind != (int)n->kind || !(v = gw_fo_attr(n, rules[i].prop)))
            continue;
        /* what XSL itself means by these two is what is drawn */
        if ((!strcmp(v, "body-start()") || !strcmp(v, "label-end()") || !strcmp(v, "auto")
             || !strcmp(v, "0") || !strcmp(v, "0pt")))
            continue;
        S_warn(r, n, "%s is not drawn on this element (%s)", rules[i].prop, rules[i].why);
    }
    /* a page break from inside a table cell: the cell's row is not split */
    if (n->kind == GW_FO_BLOCK &&
        ((gw_fo_attr(n, "break-before") && strcmp(gw_fo_attr(n, "break-before"), "auto")) ||
         (gw_fo_attr(n, "break-after") && strcmp(gw_fo_attr(n, "break-after"), "auto"))))
        for (up = n->parent; up; up = up->parent)
            if (up->kind == GW_FO_TABLE_CELL) {
                S_warn(r, n, "break-before/break-after inside a table cell is ignored%s%s",
                       " (a row is not split by a break)", "");
                break;
            }
}

static int
S_apply(S_reader *r, gw_fo_node *n, gw_fo_props *p, const gw_fo_props *parent)
{
    size_t ai;
    S_border b;
    int i, have_border = 0, have_mlr = 0, si_set = 0, ei_set = 0;
    double si = 0, ei = 0, si_pct = 0, ei_pct = 0, mpct[4] = {0, 0, 0, 0};
    const char *v, *fsv;
    char qbuf[72];

    S_not_drawn(r, n);
    memset(&b, 0, sizeof b);
    for (i = 0; i < 4; i++) {
        b.style[i] = -1;
        b.w[i] = 1.0;           /* medium */
    }
    /* font-size first: em lengths of every other property depend on it */
    fsv = gw_fo_attr(n, "font-size");
    if (fsv && S_font_size(fsv, parent->font_size, &p->font_size) < 0)
        return gw_err_set(r->err, GW_EINPUT, "%s:%d: %s: bad font-size '%s'",
                          r->t->name, n->line, gw_fo_kind_name(n->kind), S_quote(fsv, qbuf));

    for (ai = 0; ai < n->nattrs; ai++) {
        const gw_fo_attr_s *a = &n->attrs[ai];
        const char *name = a->name;
        char base[64];
        const char *comp = NULL, *dot;
        size_t k;
        int id = -1, bad = 0;
        double len;

        v = a->value;
        if (a->ns != GW_FO_NS_NONE) {
            if (a->ns != GW_FO_NS_GW)
                continue;       /* xml:lang */
            if (!strcmp(name, "grid")) {
                if (!strcmp(v, "none")) p->grid_off = 1;
                else if (n->kind == GW_FO_REGION_BODY) p->grid_off = 0;
                else bad = 1;
            } else if (!strcmp(name, "punctuation-squeeze")) {
                if (!strcmp(v, "true")) p->squeeze = 1;
                else if (!strcmp(v, "false")) p->squeeze = 0;
                else bad = 1;
            } else if (!strcmp(name, "prefer-break-after")) {
                /* a few marks: 、，； between list items */
                size_t nc = 0;
                for (const char *q = v; *q; q++)
                    nc += ((unsigned char)*q & 0xC0) != 0x80;
                if (nc > 8)
                    bad = 1;
                else
                    p->prefer_break = v;
            } else if (!strcmp(name, "fit-to-width")) {
                if (!strcmp(v, "true")) p->fit_to_width = 1;
                else if (!strcmp(v, "false")) p->fit_to_width = 0;
                else bad = 1;
            } else if (!strcmp(name, "after-blank")) {
                /* master selection after a blank page (GB/T 9704 §7.5) */
                if (n->kind != GW_FO_CONDITIONAL_PAGE_MASTER_REFERENCE)
                    S_warn(r, n, "gw:%s belongs on fo:conditional-page-master-reference; "
                           "ignored%s", name, "");
                else if (strcmp(v, "true") && strcmp(v, "false"))
                    bad = 1;
            } else if (!strcmp(name, "continue")) {
                /* a document in pieces: more of the sequence or table of
                 * the piece before (docs/fo-subset.md) */
                if (n->kind != GW_FO_PAGE_SEQUENCE && n->kind != GW_FO_TABLE)
                    S_warn(r, n, "gw:%s belongs on fo:page-sequence or fo:table; "
                           "ignored%s", name, "");
                else if (strcmp(v, "true") && strcmp(v, "false"))
                    bad = 1;
            } else if (!strcmp(name, "pieces")) {
                char *end = NULL;
                long np = strtol(v, &end, 10);
                if (n->kind != GW_FO_ROOT)
                    S_warn(r, n, "gw:%s belongs on fo:root; ignored%s", name, "");
                else if (!*v || *end || np < 1 || np > GW_FO_MAX_PIECES)
                    bad = 1;
            } else if (!strcmp(name, "title") || !strcmp(name, "author")
                       || !strcmp(name, "subject") || !strcmp(name, "keywords")
                       || !strcmp(name, "date")) {
                if (n->kind != GW_FO_ROOT && n->kind != GW_FO_DECLARATIONS)
                    S_warn(r, n, "gw:%s belongs on fo:root; ignored%s", name, "");
            } else {
                S_warn(r, n, "unknown extension property 'gw:%s' ignored%s", name, "");
            }
            if (bad)
                return gw_err_set(r->err, GW_EINPUT, "%s:%d: %s: bad value '%s' for gw:%s",
                                  r->t->name, n->line, gw_fo_kind_name(n->kind),
                                  S_quote(v, qbuf), name);
            continue;
        }
        dot = strchr(name, '.');
        k = dot ? (size_t)(dot - name) : strlen(name);
        if (k >= sizeof base)
            k = sizeof base - 1;
        memcpy(base, name, k);
        base[k] = '\0';
        if (dot)
            comp = dot + 1;
        for (i = 0; i < (int)(sizeof S_props / sizeof S_props[0]); i++)
            if (!strcmp(S_props[i].name, base)) {
                id = S_props[i].id;
                break;
            }
        if (id < 0) {
            S_warn(r, n, "unknown property '%s' ignored%s", name, "");
            continue;
        }
        if (!strcmp(v, "inherit")) {
            continue;           /* inherited ones already are; others rarely matter */
        }
        /* accepted, but a value that would need drawing we do not do: say so
         * rather than misdraw silently */
        if (id == S_P_ACCEPTED
            && ((!strcmp(base, "font-style") && strcmp(v, "normal"))
                || (!strcmp(base, "column-count") && strcmp(v, "1"))
                || (!strcmp(base, "writing-mode") && strcmp(v, "lr-tb") && strcmp(v, "lr"))
                || (!strcmp(base, "word-spacing") && strcmp(v, "normal") && strcmp(v, "0pt"))
                || (!strcmp(base, "vertical-align") && strcmp(v, "baseline"))))
            S_warn(r, n, "%s=\"%s\" is not supported; ignored", name, v);
        switch (id) {
        case S_P_FONT_FAMILY:
            p->font_family = gw_arena_strdup(r->t->arena, v);
            break;
        case S_P_FONT_SIZE:
            break;
        case S_P_FONT_WEIGHT:
            if (!strcmp(v, "normal")) p->font_weight = 400;
            else if (!strcmp(v, "bold")) p->font_weight = 700;
            else if (!strcmp(v, "bolder")) p->font_weight = parent->font_weight >= 600 ? 900 : 700;
            else if (!strcmp(v, "lighter")) p->font_weight = parent->font_weight >= 600 ? 400 : 100;
            else if (atoi(v) >= 100 && atoi(v) <= 900) p->font_weight = atoi(v);
            else bad = 1;
            break;
        case S_P_COLOR:
            bad = gw_color_parse(v, &p->color) < 0;
            break;
        case S_P_TEXT_ALIGN:
            bad = (p->text_align = S_align(v, 0)) < 0;
            break;
        case S_P_TEXT_ALIGN_LAST:
            bad = (p->text_align_last = S_align(v, 1)) < 0;
            break;
        case S_P_TEXT_INDENT:
            bad = S_indent(v, p->font_size, &p->text_indent, &p->ti_pct);
            break;
        case S_P_LINE_HEIGHT: {
            char *end;
            double f;
            if (comp && strcmp(comp, "optimum") && strcmp(comp, "minimum"))
                break;
            if (!strcmp(v, "normal")) {
                p->lh_kind = GW_FO_LH_NORMAL;
                break;
            }
            f = strtod(v, &end);
            if (end != v && !*end && f > 0) {
                p->lh_kind = GW_FO_LH_FACTOR;
                p->lh = f;
            } else if (gw_fo_length(v, p->font_size, p->font_size, &len) == 0 && len >= 0) {
                p->lh_kind = GW_FO_LH_LENGTH;
                p->lh = len;
            } else {
                bad = 1;
            }
            break;
        }
        case S_P_LETTER_SPACING:
            if (comp && strcmp(comp, "optimum"))
                break;
            if (!strcmp(v, "normal")) p->letter_spacing = 0;
            else bad = gw_fo_length(v, p->font_size, 0, &p->letter_spacing) < 0;
            break;
        case S_P_START_INDENT:
            /* body-start() / label-end(): list parts are laid out as areas
             * of their own, so the indent inside them is 0 */
            if (!strcmp(v, "body-start()") || !strcmp(v, "label-end()"))
                si = 0;
            else
                bad = S_indent(v, p->font_size, &si, &si_pct);
            si_set = 1;
            break;
        case S_P_END_INDENT:
            if (!strcmp(v, "body-start()") || !strcmp(v, "label-end()"))
                ei = 0;
            else
                bad = S_indent(v, p->font_size, &ei, &ei_pct);
            ei_set = 1;
            break;
        case S_P_LINEFEED:
            if (!strcmp(v, "treat-as-space")) p->linefeed = GW_FO_LF_SPACE;
            else if (!strcmp(v, "preserve")) p->linefeed = GW_FO_LF_PRESERVE;
            else if (!strcmp(v, "ignore")) p->linefeed = GW_FO_LF_IGNORE;
            else if (!strcmp(v, "treat-as-zero-width-space")) p->linefeed = GW_FO_LF_IGNORE;
            else bad = 1;
            break;
        case S_P_WS_COLLAPSE:
            if (!strcmp(v, "true")) p->collapse = 1;
            else if (!strcmp(v, "false")) p->collapse = 0;
            else bad = 1;
            break;
        case S_P_WS_TREATMENT:
            p->ws_keep = !strcmp(v, "preserve");
            break;
        case S_P_WHITE_SPACE:
            if (!strcmp(v, "pre")) {
                p->collapse = 0; p->ws_keep = 1; p->linefeed = GW_FO_LF_PRESERVE; p->wrap = 0;
            } else if (!strcmp(v, "nowrap")) {
                p->wrap = 0;
            } else if (!strcmp(v, "normal")) {
                p->collapse = 1; p->ws_keep = 0; p->linefeed = GW_FO_LF_SPACE; p->wrap = 1;
            } else if (!strcmp(v, "pre-wrap") || !strcmp(v, "pre-line")) {
                p->linefeed = GW_FO_LF_PRESERVE;
                if (v[4] == 'w') { p->collapse = 0; p->ws_keep = 1; }
            } else {
                bad = 1;
            }
            break;
        case S_P_WRAP:
            if (!strcmp(v, "wrap")) p->wrap = 1;
            else if (!strcmp(v, "no-wrap")) p->wrap = 0;
            else bad = 1;
            break;
        case S_P_WIDOWS:
        case S_P_ORPHANS: {
            /* an integer (XSL 1.1 §7.19.7): 0 asks for nothing, as 1 does */
            size_t nd = strspn(v, "0123456789");
            int val = nd && nd <= 6 && !v[nd] ? atoi(v) : -1;
            bad = val < 0;
            if (!bad)
                *(id == S_P_WIDOWS ? &p->widows : &p->orphans) = val < 1 ? 1 : val;
            break;
        }
        case S_P_DISPLAY_ALIGN:
            if (!strcmp(v, "auto")) p->display_align = GW_FO_DISPLAY_AUTO;
            else if (!strcmp(v, "before")) p->display_align = GW_FO_DISPLAY_BEFORE;
            else if (!strcmp(v, "center")) p->display_align = GW_FO_DISPLAY_CENTER;
            else if (!strcmp(v, "after")) p->display_align = GW_FO_DISPLAY_AFTER;
            else bad = 1;
            break;
        case S_P_SPACE_BEFORE:
            bad = S_space(comp, v, p->font_size, &p->space_before, &p->sb_retain) < 0;
            break;
        case S_P_SPACE_AFTER:
            bad = S_space(comp, v, p->font_size, &p->space_after, &p->sa_retain) < 0;
            break;
        case S_P_MARGIN:
            bad = S_four(v, p->font_size, 0, p->margin) < 0;
            if (!bad) {
                /* percentages of the containing block's width (left,
                 * right: through the indents, resolved at layout) */
                double one[4];
                if (S_four(v, p->font_size, 1, one) == 0)
                    for (int q = 0; q < 4; q++)
                        mpct[q] = one[q] - p->margin[q];
                p->space_before = p->margin[GW_FO_TOP];
                p->space_after = p->margin[GW_FO_BOTTOM];
                have_mlr = 1;
            }
            break;
        case S_P_MARGIN_SIDE: {
            int s = S_side_of(name);
            if (!strcmp(v, "auto")) len = 0;
            else bad = S_indent(v, p->font_size, &len, &mpct[s]);
            p->margin[s] = len;
            if (s == GW_FO_TOP) p->space_before = len;
            else if (s == GW_FO_BOTTOM) p->space_after = len;
            else have_mlr = 1;
            break;
        }
        case S_P_PADDING:
            bad = S_four(v, p->font_size, 0, p->padding) < 0;
            break;
        case S_P_PADDING_SIDE:
            if (comp && strcmp(comp, "length"))
                break;
            bad = gw_fo_length(v, p->font_size, 0, &p->padding[S_side_of(name)]) < 0;
            break;
        case S_P_BORDER: case S_P_BORDER_SIDE: {
            char tok[4][64];
            int nt = S_tokens(v, tok), s0 = 0, s1 = 3, t;
            if (id == S_P_BORDER_SIDE)
                s0 = s1 = S_side_of(name);
            bad = nt < 1;
            for (t = 0; t < nt && !bad; t++) {
                bad = S_border_token(&b, tok[t], p->font_size, s0, s1) < 0;
                if (!bad && S_is_border_style(tok[t]) && strcmp(tok[t], "solid")
                    && strcmp(tok[t], "none") && strcmp(tok[t], "hidden"))
                    S_warn(r, n, "border style '%s' is drawn solid%s", tok[t], "");
            }
            have_border = 1;
            break;
        }
        case S_P_BORDER_PART: {
            /* border-width/-style/-color with 1-4 values, or border-top-width */
            char tok[4][64];
            int nt = S_tokens(v, tok), s, t;
            const char *part = strrchr(name, '-') + 1;
            bad = nt < 1;
            for (t = 0; t < nt && !bad; t++) {
                static const int order[4][4] = {
                    {0, 0, 0, 0}, {0, 1, 0, 1}, {0, 1, 2, 1}, {0, 1, 2, 3}};
                for (s = 0; s < 4; s++) {
                    if (order[nt - 1][s] != t)
                        continue;
                    if (!strcmp(part, "width")) {
                        int ok;
                        b.w[s] = S_border_width_kw(tok[t], p->font_size, &ok);
                        b.wset[s] = 1;
                        bad |= !ok;
                    } else if (!strcmp(part, "style")) {
                        bad |= !S_is_border_style(tok[t]);
                        if (s == 0 && S_is_border_style(tok[t]) && strcmp(tok[t], "solid")
                            && strcmp(tok[t], "none") && strcmp(tok[t], "hidden"))
                            S_warn(r, n, "border style '%s' is drawn solid%s", tok[t], "");
                        b.style[s] = strcmp(tok[t], "none") && strcmp(tok[t], "hidden");
                    } else {
                        bad |= gw_color_parse(tok[t], &b.c[s]) < 0;
                        b.cset[s] = 1;
                    }
                }
            }
            have_border = 1;
            break;
        }
        case S_P_BORDER_SIDE_PART: {
            /* border-top-width, border-start-style, ...: one value, one side
             * (start/end as left/right: writing-mode lr-tb) */
            char side[16];
            const char *part = strrchr(name, '-') + 1;
            int s;
            snprintf(side, sizeof side, "%.*s", (int)(part - 1 - (name + 7)), name + 7);
            s = S_side_of(side);
            if (!strcmp(part, "width")) {
                int ok;
                b.w[s] = S_border_width_kw(v, p->font_size, &ok);
                b.wset[s] = 1;
                bad = !ok;
            } else if (!strcmp(part, "style")) {
                bad = !S_is_border_style(v);
                if (!bad && strcmp(v, "solid") && strcmp(v, "none") && strcmp(v, "hidden"))
                    S_warn(r, n, "border style '%s' is drawn solid%s", v, "");
                b.style[s] = strcmp(v, "none") && strcmp(v, "hidden");
            } else {
                bad = gw_color_parse(v, &b.c[s]) < 0;
                b.cset[s] = 1;
            }
            have_border = 1;
            break;
        }
        case S_P_BACKGROUND:
            bad = gw_color_parse(v, &p->background) < 0;
            break;
        case S_P_BREAK_BEFORE:
            bad = (p->break_before = S_break(v)) < 0;
            break;
        case S_P_BREAK_AFTER:
            bad = (p->break_after = S_break(v)) < 0;
            break;
        case S_P_PAGE_BREAK_BEFORE: case S_P_PAGE_BREAK_AFTER: {
            int br = !strcmp(v, "always") ? GW_FO_BREAK_PAGE
                   : !strcmp(v, "left") ? GW_FO_BREAK_EVEN
                   : !strcmp(v, "right") ? GW_FO_BREAK_ODD
                   : (!strcmp(v, "auto") || !strcmp(v, "avoid")) ? GW_FO_BREAK_AUTO : -1;
            bad = br < 0;
            if (id == S_P_PAGE_BREAK_BEFORE) p->break_before = br;
            else p->break_after = br;
            if (!strcmp(v, "avoid")) {
                if (id == S_P_PAGE_BREAK_BEFORE) p->keep_with_previous = 1;
                else p->keep_with_next = 1;
            }
            break;
        }
        case S_P_KEEP_WITH_NEXT: case S_P_KEEP_WITH_PREVIOUS: case S_P_KEEP_TOGETHER: {
            int kv;
            if (comp && !strcmp(comp, "within-line"))
                break;
            kv = S_keep(v);
            bad = kv < 0;
            if (id == S_P_KEEP_WITH_NEXT) p->keep_with_next = kv;
            else if (id == S_P_KEEP_WITH_PREVIOUS) p->keep_with_previous = kv;
            else p->keep_together = kv;
            break;
        }
        case S_P_TEXT_DECORATION: {
            char tok[4][64];
            int nt = S_tokens(v, tok), t;
            bad = nt < 1;
            for (t = 0; t < nt && !bad; t++) {
                const char *d = tok[t];
                if (!strcmp(d, "none")) p->decoration = 0;
                else if (!strcmp(d, "underline")) p->decoration |= GW_FO_DECO_UNDERLINE;
                else if (!strcmp(d, "no-underline")) p->decoration &= ~GW_FO_DECO_UNDERLINE;
                else if (!strcmp(d, "overline")) p->decoration |= GW_FO_DECO_OVERLINE;
                else if (!strcmp(d, "no-overline")) p->decoration &= ~GW_FO_DECO_OVERLINE;
                else if (!strcmp(d, "line-through")) p->decoration |= GW_FO_DECO_LINE_THROUGH;
                else if (!strcmp(d, "no-line-through")) p->decoration &= ~GW_FO_DECO_LINE_THROUGH;
                else if (strcmp(d, "blink") && strcmp(d, "no-blink")) bad = 1;
            }
            break;
        }
        case S_P_ABSOLUTE_POSITION:
            if (!strcmp(v, "auto")) p->position = GW_FO_POS_STATIC;
            else if (!strcmp(v, "absolute")) p->position = GW_FO_POS_ABSOLUTE;
            else if (!strcmp(v, "fixed")) p->position = GW_FO_POS_FIXED;
            else bad = 1;
            break;
        default:
            break;
        }
        if (bad)
            return gw_err_set(r->err, GW_EINPUT, "%s:%d: %s: bad value '%s' for %s",
                              r->t->name, n->line, gw_fo_kind_name(n->kind),
                              S_quote(v, qbuf), name);
    }

    if (have_border)
        for (i = 0; i < 4; i++) {
            p->border_w[i] = b.style[i] == 1 ? b.w[i] : 0;
            p->border_c[i] = b.cset[i] ? b.c[i] : p->color;
        }
    /* XSL 1.1 5.3.2: start-indent given wins; else margin-left adds the
     * margin, border and padding to the inherited indent; else inherited. */
    if (si_set) {
        p->start_indent = si;
        p->si_pct = si_pct;
    } else if (have_mlr) {
        p->start_indent = parent->start_indent + p->margin[GW_FO_LEFT]
                        + p->border_w[GW_FO_LEFT] + p->padding[GW_FO_LEFT];
        p->si_pct = parent->si_pct + mpct[GW_FO_LEFT];
    }
    if (ei_set) {
        p->end_indent = ei;
        p->ei_pct = ei_pct;
    } else if (have_mlr) {
        p->end_indent = parent->end_indent + p->margin[GW_FO_RIGHT]
                      + p->border_w[GW_FO_RIGHT] + p->padding[GW_FO_RIGHT];
        p->ei_pct = parent->ei_pct + mpct[GW_FO_RIGHT];
    }
    return 0;
}

/* The properties of a child: inherited ones copied, the others initial. */
static void
S_inherit(gw_fo_props *p, const gw_fo_props *parent, gw_fo_kind pkind,
          gw_fo_kind kind)
{
    *p = *parent;
    p->space_before = p->space_after = 0;
    p->sb_retain = p->sa_retain = 0;
    memset(p->margin, 0, sizeof p->margin);
    memset(p->padding, 0, sizeof p->padding);
    memset(p->border_w, 0, sizeof p->border_w);
    p->background.none = 1;
    p->break_before = p->break_after = GW_FO_BREAK_AUTO;
    p->keep_with_next = p->keep_with_previous = p->keep_together = 0;
    p->position = GW_FO_POS_STATIC;
    /* Reference areas (and, as in most processors' practice, table cells)
     * measure indents from their own content edges. */
    if (pkind == GW_FO_BLOCK_CONTAINER || pkind == GW_FO_TABLE_CELL
        || pkind == GW_FO_LIST_ITEM_LABEL || pkind == GW_FO_LIST_ITEM_BODY
        || kind == GW_FO_FLOW || kind == GW_FO_STATIC_CONTENT) {
        p->start_indent = p->end_indent = 0;
        p->si_pct = p->ei_pct = 0;
    }
}

static void
S_initial(gw_fo_props *p)
{
    memset(p, 0, sizeof *p);
    p->font_family = "宋体";
    p->font_size = 12;
    p->font_weight = 400;
    p->text_align = GW_FO_ALIGN_START;
    p->text_align_last = GW_FO_ALIGN_RELATIVE;
    p->lh_kind = GW_FO_LH_NORMAL;
    p->linefeed = GW_FO_LF_SPACE;
    p->collapse = 1;
    p->wrap = 1;
    p->widows = p->orphans = 2;
    p->squeeze = 1;
    p->prefer_break = "";
    p->background.none = 1;
}

/* ---------------------------------------------------------------- parsing */

/* The first error libxml2 reports while parsing. */
typedef struct {
    int  set, line;
    char msg[512];
} S_xml_first;

static void
S_first_xml_error(void *user, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = user;
    S_xml_first *f = ctxt ? ctxt->_private : NULL;
    if (!f || f->set || !e || e->level < XML_ERR_ERROR)
        return;
    f->set = 1;
    f->line = e->line;
    snprintf(f->msg, sizeof f->msg, "%s", e->message ? e->message : "not well-formed XML");
}

int
gw_fo_parse_file(const char *path, gw_xml_doc *out, gw_err *err)
{
    gw_buf buf;
    xmlDocPtr doc = NULL;
    xmlParserCtxtPtr ctxt = NULL;
    S_xml_first first = {0, 0, ""};
    int rc;
    const char *name = strcmp(path, "-") ? path : "<stdin>";

    gw_buf_init(&buf);
    *out = NULL;
    rc = gw_file_read(path, GW_FO_MAX_BYTES, &buf, err);
    if (rc < 0)
        goto out;
    if (buf.len > INT32_MAX) {
        rc = gw_err_set(err, GW_EINPUT, "%s: larger than the %u-byte cap", name,
                        (unsigned)GW_FO_MAX_BYTES);
        goto out;
    }
    ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        rc = gw_err_set(err, GW_EDEP, "%s: cannot create an XML parser", name);
        goto out;
    }
    /* The first error is the cause; later ones are consequences (a huge
     * attribute is followed by "Extra content at the end"). */
    ctxt->_private = &first;
    ctxt->sax->serror = S_first_xml_error;
    /* No XML_PARSE_NOENT (no entity expansion), no DTD loading, no network. */
    doc = xmlCtxtReadMemory(ctxt, buf.ptr, (int)buf.len, name, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc || !ctxt->wellFormed) {
        char msg[512] = "not well-formed XML";
        if (first.set) {
            snprintf(msg, sizeof msg, "%s", first.msg);
            msg[strcspn(msg, "\n")] = '\0';
        }
        /* libxml2's own nesting limit speaks of a parser option the user
         * cannot set; say what it means */
        if (strstr(msg, "Excessive depth"))
            snprintf(msg, sizeof msg, "elements nested too deep (more than %d levels)",
                     GW_FO_MAX_DEPTH);
        rc = gw_err_set(err, GW_EINPUT, "%s:%d: %s", name, first.set ? first.line : 0, msg);
        goto out;
    }
    if (doc->intSubset && (doc->intSubset->entities || doc->intSubset->pentities)) {
        rc = gw_err_set(err, GW_EINPUT, "%s: a DOCTYPE declaring entities is refused",
                        name);
        goto out;
    }
    *out = doc;
    doc = NULL;
    rc = 0;
out:
    if (doc)
        xmlFreeDoc(doc);
    xmlFreeParserCtxt(ctxt);
    gw_buf_free(&buf);
    return rc;
}

static int
S_only_space(const char *s)
{
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return 0;
    return 1;
}

typedef struct S_frame {
    xmlNodePtr  next;           /* next XML child to visit */
    gw_fo_node *node;
} S_frame;

int
gw_fo_load(gw_xml_doc xdoc, const char *name, gw_fo_tree **out, gw_err *err)
{
    S_reader r;
    gw_fo_tree *t = gw_xcalloc(1, sizeof *t);
    S_frame *stack = gw_xcalloc(GW_FO_MAX_DEPTH + 1, sizeof *stack);
    xmlNodePtr xroot = xmlDocGetRootElement(xdoc);
    gw_fo_props *rootp;
    int depth = 0, rc = 0;

    t->arena = gw_arena_new();
    t->name = gw_arena_strdup(t->arena, name ? name : "<fo>");
    r.t = t;
    r.err = err;
    r.nwarn = 0;
    memset(&r.strs, 0, sizeof r.strs);
    memset(&r.props, 0, sizeof r.props);
    *out = NULL;

    if (!xroot || !xroot->ns || strcmp((const char *)xroot->ns->href, S_FO_NS)
        || strcmp((const char *)xroot->name, "root")) {
        rc = gw_err_set(err, GW_EINPUT, "%s:%d: the document element must be fo:root "
                        "in namespace %s", t->name, xroot ? xroot->line : 0, S_FO_NS);
        goto out;
    }
    t->root = gw_arena_alloc(t->arena, sizeof *t->root);
    t->root->kind = GW_FO_ROOT;
    S_copy_attrs(&r, t->root, xroot);
    t->root->line = xroot->line;
    rootp = gw_arena_alloc(t->arena, sizeof *rootp);
    {
        gw_fo_props init;
        S_initial(&init);
        *rootp = init;
        rc = S_apply(&r, t->root, rootp, &init);
        if (rc < 0)
            goto out;
    }
    t->root->p = rootp;
    stack[0].next = xroot->children;
    stack[0].node = t->root;

    /* Explicit stack: the nesting depth is the input's to choose. */
    while (depth >= 0) {
        S_frame *f = &stack[depth];
        xmlNodePtr x = f->next;
        gw_fo_node *parent = f->node, *n;
        int kind;

        if (!x) {
            depth--;
            continue;
        }
        f->next = x->next;
        if (x->type == XML_TEXT_NODE || x->type == XML_CDATA_SECTION_NODE) {
            const char *s = (const char *)x->content;
            if (!s || !*s)
                continue;
            if (!S_holds_text(parent->kind)) {
                if (S_only_space(s))
                    continue;
                rc = gw_err_set(err, GW_EINPUT, "%s:%d: %s: text is not allowed here",
                                t->name, x->line, gw_fo_kind_name(parent->kind));
                goto out;
            }
            n = gw_arena_alloc(t->arena, sizeof *n);
            n->kind = GW_FO_TEXT;
            n->line = x->line;
            n->len = strlen(s);
            n->text = gw_arena_strndup(t->arena, s, n->len);
            n->p = parent->p;
        } else if (x->type == XML_ENTITY_REF_NODE) {
            rc = gw_err_set(err, GW_EINPUT, "%s:%d: entity reference &%s; is not "
                            "expanded (entities are refused)", t->name, x->line,
                            (const char *)x->name);
            goto out;
        } else if (x->type == XML_ELEMENT_NODE) {
            gw_fo_props pbuf;
            const char *id;
            if (!x->ns || strcmp((const char *)x->ns->href, S_FO_NS)) {
                /* foreign XML: metadata in declarations is ignored, anything
                 * else is content we cannot draw */
                if (parent->kind == GW_FO_DECLARATIONS || parent->kind == GW_FO_ROOT)
                    continue;
                rc = gw_err_set(err, GW_EINPUT, "%s:%d: %s: element <%s> (namespace %s) "
                                "is not supported here", t->name, x->line,
                                gw_fo_kind_name(parent->kind), (const char *)x->name,
                                x->ns ? (const char *)x->ns->href : "none");
                goto out;
            }
            kind = S_kind_of((const char *)x->name);
            if (kind < 0) {
                rc = gw_err_set(err, GW_EINPUT, "%s:%d: fo:%s is not in the supported "
                                "subset (see docs/fo-subset.md)", t->name, x->line,
                                (const char *)x->name);
                goto out;
            }
            if (depth + 1 >= GW_FO_MAX_DEPTH) {
                rc = gw_err_set(err, GW_EINPUT, "%s:%d: fo:%s nested deeper than the "
                                "cap of %d elements", t->name, x->line,
                                (const char *)x->name, GW_FO_MAX_DEPTH);
                goto out;
            }
            n = gw_arena_alloc(t->arena, sizeof *n);
            n->kind = (gw_fo_kind)kind;
            n->line = x->line;
            S_copy_attrs(&r, n, x);
            if (kind == GW_FO_INSTREAM_FOREIGN_OBJECT)
                n->svg = S_copy_svg(t, x);
            n->parent = parent;         /* for S_not_drawn; linked below */
            memset(&pbuf, 0, sizeof pbuf);
            S_inherit(&pbuf, parent->p, parent->kind, n->kind);
            rc = S_apply(&r, n, &pbuf, parent->p);
            if (rc < 0)
                goto out;
            n->p = S_props_once(&r, &pbuf);
            id = gw_fo_attr(n, "id");
            if (id && *id)
                n->id = id;
            if (kind == GW_FO_PAGE_NUMBER_CITATION)
                t->has_citations = 1;
            /* the children of an instream-foreign-object are SVG, drawn by
             * svg.c from the XML tree */
            if (kind != GW_FO_INSTREAM_FOREIGN_OBJECT) {
                depth++;
                stack[depth].next = x->children;
                stack[depth].node = n;
            }
        } else {
            continue;           /* comments, processing instructions */
        }
        n->parent = parent;
        if (parent->last)
            parent->last->next = n;
        else
            parent->first = n;
        parent->last = n;
    }
    *out = t;
    t = NULL;
out:
    free(stack);
    free(r.strs.slot);
    free(r.props.slot);
    gw_fo_free(t);
    return rc;
}

void
gw_fo_free(gw_fo_tree *t)
{
    if (!t)
        return;
    if (t->svgdoc)
        xmlFreeDoc(t->svgdoc);
    gw_arena_free(t->arena);
    free(t);
}

size_t
gw_fo_pieces(const gw_fo_tree *t)
{
    /* the value was checked when the tree was made */
    const char *v = gw_fo_gw_attr(t->root, "pieces");
    return v ? (size_t)strtoul(v, NULL, 10) : 1;
}
