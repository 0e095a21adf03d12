/* image.c — PNG files decoded and checked with libpng (see image.h).  The
 * only module that includes png.h.
 *
 * libharu 2.3.0's own PNG loader (HPDF_LoadPngImageFromFile) installs an
 * error handler that returns to libpng and sets no jmp_buf, which libpng
 * answers with abort(): any damaged PNG killed the whole program.  Here libpng's errors longjmp
 * back to S_decode, which turns them into a gw_err, and the caps are
 * checked against the IHDR before a pixel buffer exists. */
#include "image.h"

#include <errno.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gw_image {
    uint32_t       w, h;
    unsigned char *jpeg;            /* a JPEG's bytes, passed through (DCT) */
    size_t         jpeg_len;
    double         dpi_x, dpi_y;
    int            channels;        /* of color: 1 grey, 3 RGB */
    unsigned char *color;
    unsigned char *alpha;           /* NULL: opaque */
    char           warning[256];
    int            nwarnings;
};

/* What the libpng callbacks and the decoder share.  It lives in the frame of
 * gw_image_load, not in S_decode's (the function that calls setjmp), so its
 * fields keep their values across the longjmp (C11 7.13.2.1p3). */
typedef struct S_png {
    const char  *path;
    FILE        *fp;
    int          keep;              /* GW_IMAGE_PIXELS */
    png_structp  png;
    png_infop    info;
    gw_image    *img;
    unsigned char *buf;             /* decoded samples, interleaved */
    png_bytep   *rows;
    int          read_errno;        /* the file could not be read: GW_EIO */
    char         why[256];          /* libpng's error message */
} S_png;

static void
S_on_error(png_structp png, png_const_charp msg)
{
    S_png *s = png_get_error_ptr(png);
    snprintf(s->why, sizeof s->why, "%s", msg);
    /* libpng requires that an error handler does not return */
    png_longjmp(png, 1);
}

static void
S_on_warning(png_structp png, png_const_charp msg)
{
    S_png *s = png_get_error_ptr(png);
    if (s->img->nwarnings++ == 0)
        snprintf(s->img->warning, sizeof s->img->warning, "%s", msg);
}

static void
S_read(png_structp png, png_bytep data, size_t n)
{
    S_png *s = png_get_io_ptr(png);
    if (fread(data, 1, n, s->fp) == n)
        return;
    if (ferror(s->fp)) {
        s->read_errno = errno ? errno : EIO;
        png_error(png, "read error");
    }
    png_error(png, "the file ends too early (truncated)");
}

/* Checks the signature before libpng sees the file, so that an empty file,
 * a JPEG or a GIF get a message of their own. */
static int
S_signature(S_png *s, gw_err *err)
{
    unsigned char sig[8];
    size_t n = fread(sig, 1, sizeof sig, s->fp);

    if (n < sizeof sig && ferror(s->fp))
        return gw_err_set(err, GW_EIO, "%s: cannot read: %s", s->path, strerror(errno));
    if (n == 0)
        return gw_err_set(err, GW_EINPUT, "%s: not a PNG file (the file is empty)", s->path);
    if (n >= 3 && sig[0] == 0xff && sig[1] == 0xd8 && sig[2] == 0xff)
        return gw_err_set(err, GW_EINPUT, "%s: a JPEG file that could not be read as one",
                          s->path);
    if (n < sizeof sig || png_sig_cmp(sig, 0, sizeof sig) != 0)
        return gw_err_set(err, GW_EINPUT, "%s: not a PNG file (bad signature or too short)",
                          s->path);
    return 0;
}

/* Moves the alpha samples of the interleaved buffer into a channel of their
 * own (PDF wants the soft mask as a separate grey image) and packs the
 * colour samples in place; drops the alpha when every pixel is opaque. */
