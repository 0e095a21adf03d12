/* render.c — the typesetter's entry points (render.h): FO file or tree ->
 * FO reader (fo.c) -> layout (layout/) -> display list (page.c) -> PDF
 * (pdf.c, written atomically). */
#include "render.h"
#include "fo.h"
#include "layout.h"
#include "pdf.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

int
gw_render_doc(gw_xml_doc fo, const char *name, const char *out_path,
              const gw_render_opts *opts, gw_err *err)
{
    return gw_render_doc_fonts(fo, name, out_path, opts, NULL, err);
}

int
gw_render_doc_fonts(gw_xml_doc fo, const char *name, const char *out_path,
                    const gw_render_opts *opts, gw_fontset *fs, gw_err *err)
{
    gw_fo_tree *tree = NULL;
    gw_fontset *fonts = fs, *own = NULL;
    gw_lo *lo = NULL;
    gw_doc *doc = NULL;
    char *basedir = NULL;
    const char *slash;
    int rc;

    rc = gw_fo_load(fo, name, &tree, err);
    if (rc < 0)
        goto out;
    if (!fonts) {
        rc = gw_fontset_new(&own, err);
        if (rc < 0)
            goto out;
        fonts = own;
    }
    /* external-graphic src is relative to the FO file */
    if (name && strcmp(name, "-") && (slash = strrchr(name, '/')))
        basedir = gw_xstrndup(name, (size_t)(slash - name));
    lo = gw_lo_new(tree, fonts, basedir, opts, err);
    doc = gw_doc_new();
    rc = gw_lo_document(lo, doc);
    if (rc < 0)
        goto out;
    gw_font_report_substitutes();
    gw_debugf("%s: %zu pages", name ? name : "<fo>", gw_doc_page_count(doc));
    /* the display list owns copies of what it needs: drop the layout
     * before the PDF writer builds its own data (lower peak memory) */
    gw_lo_free(lo);
    lo = NULL;
    rc = gw_pdf_write(doc, out_path, err);
out:
    gw_lo_free(lo);
    gw_doc_free(doc);
    gw_fontset_free(own);
    gw_fo_free(tree);
    free(basedir);
    return rc;
}

int
gw_render_file(const char *fo_path, const char *out_path, const gw_render_opts *opts,
               gw_err *err)
{
    gw_xml_doc doc = NULL;
    int rc;
    /* `render x.fo -o x.fo` must not replace its own input */
    gw_file_protect(fo_path, "the input");
    if ((rc = gw_file_check_output(out_path, err)) < 0)
        return rc;
    rc = gw_fo_parse_file(fo_path, &doc, err);
    if (rc < 0)
        return rc;
    rc = gw_render_doc(doc, strcmp(fo_path, "-") ? fo_path : "<stdin>", out_path, opts, err);
    xmlFreeDoc(doc);
    return rc;
}
