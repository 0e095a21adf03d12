/* table.c — tabular input (see table.h): CSV in UTF-8 or GB18030, and the
 * first sheet of an .xlsx workbook.  The only module that includes zip.h;
 * ICU converts GB18030, libxml2's reader walks the workbook's parts (one
 * node at a time: nothing here recurses, however deep the XML).
 *
 * Both readers hand every non-empty cell to S_put, which holds the checks
 * (caps, gw_text_bad) and stores the text; empty cells are never stored,
 * so trailing empty rows and cells cost nothing and are not counted. */
#include "table.h"

#include <libxml/xmlreader.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <zip.h>

typedef struct S_row {
    size_t       ncols;         /* up to the last stored cell */
    size_t       cap;
    const char **cells;         /* NULL: empty */
} S_row;

struct gw_table {
    S_row      *rows;
    size_t      nrows, cap;
    gw_arena   *arena;          /* the cells' text */
    const char *kind;
    char       *sheet;          /* .xlsx: the sheet's name */
    char        sha256[65];     /* of the file's bytes */
};

/* What both readers share while loading one file. */
typedef struct S_load {
    const char *name;           /* the file as messages name it */
    gw_table   *t;
    gw_err     *err;
    gw_buf      lf;             /* a cell with its line breaks made LF */
} S_load;

/* ---------------------------------------------------------------- cells */

const char *
gw_table_col_name(size_t col, char buf[8])
{
    char tmp[8];
    int n = 0, i = 0;
    size_t k = col + 1;

    /* bijective base 26: A..Z, AA..ZZ, AAA..; 7 letters cover any size_t
     * this program will meet (the cap is 200) */
    while (k > 0 && n < 7) {
        k--;
        tmp[n++] = (char)('A' + k % 26);
        k /= 26;
    }
    while (n > 0)
        buf[i++] = tmp[--n];
    buf[i] = '\0';
    return buf;
}

/* Stores the text s[0..n) as cell (row, col), both from 0, after the caps
 * and the character check; an empty text stores nothing. */