static void
S_split_alpha(S_png *s, size_t npx, int ch)
{
    gw_image *img = s->img;
    int cc = ch - 1;
    unsigned char *alpha = gw_xmalloc(npx);
    int opaque = 1;

    for (size_t i = 0; i < npx; i++) {
        const unsigned char *p = s->buf + i * (size_t)ch;
        alpha[i] = p[cc];
        opaque &= p[cc] == 255;
        /* the destination never passes the source: i*cc <= i*ch */
        memmove(s->buf + i * (size_t)cc, p, (size_t)cc);
    }
    img->channels = cc;
    img->color = gw_xrealloc(s->buf, npx * (size_t)cc);
    s->buf = NULL;
    if (opaque)
        free(alpha);
    else
        img->alpha = alpha;
}

/* Everything libpng does for one file; its errors longjmp to S_decode. */
static int
S_read_png(S_png *s, gw_err *err)
{
    png_structp png = s->png;
    png_infop info = s->info;
    gw_image *img = s->img;
    png_uint_32 w, h, rx, ry;
    size_t rowbytes;
    int unit, ch, passes;

    png_set_sig_bytes(png, 8);
    png_read_info(png, info);
    w = png_get_image_width(png, info);
    h = png_get_image_height(png, info);
    if (w > GW_IMAGE_MAX_SIDE || h > GW_IMAGE_MAX_SIDE)
        return gw_err_set(err, GW_EINPUT, "%s: image %lux%lu is larger than the cap of %d "
                          "pixels per side", s->path, (unsigned long)w, (unsigned long)h,
                          GW_IMAGE_MAX_SIDE);
    if ((uint64_t)w * h > (uint64_t)GW_IMAGE_MAX_PIXELS)
        return gw_err_set(err, GW_EINPUT, "%s: image %lux%lu is larger than the cap of %ld "
                          "pixels", s->path, (unsigned long)w, (unsigned long)h,
                          GW_IMAGE_MAX_PIXELS);
    img->w = w;
    img->h = h;
    img->dpi_x = img->dpi_y = 96;
    /* unit 1 = pixels per metre; unit 0 gives only the aspect ratio */
    if (png_get_pHYs(png, info, &rx, &ry, &unit) && unit == PNG_RESOLUTION_METER
        && rx > 0 && ry > 0) {
        img->dpi_x = rx * 0.0254;
        img->dpi_y = ry * 0.0254;
    }

    /* Whatever the file holds, come out with 8-bit grey or RGB samples and
     * maybe alpha: palette -> RGB, grey below 8 bits -> 8, tRNS -> alpha,
     * 16 bits -> 8; interlaced passes are combined by libpng. */
    png_set_expand(png);
    png_set_strip_16(png);
    passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    ch = png_get_channels(png, info);
    rowbytes = png_get_rowbytes(png, info);
    if (ch < 1 || ch > 4 || png_get_bit_depth(png, info) != 8 || rowbytes != (size_t)w * ch)
        return gw_err_set(err, GW_EDEP, "%s: libpng gave %d channels of %d bits, %zu bytes a "
                          "row (expected 8-bit samples)", s->path, ch,
                          png_get_bit_depth(png, info), rowbytes);

    if (!s->keep) {
        /* every row of every pass through one buffer: all of the data is
         * inflated and checked, nothing kept */
        s->buf = gw_xmalloc(rowbytes);
        for (int p = 0; p < passes; p++)
            for (png_uint_32 y = 0; y < h; y++)
                png_read_row(png, s->buf, NULL);
    } else {
        s->buf = gw_xmalloc(rowbytes * h);
        s->rows = gw_xmalloc(h * sizeof *s->rows);
        for (png_uint_32 y = 0; y < h; y++)
            s->rows[y] = s->buf + y * rowbytes;
        png_read_image(png, s->rows);
    }
    /* the chunks after the image data, up to IEND: their CRCs and the end
     * of the zlib stream are checked here */
    png_read_end(png, NULL);

    if (!s->keep)
        return 0;
    if (ch == 2 || ch == 4) {
        S_split_alpha(s, (size_t)w * h, ch);
    } else {
        img->channels = ch;
        img->color = s->buf;
        s->buf = NULL;
    }
    return 0;
}

