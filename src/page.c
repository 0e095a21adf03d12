/* page.c — the positioned-page display list (see page.h, page-imp.h). */
#include "page-imp.h"

#include <stdlib.h>
#include <string.h>

struct gw_page {
    gw_arena *arena;     /* the doc's: copies of strings and coordinates */
    double   w, h;
    int      rotate;
    gw_item *items;
    size_t   n, cap;
};

struct gw_doc {
    gw_arena    *arena;          /* bookmark titles, information */
    gw_arena    *parena;         /* the pages': strings, coordinates, path ops */
    gw_page    **pages;
    size_t       npages, cap;
    gw_bookmark *marks;
    size_t       nmarks, mcap;
    const char  *info[7];
};

static const char *const S_info_keys[7] = {
    "title", "author", "subject", "keywords", "creator", "date", "lang"
};

gw_doc *
gw_doc_new(void)
{
    gw_doc *d = gw_xcalloc(1, sizeof *d);
    d->arena = gw_arena_new();
    d->parena = gw_arena_new();
    return d;
}

void
gw_doc_clear(gw_doc *d)
{
    size_t i;
    for (i = 0; i < d->npages; i++) {
        free(d->pages[i]->items);
        free(d->pages[i]);
    }
    d->npages = 0;
    gw_arena_free(d->parena);
    d->parena = gw_arena_new();
}

void
gw_doc_free(gw_doc *d)
{
    if (!d)
        return;
    gw_doc_clear(d);
    gw_arena_free(d->parena);
    free(d->pages);
    free(d->marks);
    gw_arena_free(d->arena);
    free(d);
}

gw_page *
gw_doc_add_page(gw_doc *d, double w, double h, int rotate)
{
    gw_page *p = gw_xcalloc(1, sizeof *p);
    p->w = w;
    p->h = h;
    p->rotate = rotate;
    if (d->npages == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->pages = gw_xrealloc(d->pages, d->cap * sizeof *d->pages);
    }
    d->pages[d->npages++] = p;
    p->arena = d->parena;
    return p;
}

size_t
gw_doc_page_count(const gw_doc *d)
{
    return d->npages;
}

gw_page *
gw_doc_page(const gw_doc *d, size_t i)
{
    return i < d->npages ? d->pages[i] : NULL;
}

void
gw_page_size(const gw_page *p, double *w, double *h, int *rotate)
{
    if (w)
        *w = p->w;
    if (h)
        *h = p->h;
    if (rotate)
        *rotate = p->rotate;
}

void
gw_doc_set_info(gw_doc *d, const char *key, const char *value)
{
    for (int i = 0; i < 7; i++)
        if (strcmp(key, S_info_keys[i]) == 0)
            d->info[i] = gw_arena_strdup(d->arena, value);
}

const char *
gw_doc_info(const gw_doc *d, const char *key)
{
    for (int i = 0; i < 7; i++)
        if (strcmp(key, S_info_keys[i]) == 0)
            return d->info[i];
    return NULL;
}

int
gw_doc_add_bookmark(gw_doc *d, int parent, const char *title, size_t page, double y)
{
    gw_bookmark *b;
    if (d->nmarks == d->mcap) {
        d->mcap = d->mcap ? d->mcap * 2 : 16;
        d->marks = gw_xrealloc(d->marks, d->mcap * sizeof *d->marks);
    }
    b = &d->marks[d->nmarks];
    b->parent = parent;
    b->title = gw_arena_strdup(d->arena, title);
    b->page = page;
    b->y = y;
    return (int)d->nmarks++;
}

size_t
gw_doc_bookmark_count(const gw_doc *d)
{
    return d->nmarks;
}

const gw_bookmark *
gw_doc_bookmark(const gw_doc *d, size_t i)
{
    return i < d->nmarks ? &d->marks[i] : NULL;
}

