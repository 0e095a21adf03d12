/* layout-imp.h — private interface of the layout engine (src/layout/),
 * included by its files only; render.c sees src/layout.h:
 *
 *   build.c     FO flow -> vertical list of items (lines, spaces, block
 *               boxes, table rows, absolute containers, forced breaks)
 *   paginate.c  page masters, pagination (keeps, breaks, widows/orphans,
 *               row splitting, repeated table headers), static content,
 *               drawing into a gw_doc, page numbers, links, bookmarks
 *
 * The layout state (struct gw_lo, from gw_lo_new) and everything the engine
 * makes and keeps — vertical lists, lines, boxes, rows — come from the
 * layout's arena and are freed in one call, gw_lo_free.  The tables that
 * must outlive a page's drawing (ids, images, page-number positions) use
 * malloc (gw_lo_mgrow): gw_lo_draw_page gives back the arena memory the
 * page's static content took.  Scratch arrays that live within one call
 * use malloc too and are freed before it returns.
 * Coordinates: points, x from the left edge of the reference area the list
 * was built for (region, cell or absolute container), y down. */
#ifndef GW_LAYOUT_IMP_H
#define GW_LAYOUT_IMP_H

#include "layout.h"
#include "fo-imp.h"
#include "font.h"
#include "page.h"

#define GW_LO_MAX_NEST 16      /* nested tables / block-containers */

typedef struct gw_lo_table gw_lo_table;

typedef enum {
    GW_LI_LINE, GW_LI_GLUE, GW_LI_BOX_START, GW_LI_BOX_END, GW_LI_BREAK,
    GW_LI_ROW, GW_LI_ABS, GW_LI_ANCHOR
} gw_li_kind;

typedef struct gw_lo_item {
    unsigned char kind;         /* gw_li_kind */
    unsigned char nobreak;      /* no page break directly before this item */
    unsigned char grid;         /* top snaps to the line grid */
    unsigned char retain;       /* glue kept at the top of a page */
    int           brk;          /* GW_LI_BREAK: GW_FO_BREAK_* */
    double        h;            /* height taken */
    void         *ptr;          /* gw_lo_line, gw_lo_box, gw_lo_row, gw_lo_abs, id */
} gw_lo_item;

typedef struct gw_lo_vlist {
    gw_lo_item *v;
    size_t      n, cap;
} gw_lo_vlist;

/* A run of glyphs in one face, size and colour. */
typedef struct gw_lo_run {
    gw_face    *face;
    double      size, hscale;
    double      wlast;          /* > 0: a squeezed closing mark at the line's
                                 * end, drawn whole in a box this wide */
    gw_color    color;
    int         fake_bold;
    int         deco;           /* GW_FO_DECO_* */
    double      xend;           /* right edge of the last code point */
    const char *utf8;
    size_t      len, n;
    double     *xs;             /* left edge of each code point */
} gw_lo_run;

enum { GW_OBJ_PAGENUM, GW_OBJ_LEADER, GW_OBJ_IMAGE, GW_OBJ_SVG, GW_OBJ_LINK };

/* Something in a line that is not a glyph run. */
typedef struct gw_lo_obj {
    int         kind;
    double      x, w, h;        /* h: above the baseline (images) or thickness */
    gw_color    color;
    const gw_fo_node *node;     /* the FO node (page-number: its props) */
    gw_xml_node svg;            /* svg: the <svg> element (gw_fo_svg) */
    const char *str;            /* image path; link destination id */
    const gw_fontlist *fl;      /* page-number */
    int         expand;         /* leader without a length: fills justified lines */
} gw_lo_obj;

typedef struct gw_lo_line {
    double     base;            /* baseline offset from the top of the line box */
    double     asc, desc;       /* of the tallest content (desc positive) */
    gw_lo_run *runs;
    size_t     nruns;
    gw_lo_obj *objs;
    size_t     nobjs;
    const char **ids;           /* ids of inline objects starting on this line */
    size_t     nids;
} gw_lo_line;

/* Background and borders of a block drawn around its content. */
typedef struct gw_lo_box {
    double   x0, x1;            /* border-box edges */
    double   bw[4];
    gw_color bc[4], bg;
} gw_lo_box;

typedef struct gw_lo_cell {
    double      x, w;           /* border box */
    int         rowspan;
    double      pad[4], bw[4];
    gw_color    bc[4], bg;
    int         valign;         /* GW_FO_DISPLAY_* */
    gw_lo_vlist vl;
    double      content_h;
} gw_lo_cell;

typedef struct gw_lo_row {
    gw_lo_table *table;
    gw_lo_cell **cells;
    size_t       ncells;
    double       h;             /* its own height (spanning cells add rows') */
    int          header;
    int          spans;         /* a cell spans more rows: not splittable */
    int          keep;          /* keep-together: moved whole when it fits a page */
} gw_lo_row;

struct gw_lo_table {
    gw_lo_item *header;         /* header rows (copies), repeated after breaks */
    size_t      nheader;
    int         omit_header;
};

/* A block-container with absolute-position: drawn where it says, taking no
 * room in the flow. */