/* The one place that catches libpng's longjmp. */
static int
S_decode(S_png *s, gw_err *err)
{
    if (setjmp(png_jmpbuf(s->png))) {
        if (s->read_errno)
            return gw_err_set(err, GW_EIO, "%s: cannot read: %s", s->path,
                              strerror(s->read_errno));
        return gw_err_set(err, GW_EINPUT, "%s: damaged PNG: %s", s->path, s->why);
    }
    return S_read_png(s, err);
}

/* ------------------------------------------------------------------ JPEG */

static unsigned
S_be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

/* A JPEG is not decoded: its DCT data goes into the PDF as it is (libharu's
 * JPEG loader, DCTDecode), so what is checked here is what a viewer needs
 * and libharu relies on: the markers up to the frame header (SOF0, SOF1 or
 * SOF2: baseline, extended or progressive Huffman; 8-bit samples; 1 or 3
 * components), the caps, the JFIF resolution, and that the data ends with
 * EOI (a truncated file is refused).  Up to the frame header the markers
 * are walked as libharu walks them (two bytes of marker, two of length,
 * the first SOF decides): fill bytes there, which the JPEG standard allows
 * but libharu reads as a marker, and a second frame header are refused, so
 * that no file passed here fails in libharu.  0, or GW_EINPUT naming
 * name. */
static int
S_jpeg(const unsigned char *d, size_t n, const char *name, gw_image *img, gw_err *err)
{
    size_t i = 2;
    int have_sof = 0;

    while (i + 4 <= n) {
        unsigned m, len;
        if (d[i] != 0xFF)
            return gw_err_set(err, GW_EINPUT, "%s: damaged JPEG (no marker at byte %zu)",
                              name, i + 1);
        m = d[i + 1];
        if (m == 0xFF) {            /* fill bytes before a marker */
            if (!have_sof)
                return gw_err_set(err, GW_EINPUT, "%s: a JPEG with fill bytes before its frame "
                                  "header (byte %zu), which the PDF library cannot read; save "
                                  "it again as a baseline JPEG or as a PNG", name, i + 1);
            i++;
            continue;
        }
        if (m == 0xD9 || m == 0xDA)  /* EOI, or SOS: the scan data follows */
            break;
        len = S_be16(d + i + 2);
        if (len < 2 || i + 2 + len > n)
            return gw_err_set(err, GW_EINPUT, "%s: damaged JPEG (a segment runs past the end "
                              "of the file)", name);
        if (m == 0xE0 && len >= 16 && !memcmp(d + i + 4, "JFIF", 5)) {
            unsigned unit = d[i + 11], xd = S_be16(d + i + 12), yd = S_be16(d + i + 14);
            if (xd && yd && (unit == 1 || unit == 2)) {
                img->dpi_x = unit == 1 ? xd : xd * 2.54;
                img->dpi_y = unit == 1 ? yd : yd * 2.54;
            }
        } else if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            int comps;
            if (m > 0xC2)
                return gw_err_set(err, GW_EINPUT, "%s: a JPEG of a kind PDF viewers do not "
                                  "all read (lossless, hierarchical or arithmetic-coded, "
                                  "SOF%u); save it as a baseline JPEG or a PNG", name, m - 0xC0);
            if (len < 8)
                return gw_err_set(err, GW_EINPUT, "%s: damaged JPEG (short frame header)", name);
            if (have_sof)
                return gw_err_set(err, GW_EINPUT, "%s: damaged JPEG (a second frame header "
                                  "at byte %zu)", name, i + 1);
            img->h = S_be16(d + i + 5);
            img->w = S_be16(d + i + 7);
            comps = d[i + 9];
            if (d[i + 4] != 8)
                return gw_err_set(err, GW_EINPUT, "%s: a JPEG with %u-bit samples; only "
                                  "8-bit JPEGs are read", name, d[i + 4]);
            if (comps != 1 && comps != 3)
                return gw_err_set(err, GW_EINPUT, "%s: a JPEG with %d colour components; "
                                  "only grey and colour (YCbCr) JPEGs are read (CMYK is not)",
                                  name, comps);
            img->channels = comps;
            have_sof = 1;
        }
        i += 2 + len;
    }
    if (!have_sof)
        return gw_err_set(err, GW_EINPUT, "%s: damaged JPEG (no frame header)", name);
    if (img->w == 0 || img->h == 0)
        return gw_err_set(err, GW_EINPUT, "%s: a JPEG of %lux%lu pixels", name,
                          (unsigned long)img->w, (unsigned long)img->h);
    if (img->w > GW_IMAGE_MAX_SIDE || img->h > GW_IMAGE_MAX_SIDE)
        return gw_err_set(err, GW_EINPUT, "%s: image %lux%lu is larger than the cap of %d "
                          "pixels per side", name, (unsigned long)img->w,
                          (unsigned long)img->h, GW_IMAGE_MAX_SIDE);
    if ((uint64_t)img->w * img->h > (uint64_t)GW_IMAGE_MAX_PIXELS)
        return gw_err_set(err, GW_EINPUT, "%s: image %lux%lu is larger than the cap of %ld "
                          "pixels", name, (unsigned long)img->w, (unsigned long)img->h,
                          GW_IMAGE_MAX_PIXELS);
    /* the last marker is EOI (trailing zero bytes some cameras add allowed) */
    while (n > 2 && d[n - 1] == 0)
        n--;
    if (n < 4 || d[n - 2] != 0xFF || d[n - 1] != 0xD9)
        return gw_err_set(err, GW_EINPUT, "%s: damaged JPEG (the file ends before its end "
                          "marker: truncated?)", name);
    return 0;
}

