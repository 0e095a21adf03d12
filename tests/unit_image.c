/* unit_image.c — image.h: sizes from pHYs, every PNG kind comes out as
 * 8-bit grey or RGB with the alpha split off (and dropped when opaque), the
 * caps hold at their edges, warnings stay warnings, and damaged or foreign
 * files are errors naming the file.  The PNGs are written here chunk by
 * chunk with zlib (see S_png) into /tmp/unit_image.PID.png. */
#include "gw.h"
#include "image.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define NEAR(a, b) (fabs((double)(a) - (double)(b)) < 1e-3)

static gw_err err;
static char TMP[64];            /* /tmp/unit_image.PID.png */

static void
S_put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24), p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8), p[3] = (unsigned char)v;
}

static void
S_chunk(FILE *fp, const char *type, const unsigned char *data, uint32_t n, int bad_crc)
{
    unsigned char be[4];
    uLong crc = crc32(0, (const Bytef *)type, 4);
    crc = crc32(crc, data, n);
    S_put32(be, n);
    fwrite(be, 1, 4, fp);
    fwrite(type, 1, 4, fp);
    fwrite(data, 1, n, fp);
    S_put32(be, (uint32_t)crc ^ (bad_crc ? 1u : 0u));
    fwrite(be, 1, 4, fp);
}

/* Writes TMP: a w x h PNG of colour type ctype and bit depth, whose
 * filtered rows (filter byte 0 + samples) are raw; plte/trns when not
 * NULL, pHYs when ppm > 0; text adds a tEXt chunk, with a wrong CRC when
 * bad_text_crc. */
static void
S_png(uint32_t w, uint32_t h, int depth, int ctype, const unsigned char *raw, size_t raw_n,
      const unsigned char *plte, uint32_t plte_n, const unsigned char *trns, uint32_t trns_n,
      uint32_t ppm, int bad_text_crc)
{
    static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    unsigned char ihdr[13] = { 0 }, phys[9];
    uLongf zn = compressBound(raw_n);
    unsigned char *z = malloc(zn);
    FILE *fp = fopen(TMP, "wb");

    compress(z, &zn, raw, raw_n);
    S_put32(ihdr, w);
    S_put32(ihdr + 4, h);
    ihdr[8] = (unsigned char)depth;
    ihdr[9] = (unsigned char)ctype;
    fwrite(sig, 1, 8, fp);
    S_chunk(fp, "IHDR", ihdr, 13, 0);
    if (plte)
        S_chunk(fp, "PLTE", plte, plte_n, 0);
    if (trns)
        S_chunk(fp, "tRNS", trns, trns_n, 0);
    if (ppm) {
        S_put32(phys, ppm);
        S_put32(phys + 4, ppm);
        phys[8] = 1;
        S_chunk(fp, "pHYs", phys, 9, 0);
    }
    S_chunk(fp, "tEXt", (const unsigned char *)"Comment\0test", 12, bad_text_crc);
    S_chunk(fp, "IDAT", z, (uint32_t)zn, 0);
    S_chunk(fp, "IEND", (const unsigned char *)"", 0, 0);
    fclose(fp);
    free(z);
}

/* A grey 8-bit image of w x h zero pixels. */
static void
S_grey(uint32_t w, uint32_t h, uint32_t ppm)
{
    size_t n = (size_t)(w + 1) * h;
    unsigned char *raw = calloc(n, 1);
    S_png(w, h, 8, 0, raw, n, NULL, 0, NULL, 0, ppm, 0);
    free(raw);
}

static gw_image *
S_load(int flags)
{
    gw_image *img = NULL;
    memset(&err, 0, sizeof err);
    if (gw_image_load(TMP, flags, &img, &err) != 0)
        return NULL;
    return img;
}

