/* pdf.c — positioned pages (page.h) to PDF with libharu (see pdf.h).  The
 * only module that includes hpdf.h.
 *
 * Fonts are this file's, not libharu's.  A text run is written as
 * "<codes> Tj" where each code is the character's Unicode value (S_show),
 * in a Type0 font whose dictionary is made, empty, where its face first
 * draws (S_font_use); the characters drawn are recorded.  At the end each
 * face is cut down with hb-subset to exactly those characters and the font
 * is filled in (S_font_finish): a CIDFontType2 with FontFile2 and a
 * CIDToGIDMap from the codes to the subset's glyphs for TrueType faces, a
 * CIDFontType0 with FontFile3 and an embedded CMap from the codes to the
 * CFF program's CIDs for OpenType/CFF faces (Fandol), /W from HarfBuzz's
 * advances, a ToUnicode map so pdftotext reads the text back
 * (docs/fonts.md).  As the content streams do not depend on the subsets,
 * every page is drawn and written once.  libharu only parses the subset
 * (the TrueType stand-in of a CFF face) for the descriptor's numbers.
 *
 * Images: image.c decodes and checks each PNG (caps, CRCs, the compressed
 * data); libharu gets only those 8-bit samples (HPDF_LoadRawImageFromMem),
 * with the alpha channel as a soft mask.  libharu's own PNG loader is never
 * called: its libpng error handler returns without a jmp_buf to go to, and
 * libpng then abort()s.
 *
 * Pages: each page object is made when its page is written (S_make_pages),
 * its content deflated into a spool file as soon as it is drawn
 * (S_seal_page) and the page dictionary itself kept as the few bytes libharu
 * will write for it (S_park_page); the saved file goes straight to the
 * output (S_save).  A long document thus costs libharu about 1.2 KB a page
 * (was 6 KB), none of it the page's drawing.
 *
 * Everything that reaches into libharu's structures (hpdf_fontdef.h,
 * hpdf_objects.h, hpdf_pages.h, hpdf_doc.h of libharu 2.3.0, the version
 * Debian 12 ships) is in the S_font_metrics, S_set_font, S_show,
 * S_make_pages, S_seal_page, S_park_page and S_save functions; each checks
 * what it relies on and otherwise leaves libharu's own behaviour alone. */
#include "pdf.h"
#include "image.h"
#include "page-imp.h"

#include <errno.h>
#include <hpdf.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

/* Caps: what one document may ask the writer for. */
#define S_MAX_PAGES     100000
#define S_PAGES_FLAT    8192    /* pages per node of the page tree beyond this */
#define S_MAX_FACES     64
#define S_MAX_IMAGES    256
#define S_MAX_ALPHAS    101     /* opacity is kept to steps of 0.01 */

/* libharu reports errors through a callback; it records the first one here
 * (never a global jmp_buf) and the writer checks after each group of calls. */
typedef struct S_haru {
    HPDF_STATUS code, detail;
    int         set;
} S_haru;

typedef struct S_font {
    gw_face   *face;
    HPDF_Dict  obj;         /* its Type0 font, filled at the end */
    HPDF_Dict  half;        /* NULL, or the same font with every glyph half
                             * an em wide (/DW 500): squeezed line-end marks
                             * drawn whole, their boxes half (S_text) */
    uint64_t  *seen;        /* while drawing: one bit per BMP code point */
    uint32_t  *cps;         /* at the end: the characters drawn, sorted */
    size_t     n;
} S_font;

typedef struct S_image {
    char       *path;           /* owned: the page's item goes with the page */
    HPDF_Image  img;
} S_img;

typedef struct S_alpha {
    double         a;
    HPDF_ExtGState gs;
} S_alpha;

/* What the current page's content stream has set, so that the same state is
 * not written again for every run of text (keeps the PDF small). */
typedef struct S_state {
    int       in_text;
    HPDF_Dict font;         /* the Type0 font set (S_font obj or half) */
    double    size, tc, tz;
    int       tr;
    double    fill[3], stroke[3], lw;
    int       have_fill, have_stroke, have_lw;
} S_state;

/* The size of each page written. */
typedef struct S_size {
    double w, h;
    int    rot;
    int    put;
} S_size;

/* A link's destination on a page not yet written: its height, which the
 * destination's top depends on, is set at the end. */
typedef struct S_fwd {
    HPDF_Destination d;
    size_t           page;
    double           y;
} S_fwd;

/* Where a page's deflated content waits in the spool file until the save
 * reads it back (the attr of the page's content stream, S_spool_*). */
typedef struct S_span {
    struct gw_pdf *w;
    off_t          off;
    HPDF_UINT32    len, pos;
} S_span;

/* A page whose dictionary is written: libharu's page attributes (kept, as
 * destinations and the page checks read them) and the bytes its dictionary
 * had when it was finished (S_park_page). */
typedef struct S_parked {
    HPDF_PageAttr_Rec a;
    HPDF_UINT32       n;
    char              body[];
} S_parked;

struct gw_pdf {
    char       *path;           /* for messages; where gw_pdf_finish writes */
    const gw_doc *meta;         /* bookmarks and information (gw_pdf_finish) */
    size_t      np;             /* pages written: the highest index + 1 */
    S_size     *sizes;          /* sizes, pages, spans: cap entries each */
    size_t      cap;
    HPDF_Doc   pdf;
    S_haru     haru;
    S_font     fonts[S_MAX_FACES];
    size_t     nfonts;
    S_img      images[S_MAX_IMAGES];
    size_t     nimages;
    S_alpha    alphas[S_MAX_ALPHAS];
    size_t     nalphas;
    HPDF_Page *pages;
    size_t     made;            /* pages[0..made) exist in libharu */
    S_fwd     *fwd;             /* links to pages not yet written */
    size_t     nfwd, fwdcap;
    size_t     link_to, link_from;  /* the farthest link: to page, on page (+1) */
    HPDF_Outline *outlines;
    HPDF_Encoder utf8;
    int        spool;           /* fd of the deflated page contents; -1: in memory */
    off_t      spool_end;
    int        spool_bad;       /* a write failed: no more pages to it */
    S_span   **spans;           /* each allocated: libharu's stream keeps its address */
    int        spool_errno;     /* reading it back failed */
};
typedef struct gw_pdf S_writer;

static void
S_on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
    S_haru *h = user;
    if (!h->set) {
        h->set = 1;
        h->code = code;
        h->detail = detail;
    }
}

/* A readable name for the libharu errors this writer can run into. */
static const char *
S_haru_what(HPDF_STATUS code)
{
    switch (code) {
    case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
    case HPDF_FILE_IO_ERROR: return "file read/write error";
    case HPDF_FILE_OPEN_ERROR: return "cannot open a file";
    case HPDF_INVALID_FONTDEF_DATA: return "invalid font data";
    case HPDF_INVALID_IMAGE: return "invalid image";
    case HPDF_INVALID_COLOR_SPACE: return "invalid colour space for an image or soft mask";
    case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font's licence forbids embedding";
    case HPDF_TTF_INVALID_CMAP: return "the font has no usable Unicode cmap";
    case HPDF_TTF_INVALID_FOMAT: return "not a TrueType font";
    case HPDF_TTF_MISSING_TABLE: return "the font lacks a table libharu needs";
    case HPDF_UNSUPPORTED_FONT_TYPE: return "unsupported font type";
    case HPDF_INVALID_PARAMETER: return "invalid parameter";
    case HPDF_PAGE_INVALID_FONT_SIZE: return "invalid font size";
    case HPDF_EXCEED_GSTATE_LIMIT: return "graphics state nesting too deep";
    default: return "error";
    }
}

/* Turns a recorded libharu error into err; returns 0 when there was none. */
static int
S_check(S_writer *w, gw_err *err, const char *what)
{
    if (!w->haru.set)
        return 0;
    return gw_err_set(err, GW_EDEP, "libharu: %s: %s (code 0x%04X, detail %u)", what,
                      S_haru_what(w->haru.code), (unsigned)w->haru.code,
                      (unsigned)w->haru.detail);
}

/* At most 60 bytes of s, cut at a character boundary, for messages; "..."
 * marks a cut.  Returns buf. */
static const char *
S_snip(const char *s, char buf[72])
{
    size_t n = 0, len = strlen(s);
    while (n < len) {
        uint32_t cp;
        int l = gw_utf8_decode(s + n, len - n, &cp);
        if (l < 0 || n + (size_t)l > 60)
            break;
        n += (size_t)l;
    }
    memcpy(buf, s, n);
    strcpy(buf + n, n < len ? "..." : "");
    return buf;
}

/* ------------------------------------------------------------------ fonts */

/* The font drawing face: the same file and index share one subset even
 * when they come from different fontsets (the SVG and layout modules may
 * each have one), as they would otherwise be embedded twice. */
static S_font *
S_font_of(S_writer *w, gw_face *face)
{
    size_t i;
    for (i = 0; i < w->nfonts; i++)
        if (w->fonts[i].face == face)
            return &w->fonts[i];
    for (i = 0; i < w->nfonts; i++)
        if (gw_face_index(w->fonts[i].face) == gw_face_index(face) &&
            strcmp(gw_face_file(w->fonts[i].face), gw_face_file(face)) == 0)
            return &w->fonts[i];
    return NULL;
}

/* The font of face, made the first time the face draws: its Type0 font
 * dictionary exists from then on (pages name it in their resources) but
 * stays empty until gw_pdf_finish knows every character drawn with it and
 * fills it (S_font_finish).  NULL with err set past the cap of faces or
 * when libharu runs out of memory. */
static S_font *
S_font_use(S_writer *w, gw_face *face, gw_err *err)
{
    S_font *f = S_font_of(w, face);
    HPDF_Dict d;

    if (f)
        return f;
    if (w->nfonts == S_MAX_FACES) {
        gw_err_set(err, GW_EINPUT, "PDF: more than %d fonts in one document", S_MAX_FACES);
        return NULL;
    }
    d = HPDF_Dict_New(w->pdf->mmgr);
    if (!d || HPDF_Xref_Add(w->pdf->xref, d) != HPDF_OK) {     /* frees d when it fails */
        if (!S_check(w, err, "making a font"))
            gw_err_set(err, GW_EDEP, "libharu: out of memory making a font");
        return NULL;
    }
    f = &w->fonts[w->nfonts++];
    f->face = face;
    f->obj = d;
    f->seen = gw_xcalloc(0x10000 / 64, sizeof *f->seen);
    return f;
}

/* The half-width variant of f (S_font.half), made the first time it is
 * needed and filled with f at the end.  NULL with err set when libharu
 * runs out of memory. */
static HPDF_Dict
S_font_half(S_writer *w, S_font *f, gw_err *err)
{
    HPDF_Dict d;
    if (f->half)
        return f->half;
    d = HPDF_Dict_New(w->pdf->mmgr);
    if (!d || HPDF_Xref_Add(w->pdf->xref, d) != HPDF_OK) {
        if (!S_check(w, err, "making a font"))
            gw_err_set(err, GW_EDEP, "libharu: out of memory making a font");
        return NULL;
    }
    return f->half = d;
}

/* At the end: the characters f drew as a sorted list.  The bitmap gives
 * them sorted and without duplicates (a booklet draws some 100 000
 * characters, of a few hundred kinds). */
static void
S_font_cps(S_font *f)
{
    size_t i, n = 0;

    for (i = 0; i < 0x10000 / 64; i++)
        for (uint64_t v = f->seen[i]; v; v &= v - 1)
            n++;
    f->cps = gw_xmalloc((n ? n : 1) * sizeof *f->cps);
    for (i = 0; i < 0x10000; i++)
        if (f->seen[i >> 6] >> (i & 63) & 1)
            f->cps[f->n++] = (uint32_t)i;
    free(f->seen);
    f->seen = NULL;
}