/* The value of one base64 digit, -1 for anything else. */
static int
S_b64(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26 :
           c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;
}

/* The bytes of a data: URI (RFC 2397) with base64 data into out; the
 * media type is not trusted (the signature decides).  White space in the
 * data is skipped.  0, or GW_EINPUT naming name (the URI's first bytes). */
static int
S_data_uri(const char *uri, const char *name, gw_buf *out, gw_err *err)
{
    const char *comma = strchr(uri, ','), *p;
    unsigned acc = 0;
    int bits = 0, pad = 0;

    if (!comma)
        return gw_err_set(err, GW_EINPUT, "%s: a data: URI needs a comma before its data",
                          name);
    if (comma - uri < 12 || strncmp(comma - 7, ";base64", 7) != 0)
        return gw_err_set(err, GW_EINPUT, "%s: only base64 data: URIs are read "
                          "(data:image/png;base64,...)", name);
    for (p = comma + 1; *p; p++) {
        int v = S_b64((unsigned char)*p);
        if (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
            continue;
        if (*p == '=') {
            pad++;
            continue;
        }
        if (v < 0 || pad)
            return gw_err_set(err, GW_EINPUT, "%s: bad base64 at byte %zu of the data: URI",
                              name, (size_t)(p - uri) + 1);
        if (out->len >= GW_IMAGE_MAX_DATA_URI)
            return gw_err_set(err, GW_EINPUT, "%s: a data: URI of more than %d bytes (cap)",
                              name, GW_IMAGE_MAX_DATA_URI);
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            gw_buf_putc(out, (int)((acc >> bits) & 0xFF));
        }
    }
    return 0;
}

