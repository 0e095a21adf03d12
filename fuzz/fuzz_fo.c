/* fuzz_fo.c — the FO reader and the typesetter (src/fo.h, src/render.h):
 * the input is written to a temporary .fo file and goes through the same
 * entries as `gongwen render` — gw_fo_parse_file (caps, no network, no
 * entities), then gw_render_doc (FO tree, layout, display list, PDF).
 * An input holding the line "<!--piece-->" is a document in pieces
 * (gw_render_pieces): each part a piece, written to a file and read as
 * `gongwen render` reads one.
 * Checks: a failure has a message and one of the documented codes; on
 * success the PDF exists and starts with %PDF-. */
#include "fuzz.h"
#include "fo.h"
#include "gw.h"
#include "render.h"

#include <libxml/tree.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char S_dir[64];
static char S_fo[96], S_pdf[96];

#define S_SEP "\n<!--piece-->\n"

/* The input's pieces: where each starts and ends. */
typedef struct S_split {
    const uint8_t *data;
    size_t         size;
} S_split;

/* Where needle (n bytes) first starts in [p, end), or NULL. */
static const uint8_t *
S_find(const uint8_t *p, const uint8_t *end, const char *needle, size_t n)
{
    for (; (size_t)(end - p) >= n; p++)
        if (!memcmp(p, needle, n))
            return p;
    return NULL;
}

/* Writes piece k of the input (the part after the k-th separator; the
 * whole input when it has none) to S_fo.  0, or -1 when there is no
 * piece k. */
static int
S_write_piece(const S_split *sp, size_t k)
{
    const uint8_t *p = sp->data, *end = sp->data + sp->size, *q;
    size_t i, n = strlen(S_SEP);
    FILE *f;
    for (i = 0; i < k; i++) {
        q = S_find(p, end, S_SEP, n);
        if (!q)
            return -1;
        p = q + n;
    }
    q = S_find(p, end, S_SEP, n);
    if (!q)
        q = end;
    f = fopen(S_fo, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(p, 1, (size_t)(q - p), f) == (size_t)(q - p));
    FUZZ_CHECK(fclose(f) == 0);
    return 0;
}

/* Piece k ≥ 1, read from its file as the first one is. */
static int
S_piece(void *ctx, size_t k, gw_xml_doc *fo, gw_err *err)
{
    if (S_write_piece(ctx, k) < 0)
        return gw_err_set(err, GW_EINPUT, "fuzz: no piece %zu", k);
    return gw_fo_parse_file(S_fo, fo, err);
}

static void
S_cleanup(void)
{
    unlink(S_fo);
    unlink(S_pdf);
    rmdir(S_dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fuzz_setup();
    snprintf(S_dir, sizeof S_dir, "/tmp/fuzz_fo.XXXXXX");
    if (!mkdtemp(S_dir)) {
        perror("fuzz_fo: mkdtemp");
        exit(2);
    }
    snprintf(S_fo, sizeof S_fo, "%s/in.fo", S_dir);
    snprintf(S_pdf, sizeof S_pdf, "%s/out.pdf", S_dir);
    atexit(S_cleanup);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gw_xml_doc doc = NULL;
    gw_render_opts opts;
    gw_err err;
    FILE *f;
    char head[8];
    S_split sp = {data, size};
    int rc;

    if (size > (1u << 20))
        return 0;
    S_write_piece(&sp, 0);
    memset(&err, 0, sizeof err);
    memset(&opts, 0, sizeof opts);
    opts.allow_missing_glyphs = size & 1;
    unlink(S_pdf);
    rc = gw_fo_parse_file(S_fo, &doc, &err);
    if (rc < 0) {
        fuzz_note("fo", err.msg);
        FUZZ_CHECK(err.msg[0] != '\0' && (rc == GW_EINPUT || rc == GW_EIO));
        FUZZ_CHECK(doc == NULL);
        goto out;
    }
    if (S_find(data, data + size, S_SEP, strlen(S_SEP))) {
        gw_fontset *fs = NULL;
        gw_pieces *pc = NULL;
        FUZZ_CHECK(gw_fontset_new(&fs, &err) == 0);
        rc = gw_render_pieces(doc, S_fo, S_piece, &sp, S_pdf, &opts, fs, &pc, &err);
        doc = NULL;                     /* taken */
        if (rc == 0)
            rc = gw_pieces_finish(pc, &err);
        gw_pieces_free(pc);
        gw_fontset_free(fs);
    } else {
        rc = gw_render_doc(doc, S_fo, S_pdf, &opts, &err);
    }
    if (rc < 0) {
        fuzz_note("fo", err.msg);
        FUZZ_CHECK(err.msg[0] != '\0');
        FUZZ_CHECK(rc == GW_EINPUT || rc == GW_EIO || rc == GW_EDEP);
        FUZZ_CHECK(access(S_pdf, F_OK) != 0);   /* nothing left behind */
        goto out;
    }
    f = fopen(S_pdf, "rb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fread(head, 1, 5, f) == 5 && memcmp(head, "%PDF-", 5) == 0);
    fclose(f);
out:
    if (doc)
        xmlFreeDoc(doc);
    unlink(S_fo);
    unlink(S_pdf);
    return 0;
}
