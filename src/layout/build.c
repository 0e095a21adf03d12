/* build.c — FO flow to a vertical list (see layout-imp.h).
 *
 * One iterative walk over the FO tree (explicit frame stack, never
 * recursion).  Inline content (text, inlines, page numbers, leaders,
 * graphics) is gathered per code point into gw_lb_items, with white space
 * handled as XSL says (collapse; a line feed between two Chinese characters
 * disappears instead of becoming a space), and set into lines with
 * gw_linebreak when a block boundary is reached.  Block boundaries emit
 * spaces (glue), box borders, anchors and forced breaks; tables emit one
 * item per row whose cells hold vertical lists of their own. */
#include "image.h"
#include "layout-imp.h"
#include "linebreak.h"
#include "svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ vlists */

gw_lo_item *
gw_lo_push(gw_lo *lo, gw_lo_vlist *vl, gw_li_kind kind, double h)
{
    gw_lo_item *it;
    if (vl->n == vl->cap) {
        /* most lists are a table cell's one or two lines: start small */
        size_t cap = vl->cap ? vl->cap * 2 : 4;
        gw_lo_item *v = gw_arena_alloc(lo->arena, cap * sizeof *v);
        if (vl->n)
            memcpy(v, vl->v, vl->n * sizeof *v);
        vl->v = v;
        vl->cap = cap;
    }
    it = &vl->v[vl->n++];
    memset(it, 0, sizeof *it);
    it->kind = (unsigned char)kind;
    it->h = h;
    return it;
}

void *
gw_lo_grow(gw_lo *lo, void *v, size_t n, size_t *cap, size_t size)
{
    void *w;
    if (n < *cap)
        return v;
    *cap = *cap ? *cap * 2 : 16;
    w = gw_arena_alloc(lo->arena, *cap * size);
    if (n)
        memcpy(w, v, n * size);
    return w;
}

void *
gw_lo_mgrow(void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return v;
    *cap = *cap ? *cap * 2 : 16;
    return gw_xrealloc(v, *cap * size);
}

double
gw_lo_line_height(const gw_fo_props *p)
{
    switch (p->lh_kind) {
    case GW_FO_LH_FACTOR: return p->lh * p->font_size;
    case GW_FO_LH_LENGTH: return p->lh;
    default: return 1.2 * p->font_size;
    }
}

static size_t
S_strhash(const char *s)
{
    size_t h = 2166136261u;         /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The slot of id in the hash table: its entry, or the empty slot where it
 * would go.  hcap is a power of two, at most half full. */
static size_t
S_slot(const gw_lo *lo, const char *id)
{
    size_t i = S_strhash(id) & (lo->hcap - 1);
    while (lo->idhash[i] && strcmp(lo->ids[lo->idhash[i] - 1].id, id))
        i = (i + 1) & (lo->hcap - 1);
    return i;
}

int
gw_lo_id_lookup(const gw_lo *lo, const char *id, size_t *page, double *y)
{
    size_t k;
    if (!lo->hcap)
        return -1;
    k = lo->idhash[S_slot(lo, id)];
    if (!k)
        return -1;
    *page = lo->ids[k - 1].page;
    *y = lo->ids[k - 1].y;
    return 0;
}

void
gw_lo_id_add(gw_lo *lo, const char *id, size_t page, double y)
{
    size_t i;
    if ((lo->nids + 1) * 2 > lo->hcap) {
        /* a new table (zeroed), the entries hashed again; malloc, not the
         * arena: ids found while drawing a page outlive its scratch memory */
        lo->hcap = lo->hcap ? lo->hcap * 2 : 64;
        free(lo->idhash);
        lo->idhash = gw_xcalloc(lo->hcap, sizeof *lo->idhash);
        for (i = 0; i < lo->nids; i++)
            lo->idhash[S_slot(lo, lo->ids[i].id)] = i + 1;
    }
    i = S_slot(lo, id);
    if (lo->idhash[i])
        return;                 /* the first area of an id wins */
    lo->ids = gw_lo_mgrow(lo->ids, lo->nids, &lo->idcap, sizeof *lo->ids);
    /* a copy: a document laid out in pieces lets each piece's FO go */
    lo->ids[lo->nids].id = gw_arena_strdup(lo->base, id);
    lo->ids[lo->nids].page = page;
    lo->ids[lo->nids].y = y;
    lo->nids++;
    lo->idhash[i] = lo->nids;
}

void
gw_lo_id_clear(gw_lo *lo)
{
    lo->nids = 0;
    if (lo->hcap)
        memset(lo->idhash, 0, lo->hcap * sizeof *lo->idhash);
}

/* ------------------------------------------------------------ builder */

/* Keep state of one vertical list. */
typedef struct S_vstate {
    gw_lo_vlist *vl;
    int keep_pending;           /* keep-with-next: glue and next item nobreak */
    int nobreak_next;           /* next item nobreak (after a box top, anchor) */
    int keep_depth;             /* inside keep-together */
} S_vstate;

/* Where the children of a frame go. */
typedef struct S_ctx {
    S_vstate  *vs;
    double     xoff, w;         /* content edges of the reference area */
    gw_lo_grid grid;
    int        nest;            /* nested reference areas */
    int        in_cell;         /* inside a table cell or list item */
} S_ctx;

typedef struct S_info {
    gw_face           *face;
    double             size;
    gw_color           color;
    int                fake_bold;
    int                deco;
    const gw_fo_props *p;
    int                obj;     /* index into objs or -1 */
    const char        *link;
    double             narrow;  /* > 0: natural advance of a symbol set in
                                 * half a grid cell (drawn narrowed) */
} S_info;

typedef struct S_idref {
    const char *id;
    size_t      at;
} S_idref;

/* Inline content gathered for the current block. */
typedef struct S_acc {
    gw_lb_item *it;
    S_info     *inf;
    size_t      n, cap;
    gw_lo_obj  *objs;
    size_t      nobj, objcap;
    S_idref    *ids;
    size_t      nids, idcap;
    int         pending_space, pending_lf, line_start;
    uint32_t    prev;
} S_acc;

typedef struct S_cellb {
    gw_lo_cell *cell;
    int col, colspan;
} S_cellb;

typedef struct S_rowb {
    const gw_fo_node *node;
    gw_lo_cell **cells;
    size_t ncells, cap;
    int section;                /* 0 header, 1 body, 2 footer */
    int next_col;
    double min_h;
} S_rowb;

typedef struct S_tbl {
    const gw_fo_node *node;
    int     cont;               /* gw:continue: the header repeats only */
    int     ncols;
    double *colx;               /* ncols + 1 edges */
    int    *span_left;          /* rows still covered per column */
    S_rowb **rows;
    size_t nrows, cap;
    int section;
    gw_lo_table *lt;
    S_ctx *ctx;
} S_tbl;

enum { F_ROOT, F_BLOCK, F_INLINE, F_TABLE, F_TSECT, F_ROW, F_CELL, F_BCONT, F_ABS,
       F_LIST, F_LITEM };

typedef struct S_frame {
    int               kind;
    const gw_fo_node *node, *child;
    S_ctx            *ctx;      /* for the children */
    int               lines_done;
    gw_lo_box        *box;
    const char       *link;
    S_tbl            *tb;
    S_rowb           *rb;
    gw_lo_cell       *cell;
    gw_lo_abs        *abs;
    double            lx, lw, ldist, lsep;  /* list-block geometry */
} S_frame;

typedef struct S_b {
    gw_lo      *lo;
    int         table_end;      /* nothing begun since a table ended */
    int         carried_table;  /* the list before this build ended so */
    size_t      nbegun;         /* elements begun in this build */
    gw_lo_table *list_table;    /* list items are rows of a headerless table */
    const char *pagenum;
    S_acc       acc;
    S_frame    *st;
    int         depth;
} S_b;

static void *
S_grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    while (*cap < need)
        *cap = *cap ? *cap * 2 : 64;
    return gw_xrealloc(p, *cap * size);
}

static S_ctx *
S_newctx(gw_lo *lo, const S_ctx *like, gw_lo_vlist *vl)
{
    S_ctx *c = gw_arena_alloc(lo->arena, sizeof *c);
    if (like)
        *c = *like;
    if (vl) {
        c->vs = gw_arena_alloc(lo->arena, sizeof *c->vs);
        c->vs->vl = vl;
    }
    return c;
}

/* Appends an item honouring the keep state of its list. */
static gw_lo_item *
S_push(S_b *b, S_ctx *c, gw_li_kind kind, double h)
{
    S_vstate *vs = c->vs;
    gw_lo_item *it = gw_lo_push(b->lo, vs->vl, kind, h);
    if (vs->nobreak_next || vs->keep_depth > 0 || vs->keep_pending)
        it->nobreak = 1;
    vs->nobreak_next = 0;
    if (kind != GW_LI_GLUE)
        vs->keep_pending = 0;
    return it;
}

static int
S_grid_on(const S_ctx *c, const gw_fo_props *p)
{
    return c->grid.line > 0 && !p->grid_off;
}

static void
S_glue(S_b *b, S_ctx *c, const gw_fo_props *p, double h, int retain)
{
    gw_lo_item *it;
    if (h <= 0)
        return;
    if (S_grid_on(c, p)) {
        /* grid: spaces are whole line pitches */
        h = floor(h / c->grid.line + 0.5) * c->grid.line;
        if (h <= 0)
            return;
    }
    it = S_push(b, c, GW_LI_GLUE, h);
    it->retain = (unsigned char)retain;
    it->grid = (unsigned char)S_grid_on(c, p);
}

