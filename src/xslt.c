/* xslt.c — applies templates/<name>.xsl with libxslt inside a sandbox: no
 * writing, no directories, no network; reads only under gw_home()'s
 * templates/ and stylesheets/.  The only file that includes libxslt. */
#define _XOPEN_SOURCE 700     /* realpath */
#include "xslt.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xpath.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

/* Parse options for stylesheets and documents read by them: no network, no
 * entity expansion (no XML_PARSE_NOENT), no DTD loading; CDATA as text as
 * libxslt's own loader does. */
#define S_PARSE_OPTS (XML_PARSE_NONET | XML_PARSE_NOCDATA)

/* XPath operations one transformation may spend (a runaway template stops
 * with an error instead of spinning). */
#define S_OP_LIMIT 500000000UL

/* Cached compiled stylesheets: a handful of templates per process. */
#define S_CACHE_MAX 16

static struct {
    char *name;
    xsltStylesheetPtr style;
} S_cache[S_CACHE_MAX];
static size_t S_ncache;

static xsltSecurityPrefsPtr S_sec;
static char S_allowed[2][PATH_MAX + 16];   /* real paths of templates/ and stylesheets/ */
static int S_inited;

/* Messages from libxml2/libxslt during one call, for the error message. */
static gw_buf S_msgs;

static void
S_collect(void *ctx, const char *fmt, ...)
{
    va_list ap;
    (void)ctx;
    if (S_msgs.len > 1500)
        return;
    va_start(ap, fmt);
    gw_buf_vprintf(&S_msgs, fmt, ap);
    va_end(ap);
}

/* The file name of a URI libxslt wants to read, or NULL for anything that
 * is not a local file.  Caller frees. */
static char *
S_uri_path(const char *uri)
{
    char *path;
    if (!strncmp(uri, "file://", 7)) {
        const char *p = uri + 7;
        if (!strncmp(p, "localhost/", 10))
            p += 9;
        if (*p != '/')
            return NULL;
        path = xmlURIUnescapeString(p, 0, NULL);
        return path;
    }
    if (strstr(uri, "://") != NULL)
        return NULL;
    return gw_xstrdup(uri);
}

/* 1 when path resolves to a file under templates/ or stylesheets/ of
 * gw_home(), else 0.  Symbolic links are resolved first, so a link in
 * templates/ pointing elsewhere is refused. */
static int
S_path_allowed(const char *uri)
{
    char real[PATH_MAX];
    char *path = S_uri_path(uri);
    int ok = 0;
    size_t i;

    if (path == NULL)
        return 0;
    if (realpath(path, real) != NULL) {
        for (i = 0; i < 2; i++) {
            size_t n = strlen(S_allowed[i]);
            if (n > 0 && !strncmp(real, S_allowed[i], n))
                ok = 1;
        }
    }
    free(path);
    return ok;
}

static int
S_check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *value)
{
    (void)sec;
    if (S_path_allowed(value))
        return 1;
    if (ctxt != NULL)
        xsltTransformError(ctxt, NULL, NULL, "reading '%s' is not allowed (only templates/ and stylesheets/)\n", value);
    else
        S_collect(NULL, "reading '%s' is not allowed (only templates/ and stylesheets/)\n", value);
    return 0;
}

/* libxslt's document loader, with our parse options and the path check:
 * used for xsl:import/xsl:include and document(). */
static xmlDocPtr
S_loader(const xmlChar *URI, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type)
{
    xmlParserCtxtPtr pctxt;
    xmlDocPtr doc;
    (void)options;
    (void)ctxt;
    (void)type;

    if (URI == NULL || !S_path_allowed((const char *)URI)) {
        S_collect(NULL, "reading '%s' is not allowed (only templates/ and stylesheets/)\n",
                  URI ? (const char *)URI : "?");
        return NULL;
    }
    pctxt = xmlNewParserCtxt();
    if (pctxt == NULL)
        return NULL;
    /* Share the stylesheet's dictionary, as libxslt's default loader does:
     * the compiled stylesheet keeps strings from it. */
    if (dict != NULL && pctxt->dict != NULL) {
        xmlDictFree(pctxt->dict);
        pctxt->dict = dict;
        xmlDictReference(pctxt->dict);
    }
    doc = xmlCtxtReadFile(pctxt, (const char *)URI, NULL, S_PARSE_OPTS);
    xmlFreeParserCtxt(pctxt);
    return doc;
}