static int
S_put(S_load *L, size_t row, size_t col, const char *s, size_t n)
{
    gw_table *t = L->t;
    char cn[8], what[64];
    size_t chars = 0;
    uint32_t bad;
    long at;
    S_row *r;

    if (n == 0)
        return 0;
    if (row >= GW_TABLE_MAX_ROWS)
        return gw_err_set(L->err, GW_EINPUT, "%s:%zu: more than the cap of %d rows",
                          L->name, row + 1, GW_TABLE_MAX_ROWS);
    if (col >= GW_TABLE_MAX_COLS)
        return gw_err_set(L->err, GW_EINPUT, "%s:%zu:%s: more than the cap of %d columns",
                          L->name, row + 1, gw_table_col_name(col, cn), GW_TABLE_MAX_COLS);
    /* a spreadsheet's line break is LF; Windows files bring CR LF, old Mac
     * ones a lone CR, and Excel's _x000D_ decodes to CR */
    if (memchr(s, '\r', n)) {
        gw_buf_clear(&L->lf);
        for (size_t i = 0; i < n; i++) {
            if (s[i] != '\r')
                gw_buf_putc(&L->lf, s[i]);
            else if (i + 1 == n || s[i + 1] != '\n')
                gw_buf_putc(&L->lf, '\n');
        }
        s = L->lf.ptr;
        n = L->lf.len;
    }
    at = gw_text_bad(s, n, GW_TEXT_LF | GW_TEXT_CR | GW_TEXT_TAB, &bad);
    if (at >= 0) {
        if (bad == GW_TEXT_INVALID)
            return gw_err_set(L->err, GW_EINPUT, "%s:%zu:%s: invalid UTF-8 (byte 0x%02X)",
                              L->name, row + 1, gw_table_col_name(col, cn),
                              (unsigned char)s[at]);
        return gw_err_set(L->err, GW_EINPUT, "%s:%zu:%s: %s in the cell", L->name, row + 1,
                          gw_table_col_name(col, cn), gw_text_describe(bad, what, sizeof what));
    }
    for (size_t i = 0; i < n; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    if (chars > GW_TABLE_MAX_CELL)
        return gw_err_set(L->err, GW_EINPUT,
                          "%s:%zu:%s: cell longer than the cap of %d characters (%zu)",
                          L->name, row + 1, gw_table_col_name(col, cn), GW_TABLE_MAX_CELL,
                          chars);

    if (row >= t->nrows) {
        if (row >= t->cap) {
            size_t cap = t->cap ? t->cap * 2 : 64;
            if (cap <= row)
                cap = row + 1;
            if (cap > GW_TABLE_MAX_ROWS)
                cap = GW_TABLE_MAX_ROWS;
            t->rows = gw_xrealloc(t->rows, cap * sizeof *t->rows);
            memset(t->rows + t->cap, 0, (cap - t->cap) * sizeof *t->rows);
            t->cap = cap;
        }
        t->nrows = row + 1;
    }
    r = &t->rows[row];
    if (col >= r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 8;
        if (cap <= col)
            cap = col + 1;
        if (cap > GW_TABLE_MAX_COLS)
            cap = GW_TABLE_MAX_COLS;
        r->cells = gw_xrealloc(r->cells, cap * sizeof *r->cells);
        memset(r->cells + r->cap, 0, (cap - r->cap) * sizeof *r->cells);
        r->cap = cap;
    }
    r->cells[col] = gw_arena_strndup(t->arena, s, n);
    if (col >= r->ncols)
        r->ncols = col + 1;
    return 0;
}

/* ------------------------------------------------------------------ CSV */

typedef struct S_csv {
    S_load     *L;
    int         enc;            /* GW_TABLE_UTF8 or GW_TABLE_GB18030 */
    int         guessed;        /* GB18030 because the bytes are not UTF-8 */
    UConverter *cnv;
    UChar      *u;              /* a field in UTF-16 */
    size_t      ucap;
    char       *o;              /* ... and back in UTF-8 */
    size_t      ocap;
} S_csv;

/* Which encoding a CSV without a byte-order mark is in.  Valid UTF-8 is
 * UTF-8.  Otherwise GB18030, unless the file is UTF-8 with a few damaged
 * bytes: GBK text makes a valid UTF-8 sequence out of about one character
 * in ten and an invalid one out of most others, so a file with four times
 * more valid multi-byte sequences than invalid bytes is UTF-8 gone bad,
 * and its first bad byte is reported as such (instead of reading it all
 * as GB18030 and producing nonsense). */
static int
S_csv_guess(const char *p, size_t n)
{
    size_t i = 0, valid = 0, invalid = 0;
    uint32_t cp;

    if (gw_utf8_validate(p, n) < 0)
        return GW_TABLE_UTF8;
    while (i < n) {
        int k;
        if ((unsigned char)p[i] < 0x80) {
            i++;
            continue;
        }
        k = gw_utf8_decode(p + i, n - i, &cp);
        if (k < 0) {
            invalid++;
            i++;
        } else {
            valid++;
            i += (size_t)k;
        }
    }
    return valid > 4 * invalid ? GW_TABLE_UTF8 : GW_TABLE_GB18030;
}

/* Decodes the GB18030 bytes s[0..n) of cell (row, col) into UTF-8 in
 * c->o; *len is its length. */
static int
S_csv_gb18030(S_csv *c, size_t row, size_t col, const char *s, size_t n, size_t *len)
{
    UErrorCode st = U_ZERO_ERROR;
    const char *src = s;
    UChar *dst;
    int32_t olen = 0;
    char cn[8];

    /* every GB18030 byte or sequence gives at most one UTF-16 unit per
     * byte, and every unit at most three UTF-8 bytes */
    if (n + 1 > c->ucap) {
        c->ucap = 2 * n + 1;
        c->u = gw_xrealloc(c->u, c->ucap * sizeof *c->u);
    }
    ucnv_resetToUnicode(c->cnv);
    dst = c->u;
    ucnv_toUnicode(c->cnv, &dst, c->u + c->ucap, &src, s + n, NULL, 1, &st);
    if (st == U_ILLEGAL_CHAR_FOUND || st == U_INVALID_CHAR_FOUND ||
        st == U_TRUNCATED_CHAR_FOUND) {
        char badb[8];
        int8_t blen = (int8_t)sizeof badb;
        UErrorCode st2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(c->cnv, badb, &blen, &st2);
        if (U_FAILURE(st2) || blen < 1)
            badb[0] = src > s ? src[-1] : s[0];
        if (c->guessed)
            return gw_err_set(c->L->err, GW_EINPUT,
                              "%s:%zu:%s: byte 0x%02X is neither UTF-8 nor GB18030",
                              c->L->name, row + 1, gw_table_col_name(col, cn),
                              (unsigned char)badb[0]);
        return gw_err_set(c->L->err, GW_EINPUT, "%s:%zu:%s: byte 0x%02X is not GB18030",
                          c->L->name, row + 1, gw_table_col_name(col, cn),
                          (unsigned char)badb[0]);
    }
    if (U_FAILURE(st))
        return gw_err_set(c->L->err, GW_EDEP, "%s:%zu:%s: ICU cannot convert GB18030: %s",
                          c->L->name, row + 1, gw_table_col_name(col, cn), u_errorName(st));
    if (3 * (size_t)(dst - c->u) + 1 > c->ocap) {
        c->ocap = 3 * (size_t)(dst - c->u) + 1;
        c->o = gw_xrealloc(c->o, c->ocap);
    }
    u_strToUTF8(c->o, (int32_t)c->ocap, &olen, c->u, (int32_t)(dst - c->u), &st);
    if (U_FAILURE(st))
        return gw_err_set(c->L->err, GW_EDEP, "%s:%zu:%s: ICU cannot write UTF-8: %s",
                          c->L->name, row + 1, gw_table_col_name(col, cn), u_errorName(st));
    *len = (size_t)olen;
    return 0;
}

static int
S_csv_field(S_csv *c, size_t row, size_t col, const char *s, size_t n)
{
    size_t len = n, i;
    int rc;

    if (n == 0)
        return 0;
    if (c->enc == GW_TABLE_GB18030) {
        /* ASCII is the same in both: most numbers and dates skip ICU */
        for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
            ;
        if (i < n) {
            rc = S_csv_gb18030(c, row, col, s, n, &len);
            if (rc < 0)
                return rc;
            s = c->o;
        }
    }
    return S_put(c->L, row, col, s, len);
}

/* RFC 4180 over the raw bytes.  That works for GB18030 too: its trailing
 * bytes are 0x30..0x39 and 0x40..0xFE, never a quote, comma, CR or LF.
 * Where the RFC says nothing, this does what Excel and LibreOffice do: a
 * quote inside an unquoted field is a character, text after a closing
 * quote is appended, and a lone CR ends a record as LF does. */
static int
S_csv_parse(S_csv *c, const char *p, size_t n)
{
    gw_buf f;
    size_t i = 0, row = 0, col = 0;
    int rc = 0;
    char cn[8];

    gw_buf_init(&f);
    for (;;) {
        gw_buf_clear(&f);
        if (i < n && p[i] == '"') {
            size_t start = row;
            i++;
            for (;;) {
                const char *q = memchr(p + i, '"', n - i);
                if (!q) {
                    rc = gw_err_set(c->L->err, GW_EINPUT,
                                    "%s:%zu:%s: the quote that opens this cell is never closed",
                                    c->L->name, start + 1, gw_table_col_name(col, cn));
                    goto out;
                }
                gw_buf_put(&f, p + i, (size_t)(q - (p + i)));
                i = (size_t)(q - p) + 1;
                if (i < n && p[i] == '"') {
                    gw_buf_putc(&f, '"');
                    i++;
                    continue;
                }
                break;
            }
        }
        {
            size_t j = i;
            while (j < n && p[j] != ',' && p[j] != '\n' && p[j] != '\r')
                j++;
            gw_buf_put(&f, p + i, j - i);
            i = j;
        }
        rc = S_csv_field(c, row, col, f.ptr, f.len);
        if (rc < 0)
            goto out;
        if (i >= n)
            break;
        if (p[i] == ',') {
            i++;
            col++;
            continue;
        }
        if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
            i++;
        i++;
        row++;
        col = 0;
        /* the line break of the last record ends it; it starts none */
        if (i >= n)
            break;
    }
out:
    gw_buf_free(&f);
    return rc;
}

static int
S_csv_load(S_load *L, const char *p, size_t n, int enc)
{
    S_csv c;
    UErrorCode st = U_ZERO_ERROR;
    int rc;

    memset(&c, 0, sizeof c);
    c.L = L;
    if (n >= 2 && (memcmp(p, "\xFF\xFE", 2) == 0 || memcmp(p, "\xFE\xFF", 2) == 0)) {
        /* what Excel saves as "Unicode text" */
        rc = gw_err_set(L->err, GW_EINPUT,
                        "%s: a UTF-16 file; save the form as CSV (UTF-8 or the default) or .xlsx",
                        L->name);
        goto out;
    }
    if (enc != GW_TABLE_GB18030 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
        p += 3, n -= 3;
        enc = GW_TABLE_UTF8;
    } else if (enc == GW_TABLE_AUTO) {
        enc = S_csv_guess(p, n);
        c.guessed = enc == GW_TABLE_GB18030;
    }
    c.enc = enc;
    if (enc == GW_TABLE_GB18030) {
        /* GB18030's own byte-order mark, U+FEFF */
        if (n >= 4 && memcmp(p, "\x84\x31\x95\x33", 4) == 0)
            p += 4, n -= 4;
        c.cnv = ucnv_open("GB18030", &st);
        if (U_SUCCESS(st))
            ucnv_setToUCallBack(c.cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
        if (U_FAILURE(st)) {
            rc = gw_err_set(L->err, GW_EDEP, "%s: ICU has no GB18030 converter: %s", L->name,
                            u_errorName(st));
            goto out;
        }
        L->t->kind = "csv (GB18030)";
    } else {
        L->t->kind = "csv (UTF-8)";
    }
    rc = S_csv_parse(&c, p, n);
out:
    if (c.cnv)
        ucnv_close(c.cnv);
    free(c.u);
    free(c.o);
    return rc;
}

/* ----------------------------------------------------------------- xlsx */

/* What a number format shows, as far as the text of a cell goes. */
enum {
    S_F_DATE    = 1,            /* a day (y, m as month, d) */
    S_F_TIME    = 2,            /* a time of day (h, m as minutes, s) */
    S_F_SECONDS = 4,
    S_F_ELAPSED = 8,            /* [h]: hours beyond 24 */
    S_F_PERCENT = 16
};

typedef struct S_rel {
    char *id, *type, *target;
    int   external;
} S_rel;

typedef struct S_xlsx {
    S_load        *L;
    zip_t         *za;
    int            date1904;
    char         **sst;         /* shared strings, in the arena */
    size_t         nsst, capsst;
    unsigned char *xf;          /* S_F_* of each cellXfs entry */
    size_t         nxf;
    S_rel         *rels;
    size_t         nrels;
} S_xlsx;

/* The first libxml2 error while reading one part, and where. */
typedef struct S_xml {
    xmlTextReaderPtr r;
    const char      *part;
    int              line, set;
    char             msg[256];
} S_xml;

static void
S_xml_error(void *arg, xmlErrorPtr e)
{
    S_xml *x = arg;
    if (x->set || !e || e->level < XML_ERR_ERROR)
        return;
    x->set = 1;
    x->line = e->line;
    snprintf(x->msg, sizeof x->msg, "%s", e->message ? e->message : "not well-formed XML");
    x->msg[strcspn(x->msg, "\n")] = '\0';
}

/* Reads the part `name` of the archive into out (cleared first).  1 when
 * it does not exist and !required, 0 when read, or GW_EINPUT (required 2:
 * a part every workbook has, whose absence means no workbook at all).
 * The cap holds twice: the size the archive declares is checked before
 * any byte is inflated, and the bytes are counted as they come, so that a
 * directory that lies about them inflates no more than the cap. */
static int
S_part(S_xlsx *X, const char *name, int required, gw_buf *out)
{
    zip_int64_t idx;
    zip_stat_t st;
    zip_file_t *zf = NULL;
    char chunk[65536];
    int rc = 0;

    gw_buf_clear(out);
    idx = zip_name_locate(X->za, name, ZIP_FL_NOCASE);
    if (idx < 0) {
        if (!required)
            return 1;
        return gw_err_set(X->L->err, GW_EINPUT, "%s: %s is missing from the archive%s",
                          X->L->name, name, required > 1 ? " (not an .xlsx workbook?)" : "");
    }
    zip_stat_init(&st);
    if (zip_stat_index(X->za, (zip_uint64_t)idx, 0, &st) < 0) {
        rc = gw_err_set(X->L->err, GW_EINPUT, "%s: %s: damaged .xlsx (%s)", X->L->name, name,
                        zip_strerror(X->za));
        goto out;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > GW_TABLE_MAX_PART) {
        rc = gw_err_set(X->L->err, GW_EINPUT,
                        "%s: %s: %llu bytes uncompressed, larger than the cap of %d bytes",
                        X->L->name, name, (unsigned long long)st.size, GW_TABLE_MAX_PART);
        goto out;
    }
    zf = zip_fopen_index(X->za, (zip_uint64_t)idx, 0);
    if (!zf) {
        rc = gw_err_set(X->L->err, GW_EINPUT, "%s: %s: cannot be read: %s", X->L->name, name,
                        zip_strerror(X->za));
        goto out;
    }
    for (;;) {
        zip_int64_t k = zip_fread(zf, chunk, sizeof chunk);
        if (k < 0) {
            rc = gw_err_set(X->L->err, GW_EINPUT, "%s: %s: damaged .xlsx (%s)", X->L->name,
                            name, zip_file_strerror(zf));
            goto out;
        }
        if (k == 0)
            break;
        if (out->len + (size_t)k > GW_TABLE_MAX_PART) {
            rc = gw_err_set(X->L->err, GW_EINPUT,
                            "%s: %s: more bytes uncompressed than the cap of %d bytes",
                            X->L->name, name, GW_TABLE_MAX_PART);
            goto out;
        }
        gw_buf_put(out, chunk, (size_t)k);
    }
out:
    if (zf)
        zip_fclose(zf);
    return rc;
}

/* Opens a reader on data (which must outlive it).  No XML_PARSE_NOENT (no
 * entity expansion), no DTD loading, no network; S_xml_next refuses a
 * DOCTYPE outright, since no part of an .xlsx has one. */
static int
S_xml_open(S_xlsx *X, S_xml *x, const char *part, const gw_buf *data)
{
    memset(x, 0, sizeof *x);
    x->part = part;
    if (data->len > INT32_MAX)
        return gw_err_set(X->L->err, GW_EINPUT, "%s: %s: too large", X->L->name, part);
    x->r = xmlReaderForMemory(data->ptr, (int)data->len, part, NULL,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!x->r)
        return gw_err_set(X->L->err, GW_EDEP, "%s: %s: cannot create an XML reader",
                          X->L->name, part);
    xmlTextReaderSetStructuredErrorHandler(x->r, S_xml_error, x);
    return 0;
}

static void
S_xml_close(S_xml *x)
{
    if (x->r)
        xmlFreeTextReader(x->r);
    x->r = NULL;
}

/* Moves to the next node: 1, 0 at the end of the part, or GW_EINPUT. */
static int
S_xml_next(S_xlsx *X, S_xml *x)
{
    int k = xmlTextReaderRead(x->r);
    if (k == 1 && xmlTextReaderNodeType(x->r) == XML_READER_TYPE_DOCUMENT_TYPE)
        return gw_err_set(X->L->err, GW_EINPUT, "%s: %s: a DOCTYPE is refused in an .xlsx part",
                          X->L->name, x->part);
    if (k < 0) {
        /* libxml2's nesting limit speaks of a parser option the user cannot
         * set; say what it means */
        if (x->set && strstr(x->msg, "Excessive depth"))
            snprintf(x->msg, sizeof x->msg, "elements nested too deep");
        return gw_err_set(X->L->err, GW_EINPUT, "%s: %s:%d: not well-formed XML: %s",
                          X->L->name, x->part, x->set ? x->line : 0,
                          x->set ? x->msg : "unreadable");
    }
    return k;
}

/* The element's local name when the reader is on a start or end element,
 * else "". */
static const char *
S_xml_name(S_xml *x, int *type)
{
    const xmlChar *n;
    *type = xmlTextReaderNodeType(x->r);
    if (*type != XML_READER_TYPE_ELEMENT && *type != XML_READER_TYPE_END_ELEMENT)
        return "";
    n = xmlTextReaderConstLocalName(x->r);
    return n ? (const char *)n : "";
}

static int
S_xml_is_text(int type)
{
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* An attribute without namespace, by local name; caller frees with xmlFree. */
static char *
S_xml_attr(S_xml *x, const char *name)
{
    return (char *)xmlTextReaderGetAttribute(x->r, BAD_CAST name);
}

/* The attribute whose local name is `name` in whatever namespace (r:id,
 * whose prefix is the writer's choice); caller frees with xmlFree. */
static char *
S_xml_attr_ns(S_xml *x, const char *name)
{
    char *v = NULL;
    if (xmlTextReaderMoveToFirstAttribute(x->r) != 1)
        return NULL;
    do {
        const xmlChar *ln = xmlTextReaderConstLocalName(x->r);
        if (ln && strcmp((const char *)ln, name) == 0 && xmlTextReaderConstNamespaceUri(x->r)) {
            v = (char *)xmlTextReaderValue(x->r);
            break;
        }
    } while (xmlTextReaderMoveToNextAttribute(x->r) == 1);
    xmlTextReaderMoveToElement(x->r);
    return v;
}

/* A relationship's target resolved against the part it comes from, as a
 * name in the archive: "/xl/a.xml" is absolute, "worksheets/sheet1.xml"
 * relative to the source's folder; "." and ".." are resolved.  Caller
 * frees. */
static char *
S_resolve(const char *from, const char *target)
{
    gw_buf in, out;
    const char *p, *slash;

    gw_buf_init(&in);
    gw_buf_init(&out);
    if (target[0] == '/') {
        gw_buf_puts(&in, target + 1);
    } else {
        slash = strrchr(from, '/');
        if (slash)
            gw_buf_put(&in, from, (size_t)(slash - from) + 1);
        gw_buf_puts(&in, target);
    }
    for (p = in.ptr; *p;) {
        size_t k = strcspn(p, "/");
        if (k == 2 && p[0] == '.' && p[1] == '.') {
            char *up = out.len ? strrchr(out.ptr, '/') : NULL;
            out.len = up ? (size_t)(up - out.ptr) : 0;
            out.ptr[out.len] = '\0';
        } else if (k > 0 && !(k == 1 && p[0] == '.')) {
            if (out.len)
                gw_buf_putc(&out, '/');
            gw_buf_put(&out, p, k);
        }
        p += k;
        if (*p == '/')
            p++;
    }
    gw_buf_free(&in);
    return gw_buf_detach(&out);
}

static void
S_rels_free(S_xlsx *X)
{
    for (size_t i = 0; i < X->nrels; i++) {
        xmlFree(X->rels[i].id);
        xmlFree(X->rels[i].type);
        xmlFree(X->rels[i].target);
    }
    free(X->rels);
    X->rels = NULL;
    X->nrels = 0;
}

/* Reads the relationships of part `from` (its _rels/NAME.rels) into
 * X->rels, replacing those read before.  A part without relationships has
 * none: 0 all the same. */
static int
S_rels_load(S_xlsx *X, const char *from, gw_buf *data)
{
    gw_buf name;
    const char *slash = strrchr(from, '/');
    S_xml x = { 0 };
    size_t cap = 0;
    int rc, type;

    S_rels_free(X);
    gw_buf_init(&name);
    if (slash)
        gw_buf_put(&name, from, (size_t)(slash - from) + 1);
    gw_buf_printf(&name, "_rels/%s.rels", slash ? slash + 1 : from);
    rc = S_part(X, name.ptr, 0, data);
    if (rc != 0) {
        rc = rc > 0 ? 0 : rc;
        goto out;
    }
    rc = S_xml_open(X, &x, name.ptr, data);
    if (rc < 0)
        goto out;
    while ((rc = S_xml_next(X, &x)) == 1) {
        S_rel rel;
        char *mode;
        if (strcmp(S_xml_name(&x, &type), "Relationship") || type != XML_READER_TYPE_ELEMENT)
            continue;
        rel.id = S_xml_attr(&x, "Id");
        rel.type = S_xml_attr(&x, "Type");
        rel.target = S_xml_attr(&x, "Target");
        mode = S_xml_attr(&x, "TargetMode");
        rel.external = mode && strcmp(mode, "External") == 0;
        xmlFree(mode);
        if (!rel.id || !rel.type || !rel.target) {
            xmlFree(rel.id);
            xmlFree(rel.type);
            xmlFree(rel.target);
            continue;
        }
        if (X->nrels == cap) {
            cap = cap ? cap * 2 : 8;
            X->rels = gw_xrealloc(X->rels, cap * sizeof *X->rels);
        }
        X->rels[X->nrels++] = rel;
    }
out:
    S_xml_close(&x);
    gw_buf_free(&name);
    return rc < 0 ? rc : 0;
}

/* The first relationship whose type ends in "/suffix" (the transitional
 * and the strict namespaces differ before it), or NULL. */
static const S_rel *
S_rel_by_type(const S_xlsx *X, const char *suffix)
{
    size_t sl = strlen(suffix);
    for (size_t i = 0; i < X->nrels; i++) {
        size_t tl = strlen(X->rels[i].type);
        if (!X->rels[i].external && tl > sl && X->rels[i].type[tl - sl - 1] == '/' &&
            strcmp(X->rels[i].type + tl - sl, suffix) == 0)
            return &X->rels[i];
    }
    return NULL;
}

static const S_rel *
S_rel_by_id(const S_xlsx *X, const char *id)
{
    for (size_t i = 0; i < X->nrels; i++)
        if (strcmp(X->rels[i].id, id) == 0)
            return &X->rels[i];
    return NULL;
}

/* Excel's escape for characters XML cannot hold, _xHHHH_ (ECMA-376
 * ST_Xstring: _x000D_ is a CR, _x005F_ an underscore), decoded in place. */
static void
S_unescape(gw_buf *b)
{
    size_t i = 0, o = 0;
    if (!memchr(b->ptr, '_', b->len))
        return;
    while (i < b->len) {
        unsigned v = 0;
        int k;
        if (b->ptr[i] == '_' && i + 7 <= b->len && b->ptr[i + 1] == 'x' && b->ptr[i + 6] == '_') {
            for (k = 2; k < 6; k++) {
                char ch = b->ptr[i + (size_t)k];
                int d = ch >= '0' && ch <= '9' ? ch - '0'
                      : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                      : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
                if (d < 0)
                    break;
                v = v * 16 + (unsigned)d;
            }
            /* a surrogate is no character: leave it as written */
            if (k == 6 && !(v >= 0xD800 && v <= 0xDFFF)) {
                char u[4];
                int n = gw_utf8_encode(v, u);
                /* the encoding is never longer than the 7 bytes it replaces */
                memcpy(b->ptr + o, u, (size_t)n);
                o += (size_t)n;
                i += 7;
                continue;
            }
        }
        b->ptr[o++] = b->ptr[i++];
    }
    b->len = o;
    b->ptr[o] = '\0';
}

/* The rich text of an <si> or <is>: every <t> concatenated, runs <r>
 * included, phonetic guides <rPh> (furigana) left out.  Called on each
 * node between the element's start and end; in_t and rph are the state. */
static void
S_rich_text(S_xml *x, const char *name, int type, int *in_t, int *rph, gw_buf *text)
{
    int depth = xmlTextReaderDepth(x->r);
    if (type == XML_READER_TYPE_ELEMENT) {
        if (strcmp(name, "rPh") == 0 && !xmlTextReaderIsEmptyElement(x->r) && !*rph)
            *rph = depth + 1;
        else if (strcmp(name, "t") == 0 && !*rph && !xmlTextReaderIsEmptyElement(x->r))
            *in_t = 1;
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
        if (strcmp(name, "rPh") == 0 && *rph == depth + 1)
            *rph = 0;
        else if (strcmp(name, "t") == 0)
            *in_t = 0;
    } else if (*in_t && S_xml_is_text(type)) {
        const xmlChar *v = xmlTextReaderConstValue(x->r);
        if (v)
            gw_buf_puts(text, (const char *)v);
    }
}

static int
S_sst_load(S_xlsx *X, const char *part, gw_buf *data)
{
    S_xml x = { 0 };
    gw_buf text;
    int rc, type, in_si = 0, in_t = 0, rph = 0;

    gw_buf_init(&text);
    rc = S_part(X, part, 0, data);
    if (rc != 0) {
        /* no shared strings: a workbook of numbers and inline strings */
        rc = rc > 0 ? 0 : rc;
        goto out;
    }
    rc = S_xml_open(X, &x, part, data);
    if (rc < 0)
        goto out;
    while ((rc = S_xml_next(X, &x)) == 1) {
        const char *name = S_xml_name(&x, &type);
        int end = type == XML_READER_TYPE_END_ELEMENT ||
                  (type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(x.r));
        if (strcmp(name, "si") == 0) {
            if (type == XML_READER_TYPE_ELEMENT) {
                gw_buf_clear(&text);
                in_si = 1;
                in_t = rph = 0;
            }
            if (!end)
                continue;
            if (X->nsst == GW_TABLE_MAX_STRINGS) {
                rc = gw_err_set(X->L->err, GW_EINPUT,
                                "%s: %s: more than the cap of %d shared strings",
                                X->L->name, part, GW_TABLE_MAX_STRINGS);
                goto out;
            }
            if (X->nsst == X->capsst) {
                X->capsst = X->capsst ? X->capsst * 2 : 256;
                X->sst = gw_xrealloc(X->sst, X->capsst * sizeof *X->sst);
            }
            S_unescape(&text);
            X->sst[X->nsst++] = gw_arena_strndup(X->L->t->arena, text.ptr, text.len);
            in_si = 0;
        } else if (in_si) {
            S_rich_text(&x, name, type, &in_t, &rph, &text);
        }
    }
out:
    S_xml_close(&x);
    gw_buf_free(&text);
    return rc < 0 ? rc : 0;
}

/* What the format code shows.  Only the first section counts (positive
 * numbers); quoted text, \x and _x / *x, and [..] (colours, locales,
 * conditions, [DBNum1]) are skipped, except [h] [m] [s], elapsed time.  An
 * m is a month unless the code shows hours or seconds and no y or d: a
 * code with both (yyyy-mm-dd hh:mm) is a date with a time. */
static int
S_fmt_classify(const char *code)
{
    int y = 0, d = 0, m = 0, h = 0, s = 0, elapsed = 0, pct = 0, f = 0;

    for (const char *p = code; *p && *p != ';'; p++) {
        switch (*p) {
        case '"':
            p = strchr(p + 1, '"');
            if (!p)
                goto done;
            break;
        case '\\':
        case '_':
        case '*':
            if (!p[1])
                goto done;
            p++;
            break;
        case '[': {
            const char *e = strchr(p, ']');
            if (!e)
                goto done;
            if (e > p + 1 && strspn(p + 1, "hHmMsS") == (size_t)(e - p - 1)) {
                elapsed = 1;
                h |= p[1] == 'h' || p[1] == 'H';
                s |= p[1] == 's' || p[1] == 'S';
            }
            p = e;
            break;
        }
        case 'y': case 'Y': y = 1; break;
        case 'd': case 'D': d = 1; break;
        case 'm': case 'M': m = 1; break;
        case 'h': case 'H': h = 1; break;
        case 's': case 'S': s = 1; break;
        case '%': pct = 1; break;
        default: break;
        }
    }
done:
    if (y || d || (m && !h && !s && !elapsed))
        f |= S_F_DATE;
    if (h || s || elapsed || (m && !(f & S_F_DATE)))
        f |= S_F_TIME;
    if (s)
        f |= S_F_SECONDS;
    if (elapsed)
        f |= S_F_ELAPSED;
    if (pct && !f)
        f |= S_F_PERCENT;
    return f;
}

/* The built-in formats (ECMA-376 18.8.30), with those of Chinese
 * (zh-CN) Excel, which writes ids 27..36 and 50..58 without a code. */
static int
S_fmt_builtin(int id)
{
    switch (id) {
    case 9: case 10:
        return S_F_PERCENT;
    case 14: case 15: case 16: case 17:
    case 27: case 28: case 29: case 30: case 31: case 36:
    case 50: case 51: case 52: case 53: case 54: case 57: case 58:
        return S_F_DATE;
    case 18: case 20: case 32: case 34: case 55:
        return S_F_TIME;
    case 19: case 21: case 33: case 35: case 45: case 47: case 56:
        return S_F_TIME | S_F_SECONDS;
    case 46:
        return S_F_TIME | S_F_SECONDS | S_F_ELAPSED;
    case 22:
        return S_F_DATE | S_F_TIME;
    default:
        return 0;
    }
}

typedef struct S_numfmt {
    long id;
    int  flags;
} S_numfmt;

static long
S_attr_long(S_xml *x, const char *name, long dflt)
{
    char *v = S_xml_attr(x, name), *end;
    long n = dflt;
    if (v) {
        n = strtol(v, &end, 10);
        if (end == v || *end)
            n = dflt;
    }
    xmlFree(v);
    return n;
}

static int
S_styles_load(S_xlsx *X, const char *part, gw_buf *data)
{
    S_xml x = { 0 };
    S_numfmt *fmts = NULL;
    long *ids = NULL;
    size_t nfmts = 0, capfmts = 0, nids = 0, capids = 0;
    int rc, type, in_xfs = 0, in_fmts = 0;

    rc = S_part(X, part, 0, data);
    if (rc != 0) {
        rc = rc > 0 ? 0 : rc;
        goto out;
    }
    rc = S_xml_open(X, &x, part, data);
    if (rc < 0)
        goto out;
    while ((rc = S_xml_next(X, &x)) == 1) {
        const char *name = S_xml_name(&x, &type);
        int empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(x.r);
        if (strcmp(name, "numFmts") == 0) {
            in_fmts = type == XML_READER_TYPE_ELEMENT && !empty;
        } else if (strcmp(name, "cellXfs") == 0) {
            /* cellStyleXfs hold xf elements too: only these count */
            in_xfs = type == XML_READER_TYPE_ELEMENT && !empty;
        } else if (in_fmts && type == XML_READER_TYPE_ELEMENT && strcmp(name, "numFmt") == 0) {
            char *code = S_xml_attr(&x, "formatCode");
            if (nfmts == capfmts) {
                capfmts = capfmts ? capfmts * 2 : 16;
                fmts = gw_xrealloc(fmts, capfmts * sizeof *fmts);
            }
            fmts[nfmts].id = S_attr_long(&x, "numFmtId", -1);
            fmts[nfmts].flags = code ? S_fmt_classify(code) : 0;
            nfmts++;
            xmlFree(code);
        } else if (in_xfs && type == XML_READER_TYPE_ELEMENT && strcmp(name, "xf") == 0) {
            if (nids == capids) {
                capids = capids ? capids * 2 : 64;
                ids = gw_xrealloc(ids, capids * sizeof *ids);
            }
            ids[nids++] = S_attr_long(&x, "numFmtId", 0);
        }
    }
    if (rc < 0)
        goto out;
    X->xf = gw_xcalloc(nids ? nids : 1, 1);
    X->nxf = nids;
    for (size_t i = 0; i < nids; i++) {
        int f = S_fmt_builtin((int)(ids[i] > 1000 ? 0 : ids[i])), found = 0;
        /* a code the workbook gives wins over the built-in one */
        for (size_t j = nfmts; j-- > 0 && !found;)
            if (fmts[j].id == ids[i])
                f = fmts[j].flags, found = 1;
        X->xf[i] = (unsigned char)f;
    }
    rc = 0;
out:
    S_xml_close(&x);
    free(fmts);
    free(ids);
    return rc;
}

/* Days since 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (H. Hinnant's civil_from_days). */
static void
S_civil(long long z, int *y, int *m, int *d)
{
    long long era, yoe, doy, mp;
    unsigned doe;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = (unsigned)(z - era * 146097);
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* v, a number shown in format f, as a person reads it, into out. */
static void
S_number_text(const S_xlsx *X, double v, int f, char *out, size_t n)
{
    /* 9999-12-31, Excel's last day, as a 1900 serial */
    const double last = 2958465.0;

    if ((f & (S_F_DATE | S_F_TIME)) && v >= 0 && v < last + 1 &&
        !((f & S_F_DATE) && !X->date1904 && v < 1)) {
        long long total = llround(v * 86400.0), days = total / 86400;
        int secs = (int)(total % 86400), y, m, d, len = 0;
        if (f & S_F_DATE) {
            if (X->date1904) {
                S_civil(days - 24107, &y, &m, &d);              /* 1904-01-01 */
            } else if (days == 60) {
                /* Lotus 1-2-3 took 1900 for a leap year and Excel kept
                 * it: serial 60 is the day Excel shows as 1900-02-29 */
                y = 1900, m = 2, d = 29;
            } else {
                /* serials count from 1900-01-01 = 1; from 61 on one
                 * more day (the false 29 February) is in between */
                S_civil(days - (days < 60 ? 25568 : 25569), &y, &m, &d);
            }
            len = snprintf(out, n, "%04d-%02d-%02d", y, m, d);
            if (!(f & S_F_TIME) || secs == 0)
                return;
            len += snprintf(out + len, n - (size_t)len, " ");
        }
        if (f & S_F_ELAPSED && !(f & S_F_DATE))
            len += snprintf(out + len, n - (size_t)len, "%lld:%02d", total / 3600,
                            secs / 60 % 60);
        else
            len += snprintf(out + len, n - (size_t)len, "%02d:%02d", secs / 3600,
                            secs / 60 % 60);
        if (f & S_F_SECONDS)
            snprintf(out + len, n - (size_t)len, ":%02d", secs % 60);
        return;
    }
    if (f & S_F_PERCENT)
        v *= 100;
    /* Excel shows 15 significant digits: 0.1 + 0.2 is 0.3 there, and
     * 43174 is not 43174.0 */
    if (v == 0)
        v = 0;          /* no "-0" */
    snprintf(out, n, "%.15g%s", v, (f & S_F_PERCENT) ? "%" : "");
    /* 1E+20, as Excel writes the exponent */
    if ((out = strchr(out, 'e')) != NULL)
        *out = 'E';
}

/* The cell being read in a worksheet. */
typedef struct S_cell {
    size_t row, col;            /* from 0 */
    char   t[16];               /* the t attribute, "" for a number */
    long   s;                   /* style index */
    int    in_v, in_is, in_t, rph;
    gw_buf text;
} S_cell;

/* "C5" into col 2 (and row 4 in *row when the reference has digits). */
static int
S_ref(const char *r, size_t *col, size_t *row)
{
    size_t c = 0, n = 0, k = 0;
    const char *p = r;
    while (*p >= 'A' && *p <= 'Z' && k < 3)
        c = c * 26 + (size_t)(*p++ - 'A' + 1), k++;
    if (k == 0)
        return -1;
    while (*p >= '0' && *p <= '9' && n <= 1048576)
        n = n * 10 + (size_t)(*p++ - '0');
    if (*p || n > 1048576)
        return -1;
    *col = c - 1;
    if (n > 0)
        *row = n - 1;
    return 0;
}

static int
S_cell_done(S_xlsx *X, S_cell *c)
{
    S_load *L = X->L;
    const char *s = c->text.ptr;
    size_t n = c->text.len;
    char num[64], cn[8], *end;

    if (strcmp(c->t, "s") == 0) {
        unsigned long i;
        if (n == 0)
            return 0;
        i = strtoul(s, &end, 10);
        if (end == s || *end || i >= X->nsst)
            return gw_err_set(L->err, GW_EINPUT,
                              "%s:%zu:%s: shared string %.20s does not exist (the workbook has %zu)",
                              L->name, c->row + 1, gw_table_col_name(c->col, cn), s, X->nsst);
        s = X->sst[i];
        n = strlen(s);
    } else if (strcmp(c->t, "inlineStr") == 0 || strcmp(c->t, "str") == 0) {
        S_unescape(&c->text);
        s = c->text.ptr;
        n = c->text.len;
    } else if (strcmp(c->t, "b") == 0) {
        if (n == 0)
            return 0;
        s = strcmp(s, "0") == 0 || strcmp(s, "false") == 0 ? "FALSE" : "TRUE";
        n = strlen(s);
    } else if (strcmp(c->t, "d") == 0) {
        /* an ISO 8601 date cell (strict OOXML): its day, and its time
         * when that is not midnight */
        const char *tp = memchr(s, 'T', n);
        if (tp && strncmp(tp, "T00:00:00", 9) == 0 && strspn(tp + 9, ".0Z") == strlen(tp + 9))
            n = (size_t)(tp - s);
        else if (tp)
            c->text.ptr[tp - s] = ' ';
    } else if (strcmp(c->t, "e") != 0 && n > 0) {
        /* a number ("n" or no t): as its format shows it */
        double v = strtod(s, &end);
        if (end != s && *end == '\0' && isfinite(v)) {
            int f = c->s >= 0 && (size_t)c->s < X->nxf ? X->xf[c->s] : 0;
            S_number_text(X, v, f, num, sizeof num);
            s = num;
            n = strlen(num);
        }
    }
    return S_put(L, c->row, c->col, s, n);
}

static int
S_sheet_load(S_xlsx *X, const char *part, gw_buf *data)
{
    S_xml x = { 0 };
    S_cell c;
    size_t row = 0, next_col = 0;
    int rc, type, in_data = 0, in_cell = 0, any_row = 0;

    memset(&c, 0, sizeof c);
    gw_buf_init(&c.text);
    rc = S_part(X, part, 1, data);
    if (rc < 0)
        goto out;
    rc = S_xml_open(X, &x, part, data);
    if (rc < 0)
        goto out;
    while ((rc = S_xml_next(X, &x)) == 1) {
        const char *name = S_xml_name(&x, &type);
        int empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(x.r);

        if (!in_data) {
            if (type == XML_READER_TYPE_ELEMENT && !empty && strcmp(name, "sheetData") == 0)
                in_data = 1;
            continue;
        }
        if (in_cell) {
            if (strcmp(name, "c") == 0 && type == XML_READER_TYPE_END_ELEMENT) {
                in_cell = 0;
                rc = S_cell_done(X, &c);
                if (rc < 0)
                    goto out;
            } else if (strcmp(name, "v") == 0 && !c.in_is) {
                c.in_v = type == XML_READER_TYPE_ELEMENT && !empty;
            } else if (strcmp(name, "is") == 0) {
                c.in_is = type == XML_READER_TYPE_ELEMENT && !empty;
            } else if (c.in_is) {
                S_rich_text(&x, name, type, &c.in_t, &c.rph, &c.text);
            } else if (c.in_v && S_xml_is_text(type) && strcmp(c.t, "inlineStr") != 0) {
                const xmlChar *v = xmlTextReaderConstValue(x.r);
                if (v)
                    gw_buf_puts(&c.text, (const char *)v);
            }
            continue;
        }
        if (type == XML_READER_TYPE_END_ELEMENT && strcmp(name, "sheetData") == 0)
            break;      /* the rest of the sheet is layout */
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        if (strcmp(name, "row") == 0) {
            long r = S_attr_long(&x, "r", 0);
            if (r > 1048576 || r < 0) {
                rc = gw_err_set(X->L->err, GW_EINPUT, "%s: %s:%d: bad row number %ld",
                                X->L->name, part, xmlTextReaderGetParserLineNumber(x.r), r);
                goto out;
            }
            /* a row without r follows the one before */
            row = r > 0 ? (size_t)r - 1 : any_row ? row + 1 : 0;
            any_row = 1;
            next_col = 0;
        } else if (strcmp(name, "c") == 0) {
            char *ref = S_xml_attr(&x, "r"), *t = S_xml_attr(&x, "t");
            c.row = row;
            c.col = next_col;
            if (ref && S_ref(ref, &c.col, &c.row) < 0) {
                rc = gw_err_set(X->L->err, GW_EINPUT, "%s: %s:%d: bad cell reference \"%.20s\"",
                                X->L->name, part, xmlTextReaderGetParserLineNumber(x.r), ref);
                xmlFree(ref);
                xmlFree(t);
                goto out;
            }
            snprintf(c.t, sizeof c.t, "%s", t ? t : "");
            xmlFree(ref);
            xmlFree(t);
            c.s = S_attr_long(&x, "s", 0);
            c.in_v = c.in_is = c.in_t = c.rph = 0;
            gw_buf_clear(&c.text);
            next_col = c.col + 1;
            /* <c r="B2" s="3"/>: a formatted cell without a value */
            in_cell = !empty;
        }
    }
out:
    S_xml_close(&x);
    gw_buf_free(&c.text);
    return rc < 0 ? rc : 0;
}

/* The workbook part (from _rels/.rels, officeDocument), its first sheet's
 * part and name, and date1904. */
static int
S_workbook(S_xlsx *X, gw_buf *data, char **wb_part, char **sheet_part)
{
    S_xml x = { 0 };
    const S_rel *rel;
    char *rid = NULL;
    int rc, type;

    *wb_part = *sheet_part = NULL;
    rc = S_rels_load(X, "", data);
    if (rc < 0)
        goto out;
    rel = S_rel_by_type(X, "officeDocument");
    *wb_part = rel ? S_resolve("", rel->target) : gw_xstrdup("xl/workbook.xml");
    rc = S_part(X, *wb_part, 2, data);
    if (rc < 0)
        goto out;
    rc = S_xml_open(X, &x, *wb_part, data);
    if (rc < 0)
        goto out;
    while ((rc = S_xml_next(X, &x)) == 1) {
        const char *name = S_xml_name(&x, &type);
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        if (strcmp(name, "workbookPr") == 0) {
            char *v = S_xml_attr(&x, "date1904");
            X->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
            xmlFree(v);
        } else if (strcmp(name, "sheet") == 0) {
            char *sn = S_xml_attr(&x, "name");
            X->L->t->sheet = gw_xstrdup(sn ? sn : "");
            xmlFree(sn);
            rid = S_xml_attr_ns(&x, "id");
            break;
        }
    }
    if (rc < 0)
        goto out;
    if (!rid) {
        rc = gw_err_set(X->L->err, GW_EINPUT, "%s: %s: the workbook has no sheet",
                        X->L->name, *wb_part);
        goto out;
    }
    S_xml_close(&x);
    rc = S_rels_load(X, *wb_part, data);
    if (rc < 0)
        goto out;
    rel = S_rel_by_id(X, rid);
    if (!rel || rel->external) {
        rc = gw_err_set(X->L->err, GW_EINPUT,
                        "%s: %s: the first sheet's relationship %s is missing", X->L->name,
                        *wb_part, rid);
        goto out;
    }
    {
        size_t tl = strlen(rel->type);
        if (tl < 10 || strcmp(rel->type + tl - 10, "/worksheet") != 0) {
            rc = gw_err_set(X->L->err, GW_EINPUT,
                            "%s: the first sheet, \"%s\", is not a worksheet (a chart?)",
                            X->L->name, X->L->t->sheet);
            goto out;
        }
    }
    *sheet_part = S_resolve(*wb_part, rel->target);
    rc = 0;
out:
    S_xml_close(&x);
    xmlFree(rid);
    return rc;
}

static int
S_xlsx_load(S_load *L, const gw_buf *file)
{
    S_xlsx X;
    zip_error_t zerr;
    zip_source_t *src;
    gw_buf data;
    char *wb_part = NULL, *sheet_part = NULL, *sst_part = NULL, *styles_part = NULL;
    const S_rel *rel;
    int rc;

    memset(&X, 0, sizeof X);
    X.L = L;
    L->t->kind = "xlsx";
    gw_buf_init(&data);
    zip_error_init(&zerr);
    src = zip_source_buffer_create(file->ptr, file->len, 0, &zerr);
    if (src) {
        X.za = zip_open_from_source(src, ZIP_RDONLY, &zerr);
        if (!X.za)
            zip_source_free(src);
    }
    if (!X.za) {
        rc = gw_err_set(L->err, GW_EINPUT, "%s: damaged .xlsx (the zip archive: %s)", L->name,
                        zip_error_strerror(&zerr));
        goto out;
    }
    rc = S_workbook(&X, &data, &wb_part, &sheet_part);
    if (rc < 0)
        goto out;
    /* X.rels are the workbook's now */
    rel = S_rel_by_type(&X, "sharedStrings");
    sst_part = rel ? S_resolve(wb_part, rel->target) : gw_xstrdup("xl/sharedStrings.xml");
    rel = S_rel_by_type(&X, "styles");
    styles_part = rel ? S_resolve(wb_part, rel->target) : gw_xstrdup("xl/styles.xml");
    rc = S_sst_load(&X, sst_part, &data);
    if (rc < 0)
        goto out;
    rc = S_styles_load(&X, styles_part, &data);
    if (rc < 0)
        goto out;
    rc = S_sheet_load(&X, sheet_part, &data);
out:
    if (X.za)
        zip_discard(X.za);
    zip_error_fini(&zerr);
    S_rels_free(&X);
    free(X.sst);
    free(X.xf);
    free(wb_part);
    free(sheet_part);
    free(sst_part);
    free(styles_part);
    gw_buf_free(&data);
    return rc;
}

/* ------------------------------------------------------------- the table */

int
gw_table_open(const char *path, int encoding, gw_table **out, gw_err *err)
{
    gw_buf file;
    S_load L;
    int rc;

    memset(&L, 0, sizeof L);
    gw_buf_init(&file);
    gw_buf_init(&L.lf);
    L.name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    L.err = err;
    if (encoding != GW_TABLE_AUTO && encoding != GW_TABLE_UTF8 &&
        encoding != GW_TABLE_GB18030) {
        rc = gw_err_set(err, GW_EUSAGE, "%s: unknown encoding %d", L.name, encoding);
        goto out;
    }
    rc = gw_file_read(path, GW_TABLE_MAX_FILE, &file, err);
    if (rc < 0)
        goto out;
    L.t = gw_xcalloc(1, sizeof *L.t);
    L.t->arena = gw_arena_new();
    gw_sha256_hex(file.ptr, file.len, L.t->sha256);
    if (file.len >= 4 && memcmp(file.ptr, "PK\3\4", 4) == 0) {
        rc = S_xlsx_load(&L, &file);
    } else if (file.len >= 8 && memcmp(file.ptr, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
        /* an OLE compound file: Excel 97-2003, or an encrypted .xlsx */
        rc = gw_err_set(err, GW_EINPUT,
                        "%s: an old .xls workbook or a password-protected one; "
                        "save it as .xlsx (without a password) or as CSV", L.name);
    } else {
        rc = S_csv_load(&L, file.ptr, file.len, encoding);
    }
    if (rc < 0)
        goto out;
    *out = L.t;
    L.t = NULL;
out:
    gw_table_free(L.t);
    gw_buf_free(&L.lf);
    gw_buf_free(&file);
    return rc;
}

void
gw_table_free(gw_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->nrows; i++)
        free(t->rows[i].cells);
    free(t->rows);
    gw_arena_free(t->arena);
    free(t->sheet);
    free(t);
}

size_t
gw_table_rows(const gw_table *t)
{
    return t->nrows;
}

size_t
gw_table_cols(const gw_table *t, size_t row)
{
    return row < t->nrows ? t->rows[row].ncols : 0;
}

const char *
gw_table_cell(const gw_table *t, size_t row, size_t col)
{
    const char *s;
    if (row >= t->nrows || col >= t->rows[row].ncols)
        return "";
    s = t->rows[row].cells[col];
    return s ? s : "";
}

int
gw_table_row_number(const gw_table *t, size_t row)
{
    (void)t;
    /* the rows are the spreadsheet's, empty ones included (see S_put) */
    return row < (size_t)INT_MAX ? (int)row + 1 : INT_MAX;
}

const char *
gw_table_kind(const gw_table *t)
{
    return t->kind;
}

const char *
gw_table_sheet(const gw_table *t)
{
    return t->sheet;
}

const char *
gw_table_sha256(const gw_table *t)
{
    return t->sha256;
}