static void
S_test_sizes(void)
{
    gw_image *img;
    double w = 0, h = 0;
    uint32_t pw = 0, ph = 0;

    S_grey(300, 150, 11811);            /* 11811 px/m = 300 dpi */
    img = S_load(GW_IMAGE_CHECK);
    TAP_OK(img != NULL, "a grey PNG with pHYs loads (%s)", err.msg);
    if (img) {
        gw_image_size_pt(img, &w, &h);
        gw_image_pixels(img, &pw, &ph);
        TAP_OK(NEAR(w, 300 * 72 / (11811 * 0.0254)) && NEAR(h, w / 2) && pw == 300 && ph == 150,
               "pHYs 300 dpi: 300 px = %.3f pt", w);
        TAP_OK(gw_image_color(img, &(int){ 0 }) == NULL && gw_image_alpha(img) == NULL,
               "GW_IMAGE_CHECK keeps no pixels");
    }
    gw_image_free(img);
    S_grey(96, 48, 0);
    img = S_load(GW_IMAGE_CHECK);
    if (img)
        gw_image_size_pt(img, &w, &h);
    TAP_OK(img && NEAR(w, 72) && NEAR(h, 36), "no pHYs: 96 dpi (%.1f x %.1f)", w, h);
    gw_image_free(img);
}

static void
S_test_kinds(void)
{
    gw_image *img;
    const unsigned char *c, *a;
    int ch = 0;

    /* RGBA 2x1: opaque red, half-transparent blue */
    {
        static const unsigned char raw[] = { 0, 255, 0, 0, 255, 0, 0, 255, 128 };
        S_png(2, 1, 8, 6, raw, sizeof raw, NULL, 0, NULL, 0, 0, 0);
    }
    img = S_load(GW_IMAGE_PIXELS);
    c = img ? gw_image_color(img, &ch) : NULL;
    a = img ? gw_image_alpha(img) : NULL;
    TAP_OK(c && ch == 3 && !memcmp(c, "\xff\0\0\0\0\xff", 6), "RGBA: colour packed to RGB");
    TAP_OK(a && a[0] == 255 && a[1] == 128, "RGBA: alpha split off (255, 128)");
    gw_image_free(img);

    /* RGBA whose alpha is 255 everywhere: no mask */
    {
        static const unsigned char raw[] = { 0, 1, 2, 3, 255, 4, 5, 6, 255 };
        S_png(2, 1, 8, 6, raw, sizeof raw, NULL, 0, NULL, 0, 0, 0);
    }
    img = S_load(GW_IMAGE_PIXELS);
    c = img ? gw_image_color(img, &ch) : NULL;
    TAP_OK(c && ch == 3 && !memcmp(c, "\1\2\3\4\5\6", 6) && !gw_image_alpha(img),
           "opaque RGBA: RGB and no alpha");
    gw_image_free(img);

    /* grey + alpha, 16 bits: 0x1234/0xffff and 0xabcd/0x0000 */
    {
        static const unsigned char raw[] = { 0, 0x12, 0x34, 0xff, 0xff, 0xab, 0xcd, 0, 0 };
        S_png(2, 1, 16, 4, raw, sizeof raw, NULL, 0, NULL, 0, 0, 0);
    }
    img = S_load(GW_IMAGE_PIXELS);
    c = img ? gw_image_color(img, &ch) : NULL;
    a = img ? gw_image_alpha(img) : NULL;
    TAP_OK(c && ch == 1 && c[0] == 0x12 && c[1] == 0xab && a && a[0] == 255 && a[1] == 0,
           "16-bit grey + alpha: 8-bit grey and alpha");
    gw_image_free(img);

    /* 1-bit palette with tRNS: index 0 transparent green, index 1 red */
    {
        static const unsigned char raw[] = { 0, 0x40 };     /* pixels 0, 1 */
        static const unsigned char plte[] = { 0, 255, 0, 255, 0, 0 };
        static const unsigned char trns[] = { 0 };
        S_png(2, 1, 1, 3, raw, sizeof raw, plte, sizeof plte, trns, sizeof trns, 0, 0);
    }
    img = S_load(GW_IMAGE_PIXELS);
    c = img ? gw_image_color(img, &ch) : NULL;
    a = img ? gw_image_alpha(img) : NULL;
    TAP_OK(c && ch == 3 && !memcmp(c, "\0\xff\0\xff\0\0", 6) && a && a[0] == 0 && a[1] == 255,
           "palette + tRNS: RGB and alpha (%s)", err.msg);
    gw_image_free(img);

    /* a wrong CRC on an ancillary chunk: libpng skips it and warns */
    {
        static const unsigned char raw[] = { 0, 7, 8, 9 };
        S_png(1, 1, 8, 2, raw, sizeof raw, NULL, 0, NULL, 0, 0, 1);
    }
    img = S_load(GW_IMAGE_PIXELS);
    {
        int n = 0;
        const char *wmsg = img ? gw_image_warning(img, &n) : NULL;
        TAP_OK(img && !memcmp(gw_image_color(img, &ch), "\7\10\11", 3) && wmsg
               && strstr(wmsg, "tEXt") && n == 1,
               "a bad tEXt CRC is a warning, the image loads: %s", wmsg ? wmsg : err.msg);
    }
    gw_image_free(img);
}

