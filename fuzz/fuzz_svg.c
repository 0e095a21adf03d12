/* fuzz_svg.c — the SVG chart subset (src/svg.h).  The input is parsed the
 * way the FO reader parses the document around an instream-foreign-object
 * (no network, no entity expansion, a DOCTYPE declaring entities refused);
 * the root element goes through gw_svg_size and gw_svg_draw into a box on an
 * A4 page, and the page is written as a PDF (pdf.c must accept whatever the
 * SVG code drew).  Checks: every failure has a message, the size is finite
 * and not negative, every drawn coordinate is finite. */
#include "fuzz.h"
#include "font.h"
#include "gw.h"
#include "page-imp.h"
#include "pdf.h"
#include "svg.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static gw_fontset *S_fonts;
static char S_pdf[64];

/* Frees the fontset at exit: a live fontconfig configuration looks like a
 * leak to LeakSanitizer (fuzz/lsan.supp). */
static void
S_cleanup(void)
{
    gw_fontset_free(S_fonts);
    S_fonts = NULL;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    gw_err err;
    (void)argc;
    (void)argv;
    fuzz_setup();
    memset(&err, 0, sizeof err);
    if (gw_fontset_new(&S_fonts, &err) < 0) {
        fprintf(stderr, "fuzz_svg: %s\n", err.msg);
        exit(2);
    }
    snprintf(S_pdf, sizeof S_pdf, "/tmp/fuzz_svg.%ld.pdf", (long)getpid());
    atexit(S_cleanup);
    return 0;
}

static void
S_check_items(const gw_page *page)
{
    size_t i, k, n = gw_page_item_count(page);
    for (i = 0; i < n; i++) {
        const gw_item *it = gw_page_item(page, i);
        FUZZ_CHECK(isfinite(it->x) && isfinite(it->y));
        FUZZ_CHECK(isfinite(it->w) && isfinite(it->h));
        FUZZ_CHECK(isfinite(it->width));
        if (it->kind == GW_ITEM_TEXT)
            for (k = 0; k < it->n; k++)
                FUZZ_CHECK(isfinite(it->xs[k]));
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    xmlDocPtr xd = NULL;
    xmlNodePtr root;
    gw_doc *doc = NULL;
    gw_page *page;
    gw_err err;
    double w = 0, h = 0;
    int rc;

    if (size > (1u << 20))
        return 0;
    memset(&err, 0, sizeof err);
    xd = xmlReadMemory((const char *)data, (int)size, "fuzz.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!xd)
        goto out;
    if (xd->intSubset && (xd->intSubset->entities || xd->intSubset->pentities))
        goto out;
    root = xmlDocGetRootElement(xd);
    if (!root)
        goto out;
    rc = gw_svg_size(root, &w, &h, &err);
    if (rc < 0) {
        fuzz_note("svg", err.msg);
        FUZZ_CHECK(err.msg[0] != '\0');
        goto out;
    }
    FUZZ_CHECK(isfinite(w) && isfinite(h) && w >= 0 && h >= 0);
    doc = gw_doc_new();
    page = gw_doc_add_page(doc, 595.276, 841.89, 0);
    rc = gw_svg_draw(root, page, S_fonts, 72, 72, 300, 200, &err);
    if (rc < 0) {
        fuzz_note("svg", err.msg);
        FUZZ_CHECK(err.msg[0] != '\0');
        goto out;
    }
    S_check_items(page);
    memset(&err, 0, sizeof err);
    rc = gw_pdf_write(doc, S_pdf, &err);
    if (rc < 0) {
        fuzz_note("svg", err.msg);
        FUZZ_CHECK(err.msg[0] != '\0');
    }
    unlink(S_pdf);
out:
    gw_doc_free(doc);
    if (xd)
        xmlFreeDoc(xd);
    return 0;
}