static void
S_break(S_b *b, S_ctx *c, int brk)
{
    gw_lo_item *it;
    if (brk == GW_FO_BREAK_AUTO)
        return;
    it = gw_lo_push(b->lo, c->vs->vl, GW_LI_BREAK, 0);
    it->brk = brk;
}

static void
S_anchor(S_b *b, S_ctx *c, const char *id)
{
    gw_lo_item *it;
    if (!id)
        return;
    it = S_push(b, c, GW_LI_ANCHOR, 0);
    it->ptr = (void *)id;
    c->vs->nobreak_next = 1;
}

/* keep-with-previous: no break before this block nor in the glue before it. */
static void
S_keep_previous(S_ctx *c)
{
    gw_lo_vlist *vl = c->vs->vl;
    size_t i = vl->n;
    while (i > 0 && (vl->v[i - 1].kind == GW_LI_GLUE || vl->v[i - 1].kind == GW_LI_ANCHOR)) {
        vl->v[i - 1].nobreak = 1;
        i--;
    }
    c->vs->nobreak_next = 1;
}

static const gw_fontlist *
S_fontlist(S_b *b, const gw_fo_props *p)
{
    gw_lo *lo = b->lo;
    const gw_fontlist *fl;
    if (lo->last_fl_props == p)
        return lo->last_fl;
    if (gw_fontset_lookup(lo->fonts, p->font_family, p->font_weight, &fl, lo->err) < 0)
        return NULL;
    lo->last_fl = fl;
    lo->last_fl_props = p;
    if (gw_verbosity >= 2) {
        /* --verbose: which file serves each font-family value, once */
        size_t i;
        for (i = 0; i < lo->nseen && lo->seen_fl[i] != fl; i++)
            ;
        if (i == lo->nseen && lo->nseen < 256) {
            gw_face *f = gw_fontlist_primary(fl);
            lo->seen_fl = gw_lo_mgrow(lo->seen_fl, lo->nseen, &lo->seencap,
                                      sizeof *lo->seen_fl);
            lo->seen_fl[lo->nseen++] = fl;
            gw_debugf("font-family \"%s\"%s: %s (index %u, %s)", p->font_family,
                      p->font_weight >= 600 ? " bold" : "", gw_face_file(f),
                      gw_face_index(f), gw_face_family(f));
        }
    }
    return fl;
}

/* ------------------------------------------------------------ inline */

static S_info *
S_acc_add(S_acc *a, uint32_t cp, double adv)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 256;
        a->it = gw_xrealloc(a->it, a->cap * sizeof *a->it);
        a->inf = gw_xrealloc(a->inf, a->cap * sizeof *a->inf);
    }
    memset(&a->it[a->n], 0, sizeof a->it[a->n]);
    a->it[a->n].cp = cp;
    a->it[a->n].adv = adv;
    memset(&a->inf[a->n], 0, sizeof a->inf[a->n]);
    a->inf[a->n].obj = -1;
    a->line_start = cp == 0x2028;
    a->prev = cp;
    return &a->inf[a->n++];
}

static int
S_is_cjk(uint32_t cp)
{
    return cp >= 0x2E80 && gw_lb_is_fullwidth(cp);
}

/* Adds one character with the props of its element.  Missing glyphs are
 * errors unless --allow-missing-glyphs. */
static int
S_add_char(S_b *b, const gw_fo_props *p, const gw_fontlist *fl, uint32_t cp,
           int line, const char *link)
{
    gw_face *face = gw_fontlist_face_for(fl, cp);
    S_info *inf;
    if (!face) {
        char u[8] = "";
        u[gw_utf8_encode(cp, u)] = '\0';
        if (!b->lo->opts || !b->lo->opts->allow_missing_glyphs) {
            gw_err_set(b->lo->err, GW_EINPUT, "%s:%d: character U+%04X '%s' has no glyph "
                       "in any installed font (font-family \"%s\")",
                       b->lo->name, line, (unsigned)cp, u, p->font_family);
            /* the document builders name where in the plan it came from */
            if (b->lo->err)
                b->lo->err->cp = cp;
            return GW_EINPUT;
        }
        gw_warnf("%s:%d: character U+%04X '%s' has no glyph in any installed font; "
                 "left out", b->lo->name, line, (unsigned)cp, u);
        return 0;
    }
    inf = S_acc_add(&b->acc, cp, gw_face_advance(face, cp, p->font_size) + p->letter_spacing);
    inf->face = face;
    inf->size = p->font_size;
    inf->color = p->color;
    inf->fake_bold = gw_fontlist_fake_bold(fl, face);
    inf->deco = p->decoration;
    inf->p = p;
    inf->link = link;
    return 0;
}

static int
S_flush_space(S_b *b, const gw_fo_props *p, const gw_fontlist *fl, uint32_t next,
              int line, const char *link)
{
    S_acc *a = &b->acc;
    int drop;
    if (!a->pending_space)
        return 0;
    /* A line feed between two Chinese characters is not a word space. */
    drop = a->n == 0 || a->line_start || (a->pending_lf && S_is_cjk(a->prev) && S_is_cjk(next));
    a->pending_space = a->pending_lf = 0;
    return drop ? 0 : S_add_char(b, p, fl, ' ', line, link);
}