static void
S_test_caps_and_damage(void)
{
    gw_image *img;
    FILE *fp;
    char buf[256];
    size_t n;

    S_grey(GW_IMAGE_MAX_SIDE, 1, 0);
    img = S_load(GW_IMAGE_CHECK);
    TAP_OK(img != NULL, "%d px wide: at the side cap, accepted (%s)", GW_IMAGE_MAX_SIDE, err.msg);
    gw_image_free(img);
    S_grey(1, GW_IMAGE_MAX_SIDE + 1, 0);
    img = S_load(GW_IMAGE_CHECK);
    TAP_OK(!img && err.code == GW_EINPUT && strstr(err.msg, TMP)
           && strstr(err.msg, ": image 1x16385 is larger than the cap of 16384 pixels per side"),
           "one past the side cap: %s", err.msg);
    S_grey(GW_IMAGE_MAX_SIDE, GW_IMAGE_MAX_PIXELS / GW_IMAGE_MAX_SIDE, 0);
    img = S_load(GW_IMAGE_CHECK);
    TAP_OK(img != NULL, "16384 x %ld: just under the pixel cap, accepted (%s)",
           GW_IMAGE_MAX_PIXELS / GW_IMAGE_MAX_SIDE, err.msg);
    gw_image_free(img);
    S_grey(GW_IMAGE_MAX_SIDE, GW_IMAGE_MAX_PIXELS / GW_IMAGE_MAX_SIDE + 1, 0);
    img = S_load(GW_IMAGE_CHECK);
    TAP_OK(!img && err.code == GW_EINPUT && strstr(err.msg, "than the cap of 40000000 pixels"),
           "one row more: over the pixel cap: %s", err.msg);

    /* the same small image cut short, in both modes */
    S_grey(64, 64, 0);
    fp = fopen(TMP, "rb");
    n = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    fp = fopen(TMP, "wb");
    fwrite(buf, 1, n - 20, fp);
    fclose(fp);
    img = S_load(GW_IMAGE_PIXELS);
    TAP_OK(!img && err.code == GW_EINPUT && strstr(err.msg, TMP)
           && strstr(err.msg, ": damaged PNG: "), "truncated (pixels): %s", err.msg);
    img = S_load(GW_IMAGE_CHECK);
    TAP_OK(!img && err.code == GW_EINPUT && strstr(err.msg, TMP)
           && strstr(err.msg, ": damaged PNG: "), "truncated (check): %s", err.msg);

    fp = fopen(TMP, "wb");
    fputs("GIF89a not a png at all, but long enough", fp);
    fclose(fp);
    img = S_load(GW_IMAGE_CHECK);
    TAP_OK(!img && err.code == GW_EINPUT && strstr(err.msg, TMP) && strstr(err.msg, "not a PNG"),
           "a GIF is refused: %s", err.msg);
    fp = fopen(TMP, "wb");
    fputs("\xff\xd8\xff\xe0\0\x10JFIF", fp);
    fclose(fp);
    img = S_load(GW_IMAGE_PIXELS);
    TAP_OK(!img && err.code == GW_EINPUT && strstr(err.msg, "damaged JPEG"),
           "a JPEG without a frame header is named as such: %s", err.msg);
    unlink(TMP);
    img = S_load(GW_IMAGE_PIXELS);
    TAP_OK(!img && err.code == GW_EIO && strstr(err.msg, TMP) && strstr(err.msg, ": cannot open"),
           "a missing file: %s", err.msg);
}

int
main(void)
{
    snprintf(TMP, sizeof TMP, "/tmp/unit_image.%ld.png", (long)getpid());
    S_test_sizes();
    S_test_kinds();
    S_test_caps_and_damage();
    unlink(TMP);
    return TAP_DONE();
}
