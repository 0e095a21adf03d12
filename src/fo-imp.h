/* fo-imp.h — the FO tree inside: node kinds, computed properties, nodes,
 * and the helpers that read attributes and lengths.  For fo.c, which builds
 * the tree, and the layout engine (src/layout/), which walks it; everyone
 * else sees the opaque gw_fo_tree of fo.h.  The layout never parses
 * property strings itself except the few lengths whose percentages need
 * its reference width. */
#ifndef GW_FO_IMP_H
#define GW_FO_IMP_H

#include "fo.h"
#include "color.h"

typedef enum gw_fo_kind {
    GW_FO_TEXT,                 /* character data inside a block or inline */
    GW_FO_ROOT, GW_FO_LAYOUT_MASTER_SET, GW_FO_SIMPLE_PAGE_MASTER,
    GW_FO_REGION_BODY, GW_FO_REGION_BEFORE, GW_FO_REGION_AFTER,
    GW_FO_REGION_START, GW_FO_REGION_END,
    GW_FO_PAGE_SEQUENCE_MASTER, GW_FO_SINGLE_PAGE_MASTER_REFERENCE,
    GW_FO_REPEATABLE_PAGE_MASTER_REFERENCE,
    GW_FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES,
    GW_FO_CONDITIONAL_PAGE_MASTER_REFERENCE,
    GW_FO_DECLARATIONS, GW_FO_PAGE_SEQUENCE, GW_FO_TITLE,
    GW_FO_STATIC_CONTENT, GW_FO_FLOW,
    GW_FO_BLOCK, GW_FO_BLOCK_CONTAINER, GW_FO_INLINE, GW_FO_WRAPPER,
    GW_FO_CHARACTER, GW_FO_PAGE_NUMBER, GW_FO_PAGE_NUMBER_CITATION,
    GW_FO_LEADER, GW_FO_BASIC_LINK, GW_FO_EXTERNAL_GRAPHIC,
    GW_FO_INSTREAM_FOREIGN_OBJECT,
    GW_FO_BOOKMARK_TREE, GW_FO_BOOKMARK, GW_FO_BOOKMARK_TITLE,
    GW_FO_TABLE, GW_FO_TABLE_COLUMN, GW_FO_TABLE_HEADER, GW_FO_TABLE_FOOTER,
    GW_FO_TABLE_BODY, GW_FO_TABLE_ROW, GW_FO_TABLE_CELL,
    GW_FO_LIST_BLOCK, GW_FO_LIST_ITEM, GW_FO_LIST_ITEM_LABEL, GW_FO_LIST_ITEM_BODY,
    GW_FO_KIND_COUNT
} gw_fo_kind;

enum { GW_FO_ALIGN_START, GW_FO_ALIGN_CENTER, GW_FO_ALIGN_END,
       GW_FO_ALIGN_JUSTIFY, GW_FO_ALIGN_RELATIVE };
enum { GW_FO_DISPLAY_AUTO, GW_FO_DISPLAY_BEFORE, GW_FO_DISPLAY_CENTER,
       GW_FO_DISPLAY_AFTER };
enum { GW_FO_BREAK_AUTO, GW_FO_BREAK_PAGE, GW_FO_BREAK_ODD, GW_FO_BREAK_EVEN };
enum { GW_FO_LH_NORMAL, GW_FO_LH_FACTOR, GW_FO_LH_LENGTH };
enum { GW_FO_LF_SPACE, GW_FO_LF_PRESERVE, GW_FO_LF_IGNORE };
enum { GW_FO_POS_STATIC, GW_FO_POS_ABSOLUTE, GW_FO_POS_FIXED };
enum { GW_FO_TOP, GW_FO_RIGHT, GW_FO_BOTTOM, GW_FO_LEFT };
enum { GW_FO_DECO_UNDERLINE = 1, GW_FO_DECO_OVERLINE = 2, GW_FO_DECO_LINE_THROUGH = 4 };