static int
S_add_text(S_b *b, const gw_fo_props *p, const char *s, size_t len, int line,
           const char *link)
{
    const gw_fontlist *fl = S_fontlist(b, p);
    S_acc *a = &b->acc;
    size_t i = 0;
    int rc;
    if (!fl)
        return GW_EDEP;
    while (i < len) {
        uint32_t cp;
        int k = gw_utf8_decode(s + i, len - i, &cp);
        if (k < 0)
            return gw_err_set(b->lo->err, GW_EINPUT, "%s:%d: invalid UTF-8",
                              b->lo->name, line);
        i += (size_t)k;
        if (cp == '\r')
            continue;
        if (cp == '\n') {
            if (p->linefeed == GW_FO_LF_IGNORE)
                continue;
            if (p->linefeed == GW_FO_LF_PRESERVE) {
                a->pending_space = a->pending_lf = 0;   /* ignore-if-surrounding-linefeed */
                S_acc_add(a, 0x2028, 0)->p = p;
                continue;
            }
            a->pending_lf = 1;
            cp = ' ';
        }
        if (cp == ' ' || cp == '\t') {
            /* white-space-collapse=false keeps every space, except (with the
             * default white-space-treatment) at the start of a line */
            if (p->collapse || (!p->ws_keep && (a->n == 0 || a->line_start))) {
                a->pending_space = 1;
                continue;
            }
            rc = S_flush_space(b, p, fl, ' ', line, link);
            if (rc < 0)
                return rc;
            cp = ' ';
            rc = S_add_char(b, p, fl, cp, line, link);
            if (rc < 0)
                return rc;
            continue;
        }
        rc = S_flush_space(b, p, fl, cp, line, link);
        if (rc < 0)
            return rc;
        rc = S_add_char(b, p, fl, cp, line, link);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int
S_add_obj(S_b *b, const gw_fo_props *p, const gw_lo_obj *o, int line, const char *link)
{
    S_acc *a = &b->acc;
    S_info *inf;
    const gw_fontlist *fl = S_fontlist(b, p);
    int rc;
    if (!fl)
        return GW_EDEP;
    rc = S_flush_space(b, p, fl, 'a', line, link);
    if (rc < 0)
        return rc;
    a->objs = S_grow(a->objs, &a->objcap, a->nobj + 1, sizeof *a->objs);
    a->objs[a->nobj] = *o;
    inf = S_acc_add(a, 0xFFFC, o->w);
    inf->obj = (int)a->nobj++;
    inf->p = p;
    inf->link = link;
    inf->size = p->font_size;
    return 0;
}

static void
S_acc_id(S_b *b, const char *id)
{
    S_acc *a = &b->acc;
    if (!id)
        return;
    a->ids = S_grow(a->ids, &a->idcap, a->nids + 1, sizeof *a->ids);
    a->ids[a->nids].id = id;
    a->ids[a->nids].at = a->n;
    a->nids++;
}

static int
S_align(int a)
{
    switch (a) {
    case GW_FO_ALIGN_CENTER: return GW_LB_CENTER;
    case GW_FO_ALIGN_END: return GW_LB_END;
    case GW_FO_ALIGN_JUSTIFY: return GW_LB_JUSTIFY;
    default: return GW_LB_START;
    }
}

/* A line-end mark squeezed to less than its advance: its glyph box (what
 * text extraction and readers measure) must end at the line end, not half
 * a 字 beyond the margin.  A closing mark is drawn whole and its box
 * trimmed (gw_page_text_trim_last); another is drawn narrowed to the width
 * it was set in. */
static int
S_squeezed_end(const S_acc *a, size_t i, size_t last)
{
    return i + 1 == last && a->inf[i].obj < 0 && a->it[i].w > 0.1
        && a->it[i].w < a->it[i].adv - 0.5;
}

static int
S_same_run(const S_info *x, const S_info *y)
{
    return x->face == y->face && x->size == y->size && x->fake_bold == y->fake_bold
        && x->deco == y->deco && x->narrow == 0 && y->narrow == 0
        && x->color.r == y->color.r && x->color.g == y->color.g && x->color.b == y->color.b;
}

/* The indents of p in context c: lengths plus percentages of the
 * reference area's width (start-indent="10%"). */
static double
S_si(const S_ctx *c, const gw_fo_props *p)
{
    return p->start_indent + p->si_pct * c->w;
}

static double
S_ei(const S_ctx *c, const gw_fo_props *p)
{
    return p->end_indent + p->ei_pct * c->w;
}

/* Sets the gathered inline content of block frame f into lines. */
static int
S_flush(S_b *b, S_frame *f)
{
    gw_lo *lo = b->lo;
    S_acc *a = &b->acc;
    const gw_fo_props *p = f->node->p;
    S_ctx *c = f->ctx;
    gw_lb_opts o;
    uint32_t prefer[8];
    gw_lb_line *lines = NULL;
    size_t nl = 0, li, i, k, idk = 0;
    double x0, width, hscale = 1.0, pitch_line;
    int rc = 0, grid = S_grid_on(c, p);
    const gw_fontlist *fl;
    gw_face *strut;

    a->pending_space = a->pending_lf = 0;
    if (a->n == 0) {
        for (i = 0; i < a->nids; i++)
            S_anchor(b, c, a->ids[i].id);
        goto out;
    }
    fl = S_fontlist(b, p);
    if (!fl) {
        rc = GW_EDEP;
        goto out;
    }
    strut = gw_fontlist_primary(fl);
    x0 = c->xoff + S_si(c, p);
    width = c->w - S_si(c, p) - S_ei(c, p);
    if (width < 1)
        width = 1;
    memset(&o, 0, sizeof o);
    o.width = p->wrap ? width : 1e7;
    o.indent = f->lines_done ? 0 : p->text_indent + p->ti_pct * c->w;
    /* gw:grid: 16 pt body text sits on the character pitch */
    o.pitch = grid && fabs(p->font_size - c->grid.chr) < 1.0 ? c->grid.chr : 0;
    o.squeeze = p->squeeze;
    /* cells: no letter-spaced lines (gaps over a quarter em), and the
     * stylesheet's preferred breaks (after 、 in a list of units) */
    o.max_gap = c->in_cell ? 0.25 : 0;
    {
        size_t q = 0, len = strlen(p->prefer_break);
        while (q < len && o.nprefer < sizeof prefer / sizeof prefer[0]) {
            int l = gw_utf8_decode(p->prefer_break + q, len - q, &prefer[o.nprefer]);
            if (l <= 0)
                break;
            q += (size_t)l;
            o.nprefer++;
        }
        o.prefer_after = prefer;
    }
    o.align = S_align(p->text_align);
    o.align_last = p->text_align_last == GW_FO_ALIGN_RELATIVE
                 ? (p->text_align == GW_FO_ALIGN_JUSTIFY ? GW_LB_START : S_align(p->text_align))
                 : S_align(p->text_align_last);
    if (o.pitch > 0) {
        /* grid: indents are whole 字 so every cell stays on the grid */
        double si = floor(S_si(c, p) / o.pitch + 0.5) * o.pitch;
        double ei = floor(S_ei(c, p) / o.pitch + 0.5) * o.pitch;
        x0 = c->xoff + si;
        width = c->w - si - ei;
        o.width = p->wrap ? width : 1e7;
        o.indent = floor(o.indent / o.pitch + 0.5) * o.pitch;
        /* half-width digits and letters take half a cell, as full-width
         * characters take one (16 pt glyphs on a 15.79 pt pitch) */
        for (i = 0; i < a->n; i++) {
            uint32_t cp = a->it[i].cp;
            double adv = a->it[i].adv, em = a->inf[i].size;
            if (a->inf[i].obj >= 0 || cp == ' ' || gw_lb_is_fullwidth(cp))
                continue;
            if (fabs(adv - 0.5 * em) < 0.1 * em) {
                a->it[i].adv = o.pitch / 2;
            } else if (adv > 0.6 * em && adv < 1.0 * em && cp > ' ' && cp < 0x7F &&
                       !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) {
                /* a symbol the face draws wider than half an em (FandolFang's
                 * + = % # & @ at 0.78 em, where 仿宋_GB2312 has 0.5): half a
                 * cell too, its glyph narrowed to fit, so the 字 after it
                 * stay on the grid.  Latin letters keep their widths. */
                a->inf[i].narrow = adv;
                a->it[i].adv = o.pitch / 2;
            }
        }
    }
    if (p->fit_to_width) {
        double total = 0;
        for (i = 0; i < a->n; i++)
            total += a->it[i].adv;
        if (total > width) {
            hscale = (width - 0.05) / total;
            for (i = 0; i < a->n; i++)
                a->it[i].adv *= hscale;
            for (i = 0; i < a->nobj; i++)
                a->objs[i].w *= hscale;
            o.pitch = 0;
        }
    }
    rc = gw_linebreak(a->it, a->n, &o, &lines, &nl, lo->err);
    if (rc < 0) {
        gw_err_prefix(lo->err, "%s:%d", lo->name, f->node->line);
        goto out;
    }
    pitch_line = grid ? c->grid.line : 0;
    for (li = 0; li < nl; li++) {
        gw_lo_line *ln = gw_arena_alloc(lo->arena, sizeof *ln);
        size_t s = lines[li].start, e = lines[li].end, last = e, nr = 0, no = 0;
        double A = gw_face_ascender(strut, p->font_size);
        double D = -gw_face_descender(strut, p->font_size);
        double L = gw_lo_line_height(p), H;
        gw_lo_item *it;

        /* trailing spaces and forced breaks are not drawn */
        while (last > s && (a->it[last - 1].cp == ' ' || a->it[last - 1].cp == 0x2028))
            last--;
        for (i = s; i < e; i++) {
            const S_info *inf = &a->inf[i];
            if (inf->obj >= 0) {
                const gw_lo_obj *ob = &a->objs[inf->obj];
                if (ob->kind == GW_OBJ_IMAGE || ob->kind == GW_OBJ_SVG)
                    A = fmax(A, ob->h);
                no++;
            } else if (inf->face) {
                A = fmax(A, gw_face_ascender(inf->face, inf->size));
                D = fmax(D, -gw_face_descender(inf->face, inf->size));
            }
            if (inf->p && inf->p != p)
                L = fmax(L, gw_lo_line_height(inf->p));
        }
        H = fmax(L, A + D);
        if (pitch_line > 0) {
            /* grid: the ideographic em box (0.88 above the baseline, 0.12
             * below) is centred on the cell, whatever the face's own
             * ascender, so lines in 黑体 and 仿宋 share baselines */
            double kk = ceil(H / pitch_line - 0.05), ms = p->font_size, objh = 0;
            for (i = s; i < e; i++) {
                if (a->inf[i].obj >= 0) {
                    const gw_lo_obj *ob = &a->objs[a->inf[i].obj];
                    if (ob->kind == GW_OBJ_IMAGE || ob->kind == GW_OBJ_SVG)
                        objh = fmax(objh, ob->h);
                } else if (a->inf[i].face) {
                    ms = fmax(ms, a->inf[i].size);
                }
            }
            H = (kk < 1 ? 1 : kk) * pitch_line;
            A = fmax(0.88 * ms, objh);
            D = 0.12 * ms;
        }
        ln->asc = A;
        ln->desc = D;
        ln->base = (H - (A + D)) / 2 + A;
        /* expandable leaders take the free room of a justified line */
        {
            int just = (li + 1 < nl && a->it[e - 1].cp != 0x2028 ? o.align : o.align_last)
                       == GW_LB_JUSTIFY;
            size_t nlead = 0;
            double pos = li == 0 ? o.indent : 0, extra;
            for (i = s; i < e; i++)
                if (a->inf[i].obj >= 0 && a->objs[a->inf[i].obj].expand)
                    nlead++;
            if (nlead && just) {
                for (i = s; i < e; i++)
                    pos += a->it[i].w;
                extra = width - pos;
                pos = li == 0 ? o.indent : 0;
                for (i = s; i < e; i++) {
                    a->it[i].x = pos;
                    if (a->inf[i].obj >= 0 && a->objs[a->inf[i].obj].expand && extra > 0)
                        a->objs[a->inf[i].obj].w = a->it[i].w + extra / (double)nlead;
                    pos += a->inf[i].obj >= 0 && a->objs[a->inf[i].obj].expand
                         ? a->objs[a->inf[i].obj].w : a->it[i].w;
                }
            }
        }
        /* runs */
        for (i = s; i < last; i++)
            if (a->inf[i].obj < 0 && a->inf[i].face && a->it[i].cp != 0x2028
                && (i == s || a->inf[i - 1].obj >= 0 || !a->inf[i - 1].face
                    || !S_same_run(&a->inf[i], &a->inf[i - 1]) || S_squeezed_end(a, i, last)))
                nr++;
        ln->runs = nr ? gw_arena_alloc(lo->arena, nr * sizeof *ln->runs) : NULL;
        for (i = s; i < last;) {
            gw_lo_run *r;
            gw_buf ub;
            size_t j, m;
            if (a->inf[i].obj >= 0 || !a->inf[i].face || a->it[i].cp == 0x2028) {
                i++;
                continue;
            }
            for (j = i + 1; j < last && a->inf[j].obj < 0 && a->inf[j].face
                 && a->it[j].cp != 0x2028 && S_same_run(&a->inf[j], &a->inf[i])
                 && !S_squeezed_end(a, j, last); j++)
                ;
            r = &ln->runs[ln->nruns++];
            r->face = a->inf[i].face;
            r->size = a->inf[i].size;
            r->color = a->inf[i].color;
            r->fake_bold = a->inf[i].fake_bold;
            r->deco = a->inf[i].deco;
            r->hscale = hscale;
            if (a->inf[i].narrow > 0)
                r->hscale = hscale * a->it[i].adv / a->inf[i].narrow;
            if (S_squeezed_end(a, i, last) && gw_lb_no_start(a->it[i].cp)
                && fabs(a->it[i].w - a->it[i].adv / 2) < 0.1 * a->it[i].adv) {
                /* a closing mark (，。、）…) squeezed to half keeps its ink
                 * in the half it is set in: drawn whole, its box halved */
                r->wlast = a->it[i].w;
            } else if (S_squeezed_end(a, i, last)) {
                r->hscale = hscale * a->it[i].w / a->it[i].adv;
                /* an opening mark squeezed from the left keeps its ink at
                 * the pen: draw it from the pen, not half an advance early */
                if (a->it[i].x < 0 || (i > s && a->it[i].x < a->it[i - 1].x + a->it[i - 1].w - 0.1))
                    a->it[i].x = i > s ? a->it[i - 1].x + a->it[i - 1].w : a->it[i].x;
            }
            r->n = j - i;
            r->xs = gw_arena_alloc(lo->arena, r->n * sizeof *r->xs);
            gw_buf_init(&ub);
            for (m = 0; m < r->n; m++) {
                gw_buf_put_cp(&ub, a->it[i + m].cp);
                r->xs[m] = x0 + a->it[i + m].x;
            }
            r->xend = x0 + a->it[j - 1].x + a->it[j - 1].w;
            r->utf8 = gw_arena_strndup(lo->arena, ub.ptr, ub.len);
            r->len = ub.len;
            gw_buf_free(&ub);
            i = j;
        }
        /* objects, and link areas over linked characters */
        for (i = s; i < e; i++)
            if (a->inf[i].link && (i == s || a->inf[i - 1].link != a->inf[i].link))
                no++;
        ln->objs = no ? gw_arena_alloc(lo->arena, no * sizeof *ln->objs) : NULL;
        for (i = s; i < e; i++) {
            if (a->inf[i].obj >= 0) {
                gw_lo_obj *ob = &ln->objs[ln->nobjs++];
                *ob = a->objs[a->inf[i].obj];
                ob->x = x0 + a->it[i].x;
            }
            if (a->inf[i].link && (i == s || a->inf[i - 1].link != a->inf[i].link)) {
                gw_lo_obj *ob = &ln->objs[ln->nobjs++];
                for (k = i; k + 1 < e && a->inf[k + 1].link == a->inf[i].link; k++)
                    ;
                memset(ob, 0, sizeof *ob);
                ob->kind = GW_OBJ_LINK;
                ob->x = x0 + a->it[i].x;
                ob->w = a->it[k].x + a->it[k].w - a->it[i].x;
                ob->str = a->inf[i].link;
            }
        }
        /* ids of inline objects that start on this line */
        while (idk < a->nids && (a->ids[idk].at < e || li + 1 == nl)) {
            ln->ids = ln->ids ? ln->ids : gw_arena_alloc(lo->arena, a->nids * sizeof *ln->ids);
            ln->ids[ln->nids++] = a->ids[idk].id;
            idk++;
        }
        it = S_push(b, c, GW_LI_LINE, H);
        it->ptr = ln;
        it->grid = (unsigned char)grid;
        /* widows and orphans: XSL defaults 2 */
        if (li > 0 && (li < (size_t)p->orphans || nl - li < (size_t)p->widows))
            it->nobreak = 1;
    }
    f->lines_done = 1;
out:
    free(lines);
    a->n = a->nobj = a->nids = 0;
    a->line_start = 1;
    a->prev = 0;
    return rc;
}

/* The nearest block frame at or below depth d (the owner of inline text). */
static S_frame *
S_owner(S_b *b)
{
    int d;
    for (d = b->depth; d >= 0; d--) {
        if (b->st[d].kind == F_BLOCK)
            return &b->st[d];
        if (b->st[d].kind != F_INLINE)
            return NULL;
    }
    return NULL;
}

static int
S_flush_owner(S_b *b)
{
    S_frame *f = S_owner(b);
    if (!f)
        return 0;
    return S_flush(b, f);
}

/* ------------------------------------------------------------ objects */

double
gw_lo_len_attr(const gw_fo_node *n, const char *name, double base, double dflt)
{
    const char *v = gw_fo_attr(n, name);
    double x;
    if (!v || !strcmp(v, "auto") || gw_fo_length(v, n->p->font_size, base, &x) < 0)
        return dflt;
    return x;
}

static int
S_leader(S_b *b, const gw_fo_node *n, double avail, const char *link)
{
    gw_lo_obj o;
    const char *pat = gw_fo_attr(n, "leader-pattern");
    const char *lv;
    double len = 12;
    memset(&o, 0, sizeof o);
    o.kind = GW_OBJ_LEADER;
    o.color = n->p->color;
    lv = gw_fo_attr(n, "leader-length");
    if (!lv)
        lv = gw_fo_attr(n, "leader-length.optimum");
    if (!lv)
        lv = gw_fo_attr(n, "leader-length.minimum");
    if (lv && gw_fo_length(lv, n->p->font_size, avail, &len) < 0)
        return gw_err_set(b->lo->err, GW_EINPUT, "%s:%d: fo:leader: bad leader-length '%s'",
                          b->lo->name, n->line, lv);
    o.w = len;
    /* no leader-length: minimum 0, maximum 100% — it fills justified lines */
    if (!gw_fo_attr(n, "leader-length") && !gw_fo_attr(n, "leader-length.optimum")) {
        o.expand = 1;
        o.w = 0;
    }
    o.h = gw_lo_len_attr(n, "rule-thickness", 0, 1.0);
    {
        const char *rs = gw_fo_attr(n, "rule-style");
        if (rs && !strcmp(rs, "none"))
            o.h = 0;
        else if (rs && strcmp(rs, "solid"))
            gw_warnf("%s:%d: fo:leader: rule-style '%s' is drawn solid",
                     b->lo->name, n->line, rs);
    }
    if (pat && !strcmp(pat, "space"))
        o.h = 0;
    else if (pat && strcmp(pat, "rule"))
        gw_warnf("%s:%d: fo:leader: leader-pattern '%s' is not supported; drawn as space",
                 b->lo->name, n->line, pat);
    if (pat && strcmp(pat, "rule"))
        o.h = 0;
    return S_add_obj(b, n->p, &o, n->line, link);
}

/* Scales an intrinsic size by content-width/-height (and width/height). */
static void
S_graphic_size(const gw_fo_node *n, double avail, double iw, double ih, double *w, double *h)
{
    double cw = gw_lo_len_attr(n, "content-width", iw, -1);
    double ch = gw_lo_len_attr(n, "content-height", ih, -1);
    if (cw < 0)
        cw = gw_lo_len_attr(n, "width", avail, -1);
    if (ch < 0)
        ch = gw_lo_len_attr(n, "height", avail, -1);
    if (cw > 0 && ch < 0 && iw > 0)
        ch = ih * cw / iw;
    else if (ch > 0 && cw < 0 && ih > 0)
        cw = iw * ch / ih;
    *w = cw > 0 ? cw : iw;
    *h = ch > 0 ? ch : ih;
}

/* Intrinsic size in pt of the image file at path, which is decoded and
 * checked whole here (image.h) so that a damaged or oversized file is
 * refused with the FO line that names it; each file is read once per
 * document (lo->images).  libpng's warnings are shown once per file. */
static int
S_hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
           c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The image a src value names, for gw_image_load: url('x.png'), url(x.png)
 * or x.png relative to the FO file; file:///abs/x.png or file:x.png (the
 * same, percent-escapes decoded); a data: URI as it is.  0, or GW_EINPUT
 * (a file: URI on another host, a bad escape) quoting at most 60 bytes. */
static int
S_image_src(gw_lo *lo, const char *src, gw_buf *out)
{
    const char *p;
    size_t k;
    gw_buf_clear(out);
    if (!strncmp(src, "url(", 4)) {
        src += 4;
        if (*src == '\'' || *src == '"')
            src++;
    }
    k = strcspn(src, "'\")");
    if (!strncmp(src, "data:", 5)) {
        gw_buf_put(out, src, k);
        return 0;
    }
    if (!strncmp(src, "file:", 5)) {
        const char *end = src + k;
        p = src + 5;
        if (!strncmp(p, "//", 2)) {
            /* file://host/path: only the local host */
            const char *host = p + 2, *slash = memchr(host, '/', (size_t)(end - host));
            if (!slash || (slash != host && ((size_t)(slash - host) != 9 ||
                                             strncmp(host, "localhost", 9))))
                return gw_err_set(lo->err, GW_EINPUT, "%.60s: a file: URI names this "
                                  "machine (file:///path or file:path)", src);
            p = slash;
        }
        if (*p != '/' && lo->basedir) {
            gw_buf_puts(out, lo->basedir);
            gw_buf_putc(out, '/');
        }
        for (; p < end; p++) {
            int hi, lo4;
            if (*p != '%') {
                gw_buf_putc(out, *p);
                continue;
            }
            hi = p + 2 < end ? S_hexval(p[1]) : -1;
            lo4 = hi >= 0 ? S_hexval(p[2]) : -1;
            if (lo4 < 0 || (hi == 0 && lo4 == 0))
                return gw_err_set(lo->err, GW_EINPUT, "%.60s: a bad %%-escape in the file: "
                                  "URI", src);
            gw_buf_putc(out, hi * 16 + lo4);
            p += 2;
        }
        return 0;
    }
    if (src[0] != '/' && lo->basedir) {
        gw_buf_puts(out, lo->basedir);
        gw_buf_putc(out, '/');
    }
    gw_buf_put(out, src, k);
    return 0;
}

static int
S_image_size(S_b *b, const gw_fo_node *n, const char *path, double *w, double *h)
{
    gw_lo *lo = b->lo;
    gw_image *img = NULL;
    gw_lo_image *e;
    const char *warning;
    int rc, nwarn;

    for (size_t i = 0; i < lo->nimages; i++)
        if (strcmp(lo->images[i].path, path) == 0) {
            *w = lo->images[i].w;
            *h = lo->images[i].h;
            return 0;
        }
    rc = gw_image_load(path, GW_IMAGE_CHECK, &img, lo->err);
    if (rc < 0)
        return gw_err_prefix(lo->err, "%s:%d: fo:external-graphic", lo->name, n->line);
    warning = gw_image_warning(img, &nwarn);
    if (warning)
        gw_warnf("%s:%d: fo:external-graphic: %.60s: libpng: %s%s", lo->name, n->line,
                 path, warning, nwarn > 1 ? " (and more warnings)" : "");
    gw_image_size_pt(img, w, h);
    gw_image_free(img);
    lo->images = gw_lo_mgrow(lo->images, lo->nimages, &lo->imagecap, sizeof *lo->images);
    e = &lo->images[lo->nimages++];
    e->path = gw_xstrdup(path);
    e->w = *w;
    e->h = *h;
    return 0;
}

static int
S_graphic(S_b *b, const gw_fo_node *n, double avail, const char *link)
{
    gw_lo *lo = b->lo;
    gw_lo_obj o;
    double iw = 0, ih = 0;
    int rc;
    memset(&o, 0, sizeof o);
    o.node = n;
    if (n->kind == GW_FO_EXTERNAL_GRAPHIC) {
        const char *src = gw_fo_attr(n, "src");
        gw_buf path;
        if (!src)
            return gw_err_set(lo->err, GW_EINPUT, "%s:%d: fo:external-graphic needs src",
                              lo->name, n->line);
        gw_buf_init(&path);
        rc = S_image_src(lo, src, &path);
        if (rc < 0) {
            gw_buf_free(&path);
            return gw_err_prefix(lo->err, "%s:%d: fo:external-graphic", lo->name,
                                 n->line);
        }
        rc = S_image_size(b, n, path.ptr, &iw, &ih);
        o.kind = GW_OBJ_IMAGE;
        o.str = gw_arena_strdup(lo->arena, path.ptr);
        gw_buf_free(&path);
        if (rc < 0)
            return rc;
    } else {
        gw_xml_node svg = gw_fo_svg(n);
        if (!svg)
            return gw_err_set(lo->err, GW_EINPUT, "%s:%d: fo:instream-foreign-object must "
                              "hold an <svg> element", lo->name, n->line);
        rc = gw_svg_size(svg, &iw, &ih, lo->err);
        if (rc < 0)
            return rc;
        o.kind = GW_OBJ_SVG;
        o.svg = svg;
    }
    S_graphic_size(n, avail, iw, ih, &o.w, &o.h);
    return S_add_obj(b, n->p, &o, n->line, link);
}

/* ------------------------------------------------------------ tables */

static int
S_table_columns(S_b *b, const gw_fo_node *t, double width, S_tbl *tb)
{
    gw_lo *lo = b->lo;
    const gw_fo_node *c, *sec, *row, *cell;
    double fixed = 0, prop = 0, *w = NULL, *pr = NULL;
    int n = 0, cap = 0, i, rc = 0;

    for (c = t->first; c; c = c->next) {
        const char *cw, *rep;
        int r, k;
        if (c->kind != GW_FO_TABLE_COLUMN)
            continue;
        cw = gw_fo_attr(c, "column-width");
        rep = gw_fo_attr(c, "number-columns-repeated");
        r = rep ? atoi(rep) : 1;
        if (r < 1 || r > 1000) {
            rc = gw_err_set(lo->err, GW_EINPUT, "%s:%d: fo:table-column: bad "
                            "number-columns-repeated '%s'", lo->name, c->line, rep);
            goto out;
        }
        for (k = 0; k < r; k++) {
            if (n + 1 > cap) {
                cap = cap ? cap * 2 : 16;
                w = gw_xrealloc(w, (size_t)cap * sizeof *w);
                pr = gw_xrealloc(pr, (size_t)cap * sizeof *pr);
            }
            w[n] = 0;
            pr[n] = 0;
            if (!cw || !strcmp(cw, "auto")) {
                pr[n] = 1;
            } else if (!strncmp(cw, "proportional-column-width(", 26)) {
                pr[n] = atof(cw + 26);
                if (pr[n] <= 0)
                    pr[n] = 1;
            } else if (gw_fo_length(cw, c->p->font_size, width, &w[n]) < 0 || w[n] < 0) {
                rc = gw_err_set(lo->err, GW_EINPUT, "%s:%d: fo:table-column: bad "
                                "column-width '%s'", lo->name, c->line, cw);
                goto out;
            }
            fixed += w[n];
            prop += pr[n];
            n++;
        }
    }
    if (n == 0) {
        /* no fo:table-column: as many equal columns as the first row has */
        for (sec = t->first; sec && !n; sec = sec->next) {
            if (sec->kind != GW_FO_TABLE_BODY && sec->kind != GW_FO_TABLE_HEADER)
                continue;
            for (row = sec->first; row && row->kind != GW_FO_TABLE_ROW; row = row->next)
                ;
            if (!row)
                continue;
            for (cell = row->first; cell; cell = cell->next)
                if (cell->kind == GW_FO_TABLE_CELL) {
                    const char *cs = gw_fo_attr(cell, "number-columns-spanned");
                    n += cs && atoi(cs) > 0 ? atoi(cs) : 1;
                }
        }
        if (n <= 0 || n > 1000) {
            rc = gw_err_set(lo->err, GW_EINPUT, "%s:%d: fo:table: no columns",
                            lo->name, t->line);
            goto out;
        }
        w = gw_xcalloc((size_t)n, sizeof *w);
        pr = gw_xcalloc((size_t)n, sizeof *pr);
        for (i = 0; i < n; i++)
            pr[i] = 1;
        prop = n;
    }
    tb->ncols = n;
    tb->colx = gw_arena_alloc(lo->arena, (size_t)(n + 1) * sizeof *tb->colx);
    tb->span_left = gw_arena_alloc(lo->arena, (size_t)n * sizeof *tb->span_left);
    for (i = 0; i < n; i++) {
        double cwid = w[i];
        if (pr[i] > 0)
            cwid = prop > 0 && width > fixed ? (width - fixed) * pr[i] / prop : 0;
        tb->colx[i + 1] = tb->colx[i] + cwid;
    }
out:
    free(w);
    free(pr);
    return rc;
}

/* A cell's (or list-item part's) box from the FO node n; without a
 * background of its own it shows its row's (or list item's): the row's
 * background is painted behind its cells (XSL 1.1 6.7.9), and the cells
 * cover the row. */
static void
S_cell_props(gw_lo_cell *cl, const gw_fo_node *n)
{
    const gw_fo_props *p = n->p;
    int s;
    for (s = 0; s < 4; s++) {
        cl->pad[s] = p->padding[s];
        cl->bw[s] = p->border_w[s];
        cl->bc[s] = p->border_c[s];
    }
    cl->bg = p->background;
    if (cl->bg.none && n->parent && n->parent->p &&
        (n->parent->kind == GW_FO_TABLE_ROW || n->parent->kind == GW_FO_LIST_ITEM))
        cl->bg = n->parent->p->background;
    cl->valign = p->display_align;
}

static double
S_vl_height(const gw_lo_vlist *vl)
{
    double h = 0;
    size_t i;
    for (i = 0; i < vl->n; i++)
        h += vl->v[i].h;
    return h;
}

static double
S_cell_total(const gw_lo_cell *cl)
{
    return cl->content_h + cl->pad[GW_FO_TOP] + cl->pad[GW_FO_BOTTOM]
         + cl->bw[GW_FO_TOP] + cl->bw[GW_FO_BOTTOM];
}

/* All rows are read: heights (spanning cells stretch the last row they
 * cover), then one item per row. */
static void
S_table_finish(S_b *b, S_tbl *tb)
{
    gw_lo *lo = b->lo;
    S_ctx *c = tb->ctx;
    size_t r, i, k, nh = 0, nflow = 0, start;
    int sec, body_seen = 0;
    S_vstate saved = *c->vs;
    gw_lo_row **rows = gw_arena_alloc(lo->arena, (tb->nrows + 1) * sizeof *rows);
    int *nobreak = gw_arena_alloc(lo->arena, (tb->nrows + 1) * sizeof *nobreak);

    for (r = 0; r < tb->nrows; r++) {
        S_rowb *rb = tb->rows[r];
        gw_lo_row *row = gw_arena_alloc(lo->arena, sizeof *row);
        row->table = tb->lt;
        row->cells = gw_arena_alloc(lo->arena, (rb->ncells + 1) * sizeof *row->cells);
        if (rb->ncells)
            memcpy(row->cells, rb->cells, rb->ncells * sizeof *row->cells);
        row->ncells = rb->ncells;
        row->header = rb->section == 0;
        row->keep = rb->node->p->keep_together;
        row->h = rb->min_h;
        for (i = 0; i < rb->ncells; i++)
            if (rb->cells[i]->rowspan <= 1)
                row->h = fmax(row->h, S_cell_total(rb->cells[i]));
        rows[r] = row;
    }
    for (r = 0; r < tb->nrows; r++) {
        S_rowb *rb = tb->rows[r];
        for (i = 0; i < rb->ncells; i++) {
            gw_lo_cell *cl = rb->cells[i];
            size_t span = (size_t)cl->rowspan, end;
            double sum = 0;
            if (span <= 1)
                continue;
            end = r + span > tb->nrows ? tb->nrows : r + span;
            cl->rowspan = (int)(end - r);
            for (k = r; k < end; k++) {
                sum += rows[k]->h;
                rows[k]->spans = 1;
                if (k > r)
                    nobreak[k] = 1;
            }
            if (S_cell_total(cl) > sum)
                rows[end - 1]->h += S_cell_total(cl) - sum;
        }
    }
    /* header rows first, then body, then footer (rows were read in
     * document order; the footer element precedes the body in FO) */
    start = c->vs->vl->n;
    for (sec = 0; sec < 3; sec++) {
        for (r = 0; r < tb->nrows; r++) {
            gw_lo_item *it;
            const gw_fo_props *rp = tb->rows[r]->node->p;
            if (tb->rows[r]->section != sec)
                continue;
            /* break-before/-after on a body row: a page (or column) break
             * between rows; the header repeats on the new page */
            if (sec == 1 && body_seen && !nobreak[r])
                S_break(b, c, rp->break_before);
            it = S_push(b, c, GW_LI_ROW, rows[r]->h);
            it->ptr = rows[r];
            /* headers stay with the first body row; footers with the last */
            if (nobreak[r] || (sec == 0 && nh > 0) || (sec == 1 && nflow > 0 && !body_seen)
                || sec == 2)
                it->nobreak = 1;
            if (sec == 1)
                body_seen = 1;
            if (tb->node->p->keep_together && it != &c->vs->vl->v[0])
                it->nobreak = 1;
            if (tb->rows[r]->node->p->keep_with_previous)
                it->nobreak = 1;
            if (tb->rows[r]->node->p->keep_with_next)
                c->vs->keep_pending = 1;
            if (sec == 0)
                nh++;
            if (sec == 1 && r + 1 < tb->nrows && !nobreak[r + 1])
                S_break(b, c, rp->break_after);
        }
        if (sec > 0)
            continue;
        /* the header rows, for repeating after page breaks */
        if (nh) {
            gw_lo_vlist *vl = c->vs->vl;
            tb->lt->header = gw_arena_alloc(lo->arena, nh * sizeof *tb->lt->header);
            memcpy(tb->lt->header, &vl->v[start], nh * sizeof *tb->lt->header);
            tb->lt->nheader = nh;
            for (i = 0; i < nh; i++)
                tb->lt->header[i].nobreak = 1;
        }
        /* a table that goes on from the piece before: its rows follow that
         * piece's as if in one table, the header only at page tops */
        if (tb->cont) {
            c->vs->vl->n = start;
            *c->vs = saved;
        } else {
            nflow = nh;
        }
    }
    for (r = 0; r < tb->nrows; r++) {
        free(tb->rows[r]->cells);
        free(tb->rows[r]);
    }
    free(tb->rows);
    tb->rows = NULL;
}

/* ------------------------------------------------------------ the walk */

static int
S_err_here(S_b *b, const gw_fo_node *n, const char *what)
{
    const gw_fo_node *par = n->parent;
    return gw_err_set(b->lo->err, GW_EINPUT, "%s:%d: %s is not allowed %s%s",
                      b->lo->name, n->line, gw_fo_kind_name(n->kind), what,
                      par ? gw_fo_kind_name(par->kind) : "");
}

/* The width of a block-container or table n in context c: its width or
 * inline-progression-dimension, else what its indents leave. */
static double
S_box_width(const S_ctx *c, const gw_fo_node *n)
{
    double w = gw_lo_len_attr(n, "width", c->w, -1);
    if (w < 0)
        w = gw_lo_len_attr(n, "inline-progression-dimension", c->w, -1);
    if (w < 0)
        w = c->w - S_si(c, n->p) - S_ei(c, n->p);
    return w;
}

/* Before a block-container, table or list-block n in context c: ends the
 * text of the open block, and refuses nesting deeper than GW_LO_MAX_NEST.
 * 0, or a negative GW_E* with b->lo->err set. */
static int
S_open_nested(S_b *b, const S_ctx *c, const gw_fo_node *n)
{
    gw_lo *lo = b->lo;
    int rc = S_flush_owner(b);
    if (rc < 0)
        return rc;
    if (c->nest + 1 > GW_LO_MAX_NEST)
        return gw_err_set(lo->err, GW_EINPUT, "%s:%d: tables, lists and block-"
                          "containers nested deeper than %d", lo->name, n->line,
                          GW_LO_MAX_NEST);
    return 0;
}

static S_frame *
S_push_frame(S_b *b, int kind, const gw_fo_node *n, S_ctx *ctx)
{
    S_frame *f;
    b->depth++;
    f = &b->st[b->depth];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->node = n;
    f->child = n->first;
    f->ctx = ctx;
    f->link = b->st[b->depth - 1].link;
    return f;
}

/* Adds cell cl (a table cell, list-item-label or -body n in context c) to
 * row rb and opens the frame its content is built in: a context inside the
 * cell's borders and padding, at least 1 pt wide, one nesting level down. */
static void
S_open_cell(S_b *b, const S_ctx *c, const gw_fo_node *n, S_rowb *rb, gw_lo_cell *cl)
{
    S_ctx *nc;
    S_frame *g;
    rb->cells = S_grow(rb->cells, &rb->cap, rb->ncells + 1, sizeof *rb->cells);
    rb->cells[rb->ncells++] = cl;
    nc = S_newctx(b->lo, NULL, &cl->vl);
    nc->xoff = cl->x + cl->bw[GW_FO_LEFT] + cl->pad[GW_FO_LEFT];
    nc->w = fmax(1, cl->w - cl->bw[GW_FO_LEFT] - cl->pad[GW_FO_LEFT]
                 - cl->bw[GW_FO_RIGHT] - cl->pad[GW_FO_RIGHT]);
    nc->nest = c->nest + 1;
    nc->in_cell = 1;
    g = S_push_frame(b, F_CELL, n, nc);
    g->cell = cl;
}

/* Opens a block-like area: break, space, anchor, box top. */
static void
S_block_open(S_b *b, S_ctx *c, const gw_fo_node *n, S_frame *f, double x0, double x1)
{
    const gw_fo_props *p = n->p;
    int s, deco = !p->background.none;
    if (p->keep_with_previous)
        S_keep_previous(c);
    S_break(b, c, p->break_before);
    S_glue(b, c, p, p->space_before, p->sb_retain);
    /* the anchor takes the break before the block; what follows is kept */
    S_anchor(b, c, n->id);
    if (p->keep_together)
        c->vs->keep_depth++;
    for (s = 0; s < 4; s++)
        if (p->border_w[s] > 0 || p->padding[s] > 0)
            deco = 1;
    if (deco) {
        gw_lo_box *bx = gw_arena_alloc(b->lo->arena, sizeof *bx);
        gw_lo_item *it;
        bx->x0 = x0 - p->padding[GW_FO_LEFT] - p->border_w[GW_FO_LEFT];
        bx->x1 = x1 + p->padding[GW_FO_RIGHT] + p->border_w[GW_FO_RIGHT];
        for (s = 0; s < 4; s++) {
            bx->bw[s] = p->border_w[s];
            bx->bc[s] = p->border_c[s];
        }
        bx->bg = p->background;
        it = S_push(b, c, GW_LI_BOX_START, p->border_w[GW_FO_TOP] + p->padding[GW_FO_TOP]);
        it->ptr = bx;
        c->vs->nobreak_next = 1;
        f->box = bx;
    }
}

static void
S_block_close(S_b *b, S_ctx *c, const gw_fo_node *n, S_frame *f)
{
    const gw_fo_props *p = n->p;
    if (f->box) {
        gw_lo_item *it = S_push(b, c, GW_LI_BOX_END,
                                p->border_w[GW_FO_BOTTOM] + p->padding[GW_FO_BOTTOM]);
        it->ptr = f->box;
        it->nobreak = 1;
    }
    if (p->keep_together && c->vs->keep_depth > 0)
        c->vs->keep_depth--;
    S_break(b, c, p->break_after);
    S_glue(b, c, p, p->space_after, p->sa_retain);
    if (p->keep_with_next)
        c->vs->keep_pending = 1;
}

static int
S_is_inline(gw_fo_kind k)
{
    switch (k) {
    case GW_FO_TEXT: case GW_FO_INLINE: case GW_FO_WRAPPER: case GW_FO_CHARACTER:
    case GW_FO_PAGE_NUMBER: case GW_FO_PAGE_NUMBER_CITATION: case GW_FO_LEADER:
    case GW_FO_BASIC_LINK: case GW_FO_EXTERNAL_GRAPHIC:
    case GW_FO_INSTREAM_FOREIGN_OBJECT:
        return 1;
    default:
        return 0;
    }
}

/* Enters node n (child of frame f). */
static int
S_enter(S_b *b, S_frame *f, const gw_fo_node *n)
{
    gw_lo *lo = b->lo;
    S_ctx *c = f->ctx;
    const gw_fo_props *p = n->p;
    S_frame *g;
    int rc = 0;

    if (S_is_inline(n->kind)) {
        S_frame *own = S_owner(b);
        double avail;
        if (!own) {
            if (n->kind == GW_FO_WRAPPER) {
                S_push_frame(b, F_INLINE, n, c);
                return 0;
            }
            if (n->kind == GW_FO_TEXT) {
                size_t k;
                for (k = 0; k < n->len; k++)
                    if (!strchr(" \t\r\n", n->text[k]))
                        return gw_err_set(lo->err, GW_EINPUT, "%s:%d: text outside any "
                                          "fo:block (in %s)", lo->name, n->line,
                                          gw_fo_kind_name(n->parent->kind));
                return 0;
            }
            return S_err_here(b, n, "directly in ");
        }
        avail = own->ctx->w - S_si(own->ctx, own->node->p) - S_ei(own->ctx, own->node->p);
        switch (n->kind) {
        case GW_FO_TEXT:
            return S_add_text(b, p, n->text, n->len, n->line, f->link);
        case GW_FO_INLINE: case GW_FO_WRAPPER: case GW_FO_BASIC_LINK:
            S_acc_id(b, n->id);
            if (!lo->inline_deco_warned && (!p->background.none || p->border_w[0] > 0
                || p->border_w[1] > 0 || p->border_w[2] > 0 || p->border_w[3] > 0)) {
                lo->inline_deco_warned = 1;
                gw_warnf("%s:%d: %s: borders and backgrounds of inline areas are not "
                         "drawn", lo->name, n->line, gw_fo_kind_name(n->kind));
            }
            g = S_push_frame(b, F_INLINE, n, c);
            if (n->kind == GW_FO_BASIC_LINK) {
                const char *d = gw_fo_attr(n, "internal-destination");
                if (d)
                    g->link = d;
                else if (gw_fo_attr(n, "external-destination"))
                    gw_warnf("%s:%d: fo:basic-link: external-destination is not "
                             "supported; the text is set without a link",
                             lo->name, n->line);
            }
            return 0;
        case GW_FO_CHARACTER: {
            const char *ch = gw_fo_attr(n, "character");
            S_acc_id(b, n->id);
            return ch ? S_add_text(b, p, ch, strlen(ch), n->line, f->link) : 0;
        }
        case GW_FO_PAGE_NUMBER:
            S_acc_id(b, n->id);
            if (b->pagenum)
                return S_add_text(b, p, b->pagenum, strlen(b->pagenum), n->line, f->link);
            {
                size_t k;
                for (k = 0; k < lo->npn; k++)
                    if (lo->pn[k].node == n && lo->pn[k].page < lo->npagenum) {
                        const char *num = lo->pagenum_str[lo->pn[k].page];
                        return S_add_text(b, p, num, strlen(num), n->line, f->link);
                    }
            }
            lo->need_pass2 = 1;
            {
                gw_lo_obj o;
                const gw_fontlist *fl = S_fontlist(b, p);
                gw_face *fc;
                if (!fl)
                    return GW_EDEP;
                fc = gw_fontlist_face_for(fl, '0');
                memset(&o, 0, sizeof o);
                o.kind = GW_OBJ_PAGENUM;
                o.node = n;
                o.fl = fl;
                o.color = p->color;
                o.w = fc ? 2 * gw_face_advance(fc, '0', p->font_size) : p->font_size;
                return S_add_obj(b, p, &o, n->line, f->link);
            }
        case GW_FO_PAGE_NUMBER_CITATION: {
            const char *ref = gw_fo_attr(n, "ref-id");
            size_t pg;
            double y;
            const char *num = "00";
            if (!ref)
                return gw_err_set(lo->err, GW_EINPUT, "%s:%d: fo:page-number-citation "
                                  "needs ref-id", lo->name, n->line);
            if (gw_lo_id_lookup(lo, ref, &pg, &y) == 0 && pg < lo->npagenum)
                num = lo->pagenum_str[pg];
            S_acc_id(b, n->id);
            return S_add_text(b, p, num, strlen(num), n->line, f->link);
        }
        case GW_FO_LEADER:
            S_acc_id(b, n->id);
            return S_leader(b, n, avail, f->link);
        default:
            S_acc_id(b, n->id);
            return S_graphic(b, n, avail, f->link);
        }
    }

    switch (n->kind) {
    case GW_FO_BLOCK:
        rc = S_flush_owner(b);
        if (rc < 0)
            return rc;
        g = S_push_frame(b, F_BLOCK, n, c);
        S_block_open(b, c, n, g, c->xoff + S_si(c, p), c->xoff + c->w - S_ei(c, p));
        b->acc.line_start = 1;
        return 0;
    case GW_FO_BLOCK_CONTAINER: {
        double w, x0;
        S_ctx *nc;
        rc = S_open_nested(b, c, n);
        if (rc < 0)
            return rc;
        if (p->position != GW_FO_POS_STATIC) {
            gw_lo_abs *ab = gw_arena_alloc(lo->arena, sizeof *ab);
            ab->fixed = p->position == GW_FO_POS_FIXED;
            ab->x = gw_lo_len_attr(n, "left", c->w, 0);
            ab->y = gw_lo_len_attr(n, "top", 0, 0);
            ab->w = gw_lo_len_attr(n, "width", c->w, -1);
            if (ab->w < 0)
                ab->w = gw_lo_len_attr(n, "inline-progression-dimension", c->w, -1);
            if (ab->w < 0)
                ab->w = c->w - ab->x - gw_lo_len_attr(n, "right", c->w, 0);
            ab->h = gw_lo_len_attr(n, "height", 0, -1);
            if (ab->h < 0)
                ab->h = gw_lo_len_attr(n, "block-progression-dimension", 0, -1);
            ab->valign = p->display_align;
            nc = S_newctx(lo, NULL, &ab->vl);
            nc->xoff = 0;
            nc->w = ab->w;
            nc->nest = c->nest + 1;
            g = S_push_frame(b, F_ABS, n, nc);
            g->abs = ab;
            return 0;
        }
        x0 = c->xoff + S_si(c, p);
        w = S_box_width(c, n);
        if (gw_lo_len_attr(n, "height", 0, -1) > 0
            || gw_lo_len_attr(n, "block-progression-dimension", 0, -1) > 0) {
            /* a fixed height: one unbreakable area, content aligned inside */
            gw_lo_abs *ab = gw_arena_alloc(lo->arena, sizeof *ab);
            ab->inflow = 1;
            ab->x = x0;
            ab->w = w;
            ab->h = gw_lo_len_attr(n, "height", 0, -1);
            if (ab->h <= 0)
                ab->h = gw_lo_len_attr(n, "block-progression-dimension", 0, -1);
            ab->valign = p->display_align;
            if (p->keep_with_previous)
                S_keep_previous(c);
            S_break(b, c, p->break_before);
            S_glue(b, c, p, p->space_before, p->sb_retain);
            S_anchor(b, c, n->id);
            nc = S_newctx(lo, NULL, &ab->vl);
            nc->xoff = 0;
            nc->w = w;
            nc->nest = c->nest + 1;
            g = S_push_frame(b, F_ABS, n, nc);
            g->abs = ab;
            return 0;
        }
        nc = S_newctx(lo, c, NULL);
        nc->xoff = x0;
        nc->w = w;
        nc->nest = c->nest + 1;
        g = S_push_frame(b, F_BCONT, n, nc);
        S_block_open(b, c, n, g, x0, x0 + w);
        return 0;
    }
    case GW_FO_TABLE: {
        S_tbl *tb;
        double w, x0;
        rc = S_open_nested(b, c, n);
        if (rc < 0)
            return rc;
        tb = gw_arena_alloc(lo->arena, sizeof *tb);
        tb->node = n;
        {
            const char *cv = gw_fo_gw_attr(n, "continue");
            tb->cont = cv && !strcmp(cv, "true");
            /* it goes on with the table that ended the piece before: the
             * first thing in its flow (a header without its table would
             * be silently lost) */
            if (tb->cont && !(b->carried_table && b->nbegun == (size_t)b->depth))
                return gw_err_set(lo->err, GW_EINPUT, "%s:%d: fo:table: gw:continue=\"true\", "
                                  "but no table ends the flow before it to go on with (a "
                                  "continued table comes first in its piece's flow)",
                                  lo->name, n->line);
        }
        tb->lt = gw_arena_alloc(lo->arena, sizeof *tb->lt);
        {
            const char *om = gw_fo_attr(n, "table-omit-header-at-break");
            tb->lt->omit_header = om && !strcmp(om, "true");
        }
        x0 = c->xoff + S_si(c, p);
        w = S_box_width(c, n);
        rc = S_table_columns(b, n, w, tb);
        if (rc < 0)
            return rc;
        for (int i = 0; i <= tb->ncols; i++)
            tb->colx[i] += x0;
        tb->ctx = c;
        g = S_push_frame(b, F_TABLE, n, c);
        g->tb = tb;
        S_block_open(b, c, n, g, x0, x0 + w);
        return 0;
    }
    case GW_FO_LIST_BLOCK:
        rc = S_open_nested(b, c, n);
        if (rc < 0)
            return rc;
        g = S_push_frame(b, F_LIST, n, c);
        g->lx = c->xoff + S_si(c, p);
        g->lw = c->w - S_si(c, p) - S_ei(c, p);
        g->ldist = gw_lo_len_attr(n, "provisional-distance-between-starts", g->lw, 24);
        g->lsep = gw_lo_len_attr(n, "provisional-label-separation", g->lw, 6);
        if (g->ldist > g->lw)
            g->ldist = g->lw;
        S_block_open(b, c, n, g, g->lx, g->lx + g->lw);
        return 0;
    case GW_FO_LIST_ITEM: {
        S_rowb *rb;
        if (f->kind != F_LIST)
            return S_err_here(b, n, "in ");
        rb = gw_xcalloc(1, sizeof *rb);
        rb->node = n;
        rb->section = 1;
        g = S_push_frame(b, F_LITEM, n, c);
        g->rb = rb;
        g->lx = f->lx;
        g->lw = f->lw;
        g->ldist = f->ldist;
        g->lsep = f->lsep;
        return 0;
    }
    case GW_FO_LIST_ITEM_LABEL: case GW_FO_LIST_ITEM_BODY: {
        /* label from the start edge to label-end(), body from body-start()
         * to the end edge: two areas side by side, like table cells */
        gw_lo_cell *cl;
        S_rowb *rb;
        if (f->kind != F_LITEM)
            return S_err_here(b, n, "in ");
        rb = f->rb;     /* only an F_LITEM frame has one */
        cl = gw_arena_alloc(lo->arena, sizeof *cl);
        S_cell_props(cl, n);
        cl->rowspan = 1;
        if (n->kind == GW_FO_LIST_ITEM_LABEL) {
            cl->x = f->lx;
            cl->w = fmax(1, f->ldist - f->lsep);
        } else {
            cl->x = f->lx + f->ldist;
            cl->w = fmax(1, f->lw - f->ldist);
        }
        S_open_cell(b, c, n, rb, cl);
        return 0;
    }
    case GW_FO_TABLE_HEADER: case GW_FO_TABLE_BODY: case GW_FO_TABLE_FOOTER:
        if (f->kind != F_TABLE)
            return S_err_here(b, n, "in ");
        g = S_push_frame(b, F_TSECT, n, c);
        g->tb = f->tb;
        f->tb->section = n->kind == GW_FO_TABLE_HEADER ? 0 : n->kind == GW_FO_TABLE_BODY ? 1 : 2;
        return 0;
    case GW_FO_TABLE_COLUMN:
        if (f->kind != F_TABLE)
            return S_err_here(b, n, "in ");
        return 0;
    case GW_FO_TABLE_ROW: {
        S_rowb *rb;
        int i;
        if (f->kind != F_TSECT)
            return S_err_here(b, n, "in ");
        rb = gw_xcalloc(1, sizeof *rb);
        rb->node = n;
        rb->section = f->tb->section;
        rb->min_h = fmax(gw_lo_len_attr(n, "height", 0, 0),
                         gw_lo_len_attr(n, "block-progression-dimension", 0, 0));
        for (i = 0; i < f->tb->ncols; i++)
            if (f->tb->span_left[i] > 0)
                f->tb->span_left[i]--;
        g = S_push_frame(b, F_ROW, n, c);
        g->tb = f->tb;
        g->rb = rb;
        return 0;
    }
    case GW_FO_TABLE_CELL: {
        S_tbl *tb;
        S_rowb *rb;
        gw_lo_cell *cl;
        const char *v;
        int col, cs = 1, rs = 1, i;
        /* Only an F_ROW frame has a row builder (f->rb) and a table (f->tb):
         * check the parent before reading either (a cell in fo:flow, where
         * both are NULL, crashed here). */
        if (f->kind != F_ROW)
            return S_err_here(b, n, "(cells must be inside fo:table-row) in ");
        tb = f->tb;
        rb = f->rb;
        col = rb->next_col;
        if ((v = gw_fo_attr(n, "column-number")) && atoi(v) >= 1)
            col = atoi(v) - 1;
        while (col < tb->ncols && tb->span_left[col] > 0)
            col++;
        if ((v = gw_fo_attr(n, "number-columns-spanned")) && atoi(v) >= 1)
            cs = atoi(v);
        if ((v = gw_fo_attr(n, "number-rows-spanned")) && atoi(v) >= 1)
            rs = atoi(v);
        if (col + cs > tb->ncols)
            return gw_err_set(lo->err, GW_EINPUT, "%s:%d: fo:table-cell: the row has more "
                              "cells than the table's %d columns", lo->name, n->line,
                              tb->ncols);
        cl = gw_arena_alloc(lo->arena, sizeof *cl);
        S_cell_props(cl, n);
        cl->x = tb->colx[col];
        cl->w = tb->colx[col + cs] - tb->colx[col];
        cl->rowspan = rs;
        for (i = col; i < col + cs; i++)
            tb->span_left[i] = rs;  /* decremented as the next rows start */
        rb->next_col = col + cs;
        S_open_cell(b, c, n, rb, cl);
        return 0;
    }
    default:
        return S_err_here(b, n, "in ");
    }
}

/* Leaves frame f (top of the stack). */
static int
S_leave(S_b *b, S_frame *f)
{
    S_frame *up = &b->st[b->depth - 1];
    int rc = 0;
    switch (f->kind) {
    case F_BLOCK:
        rc = S_flush(b, f);
        if (rc < 0)
            return rc;
        S_block_close(b, f->ctx, f->node, f);
        /* text after a nested block is a new line sequence of the parent */
        b->acc.line_start = 1;
        if (up->kind == F_BLOCK || up->kind == F_INLINE) {
            S_frame *own = NULL;
            int d;
            for (d = b->depth - 1; d >= 0; d--)
                if (b->st[d].kind == F_BLOCK) {
                    own = &b->st[d];
                    break;
                }
            if (own)
                own->lines_done = 1;
        }
        break;
    case F_BCONT:
        S_block_close(b, up->ctx, f->node, f);
        break;
    case F_ABS: {
        gw_lo_item *it;
        f->abs->content_h = S_vl_height(&f->abs->vl);
        if (f->abs->inflow) {
            const gw_fo_props *p = f->node->p;
            S_ctx *c = up->ctx;
            it = S_push(b, c, GW_LI_ABS, f->abs->h);
            it->ptr = f->abs;
            S_break(b, c, p->break_after);
            S_glue(b, c, p, p->space_after, p->sa_retain);
            if (p->keep_with_next)
                c->vs->keep_pending = 1;
            break;
        }
        it = gw_lo_push(b->lo, up->ctx->vs->vl, GW_LI_ABS, 0);
        it->ptr = f->abs;
        break;
    }
    case F_CELL:
        f->cell->content_h = S_vl_height(&f->cell->vl);
        break;
    case F_ROW: {
        S_tbl *tb = f->tb;
        tb->rows = S_grow(tb->rows, &tb->cap, tb->nrows + 1, sizeof *tb->rows);
        tb->rows[tb->nrows++] = f->rb;
        break;
    }
    case F_TABLE:
        S_table_finish(b, f->tb);
        S_block_close(b, f->ctx, f->node, f);
        b->table_end = 1;
        break;
    case F_LIST:
        S_block_close(b, f->ctx, f->node, f);
        break;
    case F_LITEM: {
        /* one row item: splittable between lines of label and body */
        gw_lo *lo = b->lo;
        S_rowb *rb = f->rb;
        const gw_fo_props *p = f->node->p;
        S_ctx *c = f->ctx;
        gw_lo_row *row = gw_arena_alloc(lo->arena, sizeof *row);
        gw_lo_item *it;
        size_t i;
        if (!b->list_table)
            b->list_table = gw_arena_alloc(lo->arena, sizeof *b->list_table);
        row->table = b->list_table;
        row->cells = gw_arena_alloc(lo->arena, (rb->ncells + 1) * sizeof *row->cells);
        for (i = 0; i < rb->ncells; i++) {
            row->cells[i] = rb->cells[i];
            row->h = fmax(row->h, S_cell_total(rb->cells[i]));
        }
        row->ncells = rb->ncells;
        row->keep = p->keep_together;
        if (p->keep_with_previous)
            S_keep_previous(c);
        S_break(b, c, p->break_before);
        S_glue(b, c, p, p->space_before, p->sb_retain);
        S_anchor(b, c, f->node->id);
        it = S_push(b, c, GW_LI_ROW, row->h);
        it->ptr = row;
        S_break(b, c, p->break_after);
        S_glue(b, c, p, p->space_after, p->sa_retain);
        if (p->keep_with_next)
            c->vs->keep_pending = 1;
        free(rb->cells);
        free(rb);
        break;
    }
    default:
        break;
    }
    return rc;
}

int
gw_lo_build(gw_lo *lo, const gw_fo_node *parent, double w, const gw_lo_grid *grid,
            const char *pagenum, gw_lo_carry *carry, gw_lo_vlist *out)
{
    S_b b;
    S_ctx *c;
    int rc = 0;

    memset(&b, 0, sizeof b);
    b.lo = lo;
    b.pagenum = pagenum;
    b.acc.line_start = 1;
    b.st = gw_xcalloc(GW_FO_MAX_DEPTH + 2, sizeof *b.st);
    c = S_newctx(lo, NULL, out);
    c->xoff = 0;
    c->w = w;
    if (grid)
        c->grid = *grid;
    if (carry) {
        c->vs->keep_pending = carry->keep_pending;
        c->vs->nobreak_next = carry->nobreak_next;
        b.carried_table = b.table_end = carry->table_end;
    }
    b.st[0].kind = F_ROOT;
    b.st[0].node = parent;
    b.st[0].child = parent->first;
    b.st[0].ctx = c;
    while (b.depth >= 0) {
        S_frame *f = &b.st[b.depth];
        const gw_fo_node *n = f->child;
        if (!n) {
            if (b.depth == 0)
                break;
            rc = S_leave(&b, f);
            if (rc < 0)
                goto out;
            b.depth--;
            continue;
        }
        f->child = n->next;
        rc = S_enter(&b, f, n);
        if (n->kind != GW_FO_TEXT) {
            /* a table, then anything else: nothing to go on with */
            b.table_end = 0;
            b.nbegun++;
        }
        if (rc < 0)
            goto out;
    }
    if (carry) {
        carry->keep_pending = c->vs->keep_pending;
        carry->nobreak_next = c->vs->nobreak_next;
        carry->table_end = b.table_end;
    }
out:
    /* on an error, rows being built are still owned by their frames */
    for (; rc < 0 && b.depth >= 0; b.depth--) {
        S_frame *f = &b.st[b.depth];
        if ((f->kind == F_ROW || f->kind == F_LITEM) && f->rb) {
            free(f->rb->cells);
            free(f->rb);
        } else if (f->kind == F_TABLE && f->tb) {
            size_t r;
            for (r = 0; r < f->tb->nrows; r++) {
                free(f->tb->rows[r]->cells);
                free(f->tb->rows[r]);
            }
            free(f->tb->rows);
        }
    }
    free(b.st);
    free(b.acc.it);
    free(b.acc.inf);
    free(b.acc.objs);
    free(b.acc.ids);
    return rc;
}
