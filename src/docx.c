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

/* WordprocessingML's property containers are sequences: Word may refuse or
 * "repair" a file whose w:pPr holds w:jc before w:spacing.  The templates
 * build them from pieces (a style's own properties, then a caller's), so
 * the order is made here, once, from these lists (ECMA-376 Part 1, the
 * complex types named).  An element a list does not know is an error: a
 * template that uses a new property adds it to its list. */
#define S_W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
typedef struct S_seq {
    const char *parent;
    const char *const *order;
} S_seq;

static const char *const S_ppr[] = {    /* CT_PPr */
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
    "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
    "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
    "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
    "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    NULL};
static const char *const S_rpr[] = {    /* CT_RPr */
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
    "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
    "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
    "eastAsianLayout", "specVanish", "oMath", "rPrChange", NULL};
static const char *const S_tblpr[] = {  /* CT_TblPr */
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
    "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
    "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription", "tblPrChange",
    NULL};
static const char *const S_tcpr[] = {   /* CT_TcPr */
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
    "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns",
    "cellDel", "cellMerge", "tcPrChange", NULL};
static const char *const S_sectpr[] = { /* CT_SectPr */
    "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
    "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
    "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
    "printerSettings", "sectPrChange", NULL};
static const char *const S_borders[] = {    /* CT_PBdr, CT_TblBorders, CT_TcBorders */
    "top", "left", "start", "bottom", "right", "end", "between", "bar", "insideH",
    "insideV", "tl2br", "tr2bl", NULL};
static const char *const S_mar[] = {    /* CT_TblCellMar, CT_TcMar */
    "top", "left", "start", "bottom", "right", "end", NULL};
static const S_seq S_seqs[] = {
    {"pPr", S_ppr}, {"rPr", S_rpr}, {"tblPr", S_tblpr}, {"tcPr", S_tcpr},
    {"sectPr", S_sectpr}, {"pBdr", S_borders}, {"tblBorders", S_borders},
    {"tcBorders", S_borders}, {"tblCellMar", S_mar}, {"tcMar", S_mar}};
/* header/footer references may come in any order among themselves */
#define S_RANK_REFS 1

static int
S_is_w(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href
        && !strcmp((const char *)n->ns->href, S_W_NS);
}

/* Puts the children of el (a container of S_seqs[k]) in the schema's
 * order, keeping the order of equals. */
static int
S_order_children(xmlNodePtr el, const char *const *order, const char *part, gw_err *err)
{
    xmlNodePtr kids[64], c, next;
    int rank[64], n = 0, i, j;
    for (c = el->children; c; c = next) {
        next = c->next;
        if (c->type != XML_ELEMENT_NODE) {
            if (c->type == XML_TEXT_NODE && xmlIsBlankNode(c)) {
                xmlUnlinkNode(c);
                xmlFreeNode(c);
                continue;
            }
            return gw_err_set(err, GW_EINPUT, "docx part %s: text inside w:%s", part,
                              (const char *)el->name);
        }
        if (n == (int)(sizeof kids / sizeof *kids))
            return gw_err_set(err, GW_EINPUT, "docx part %s: w:%s has more than %d children",
                              part, (const char *)el->name, n);
        for (i = 0; order[i] && !(S_is_w(c) && !strcmp(order[i], (const char *)c->name)); i++)
            ;
        if (!order[i])
            return gw_err_set(err, GW_EINPUT, "docx part %s: w:%s may not hold %s%s "
                              "(or src/docx.c does not know it yet)", part,
                              (const char *)el->name, S_is_w(c) ? "w:" : "",
                              (const char *)c->name);
        if (order == S_sectpr && i <= S_RANK_REFS)
            i = 0;
        for (j = 0; j < n; j++)
            if (rank[j] == i && i > 0)
                return gw_err_set(err, GW_EINPUT, "docx part %s: w:%s holds w:%s twice", part,
                                  (const char *)el->name, (const char *)c->name);
        kids[n] = c;
        rank[n++] = i;
    }
    /* insertion sort: stable, and the lists are short */
    for (i = 1; i < n; i++)
        for (j = i; j > 0 && rank[j - 1] > rank[j]; j--) {
            int r = rank[j];
            xmlNodePtr t = kids[j];
            rank[j] = rank[j - 1];
            kids[j] = kids[j - 1];
            rank[j - 1] = r;
            kids[j - 1] = t;
        }
    for (i = 0; i < n; i++) {
        xmlUnlinkNode(kids[i]);
        xmlAddChild(el, kids[i]);
    }
    return 0;
}

/* Every property container under root in the schema's order; a walk
 * without recursion (the tree came from a template, but its depth is the
 * record's). */
static int
S_schema_order(xmlNodePtr root, const char *part, gw_err *err)
{
    xmlNodePtr n = root;
    while (n) {
        if (S_is_w(n))
            for (size_t k = 0; k < sizeof S_seqs / sizeof *S_seqs; k++)
                if (!strcmp((const char *)n->name, S_seqs[k].parent)) {
                    /* a w:rPr inside w:rPrChange etc. does not occur */
                    int rc = S_order_children(n, S_seqs[k].order, part, err);
                    if (rc < 0)
                        return rc;
                    break;
                }
        if (n->children && n->type == XML_ELEMENT_NODE) {
            n = n->children;
            continue;
        }
        while (n && n != root && !n->next)
            n = n->parent;
        if (!n || n == root)
            break;
        n = n->next;
    }
    return 0;
}

/* The part's only element as a document of its own (namespaces declared on
 * its root), serialised with the XML declaration into *out (caller frees
 * with xmlFree). */
static int
S_part_xml(xmlNodePtr part, xmlChar **out, int *len, gw_err *err)
{
    xmlNodePtr el = NULL, c;
    xmlDocPtr doc;
    int rc;
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
    if ((rc = S_schema_order(xmlDocGetRootElement(doc), (const char *)name, err)) < 0) {
        xmlFreeDoc(doc);
        return rc;
    }
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
