/* unit_color.c — the colour parser shared by the FO reader and the SVG
 * charts (color.h): every form it promises, case-insensitivity, the CSS
 * name list, clamping in rgb(), and refusal of everything else. */
#include "color.h"
#include "tap.h"

#include <stddef.h>

/* 1 when s parses to exactly the colour 0xRRGGBB, computed the way the
 * display list always got it (each channel / 255 in float), so that a
 * change in the arithmetic shows here before it shows in a PDF. */
static int
S_is(const char *s, unsigned rgb)
{
    gw_color c = {9, 9, 9, 9};
    if (gw_color_parse(s, &c) != 0)
        return 0;
    return c.none == 0 && c.r == (float)((rgb >> 16) & 255) / 255.0f
           && c.g == (float)((rgb >> 8) & 255) / 255.0f && c.b == (float)(rgb & 255) / 255.0f;
}

/* 1 when s is refused and the output is left as it was. */
static int
S_refused(const char *s)
{
    gw_color c = {0.25f, 0.5f, 0.75f, 7};
    return gw_color_parse(s, &c) == -1 && c.r == 0.25f && c.g == 0.5f && c.b == 0.75f
           && c.none == 7;
}

/* 1 when rgb(...) text s gives the channels r, g, b (0..255, double) as
 * (float)(v / 255.0), the rgb() arithmetic. */
static int
S_rgb_is(const char *s, double r, double g, double b)
{
    gw_color c = {9, 9, 9, 9};
    if (gw_color_parse(s, &c) != 0)
        return 0;
    return c.none == 0 && c.r == (float)(r / 255.0) && c.g == (float)(g / 255.0)
           && c.b == (float)(b / 255.0);
}

/* Every keyword of CSS Color Level 3 (and SVG 1.1). */
static const char *const S_css_names[] = {
    "aliceblue", "antiquewhite", "aqua", "aquamarine", "azure", "beige", "bisque",
    "black", "blanchedalmond", "blue", "blueviolet", "brown", "burlywood",
    "cadetblue", "chartreuse", "chocolate", "coral", "cornflowerblue", "cornsilk",
    "crimson", "cyan", "darkblue", "darkcyan", "darkgoldenrod", "darkgray",
    "darkgreen", "darkgrey", "darkkhaki", "darkmagenta", "darkolivegreen",
    "darkorange", "darkorchid", "darkred", "darksalmon", "darkseagreen",
    "darkslateblue", "darkslategray", "darkslategrey", "darkturquoise",
    "darkviolet", "deeppink", "deepskyblue", "dimgray", "dimgrey", "dodgerblue",
    "firebrick", "floralwhite", "forestgreen", "fuchsia", "gainsboro",
    "ghostwhite", "gold", "goldenrod", "gray", "green", "greenyellow", "grey",
    "honeydew", "hotpink", "indianred", "indigo", "ivory", "khaki", "lavender",
    "lavenderblush", "lawngreen", "lemonchiffon", "lightblue", "lightcoral",
    "lightcyan", "lightgoldenrodyellow", "lightgray", "lightgreen", "lightgrey",
    "lightpink", "lightsalmon", "lightseagreen", "lightskyblue", "lightslategray",
    "lightslategrey", "lightsteelblue", "lightyellow", "lime", "limegreen", "linen",
    "magenta", "maroon", "mediumaquamarine", "mediumblue", "mediumorchid",
    "mediumpurple", "mediumseagreen", "mediumslateblue", "mediumspringgreen",
    "mediumturquoise", "mediumvioletred", "midnightblue", "mintcream", "mistyrose",
    "moccasin", "navajowhite", "navy", "oldlace", "olive", "olivedrab", "orange",
    "orangered", "orchid", "palegoldenrod", "palegreen", "paleturquoise",
    "palevioletred", "papayawhip", "peachpuff", "peru", "pink", "plum",
    "powderblue", "purple", "red", "rosybrown", "royalblue", "saddlebrown",
    "salmon", "sandybrown", "seagreen", "seashell", "sienna", "silver", "skyblue",
    "slateblue", "slategray", "slategrey", "snow", "springgreen", "steelblue",
    "tan", "teal", "thistle", "tomato", "turquoise", "violet", "wheat", "white",
    "whitesmoke", "yellow", "yellowgreen",
};

