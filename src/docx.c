/* docx.c — a <pkg:package> into a .docx file with libzip (docx.h). */
#include "docx.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>
#include <zip.h>

#define S_PKG_NS "urn:gongwen:package"
/* Caps: a notice is a few hundred KB of XML; the package of a plan at the
 * importer's caps stays well under these. */
#define S_MAX_PARTS 64
#define S_MAX_BYTES (256u * 1024 * 1024)

/* The part's only element as a document of its own (namespaces declared on
 * its root), serialised with the XML declaration into *out (caller frees
 * with xmlFree). */
static int
S_part_xml(xmlNodePtr part, xmlChar **out, int *len, gw_err *err)
{
    xmlNodePtr el = NULL, c;
    xmlDocPtr doc;
    const xmlChar *name = xmlHasProp(part, (const xmlChar *)"name")
                        ? xmlHasProp(part, (const xmlChar *)"name")->children->content
                        : (const xmlChar *)"?";

    for (c = part->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            if (el)
                return gw_err_set(err, GW_EINPUT, "docx part %s: more than one element",
                                  (const char *)name);
            el = c;
        }
    if (!el)
        return gw_err_set(err, GW_EINPUT, "docx part %s: no element", (const char *)name);
    doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlDocSetRootElement(doc, xmlDocCopyNode(el, doc, 1));
    xmlReconciliateNs(doc, xmlDocGetRootElement(doc));
    xmlDocDumpMemoryEnc(doc, out, len, "UTF-8");
    xmlFreeDoc(doc);
    if (!*out)
        return gw_err_set(err, GW_EDEP, "docx part %s: cannot serialise it", (const char *)name);
    return 0;
}

/* The entries' date: SOURCE_DATE_EPOCH, else the DOS epoch. */
static time_t
S_mtime(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long t;
    if (!s || !*s)
        return 315532800;       /* 1980-01-01, the earliest a zip can say */
    errno = 0;
    t = strtoll(s, &end, 10);
    if (errno || *end || t < 315532800 || t > 4102444800LL)
        return 315532800;
    return (time_t)t;
}

int
gw_docx_write(gw_xml_doc pkg, const char *path, gw_err *err)
{
    xmlNodePtr root = pkg ? xmlDocGetRootElement(pkg) : NULL, part;
    xmlChar *data[S_MAX_PARTS];
    size_t nparts = 0, total = 0;
    zip_source_t *src = NULL;
    zip_t *za = NULL;
    zip_error_t ze;
    gw_buf out;
    time_t mtime = S_mtime();
    int rc = 0;

    gw_buf_init(&out);
    zip_error_init(&ze);
    if (!root || !root->ns || strcmp((const char *)root->ns->href, S_PKG_NS) ||
        strcmp((const char *)root->name, "package")) {
        rc = gw_err_set(err, GW_EINPUT, "docx: the template's output is not a pkg:package");
        goto out;
    }
    if (!(src = zip_source_buffer_create(NULL, 0, 0, &ze)) ||
        !(za = zip_open_from_source(src, ZIP_TRUNCATE, &ze))) {
        rc = gw_err_set(err, GW_EDEP, "libzip: %s", zip_error_strerror(&ze));
        goto out;
    }
    zip_source_keep(src);       /* read back after zip_close */
    for (part = root->children; part; part = part->next) {
        xmlChar *name;
        int len = 0;
        zip_source_t *s;
        zip_int64_t idx;
        if (part->type != XML_ELEMENT_NODE)
            continue;
        if (nparts == S_MAX_PARTS) {
            rc = gw_err_set(err, GW_EINPUT, "docx: more than %d parts", S_MAX_PARTS);
            goto out;
        }
        name = xmlGetProp(part, (const xmlChar *)"name");
        if (!name || !*name) {
            xmlFree(name);
            rc = gw_err_set(err, GW_EINPUT, "docx: a part without a name");
            goto out;
        }
        rc = S_part_xml(part, &data[nparts], &len, err);
        if (rc < 0) {
            xmlFree(name);
            goto out;
        }
        nparts++;
        total += (size_t)len;
        if (total > S_MAX_BYTES) {
            xmlFree(name);
            rc = gw_err_set(err, GW_EINPUT, "docx: more than %u bytes of XML", S_MAX_BYTES);
            goto out;
        }
        if (!(s = zip_source_buffer(za, data[nparts - 1], (zip_uint64_t)len, 0)) ||
            (idx = zip_file_add(za, (const char *)name, s, ZIP_FL_ENC_UTF_8)) < 0) {
            if (s)
                zip_source_free(s);
            xmlFree(name);
            rc = gw_err_set(err, GW_EDEP, "libzip: %s", zip_strerror(za));
            goto out;
        }
        xmlFree(name);
        if (zip_set_file_compression(za, (zip_uint64_t)idx, ZIP_CM_DEFLATE, 9) < 0 ||
            zip_file_set_mtime(za, (zip_uint64_t)idx, mtime, 0) < 0) {
            rc = gw_err_set(err, GW_EDEP, "libzip: %s", zip_strerror(za));
            goto out;
        }
    }
    if (zip_close(za) < 0) {
        rc = gw_err_set(err, GW_EDEP, "libzip: %s", zip_strerror(za));
        zip_discard(za);
        za = NULL;
        goto out;
    }
    za = NULL;
    {
        char chunk[65536];
        zip_int64_t n;
        if (zip_source_open(src) < 0) {
            rc = gw_err_set(err, GW_EDEP, "libzip: cannot read the archive back");
            goto out;
        }
        while ((n = zip_source_read(src, chunk, sizeof chunk)) > 0)
            gw_buf_put(&out, chunk, (size_t)n);
        zip_source_close(src);
        if (n < 0) {
            rc = gw_err_set(err, GW_EDEP, "libzip: cannot read the archive back");
            goto out;
        }
    }
    rc = gw_file_write_atomic(path, out.ptr, out.len, err);
out:
    if (za)
        zip_discard(za);
    if (src)
        zip_source_free(src);
    for (size_t i = 0; i < nparts; i++)
        xmlFree(data[i]);
    zip_error_fini(&ze);
    gw_buf_free(&out);
    return rc;
}