static gw_item *
S_push(gw_page *p, gw_item_kind kind)
{
    gw_item *it;
    if (p->n == p->cap) {
        p->cap = p->cap ? p->cap * 2 : 64;
        p->items = gw_xrealloc(p->items, p->cap * sizeof *p->items);
    }
    it = &p->items[p->n++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->opacity = 1.0;
    it->hscale = 1.0;
    it->fill.none = 1;
    it->stroke.none = 1;
    return it;
}

static void *
S_copy(gw_page *p, const void *src, size_t n)
{
    void *dst = gw_arena_alloc(p->arena, n);
    if (n)
        memcpy(dst, src, n);
    return dst;
}

void
gw_page_text(gw_page *p, gw_face *face, double size, gw_color color, double y,
             const char *utf8, size_t len, const double *x, size_t n,
             double hscale, int fake_bold)
{
    gw_item *it = S_push(p, GW_ITEM_TEXT);
    char *s = S_copy(p, utf8, len + 1);
    s[len] = '\0';
    it->face = face;
    it->size = size;
    it->fill = color;
    it->y = y;
    it->x = n ? x[0] : 0;
    it->utf8 = s;
    it->len = len;
    it->n = n;
    it->xs = S_copy(p, x, n * sizeof *x);
    it->hscale = hscale > 0 ? hscale : 1.0;
    it->fake_bold = fake_bold;
}

void
gw_page_text_trim_last(gw_page *p, double w)
{
    if (p->n && p->items[p->n - 1].kind == GW_ITEM_TEXT && w > 0)
        p->items[p->n - 1].wlast = w;
}

void
gw_page_text_rotated(gw_page *p, gw_face *face, double size, gw_color color, double ox,
                     double oy, int angle, const char *utf8, size_t len, const double *dx,
                     size_t n, double hscale, int fake_bold)
{
    gw_item *it;
    double *xs;
    size_t i;

    gw_page_text(p, face, size, color, oy, utf8, len, dx, n, hscale, fake_bold);
    it = &p->items[p->n - 1];
    /* stored as unrotated positions, so the writer splits the run into
     * strings exactly as it does for upright text */
    xs = (double *)it->xs;
    for (i = 0; i < n; i++)
        xs[i] = ox + dx[i];
    it->x = ox;
    it->angle = angle;
}

void
gw_page_line(gw_page *p, double x0, double y0, double x1, double y1,
             double width, gw_color color)
{
    gw_item *it = S_push(p, GW_ITEM_LINE);
    it->x = x0;
    it->y = y0;
    it->w = x1;
    it->h = y1;
    it->width = width;
    it->stroke = color;
}

void
gw_page_rect(gw_page *p, double x, double y, double w, double h,
             gw_color fill, gw_color stroke, double width)
{
    gw_item *it = S_push(p, GW_ITEM_RECT);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->fill = fill;
    it->stroke = stroke;
    it->width = width;
}

void
gw_page_path(gw_page *p, const gw_path_op *ops, size_t n, gw_color fill,
             gw_color stroke, double width, double opacity)
{
    gw_item *it = S_push(p, GW_ITEM_PATH);
    it->ops = S_copy(p, ops, n * sizeof *ops);
    it->nops = n;
    it->fill = fill;
    it->stroke = stroke;
    it->width = width;
    it->opacity = opacity;
}

void
gw_page_image(gw_page *p, const char *png_path, double x, double y, double w, double h)
{
    gw_item *it = S_push(p, GW_ITEM_IMAGE);
    it->path = S_copy(p, png_path, strlen(png_path) + 1);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
}

void
gw_page_link(gw_page *p, double x, double y, double w, double h,
             size_t dest_page, double dest_y)
{
    gw_item *it = S_push(p, GW_ITEM_LINK);
    it->x = x;
    it->y = y;
    it->w = w;
    it->h = h;
    it->dest_page = dest_page;
    it->dest_y = dest_y;
}

size_t
gw_page_item_count(const gw_page *p)
{
    return p->n;
}

const gw_item *
gw_page_item(const gw_page *p, size_t i)
{
    return i < p->n ? &p->items[i] : NULL;
}

void
gw_doc_merge(gw_doc *d, const gw_doc *src, size_t page_offset)
{
    size_t base = d->nmarks, i;
    for (i = 0; i < src->nmarks; i++) {
        const gw_bookmark *b = &src->marks[i];
        (void)gw_doc_add_bookmark(d, b->parent < 0 ? -1 : (int)base + b->parent, b->title,
                                  b->page + page_offset, b->y);
    }
    for (i = 0; i < 7; i++)
        if (!d->info[i] && src->info[i])
            d->info[i] = gw_arena_strdup(d->arena, src->info[i]);
}
