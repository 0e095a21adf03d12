/* unit_svg.c — the SVG chart subset lands in the display list where and how
 * it should (viewBox scaling, composed transforms, colours, opacity, text
 * anchors), unsupported input is named in a warning or an error.  (PNG
 * decoding and sizes: unit_image.c.) */
#include "font.h"
#include "gw.h"
#include "page-imp.h"
#include "pdf.h"
#include "render.h"
#include "svg.h"
#include "tap.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define NEAR(a, b) (fabs((double)(a) - (double)(b)) < 1e-3)

static gw_doc *doc;
static gw_page *page;
static gw_fontset *fonts;
static char warnings[8192];
static gw_err err;

/* Draws svg (a complete document) into the box on a fresh page, collecting
 * what gw_warnf printed on stderr into `warnings`.  Returns gw_svg_draw's
 * result (or -100 when the XML itself is not well formed). */
static int
S_draw(const char *svg, double x, double y, double w, double h)
{
    xmlDoc *xd = xmlReadMemory(svg, (int)strlen(svg), "chart.svg", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    char tmpl[] = "/tmp/unit_svg.XXXXXX";
    int fd, saved, rc;
    ssize_t got;
    gw_doc_free(doc);
    doc = gw_doc_new();
    page = gw_doc_add_page(doc, 595.276, 841.89, 0);
    memset(&err, 0, sizeof err);
    warnings[0] = '\0';
    if (!xd)
        return -100;
    fd = mkstemp(tmpl);
    fflush(stderr);
    saved = dup(2);
    dup2(fd, 2);
    rc = gw_svg_draw(xmlDocGetRootElement(xd), page, fonts, x, y, w, h, &err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    lseek(fd, 0, SEEK_SET);
    got = read(fd, warnings, sizeof warnings - 1);
    warnings[got > 0 ? got : 0] = '\0';
    close(fd);
    unlink(tmpl);
    xmlFreeDoc(xd);
    return rc;
}

static const gw_item *
S_item(size_t i)
{
    static gw_item empty;
    const gw_item *it = gw_page_item(page, i);
    return it ? it : &empty;
}

static int
S_op_at(const gw_item *it, size_t i, char op, double x, double y)
{
    const gw_path_op *o;
    if (it->kind != GW_ITEM_PATH || i >= it->nops)
        return 0;
    o = &it->ops[i];
    if (o->op != op)
        return 0;
    if (op == 'Z')
        return 1;
    if (op == 'C')
        return NEAR(o->x3, x) && NEAR(o->y3, y);
    return NEAR(o->x1, x) && NEAR(o->y1, y);
}

static void
S_test_viewbox(void)
{
    const gw_item *it;
    int rc;

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' width='200' height='100'"
                " viewBox='0 0 100 50'><rect x='10' y='5' width='20' height='10'"
                " fill='#ff0000'/></svg>", 10, 20, 200, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && gw_page_item_count(page) == 1 && it->kind == GW_ITEM_RECT,
           "a rect becomes one rectangle item");
    TAP_OK(NEAR(it->x, 30) && NEAR(it->y, 30) && NEAR(it->w, 40) && NEAR(it->h, 20),
           "viewBox scales 2x into the box at (10,20): %.2f %.2f %.2f %.2f", it->x, it->y,
           it->w, it->h);
    TAP_OK(!it->fill.none && NEAR(it->fill.r, 1) && NEAR(it->fill.g, 0) && it->stroke.none,
           "fill #ff0000 is red, stroke none by default");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<rect width='100' height='100'/></svg>", 0, 0, 200, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && NEAR(it->x, 50) && NEAR(it->y, 0) && NEAR(it->w, 100) && NEAR(it->h, 100),
           "xMidYMid meet: square viewBox centred in a wide box (x %.2f w %.2f)", it->x, it->w);
    TAP_OK(it->fill.none == 0 && NEAR(it->fill.r, 0) && NEAR(it->fill.b, 0),
           "default fill is black");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'"
                " preserveAspectRatio='xMaxYMin meet'><rect width='100' height='100'/></svg>",
                0, 0, 200, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && NEAR(it->x, 100) && NEAR(it->w, 100), "xMaxYMin puts it at the right");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='10 10 100 100'"
                " preserveAspectRatio='none'><rect x='10' y='10' width='100' height='100'/></svg>",
                5, 5, 200, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && NEAR(it->x, 5) && NEAR(it->y, 5) && NEAR(it->w, 200) && NEAR(it->h, 100),
           "preserveAspectRatio none stretches; viewBox origin maps to the box corner");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' width='400' height='200'>"
                "<rect width='400' height='200'/></svg>", 0, 0, 300, 150);
    it = S_item(0);
    TAP_OK(rc == 0 && NEAR(it->w, 300) && NEAR(it->h, 150),
           "without a viewBox the intrinsic size is fitted into the box");
}

