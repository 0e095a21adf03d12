/* paginate.c — page masters, pagination and drawing (see layout-imp.h).
 *
 * Per page-sequence: the flow is built into a vertical list for the
 * region-body width of the first page's master (in pieces, when it comes
 * in pieces: gw:continue); pages are filled greedily as the list grows, and when an item does not fit the page ends at the last legal
 * break (an item without `nobreak`: keeps, widows/orphans and box edges
 * forbid the others).  A table row that does not fit is split between
 * lines of its cells; a page that continues a table starts with its header
 * rows again.  Static content is built per page (it holds the page number).
 * Pages, then ids, are recorded first; a document with page-number
 * citations is laid out twice so forward references know their pages.
 * A document in pieces (gw_lo_stream) is laid out once: each page is drawn
 * and handed over when nothing to come can change it, and each piece is
 * let go when all it made is on pages handed over (S_flush). */
#include "layout-imp.h"
#include "svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define S_EPS 0.01

typedef struct S_region {
    int         present;
    const char *name;
    double      x, y, w, h;
    int         valign;
    int         rot;            /* reference-orientation: 0, 90, 180, 270 */
} S_region;

typedef struct S_master {
    const gw_fo_node *node;
    double      pw, ph;
    S_region    body, side[4];      /* GW_FO_TOP = before, ... */
    gw_lo_grid  grid;
} S_master;

typedef struct S_pagerec {
    const S_master   *m;
    const gw_fo_node *seq;
    int               number;
    int               blank;
    gw_lo_vlist       body;
} S_pagerec;

/* Where the flow stands between pages. */
typedef struct S_flowpos {
    size_t            pos;
    const gw_lo_item *pending;      /* the rest of a split row */
    int               parity;       /* a break-before odd/even-page seen */
} S_flowpos;

/* The page-sequence being filled.  Its flow comes in one piece or several
 * (gw:continue); pages are made while what follows them is known, so that
 * a page ends where it would in one document: a page that runs out of
 * items is left for the next piece. */
typedef struct S_run {
    int               open;
    const gw_fo_node *seq;          /* its (newest piece's) fo:page-sequence */
    size_t            start;        /* its first page's index */
    int               idx;          /* the next page's index in the sequence */
    double            width;        /* the flow is set for the first page's */
    gw_lo_grid        grid;
    int               warned;
    S_flowpos         fp;           /* where the flow stands */
    S_flowpos         ls;           /* where its last page began */
    gw_lo_vlist       vl;           /* the flow from item `base` on */
    size_t            base;
    gw_lo_carry       carry;        /* keeps across the seam of two pieces */
    const gw_fo_node *prev;         /* the sequence before it */
    size_t            prev_start;
} S_run;

/* A piece of a document laid out in pieces: its FO and its arena, let go
 * when every item it made is on a page handed over. */
typedef struct S_piece {
    gw_fo_tree *tree;               /* NULL: the layout's own (lo->tree) */
    gw_arena   *arena;
    size_t      end;                /* items fed up to its end */
    int         freed;
} S_piece;

typedef struct gw_lo_pages {
    gw_lo      *lo;
    S_run       run;
    size_t      fed;                /* flow items made, all sequences */
    /* in pieces (gw_lo_stream): pages are handed to put as they are done */
    gw_lo_put_fn put;
    void       *put_ctx;
    gw_doc     *scratch;
    size_t      drawn;
    S_piece    *pieces;
    size_t      npieces;
    const gw_fo_node *lms;          /* layout-master-set */
    S_master  **masters;            /* parsed simple-page-masters */
    size_t      nmasters;
    S_pagerec  *pages;
    size_t      npages, cap;
    int         next_number;
} S_doc;        /* lo->pages: from gw_lo_paginate until gw_lo_free */

/* ------------------------------------------------------------ masters */

