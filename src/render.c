/* render.c — the typesetter's entry points (render.h): FO file or tree ->
 * FO reader (fo.c) -> layout (layout/) -> display list (page.c) -> PDF
 * (pdf.c, written atomically). */
#include "render.h"
#include "fo.h"
#include "layout.h"
#include "pdf.h"
#include "page-imp.h"

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
gw_render_layout(gw_xml_doc fo, const char *name, const gw_render_opts *opts,
                 gw_fontset *fs, gw_doc **out, gw_err *err)
{
    gw_fo_tree *tree = NULL;
    gw_lo *lo = NULL;
    gw_doc *doc = NULL;
    char *basedir = NULL;
    const char *slash;
    int rc;

    *out = NULL;
    rc = gw_fo_load(fo, name, &tree, err);
    if (rc < 0)
        goto out;
    /* external-graphic src is relative to the FO file */
    if (name && strcmp(name, "-") && (slash = strrchr(name, '/')))
        basedir = gw_xstrndup(name, (size_t)(slash - name));
    lo = gw_lo_new(tree, fs, basedir, opts, err);
    doc = gw_doc_new();
    rc = gw_lo_document(lo, doc);
    if (rc < 0)
        goto out;
    gw_font_report_substitutes();
    gw_debugf("%s: %zu pages", name ? name : "<fo>", gw_doc_page_count(doc));
    *out = doc;
    doc = NULL;
out:
    /* the display list owns copies of what it needs: the layout goes
     * before the PDF writer builds its own data (lower peak memory) */
    gw_lo_free(lo);
    gw_doc_free(doc);
    gw_fo_free(tree);
    free(basedir);
    return rc;
}

int
gw_render_write(const gw_doc *doc, const char *out_path, gw_err *err)
{
    return gw_pdf_write(doc, out_path, err);
}

size_t
gw_render_pages(const gw_doc *doc, size_t *blank)
{
    size_t n = gw_doc_page_count(doc);
    if (blank) {
        *blank = 0;
        for (size_t i = 0; i < n; i++)
            *blank += gw_page_item_count(gw_doc_page(doc, i)) == 0;
    }
    return n;
}

int
gw_render_doc_fonts(gw_xml_doc fo, const char *name, const char *out_path,
                    const gw_render_opts *opts, gw_fontset *fs, gw_err *err)
{
    gw_doc *doc = NULL;
    gw_fontset *own = NULL;
    int rc = 0;

    /* the pages refer to the fontset's faces until they are written */
    if (!fs && (rc = gw_fontset_new(&own, err)) < 0)
        return rc;
    rc = gw_render_layout(fo, name, opts, fs ? fs : own, &doc, err);
    if (rc == 0)
        rc = gw_render_write(doc, out_path, err);
    gw_doc_free(doc);
    gw_fontset_free(own);
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