static void
S_test_transforms(void)
{
    const gw_item *it;
    int rc;

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<g transform='translate(10,20) scale(2)'><g transform='translate(5 5)'>"
                "<rect width='1' height='3'/></g></g></svg>", 0, 0, 100, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && it->kind == GW_ITEM_RECT && NEAR(it->x, 20) && NEAR(it->y, 30)
           && NEAR(it->w, 2) && NEAR(it->h, 6),
           "nested group transforms compose: %.2f %.2f %.2f %.2f", it->x, it->y, it->w, it->h);

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<rect transform='translate(50 50) rotate(90)' width='10' height='5'/></svg>",
                0, 0, 100, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && it->kind == GW_ITEM_PATH && it->nops == 5,
           "a rotated rect becomes a closed path");
    TAP_OK(S_op_at(it, 0, 'M', 50, 50) && S_op_at(it, 1, 'L', 50, 60)
           && S_op_at(it, 2, 'L', 45, 60) && S_op_at(it, 3, 'L', 45, 50)
           && S_op_at(it, 4, 'Z', 0, 0), "rotate(90) turns (x,y) into (-y,x)");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<g transform='rotate(180 50 50)'><g transform='matrix(1 0 0 1 3 4)'>"
                "<line x1='0' y1='0' x2='10' y2='0' stroke='blue' stroke-width='2'/></g></g>"
                "</svg>", 0, 0, 200, 200);
    it = S_item(0);
    TAP_OK(rc == 0 && it->kind == GW_ITEM_LINE && NEAR(it->x, 194) && NEAR(it->y, 192)
           && NEAR(it->w, 174) && NEAR(it->h, 192),
           "rotate about a centre, matrix(), viewBox 2x: line %.2f,%.2f -> %.2f,%.2f",
           it->x, it->y, it->w, it->h);
    TAP_OK(NEAR(it->width, 4) && NEAR(it->stroke.b, 1) && !it->stroke.none,
           "stroke-width scales with the transform (%.2f); stroke blue", it->width);

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<rect transform='skewX(' width='1' height='1'/></svg>", 0, 0, 100, 100);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "chart.svg:1:") && strstr(err.msg, "transform"),
           "a broken transform is an error with file and line: %s", err.msg);
}