/* "/Filter /FlateDecode" inside a stream's dictionary whose data this file
 * compressed itself (libharu writes a stream with no filter as it is, and
 * calls write_fn just before the closing ">>"). */
static HPDF_STATUS
S_write_flate(HPDF_Dict obj, HPDF_Stream stream)
{
    (void)obj;
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* data deflated into a new buffer (caller frees) of *zn bytes, or NULL. */
static Bytef *
S_deflate(const void *data, size_t n, uLongf *zn)
{
    Bytef *z;

    *zn = compressBound((uLong)n);
    z = gw_xmalloc(*zn);
    if (compress2(z, zn, n ? data : (const void *)"", (uLong)n, Z_DEFAULT_COMPRESSION) != Z_OK) {
        free(z);
        return NULL;
    }
    return z;
}

/* A memory stream holding the n bytes of p in one buffer of the exact size:
 * a page's deflated content is a KB or two, and a long document may keep
 * every page's until it saves.  One byte more, as libharu's memory stream
 * cannot seek to the very end of its last buffer (see S_font_metrics).  NULL
 * when libharu runs out of memory. */
static HPDF_Stream
S_exact_stream(HPDF_MMgr mmgr, const void *p, size_t n)
{
    HPDF_Stream st = HPDF_MemStream_New(mmgr, (HPDF_UINT)n + 1);

    if (st && HPDF_Stream_Write(st, p, (HPDF_UINT)n) != HPDF_OK) {
        HPDF_Stream_Free(st);
        st = NULL;
    }
    return st;
}

/* Deflates n bytes into a new libharu memory stream; NULL when out of
 * memory. */
static HPDF_Stream
S_deflate_stream(HPDF_MMgr mmgr, const void *data, size_t n)
{
    uLongf zn;
    Bytef *z = S_deflate(data, n, &zn);
    HPDF_Stream st = z ? S_exact_stream(mmgr, z, zn) : NULL;

    free(z);
    return st;
}


/* The length of the run of consecutive code points starting at cps[i] that
 * a bfrange may cover (its codes differ only in the last byte). */
static size_t
S_run_len(const uint32_t *cps, size_t n, size_t i)
{
    size_t j = i + 1;
    while (j < n && cps[j] == cps[j - 1] + 1 && (cps[j] >> 8) == (cps[i] >> 8))
        j++;
    return j - i;
}

static uint32_t
S_be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void
S_put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

static uint32_t
S_sfnt_sum(const unsigned char *p, size_t n)
{
    uint32_t sum = 0;
    size_t i;
    for (i = 0; i + 4 <= n; i += 4)
        sum += S_be32(p + i);
    if (i < n) {
        unsigned char last[4] = { 0, 0, 0, 0 };
        memcpy(last, p + i, n - i);
        sum += S_be32(last);
    }
    return sum;
}

/* The tables a PDF viewer reads from a CIDFontType2 program that comes with
 * a CIDToGIDMap (PDF 32000-1 9.9); cmap, name, OS/2 and post are only read
 * for simple TrueType fonts.  Sorted, as the table directory must be. */
static const char S_pdf_tables[][5] = {
    "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "prep"
};
#define S_NPDF_TABLES (sizeof S_pdf_tables / sizeof S_pdf_tables[0])

/* Copies the TrueType font in[0..n) into out with only S_pdf_tables, with
 * fresh checksums.  -1 when in is not a well-formed TrueType font (the
 * caller then lets libharu embed it). */
static int
S_sfnt_strip(const unsigned char *in, size_t n, gw_buf *out)
{
    size_t nt, i, k, keep = 0, off, head_at = 0;
    size_t tofs[S_NPDF_TABLES], tlen[S_NPDF_TABLES];
    unsigned char *o;
    uint32_t sum;
    unsigned sr = 1, es = 0;

    if (n < 12 || (S_be32(in) != 0x00010000u && S_be32(in) != 0x74727565u))
        return -1;
    nt = (size_t)in[4] << 8 | in[5];
    if (12 + 16 * nt > n)
        return -1;
    for (k = 0; k < S_NPDF_TABLES; k++) {
        tlen[k] = (size_t)-1;
        for (i = 0; i < nt; i++) {
            const unsigned char *r = in + 12 + 16 * i;
            size_t to = S_be32(r + 8), tl = S_be32(r + 12);
            if (memcmp(r, S_pdf_tables[k], 4) != 0)
                continue;
            if (to > n || tl > n - to)
                return -1;
            tofs[k] = to;
            tlen[k] = tl;
        }
        if (tlen[k] != (size_t)-1)
            keep++;
    }
    while (sr * 2 <= keep) {
        sr *= 2;
        es++;
    }
    off = 12 + 16 * keep;
    gw_buf_clear(out);
    gw_buf_put(out, in, 4);
    {
        unsigned char h[8] = { (unsigned char)(keep >> 8), (unsigned char)keep,
                               (unsigned char)((sr * 16) >> 8), (unsigned char)(sr * 16),
                               (unsigned char)(es >> 8), (unsigned char)es,
                               (unsigned char)((keep - sr) * 16 >> 8),
                               (unsigned char)((keep - sr) * 16) };
        gw_buf_put(out, h, 8);
    }
    for (k = 0, i = off; k < S_NPDF_TABLES; k++) {
        unsigned char r[16];
        if (tlen[k] == (size_t)-1)
            continue;
        memcpy(r, S_pdf_tables[k], 4);
        S_put32(r + 4, S_sfnt_sum(in + tofs[k], tlen[k]));
        S_put32(r + 8, (uint32_t)i);
        S_put32(r + 12, (uint32_t)tlen[k]);
        gw_buf_put(out, r, 16);
        i += (tlen[k] + 3) & ~(size_t)3;
    }
    for (k = 0; k < S_NPDF_TABLES; k++) {
        static const unsigned char pad[3] = { 0, 0, 0 };
        if (tlen[k] == (size_t)-1)
            continue;
        if (memcmp(S_pdf_tables[k], "head", 4) == 0)
            head_at = out->len;
        gw_buf_put(out, in + tofs[k], tlen[k]);
        gw_buf_put(out, pad, ((tlen[k] + 3) & ~(size_t)3) - tlen[k]);
    }
    o = (unsigned char *)out->ptr;
    if (head_at && head_at + 12 <= out->len) {
        /* head.checkSumAdjustment: the whole font sums to 0xB1B0AFBA */
        S_put32(o + head_at + 8, 0);
        for (k = 0, i = 0; k < S_NPDF_TABLES; k++)
            if (tlen[k] != (size_t)-1 && memcmp(S_pdf_tables[k], "head", 4) == 0)
                S_put32(o + 12 + 16 * i + 4, S_sfnt_sum(o + head_at, tlen[k]));
            else if (tlen[k] != (size_t)-1)
                i++;
        sum = S_sfnt_sum(o, out->len);
        S_put32(o + head_at + 8, 0xB1B0AFBAu - sum);
    }
    return 0;
}

/* A deflated stream object of our own in the document: data[0..n) with
 * /Filter /FlateDecode.  NULL when out of memory (libharu's error set). */
static HPDF_Dict
S_flate_object(S_writer *w, const void *data, size_t n)
{
    HPDF_Dict d = HPDF_DictStream_New(w->pdf->mmgr, w->pdf->xref);
    HPDF_Stream z;

    if (!d)
        return NULL;
    z = S_deflate_stream(w->pdf->mmgr, data, n);
    if (!z)
        return NULL;        /* d stays in the xref, empty */
    HPDF_Stream_Free(d->stream);
    d->stream = z;
    d->filter = HPDF_STREAM_FILTER_NONE;
    d->write_fn = S_write_flate;
    return d;
}

typedef struct {
    uint16_t cid;
    int      w;
} S_cidw;

static int
S_cmp_cidw(const void *a, const void *b)
{
    const S_cidw *x = a, *y = b;
    return (x->cid > y->cid) - (x->cid < y->cid);
}


/* The ToUnicode map of f (PDF 32000-1 9.10.3) into cm: the codes are the
 * Unicode values themselves, so each character maps to itself; runs of
 * consecutive characters (digits, Latin letters) as one bfrange line, the
 * rest as bfchar lines, each kind in blocks of at most 100 (the limit of
 * one begin...end block). */
static void
S_tounicode_cmap(const S_font *f, gw_buf *cm)
{
    size_t i, nr = 0, nc = 0, k;

    gw_buf_puts(cm, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    for (i = 0; i < f->n; i += k) {
        k = S_run_len(f->cps, f->n, i);
        if (k < 2)
            continue;
        if (nr % 100 == 0) {
            size_t left = 0, j, kk;
            for (j = i; j < f->n && left < 100; j += kk) {
                kk = S_run_len(f->cps, f->n, j);
                left += kk >= 2;
            }
            if (nr)
                gw_buf_puts(cm, "endbfrange\n");
            gw_buf_printf(cm, "%zu beginbfrange\n", left);
        }
        gw_buf_printf(cm, "<%04X><%04X><%04X>\n", (unsigned)f->cps[i],
                      (unsigned)f->cps[i + k - 1], (unsigned)f->cps[i]);
        nr++;
    }
    if (nr)
        gw_buf_puts(cm, "endbfrange\n");
    for (i = 0; i < f->n; i += k) {
        k = S_run_len(f->cps, f->n, i);
        if (k >= 2)
            continue;
        if (nc % 100 == 0) {
            size_t left = 0, j, kk;
            for (j = i; j < f->n && left < 100; j += kk) {
                kk = S_run_len(f->cps, f->n, j);
                left += kk < 2;
            }
            if (nc)
                gw_buf_puts(cm, "endbfchar\n");
            gw_buf_printf(cm, "%zu beginbfchar\n", left);
        }
        gw_buf_printf(cm, "<%04X><%04X>\n", (unsigned)f->cps[i], (unsigned)f->cps[i]);
        nc++;
    }
    if (nc)
        gw_buf_puts(cm, "endbfchar\n");
    gw_buf_puts(cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

/* The encoding of a CFF face's Type0 font into cm: an embedded CMap from
 * the codes in the content streams (the Unicode values) to the program's
 * CIDs, cids[i] for f->cps[i] (PDF 32000-1 9.7.5). */
static void
S_encoding_cmap(const S_font *f, const char *name, const uint16_t *cids, gw_buf *cm)
{
    size_t i;

    gw_buf_printf(cm, "%%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin\n"
                  "12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering "
                  "(Identity) /Supplement 0 >> def\n/CMapName /%s def\n/CMapType 1 def\n"
                  "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n", name);
    for (i = 0; i < f->n; i++) {
        if (i % 100 == 0)
            gw_buf_printf(cm, "%s%zu begincidchar\n", i ? "endcidchar\n" : "",
                          f->n - i < 100 ? f->n - i : 100);
        gw_buf_printf(cm, "<%04X> %u\n", (unsigned)f->cps[i], (unsigned)cids[i]);
    }
    if (f->n)
        gw_buf_puts(cm, "endcidchar\n");
    gw_buf_puts(cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

/* /DW and /W of the CIDFont cid: the width of each CID (cids[i] for
 * f->cps[i], or the code itself when cids is NULL: HarfBuzz's advance, the
 * one the layout used, in thousandths of the size); the most common width is /DW and /W lists only the others
 * (digits, Latin) as runs "first [w1 w2 ...]".  HPDF_OK or libharu's
 * error. */
static HPDF_STATUS
S_widths(S_writer *w, const S_font *f, HPDF_Dict cid, const uint16_t *cids)
{
    HPDF_MMgr mm = w->pdf->mmgr;
    HPDF_Array warr, run = NULL;
    HPDF_STATUS ret = HPDF_OK;
    struct { int w; size_t n; } seen[32];
    size_t nseen = 0, i, k, best = 0;
    S_cidw *cw = gw_xmalloc((f->n ? f->n : 1) * sizeof *cw);

    for (i = 0; i < f->n; i++) {
        cw[i].cid = cids ? cids[i] : (uint16_t)f->cps[i];
        cw[i].w = (int)lround(gw_face_advance(f->face, f->cps[i], 1000));
    }
    qsort(cw, f->n, sizeof *cw, S_cmp_cidw);
    for (i = 0; i < f->n; i++) {
        for (k = 0; k < nseen && seen[k].w != cw[i].w; k++)
            ;
        if (k == nseen && nseen < sizeof seen / sizeof seen[0]) {
            seen[nseen].w = cw[i].w;
            seen[nseen++].n = 0;
        }
        if (k < nseen)
            seen[k].n++;
    }
    for (k = 1; k < nseen; k++)
        if (seen[k].n > seen[best].n)
            best = k;
    warr = HPDF_Array_New(mm);
    if (!warr) {
        free(cw);
        return HPDF_FAILD_TO_ALLOC_MEM;
    }
    for (i = 0; i < f->n && ret == HPDF_OK; i++) {
        /* a CID that several characters share (0: the ones the face
         * lacks) is listed once */
        if ((i > 0 && cw[i].cid == cw[i - 1].cid) || (nseen && cw[i].w == seen[best].w)) {
            if (!(i > 0 && cw[i].cid == cw[i - 1].cid))
                run = NULL;
            continue;
        }
        if (!run || cw[i].cid != cw[i - 1].cid + 1) {
            run = HPDF_Array_New(mm);
            if (!run) {
                ret = HPDF_FAILD_TO_ALLOC_MEM;
                break;
            }
            ret += HPDF_Array_AddNumber(warr, cw[i].cid);
            ret += HPDF_Array_Add(warr, run);       /* frees run when it fails */
        }
        ret += HPDF_Array_AddNumber(run, cw[i].w);
    }
    free(cw);
    ret += HPDF_Dict_AddNumber(cid, "DW", nseen ? seen[best].w : 1000);
    ret += HPDF_Dict_Add(cid, "W", warr);           /* frees warr when it fails */
    return ret;
}

/* libharu's parse of the TrueType font data[0..n) (a subset, or a CFF
 * face's stand-in) for the descriptor's numbers, and into base its name
 * tagged as face k's subset (HPDFAA+..., HPDFAB+...); nothing of it is
 * embedded.  Its checks stay: a licence that forbids embedding, a missing
 * table.  The caller frees *def with HPDF_FontDef_Free.  0, or GW_EDEP. */
static int
S_font_metrics(S_writer *w, size_t k, const gw_buf *data, HPDF_FontDef *def,
               char base[HPDF_LIMIT_MAX_NAME_LEN + 1], gw_err *err)
{
    HPDF_Stream st;
    char tag[7];

    *def = NULL;
    if (data->len > 0x7FFFFFFF)
        return gw_err_set(err, GW_EDEP, "font subset of %zu bytes", data->len);
    /* One buffer a byte longer than the font: libharu's memory stream
     * cannot seek to its very end when that end is a buffer boundary
     * (HPDF_MemStream_SeekFunc looks for a next buffer that does not
     * exist: error 0x1033), and it seeks there when the last glyph of the
     * subset is a composite glyph (É, ä) at the end of glyf, the last
     * table (AR PL UMing's subsets). */
    st = HPDF_MemStream_New(w->pdf->mmgr,
                            (HPDF_UINT)(data->len >= 4096 ? data->len + 1 : 4096));
    if (!st || HPDF_Stream_Write(st, (const HPDF_BYTE *)data->ptr, (HPDF_UINT)data->len)
                   != HPDF_OK) {
        if (st)
            HPDF_Stream_Free(st);
        return gw_err_set(err, GW_EDEP, "libharu: out of memory");
    }
    *def = HPDF_TTFontDef_Load(w->pdf->mmgr, st, HPDF_TRUE);   /* owns st */
    if (!*def)
        return gw_err_set(err, GW_EDEP, "libharu: %s (code 0x%04X)",
                          S_haru_what(HPDF_GetError(w->pdf)), (unsigned)HPDF_GetError(w->pdf));
    snprintf(tag, sizeof tag, "HPDF%c%c", 'A' + (int)(k / 26), 'A' + (int)(k % 26));
    HPDF_TTFontDef_SetTagName(*def, tag);
    /* which tags the parser's own copy of the name, not def->base_font */
    snprintf(base, HPDF_LIMIT_MAX_NAME_LEN + 1, "%s",
             ((HPDF_TTFontDefAttr)(*def)->attr)->base_font);
    return S_check(w, err, "reading a font");
}

/* The font program of a face as a stream object: a TrueType subset cut to
 * the tables a viewer reads (S_sfnt_strip; whole when it cannot be taken
 * apart) for FontFile2, or a CFF program for FontFile3.  data is the
 * subset, prog the CFF program (CFF faces) or scratch.  NULL when libharu
 * runs out of memory (its error recorded). */
static HPDF_Dict
S_font_program(S_writer *w, int cff, int cid_keyed, const gw_buf *data, gw_buf *prog)
{
    HPDF_Dict ff;
    HPDF_STATUS ret;

    if (!cff && S_sfnt_strip((const unsigned char *)data->ptr, data->len, prog) != 0) {
        gw_buf_clear(prog);
        gw_buf_put(prog, data->ptr, data->len);
    }
    if (!(ff = S_flate_object(w, prog->ptr, prog->len)))
        return NULL;
    if (cff)
        ret = HPDF_Dict_AddName(ff, "Subtype", cid_keyed ? "CIDFontType0C" : "OpenType");
    else
        ret = HPDF_Dict_AddNumber(ff, "Length1", (HPDF_INT32)prog->len);
    return ret == HPDF_OK ? ff : NULL;
}

/* The FontDescriptor over the program ff, with libharu's numbers of the
 * subset (def).  NULL when out of memory. */
static HPDF_Dict
S_font_descriptor(S_writer *w, HPDF_FontDef def, const char *base, int cff, HPDF_Dict ff)
{
    HPDF_MMgr mm = w->pdf->mmgr;
    HPDF_Dict desc = HPDF_Dict_New(mm);
    HPDF_STATUS ret = HPDF_OK;

    if (!desc || HPDF_Xref_Add(w->pdf->xref, desc) != HPDF_OK)
        return NULL;
    ret += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    ret += HPDF_Dict_AddName(desc, "FontName", base);
    ret += HPDF_Dict_AddNumber(desc, "Flags", (HPDF_INT32)def->flags);
    ret += HPDF_Dict_Add(desc, "FontBBox", HPDF_Box_Array_New(mm, def->font_bbox));
    ret += HPDF_Dict_AddNumber(desc, "ItalicAngle", def->italic_angle);
    ret += HPDF_Dict_AddNumber(desc, "Ascent", def->ascent);
    ret += HPDF_Dict_AddNumber(desc, "Descent", def->descent);
    /* a CFF face's stand-in has no outlines to measure H and x on */
    ret += HPDF_Dict_AddNumber(desc, "CapHeight", def->cap_height ? def->cap_height
                                                                  : def->ascent);
    if (def->x_height)
        ret += HPDF_Dict_AddNumber(desc, "XHeight", def->x_height);
    ret += HPDF_Dict_AddNumber(desc, "StemV", def->stemv ? def->stemv : 80);
    ret += HPDF_Dict_Add(desc, cff ? "FontFile3" : "FontFile2", ff);
    return ret == HPDF_OK ? desc : NULL;
}

/* << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> into d under
 * key. */
static HPDF_STATUS
S_identity_info(HPDF_MMgr mm, HPDF_Dict d, const char *key)
{
    HPDF_Dict info = HPDF_Dict_New(mm);
    HPDF_STATUS ret;

    if (!info)
        return HPDF_FAILD_TO_ALLOC_MEM;
    if ((ret = HPDF_Dict_Add(d, key, info)) != HPDF_OK)    /* it freed info */
        return ret;
    ret += HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    ret += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    ret += HPDF_Dict_AddNumber(info, "Supplement", 0);
    return ret;
}

/* A new CIDFont over desc, its widths not yet given: CIDFontType0 for a
 * CFF face, else CIDFontType2.  NULL when out of memory. */
static HPDF_Dict
S_cid_head(S_writer *w, int cff, const char *base, HPDF_Dict desc)
{
    HPDF_MMgr mm = w->pdf->mmgr;
    HPDF_Dict cid = HPDF_Dict_New(mm);
    HPDF_STATUS ret = HPDF_OK;

    if (!cid || HPDF_Xref_Add(w->pdf->xref, cid) != HPDF_OK)
        return NULL;
    ret += HPDF_Dict_AddName(cid, "Type", "Font");
    ret += HPDF_Dict_AddName(cid, "Subtype", cff ? "CIDFontType0" : "CIDFontType2");
    ret += HPDF_Dict_AddName(cid, "BaseFont", base);
    ret += S_identity_info(mm, cid, "CIDSystemInfo");
    ret += HPDF_Dict_Add(cid, "FontDescriptor", desc);
    return ret == HPDF_OK ? cid : NULL;
}

/* The CIDFont over desc: CIDFontType0 with /W by the CIDs ids[i] for a CFF
 * face; CIDFontType2 with /W by code and a CIDToGIDMap from the codes (the
 * Unicode values, up to the highest one used) to the glyphs ids[i] for a
 * TrueType face.  NULL when out of memory. */
static HPDF_Dict
S_font_cid(S_writer *w, const S_font *f, int cff, const uint16_t *ids, const char *base,
           HPDF_Dict desc)
{
    HPDF_Dict cid = S_cid_head(w, cff, base, desc), map;
    HPDF_STATUS ret;
    size_t i, len;
    unsigned char *m;

    if (!cid)
        return NULL;
    if (cff)
        return S_widths(w, f, cid, ids) == HPDF_OK ? cid : NULL;
    len = f->n ? 2 * ((size_t)f->cps[f->n - 1] + 1) : 2;
    m = gw_xcalloc(len, 1);
    for (i = 0; i < f->n; i++) {
        m[2 * f->cps[i]] = (unsigned char)(ids[i] >> 8);
        m[2 * f->cps[i] + 1] = (unsigned char)ids[i];
    }
    map = S_flate_object(w, m, len);
    free(m);
    if (!map)
        return NULL;
    ret = S_widths(w, f, cid, NULL);
    ret += HPDF_Dict_Add(cid, "CIDToGIDMap", map);
    return ret == HPDF_OK ? cid : NULL;
}

/* Fills the Type0 font t0 over cid with the encoding enc (NULL:
 * Identity-H) and the ToUnicode map tu.  HPDF_OK or libharu's error. */
static HPDF_STATUS
S_type0_fill(HPDF_MMgr mm, HPDF_Dict t0, const char *base, HPDF_Dict enc, HPDF_Dict cid,
             HPDF_Dict tu)
{
    HPDF_Array kids = HPDF_Array_New(mm);
    HPDF_STATUS ret = HPDF_OK;

    if (!kids)
        return HPDF_FAILD_TO_ALLOC_MEM;
    ret += HPDF_Array_Add(kids, cid);
    ret += HPDF_Dict_AddName(t0, "Type", "Font");
    ret += HPDF_Dict_AddName(t0, "Subtype", "Type0");
    ret += HPDF_Dict_AddName(t0, "BaseFont", base);
    if (enc)
        ret += HPDF_Dict_Add(t0, "Encoding", enc);
    else
        ret += HPDF_Dict_AddName(t0, "Encoding", "Identity-H");
    ret += HPDF_Dict_Add(t0, "DescendantFonts", kids);
    ret += HPDF_Dict_Add(t0, "ToUnicode", tu);
    return ret;
}

/* The Type0 font the pages name (f->obj) over cid: Identity-H for a
 * TrueType face, for a CFF face an embedded CMap from the codes to the
 * CIDs ids[i] (S_encoding_cmap); a ToUnicode map either way.  With its
 * half-width variant (f->half), the same font over a CIDFont of desc
 * whose every glyph is half an em wide (/DW 500, no /W), sharing the
 * encoding, the ToUnicode map and cid's CIDToGIDMap.  HPDF_OK or
 * libharu's error. */
static HPDF_STATUS
S_font_type0(S_writer *w, const S_font *f, int cff, const uint16_t *ids, const char *base,
             HPDF_Dict desc, HPDF_Dict cid)
{
    HPDF_MMgr mm = w->pdf->mmgr;
    HPDF_Dict enc = NULL, tu, h;
    HPDF_STATUS ret = HPDF_OK;
    char cmap_name[HPDF_LIMIT_MAX_NAME_LEN + 16];
    gw_buf cm;

    gw_buf_init(&cm);
    if (cff) {
        snprintf(cmap_name, sizeof cmap_name, "%s-UCS2-GW", base);
        S_encoding_cmap(f, cmap_name, ids, &cm);
        enc = S_flate_object(w, cm.ptr, cm.len);
        if (enc) {
            ret += HPDF_Dict_AddName(enc, "Type", "CMap");
            ret += HPDF_Dict_AddName(enc, "CMapName", cmap_name);
            ret += S_identity_info(mm, enc, "CIDSystemInfo");
        }
        gw_buf_clear(&cm);
    }
    S_tounicode_cmap(f, &cm);
    tu = S_flate_object(w, cm.ptr, cm.len);
    gw_buf_free(&cm);
    if ((cff && !enc) || !tu || ret != HPDF_OK)
        return HPDF_FAILD_TO_ALLOC_MEM;
    ret = S_type0_fill(mm, f->obj, base, enc, cid, tu);
    if (ret != HPDF_OK || !f->half)
        return ret;
    if (!(h = S_cid_head(w, cff, base, desc)))
        return HPDF_FAILD_TO_ALLOC_MEM;
    ret += HPDF_Dict_AddNumber(h, "DW", 500);
    if (!cff)
        ret += HPDF_Dict_Add(h, "CIDToGIDMap",
                             HPDF_Dict_GetItem(cid, "CIDToGIDMap", HPDF_OCLASS_DICT));
    return ret == HPDF_OK ? S_type0_fill(mm, f->half, base, enc, h, tu) : ret;
}

/* At the end, face k subset to the characters its pages drew and written
 * into the Type0 font they name (PDF 32000-1 9.7): the CIDFont, its
 * descriptor and program, /W and a ToUnicode map, and
 *   - a glyf face: a CIDFontType2 over the program (FontFile2), Identity-H
 *     codes = CIDs = the Unicode values, and a CIDToGIDMap from them to
 *     the subset's glyphs;
 *   - a CFF face: a CIDFontType0 over the CFF program (FontFile3
 *     /CIDFontType0C for a CID-keyed one, /OpenType for a name-keyed one,
 *     whose CIDs are glyph indices) and an embedded CMap from the codes to
 *     the program's CIDs as the Type0 font's encoding.
 * The content streams are written before any of this (their codes do not
 * depend on the subset), so every page is drawn once.  0, or GW_EDEP with
 * err set, naming the font. */
static int
S_font_finish(S_writer *w, size_t k, gw_err *err)
{
    S_font *f = &w->fonts[k];
    HPDF_FontDef def = NULL;
    HPDF_Dict ff, desc, cid;
    gw_buf data, prog;
    uint16_t *ids;          /* subset glyphs (TrueType) or CIDs (CFF) of f->cps */
    int cff = gw_face_is_cff(f->face), cid_keyed = 0, rc;
    char base[HPDF_LIMIT_MAX_NAME_LEN + 1];

    gw_buf_init(&data);
    gw_buf_init(&prog);
    S_font_cps(f);
    ids = gw_xmalloc((f->n ? f->n : 1) * sizeof *ids);
    rc = cff ? gw_face_subset_cff(f->face, f->cps, f->n, &data, &prog, ids, &cid_keyed, err)
             : gw_face_subset(f->face, f->cps, f->n, &data, ids, err);
    if (rc == 0)
        rc = S_font_metrics(w, k, &data, &def, base, err);
    if (rc == 0 && (!(ff = S_font_program(w, cff, cid_keyed, &data, &prog)) ||
                    !(desc = S_font_descriptor(w, def, base, cff, ff)) ||
                    !(cid = S_font_cid(w, f, cff, ids, base, desc)) ||
                    S_font_type0(w, f, cff, ids, base, desc, cid) != HPDF_OK)) {
        rc = S_check(w, err, "embedding a font");
        if (!rc)
            rc = gw_err_set(err, GW_EDEP, "libharu: cannot embed a font");
    }
    if (rc)
        gw_err_prefix(err, "font %s (index %u, %zu characters)", gw_face_file(f->face),
                      gw_face_index(f->face), f->n);
    else
        gw_debugf("pdf: font %s (index %u) subset to %zu characters, %s%s, %zu bytes",
                  gw_face_file(f->face), gw_face_index(f->face), f->n,
                  cff ? "CFF " : "TrueType", cff ? (cid_keyed ? "CID-keyed" : "name-keyed") : "",
                  prog.len);
    if (def)
        HPDF_FontDef_Free(def);
    HPDF_ResetError(w->pdf);
    w->haru.set = 0;
    free(ids);
    gw_buf_free(&data);
    gw_buf_free(&prog);
    return rc;
}

/* ------------------------------------------------------------------ state */

/* A coordinate for the content stream, to 1/1000 pt (far below what print
 * or screen shows, and below what pdftotext -bbox reports to tests):
 * libharu writes up to five decimals of a float, mostly noise, and the
 * digits are a good part of the page content.  Character spacing and
 * scaling keep full precision, as their error would add up along a line. */
static HPDF_REAL
S_c(double v)
{
    return (HPDF_REAL)(round(v * 1000) / 1000);
}

static int
S_same(double a, double b)
{
    return fabs(a - b) < 1e-6;
}

static void
S_end_text(HPDF_Page pg, S_state *st)
{
    if (st->in_text) {
        HPDF_Page_EndText(pg);
        st->in_text = 0;
    }
}

/* libharu refuses components outside 0..1 (and NaN): clamp them. */
static gw_color
S_clamp(gw_color c)
{
    c.r = c.r >= 0 ? (c.r <= 1 ? c.r : 1) : 0;
    c.g = c.g >= 0 ? (c.g <= 1 ? c.g : 1) : 0;
    c.b = c.b >= 0 ? (c.b <= 1 ? c.b : 1) : 0;
    return c;
}

/* Sets a colour unless cur (the last one set, when *have) is the same;
 * set is HPDF_Page_SetRGBFill or HPDF_Page_SetRGBStroke. */
static void
S_set_rgb(HPDF_Page pg, double cur[3], int *have, gw_color c,
          HPDF_STATUS (*set)(HPDF_Page, HPDF_REAL, HPDF_REAL, HPDF_REAL))
{
    c = S_clamp(c);
    if (*have && S_same(cur[0], c.r) && S_same(cur[1], c.g) && S_same(cur[2], c.b))
        return;
    set(pg, c.r, c.g, c.b);
    cur[0] = c.r;
    cur[1] = c.g;
    cur[2] = c.b;
    *have = 1;
}

static void
S_set_fill(HPDF_Page pg, S_state *st, gw_color c)
{
    S_set_rgb(pg, st->fill, &st->have_fill, c, HPDF_Page_SetRGBFill);
}

static void
S_set_stroke(HPDF_Page pg, S_state *st, gw_color c)
{
    S_set_rgb(pg, st->stroke, &st->have_stroke, c, HPDF_Page_SetRGBStroke);
}

static void
S_set_lw(HPDF_Page pg, S_state *st, double lw)
{
    if (st->have_lw && S_same(st->lw, lw))
        return;
    HPDF_Page_SetLineWidth(pg, (HPDF_REAL)lw);
    st->lw = lw;
    st->have_lw = 1;
}

/* ------------------------------------------------------------------- text */

/* "/Fn size Tf": f named in the page's resources as libharu names a font
 * (F1, F2, ... in the order the page uses them).  The fonts are not
 * libharu's (S_font_use), so the operators are written here. */
static int
S_set_font(S_writer *w, HPDF_Page pg, HPDF_Dict font, double size, gw_err *err)
{
    HPDF_Stream s = ((HPDF_PageAttr)pg->attr)->stream;
    const char *name = HPDF_Page_GetLocalFontName(pg, (HPDF_Font)font);

    if (!name || HPDF_Stream_WriteEscapeName(s, name) != HPDF_OK ||
        HPDF_Stream_WriteChar(s, ' ') != HPDF_OK ||
        HPDF_Stream_WriteReal(s, (HPDF_REAL)size) != HPDF_OK ||
        HPDF_Stream_WriteStr(s, " Tf\012") != HPDF_OK) {
        int rc = S_check(w, err, "setting a font");
        return rc ? rc : gw_err_set(err, GW_EDEP, "libharu: out of memory setting a font");
    }
    return 0;
}

/* "<codes> Tj" for the n characters cps: each code is the character's
 * Unicode value in two bytes (the fonts' encodings map it, S_font_finish). */
static int
S_show(HPDF_Page pg, const uint32_t *cps, size_t n, gw_err *err)
{
    static const char hex[] = "0123456789abcdef";
    HPDF_Stream s = ((HPDF_PageAttr)pg->attr)->stream;
    char buf[4 * 64 + 8];
    size_t i, k = 0;
    HPDF_STATUS ret = HPDF_OK;

    buf[k++] = '<';
    for (i = 0; i < n && ret == HPDF_OK; i++) {
        buf[k++] = hex[cps[i] >> 12 & 15];
        buf[k++] = hex[cps[i] >> 8 & 15];
        buf[k++] = hex[cps[i] >> 4 & 15];
        buf[k++] = hex[cps[i] & 15];
        if (k >= 4 * 64) {
            ret = HPDF_Stream_Write(s, (const HPDF_BYTE *)buf, (HPDF_UINT)k);
            k = 0;
        }
    }
    memcpy(buf + k, "> Tj\012", 5);
    k += 5;
    if (ret == HPDF_OK)
        ret = HPDF_Stream_Write(s, (const HPDF_BYTE *)buf, (HPDF_UINT)k);
    return ret == HPDF_OK ? 0 : gw_err_set(err, GW_EDEP, "libharu: out of memory writing text");
}

/* Draws one text item.  Consecutive characters whose distance is their
 * advance plus one constant go into one string with that character spacing
 * (Tc), so pdftotext sees one word and injects no spaces; elsewhere a new
 * text matrix starts a new string at the exact x. */
static int
S_text(S_writer *w, HPDF_Page pg, S_state *st, double ph, const gw_item *it,
       size_t pageno, gw_err *err)
{
    S_font *f;
    uint32_t stack_cps[256];
    size_t stack_off[257];
    uint32_t *cps = stack_cps;
    size_t *offs = stack_off;
    double th = it->hscale > 0 ? it->hscale : 1.0;
    double y = ph - it->y;
    size_t n = 0, off = 0, i, j;
    int tr = it->fake_bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL;
    char snip[72];
    double rcos = 1, rsin = 0;
    int rc = 0;

    if (it->n == 0 || it->len == 0)
        goto out;
    if (!it->face) {
        rc = gw_err_set(err, GW_EINPUT, "PDF page %zu: a text run without a font", pageno + 1);
        goto out;
    }
    if (!(f = S_font_use(w, it->face, err))) {
        rc = err->code ? err->code : GW_EDEP;
        goto out;
    }
    /* the text matrix turns the run about its origin (x, y); PDF angles are
     * counter-clockwise with y up, as the page is seen */
    switch (it->angle) {
    case 0:   rcos = 1;  rsin = 0;  break;
    case 90:  rcos = 0;  rsin = 1;  break;
    case 180: rcos = -1; rsin = 0;  break;
    case 270: rcos = 0;  rsin = -1; break;
    default:
        rc = gw_err_set(err, GW_EINPUT, "PDF page %zu: text \"%s\" is turned by %d degrees "
                        "(allowed: 0, 90, 180, 270)", pageno + 1, S_snip(it->utf8, snip),
                        it->angle);
        goto out;
    }
    if (!isfinite(it->x)) {
        rc = gw_err_set(err, GW_EINPUT, "PDF page %zu: text \"%s\": its origin is not a number",
                        pageno + 1, S_snip(it->utf8, snip));
        goto out;
    }
    if (!(it->size > 0 && it->size <= 1000) || !(th >= 0.1 && th <= 10) || !isfinite(it->y)
        || !(it->wlast >= 0 && it->wlast <= 10 * it->size)) {
        rc = gw_err_set(err, GW_EINPUT,
                        "PDF page %zu: text \"%s\" has size %g pt, horizontal scale %g, "
                        "baseline %g, last box %g pt (allowed: 0 < size <= 1000, "
                        "0.1 <= scale <= 10, 0 <= last box <= 10 sizes)",
                        pageno + 1, S_snip(it->utf8, snip), it->size, th, it->y, it->wlast);
        goto out;
    }
    for (i = 0; i < it->n; i++)
        if (!isfinite(it->xs[i])) {
            rc = gw_err_set(err, GW_EINPUT, "PDF page %zu: text \"%s\": position %zu is not a number",
                            pageno + 1, S_snip(it->utf8, snip), i + 1);
            goto out;
        }
    if (it->n > 256) {
        cps = gw_xmalloc(it->n * sizeof *cps);
        offs = gw_xmalloc((it->n + 1) * sizeof *offs);
    }
    while (off < it->len && n < it->n) {
        uint32_t cp;
        int l = gw_utf8_decode(it->utf8 + off, it->len - off, &cp);
        if (l < 0) {
            rc = gw_err_set(err, GW_EINPUT, "PDF page %zu: invalid UTF-8 in text \"%s\" at "
                            "byte %zu", pageno + 1, S_snip(it->utf8, snip), off);
            goto out;
        }
        if (cp > 0xFFFF) {
            /* the codes in the content streams are 16-bit */
            rc = gw_err_set(err, GW_EINPUT, "PDF page %zu: character U+%04X in \"%s\" is "
                            "outside the Basic Multilingual Plane, which this writer cannot "
                            "write", pageno + 1, (unsigned)cp, S_snip(it->utf8, snip));
            goto out;
        }
        offs[n] = off;
        cps[n++] = cp;
        off += (size_t)l;
    }
    offs[n] = off;
    if (n != it->n || off != it->len) {
        while (off < it->len) {     /* count the rest for the message */
            uint32_t cp;
            int l = gw_utf8_decode(it->utf8 + off, it->len - off, &cp);
            if (l < 0)
                break;
            off += (size_t)l;
            n++;
        }
        rc = gw_err_set(err, GW_EINPUT,
                        "PDF page %zu: text \"%s\" has %zu characters but %zu positions",
                        pageno + 1, S_snip(it->utf8, snip), n, it->n);
        goto out;
    }
    for (i = 0; i < n; i++)
        f->seen[cps[i] >> 6] |= (uint64_t)1 << (cps[i] & 63);

    if (!st->in_text) {
        HPDF_Page_BeginText(pg);
        st->in_text = 1;
    }
    if (it->wlast > 0 && !S_font_half(w, f, err)) {
        rc = err->code ? err->code : GW_EDEP;
        goto out;
    }
    if (st->font != f->obj || !S_same(st->size, it->size)) {
        if ((rc = S_set_font(w, pg, f->obj, it->size, err)) != 0)
            goto out;
        st->font = f->obj;
        st->size = it->size;
    }
    S_set_fill(pg, st, it->fill);
    if (!S_same(st->tz, th * 100)) {
        HPDF_Page_SetHorizontalScalling(pg, (HPDF_REAL)(th * 100));
        st->tz = th * 100;
    }
    if (st->tr != tr) {
        HPDF_Page_SetTextRenderingMode(pg, (HPDF_TextRenderingMode)tr);
        st->tr = tr;
    }
    if (it->fake_bold) {
        S_set_stroke(pg, st, it->fill);
        S_set_lw(pg, st, it->size / 30);
    }

    for (i = 0; i < n; i = j) {
        /* the spacing of the first pair sets the run's Tc; the run goes on
         * while every pair keeps it.  PDF: tx = (w0 * Tfs + Tc) * Th.  A
         * trimmed last mark (wlast) is a string of its own in the face's
         * half-width variant: its glyph whole, its box (what pdftotext and
         * readers measure) half an em.  Character spacing would not do:
         * extraction leaves it out of the box. */
        double tc = 0, adv = gw_face_advance(it->face, cps[i], it->size);
        size_t end = it->wlast > 0 && n > 1 ? n - 1 : n;
        j = i + 1;
        if (i + 1 == n && it->wlast > 0) {
            if ((rc = S_set_font(w, pg, f->half, it->size, err)) != 0)
                goto out;
            st->font = f->half;
        } else if (j < end) {
            tc = (it->xs[j] - it->xs[i]) / th - adv;
            while (j < end) {
                double d = (it->xs[j] - it->xs[j - 1]) / th -
                           gw_face_advance(it->face, cps[j - 1], it->size);
                if (fabs(d - tc) > 0.01)
                    break;
                j++;
            }
        }
        if (j == i + 1)
            tc = st->tc;        /* a single character: Tc does not move it */
        if (!S_same(tc, st->tc)) {
            HPDF_Page_SetCharSpace(pg, (HPDF_REAL)tc);
            st->tc = tc;
        }
        if (it->angle == 0) {
            HPDF_Page_SetTextMatrix(pg, 1, 0, 0, 1, S_c(it->xs[i]), S_c(y));
        } else {
            double u = it->xs[i] - it->x;   /* along the baseline from the origin */
            HPDF_Page_SetTextMatrix(pg, (HPDF_REAL)rcos, (HPDF_REAL)rsin, (HPDF_REAL)-rsin,
                                    (HPDF_REAL)rcos, S_c(it->x + u * rcos),
                                    S_c(y + u * rsin));
        }
        if ((rc = S_show(pg, cps + i, j - i, err)) != 0)
            goto out;
    }
    rc = S_check(w, err, "drawing text");
    if (rc)
        gw_err_prefix(err, "PDF page %zu, text \"%s\"", pageno + 1, S_snip(it->utf8, snip));

out:
    if (cps != stack_cps)
        free(cps);
    if (offs != stack_off)
        free(offs);
    return rc;
}

/* ------------------------------------------------------------- graphics */

static HPDF_ExtGState
S_alpha_gs(S_writer *w, double a)
{
    size_t i;
    a = round(a * 100) / 100;
    for (i = 0; i < w->nalphas; i++)
        if (S_same(w->alphas[i].a, a))
            return w->alphas[i].gs;
    if (w->nalphas == S_MAX_ALPHAS)
        return NULL;
    w->alphas[w->nalphas].a = a;
    w->alphas[w->nalphas].gs = HPDF_CreateExtGState(w->pdf);
    HPDF_ExtGState_SetAlphaFill(w->alphas[w->nalphas].gs, (HPDF_REAL)a);
    HPDF_ExtGState_SetAlphaStroke(w->alphas[w->nalphas].gs, (HPDF_REAL)a);
    return w->alphas[w->nalphas++].gs;
}

/* Sets the colours and width a path will be painted with; must come before
 * the path is built (colour operators are not allowed inside a path). */
static void
S_paint_setup(HPDF_Page pg, S_state *st, gw_color fill, gw_color stroke, double width)
{
    if (!fill.none)
        S_set_fill(pg, st, fill);
    if (!stroke.none && width > 0) {
        S_set_stroke(pg, st, stroke);
        S_set_lw(pg, st, width);
    }
}

/* Fills and/or strokes the path just built, or ends it unpainted. */
static void
S_paint(HPDF_Page pg, gw_color fill, gw_color stroke, double width)
{
    int f = !fill.none, s = !stroke.none && width > 0;
    if (f && s)
        HPDF_Page_FillStroke(pg);
    else if (f)
        HPDF_Page_Fill(pg);
    else if (s)
        HPDF_Page_Stroke(pg);
    else
        HPDF_Page_EndPath(pg);
}

static int
S_path(S_writer *w, HPDF_Page pg, S_state *st, double ph, const gw_item *it,
       size_t pageno, gw_err *err)
{
    HPDF_ExtGState gs = NULL;
    int started = 0;
    size_t i;

    if (it->nops == 0 || (it->fill.none && (it->stroke.none || it->width <= 0)))
        return 0;
    if (it->opacity <= 0)
        return 0;
    for (i = 0; i < it->nops; i++)
        if (!strchr("MLCZ", it->ops[i].op) || !it->ops[i].op)
            return gw_err_set(err, GW_EINPUT,
                              "PDF page %zu: path operation %zu is '%c', not M, L, C or Z",
                              pageno + 1, i + 1, it->ops[i].op ? it->ops[i].op : '?');
    if (it->opacity < 1) {
        gs = S_alpha_gs(w, it->opacity);
        /* the ExtGState is scoped with q/Q; Q restores colours and widths */
        HPDF_Page_GSave(pg);
        if (gs)
            HPDF_Page_SetExtGState(pg, gs);
    }
    S_paint_setup(pg, st, it->fill, it->stroke, it->width);
    for (i = 0; i < it->nops; i++) {
        const gw_path_op *op = &it->ops[i];
        switch (op->op) {
        case 'M':
            HPDF_Page_MoveTo(pg, S_c(op->x1), S_c(ph - op->y1));
            started = 1;
            break;
        case 'L':
            if (!started)
                HPDF_Page_MoveTo(pg, S_c(op->x1), S_c(ph - op->y1));
            else
                HPDF_Page_LineTo(pg, S_c(op->x1), S_c(ph - op->y1));
            started = 1;
            break;
        case 'C':
            if (!started)
                HPDF_Page_MoveTo(pg, S_c(op->x1), S_c(ph - op->y1));
            HPDF_Page_CurveTo(pg, S_c(op->x1), S_c(ph - op->y1),
                              S_c(op->x2), S_c(ph - op->y2),
                              S_c(op->x3), S_c(ph - op->y3));
            started = 1;
            break;
        case 'Z':
            if (started)
                HPDF_Page_ClosePath(pg);
            break;
        default:
            break;          /* rejected above */
        }
    }
    if (started)
        S_paint(pg, it->fill, it->stroke, it->width);
    if (it->opacity < 1) {
        HPDF_Page_GRestore(pg);
        st->have_fill = st->have_stroke = st->have_lw = 0;
    }
    return 0;
}

/* The image of it->path as a libharu image, made once per file.  The file
 * is decoded and checked by image.c; libharu only ever gets those pixels,
 * never the file (its PNG loader let libpng abort() on a damaged file). */
static int
S_load_image(S_writer *w, const gw_item *it, size_t pageno, HPDF_Image *out, gw_err *err)
{
    gw_image *pix = NULL;
    const unsigned char *color, *alpha, *jpeg;
    size_t jlen;
    HPDF_Image img = NULL, mask = NULL;
    uint32_t pw, ph;
    int ch, rc;

    for (size_t i = 0; i < w->nimages; i++)
        if (strcmp(w->images[i].path, it->path) == 0) {
            *out = w->images[i].img;
            return 0;
        }
    if (w->nimages == S_MAX_IMAGES)
        return gw_err_set(err, GW_EINPUT, "PDF: more than %d images in one document",
                          S_MAX_IMAGES);
    rc = gw_image_load(it->path, GW_IMAGE_PIXELS, &pix, err);
    if (rc < 0)
        goto out;
    gw_image_pixels(pix, &pw, &ph);
    color = gw_image_color(pix, &ch);
    alpha = gw_image_alpha(pix);
    jpeg = gw_image_jpeg(pix, &jlen);
    if (jpeg)
        /* checked by image.c (markers, frame header, caps, EOI); the DCT
         * data goes in as it is */
        img = HPDF_LoadJpegImageFromMem(w->pdf, jpeg, (HPDF_UINT)jlen);
    else
        img = HPDF_LoadRawImageFromMem(w->pdf, color, pw, ph,
                                       ch == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
    /* PDF 1.4 soft mask: the alpha channel as a grey image of the same size */
    if (img && alpha) {
        mask = HPDF_LoadRawImageFromMem(w->pdf, alpha, pw, ph, HPDF_CS_DEVICE_GRAY, 8);
        if (mask)
            HPDF_Image_AddSMask(img, mask);
    }
    rc = S_check(w, err, "embedding an image");
    if (rc == 0 && (!img || (alpha && !mask)))
        rc = gw_err_set(err, GW_EDEP, "libharu: cannot embed the image");
    if (rc < 0)
        goto out;
    /* a copy: it->path lives in the page, which goes when it is written */
    w->images[w->nimages].path = gw_xstrdup(it->path);
    w->images[w->nimages++].img = img;
    *out = img;
out:
    gw_image_free(pix);
    if (rc < 0)
        gw_err_prefix(err, "PDF page %zu", pageno + 1);
    return rc;
}

static int
S_image(S_writer *w, HPDF_Page pg, double ph, const gw_item *it, size_t pageno, gw_err *err)
{
    HPDF_Image img = NULL;
    int rc = S_load_image(w, it, pageno, &img, err);
    if (rc < 0)
        return rc;
    HPDF_Page_DrawImage(pg, img, S_c(it->x), S_c(ph - it->y - it->h),
                        S_c(it->w), S_c(it->h));
    return 0;
}

/* Room for page i (0-based) in the per-page arrays. */
static void
S_room(S_writer *w, size_t i)
{
    size_t cap = w->cap ? w->cap : 64;

    if (i < w->cap)
        return;
    while (cap <= i)
        cap *= 2;
    w->sizes = gw_xrealloc(w->sizes, cap * sizeof *w->sizes);
    w->pages = gw_xrealloc(w->pages, cap * sizeof *w->pages);
    w->spans = gw_xrealloc(w->spans, cap * sizeof *w->spans);
    memset(w->sizes + w->cap, 0, (cap - w->cap) * sizeof *w->sizes);
    memset(w->pages + w->cap, 0, (cap - w->cap) * sizeof *w->pages);
    memset(w->spans + w->cap, 0, (cap - w->cap) * sizeof *w->spans);
    w->cap = cap;
}

/* Makes the page objects up to page i (0-based), in page order, so that
 * their numbers in the file do not depend on the order of writing; each
 * gets its size when it is written.  0 or GW_EDEP. */
static int
S_make_pages(S_writer *w, size_t i, gw_err *err)
{
    S_room(w, i);
    for (; w->made <= i; w->made++) {
        HPDF_Page pg;
        /* libharu keeps every page in one /Kids array, and an array holds
         * at most HPDF_LIMIT_MAX_ARRAY (32767) entries.  How many pages
         * will come is not known here, so the first S_PAGES_FLAT pages are
         * the root's kids, as in any shorter document, and each further
         * S_PAGES_FLAT go under a /Pages node of their own beside them
         * (what HPDF_SetPagesConfiguration does, which libharu allows only
         * before the first page): the tree depends only on the number of
         * pages, not on who wrote them. */
        if (w->made == S_PAGES_FLAT && w->pdf->page_per_pages == 0) {
            w->pdf->page_per_pages = S_PAGES_FLAT;
            w->pdf->cur_page_num = S_PAGES_FLAT;
        }
        pg = HPDF_AddPage(w->pdf);
        if (!pg)
            return S_check(w, err, "adding pages");
        w->pages[w->made] = pg;
    }
    return S_check(w, err, "adding pages");
}

/* The top of a FitH destination at y (top-left coordinates) on a page ph
 * high. */
static HPDF_REAL
S_fit_top(double y, double ph)
{
    return (HPDF_REAL)(y < 0 ? ph : y > ph ? 0 : ph - y);
}

/* A destination showing page i with y (top-left coordinates) at the top,
 * fitted to the window width (libharu's XYZ refuses zoom 0, "keep zoom").
 * A page not yet written gets its top when it is (S_fix_links). */
static HPDF_Destination
S_dest(S_writer *w, size_t i, double y)
{
    HPDF_Destination d = HPDF_Page_CreateDestination(w->pages[i]);

    if (d && w->sizes[i].put) {
        HPDF_Destination_SetFitH(d, S_fit_top(y, w->sizes[i].h));
    } else if (d) {
        HPDF_Destination_SetFitH(d, 0);
        if (w->nfwd == w->fwdcap) {
            w->fwdcap = w->fwdcap ? 2 * w->fwdcap : 16;
            w->fwd = gw_xrealloc(w->fwd, w->fwdcap * sizeof *w->fwd);
        }
        w->fwd[w->nfwd].d = d;
        w->fwd[w->nfwd].page = i;
        w->fwd[w->nfwd++].y = y;
    }
    return d;
}

/* At the end: the links to pages written after them get their tops. */
static int
S_fix_links(S_writer *w, gw_err *err)
{
    size_t k;

    if (w->link_to > 0 && w->link_to - 1 >= w->np)
        return gw_err_set(err, GW_EINPUT, "PDF page %zu: link to page %zu of %zu",
                          w->link_from, w->link_to, w->np);
    for (k = 0; k < w->nfwd; k++)
        HPDF_Destination_SetFitH(w->fwd[k].d,
                                 S_fit_top(w->fwd[k].y, w->sizes[w->fwd[k].page].h));
    return S_check(w, err, "adding a link");
}

static int
S_link(S_writer *w, HPDF_Page pg, double ph, const gw_item *it, size_t pageno, gw_err *err)
{
    HPDF_Rect r;
    HPDF_Annotation a;
    HPDF_Destination d;
    int rc;

    /* whether the page exists is known at the end (S_fix_links) */
    if (it->dest_page >= S_MAX_PAGES)
        return gw_err_set(err, GW_EINPUT, "PDF page %zu: link to page %zu, past the cap of %d "
                          "pages", pageno + 1, it->dest_page + 1, S_MAX_PAGES);
    if (it->dest_page + 1 > w->link_to) {
        w->link_to = it->dest_page + 1;
        w->link_from = pageno + 1;
    }
    r.left = (HPDF_REAL)it->x;
    r.right = (HPDF_REAL)(it->x + it->w);
    r.top = (HPDF_REAL)(ph - it->y);
    r.bottom = (HPDF_REAL)(ph - it->y - it->h);
    if ((rc = S_make_pages(w, it->dest_page, err)) != 0)
        return rc;
    d = S_dest(w, it->dest_page, it->dest_y);
    a = d ? HPDF_Page_CreateLinkAnnot(pg, r, d) : NULL;
    if (a)
        HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    return S_check(w, err, "adding a link");
}

/* ------------------------------------------------------------------ pages */

/* Whether every coordinate of a non-text item is a finite number (libharu
 * would write "nan" into the content stream). */
static int
S_item_finite(const gw_item *it)
{
    size_t i;
    if (!isfinite(it->x) || !isfinite(it->y) || !isfinite(it->w) || !isfinite(it->h) ||
        !isfinite(it->width) || !isfinite(it->opacity))
        return 0;
    for (i = 0; it->kind == GW_ITEM_PATH && i < it->nops; i++) {
        const gw_path_op *o = &it->ops[i];
        if (!isfinite(o->x1) || !isfinite(o->y1) || !isfinite(o->x2) || !isfinite(o->y2) ||
            !isfinite(o->x3) || !isfinite(o->y3))
            return 0;
    }
    return 1;
}

static int
S_page(S_writer *w, const gw_page *p, size_t pi, gw_err *err)
{
    HPDF_Page pg = w->pages[pi];
    S_state st;
    double pw, ph;
    int rot, rc = 0;
    size_t ii;

    memset(&st, 0, sizeof st);
    st.tz = 100;
    st.tr = HPDF_FILL;
    gw_page_size(p, &pw, &ph, &rot);
    for (ii = 0; ii < gw_page_item_count(p); ii++) {
        const gw_item *it = gw_page_item(p, ii);
        if (it->kind != GW_ITEM_TEXT) {
            S_end_text(pg, &st);
            if (!S_item_finite(it)) {
                rc = gw_err_set(err, GW_EINPUT, "PDF page %zu, item %zu: a coordinate is not a number",
                                pi + 1, ii + 1);
                goto out;
            }
        }
        switch (it->kind) {
        case GW_ITEM_TEXT:
            rc = S_text(w, pg, &st, ph, it, pi, err);
            break;
        case GW_ITEM_LINE:
            if (it->stroke.none || it->width <= 0)
                break;
            S_set_stroke(pg, &st, it->stroke);
            S_set_lw(pg, &st, it->width);
            HPDF_Page_MoveTo(pg, S_c(it->x), S_c(ph - it->y));
            HPDF_Page_LineTo(pg, S_c(it->w), S_c(ph - it->h));
            HPDF_Page_Stroke(pg);
            break;
        case GW_ITEM_RECT:
            if (it->fill.none && (it->stroke.none || it->width <= 0))
                break;
            S_paint_setup(pg, &st, it->fill, it->stroke, it->width);
            HPDF_Page_Rectangle(pg, S_c(it->x), S_c(ph - it->y - it->h),
                                S_c(it->w), S_c(it->h));
            S_paint(pg, it->fill, it->stroke, it->width);
            break;
        case GW_ITEM_PATH:
            rc = S_path(w, pg, &st, ph, it, pi, err);
            break;
        case GW_ITEM_IMAGE:
            rc = S_image(w, pg, ph, it, pi, err);
            break;
        case GW_ITEM_LINK:
            rc = S_link(w, pg, ph, it, pi, err);
            break;
        }
        if (!rc && w->haru.set) {
            rc = S_check(w, err, "drawing");
            gw_err_prefix(err, "PDF page %zu, item %zu", pi + 1, ii + 1);
        }
        if (rc)
            goto out;
    }
    S_end_text(pg, &st);
    rc = S_check(w, err, "finishing a page");

out:
    return rc;
}

static int
S_bookmarks(S_writer *w, gw_err *err)
{
    size_t n = gw_doc_bookmark_count(w->meta), np = w->np, i;
    char snip[72];
    if (n == 0)
        return 0;
    w->outlines = gw_xcalloc(n, sizeof *w->outlines);
    for (i = 0; i < n; i++) {
        const gw_bookmark *b = gw_doc_bookmark(w->meta, i);
        HPDF_Outline parent = NULL;
        HPDF_Destination d;
        /* parents come first (ids are handed out in order), so no recursion
         * and no cycles */
        if (b->parent >= (int)i || b->parent < -1)
            return gw_err_set(err, GW_EINPUT, "PDF bookmark %zu \"%s\": bad parent %d", i + 1,
                              S_snip(b->title, snip), b->parent);
        if (b->page >= np)
            return gw_err_set(err, GW_EINPUT, "PDF bookmark %zu \"%s\": page %zu of %zu",
                              i + 1, S_snip(b->title, snip), b->page + 1, np);
        if (gw_utf8_validate(b->title, strlen(b->title)) >= 0)
            return gw_err_set(err, GW_EINPUT, "PDF bookmark %zu: title is not valid UTF-8", i + 1);
        if (b->parent >= 0)
            parent = w->outlines[b->parent];
        w->outlines[i] = HPDF_CreateOutline(w->pdf, parent, b->title, w->utf8);
        if (!w->outlines[i])
            break;
        HPDF_Outline_SetOpened(w->outlines[i], b->parent < 0 ? HPDF_TRUE : HPDF_FALSE);
        d = S_dest(w, b->page, b->y);
        if (d)
            HPDF_Outline_SetDestination(w->outlines[i], d);
    }
    HPDF_SetPageMode(w->pdf, HPDF_PAGE_MODE_USE_OUTLINE);
    return S_check(w, err, "adding bookmarks");
}

/* Title, author, ... (UTF-8: the current encoder must be UTF-8 before
 * HPDF_SetInfoAttr or the strings come out garbled); the creation and
 * modification dates from SOURCE_DATE_EPOCH, else the document's own date
 * (gw:date: the notice's 成文日期, at midnight in China), else none, so that
 * the same document always gives the same bytes; /Lang in the catalog from
 * xml:lang (PDF 32000-1 14.9.2: screen readers and text extraction). */
static int
S_info(S_writer *w, gw_err *err)
{
    static const struct { const char *key; HPDF_InfoType type; } keys[] = {
        { "title", HPDF_INFO_TITLE }, { "author", HPDF_INFO_AUTHOR },
        { "subject", HPDF_INFO_SUBJECT }, { "keywords", HPDF_INFO_KEYWORDS },
        { "creator", HPDF_INFO_CREATOR },
    };
    const char *sde = getenv("SOURCE_DATE_EPOCH"), *date, *lang;
    size_t i;

    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *v = gw_doc_info(w->meta, keys[i].key);
        if (keys[i].type == HPDF_INFO_CREATOR && !v)
            v = "gongwen " GW_VERSION;
        if (!v || !*v)
            continue;
        if (gw_utf8_validate(v, strlen(v)) >= 0)
            return gw_err_set(err, GW_EINPUT, "PDF info %s: not valid UTF-8", keys[i].key);
        HPDF_SetInfoAttr(w->pdf, keys[i].type, v);
    }
    if (sde && *sde) {
        char *end = NULL;
        long long t;
        time_t tt;
        struct tm tm;
        HPDF_Date d;
        errno = 0;
        t = strtoll(sde, &end, 10);
        if (errno || *end || t < 0 || t > 253402300799LL)
            return gw_err_set(err, GW_EINPUT,
                              "SOURCE_DATE_EPOCH=%.40s: not a number of seconds since 1970",
                              sde);
        tt = (time_t)t;
        if (!gmtime_r(&tt, &tm))
            return gw_err_set(err, GW_EINPUT, "SOURCE_DATE_EPOCH=%.40s: out of range", sde);
        memset(&d, 0, sizeof d);
        d.year = tm.tm_year + 1900;
        d.month = tm.tm_mon + 1;
        d.day = tm.tm_mday;
        d.hour = tm.tm_hour;
        d.minutes = tm.tm_min;
        d.seconds = tm.tm_sec;
        d.ind = 'Z';
        HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_CREATION_DATE, d);
        HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_MOD_DATE, d);
    } else if ((date = gw_doc_info(w->meta, "date")) != NULL && *date) {
        int y, m, dd;
        char tail;
        HPDF_Date d;
        if (sscanf(date, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3 || y < 1900 || y > 2999 ||
            m < 1 || m > 12 || dd < 1 || dd > 31)
            return gw_err_set(err, GW_EINPUT, "gw:date=\"%.40s\" on fo:root: not a date "
                              "(yyyy-mm-dd)", date);
        memset(&d, 0, sizeof d);
        d.year = y;
        d.month = m;
        d.day = dd;
        d.ind = '+';
        d.off_hour = 8;
        HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_CREATION_DATE, d);
        HPDF_SetInfoDateAttr(w->pdf, HPDF_INFO_MOD_DATE, d);
    }
    if ((lang = gw_doc_info(w->meta, "lang")) != NULL && *lang) {
        HPDF_Dict cat = w->pdf->catalog;
        for (const char *c = lang; *c; c++)
            if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                  (*c >= '0' && *c <= '9') || *c == '-') || c - lang > 34)
                return gw_err_set(err, GW_EINPUT, "xml:lang=\"%.40s\" on fo:root: not a "
                                  "language tag (zh-CN)", lang);
        if (cat)
            HPDF_Dict_Add(cat, "Lang", HPDF_String_New(w->pdf->mmgr, lang, NULL));
    }
    return S_check(w, err, "setting document information");
}

/* libharu's save writes through this (its document stream is made an
 * HPDF_CallbackWriter): the file goes to the output as it is made and is
 * never whole in memory. */
typedef struct S_out {
    gw_file_sink *sink;
    int           rc;           /* the sink's error, err already set */
} S_out;

static HPDF_STATUS
S_out_write(HPDF_Stream st, const HPDF_BYTE *p, HPDF_UINT n)
{
    S_out *o = st->attr;
    if (o->rc == 0)
        o->rc = gw_file_sink_write(o->sink, p, n);
    return o->rc == 0 ? HPDF_OK : HPDF_SetError(st->error, HPDF_FILE_IO_ERROR, 0);
}

static int
S_save_fill(void *ctx, gw_file_sink *sink, gw_err *err)
{
    S_writer *w = ctx;
    S_out o = {sink, 0};
    HPDF_Stream st = HPDF_CallbackWriter_New(w->pdf->mmgr, S_out_write, &o);
    int rc;

    if (!st)
        return gw_err_set(err, GW_EDEP, "libharu: saving: out of memory");
    if (w->pdf->stream)
        HPDF_Stream_Free(w->pdf->stream);
    w->pdf->stream = st;
    HPDF_SaveToStream(w->pdf);
    w->pdf->stream = NULL;
    HPDF_Stream_Free(st);
    if (o.rc)
        return o.rc;
    if (w->spool_errno)
        return gw_err_set(err, GW_EIO, "%s: cannot read page contents back from the "
                          "temporary spool file: %s", w->path, strerror(w->spool_errno));
    rc = S_check(w, err, "saving");
    return rc;
}

/* Saves straight into the output. */
static int
S_save(S_writer *w, gw_err *err)
{
    return gw_file_write_atomic_fill(w->path, S_save_fill, w, err);
}

/* The filter entry libharu itself writes for a stream it compresses, for
 * page contents this file compressed early (S_seal_page): the same bytes
 * either way. */
static HPDF_STATUS
S_write_flate_array(HPDF_Dict obj, HPDF_Stream stream)
{
    (void)obj;
    return HPDF_Stream_WriteStr(stream, "/Filter [ /FlateDecode ]\012");
}

/* Reads (out = 0) or writes n bytes at off of fd, all of them.  0, or -1
 * with errno set (EIO for a file that ends early). */
static int
S_pio(int fd, void *p, size_t n, off_t off, int out)
{
    char *c = p;
    while (n > 0) {
        ssize_t k = out ? pwrite(fd, c, n, off) : pread(fd, c, n, off);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            if (k == 0)
                errno = EIO;
            return -1;
        }
        c += k;
        n -= (size_t)k;
        off += k;
    }
    return 0;
}

/* The spool file's reader, as libharu's stream of a page's content: the
 * save reads each page's deflated bytes back from where S_seal_page put
 * them. */
static HPDF_STATUS
S_spool_read(HPDF_Stream st, HPDF_BYTE *p, HPDF_UINT *n)
{
    S_span *sp = st->attr;
    HPDF_UINT want = *n, left = sp->len - sp->pos;

    *n = 0;
    if (want > left)
        want = left;
    if (want == 0)
        return HPDF_STREAM_EOF;
    if (S_pio(sp->w->spool, p, want, sp->off + sp->pos, 0) < 0) {
        if (!sp->w->spool_errno)
            sp->w->spool_errno = errno ? errno : EIO;
        return HPDF_SetError(st->error, HPDF_FILE_IO_ERROR, 0);
    }
    sp->pos += want;
    *n = want;
    return sp->pos == sp->len ? HPDF_STREAM_EOF : HPDF_OK;
}

static HPDF_STATUS
S_spool_seek(HPDF_Stream st, HPDF_INT pos, HPDF_WhenceMode mode)
{
    S_span *sp = st->attr;
    long long to = mode == HPDF_SEEK_CUR ? (long long)sp->pos + pos
                   : mode == HPDF_SEEK_END ? (long long)sp->len + pos : pos;
    if (to < 0 || to > (long long)sp->len)
        return HPDF_SetError(st->error, HPDF_STREAM_EOF, 0);
    sp->pos = (HPDF_UINT32)to;
    return HPDF_OK;
}

static HPDF_INT32
S_spool_tell(HPDF_Stream st)
{
    return (HPDF_INT32)((S_span *)st->attr)->pos;
}

static HPDF_UINT32
S_spool_size(HPDF_Stream st)
{
    return ((S_span *)st->attr)->len;
}

/* Opens the spool file: unlinked at once, so nothing is left behind
 * whatever happens.  Without one (no writable TMPDIR or /tmp) the contents
 * stay in memory, as before. */
static void
S_spool_open(S_writer *w)
{
    const char *dir = getenv("TMPDIR");
    char *t;
    size_t n;
    int fd;

    if (!dir || !*dir)
        dir = "/tmp";
    n = strlen(dir);
    t = gw_xmalloc(n + 32);
    memcpy(t, dir, n);
    memcpy(t + n, "/gongwen-spool.XXXXXX", 22);
    if ((fd = mkstemp(t)) >= 0)
        unlink(t);
    w->spool = fd;
    free(t);
    w->spool_end = 0;
}

/* Compresses a finished page's content stream now instead of when the
 * document is saved, frees the plain text and, with a spool file, moves the
 * deflated bytes there: a long document then holds no page's drawing.  Left
 * to libharu (compressed at save time, as before) when the page is not
 * in the state libharu expects at the end of a page (its save would then
 * append ET or Q to the stream) or when memory runs out. */
static void
S_seal_page(S_writer *w, HPDF_Page pg, size_t pi)
{
    HPDF_PageAttr a = pg ? (HPDF_PageAttr)pg->attr : NULL;
    HPDF_Dict c = a ? a->contents : NULL;
    HPDF_Stream z = NULL;
    HPDF_BYTE *plain = NULL;
    HPDF_UINT32 size;
    uLongf zn;
    Bytef *zb;

    if (!c || !c->stream || c->write_fn || c->stream != a->stream ||
        c->stream->type != HPDF_STREAM_MEMORY || a->gmode != HPDF_GMODE_PAGE_DESCRIPTION ||
        (a->gstate && a->gstate->prev) || c->filter != HPDF_STREAM_FILTER_FLATE_DECODE)
        return;
    size = HPDF_Stream_Size(c->stream);
    if (size > 0) {
        HPDF_UINT got = (HPDF_UINT)size;
        plain = gw_xmalloc(size);
        if (HPDF_Stream_Seek(c->stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
            HPDF_Stream_Read(c->stream, plain, &got) != HPDF_OK || got != size) {
            w->haru.set = 0;        /* keep libharu's own path */
            HPDF_ResetError(w->pdf);
            free(plain);
            return;
        }
    }
    if ((zb = S_deflate(plain, size, &zn)) != NULL) {
        S_span *sp;
        int spooled = w->spool >= 0 && !w->spool_bad &&
                      S_pio(w->spool, zb, zn, w->spool_end, 1) == 0;
        if (w->spool >= 0 && !spooled)
            w->spool_bad = 1;       /* a full disk: this page and the rest in memory */
        if (spooled) {
            sp = w->spans[pi] = gw_xcalloc(1, sizeof *sp);
            sp->w = w;
            sp->off = w->spool_end;
            sp->len = (HPDF_UINT32)zn;
            sp->pos = 0;
            w->spool_end += (off_t)zn;
            z = HPDF_CallbackReader_New(w->pdf->mmgr, S_spool_read, S_spool_seek, S_spool_tell,
                                        S_spool_size, sp);
        } else {
            z = S_exact_stream(w->pdf->mmgr, zb, zn);
        }
    }
    free(zb);
    free(plain);
    if (!z) {
        w->haru.set = 0;
        HPDF_ResetError(w->pdf);
        return;
    }
    HPDF_Stream_Free(c->stream);
    c->stream = z;
    a->stream = z;
    c->filter = HPDF_STREAM_FILTER_NONE;
    c->write_fn = S_write_flate_array;
    /* what libharu's save does for a stream without a filter of its own */
    HPDF_Dict_RemoveElement(c, "Filter");
    w->haru.set = 0;                /* no Filter entry is not an error */
    HPDF_ResetError(w->pdf);
}

static HPDF_STATUS
S_write_parked(HPDF_Dict pg, HPDF_Stream st)
{
    S_parked *pk = pg->attr;
    return HPDF_Stream_Write(st, (const HPDF_BYTE *)pk->body, pk->n);
}

/* Once a page is drawn and sealed its dictionary will not change: it is
 * written now, into memory, and the page keeps only those bytes, which the
 * save writes where the dictionary's entries would have been (libharu
 * writes "<<\n", the entries, then a write_fn's bytes, then ">>").  The
 * entries (names of 128 bytes each in libharu, the resources, the graphics
 * state) are freed: about 4 KB a page.  A page in any other state keeps
 * its dictionary. */
static void
S_park_page(S_writer *w, HPDF_Page pg)
{
    HPDF_PageAttr a = pg ? (HPDF_PageAttr)pg->attr : NULL;
    HPDF_MMgr mm = w->pdf->mmgr;
    HPDF_Stream ms = NULL;
    HPDF_STATUS st;
    HPDF_BYTE *buf = NULL;
    HPDF_UINT32 n;
    HPDF_UINT got;
    S_parked *pk;

    if (!a || !a->contents || a->contents->write_fn != S_write_flate_array ||
        pg->write_fn || pg->after_write_fn || a->gmode != HPDF_GMODE_PAGE_DESCRIPTION ||
        (a->gstate && a->gstate->prev))
        return;
    if (!(ms = HPDF_MemStream_New(mm, 1024)))
        goto out;
    if (HPDF_Dict_Write(pg, ms, NULL) != HPDF_OK)
        goto out;
    n = HPDF_Stream_Size(ms);
    got = (HPDF_UINT)n;
    buf = gw_xmalloc(n + 1);
    if (n < 5 || HPDF_Stream_Seek(ms, 0, HPDF_SEEK_SET) != HPDF_OK)
        goto out;
    st = HPDF_Stream_Read(ms, buf, &got);
    if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || got != n ||
        memcmp(buf, "<<\012", 3) != 0 || memcmp(buf + n - 2, ">>", 2) != 0)
        goto out;
    if (!(pk = HPDF_GetMem(mm, (HPDF_UINT)(sizeof *pk + n - 5))))
        goto out;
    pk->a = *a;
    pk->a.fonts = pk->a.xobjects = pk->a.ext_gstates = NULL;    /* freed below */
    pk->a.gstate = NULL;
    pk->n = n - 5;
    memcpy(pk->body, buf + 3, n - 5);
    while (pg->list->count > 0) {
        HPDF_DictElement e = HPDF_List_ItemAt(pg->list, 0);
        if (HPDF_Dict_RemoveElement(pg, e->key) != HPDF_OK)
            break;
    }
    HPDF_List_Clear(pg->list);
    if (a->gstate)
        HPDF_GState_Free(mm, a->gstate);
    HPDF_FreeMem(mm, a);
    pg->attr = pk;                  /* libharu's Page_OnFree frees it */
    pg->before_write_fn = NULL;     /* it ends text and paths: there are none */
    pg->write_fn = S_write_parked;
out:
    if (ms)
        HPDF_Stream_Free(ms);
    free(buf);
    w->haru.set = 0;
    HPDF_ResetError(w->pdf);
}

gw_pdf *
gw_pdf_new(const char *path)
{
    gw_pdf *w = gw_xcalloc(1, sizeof *w);
    w->spool = -1;
    w->path = gw_xstrdup(path);
    return w;
}

void
gw_pdf_free(gw_pdf *w)
{
    size_t i;
    if (!w)
        return;
    if (w->pdf)
        HPDF_Free(w->pdf);
    for (i = 0; i < w->nfonts; i++) {
        free(w->fonts[i].cps);
        free(w->fonts[i].seen);
    }
    for (i = 0; i < w->nimages; i++)
        free(w->images[i].path);
    for (i = 0; i < w->cap; i++)
        free(w->spans[i]);
    free(w->spans);
    free(w->pages);
    if (w->spool >= 0)
        close(w->spool);
    free(w->outlines);
    free(w->fwd);
    free(w->sizes);
    free(w->path);
    free(w);
}

/* Names the output in a message that does not yet (every stage). */
static int
S_fail(gw_pdf *w, gw_err *err, int rc)
{
    if (rc && err && err->code == rc && !strstr(err->msg, w->path))
        gw_err_prefix(err, "%s", w->path);
    return rc;
}

/* The libharu document, made when the first page is written. */
static int
S_start(S_writer *w, gw_err *err)
{
    int rc;

    w->pdf = HPDF_New(S_on_error, &w->haru);
    if (!w->pdf)
        return gw_err_set(err, GW_EDEP, "libharu: cannot create a document (out of memory)");
    HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(w->pdf);
    HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
    w->utf8 = HPDF_GetEncoder(w->pdf, "UTF-8");
    if ((rc = S_check(w, err, "setting up UTF-8")) != 0)
        return rc;
    S_spool_open(w);
    return 0;
}

int
gw_pdf_put(gw_pdf *w, size_t i, const gw_page *pg, gw_err *err)
{
    double pw, ph;
    int rot, rc;
    HPDF_Page page;

    if (i >= S_MAX_PAGES)
        return S_fail(w, err, gw_err_set(err, GW_EINPUT, "PDF page %zu: more than %d pages, "
                                         "the cap", i + 1, S_MAX_PAGES));
    if (i < w->cap && w->sizes[i].put)
        return S_fail(w, err, gw_err_set(err, GW_EDEP, "PDF page %zu: written twice", i + 1));
    gw_page_size(pg, &pw, &ph, &rot);
    if (!(pw >= 3 && ph >= 3 && pw <= 14400 && ph <= 14400))
        /* libharu's (and PDF 1.4's) page size limits */
        return S_fail(w, err, gw_err_set(err, GW_EINPUT, "PDF page %zu: size %gx%g pt is "
                                         "outside 3..14400 pt", i + 1, pw, ph));
    if (rot != 0 && rot != 90 && rot != 180 && rot != 270)
        return S_fail(w, err, gw_err_set(err, GW_EINPUT, "PDF page %zu: rotation %d is "
                                         "not 0, 90, 180 or 270", i + 1, rot));
    if (!w->pdf && (rc = S_start(w, err)) != 0)
        return S_fail(w, err, rc);
    if ((rc = S_make_pages(w, i, err)) != 0)
        return S_fail(w, err, rc);
    page = w->pages[i];
    w->sizes[i].w = pw;
    w->sizes[i].h = ph;
    w->sizes[i].rot = rot;
    w->sizes[i].put = 1;
    if (i + 1 > w->np)
        w->np = i + 1;
    HPDF_Page_SetWidth(page, (HPDF_REAL)pw);
    HPDF_Page_SetHeight(page, (HPDF_REAL)ph);
    if (rot)
        HPDF_Page_SetRotate(page, (HPDF_UINT16)rot);
    rc = S_check(w, err, "sizing a page");
    if (rc == 0)
        rc = S_page(w, pg, i, err);
    if (rc == 0) {
        S_seal_page(w, page, i);
        S_park_page(w, page);
    }
    return S_fail(w, err, rc);
}

int
gw_pdf_finish(gw_pdf *w, const gw_doc *meta, gw_err *err)
{
    size_t i;
    int rc = 0;

    w->meta = meta;
    if (w->np == 0)
        return S_fail(w, err, gw_err_set(err, GW_EINPUT, "%s: the document has no pages",
                                         w->path));
    for (i = 0; i < w->np; i++)
        if (!w->sizes[i].put)
            return S_fail(w, err, gw_err_set(err, GW_EDEP, "PDF page %zu was never written",
                                             i + 1));
    /* links are checked before the fonts are subset: a bad one then costs
     * no subsetting */
    if ((rc = S_fix_links(w, err)) != 0)
        return S_fail(w, err, rc);
    for (i = 0; i < w->nfonts; i++)
        if ((rc = S_font_finish(w, i, err)) != 0)
            return S_fail(w, err, rc);
    if ((rc = S_info(w, err)) != 0 || (rc = S_bookmarks(w, err)) != 0)
        return S_fail(w, err, rc);
    return S_fail(w, err, S_save(w, err));
}

int
gw_pdf_write_pages(const gw_doc *meta, size_t np, gw_pdf_page_fn page, void *ctx,
                   const char *path, gw_err *err)
{
    gw_pdf *w = gw_pdf_new(path);
    const gw_page *pg;
    size_t i;
    int rc = 0;

    if (np > S_MAX_PAGES) {
        rc = gw_err_set(err, GW_EINPUT, "%s: %zu pages, more than the cap of %d", path, np,
                        S_MAX_PAGES);
        goto out;
    }
    /* each page drawn, written, compressed and let go */
    for (i = 0; i < np; i++) {
        if (!(pg = page(ctx, i, err))) {
            rc = S_fail(w, err, err && err->code ? err->code : GW_EDEP);
            goto out;
        }
        if ((rc = gw_pdf_put(w, i, pg, err)) != 0)
            goto out;
    }
    rc = gw_pdf_finish(w, meta, err);
out:
    gw_pdf_free(w);
    return rc;
}

static const gw_page *
S_doc_page(void *ctx, size_t i, gw_err *err)
{
    (void)err;
    return gw_doc_page((const gw_doc *)ctx, i);
}

int
gw_pdf_write(const gw_doc *doc, const char *path, gw_err *err)
{
    return gw_pdf_write_pages(doc, gw_doc_page_count(doc), S_doc_page, (void *)doc, path, err);
}
