/* svg.h — the SVG subset used for charts inside fo:instream-foreign-object:
 * svg (width/height/viewBox), g (transform), rect, line, polyline, polygon,
 * circle, path (M L H V C Z, absolute and relative), text (font-size, fill,
 * text-anchor); fill, stroke, stroke-width, opacity.  Draws into the display
 * list; anything outside the subset is a warning naming element and line. */
#ifndef GW_SVG_H
#define GW_SVG_H

#include "gw.h"
#include "font.h"
#include "page.h"

/* Intrinsic size in pt of an <svg> element (width/height with units, else
 * the viewBox size, else 300x150).  0, or GW_EINPUT with err set. */
int gw_svg_size(gw_xml_node svg, double *w, double *h, gw_err *err);

/* Draws the <svg> element scaled into the box (x, y, w, h) on page (top-left
 * origin, y down).  Text uses the fontset's 黑体 role unless font-family is
 * given.  The tree is borrowed.  Nesting depth is capped (64); 0, or
 * GW_EINPUT with err set. */
int gw_svg_draw(gw_xml_node svg, gw_page *page, gw_fontset *fonts,
                double x, double y, double w, double h, gw_err *err);

#endif