static void
S_test_shapes(void)
{
    const gw_item *it;
    int rc;

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>\n"
                "<circle cx='50' cy='40' r='10' fill='none' stroke='green'/></svg>",
                0, 0, 100, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && it->kind == GW_ITEM_PATH && it->nops == 6 && it->fill.none
           && !it->stroke.none && NEAR(it->stroke.g, 128 / 255.0),
           "circle: one stroked path, green is #008000");
    TAP_OK(S_op_at(it, 0, 'M', 60, 40) && S_op_at(it, 1, 'C', 50, 50) && S_op_at(it, 2, 'C', 40, 40)
           && S_op_at(it, 3, 'C', 50, 30) && S_op_at(it, 4, 'C', 60, 40) && S_op_at(it, 5, 'Z', 0, 0),
           "circle is four Béziers through the quadrant points");
    TAP_OK(NEAR(it->ops[1].x1, 60) && NEAR(it->ops[1].y1, 40 + 10 * 0.5522847498),
           "first control point at kappa * r");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<path d='M10 10 L20 10 H30 V20 l-5,5 h-5 v-5 z m1-1 2 2 C1 2 3 4 5 6"
                " c1 1 2 2 3.5e0-.5Z' stroke='black'/></svg>", 0, 0, 100, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && it->kind == GW_ITEM_PATH && it->nops == 13, "path: 13 items (%zu)",
           it->nops);
    TAP_OK(S_op_at(it, 0, 'M', 10, 10) && S_op_at(it, 1, 'L', 20, 10) && S_op_at(it, 2, 'L', 30, 10)
           && S_op_at(it, 3, 'L', 30, 20) && S_op_at(it, 4, 'L', 25, 25)
           && S_op_at(it, 5, 'L', 20, 25) && S_op_at(it, 6, 'L', 20, 20) && S_op_at(it, 7, 'Z', 0, 0),
           "absolute and relative L H V, closing");
    TAP_OK(S_op_at(it, 8, 'M', 11, 9) && S_op_at(it, 9, 'L', 13, 11),
           "after z, m is relative to the subpath start; extra pairs are line-tos");
    TAP_OK(S_op_at(it, 10, 'C', 5, 6) && NEAR(it->ops[10].x1, 1) && NEAR(it->ops[10].y2, 4)
           && S_op_at(it, 11, 'C', 8.5, 5.5) && NEAR(it->ops[11].x1, 6)
           && S_op_at(it, 12, 'Z', 0, 0),
           "C absolute and c relative (numbers like 3.5e0-.5)");
    TAP_OK(!it->fill.none && !it->stroke.none && NEAR(it->width, 1) && NEAR(it->opacity, 1),
           "filled and stroked, one item");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>\n\n"
                "<path d='M0 0 L10 0 A5 5 0 0 1 20 0'/></svg>", 0, 0, 100, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && it->nops == 2 && strstr(warnings, "chart.svg:3:")
           && strstr(warnings, "'A'"),
           "arc command: warning names it and the line, the part before is drawn: %s",
           warnings);

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<path d='M0 0 L10 x'/></svg>", 0, 0, 100, 100);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "<path>") && strstr(err.msg, "number"),
           "bad path number is an error: %s", err.msg);

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<polygon points='0,0 10,0 10,10' fill='orange'/>"
                "<polyline points='0 0,5 5' fill='none' stroke='grey'/></svg>", 0, 0, 100, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && gw_page_item_count(page) == 2 && it->nops == 4 && S_op_at(it, 3, 'Z', 0, 0)
           && NEAR(it->fill.g, 165 / 255.0) && it->stroke.none,
           "polygon is closed, orange fill");
    it = S_item(1);
    TAP_OK(it->nops == 2 && S_op_at(it, 1, 'L', 5, 5) && it->fill.none
           && NEAR(it->stroke.r, 128 / 255.0), "polyline stays open, grey stroke");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<polyline points='0 0 5'/></svg>", 0, 0, 100, 100);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "points"), "odd number of coordinates: %s",
           err.msg);

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<rect width='-1' height='5'/></svg>", 0, 0, 100, 100);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "negative"), "negative width: %s", err.msg);
}

static void
S_test_paint(void)
{
    const gw_item *it;
    int rc;

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<rect width='10' height='10' fill='blue'"
                " style='fill: rgb(0, 128, 255); stroke:#0f0 ;stroke-width:3;opacity:0.5'/></svg>",
                0, 0, 100, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && it->kind == GW_ITEM_PATH && NEAR(it->opacity, 0.5),
           "opacity 0.5 from style=\"\": a path with opacity (%.2f)", it->opacity);
    TAP_OK(NEAR(it->fill.r, 0) && NEAR(it->fill.g, 128 / 255.0) && NEAR(it->fill.b, 1),
           "style fill rgb() wins over the fill attribute");
    TAP_OK(NEAR(it->stroke.g, 1) && NEAR(it->stroke.r, 0) && NEAR(it->width, 3),
           "stroke #0f0 and stroke-width from style");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<rect width='10' height='10' fill='red' fill-opacity='0.3' stroke='black'/>"
                "</svg>", 0, 0, 100, 100);
    TAP_OK(rc == 0 && gw_page_item_count(page) == 2
           && S_item(0)->kind == GW_ITEM_PATH && NEAR(S_item(0)->opacity, 0.3)
           && S_item(0)->stroke.none && !S_item(0)->fill.none
           && S_item(1)->fill.none && !S_item(1)->stroke.none && NEAR(S_item(1)->opacity, 1),
           "different fill and stroke opacity: a fill item and a stroke item");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<g opacity='.5' fill='yellow'><rect opacity='0.5' width='10' height='10'/></g>"
                "</svg>", 0, 0, 100, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && NEAR(it->opacity, 0.25) && NEAR(it->fill.r, 1) && NEAR(it->fill.g, 1)
           && NEAR(it->fill.b, 0), "group opacity multiplies, fill inherits (yellow)");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<line x2='10' stroke='red' stroke-opacity='0.4'/>"
                "<line x2='10'/><rect width='5' height='5' fill='none'/></svg>", 0, 0, 100, 100);
    it = S_item(0);
    TAP_OK(rc == 0 && gw_page_item_count(page) == 1 && it->kind == GW_ITEM_PATH
           && NEAR(it->opacity, 0.4) && it->fill.none && S_op_at(it, 1, 'L', 10, 0),
           "translucent line is a stroked path; unstroked line and unpainted rect draw nothing");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<rect width='5' height='5' fill='#abc'/><rect width='5' height='5'"
                " fill='url(#grad)'/></svg>", 0, 0, 100, 100);
    TAP_OK(rc == 0 && NEAR(S_item(0)->fill.r, 0xaa / 255.0) && NEAR(S_item(0)->fill.b, 0xcc / 255.0),
           "#rgb doubles each digit");
    TAP_OK(gw_page_item_count(page) == 1 && strstr(warnings, "url(#grad)"),
           "an unsupported paint is a warning and paints nothing: %s", warnings);
}