int
main(void)
{
    gw_color c;
    size_t i, nparsed = 0;
    const size_t ncss = sizeof S_css_names / sizeof S_css_names[0];

    /* ---- hex */
    TAP_OK(S_is("#FF0000", 0xFF0000), "#rrggbb");
    TAP_OK(S_is("#abc", 0xAABBCC), "#rgb doubles each digit");
    TAP_OK(S_is("#AbCdEf", 0xABCDEF) && S_is("#aBc", 0xAABBCC), "hex digits of either case");
    TAP_OK(S_is("  #00ff00\t\n", 0x00FF00), "white space around a value is allowed");
    TAP_OK(S_refused("#12") && S_refused("#1234") && S_refused("#12345")
           && S_refused("#1234567") && S_refused("#"), "only 3 or 6 hex digits");
    TAP_OK(S_refused("#ggg") && S_refused("#12345g") && S_refused("#12 345")
           && S_refused("# 123"), "non-hex characters refused");

    /* ---- rgb() */
    TAP_OK(S_rgb_is("rgb(0,128,255)", 0, 128, 255), "rgb() with numbers");
    TAP_OK(S_rgb_is("rgb( 0 , 128 , 255 )", 0, 128, 255), "rgb() with spaces around commas");
    TAP_OK(S_rgb_is("rgb(0 128 255)", 0, 128, 255) && S_rgb_is("rgb(0,128 255)", 0, 128, 255),
           "rgb() separated by white space (SVG)");
    TAP_OK(S_rgb_is("rgb(100%,50%,0%)", 255, 50.0 * 255.0 / 100.0, 0), "rgb() with percentages");
    TAP_OK(S_rgb_is("rgb(100%, 0, 12.5%)", 255, 0, 12.5 * 255.0 / 100.0),
           "numbers and percentages may be mixed; decimals");
    TAP_OK(S_rgb_is("rgb(50 %,0,0)", 50.0 * 255.0 / 100.0, 0, 0),
           "a space before %% (the FO reader always took it)");
    TAP_OK(S_rgb_is("RGB(1,2,3)", 1, 2, 3) && S_rgb_is("Rgb(1,2,3)", 1, 2, 3),
           "rgb is case-insensitive");
    TAP_OK(S_rgb_is("rgb(300,-1,150%)", 255, 0, 255), "out-of-range values are clamped (CSS)");
    TAP_OK(S_rgb_is("rgb(1e2,+5,.5)", 100, 5, 0.5), "exponents, signs, a leading point");
    TAP_OK(S_rgb_is("rgb(0e999,1e999,-1e999)", 0, 255, 0),
           "huge exponents clamp (no NaN, no infinity)");
    TAP_OK(S_rgb_is("rgb(0.30000000000000000000001,0,0)", 0.3, 0, 0),
           "long fractions keep 15 significant digits");
    TAP_OK(S_refused("rgb(") && S_refused("rgb()") && S_refused("rgb(1,2)")
           && S_refused("rgb(1,2,3"), "incomplete rgb() refused");
    TAP_OK(S_refused("rgb(1,2,3,4)") && S_refused("rgb(1,,2,3)") && S_refused("rgb(,1,2,3)")
           && S_refused("rgb(1,2,3,)"), "wrong number of components or commas refused");
    TAP_OK(S_refused("rgb(1,2,3) x") && S_refused("rgb(1,2,3))") && S_refused("rgb (1,2,3)")
           && S_refused("rgba(1,2,3,1)"), "anything after ')' or another function refused");
    TAP_OK(S_refused("rgb(0x10,0,0)") && S_refused("rgb(nan,0,0)") && S_refused("rgb(inf,0,0)")
           && S_refused("rgb(1e,2,3)") && S_refused("rgb(.,2,3)") && S_refused("rgb(a,b,c)"),
           "only CSS numbers (not what strtod also reads)");

    /* ---- names */
    for (i = 0; i < ncss; i++)
        nparsed += gw_color_parse(S_css_names[i], &c) == 0 && c.none == 0;
    TAP_OK(nparsed == ncss, "all %zu CSS colour keywords parse (%zu did)", ncss, nparsed);
    TAP_OK(S_is("aliceblue", 0xF0F8FF) && S_is("yellowgreen", 0x9ACD32)
           && S_is("lightgoldenrodyellow", 0xFAFAD2), "first, last and longest name");
    /* what either old table (fo.c, svg.c) accepted keeps its CSS value */
    TAP_OK(S_is("black", 0x000000) && S_is("silver", 0xC0C0C0) && S_is("gray", 0x808080)
           && S_is("grey", 0x808080) && S_is("white", 0xFFFFFF) && S_is("maroon", 0x800000)
           && S_is("red", 0xFF0000) && S_is("purple", 0x800080) && S_is("fuchsia", 0xFF00FF)
           && S_is("green", 0x008000) && S_is("lime", 0x00FF00) && S_is("olive", 0x808000)
           && S_is("yellow", 0xFFFF00) && S_is("navy", 0x000080) && S_is("blue", 0x0000FF)
           && S_is("teal", 0x008080) && S_is("aqua", 0x00FFFF),
           "the 16 basic colours");
    TAP_OK(S_is("orange", 0xFFA500) && S_is("darkred", 0x8B0000)
           && S_is("lightgray", 0xD3D3D3) && S_is("lightgrey", 0xD3D3D3)
           && S_is("darkgray", 0xA9A9A9) && S_is("darkgrey", 0xA9A9A9)
           && S_is("whitesmoke", 0xF5F5F5), "the FO reader's extra names");
    TAP_OK(S_is("magenta", 0xFF00FF) && S_is("cyan", 0x00FFFF) && S_is("darkblue", 0x00008B)
           && S_is("darkgreen", 0x006400) && S_is("steelblue", 0x4682B4)
           && S_is("brown", 0xA52A2A) && S_is("pink", 0xFFC0CB) && S_is("gold", 0xFFD700),
           "the SVG module's extra names");
    TAP_OK(S_is("Red", 0xFF0000) && S_is("STEELBLUE", 0x4682B4) && S_is("LightGrey", 0xD3D3D3),
           "names are case-insensitive");
    TAP_OK(S_is(" navy ", 0x000080), "white space around a name");
    TAP_OK(S_refused("rebeccapurple") && S_refused("notacolour") && S_refused("re d")
           && S_refused("red blue") && S_refused("red;") && S_refused("lightgoldenrodyellowx")
           && S_refused("darkgrayish") && S_refused("redd"), "unknown names refused");

    /* ---- transparent and what is not a colour */
    c.r = c.g = c.b = 0.5f;
    c.none = 0;
    TAP_OK(gw_color_parse("transparent", &c) == 0 && c.none == 1 && c.r == 0 && c.g == 0
           && c.b == 0, "transparent: no paint");
    c.none = 0;
    TAP_OK(gw_color_parse(" Transparent ", &c) == 0 && c.none == 1,
           "transparent is case-insensitive");
    TAP_OK(S_refused("none") && S_refused("inherit") && S_refused("currentColor"),
           "none, inherit, currentColor are the caller's keywords, not colours");
    TAP_OK(S_refused("") && S_refused("   ") && S_refused("\t"), "an empty value refused");
    TAP_OK(S_refused("red\x01") && S_refused("\xe7\xba\xa2"), "control and non-ASCII bytes refused");
    return TAP_DONE();
}