int
gw_image_load(const char *path, int flags, gw_image **img, gw_err *err)
{
    S_png s;
    gw_buf data;
    char name[80];
    int rc;

    *img = NULL;
    memset(&s, 0, sizeof s);
    gw_buf_init(&data);
    /* a data: URI is named by its first 60 bytes, never quoted whole */
    snprintf(name, sizeof name, "%.60s%s", path, strlen(path) > 60 ? "…" : "");
    s.path = strncmp(path, "data:", 5) ? path : name;
    s.keep = !(flags & GW_IMAGE_CHECK);
    s.img = gw_xcalloc(1, sizeof *s.img);
    s.img->dpi_x = s.img->dpi_y = 96;
    if (strncmp(path, "data:", 5) == 0)
        rc = S_data_uri(path, name, &data, err);
    else
        rc = gw_file_read(path, GW_IMAGE_MAX_FILE, &data, err);
    if (rc < 0)
        goto out;
    if (data.len == 0) {
        rc = gw_err_set(err, GW_EINPUT, "%s: not a PNG file (the file is empty)", s.path);
        goto out;
    }
    if (data.len >= 3 && !memcmp(data.ptr, "\xFF\xD8\xFF", 3)) {
        if ((rc = S_jpeg((const unsigned char *)data.ptr, data.len, s.path, s.img, err)) < 0)
            goto out;
        if (s.keep) {
            s.img->jpeg_len = data.len;
            s.img->jpeg = (unsigned char *)gw_buf_detach(&data);
        }
        goto out;
    }
    /* a PNG: libpng reads it from memory as from a file */
    s.fp = fmemopen(data.ptr, data.len ? data.len : 1, "rb");
    if (!s.fp) {
        rc = gw_err_set(err, GW_EIO, "%s: cannot read: %s", s.path, strerror(errno));
        goto out;
    }
    rc = S_signature(&s, err);
    if (rc < 0)
        goto out;
    s.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &s, S_on_error, S_on_warning);
    if (s.png)
        s.info = png_create_info_struct(s.png);
    if (!s.png || !s.info) {
        rc = gw_err_set(err, GW_EDEP, "%s: libpng could not start (out of memory?)", path);
        goto out;
    }
    png_set_read_fn(s.png, &s, S_read);
    /* libpng's default limit (1 000 000 per side) would refuse a huge
     * IHDR with its own words; lift it to the PNG maximum so that
     * S_read_png's caps, which are lower, report it */
    png_set_user_limits(s.png, PNG_UINT_31_MAX, PNG_UINT_31_MAX);
    png_set_chunk_malloc_max(s.png, GW_IMAGE_MAX_CHUNK_BYTES);
    png_set_chunk_cache_max(s.png, GW_IMAGE_MAX_CHUNKS);
    rc = S_decode(&s, err);
out:
    if (s.png)
        png_destroy_read_struct(&s.png, s.info ? &s.info : NULL, NULL);
    if (s.fp)
        fclose(s.fp);
    free(s.buf);
    free(s.rows);
    gw_buf_free(&data);
    if (rc < 0)
        gw_image_free(s.img);
    else
        *img = s.img;
    return rc;
}

const unsigned char *
gw_image_jpeg(const gw_image *img, size_t *len)
{
    *len = img->jpeg_len;
    return img->jpeg;
}

void
gw_image_free(gw_image *img)
{
    if (!img)
        return;
    free(img->color);
    free(img->alpha);
    free(img->jpeg);
    free(img);
}

void
gw_image_pixels(const gw_image *img, uint32_t *w, uint32_t *h)
{
    *w = img->w;
    *h = img->h;
}

void
gw_image_size_pt(const gw_image *img, double *w, double *h)
{
    *w = img->w * 72.0 / img->dpi_x;
    *h = img->h * 72.0 / img->dpi_y;
}

const unsigned char *
gw_image_color(const gw_image *img, int *channels)
{
    *channels = img->channels;
    return img->color;
}

const unsigned char *
gw_image_alpha(const gw_image *img)
{
    return img->alpha;
}

const char *
gw_image_warning(const gw_image *img, int *count)
{
    if (count)
        *count = img->nwarnings;
    return img->nwarnings ? img->warning : NULL;
}