static void
S_test_warnings_and_caps(void)
{
    char big[8192];
    int rc, i;
    size_t k;

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>\n"
                "<title>chart</title>\n<foo/>\n<rect width='5' height='5' rx='2'/>\n"
                "<svg:defs xmlns:svg='http://www.w3.org/2000/svg'/></svg>", 0, 0, 100, 100);
    TAP_OK(rc == 0 && gw_page_item_count(page) == 1, "unknown elements do not stop the drawing");
    TAP_OK(strstr(warnings, "chart.svg:3: <foo>") != NULL, "unknown element named with its line");
    TAP_OK(strstr(warnings, "chart.svg:4: <rect>") && strstr(warnings, "rx"),
           "rx is ignored with a warning");
    TAP_OK(strstr(warnings, "chart.svg:5: <svg:defs>") != NULL, "defs is not supported: warned");
    TAP_OK(strstr(warnings, "title") == NULL, "title is skipped quietly");

    /* 64 levels of <g> are fine; 65 are refused. */
    for (int depth = 63; depth <= 64; depth++) {
        k = (size_t)snprintf(big, sizeof big,
                             "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>");
        for (i = 0; i < depth; i++)
            k += (size_t)snprintf(big + k, sizeof big - k, "<g transform='translate(1)'>");
        k += (size_t)snprintf(big + k, sizeof big - k, "<rect width='1' height='1'/>");
        for (i = 0; i < depth; i++)
            k += (size_t)snprintf(big + k, sizeof big - k, "</g>");
        snprintf(big + k, sizeof big - k, "</svg>");
        rc = S_draw(big, 0, 0, 10, 10);
        if (depth == 63)
            TAP_OK(rc == 0 && NEAR(S_item(0)->x, 63), "63 nested groups draw (x %.1f)",
                   S_item(0)->x);
        else
            TAP_OK(rc == GW_EINPUT && strstr(err.msg, "64") && strstr(err.msg, "<g>"),
                   "64 nested groups hit the depth cap: %s", err.msg);
    }

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<g display='none'><rect width='5' height='5'/><foo/></g>"
                "<rect display='none' width='5' height='5'/></svg>", 0, 0, 100, 100);
    TAP_OK(rc == 0 && gw_page_item_count(page) == 0 && warnings[0] == '\0',
           "display none hides an element and its children");

    {
        /* 200001 line-tos (0.8 MB of d) pass the size cap, hit the item cap. */
        gw_buf b;
        gw_buf_init(&b);
        gw_buf_puts(&b, "<svg xmlns='http://www.w3.org/2000/svg'><path d='M0 0");
        for (i = 0; i < 200001; i++)
            gw_buf_puts(&b, "l1 1");
        gw_buf_puts(&b, "'/></svg>");
        rc = S_draw(b.ptr, 0, 0, 10, 10);
        TAP_OK(rc == GW_EINPUT && strstr(err.msg, "200000 path items"),
               "path item cap: %s", err.msg);
        gw_buf_clear(&b);
        gw_buf_puts(&b, "<svg xmlns='http://www.w3.org/2000/svg'><path d='M0 0");
        for (i = 0; i < 300000; i++)
            gw_buf_puts(&b, " 1 1");
        gw_buf_puts(&b, "'/></svg>");
        rc = S_draw(b.ptr, 0, 0, 10, 10);
        TAP_OK(rc == GW_EINPUT && strstr(err.msg, "d longer than 1048576 bytes"),
               "path data size cap: %s", err.msg);
        gw_buf_clear(&b);
        gw_buf_puts(&b, "<svg xmlns='http://www.w3.org/2000/svg'>");
        for (i = 0; i < 200001; i++)
            gw_buf_puts(&b, "<g/>");
        gw_buf_puts(&b, "</svg>");
        rc = S_draw(b.ptr, 0, 0, 10, 10);
        TAP_OK(rc == GW_EINPUT && strstr(err.msg, "200000 elements"),
               "element count cap: %s", err.msg);
        gw_buf_free(&b);
    }

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg'><g transform='scale(1e9)'>"
                "<g transform='scale(1e9)'><rect width='1' height='1'/></g></g></svg>",
                0, 0, 10, 10);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "1e12"), "runaway scale is refused: %s", err.msg);
    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg'><rect width='1e999' height='1'/></svg>",
                0, 0, 10, 10);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "width"), "a number beyond 1e9 is bad: %s", err.msg);

    rc = S_draw("<html/>", 0, 0, 10, 10);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "<svg>"), "the root must be <svg>: %s", err.msg);

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 -1 10'/>", 0, 0, 10, 10);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "viewBox"), "bad viewBox: %s", err.msg);
}

