/* color.h — colours: the one parser of colour values, used by the FO reader
 * (color, background-color, border colours) and by the SVG charts (fill,
 * stroke), so that a colour one of them accepts the other accepts too. */
#ifndef GW_COLOR_H
#define GW_COLOR_H

/* An RGB colour as the display list and the PDF writer take it. */
typedef struct gw_color {
    float r, g, b;      /* 0..1 */
    int   none;         /* 1 = no paint (transparent) */
} gw_color;

/* Parses the CSS colour value s (NUL-terminated) into *out.  Accepted, with
 * white space (space, tab, CR, LF, FF) allowed around the value:
 *   #rgb, #rrggbb    hex digits of either case; #rgb doubles each digit
 *   rgb(r, g, b)     three numbers ("12", "12.5", "-1", "1e2") or
 *                    percentages ("50%"; 100% is 255), which may be mixed,
 *                    separated by a comma, white space or both; values
 *                    outside 0..255 are clamped to it, as CSS does
 *   a name           one of the 147 colour keywords of CSS Color Level 3
 *                    (the SVG 1.1 list: "red", "steelblue", both "gray" and
 *                    "grey" spellings ...)
 *   transparent      sets none = 1 (no paint)
 * Keywords, "rgb" and hex digits are ASCII-case-insensitive, as in CSS.
 * Not colours here: "none", "inherit" and "currentColor", which are the
 * business of the caller (SVG paint).  Returns 0 with *out set, or -1 when
 * s is none of the above; *out is then left unchanged. */
int gw_color_parse(const char *s, gw_color *out);

#endif
