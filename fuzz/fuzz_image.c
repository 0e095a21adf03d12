/* fuzz_image.c — PNG files (src/image.h).  The input is written to a
 * temporary file and read with gw_image_load twice, as the layout does
 * (GW_IMAGE_CHECK) and as the PDF writer does (GW_IMAGE_PIXELS); an image
 * that loads is then drawn on a page and written as a PDF, so libharu gets
 * whatever image.c lets through.  Checks: both modes agree; a failure has
 * a message naming the file and one of the documented codes; a success is
 * within the caps, has a finite positive size and 1 or 3 colour channels,
 * and the PDF is written (and starts with %PDF-). */
#include "fuzz.h"
#include "gw.h"
#include "image.h"
#include "page.h"
#include "pdf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char S_png[64], S_pdf[64];

static void
S_cleanup(void)
{
    unlink(S_png);
    unlink(S_pdf);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    snprintf(S_png, sizeof S_png, "/tmp/fuzz_image.%ld.png", (long)getpid());
    snprintf(S_pdf, sizeof S_pdf, "/tmp/fuzz_image.%ld.pdf", (long)getpid());
    atexit(S_cleanup);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gw_image *chk = NULL, *pix = NULL;
    gw_err err, err2;
    gw_doc *doc = NULL;
    FILE *f;
    char head[8];
    uint32_t w, h, w2, h2;
    double pw, ph;
    int rc, rc2, ch = 0;
    size_t jlen = 0;

    if (size > (1u << 20))
        return 0;
    f = fopen(S_png, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
    memset(&err, 0, sizeof err);
    memset(&err2, 0, sizeof err2);
    rc = gw_image_load(S_png, GW_IMAGE_CHECK, &chk, &err);
    rc2 = gw_image_load(S_png, GW_IMAGE_PIXELS, &pix, &err2);
    FUZZ_CHECK(rc == rc2);
    if (rc < 0) {
        fuzz_note("image", err.msg);
        FUZZ_CHECK(rc == GW_EINPUT);
        FUZZ_CHECK(chk == NULL && pix == NULL);
        FUZZ_CHECK(strncmp(err.msg, S_png, strlen(S_png)) == 0);
        FUZZ_CHECK(strcmp(err.msg, err2.msg) == 0);
        goto out;
    }
    gw_image_pixels(chk, &w, &h);
    gw_image_pixels(pix, &w2, &h2);
    FUZZ_CHECK(w == w2 && h == h2);
    FUZZ_CHECK(w >= 1 && h >= 1 && w <= GW_IMAGE_MAX_SIDE && h <= GW_IMAGE_MAX_SIDE);
    FUZZ_CHECK((uint64_t)w * h <= (uint64_t)GW_IMAGE_MAX_PIXELS);
    gw_image_size_pt(chk, &pw, &ph);
    FUZZ_CHECK(isfinite(pw) && isfinite(ph) && pw > 0 && ph > 0);
    FUZZ_CHECK(gw_image_color(chk, &ch) == NULL && gw_image_alpha(chk) == NULL);
    FUZZ_CHECK(gw_image_jpeg(chk, &jlen) == NULL);
    if (gw_image_jpeg(pix, &jlen) != NULL)
        /* a JPEG passes through as DCT data: its bytes, no samples */
        FUZZ_CHECK(jlen > 0 && gw_image_color(pix, &ch) == NULL && gw_image_alpha(pix) == NULL);
    else
        FUZZ_CHECK(gw_image_color(pix, &ch) != NULL && (ch == 1 || ch == 3));

    /* the way into the PDF: a page with the image drawn once */
    doc = gw_doc_new();
    gw_page_image(gw_doc_add_page(doc, 595.28, 841.89, 0), S_png, 10, 10, 100, 50);
    unlink(S_pdf);
    rc = gw_pdf_write(doc, S_pdf, &err);
    if (rc < 0)
        fuzz_note("image", err.msg);
    /* a file image.c accepted must embed: libharu is never the judge */
    FUZZ_CHECK(rc == 0);
    f = fopen(S_pdf, "rb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fread(head, 1, 5, f) == 5 && memcmp(head, "%PDF-", 5) == 0);
    fclose(f);
out:
    gw_doc_free(doc);
    gw_image_free(chk);
    gw_image_free(pix);
    return 0;
}