static int
S_size_of(const char *svg, double *w, double *h)
{
    xmlDoc *xd = xmlReadMemory(svg, (int)strlen(svg), "s.svg", NULL, XML_PARSE_NONET);
    int rc = gw_svg_size(xmlDocGetRootElement(xd), w, h, &err);
    xmlFreeDoc(xd);
    return rc;
}

static void
S_test_size(void)
{
    double w = 0, h = 0;
    int rc;
    rc = S_size_of("<svg xmlns='http://www.w3.org/2000/svg' width='10mm' height='20pt'/>", &w, &h);
    TAP_OK(rc == 0 && NEAR(w, 28.3465) && NEAR(h, 20), "width in mm, height in pt: %.3f %.3f",
           w, h);
    rc = S_size_of("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 200'/>", &w, &h);
    TAP_OK(rc == 0 && NEAR(w, 300) && NEAR(h, 150), "viewBox size in px (0.75 pt): %.1f %.1f",
           w, h);
    rc = S_size_of("<svg xmlns='http://www.w3.org/2000/svg' width='2in' viewBox='0 0 400 200'/>",
                   &w, &h);
    TAP_OK(rc == 0 && NEAR(w, 144) && NEAR(h, 72), "one side given: the viewBox aspect ratio");
    rc = S_size_of("<svg xmlns='http://www.w3.org/2000/svg'/>", &w, &h);
    TAP_OK(rc == 0 && NEAR(w, 225) && NEAR(h, 112.5), "nothing given: 300x150 px");
    rc = S_size_of("<svg xmlns='http://www.w3.org/2000/svg' width='ten'/>", &w, &h);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "s.svg:1:") && strstr(err.msg, "width"),
           "bad width: %s", err.msg);
}

/* --------------------------------------------- a PNG for S_test_render */

static void
S_chunk(FILE *fp, const char *type, const unsigned char *data, uint32_t n)
{
    unsigned char be[4] = { (unsigned char)(n >> 24), (unsigned char)(n >> 16),
                            (unsigned char)(n >> 8), (unsigned char)n };
    uLong crc = crc32(0, (const Bytef *)type, 4);
    crc = crc32(crc, data, n);
    fwrite(be, 1, 4, fp);
    fwrite(type, 1, 4, fp);
    fwrite(data, 1, n, fp);
    be[0] = (unsigned char)(crc >> 24), be[1] = (unsigned char)(crc >> 16);
    be[2] = (unsigned char)(crc >> 8), be[3] = (unsigned char)crc;
    fwrite(be, 1, 4, fp);
}

static void
S_put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

/* A real grey PNG of w x h pixels, with a pHYs chunk when ppm > 0. */
static void
S_write_png(const char *path, uint32_t w, uint32_t h, uint32_t ppm)
{
    static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    unsigned char ihdr[13] = { 0 }, phys[9];
    size_t raw_n = (size_t)(w + 1) * h;
    unsigned char *raw = calloc(raw_n, 1);
    uLongf zn = compressBound(raw_n);
    unsigned char *z = malloc(zn);
    FILE *fp = fopen(path, "wb");
    compress(z, &zn, raw, raw_n);
    S_put32(ihdr, w);
    S_put32(ihdr + 4, h);
    ihdr[8] = 8;    /* bit depth */
    ihdr[9] = 0;    /* greyscale */
    fwrite(sig, 1, 8, fp);
    S_chunk(fp, "IHDR", ihdr, 13);
    S_chunk(fp, "tEXt", (const unsigned char *)"Comment\0test", 12);
    if (ppm) {
        S_put32(phys, ppm);
        S_put32(phys + 4, ppm);
        phys[8] = 1;
        S_chunk(fp, "pHYs", phys, 9);
    }
    S_chunk(fp, "IDAT", z, (uint32_t)zn);
    S_chunk(fp, "IEND", (const unsigned char *)"", 0);
    fclose(fp);
    free(raw);
    free(z);
}