static void
S_init(void)
{
    char real[PATH_MAX];
    const char *dirs[2] = {"templates", "stylesheets"};
    size_t i;

    if (S_inited)
        return;
    S_inited = 1;
    gw_buf_init(&S_msgs);
    exsltRegisterAll();
    for (i = 0; i < 2; i++) {
        char *p = gw_home_path(dirs[i]);
        if (realpath(p, real) != NULL)
            snprintf(S_allowed[i], sizeof S_allowed[i], "%s/", real);
        free(p);
    }
    S_sec = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(S_sec, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(S_sec, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(S_sec, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(S_sec, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(S_sec, XSLT_SECPREF_READ_FILE, S_check_read);
    /* The default prefs are what libxslt consults while compiling imports. */
    xsltSetDefaultSecurityPrefs(S_sec);
    xsltSetLoaderFunc(S_loader);
    xsltMaxDepth = GW_XSLT_MAX_DEPTH;
    xsltMaxVars = GW_XSLT_MAX_VARS;
}

int
gw_xslt_number(const char *var, double *out, gw_err *err)
{
    static const char rel[] = "stylesheets/gbt9704.xsl";
    char *path = gw_home_path(rel);
    xmlDocPtr doc = NULL;
    xmlNodePtr n;
    int rc = 0;

    doc = xmlReadFile(path, NULL, S_PARSE_OPTS);
    if (!doc || !(n = xmlDocGetRootElement(doc))) {
        rc = gw_err_set(err, GW_EIO, "%s: cannot read the stylesheet", rel);
        goto out;
    }
    for (n = n->children; n; n = n->next) {
        xmlChar *name, *sel;
        char *end;
        if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, "variable"))
            continue;
        name = xmlGetProp(n, (const xmlChar *)"name");
        if (!name || strcmp((const char *)name, var)) {
            xmlFree(name);
            continue;
        }
        xmlFree(name);
        sel = xmlGetProp(n, (const xmlChar *)"select");
        *out = sel ? strtod((const char *)sel, &end) : 0;
        if (!sel || end == (char *)sel || *end || !(*out > 0))
            rc = gw_err_set(err, GW_EINPUT, "%s:%d: xsl:variable %s: select must be a "
                            "positive number", rel, n->line, var);
        xmlFree(sel);
        goto out;
    }
    rc = gw_err_set(err, GW_EINPUT, "%s: no top-level xsl:variable %s", rel, var);
out:
    xmlFreeDoc(doc);
    free(path);
    return rc;
}

void
gw_xslt_cleanup(void)
{
    size_t i;
    for (i = 0; i < S_ncache; i++) {
        xsltFreeStylesheet(S_cache[i].style);
        free(S_cache[i].name);
    }
    S_ncache = 0;
    if (S_sec != NULL) {
        xsltSetDefaultSecurityPrefs(NULL);
        xsltFreeSecurityPrefs(S_sec);
        S_sec = NULL;
    }
    xsltSetLoaderFunc(NULL);
    gw_buf_free(&S_msgs);
    S_inited = 0;
}

/* The collected messages on one line: libxml2 ends each with a newline and
 * often splits one message over two lines. */
static const char *
S_msgs_text(void)
{
    gw_buf b;
    size_t i;
    while (S_msgs.len > 0 && (S_msgs.ptr[S_msgs.len - 1] == '\n' || S_msgs.ptr[S_msgs.len - 1] == ' '))
        S_msgs.ptr[--S_msgs.len] = '\0';
    gw_buf_init(&b);
    for (i = 0; i < S_msgs.len; i++) {
        if (S_msgs.ptr[i] == '\n')
            gw_buf_puts(&b, "; ");
        else
            gw_buf_putc(&b, S_msgs.ptr[i]);
    }
    gw_buf_free(&S_msgs);
    S_msgs = b;
    return S_msgs.len ? S_msgs.ptr : "no details";
}

/* The compiled stylesheet for templates/<name>.xsl (cached). */
static int
S_stylesheet(const char *name, xsltStylesheetPtr *out, gw_err *err)
{
    char *rel = NULL, *path = NULL;
    xmlDocPtr doc = NULL;
    xsltStylesheetPtr style = NULL;
    gw_buf rb;
    size_t i;
    int rc = 0;

    gw_buf_init(&rb);
    for (i = 0; i < S_ncache; i++) {
        if (!strcmp(S_cache[i].name, name)) {
            *out = S_cache[i].style;
            return 0;
        }
    }
    for (i = 0; name[i]; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
            rc = gw_err_set(err, GW_EUSAGE, "template name '%s': only a-z, 0-9, - and _ allowed", name);
            goto out;
        }
    }
    if (i == 0 || S_ncache >= S_CACHE_MAX) {
        rc = gw_err_set(err, GW_EUSAGE, "template name '%s' empty or too many templates (max %d)",
                        name, S_CACHE_MAX);
        goto out;
    }
    gw_buf_printf(&rb, "templates/%s.xsl", name);
    rel = gw_buf_detach(&rb);
    path = gw_home_path(rel);
    if (!S_path_allowed(path)) {
        rc = gw_err_set(err, GW_EIO, "%s: cannot read the template (GONGWEN_HOME is %s)", path, gw_home());
        goto out;
    }
    doc = xmlReadFile(path, NULL, S_PARSE_OPTS);
    if (doc == NULL) {
        rc = gw_err_set(err, GW_EINPUT, "%s: not well-formed XML: %s", path, S_msgs_text());
        goto out;
    }
    style = xsltParseStylesheetDoc(doc);
    if (style == NULL || style->errors > 0) {
        rc = gw_err_set(err, GW_EINPUT, "%s: not a valid XSLT stylesheet: %s", path, S_msgs_text());
        if (style != NULL)
            xsltFreeStylesheet(style);      /* frees doc too */
        else
            xmlFreeDoc(doc);
        doc = NULL;
        style = NULL;
        goto out;
    }
    doc = NULL;                             /* owned by style now */
    S_cache[S_ncache].name = gw_xstrdup(name);
    S_cache[S_ncache].style = style;
    S_ncache++;
    *out = style;
out:
    xmlFreeDoc(doc);
    gw_buf_free(&rb);
    free(rel);
    free(path);
    return rc;
}

int
gw_xslt_apply(const char *name, gw_xml_doc in, const char *const *params,
              gw_xml_doc *out, gw_err *err)
{
    xmlGenericErrorFunc old_xml = xmlGenericError;
    void *old_xml_ctx = xmlGenericErrorContext;
    xmlGenericErrorFunc old_xslt = xsltGenericError;
    void *old_xslt_ctx = xsltGenericErrorContext;
    xsltStylesheetPtr style = NULL;
    xsltTransformContextPtr tctxt = NULL;
    xmlDocPtr res = NULL;
    int rc = 0;

    *out = NULL;
    S_init();
    gw_buf_clear(&S_msgs);
    xmlSetGenericErrorFunc(NULL, S_collect);
    xsltSetGenericErrorFunc(NULL, S_collect);

    rc = S_stylesheet(name, &style, err);
    if (rc < 0)
        goto out;
    tctxt = xsltNewTransformContext(style, in);
    if (tctxt == NULL) {
        rc = gw_err_set(err, GW_EDEP, "templates/%s.xsl: cannot create a transformation context", name);
        goto out;
    }
    if (xsltSetCtxtSecurityPrefs(S_sec, tctxt) != 0) {
        rc = gw_err_set(err, GW_EDEP, "templates/%s.xsl: cannot set the security preferences", name);
        goto out;
    }
    tctxt->maxTemplateDepth = GW_XSLT_MAX_DEPTH;
    tctxt->maxTemplateVars = GW_XSLT_MAX_VARS;
    if (tctxt->xpathCtxt != NULL) {
        tctxt->xpathCtxt->opLimit = S_OP_LIMIT;
        tctxt->xpathCtxt->opCount = 0;
    }
    xsltSetTransformErrorFunc(tctxt, NULL, S_collect);
    if (params != NULL && xsltQuoteUserParams(tctxt, (const char **)params) != 0) {
        rc = gw_err_set(err, GW_EINPUT, "templates/%s.xsl: bad parameters: %s", name, S_msgs_text());
        goto out;
    }
    res = xsltApplyStylesheetUser(style, in, NULL, NULL, NULL, tctxt);
    if (res == NULL || tctxt->state != XSLT_STATE_OK) {
        const char *m = S_msgs_text();
        if (strstr(m, "infinite template recursion") || strstr(m, "infinite variable recursion"))
            /* libxslt's own text advises a command-line option we do not
             * have and lists the whole stack: say which cap, and where */
            rc = gw_err_set(err, GW_EINPUT, "templates/%s.xsl: templates nested deeper than "
                            "the cap of %d (%.*s)", name, GW_XSLT_MAX_DEPTH,
                            (int)strcspn(m, ";"), m);
        else
            rc = gw_err_set(err, GW_EINPUT, "templates/%s.xsl: transformation failed: %s",
                            name, m);
        goto out;
    }
    if (S_msgs.len > 0)
        gw_debugf("templates/%s.xsl: %s", name, S_msgs_text());
    *out = res;
    res = NULL;
out:
    if (res != NULL)
        xmlFreeDoc(res);
    if (tctxt != NULL)
        xsltFreeTransformContext(tctxt);
    xmlSetGenericErrorFunc(old_xml_ctx, old_xml);
    xsltSetGenericErrorFunc(old_xslt_ctx, old_xslt);
    return rc;
}