typedef struct gw_lo_abs {
    int         fixed;          /* relative to the page, not the region */
    int         inflow;         /* a static container with a height: takes
                                 * its height in the flow, content aligned
                                 * by display-align */
    double      x, y, w, h;     /* h < 0: auto */
    int         valign;
    gw_lo_vlist vl;
    double      content_h;
} gw_lo_abs;

/* An image file that passed gw_image_load (path in the arena). */
typedef struct gw_lo_image {
    const char *path;
    double      w, h;           /* intrinsic size in pt */
} gw_lo_image;

/* Grid of a region-body with gw:grid="C L". */
typedef struct gw_lo_grid {
    double line;                /* line pitch, 0 = no grid */
    double chr;                 /* character pitch */
} gw_lo_grid;

/* Where an id's first area landed. */
typedef struct gw_lo_idpos {
    const char *id;
    size_t      page;           /* 0-based page index */
    double      y;
} gw_lo_idpos;

/* Where an fo:page-number in a flow landed in the first pass. */
typedef struct gw_lo_pnpos {
    const gw_fo_node *node;
    size_t            page;     /* 0-based page index */
} gw_lo_pnpos;

/* Set by gw_lo_new, freed by gw_lo_free; allocated from its own arena. */
struct gw_lo {
    gw_arena     *arena;        /* what is being laid out (in pieces: the
                                 * newest piece's, freed with the piece) */
    gw_arena     *base;         /* the layout's own: lo, masters, ids */
    gw_fontset   *fonts;
    const gw_fo_tree *tree;
    const char   *name;         /* of the FO in messages: the piece's */
    const char   *basedir;      /* for external-graphic src (in the arena) */
    const gw_render_opts *opts; /* NULL = defaults */
    gw_err       *err;
    int           missing_warned;
    /* id -> page map from the previous pass (citations) and this one */
    gw_lo_idpos  *ids;
    size_t        nids, idcap;
    size_t       *idhash;       /* open addressing: index + 1, 0 = empty */
    size_t        hcap;
    char        **pagenum_str;  /* formatted number of each page index */
    size_t        npagenum;
    /* font lists used, for --verbose */
    const gw_fontlist *last_fl;
    const gw_fo_props *last_fl_props;
    /* fo:page-number in a flow: the page each landed on in the first pass,
     * so the second pass sets the real number as text */
    gw_lo_pnpos  *pn;
    size_t        npn, pncap;
    int           need_pass2;
    const gw_fontlist **seen_fl;
    size_t        nseen, seencap;
    int           inline_deco_warned;
    /* external-graphic files already decoded and checked (image.h) and
     * their sizes: static content is laid out for every page and the
     * document may be laid out twice, but each file is read once */
    gw_lo_image  *images;
    size_t        nimages, imagecap;
    /* the pages (paginate.c), set by gw_lo_paginate */
    struct gw_lo_pages *pages;
};

/* Room for one more item in an array v of n items kept in the layout's
 * arena: v itself while n < *cap, else a copy in a new block of twice the
 * capacity (16 items at first; *cap updated).  The old block stays in the
 * arena until gw_lo_free. */
void *gw_lo_grow(gw_lo *lo, void *v, size_t n, size_t *cap, size_t size);

/* The same for the tables that live until gw_lo_free whatever else is
 * given back (ids, images, page-number positions): v grown with realloc,
 * freed by gw_lo_free. */
void *gw_lo_mgrow(void *v, size_t n, size_t *cap, size_t size);

/* Appends an item; returns it (valid until the next append). */
gw_lo_item *gw_lo_push(gw_lo *lo, gw_lo_vlist *vl, gw_li_kind kind, double h);

/* The keep state at the end of a flow's list, for the flow's next piece:
 * a keep-with-next still to honour, a break not allowed before what comes. */
typedef struct gw_lo_carry {
    int keep_pending, nobreak_next;
    int table_end;              /* the list ends with a table, which a
                                 * gw:continue table goes on with */
} gw_lo_carry;

/* Builds the vertical list of the children of `parent` (a flow, a
 * static-content or an absolute block-container) for a reference area of
 * width w, with grid (may be NULL), appending to out.  `pagenum` is the
 * formatted number of the page being drawn (static content) or NULL (the
 * flow: page numbers are drawn later).  carry (may be NULL): the keep
 * state of the list so far, updated to its end (a flow in pieces).  0 or a
 * negative GW_E* with lo->err set. */
int gw_lo_build(gw_lo *lo, const gw_fo_node *parent, double w,
                const gw_lo_grid *grid, const char *pagenum, gw_lo_carry *carry,
                gw_lo_vlist *out);

/* Line height of props per XSL (normal = 1.2em). */
double gw_lo_line_height(const gw_fo_props *p);

/* Length attribute `name` of n in points (percentages of base, ems of its
 * font size); dflt when it is absent, "auto" or not a length. */
double gw_lo_len_attr(const gw_fo_node *n, const char *name, double base, double dflt);

/* Looks up the page index and y of an id found in a previous pass;
 * 0 when found, -1 otherwise. */
int gw_lo_id_lookup(const gw_lo *lo, const char *id, size_t *page, double *y);

/* Records where id landed (the first area of an id wins). */
void gw_lo_id_add(gw_lo *lo, const char *id, size_t page, double y);

/* Forgets all ids (a new pass). */
void gw_lo_id_clear(gw_lo *lo);

#endif