/* ----------------------------------------------------------------- text */

static double
S_advance(const char *family, const char *s, double size)
{
    const gw_fontlist *fl;
    double total = 0;
    uint32_t cp;
    int k;
    gw_fontset_lookup(fonts, family, 400, &fl, &err);
    for (; *s; s += k) {
        k = gw_utf8_decode(s, strlen(s), &cp);
        total += gw_face_advance(gw_fontlist_face_for(fl, cp), cp, size);
    }
    return total;
}

static void
S_test_text(void)
{
    const gw_item *it;
    double adv;
    int rc;

    if (gw_fontset_new(&fonts, &err) != 0) {
        printf("ok %d - # SKIP no fonts: %s\n", ++tap_n, err.msg);
        return;
    }
    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<text x='50' y='40' font-size='10' fill='red' text-anchor='middle'>"
                "  统计\n  图 </text></svg>", 0, 0, 200, 200);
    it = S_item(0);
    adv = S_advance("黑体", "统计 图", 20);
    TAP_OK(rc == 0 && gw_page_item_count(page) >= 1 && it->kind == GW_ITEM_TEXT,
           "text becomes a text item (%s)", err.msg);
    TAP_STREQ(it->utf8, "统计 图", "white space collapsed and trimmed");
    TAP_OK(it->n == 4 && NEAR(it->size, 20) && NEAR(it->y, 80) && NEAR(it->fill.r, 1)
           && NEAR(it->fill.g, 0), "size and baseline scaled 2x, red");
    TAP_OK(it->xs && adv > 30 && NEAR(it->xs[0], 100 - adv / 2),
           "text-anchor middle centres on x (%.2f, width %.2f)", it->xs ? it->xs[0] : -1, adv);
    TAP_OK(it->xs && it->xs[1] > it->xs[0] && NEAR(it->xs[1] - it->xs[0], S_advance("黑体", "统", 20))
           && NEAR(it->xs[3] - it->xs[0], S_advance("黑体", "统计 ", 20)),
           "x positions advance per character");

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<text x='90' y='10' style='font-size:8pt;text-anchor:end;font-family:楷体'>"
                "合计</text><text x='1' y='2' font-size='5'>"
                "A<tspan>b</tspan></text></svg>", 0, 0, 100, 100);
    it = S_item(0);
    adv = S_advance("楷体", "合计", 8 / 0.75);
    TAP_OK(rc == 0 && it->kind == GW_ITEM_TEXT && NEAR(it->size, 8 / 0.75)
           && NEAR(it->xs[0], 90 - adv), "text-anchor end; font-size in pt (%.2f)", it->size);
    {
        const gw_fontlist *kai = NULL, *hei = NULL;
        gw_fontset_lookup(fonts, "楷体", 400, &kai, &err);
        gw_fontset_lookup(fonts, "黑体", 400, &hei, &err);
        TAP_OK(kai && it->face == gw_fontlist_face_for(kai, 0x5408),
               "font-family from style picks the 楷体 face (%s)",
               it->face ? gw_face_family(it->face) : "-");
        TAP_OK(hei && S_item(1)->face == gw_fontlist_face_for(hei, 'A'),
               "without font-family text uses 黑体 (%s)",
               S_item(1)->face ? gw_face_family(S_item(1)->face) : "-");
    }
    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<g font-size='20'><text x='10' y='50' dx='2' dy='0.35em'>字</text></g>"
                "<text dy='1 2'>字</text></svg>", 0, 0, 100, 100);
    TAP_OK(gw_page_item_count(page) == 1 && NEAR(S_item(0)->xs[0], 12) && NEAR(S_item(0)->y, 57),
           "dx, and dy in em of the inherited font size (y %.2f)", S_item(0)->y);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "dy"), "a dy list is refused: %s", err.msg);

    rc = S_draw("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 100'>"
                "<text x='90' y='10' style='font-size:8pt;text-anchor:end;font-family:楷体'>"
                "合计</text><text x='1' y='2' font-size='5'>"
                "A<tspan>b</tspan></text></svg>", 0, 0, 100, 100);
    it = S_item(gw_page_item_count(page) - 1);
    TAP_OK(it->kind == GW_ITEM_TEXT && it->n == 1 && NEAR(it->xs[0], 1) && NEAR(it->y, 2)
           && strstr(warnings, "<tspan>"), "tspan is warned about and left out: %s", warnings);
}

