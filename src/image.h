/* image.h — raster images for fo:external-graphic: PNG files decoded and
 * checked with libpng (the only module that includes png.h), so that the
 * PDF writer hands libharu nothing but pixels this module has vetted.
 *
 * Every PNG libpng can read is accepted (palette, grey, 1-16 bits,
 * interlaced, with or without alpha or tRNS) and comes out as 8-bit grey
 * or RGB samples plus, when some pixel is not opaque, a separate 8-bit
 * alpha channel.  libpng's warnings (an odd iCCP profile, an unknown
 * chunk) are warnings; a damaged file (truncated, a bad CRC in a critical
 * chunk, bad compressed data, a bad zlib checksum) is an error naming the
 * file and libpng's reason.  Other formats are refused by their signature
 * (a JPEG is named as such). */
#ifndef GW_IMAGE_H
#define GW_IMAGE_H

#include "gw.h"

/* Caps, checked against the IHDR before any pixel memory is allocated.
 * 16384 is the largest side of anything a plan document embeds (an A4 page
 * scanned at 1200 dpi is 9921 x 14031).  40 million pixels take an A4 scan
 * at 600 dpi (4961 x 7016 = 34.8 Mpx) or a 24 Mpx camera photo; decoded as
 * RGB + alpha they are 160 MB here, and libharu keeps a copy of the same
 * size until the PDF is written, so one image at the cap costs ~320 MB at
 * the peak. */
#define GW_IMAGE_MAX_SIDE   16384           /* pixels, width and height each */
#define GW_IMAGE_MAX_PIXELS 40000000L       /* width x height */
/* What libpng may allocate for one ancillary chunk (an iCCP profile, a
 * compressed text) and how many it keeps: larger ones are skipped with a
 * warning.  libpng 1.6's own defaults, set explicitly so that a libpng
 * built otherwise cannot lift them. */
#define GW_IMAGE_MAX_CHUNK_BYTES 8000000
#define GW_IMAGE_MAX_CHUNKS      1000

/* Bytes of an image file (a PNG or a JPEG is read whole first). */
#define GW_IMAGE_MAX_FILE 67108864
/* Bytes a data: URI may decode to (the FO file around it is capped too). */
#define GW_IMAGE_MAX_DATA_URI 16777216

typedef struct gw_image gw_image;

enum {
    GW_IMAGE_PIXELS = 0,    /* decode and keep the samples */
    GW_IMAGE_CHECK  = 1     /* decode everything, keep only the header data
                             * (one row of memory: the layout's check) */
};

/* Reads the PNG at path — a file, or a data: URI with base64 data
 * (data:image/png;base64,..., named in messages by its first 60 bytes) —
 * and checks all of it (signature, caps, every
 * chunk's CRC, the compressed data to its end).  flags is GW_IMAGE_PIXELS
 * or GW_IMAGE_CHECK.  On success *img is a new image the caller frees with
 * gw_image_free.  0, or GW_EIO (cannot open or read) or GW_EINPUT (not a
 * PNG, damaged, over a cap), with err naming the file and what is wrong. */
int gw_image_load(const char *path, int flags, gw_image **img, gw_err *err);

void gw_image_free(gw_image *img);

/* A JPEG's bytes (borrowed, *len of them), passed through to the PDF as
 * DCT data; NULL for a PNG or a GW_IMAGE_CHECK image.  A JPEG has no
 * colour samples (gw_image_color gives NULL) and no alpha. */
const unsigned char *gw_image_jpeg(const gw_image *img, size_t *len);

/* Width and height in pixels. */
void gw_image_pixels(const gw_image *img, uint32_t *w, uint32_t *h);

/* Intrinsic size in pt: the pHYs resolution when the file gives one in
 * pixels per metre, else 96 dpi (CSS's px). */
void gw_image_size_pt(const gw_image *img, double *w, double *h);

/* The colour samples: channels (1 grey, 3 RGB) 8-bit samples per pixel,
 * rows top to bottom without padding.  Borrowed, valid until gw_image_free;
 * NULL for a GW_IMAGE_CHECK image. */
const unsigned char *gw_image_color(const gw_image *img, int *channels);

/* The alpha channel: one 8-bit sample per pixel (255 opaque), or NULL when
 * every pixel is opaque (or for a GW_IMAGE_CHECK image).  Borrowed. */
const unsigned char *gw_image_alpha(const gw_image *img);

/* libpng's first warning about the file ("iCCP: known incorrect sRGB
 * profile"), or NULL; the number of warnings in *count when not NULL.
 * Borrowed. */
const char *gw_image_warning(const gw_image *img, int *count);

#endif