static int
S_err(gw_lo *lo, const gw_fo_node *n, const char *msg, const char *arg)
{
    return gw_err_set(lo->err, GW_EINPUT, "%s:%d: %s: %s%s%s%s", lo->name,
                      n ? n->line : 0, n ? gw_fo_kind_name(n->kind) : "fo", msg,
                      arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
}

static int
S_parse_master(S_doc *d, const gw_fo_node *spm, S_master **out)
{
    gw_lo *lo = d->lo;
    S_master *m = gw_arena_alloc(lo->arena, sizeof *m);
    const gw_fo_node *r;
    const char *ro = gw_fo_attr(spm, "reference-orientation");
    double cx, cy, cw, ch;
    const double *mg = spm->p->margin;

    m->node = spm;
    m->pw = gw_lo_len_attr(spm, "page-width", 0, 595.276);
    m->ph = gw_lo_len_attr(spm, "page-height", 0, 841.89);
    if (m->pw <= 0 || m->ph <= 0 || m->pw > 14400 || m->ph > 14400)
        return S_err(lo, spm, "page size out of range", NULL);
    /* reference-orientation 90: a landscape page with upright content
     * (docs/fo-subset.md) */
    if (ro && (!strcmp(ro, "90") || !strcmp(ro, "-90") || !strcmp(ro, "270")
               || !strcmp(ro, "-270")) && m->pw < m->ph) {
        double t = m->pw;
        m->pw = m->ph;
        m->ph = t;
    } else if (ro && strcmp(ro, "0") && strcmp(ro, "180") && strcmp(ro, "-180")
               && strcmp(ro, "90") && strcmp(ro, "-90") && strcmp(ro, "270")
               && strcmp(ro, "-270")) {
        return S_err(lo, spm, "bad reference-orientation", ro);
    }
    cx = mg[GW_FO_LEFT];
    cy = mg[GW_FO_TOP];
    cw = m->pw - mg[GW_FO_LEFT] - mg[GW_FO_RIGHT];
    ch = m->ph - mg[GW_FO_TOP] - mg[GW_FO_BOTTOM];
    for (r = spm->first; r; r = r->next) {
        S_region *rg = NULL;
        const char *nm = gw_fo_attr(r, "region-name");
        double e = gw_lo_len_attr(r, "extent", 0, 0);
        switch (r->kind) {
        case GW_FO_REGION_BODY: {
            const double *bm = r->p->margin;
            const char *g = gw_fo_gw_attr(r, "grid");
            rg = &m->body;
            rg->name = nm ? nm : "xsl-region-body";
            rg->x = cx + bm[GW_FO_LEFT];
            rg->y = cy + bm[GW_FO_TOP];
            rg->w = cw - bm[GW_FO_LEFT] - bm[GW_FO_RIGHT];
            rg->h = ch - bm[GW_FO_TOP] - bm[GW_FO_BOTTOM];
            if (g && strcmp(g, "none")) {
                int nc = 0, nlines = 0;
                if (sscanf(g, "%d %d", &nc, &nlines) != 2 || nc < 1 || nlines < 1
                    || nc > 200 || nlines > 200)
                    return S_err(lo, r, "gw:grid must be \"CHARS LINES\", not", g);
                m->grid.chr = rg->w / nc;
                m->grid.line = rg->h / nlines;
            }
            break;
        }
        case GW_FO_REGION_BEFORE:
            rg = &m->side[GW_FO_TOP];
            rg->name = nm ? nm : "xsl-region-before";
            rg->x = cx; rg->y = cy; rg->w = cw; rg->h = e;
            break;
        case GW_FO_REGION_AFTER:
            rg = &m->side[GW_FO_BOTTOM];
            rg->name = nm ? nm : "xsl-region-after";
            rg->x = cx; rg->y = cy + ch - e; rg->w = cw; rg->h = e;
            break;
        case GW_FO_REGION_START:
            rg = &m->side[GW_FO_LEFT];
            rg->name = nm ? nm : "xsl-region-start";
            rg->x = cx; rg->y = cy; rg->w = e; rg->h = ch;
            break;
        case GW_FO_REGION_END:
            rg = &m->side[GW_FO_RIGHT];
            rg->name = nm ? nm : "xsl-region-end";
            rg->x = cx + cw - e; rg->y = cy; rg->w = e; rg->h = ch;
            break;
        default:
            return S_err(lo, r, "is not allowed in fo:simple-page-master", NULL);
        }
        rg->present = 1;
        rg->valign = r->p->display_align;
        {
            const char *rro = gw_fo_attr(r, "reference-orientation");
            int deg = rro ? atoi(rro) : 0;
            if (deg % 90 || deg < -270 || deg > 270)
                return S_err(lo, r, "bad reference-orientation", rro);
            rg->rot = (deg + 360) % 360;
            if (r->kind == GW_FO_REGION_BODY && rg->rot)
                return S_err(lo, r, "reference-orientation on fo:region-body is not "
                             "supported; put it on the fo:simple-page-master", NULL);
        }
    }
    if (!m->body.present)
        return S_err(lo, spm, "has no fo:region-body", NULL);
    if (m->body.w <= 0 || m->body.h <= 0)
        return S_err(lo, spm, "margins leave no room for the region-body", NULL);
    *out = m;
    return 0;
}

/* The layout-master-set child named name, or NULL. */
static const gw_fo_node *
S_named(const S_doc *d, const char *name)
{
    const gw_fo_node *c;
    for (c = d->lms ? d->lms->first : NULL; c; c = c->next) {
        const char *mn = gw_fo_attr(c, "master-name");
        if (mn && !strcmp(mn, name))
            return c;
    }
    return NULL;
}

static const S_master *
S_master_of(const S_doc *d, const gw_fo_node *spm)
{
    size_t i;
    for (i = 0; i < d->nmasters; i++)
        if (d->masters[i]->node == spm)
            return d->masters[i];
    return NULL;
}

/* Whether conditional-page-master-reference c applies.  prev_blank: the
 * page before is blank; gw:after-blank="true" / "false" asks for that
 * (GB/T 9704 §7.5: only a colophon page that follows a blank page goes
 * unnumbered, which no standard condition can tell; docs/fo-subset.md). */
static int
S_cond_ok(const gw_fo_node *c, int number, int first, int last, int blank, int prev_blank)
{
    const char *oe = gw_fo_attr(c, "odd-or-even");
    const char *pp = gw_fo_attr(c, "page-position");
    const char *bb = gw_fo_attr(c, "blank-or-not-blank");
    const char *ab = gw_fo_gw_attr(c, "after-blank");
    if (oe && !strcmp(oe, "odd") && number % 2 == 0) return 0;
    if (oe && !strcmp(oe, "even") && number % 2 != 0) return 0;
    if (pp && !strcmp(pp, "first") && !first) return 0;
    if (pp && !strcmp(pp, "last") && !last) return 0;
    if (pp && !strcmp(pp, "rest") && (first || last)) return 0;
    if (pp && !strcmp(pp, "only") && !(first && last)) return 0;
    if (bb && !strcmp(bb, "blank") && !blank) return 0;
    if (bb && !strcmp(bb, "not-blank") && blank) return 0;
    if (ab && !strcmp(ab, "true") && !prev_blank) return 0;
    if (ab && !strcmp(ab, "false") && prev_blank) return 0;
    return 1;
}

/* The simple-page-master for page idx (0-based in its sequence), which is
 * (or will be) d->pages[at]. */
static int
S_pick(S_doc *d, const gw_fo_node *seq, int idx, int number, int last, int blank,
       size_t at, const S_master **out)
{
    gw_lo *lo = d->lo;
    const char *ref = gw_fo_attr(seq, "master-reference");
    const gw_fo_node *mn, *spec, *lastspec = NULL;
    int start = 0;

    if (!ref)
        return S_err(lo, seq, "needs master-reference", NULL);
    mn = S_named(d, ref);
    if (!mn)
        return S_err(lo, seq, "no page master named", ref);
    if (mn->kind == GW_FO_SIMPLE_PAGE_MASTER) {
        *out = S_master_of(d, mn);
        return 0;
    }
    for (spec = mn->first; spec; spec = spec->next) {
        const char *mr = gw_fo_attr(spec, "maximum-repeats");
        int count = spec->kind == GW_FO_SINGLE_PAGE_MASTER_REFERENCE ? 1
                  : (!mr || !strcmp(mr, "no-limit")) ? 1 << 30 : atoi(mr);
        lastspec = spec;
        if (idx < start + count)
            break;
        start += count;
    }
    spec = spec ? spec : lastspec;
    if (!spec)
        return S_err(lo, mn, "has no page master references", NULL);
    if (spec->kind == GW_FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES) {
        const gw_fo_node *c;
        for (c = spec->first; c; c = c->next) {
            if (c->kind != GW_FO_CONDITIONAL_PAGE_MASTER_REFERENCE)
                continue;
            if (S_cond_ok(c, number, idx == 0, last, blank,
                          at > 0 && at <= d->npages && d->pages[at - 1].blank)) {
                spec = c;
                break;
            }
        }
        if (!c)
            return gw_err_set(lo->err, GW_EINPUT, "%s:%d: no conditional-page-master-"
                              "reference matches page %d", lo->name, spec->line,
                              number);
    }
    ref = gw_fo_attr(spec, "master-reference");
    mn = ref ? S_named(d, ref) : NULL;
    if (!mn || mn->kind != GW_FO_SIMPLE_PAGE_MASTER)
        return S_err(lo, spec, "master-reference names no simple-page-master:",
                     ref ? ref : "(none)");
    *out = S_master_of(d, mn);
    return 0;
}

/* ------------------------------------------------------------ pagination */

static double
S_snap(const gw_lo_item *it, double y, double pitch)
{
    /* a tolerance of 1e-4 line: the masters of one sequence may round
     * their grids differently (a last page's body a few lines shorter) */
    if (it->grid && pitch > 0)
        return ceil(y / pitch - 1e-4) * pitch;
    return y;
}

static S_pagerec *
S_new_page(S_doc *d, const gw_fo_node *seq, const S_master *m, int blank)
{
    S_pagerec *pr;
    if (d->npages == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->pages = gw_xrealloc(d->pages, d->cap * sizeof *d->pages);
    }
    pr = &d->pages[d->npages++];
    memset(pr, 0, sizeof *pr);
    pr->m = m;
    pr->seq = seq;
    pr->blank = blank;
    pr->number = d->next_number++;
    return pr;
}

static void
S_vl_add(gw_lo *lo, gw_lo_vlist *vl, const gw_lo_item *it)
{
    gw_lo_item *c = gw_lo_push(lo, vl, (gw_li_kind)it->kind, it->h);
    *c = *it;
}

/* Splits a cell's list after the items that fit in limit.  A cell whose
 * lines may not be parted (a keep-together block: the task's name) and that
 * fits a page moves whole to the next part instead of being cut (0). */
static size_t
S_cell_cut(const gw_lo_vlist *vl, double limit, double content_h, double page_h)
{
    size_t i, legal = 0, forced = 0;
    double y = 0;
    for (i = 0; i <= vl->n; i++) {
        if (y > limit + S_EPS)
            break;
        if (i == vl->n)
            return i;
        if (i > 0 && !vl->v[i].nobreak)
            legal = i;
        forced = i;
        y += vl->v[i].h;
    }
    if (!legal && content_h <= page_h)
        return 0;
    return legal ? legal : forced;
}

static double
S_cell_total(const gw_lo_cell *c)
{
    return c->content_h + c->pad[GW_FO_TOP] + c->pad[GW_FO_BOTTOM]
         + c->bw[GW_FO_TOP] + c->bw[GW_FO_BOTTOM];
}

/* Splits a row between lines of its cells so the first part fits avail
 * (of a page body page_h high).  1 with the two parts, 0 when it cannot be
 * split usefully: when one part would be empty, or a cell with content
 * would have none of it in the first. */
static int
S_split_row(gw_lo *lo, const gw_lo_item *it, double avail, double page_h, gw_lo_item *p1,
            gw_lo_item *p2)
{
    const gw_lo_row *row = it->ptr;
    gw_lo_row *a, *b;
    size_t i, moved = 0, kept = 0;
    if (row->spans || row->ncells == 0)
        return 0;
    a = gw_arena_alloc(lo->arena, sizeof *a);
    b = gw_arena_alloc(lo->arena, sizeof *b);
    *a = *row;
    *b = *row;
    a->cells = gw_arena_alloc(lo->arena, row->ncells * sizeof *a->cells);
    b->cells = gw_arena_alloc(lo->arena, row->ncells * sizeof *b->cells);
    a->h = b->h = 0;
    for (i = 0; i < row->ncells; i++) {
        const gw_lo_cell *c = row->cells[i];
        gw_lo_cell *ca = gw_arena_alloc(lo->arena, sizeof *ca);
        gw_lo_cell *cb = gw_arena_alloc(lo->arena, sizeof *cb);
        double limit = avail - (S_cell_total(c) - c->content_h);
        size_t k = limit > 0 ? S_cell_cut(&c->vl, limit, c->content_h, page_h) : 0, j;
        *ca = *c;
        *cb = *c;
        ca->vl.v = c->vl.v;
        ca->vl.n = ca->vl.cap = k;
        while (k < c->vl.n && c->vl.v[k].kind == GW_LI_GLUE)
            k++;
        cb->vl.v = c->vl.v + k;
        cb->vl.n = cb->vl.cap = c->vl.n - k;
        ca->content_h = cb->content_h = 0;
        for (j = 0; j < ca->vl.n; j++)
            ca->content_h += ca->vl.v[j].h;
        for (j = 0; j < cb->vl.n; j++)
            cb->content_h += cb->vl.v[j].h;
        if (ca->vl.n)
            kept++;
        if (cb->vl.n)
            moved++;
        /* a cell with content that would start only in the second part
         * leaves its column empty above the break (a number and a unit
         * with no task beside them): then the row moves whole */
        if (c->vl.n && !ca->vl.n)
            return 0;
        a->cells[i] = ca;
        b->cells[i] = cb;
        a->h = fmax(a->h, S_cell_total(ca));
        b->h = fmax(b->h, S_cell_total(cb));
    }
    if (!kept || !moved)
        return 0;
    *p1 = *it;
    *p2 = *it;
    p1->ptr = a;
    p1->h = a->h;
    p2->ptr = b;
    p2->h = b->h;
    p2->nobreak = 0;
    return 1;
}

typedef struct S_bp {
    size_t n, pos;
    const gw_lo_item *pending;
} S_bp;

/* Fills one page record from the flow list v, starting at fp and leaving
 * fp after the last item placed.  A page that continues a table starts
 * with its header rows. */
static void
S_fill(S_doc *d, S_pagerec *pr, const gw_lo_vlist *v, S_flowpos *fp)
{
    gw_lo *lo = d->lo;
    const S_master *m = pr->m;
    double y = 0, H = m->body.h, pitch = m->grid.line;
    size_t nhdr = 0, pos = fp->pos;
    const gw_lo_item *pending = fp->pending, *first;
    S_bp bp = {0, 0, NULL};
    int have_bp = 0;

    first = pending ? pending : pos < v->n ? &v->v[pos] : NULL;
    if (first && first->kind == GW_LI_ROW) {
        const gw_lo_row *row = first->ptr;
        const gw_lo_table *t = row->table;
        size_t k;
        if (!row->header && t->nheader && !t->omit_header)
            for (k = 0; k < t->nheader; k++) {
                S_vl_add(lo, &pr->body, &t->header[k]);
                y += t->header[k].h;
                nhdr++;
            }
    }
    for (;;) {
        const gw_lo_item *it = pending ? pending : pos < v->n ? &v->v[pos] : NULL;
        double top, end;
        gw_lo_item p1, p2;
        if (!it)
            break;
        if (it->kind == GW_LI_BREAK) {
            if (it->brk != GW_FO_BREAK_PAGE)
                fp->parity = it->brk;
            pos++;
            break;
        }
        top = S_snap(it, y, pitch);
        end = top + it->h;
        if (end > H + S_EPS) {
            if (it->kind == GW_LI_ROW && H - top > 0
                && !(((const gw_lo_row *)it->ptr)->keep && pr->body.n > nhdr)
                && S_split_row(lo, it, H - top, H, &p1, &p2)) {
                gw_lo_item *c = gw_lo_push(lo, &pr->body, GW_LI_ROW, 0);
                gw_lo_item *rest = gw_arena_alloc(lo->arena, sizeof *rest);
                *c = p1;
                *rest = p2;
                pending = rest;
                break;
            }
            if (pr->body.n > nhdr) {
                /* break before it when allowed, else at the last
                 * legal break on the page */
                if (it->nobreak && have_bp) {
                    pr->body.n = bp.n;
                    pos = bp.pos;
                    pending = bp.pending;
                }
                break;
            }
            /* alone and too tall: it overflows rather than looping */
        }
        if (pr->body.n > nhdr && !it->nobreak) {
            bp.n = pr->body.n;
            bp.pos = pos;
            bp.pending = pending;
            have_bp = 1;
        }
        S_vl_add(lo, &pr->body, it);
        if (pending)
            pending = NULL;
        pos++;
        y = end;
        if (end > H + S_EPS)
            break;
    }
    /* a page holding only a repeated header is useless: drop the header */
    if (pr->body.n == nhdr && nhdr > 0)
        pr->body.n = 0;
    fp->pos = pos;
    fp->pending = pending;
}

/* Skips spaces and breaks that would stand at the top of a page. */
static void
S_skip_top(const gw_lo_vlist *v, S_flowpos *fp)
{
    while (!fp->pending && fp->pos < v->n
           && ((v->v[fp->pos].kind == GW_LI_GLUE && !v->v[fp->pos].retain)
               || v->v[fp->pos].kind == GW_LI_BREAK)) {
        if (v->v[fp->pos].kind == GW_LI_BREAK && v->v[fp->pos].brk != GW_FO_BREAK_PAGE)
            fp->parity = v->v[fp->pos].brk;
        fp->pos++;
    }
}

/* Whether v holds nothing from pos on but spaces and anchors: what a
 * keep-with-previous on the next piece's first block may still mark
 * unbreakable (build.c S_keep_previous), so a page ending before them is
 * not final yet. */
static int
S_soft_tail(const gw_lo_vlist *v, size_t pos)
{
    for (; pos < v->n; pos++)
        if (v->v[pos].kind != GW_LI_GLUE && v->v[pos].kind != GW_LI_ANCHOR)
            return 0;
    return 1;
}

/* Fills pages of the open sequence from its flow list.  final: the flow
 * is complete; else a page that would end before the list's last item
 * other than spaces and anchors is left (with a blank page made for it)
 * until more comes, since what follows decides where it ends. */
static int
S_paginate(S_doc *d, int final)
{
    gw_lo *lo = d->lo;
    S_run *r = &d->run;
    const gw_lo_vlist *v = &r->vl;
    int rc;

    for (;;) {
        const S_master *m;
        S_pagerec *pr;
        size_t np0;
        int next0, idx0;
        S_flowpos fp0, ls0;

        S_skip_top(v, &r->fp);
        if (!r->fp.pending && r->fp.pos >= v->n && (r->idx > 0 || !final))
            break;
        np0 = d->npages;
        next0 = d->next_number;
        idx0 = r->idx;
        fp0 = r->fp;
        ls0 = r->ls;
        /* break-before odd-page / even-page: a blank page when needed */
        if ((r->fp.parity == GW_FO_BREAK_ODD && d->next_number % 2 == 0)
            || (r->fp.parity == GW_FO_BREAK_EVEN && d->next_number % 2 != 0)) {
            rc = S_pick(d, r->seq, r->idx, d->next_number, 0, 1, d->npages, &m);
            if (rc < 0)
                return rc;
            S_new_page(d, r->seq, m, 1);
            r->idx++;
        }
        r->fp.parity = GW_FO_BREAK_AUTO;
        rc = S_pick(d, r->seq, r->idx, d->next_number, 0, 0, d->npages, &m);
        if (rc < 0)
            return rc;
        pr = S_new_page(d, r->seq, m, 0);
        if (!r->warned && fabs(m->body.w - r->width) > 0.5) {
            /* the flow was set once, for the first page's width */
            r->warned = 1;
            gw_warnf("%s:%d: page %d's region-body is %.1f pt wide, the first page's "
                     "%.1f pt; lines keep the first width", lo->name, r->seq->line,
                     pr->number, m->body.w, r->width);
        }
        r->idx++;
        r->ls = r->fp;
        S_fill(d, pr, v, &r->fp);
        if (!final && !r->fp.pending && S_soft_tail(v, r->fp.pos)) {
            d->npages = np0;            /* its body stays in the arena */
            d->next_number = next0;
            r->idx = idx0;
            r->fp = fp0;
            r->ls = ls0;
            break;
        }
    }
    return 0;
}

/* Whether the sequence's page-sequence-master has an alternative for the
 * last page (page-position "last" or "only").  Only then is the last page
 * chosen again as a last page (XSL 1.1 §6.4.12, and Apache FOP): with only
 * "first" and "rest", the last page of several is a "rest" page. */
static int
S_has_last(S_doc *d, const gw_fo_node *seq)
{
    const char *ref = gw_fo_attr(seq, "master-reference");
    const gw_fo_node *mn = ref ? S_named(d, ref) : NULL, *spec, *c;
    if (!mn || mn->kind == GW_FO_SIMPLE_PAGE_MASTER)
        return 0;
    for (spec = mn->first; spec; spec = spec->next) {
        if (spec->kind != GW_FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES)
            continue;
        for (c = spec->first; c; c = c->next) {
            const char *pp = gw_fo_attr(c, "page-position");
            if (pp && (!strcmp(pp, "last") || !strcmp(pp, "only")))
                return 1;
        }
    }
    return 0;
}

/* page-position="last" (XSL 1.1 §6.4.12), as Apache FOP does it: when the
 * sequence's last page takes another master, the content of that page is
 * laid out again on it (its region-body may be shorter); when it does not
 * fit there, the page keeps its master and a blank page with the 'last'
 * master follows.  At most one second layout of one page.  *added is 1
 * when that blank page was added. */
static int
S_last_page(S_doc *d, const gw_fo_node *seq, size_t seq_start, const gw_lo_vlist *v,
            const S_flowpos *ls, int *added)
{
    gw_lo *lo = d->lo;
    S_pagerec *pr, saved;
    const S_master *m;
    S_flowpos fp;
    int rc;

    *added = 0;
    if (d->npages <= seq_start || !S_has_last(d, seq))
        return 0;
    pr = &d->pages[d->npages - 1];
    rc = S_pick(d, seq, (int)(d->npages - 1 - seq_start), pr->number, 1, pr->blank,
                d->npages - 1, &m);
    if (rc < 0 || m == pr->m)
        return rc;
    if (pr->blank || pr->body.n == 0
        || (fabs(m->body.h - pr->m->body.h) <= S_EPS && fabs(m->body.w - pr->m->body.w) <= 0.5
            && fabs(m->grid.line - pr->m->grid.line) <= S_EPS)) {
        pr->m = m;              /* nothing would move */
        return 0;
    }
    if (fabs(m->body.w - pr->m->body.w) > 0.5)
        gw_warnf("%s:%d: the last page's region-body is %.1f pt wide, the others' %.1f pt; "
                 "lines keep the first width", lo->name, seq->line, m->body.w,
                 pr->m->body.w);
    saved = *pr;
    pr->m = m;
    memset(&pr->body, 0, sizeof pr->body);
    fp = *ls;
    S_fill(d, pr, v, &fp);
    S_skip_top(v, &fp);
    if (!fp.pending && fp.pos >= v->n)
        return 0;               /* all of it fits on the 'last' master */
    *pr = saved;                /* the discarded list stays in the arena */
    rc = S_pick(d, seq, (int)(d->npages - seq_start), d->next_number, 1, 1, d->npages, &m);
    if (rc < 0)
        return rc;
    S_new_page(d, seq, m, 1);
    *added = 1;
    return 0;
}

/* ------------------------------------------------------------ drawing */

typedef struct S_draw_ctx {
    gw_lo     *lo;
    S_doc     *d;
    gw_doc    *doc;
    gw_page   *pg;          /* NULL: only record ids */
    size_t     page_index;
    const char *pagenum;
    int        rot;         /* a turned region: frame -> page mapping */
    double     X0, Y0;      /* where the frame's origin lies on the page */
} S_draw_ctx;

/* Frame point (u, v) of the area being drawn to page coordinates.  A
 * region with reference-orientation 270 is turned a quarter clockwise: its
 * inline direction runs down the page. */
static void
S_map(const S_draw_ctx *dc, double u, double v, double *X, double *Y)
{
    switch (dc->rot) {
    case 270: *X = dc->X0 - v; *Y = dc->Y0 + u; break;
    case 90:  *X = dc->X0 + v; *Y = dc->Y0 - u; break;
    case 180: *X = dc->X0 - u; *Y = dc->Y0 - v; break;
    default:  *X = u; *Y = v; break;
    }
}

static void
S_mapbox(const S_draw_ctx *dc, double x, double y, double w, double h, double *bx,
         double *by, double *bw, double *bh)
{
    double x0, y0, x1, y1;
    S_map(dc, x, y, &x0, &y0);
    S_map(dc, x + w, y + h, &x1, &y1);
    *bx = fmin(x0, x1);
    *by = fmin(y0, y1);
    *bw = fabs(x1 - x0);
    *bh = fabs(y1 - y0);
}

static void
S_rect(const S_draw_ctx *dc, double x, double y, double w, double h, gw_color fill)
{
    gw_color none = {0, 0, 0, 1};
    S_mapbox(dc, x, y, w, h, &x, &y, &w, &h);
    gw_page_rect(dc->pg, x, y, w, h, fill, none, 0);
}

/* Text in the frame.  In a turned region the run is drawn turned with it
 * (gw_page_text_rotated): reference-orientation 270 runs down the page with
 * the glyph tops to the right, 90 up the page, 180 upside down. */
static void
S_text(const S_draw_ctx *dc, gw_face *face, double size, gw_color color, double base,
       const char *utf8, size_t len, const double *xs, size_t n, double hscale, int bold)
{
    double ox, oy, *dx;
    size_t k;
    if (!dc->rot) {
        gw_page_text(dc->pg, face, size, color, base, utf8, len, xs, n, hscale, bold);
        return;
    }
    if (n == 0)
        return;
    S_map(dc, xs[0], base, &ox, &oy);
    dx = gw_xmalloc(n * sizeof *dx);
    for (k = 0; k < n; k++)
        dx[k] = xs[k] - xs[0];
    gw_page_text_rotated(dc->pg, face, size, color, ox, oy, dc->rot, utf8, len, dx, n,
                         hscale, bold);
    free(dx);
}

static void
S_rect_border(const S_draw_ctx *dc, double x, double y, double w, double h,
              const double bw[4], const gw_color bc[4], gw_color bg, int top, int bottom)
{
    if (h <= 0 || w <= 0)
        return;
    if (!bg.none)
        S_rect(dc, x, y, w, h, bg);
    if (top && bw[GW_FO_TOP] > 0)
        S_rect(dc, x, y, w, bw[GW_FO_TOP], bc[GW_FO_TOP]);
    if (bottom && bw[GW_FO_BOTTOM] > 0)
        S_rect(dc, x, y + h - bw[GW_FO_BOTTOM], w, bw[GW_FO_BOTTOM], bc[GW_FO_BOTTOM]);
    if (bw[GW_FO_LEFT] > 0)
        S_rect(dc, x, y, bw[GW_FO_LEFT], h, bc[GW_FO_LEFT]);
    if (bw[GW_FO_RIGHT] > 0)
        S_rect(dc, x + w - bw[GW_FO_RIGHT], y, bw[GW_FO_RIGHT], h, bc[GW_FO_RIGHT]);
}

static int S_draw(S_draw_ctx *dc, const gw_lo_vlist *vl, double ox, double oy,
                  double pitch, int depth);

static int
S_draw_pagenum(S_draw_ctx *dc, const gw_lo_obj *o, double x, double base)
{
    const char *s = dc->pagenum ? dc->pagenum : "";
    double size = o->node->p->font_size;
    for (; *s; s++) {
        gw_face *f = gw_fontlist_face_for(o->fl, (unsigned char)*s);
        if (!f)
            continue;
        S_text(dc, f, size, o->color, base, s, 1, &x, 1, 1.0,
               gw_fontlist_fake_bold(o->fl, f));
        x += gw_face_advance(f, (unsigned char)*s, size);
    }
    return 0;
}

static int
S_draw_line(S_draw_ctx *dc, const gw_lo_line *ln, double ox, double top, double h)
{
    gw_lo *lo = dc->lo;
    size_t i, j;
    double base = top + ln->base;
    int rc = 0;
    for (i = 0; i < ln->nids; i++)
        gw_lo_id_add(lo, ln->ids[i], dc->page_index, top);
    if (!dc->pg) {
        /* first pass: remember where flow page numbers landed */
        for (i = 0; i < ln->nobjs; i++)
            if (ln->objs[i].kind == GW_OBJ_PAGENUM) {
                lo->pn = gw_lo_mgrow(lo->pn, lo->npn, &lo->pncap, sizeof *lo->pn);
                lo->pn[lo->npn].node = ln->objs[i].node;
                lo->pn[lo->npn].page = dc->page_index;
                lo->npn++;
            }
        return 0;
    }
    for (i = 0; i < ln->nruns; i++) {
        const gw_lo_run *r = &ln->runs[i];
        double *xs = gw_xmalloc(r->n * sizeof *xs);
        for (j = 0; j < r->n; j++)
            xs[j] = ox + r->xs[j];
        S_text(dc, r->face, r->size, r->color, base, r->utf8, r->len, xs, r->n, r->hscale,
               r->fake_bold);
        if (r->wlast > 0 && dc->pg)
            gw_page_text_trim_last(dc->pg, r->wlast);
        if (r->deco && r->n) {
            /* text-decoration: rules a twentieth of an em thick */
            static const struct { int bit; double dy; } where[3] = {
                {GW_FO_DECO_UNDERLINE, 0.12}, {GW_FO_DECO_LINE_THROUGH, -0.3},
                {GW_FO_DECO_OVERLINE, -0.9}};
            int k;
            for (k = 0; k < 3; k++)
                if (r->deco & where[k].bit) {
                    double X0, Y0, X1, Y1, ly = base + where[k].dy * r->size;
                    S_map(dc, xs[0], ly, &X0, &Y0);
                    S_map(dc, ox + r->xend, ly, &X1, &Y1);
                    gw_page_line(dc->pg, X0, Y0, X1, Y1, r->size / 20, r->color);
                }
        }
        free(xs);
    }
    for (i = 0; i < ln->nobjs; i++) {
        const gw_lo_obj *o = &ln->objs[i];
        double x = ox + o->x, bx, by, bw, bh, X0, Y0, X1, Y1;
        switch (o->kind) {
        case GW_OBJ_LEADER:
            /* a rule leader is centred in its line box */
            if (o->h > 0 && o->w > 0) {
                S_map(dc, x, top + h / 2, &X0, &Y0);
                S_map(dc, x + o->w, top + h / 2, &X1, &Y1);
                gw_page_line(dc->pg, X0, Y0, X1, Y1, o->h, o->color);
            }
            break;
        case GW_OBJ_IMAGE:
            S_mapbox(dc, x, base - o->h, o->w, o->h, &bx, &by, &bw, &bh);
            gw_page_image(dc->pg, o->str, bx, by, bw, bh);
            break;
        case GW_OBJ_SVG:
            S_mapbox(dc, x, base - o->h, o->w, o->h, &bx, &by, &bw, &bh);
            rc = gw_svg_draw(o->svg, dc->pg, lo->fonts, bx, by, bw, bh, lo->err);
            if (rc < 0)
                return rc;
            break;
        case GW_OBJ_PAGENUM:
            S_draw_pagenum(dc, o, x, base);
            break;
        case GW_OBJ_LINK: {
            size_t pg;
            double y;
            S_mapbox(dc, x, top, o->w, h, &bx, &by, &bw, &bh);
            if (gw_lo_id_lookup(lo, o->str, &pg, &y) == 0)
                gw_page_link(dc->pg, bx, by, bw, bh, pg, y);
            else if (dc->d->put)
                /* the id may come later: its page is not known yet */
                return gw_err_set(lo->err, GW_EINPUT, "%s: fo:basic-link: internal-"
                                  "destination '%s' is not on a page before it; a document "
                                  "in pieces (gw:pieces) can link only back", lo->name,
                                  o->str);
            else
                gw_warnf("%s: fo:basic-link: internal-destination '%s' names no id",
                         lo->name, o->str);
            break;
        }
        default:
            break;
        }
    }
    return 0;
}

/* Cell borders are centred on the cell edges, so the borders of neighbours
 * coincide.  They are collected for all rows of a list and each shared edge
 * is drawn once (S_edges_draw). */
typedef struct S_edge {
    double        x, y, w, h;   /* the filled rectangle, frame coordinates */
    gw_color      c;
    unsigned char vert;         /* a left or right edge */
    unsigned char drop;         /* covered by a winning edge */
    size_t        ord;          /* collection order: earlier cells first */
} S_edge;

typedef struct S_edges {
    S_edge *v;
    size_t  n, cap;
} S_edges;

static void
S_edge_add(S_edges *ed, double x, double y, double w, double h, gw_color c, int vert)
{
    S_edge *e;
    if (ed->n == ed->cap) {
        ed->cap = ed->cap ? ed->cap * 2 : 64;
        ed->v = gw_xrealloc(ed->v, ed->cap * sizeof *ed->v);
    }
    e = &ed->v[ed->n];
    e->x = x;
    e->y = y;
    e->w = w;
    e->h = h;
    e->c = c;
    e->vert = (unsigned char)vert;
    e->drop = 0;
    e->ord = ed->n++;
}

static void
S_cell_border(S_edges *ed, double x, double y, double w, double h, const double bw[4],
              const gw_color bc[4])
{
    double l = bw[GW_FO_LEFT] / 2, r = bw[GW_FO_RIGHT] / 2;
    double t = bw[GW_FO_TOP] / 2, b = bw[GW_FO_BOTTOM] / 2;
    if (bw[GW_FO_TOP] > 0)
        S_edge_add(ed, x - l, y - t, w + l + r, bw[GW_FO_TOP], bc[GW_FO_TOP], 0);
    if (bw[GW_FO_BOTTOM] > 0)
        S_edge_add(ed, x - l, y + h - b, w + l + r, bw[GW_FO_BOTTOM], bc[GW_FO_BOTTOM], 0);
    if (bw[GW_FO_LEFT] > 0)
        S_edge_add(ed, x - l, y - t, bw[GW_FO_LEFT], h + t + b, bc[GW_FO_LEFT], 1);
    if (bw[GW_FO_RIGHT] > 0)
        S_edge_add(ed, x + w - r, y - t, bw[GW_FO_RIGHT], h + t + b, bc[GW_FO_RIGHT], 1);
}

#define S_EDGE_EPS 1e-6

/* Centre line, start, end and thickness of an edge along its direction. */
static double S_edge_mid(const S_edge *e) { return e->vert ? e->x + e->w / 2 : e->y + e->h / 2; }
static double S_edge_lo(const S_edge *e) { return e->vert ? e->y : e->x; }
static double S_edge_hi(const S_edge *e) { return e->vert ? e->y + e->h : e->x + e->w; }
static double S_edge_thick(const S_edge *e) { return e->vert ? e->w : e->h; }

/* Sorts by direction, centre line (to 1e-4 pt) and start. */
static int
S_edge_cmp(const void *pa, const void *pb)
{
    const S_edge *a = pa, *b = pb;
    double ma = floor(S_edge_mid(a) * 1e4 + 0.5), mb = floor(S_edge_mid(b) * 1e4 + 0.5);
    if (a->vert != b->vert)
        return a->vert < b->vert ? -1 : 1;
    if (ma != mb)
        return ma < mb ? -1 : 1;
    if (S_edge_lo(a) != S_edge_lo(b))
        return S_edge_lo(a) < S_edge_lo(b) ? -1 : 1;
    return a->ord < b->ord ? -1 : a->ord > b->ord;
}

static int
S_edge_ord_cmp(const void *pa, const void *pb)
{
    const S_edge *a = pa, *b = pb;
    return a->ord < b->ord ? -1 : a->ord > b->ord;
}

/* Whether edge `in` lies inside edge `out` (same centre line) and loses to
 * it under the collapse rules: the wider border wins, then (all our borders
 * being solid) the earlier cell; a longer edge of the same width covers a
 * shorter one only in the same colour. */
static int
S_edge_covers(const S_edge *out, const S_edge *in)
{
    double to = S_edge_thick(out), ti = S_edge_thick(in);
    int same;
    if (S_edge_lo(out) > S_edge_lo(in) + S_EDGE_EPS
        || S_edge_hi(out) < S_edge_hi(in) - S_EDGE_EPS || to < ti - S_EDGE_EPS)
        return 0;
    if (to > ti + S_EDGE_EPS)
        return 1;
    same = out->c.r == in->c.r && out->c.g == in->c.g && out->c.b == in->c.b
           && out->c.none == in->c.none;
    if (same)
        return fabs(S_edge_lo(out) - S_edge_lo(in)) > S_EDGE_EPS
               || fabs(S_edge_hi(out) - S_edge_hi(in)) > S_EDGE_EPS || out->ord < in->ord;
    /* the same rectangle in another colour: the earlier cell's wins */
    return fabs(S_edge_lo(out) - S_edge_lo(in)) <= S_EDGE_EPS
           && fabs(S_edge_hi(out) - S_edge_hi(in)) <= S_EDGE_EPS && out->ord < in->ord;
}

/* Whether b, starting within a, has a's width, position across and colour. */
static int
S_edge_continues(const S_edge *a, const S_edge *b)
{
    double pa = a->vert ? a->x : a->y, pb = b->vert ? b->x : b->y;
    return fabs(pa - pb) <= S_EDGE_EPS
           && fabs(S_edge_thick(a) - S_edge_thick(b)) <= S_EDGE_EPS
           && a->c.r == b->c.r && a->c.g == b->c.g && a->c.b == b->c.b
           && a->c.none == b->c.none;
}

/* Draws the collected edges in collection order, leaving out each edge
 * that a winning edge on the same line covers and joining edges that
 * continue one another; empties ed. *//* Draws the collected edges in collection order, leaving out each edge
 * that a winning edge on the same line covers; empties ed. */
static void
S_edges_draw(const S_draw_ctx *dc, S_edges *ed)
{
    size_t i, j;
    qsort(ed->v, ed->n, sizeof *ed->v, S_edge_cmp);
    for (i = 0; i < ed->n; i++) {
        const S_edge *a = &ed->v[i];
        double mid = floor(S_edge_mid(a) * 1e4 + 0.5);
        for (j = i + 1; j < ed->n; j++) {
            S_edge *b = &ed->v[j];
            if (b->vert != a->vert || floor(S_edge_mid(b) * 1e4 + 0.5) != mid
                || S_edge_lo(b) > S_edge_hi(a) + S_EDGE_EPS)
                break;
            if (S_edge_covers(a, b))
                b->drop = 1;
            else if (S_edge_covers(b, a))
                ed->v[i].drop = 1;
        }
    }
    /* then edges that continue one another in the same width and colour
     * (a column rule down the rows) become one rectangle */
    for (i = 0; i < ed->n; i++) {
        S_edge *a = &ed->v[i];
        double mid = floor(S_edge_mid(a) * 1e4 + 0.5);
        if (a->drop)
            continue;
        for (j = i + 1; j < ed->n; j++) {
            S_edge *b = &ed->v[j];
            if (b->vert != a->vert || floor(S_edge_mid(b) * 1e4 + 0.5) != mid
                || S_edge_lo(b) > S_edge_hi(a) + S_EDGE_EPS)
                break;
            if (b->drop || !S_edge_continues(a, b))
                continue;
            if (a->vert)
                a->h = fmax(S_edge_hi(a), S_edge_hi(b)) - a->y;
            else
                a->w = fmax(S_edge_hi(a), S_edge_hi(b)) - a->x;
            b->drop = 1;
        }
    }
    qsort(ed->v, ed->n, sizeof *ed->v, S_edge_ord_cmp);
    for (i = 0; i < ed->n; i++)
        if (!ed->v[i].drop)
            S_rect(dc, ed->v[i].x, ed->v[i].y, ed->v[i].w, ed->v[i].h, ed->v[i].c);
    ed->n = 0;
}

/* Draws row i: phase 0 the cell backgrounds, phase 1 collects the borders
 * into ed, phase 2 the content (all backgrounds of a list go first so none
 * covers a neighbour's border, then all borders, each shared edge once). */
static int
S_draw_row(S_draw_ctx *dc, const gw_lo_vlist *vl, size_t i, const double *ys, double ox,
           double oy, int depth, int phase, S_edges *ed)
{
    const gw_lo_row *row = vl->v[i].ptr;
    size_t c, k;
    int rc;
    for (c = 0; c < row->ncells; c++) {
        const gw_lo_cell *cl = row->cells[c];
        double h = vl->v[i].h, off = 0, inner;
        /* a cell spanning rows takes the heights of the rows it covers */
        for (k = 1; k < (size_t)cl->rowspan && i + k < vl->n
             && vl->v[i + k].kind == GW_LI_ROW; k++)
            h += vl->v[i + k].h;
        if (phase == 0) {
            if (dc->pg && !cl->bg.none && h > 0)
                S_rect(dc, ox + cl->x, oy + ys[i], cl->w, h, cl->bg);
            continue;
        }
        if (phase == 1) {
            S_cell_border(ed, ox + cl->x, oy + ys[i], cl->w, h, cl->bw, cl->bc);
            continue;
        }
        inner = h - (S_cell_total(cl) - cl->content_h);
        if (cl->valign == GW_FO_DISPLAY_CENTER)
            off = (inner - cl->content_h) / 2;
        else if (cl->valign == GW_FO_DISPLAY_AFTER)
            off = inner - cl->content_h;
        if (off < 0)
            off = 0;
        rc = S_draw(dc, &cl->vl, ox, oy + ys[i] + cl->bw[GW_FO_TOP] + cl->pad[GW_FO_TOP] + off,
                    0, depth + 1);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Draws (or, without a page, only records the ids of) a vertical list with
 * its top at (ox, oy).  Depth is bounded by GW_LO_MAX_NEST (build.c refuses
 * deeper nesting of tables and containers). */
static int
S_draw(S_draw_ctx *dc, const gw_lo_vlist *vl, double ox, double oy, double pitch, int depth)
{
    gw_lo *lo = dc->lo;
    double *ys = NULL, *yend = NULL, y = 0;
    size_t i, *stack = NULL, sp = 0;
    S_edges ed = {NULL, 0, 0};
    int rc = 0;

    if (depth > GW_LO_MAX_NEST + 2 || vl->n == 0)
        return 0;
    ys = gw_xmalloc(vl->n * sizeof *ys);
    yend = gw_xmalloc(vl->n * sizeof *yend);
    stack = gw_xmalloc(vl->n * sizeof *stack);
    for (i = 0; i < vl->n; i++) {
        ys[i] = S_snap(&vl->v[i], y, pitch);
        y = ys[i] + vl->v[i].h;
        yend[i] = -1;
    }
    /* boxes: backgrounds and borders first, outer before inner */
    for (i = 0; i < vl->n; i++) {
        if (vl->v[i].kind == GW_LI_BOX_START) {
            stack[sp++] = i;
        } else if (vl->v[i].kind == GW_LI_BOX_END) {
            if (sp)
                yend[stack[--sp]] = ys[i] + vl->v[i].h;
            else if (dc->pg) {      /* continued from the previous page */
                const gw_lo_box *b = vl->v[i].ptr;
                S_rect_border(dc, ox + b->x0, oy, b->x1 - b->x0, ys[i] + vl->v[i].h,
                              b->bw, b->bc, b->bg, 0, 1);
            }
        }
    }
    for (i = 0; i < vl->n && dc->pg; i++)
        if (vl->v[i].kind == GW_LI_BOX_START) {
            const gw_lo_box *b = vl->v[i].ptr;
            int closed = yend[i] >= 0;
            S_rect_border(dc, ox + b->x0, oy + ys[i], b->x1 - b->x0,
                          (closed ? yend[i] : y) - ys[i], b->bw, b->bc, b->bg, 1, closed);
        }
    for (i = 0; i < vl->n && dc->pg; i++)
        if (vl->v[i].kind == GW_LI_ROW)
            S_draw_row(dc, vl, i, ys, ox, oy, depth, 0, &ed);
    for (i = 0; i < vl->n && dc->pg; i++)
        if (vl->v[i].kind == GW_LI_ROW)
            S_draw_row(dc, vl, i, ys, ox, oy, depth, 1, &ed);
    if (ed.n)
        S_edges_draw(dc, &ed);
    for (i = 0; i < vl->n; i++) {
        const gw_lo_item *it = &vl->v[i];
        switch (it->kind) {
        case GW_LI_LINE:
            rc = S_draw_line(dc, it->ptr, ox, oy + ys[i], it->h);
            break;
        case GW_LI_ROW:
            rc = S_draw_row(dc, vl, i, ys, ox, oy, depth, 2, &ed);
            break;
        case GW_LI_ANCHOR:
            gw_lo_id_add(lo, it->ptr, dc->page_index, oy + ys[i]);
            break;
        case GW_LI_ABS: {
            const gw_lo_abs *ab = it->ptr;
            double bx = ab->fixed ? 0 : ox, by = ab->fixed ? 0 : oy, off = 0;
            if (ab->inflow)
                by = oy + ys[i] - ab->y;
            if (ab->h > 0 && ab->valign == GW_FO_DISPLAY_CENTER)
                off = (ab->h - ab->content_h) / 2;
            else if (ab->h > 0 && ab->valign == GW_FO_DISPLAY_AFTER)
                off = ab->h - ab->content_h;
            rc = S_draw(dc, &ab->vl, bx + ab->x, by + ab->y + off, 0, depth + 1);
            break;
        }
        default:
            break;
        }
        if (rc < 0)
            break;
    }
    free(ys);
    free(yend);
    free(stack);
    free(ed.v);
    return rc;
}

/* ------------------------------------------------------------ document */

static void
S_roman(int n, int upper, char *out, size_t cap)
{
    static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    static const char *const sym[] = {"m", "cm", "d", "cd", "c", "xc", "l", "xl", "x",
                                      "ix", "v", "iv", "i"};
    size_t k = 0, i;
    for (i = 0; i < 13 && n > 0; i++)
        while (n >= val[i] && k + 3 < cap) {
            const char *s = sym[i];
            while (*s)
                out[k++] = upper ? (char)(*s++ - 32) : *s++;
            n -= val[i];
        }
    out[k] = '\0';
}

static char *
S_format(gw_lo *lo, const gw_fo_node *seq, int number)
{
    const char *f = gw_fo_attr(seq, "format");
    char buf[64];
    if (f && (!strcmp(f, "i") || !strcmp(f, "I")) && number > 0 && number < 4000)
        S_roman(number, f[0] == 'I', buf, sizeof buf);
    else
        snprintf(buf, sizeof buf, "%d", number);
    return gw_arena_strdup(lo->arena, buf);
}

/* The flow of page-sequence seq. */
static int
S_flow_of(S_doc *d, const gw_fo_node *seq, const gw_fo_node **out)
{
    const gw_fo_node *c, *flow = NULL;
    for (c = seq->first; c; c = c->next)
        if (c->kind == GW_FO_FLOW) {
            if (flow)
                return S_err(d->lo, c, "only one fo:flow per page-sequence is supported", NULL);
            flow = c;
        } else if (c->kind != GW_FO_STATIC_CONTENT && c->kind != GW_FO_TITLE) {
            return S_err(d->lo, c, "is not allowed in fo:page-sequence", NULL);
        }
    if (!flow)
        return S_err(d->lo, seq, "has no fo:flow", NULL);
    *out = flow;
    return 0;
}

/* Begins page-sequence seq: its first page number, the blank page the
 * sequence before may need, the width its flow is set for. */
static int
S_seq_open(S_doc *d, const gw_fo_node *seq)
{
    gw_lo *lo = d->lo;
    S_run *r = &d->run;
    const char *ipn = gw_fo_attr(seq, "initial-page-number");
    const S_master *m;
    int first = d->next_number, prev_auto, rc;

    if (ipn && !strcmp(ipn, "auto-odd")) {
        first = d->next_number | 1;
    } else if (ipn && !strcmp(ipn, "auto-even")) {
        first = d->next_number % 2 ? d->next_number + 1 : d->next_number;
    } else if (ipn && strcmp(ipn, "auto")) {
        int v = atoi(ipn);
        if (v < 0 || v > 1000000)
            return S_err(lo, seq, "bad initial-page-number", ipn);
        first = v;
    }
    /* force-page-count="auto" (the default) on the previous sequence:
     * it ends on the parity this one's first number asks for, with a
     * blank page when needed (XSL 1.1 §7.27.6) */
    prev_auto = r->prev && (!gw_fo_attr(r->prev, "force-page-count")
                            || !strcmp(gw_fo_attr(r->prev, "force-page-count"), "auto"));
    if (prev_auto && ipn && strcmp(ipn, "auto")
        && (d->next_number - 1) % 2 == first % 2) {
        rc = S_pick(d, r->prev, (int)(d->npages - r->prev_start), d->next_number, 1, 1,
                    d->npages, &m);
        if (rc < 0)
            return rc;
        S_new_page(d, r->prev, m, 1);
    }
    if (ipn && strcmp(ipn, "auto"))
        d->next_number = first;
    rc = S_pick(d, seq, 0, d->next_number, 0, 0, d->npages, &m);
    if (rc < 0)
        return rc;
    r->open = 1;
    r->seq = seq;
    r->start = d->npages;
    r->idx = 0;
    r->width = m->body.w;
    r->grid = m->grid;
    r->warned = 0;
    memset(&r->fp, 0, sizeof r->fp);
    r->fp.parity = GW_FO_BREAK_AUTO;
    r->ls = r->fp;
    memset(&r->vl, 0, sizeof r->vl);
    r->base = d->fed;
    memset(&r->carry, 0, sizeof r->carry);
    return 0;
}

/* Ends the open sequence, its flow complete: its last page ('last'
 * masters), force-page-count. */
static int
S_seq_close(S_doc *d)
{
    gw_lo *lo = d->lo;
    S_run *r = &d->run;
    const gw_fo_node *seq = r->seq;
    const char *fpc = gw_fo_attr(seq, "force-page-count");
    const S_master *m;
    int count, lastnum, added = 0, rc;

    rc = S_paginate(d, 1);
    if (rc < 0)
        return rc;
    rc = S_last_page(d, seq, r->start, &r->vl, &r->ls, &added);
    if (rc < 0)
        return rc;
    /* force-page-count: a blank page at the end, which is then the last */
    count = (int)(d->npages - r->start);
    lastnum = d->next_number - 1;
    if (fpc && ((!strcmp(fpc, "even") && count % 2) || (!strcmp(fpc, "odd") && count % 2 == 0)
                || (!strcmp(fpc, "end-on-even") && lastnum % 2)
                || (!strcmp(fpc, "end-on-odd") && lastnum % 2 == 0))) {
        S_pagerec *pr = &d->pages[d->npages - 1];
        if (added) {
            /* the blank page put after a last page that did not fit
             * is not the last any more */
            rc = S_pick(d, seq, count - 1, pr->number, 0, 1, d->npages - 1, &m);
            if (rc < 0)
                return rc;
            pr->m = m;
        }
        rc = S_pick(d, seq, count, d->next_number, 1, 1, d->npages, &m);
        if (rc < 0)
            return rc;
        S_new_page(d, seq, m, 1);
    } else if (fpc && strcmp(fpc, "auto") && strcmp(fpc, "no-force") && strcmp(fpc, "even")
               && strcmp(fpc, "odd") && strcmp(fpc, "end-on-even")
               && strcmp(fpc, "end-on-odd")) {
        return S_err(lo, seq, "bad force-page-count", fpc);
    }
    r->open = 0;
    r->prev = seq;
    r->prev_start = r->start;
    d->fed = r->base + r->vl.n;
    return 0;
}

static int S_flush(S_doc *d);

/* What a page-sequence and its continuation must say alike. */
static const char *const S_seq_same[] = {"initial-page-number", "force-page-count", "format",
                                         "grouping-separator", "letter-value", NULL};

/* Page-sequence seq of the document (or of a piece of it): a new
 * sequence, or with gw:continue="true" more of the open one's flow. */
static int
S_feed(S_doc *d, const gw_fo_node *seq)
{
    gw_lo *lo = d->lo;
    S_run *r = &d->run;
    const gw_fo_node *flow = NULL;
    const char *cv = gw_fo_gw_attr(seq, "continue");
    int rc = S_flow_of(d, seq, &flow);

    if (rc < 0)
        return rc;
    if (cv && !strcmp(cv, "true")) {
        const char *a = gw_fo_attr(seq, "master-reference");
        const char *b = gw_fo_attr(r->seq, "master-reference");
        if (!r->open)
            return S_err(lo, seq, "gw:continue=\"true\", but there is no page-sequence "
                         "before it to go on with", NULL);
        if (!a || !b || strcmp(a, b))
            return S_err(lo, seq, "gw:continue=\"true\" goes on with a page-sequence of "
                         "another master-reference:", b ? b : "(none)");
        /* one sequence: what its pages are numbered and counted by is the
         * same in every piece (the newest piece's is used) */
        for (const char *const *k = S_seq_same; *k; k++) {
            const char *x = gw_fo_attr(seq, *k), *y = gw_fo_attr(r->seq, *k);
            if ((x || y) && (!x || !y || strcmp(x, y)))
                return S_err(lo, seq, "gw:continue=\"true\": this attribute differs from "
                             "the page-sequence it goes on with:", *k);
        }
        r->seq = seq;
    } else {
        /* the closed sequence's pages go with the next flush, which lets
         * its pieces go only after the new sequence has looked at it */
        if (r->open && (rc = S_seq_close(d)) < 0)
            return rc;
        if ((rc = S_seq_open(d, seq)) < 0)
            return rc;
    }
    rc = gw_lo_build(lo, flow, r->width, r->grid.line > 0 ? &r->grid : NULL, NULL, &r->carry,
                     &r->vl);
    if (rc < 0)
        return rc;
    d->fed = r->base + r->vl.n;
    if ((rc = S_paginate(d, 0)) < 0)
        return rc;
    return S_flush(d);
}

/* Lays out every page-sequence of the document into page records. */
static int
S_layout_pages(S_doc *d)
{
    gw_lo *lo = d->lo;
    const gw_fo_node *seq;
    int rc;

    d->npages = 0;
    d->next_number = 1;
    d->fed = 0;
    memset(&d->run, 0, sizeof d->run);
    for (seq = lo->tree->root->first; seq; seq = seq->next)
        if (seq->kind == GW_FO_PAGE_SEQUENCE && (rc = S_feed(d, seq)) < 0)
            return rc;
    if (d->run.open && (rc = S_seq_close(d)) < 0)
        return rc;
    if (d->npages == 0)
        return S_err(lo, lo->tree->root, "has no fo:page-sequence", NULL);
    return 0;
}

/* In pieces: hands over every page that nothing to come can change (all
 * but the open sequence's last: its flow may end on it, and a 'last'
 * master would lay it out again), then lets go of the flow before the
 * first page kept and of the pieces whose items are all on pages handed
 * over.  Nothing in a whole document. */
static int
S_flush(S_doc *d)
{
    gw_lo *lo = d->lo;
    S_run *r = &d->run;
    size_t upto = d->npages, keep, point, i;
    int held, rc;

    if (!d->put)
        return 0;
    held = r->open && d->npages > r->start;
    if (held)
        upto--;
    for (; d->drawn < upto; d->drawn++) {
        gw_doc_clear(d->scratch);
        if ((rc = gw_lo_draw_page(lo, d->drawn, d->scratch)) < 0 ||
            (rc = d->put(d->put_ctx, d->drawn, gw_doc_page(d->scratch, 0), lo->err)) < 0)
            return rc;
        memset(&d->pages[d->drawn].body, 0, sizeof d->pages[d->drawn].body);
    }
    gw_doc_clear(d->scratch);
    point = d->fed;
    if (r->open) {
        keep = held ? r->ls.pos : r->fp.pos;
        if (keep > 0) {
            size_t n = r->vl.n - keep;
            gw_lo_item *v = gw_arena_alloc(lo->arena, (n ? n : 1) * sizeof *v);
            if (n)
                memcpy(v, r->vl.v + keep, n * sizeof *v);
            r->vl.v = v;
            r->vl.n = r->vl.cap = n;
            r->base += keep;
            r->fp.pos -= keep;
            if (held)
                r->ls.pos -= keep;
            else
                r->ls = r->fp;
        }
        point = r->base;
    }
    /* the newest piece stays: the next one may go on with its sequence */
    for (i = 0; i + 1 < d->npieces; i++) {
        S_piece *pc = &d->pieces[i];
        if (pc->freed || pc->end > point)
            continue;
        gw_arena_free(pc->arena);
        gw_fo_free(pc->tree);
        pc->freed = 1;
        /* its properties' addresses may come again */
        lo->last_fl = NULL;
        lo->last_fl_props = NULL;
    }
    return 0;
}

/* Records ids (pass without drawing) and formats page numbers. */
static int
S_collect(S_doc *d)
{
    gw_lo *lo = d->lo;
    size_t i;
    int rc;
    gw_lo_id_clear(lo);
    lo->pagenum_str = gw_arena_alloc(lo->arena, d->npages * sizeof *lo->pagenum_str);
    lo->npagenum = d->npages;
    for (i = 0; i < d->npages; i++) {
        S_draw_ctx dc;
        const S_pagerec *pr = &d->pages[i];
        lo->pagenum_str[i] = S_format(lo, pr->seq, pr->number);
        memset(&dc, 0, sizeof dc);
        dc.lo = lo;
        dc.d = d;
        dc.page_index = i;
        rc = S_draw(&dc, &pr->body, pr->m->body.x, pr->m->body.y, pr->m->grid.line, 0);
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int
S_draw_static(S_draw_ctx *dc, const S_pagerec *pr, int after)
{
    gw_lo *lo = dc->lo;
    const gw_fo_node *c;
    int s, rc;
    static const int order[4] = {GW_FO_TOP, GW_FO_LEFT, GW_FO_RIGHT, GW_FO_BOTTOM};
    /* reading order: the header before the body (after = 0), the page
     * number and the other margins after it (after = 1) */
    for (s = after ? 1 : 0; s < (after ? 4 : 1); s++) {
        const S_region *rg = &pr->m->side[order[s]];
        if (!rg->present)
            continue;
        for (c = pr->seq->first; c; c = c->next) {
            const char *fn = gw_fo_attr(c, "flow-name");
            gw_lo_vlist vl = {0};
            double h = 0, off = 0;
            size_t i;
            if (c->kind != GW_FO_STATIC_CONTENT || !fn || strcmp(fn, rg->name))
                continue;
            /* a turned region: inline along the page's height */
            int turned = rg->rot == 90 || rg->rot == 270;
            double fw = turned ? rg->h : rg->w, fh = turned ? rg->w : rg->h;
            rc = gw_lo_build(lo, c, fw, NULL, dc->pagenum, NULL, &vl);
            if (rc < 0)
                return rc;
            for (i = 0; i < vl.n; i++)
                h += vl.v[i].h;
            if (rg->valign == GW_FO_DISPLAY_CENTER)
                off = (fh - h) / 2;
            else if (rg->valign == GW_FO_DISPLAY_AFTER)
                off = fh - h;
            dc->rot = rg->rot;
            dc->X0 = rg->rot == 270 || rg->rot == 180 ? rg->x + rg->w : rg->x;
            dc->Y0 = rg->rot == 90 || rg->rot == 180 ? rg->y + rg->h : rg->y;
            rc = dc->rot ? S_draw(dc, &vl, 0, off, 0, 0) : S_draw(dc, &vl, rg->x, rg->y + off, 0, 0);
            dc->rot = 0;
            if (rc < 0)
                return rc;
        }
    }
    return 0;
}

/* fo:bookmark-tree -> PDF outline, walked with an explicit stack. */
static int
S_bookmarks(S_doc *d, gw_doc *doc)
{
    gw_lo *lo = d->lo;
    const gw_fo_node *t, *n;
    struct { const gw_fo_node *next; int parent; } st[GW_FO_MAX_DEPTH + 1];
    int sp;
    for (t = lo->tree->root->first; t; t = t->next) {
        if (t->kind != GW_FO_BOOKMARK_TREE)
            continue;
        sp = 0;
        st[0].next = t->first;
        st[0].parent = -1;
        while (sp >= 0) {
            gw_buf title;
            const gw_fo_node *c, *x;
            const char *dest;
            size_t page = 0;
            double y = 0;
            int id, space = 0;
            n = st[sp].next;
            if (!n) {
                sp--;
                continue;
            }
            st[sp].next = n->next;
            if (n->kind != GW_FO_BOOKMARK)
                continue;
            gw_buf_init(&title);
            for (c = n->first; c; c = c->next)
                if (c->kind == GW_FO_BOOKMARK_TITLE)
                    for (x = c->first; x; x = x->next)
                        if (x->kind == GW_FO_TEXT) {
                            const char *s;
                            for (s = x->text; *s; s++) {
                                if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
                                    space = title.len > 0;
                                    continue;
                                }
                                if (space)
                                    gw_buf_putc(&title, ' ');
                                space = 0;
                                gw_buf_putc(&title, *s);
                            }
                        }
            dest = gw_fo_attr(n, "internal-destination");
            if (!dest || gw_lo_id_lookup(lo, dest, &page, &y) < 0)
                gw_warnf("%s:%d: fo:bookmark: internal-destination '%s' names no id; "
                         "pointing at page 1", lo->name, n->line, dest ? dest : "");
            id = gw_doc_add_bookmark(doc, st[sp].parent, title.ptr, page, y);
            gw_buf_free(&title);
            if (n->first && sp + 1 < GW_FO_MAX_DEPTH) {
                sp++;
                st[sp].next = n->first;
                st[sp].parent = id;
            }
        }
    }
    return 0;
}

gw_lo *
gw_lo_new(const gw_fo_tree *tree, gw_fontset *fs, const char *basedir,
          const gw_render_opts *opts, gw_err *err)
{
    gw_arena *a = gw_arena_new();
    gw_lo *lo = gw_arena_alloc(a, sizeof *lo);     /* zeroed */
    lo->arena = a;
    lo->base = a;
    lo->fonts = fs;
    lo->tree = tree;
    lo->name = tree->name;
    lo->basedir = gw_arena_strdup(a, basedir ? basedir : ".");
    lo->opts = opts;
    lo->err = err;
    return lo;
}

void
gw_lo_free(gw_lo *lo)
{
    if (!lo)
        return;
    if (lo->pages) {
        S_doc *d = lo->pages;
        for (size_t i = 0; i < d->npieces; i++)
            if (!d->pieces[i].freed) {
                gw_arena_free(d->pieces[i].arena);
                gw_fo_free(d->pieces[i].tree);
            }
        free(d->pieces);
        gw_doc_free(d->scratch);
        free(d->masters);
        free(d->pages);
        free(d);
    }
    for (size_t i = 0; i < lo->nimages; i++)
        free((char *)lo->images[i].path);
    free(lo->images);
    free(lo->ids);
    free(lo->idhash);
    free(lo->pn);
    free(lo->seen_fl);
    gw_arena_free(lo->base);        /* lo itself is in it */
}

/* The page masters of lo's tree, into a new lo->pages. */
static int
S_doc_new(gw_lo *lo)
{
    S_doc *d;
    const gw_fo_node *c;
    int rc;

    if (lo->pages)
        return gw_err_set(lo->err, GW_EDEP, "layout: paginated twice");
    d = lo->pages = gw_xcalloc(1, sizeof *d);
    d->lo = lo;
    for (c = lo->tree->root->first; c; c = c->next)
        if (c->kind == GW_FO_LAYOUT_MASTER_SET) {
            d->lms = c;
            break;
        }
    if (!d->lms)
        return S_err(lo, lo->tree->root, "has no fo:layout-master-set", NULL);
    for (c = d->lms->first; c; c = c->next)
        if (c->kind == GW_FO_SIMPLE_PAGE_MASTER) {
            S_master *m = NULL;
            rc = S_parse_master(d, c, &m);
            if (rc < 0)
                return rc;
            d->masters = gw_xrealloc(d->masters, (d->nmasters + 1) * sizeof *d->masters);
            d->masters[d->nmasters++] = m;
        } else if (c->kind != GW_FO_PAGE_SEQUENCE_MASTER) {
            return S_err(lo, c, "is not allowed in fo:layout-master-set", NULL);
        }
    return 0;
}

/* The bookmarks and the document information, into meta. */
static int
S_meta(S_doc *d, gw_doc *meta)
{
    gw_lo *lo = d->lo;
    const gw_fo_node *c;
    size_t i;
    int rc;
    static const char *const info[5] = {"title", "author", "subject", "keywords", "date"};

    rc = S_bookmarks(d, meta);
    if (rc < 0)
        return rc;
    for (i = 0; i < 5; i++) {
        const char *v = gw_fo_gw_attr(lo->tree->root, info[i]);
        /* fo:root first, else fo:declarations */
        for (c = lo->tree->root->first; c && !(v && *v); c = c->next)
            if (c->kind == GW_FO_DECLARATIONS)
                v = gw_fo_gw_attr(c, info[i]);
        if (v && *v)
            gw_doc_set_info(meta, info[i], v);
    }
    gw_doc_set_info(meta, "creator", "gongwen " GW_VERSION);
    {
        const char *lang = gw_fo_xml_lang(lo->tree->root);
        if (lang && *lang)
            gw_doc_set_info(meta, "lang", lang);
    }
    return 0;
}

int
gw_lo_paginate(gw_lo *lo, gw_doc *meta, size_t *npages)
{
    S_doc *d;
    int rc = 0, pass;

    *npages = 0;
    if ((rc = S_doc_new(lo)) < 0)
        return rc;
    d = lo->pages;
    /* citations refer to pages laid out later: a second pass uses the
     * first one's id map */
    for (pass = 0; pass < 2; pass++) {
        rc = S_layout_pages(d);
        if (rc < 0)
            return rc;
        rc = S_collect(d);
        if (rc < 0)
            return rc;
        if (!lo->tree->has_citations && !lo->need_pass2)
            break;
        lo->need_pass2 = 0;
    }
    if ((rc = S_meta(d, meta)) < 0)
        return rc;
    *npages = d->npages;
    return 0;
}

/* A piece that a document in pieces cannot have: the page numbers it
 * asks for are known only when the whole is laid out. */
static int
S_piece_check(gw_lo *lo, const gw_fo_tree *t)
{
    if (t->has_citations || lo->need_pass2)
        return gw_err_set(lo->err, GW_EINPUT, "%s: fo:page-number-citation and "
                          "fo:page-number in the flow need the whole document; a document "
                          "in pieces (gw:pieces) cannot have them", t->name);
    return 0;
}

int
gw_lo_stream(gw_lo *lo, gw_fo_tree *piece, gw_lo_put_fn put, void *ctx)
{
    S_doc *d = lo->pages;
    const gw_fo_tree *t = piece ? piece : lo->tree;
    const gw_fo_node *seq;
    S_piece *pc;
    int rc;

    if (!d) {
        if (piece) {
            gw_fo_free(piece);
            return gw_err_set(lo->err, GW_EDEP, "layout: a piece before the first");
        }
        if ((rc = S_doc_new(lo)) < 0)
            return rc;
        d = lo->pages;
        d->next_number = 1;
        d->put = put;
        d->put_ctx = ctx;
        d->scratch = gw_doc_new();
    } else if (!piece || !d->put) {
        gw_fo_free(piece);
        return gw_err_set(lo->err, GW_EDEP, "layout: the first piece twice");
    }
    /* the piece's layout takes an arena of its own, freed with the piece */
    d->pieces = gw_xrealloc(d->pieces, (d->npieces + 1) * sizeof *d->pieces);
    pc = &d->pieces[d->npieces++];
    memset(pc, 0, sizeof *pc);
    pc->tree = piece;
    pc->arena = lo->arena = gw_arena_new();
    /* messages name the piece they are about, and its external-graphic
     * src is relative to its own file */
    lo->name = t->name;
    {
        const char *sl = t->name ? strrchr(t->name, '/') : NULL;
        lo->basedir = sl ? gw_arena_strndup(lo->base, t->name, (size_t)(sl - t->name)) : ".";
    }
    if ((rc = S_piece_check(lo, t)) < 0)
        return rc;
    for (seq = t->root->first; seq; seq = seq->next)
        if (seq->kind == GW_FO_PAGE_SEQUENCE && (rc = S_feed(d, seq)) < 0)
            return rc;
    d->pieces[d->npieces - 1].end = d->fed;
    return S_piece_check(lo, t);
}

int
gw_lo_stream_end(gw_lo *lo, gw_doc *meta, size_t *npages)
{
    S_doc *d = lo->pages;
    int rc;

    *npages = 0;
    if (!d || !d->put)
        return gw_err_set(lo->err, GW_EDEP, "layout: no pieces to end");
    if (d->run.open && (rc = S_seq_close(d)) < 0)
        return rc;
    if ((rc = S_flush(d)) < 0)
        return rc;
    /* the bookmarks and the information are the first piece's */
    lo->name = lo->tree->name;
    if (d->npages == 0)
        return S_err(lo, lo->tree->root, "has no fo:page-sequence", NULL);
    if ((rc = S_meta(d, meta)) < 0)
        return rc;
    *npages = d->npages;
    return 0;
}

int
gw_lo_draw_page(gw_lo *lo, size_t i, gw_doc *doc)
{
    S_doc *d = lo->pages;
    const S_pagerec *pr;
    S_draw_ctx dc;
    gw_arena_mark mark;
    int rc;

    if (!d || i >= d->npages)
        return gw_err_set(lo->err, GW_EDEP, "layout: no page %zu", i + 1);
    pr = &d->pages[i];
    memset(&dc, 0, sizeof dc);
    dc.lo = lo;
    dc.d = d;
    dc.doc = doc;
    dc.page_index = i;
    dc.pg = gw_doc_add_page(doc, pr->m->pw, pr->m->ph, 0);
    /* static content is built again for every page (it holds the page
     * number); what that takes from the arena is given back afterwards,
     * so drawing page after page does not grow the layout */
    mark = gw_arena_mark_get(lo->arena);
    dc.pagenum = i < lo->npagenum ? lo->pagenum_str[i] : S_format(lo, pr->seq, pr->number);
    rc = S_draw_static(&dc, pr, 0);
    if (rc == 0)
        rc = S_draw(&dc, &pr->body, pr->m->body.x, pr->m->body.y, pr->m->grid.line, 0);
    if (rc == 0)
        rc = S_draw_static(&dc, pr, 1);
    gw_arena_release(lo->arena, mark);
    return rc;
}