/* Centre x, top and bottom of the first word `want` in pdftotext -bbox
 * output of pdf.  1 found, 0 not. */
static int
S_bbox(const char *pdf, const char *want, double *cx, double *ymin, double *ymax)
{
    char cmd[512], line[1024], tail[256];
    FILE *p;
    int found = 0;
    snprintf(cmd, sizeof cmd, "pdftotext -bbox %s - 2>/dev/null", pdf);
    if (!(p = popen(cmd, "r")))
        return 0;
    snprintf(tail, sizeof tail, ">%s</word>", want);
    while (!found && fgets(line, sizeof line, p)) {
        double x0, y0, x1, y1;
        if (strstr(line, tail)
            && sscanf(line, " <word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                      &x0, &y0, &x1, &y1) == 4) {
            *cx = (x0 + x1) / 2;
            *ymin = y0;
            *ymax = y1;
            found = 1;
        }
    }
    pclose(p);
    return found;
}

/* The fixture chart, through the PDF writer, read back with pdftotext. */
static void
S_test_chart_pdf(void)
{
    const char *pdf = "/tmp/unit_svg_chart.pdf";
    xmlDoc *xd = xmlReadFile("tests/fixtures/svg/chart.svg", NULL, XML_PARSE_NONET);
    double bx = 79.370, by = 100, bw = 442.205, s = bw / 400, cx, y0, y1, w, h;
    const gw_item *it;
    size_t nrect = 0, ntext = 0, npath = 0, nline = 0;
    int rc;

    if (!fonts) {
        printf("ok %d - # SKIP no fonts\n", ++tap_n);
        xmlFreeDoc(xd);
        return;
    }
    TAP_OK(xd != NULL, "fixture chart.svg parses");
    if (!xd)
        return;
    rc = gw_svg_size(xmlDocGetRootElement(xd), &w, &h, &err);
    TAP_OK(rc == 0 && NEAR(w, 300) && NEAR(h, 180), "chart is 400x240 px = %.0fx%.0f pt", w, h);
    gw_doc_free(doc);
    doc = gw_doc_new();
    page = gw_doc_add_page(doc, 595.276, 841.89, 0);
    rc = gw_svg_draw(xmlDocGetRootElement(xd), page, fonts, bx, by, bw, 240 * s, &err);
    xmlFreeDoc(xd);
    for (size_t i = 0; i < gw_page_item_count(page); i++) {
        it = gw_page_item(page, i);
        nrect += it->kind == GW_ITEM_RECT;
        ntext += it->kind == GW_ITEM_TEXT;
        npath += it->kind == GW_ITEM_PATH;
        nline += it->kind == GW_ITEM_LINE;
    }
    TAP_OK(rc == 0 && nrect == 5 && ntext == 7 && npath == 2 && nline == 2,
           "chart: 5 bars, 7 texts, 2 paths, 2 axis lines (%zu %zu %zu %zu)", nrect, ntext,
           npath, nline);
    it = gw_page_item(page, 3);
    TAP_OK(it && it->kind == GW_ITEM_RECT && NEAR(it->x, bx + 70 * s) && NEAR(it->y, by + 80 * s)
           && NEAR(it->h, 120 * s) && NEAR(it->fill.b, 180 / 255.0),
           "scale(1 -1) bar stands on the axis (y %.2f h %.2f), steelblue", it ? it->y : 0,
           it ? it->h : 0);
    it = gw_page_item(page, 7);
    TAP_OK(it && it->kind == GW_ITEM_RECT && NEAR(it->fill.r, 0xc0 / 255.0) && NEAR(it->fill.b, 0),
           "style fill overrides the group's");
    rc = gw_pdf_write(doc, pdf, &err);
    TAP_OK(rc == 0, "chart page written as PDF (%s)", rc ? err.msg : "ok");
    TAP_OK(S_bbox(pdf, "各部分任务完成情况", &cx, &y0, &y1) && fabs(cx - (bx + 200 * s)) < 1
           && y0 < by + 24 * s && y1 > by + 20 * s,
           "pdftotext: title centred at x %.2f (want %.2f)", cx, bx + 200 * s);
    TAP_OK(S_bbox(pdf, "三", &cx, &y0, &y1) && fabs(cx - (bx + 210 * s)) < 1
           && y0 < by + 218 * s && y1 > by + 214 * s,
           "pdftotext: axis label 三 centred under its bar at x %.2f", cx);
    TAP_OK(S_bbox(pdf, "趋势", &cx, &y0, &y1)
           && fabs(cx - (bx + 340 * s + S_advance("黑体", "趋势", 12 * s) / 2)) < 1,
           "pdftotext: legend text starts right of the marker (centre %.2f)", cx);
    if (!getenv("UNIT_SVG_KEEP"))   /* set it to look at the page */
        unlink(pdf);
}

/* The whole way: an FO with the chart inline and a 300 dpi PNG, through
 * gw_render_file, read back with pdftotext and pdfimages. */
static void
S_test_render(void)
{
    const char *fo = "/tmp/unit_svg_render.fo", *pdf = "/tmp/unit_svg_render.pdf";
    const char *png = "/tmp/unit_svg_render.png";
    double left = 79.370, cx, y0, y1, y2, y3, y4, y5;
    gw_buf svg, text;
    gw_render_opts opts;
    char *body;
    FILE *fp;
    int rc;

    gw_buf_init(&svg);
    gw_buf_init(&text);
    memset(&opts, 0, sizeof opts);
    if (gw_file_read("tests/fixtures/svg/chart.svg", 1 << 20, &svg, &err) != 0) {
        TAP_OK(0, "read the fixture: %s", err.msg);
        goto out;
    }
    body = strstr(svg.ptr, "<svg");
    S_write_png(png, 600, 150, 11811);  /* 300 dpi: 144 x 36 pt */
    fp = fopen(fo, "w");
    fprintf(fp, "<?xml version='1.0' encoding='UTF-8'?>\n"
            "<fo:root xmlns:fo='http://www.w3.org/1999/XSL/Format'><fo:layout-master-set>"
            "<fo:simple-page-master master-name='a4' page-width='210mm' page-height='297mm'"
            " margin-top='37mm' margin-bottom='35mm' margin-left='28mm' margin-right='26mm'>"
            "<fo:region-body/></fo:simple-page-master></fo:layout-master-set>"
            "<fo:page-sequence master-reference='a4'><fo:flow flow-name='xsl-region-body'"
            " font-family='仿宋' font-size='16pt'><fo:block>图表前</fo:block>"
            "<fo:block text-align='center'><fo:instream-foreign-object>%s"
            "</fo:instream-foreign-object></fo:block><fo:block>图表后</fo:block>"
            "<fo:block><fo:external-graphic src='url(%s)'/></fo:block>"
            "</fo:flow></fo:page-sequence></fo:root>\n", body, png);
    fclose(fp);
    rc = gw_render_file(fo, pdf, &opts, &err);
    TAP_OK(rc == 0, "FO with inline SVG and a PNG renders (%s)", rc ? err.msg : "ok");
    if (rc != 0)
        goto out;
    /* The 300 x 180 pt chart is centred in the 442.205 pt text area. */
    TAP_OK(S_bbox(pdf, "各部分任务完成情况", &cx, &y2, &y3)
           && fabs(cx - (left + 442.205 / 2)) < 1, "chart title centred on the text area (%.2f)",
           cx);
    TAP_OK(S_bbox(pdf, "图表前", &cx, &y0, &y1) && S_bbox(pdf, "图表后", &cx, &y4, &y5)
           && y1 <= y2 && y4 - y1 > 180 && y4 - y1 < 200,
           "the chart sits between the paragraphs, 180 pt tall (gap %.1f)", y4 - y1);
    fp = popen("pdfimages -list /tmp/unit_svg_render.pdf 2>/dev/null", "r");
    if (fp) {
        char line[512];
        while (fgets(line, sizeof line, fp))
            gw_buf_puts(&text, line);
        pclose(fp);
    }
    TAP_OK(strstr(text.ptr, " 600 ") && strstr(text.ptr, " 150 ") && strstr(text.ptr, " 300 "),
           "the PNG is embedded at 600x150 px, 300 dpi:\n%s", text.ptr);
out:
    if (!getenv("UNIT_SVG_KEEP")) {
        unlink(fo);
        unlink(pdf);
        unlink(png);
    }
    gw_buf_free(&svg);
    gw_buf_free(&text);
}

int
main(void)
{
    S_test_viewbox();
    S_test_transforms();
    S_test_shapes();
    S_test_paint();
    S_test_warnings_and_caps();
    S_test_size();
    S_test_text();
    S_test_chart_pdf();
    S_test_render();
    gw_doc_free(doc);
    gw_fontset_free(fonts);
    return TAP_DONE();
}