/* Computed properties of one formatting object.  Lengths are in points. */
typedef struct gw_fo_props {
    /* inherited */
    const char *font_family;
    double   font_size;
    int      font_weight;           /* 100..900 */
    gw_color color;
    int      text_align, text_align_last;   /* GW_FO_ALIGN_* */
    double   text_indent;
    int      lh_kind;               /* GW_FO_LH_*: line-height */
    double   lh;                    /* factor or length */
    double   letter_spacing;
    double   start_indent, end_indent;  /* from the reference area's edges */
    double   ti_pct;                /* text-indent: a fraction of the width */
    double   si_pct, ei_pct;        /* plus these fractions of its width
                                     * (start-indent="10%": XSL 5.3.2) */
    int      linefeed;              /* GW_FO_LF_* */
    int      collapse;              /* white-space-collapse */
    int      ws_keep;               /* white-space-treatment=preserve */
    int      wrap;                  /* wrap-option */
    int      widows, orphans;
    int      display_align;         /* GW_FO_DISPLAY_* */
    int      grid_off;              /* gw:grid="none" */
    int      squeeze;               /* gw:punctuation-squeeze */
    int      fit_to_width;          /* gw:fit-to-width */
    const char *prefer_break;       /* gw:prefer-break-after: UTF-8 marks a
                                     * line may break after first ("" none) */
    int      decoration;            /* text-decoration: GW_FO_DECO_* bits
                                     * (propagates to descendants' text) */
    /* not inherited */
    double   space_before, space_after;
    int      sb_retain, sa_retain;  /* .conditionality="retain" */
    double   margin[4];             /* margin-* as given (page masters, regions) */
    double   padding[4];            /* GW_FO_TOP.. */
    double   border_w[4];           /* 0 when the style is none */
    gw_color border_c[4];
    gw_color background;            /* none = transparent */
    int      break_before, break_after;   /* GW_FO_BREAK_* */
    int      keep_with_next, keep_with_previous, keep_together;
    int      position;              /* absolute-position */
} gw_fo_props;

/* An attribute of an FO element, copied out of the XML tree (the tree
 * needs nothing of the XML document once loaded, which can then be freed
 * before layout).  Attributes in other namespaces than these are dropped. */
enum { GW_FO_NS_NONE, GW_FO_NS_GW, GW_FO_NS_XML };
typedef struct gw_fo_attr_s {
    int         ns;                 /* GW_FO_NS_* */
    const char *name, *value;
} gw_fo_attr_s;

typedef struct gw_fo_node gw_fo_node;
struct gw_fo_node {
    gw_fo_kind   kind;
    int          line;              /* line in the FO source */
    const gw_fo_attr_s *attrs;      /* in the tree's arena; only fo.c reads them */
    size_t       nattrs;
    gw_xml_node  svg;               /* fo:instream-foreign-object: a copy of its
                                     * <svg> element, in the tree's own XML doc */
    gw_fo_node  *parent, *first, *last, *next;
    const char  *text;              /* GW_FO_TEXT: the characters, NUL-terminated */
    size_t       len;
    const char  *id;                /* id attribute or NULL */
    const gw_fo_props *p;           /* text nodes share their parent's */
};

struct gw_fo_tree {
    gw_arena   *arena;              /* nodes, props, copied strings */
    gw_xml_doc  svgdoc;             /* copies of the SVG drawings, or NULL */
    gw_fo_node *root;
    const char *name;               /* for messages: the FO file name */
    int         has_citations;      /* any fo:page-number-citation */
};

/* "fo:block" etc. for messages; static string. */
const char *gw_fo_kind_name(gw_fo_kind k);

/* The value of attribute `name` (no namespace) of the node's element, or
 * NULL; borrowed from the XML tree. */
const char *gw_fo_attr(const gw_fo_node *n, const char *name);
/* The same for a gw: extension attribute (namespace urn:gongwen:fo). */
/* The node's xml:lang attribute (fo:root: the document's language), borrowed;
 * NULL when absent. */
const char *gw_fo_xml_lang(const gw_fo_node *n);
const char *gw_fo_gw_attr(const gw_fo_node *n, const char *name);

/* Parses a length ("12pt", "2.5mm", "1.5em", "50%", "0") into points:
 * em relative to font_size, % relative to pct_base.  0 or -1 if invalid. */
int gw_fo_length(const char *s, double font_size, double pct_base, double *out);

/* The <svg> element of an fo:instream-foreign-object node: its first
 * element child when that is named svg, else NULL.  Borrowed from the XML
 * tree (the node's document must outlive it). */
gw_xml_node gw_fo_svg(const gw_fo_node *n);

#endif
