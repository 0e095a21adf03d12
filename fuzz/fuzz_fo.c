/* fuzz_fo.c — the FO reader and the typesetter (src/fo.h, src/render.h):
 * the input is written to a temporary .fo file and goes through the same
 * entries as `gongwen render` — gw_fo_parse_file (caps, no network, no
 * entities), then gw_render_doc (FO tree, layout, display list, PDF).
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
    int rc;

    if (size > (1u << 20))
        return 0;
    f = fopen(S_fo, "wb");
    FUZZ_CHECK(f != NULL);
    FUZZ_CHECK(fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(fclose(f) == 0);
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
    rc = gw_render_doc(doc, S_fo, S_pdf, &opts, &err);
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
