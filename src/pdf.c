/* pdf.c — positioned pages (page.h) to PDF with libharu (see pdf.h).  The
 * only module that includes hpdf.h.
 *
 * Fonts: libharu's own TrueType "subset" still embeds hundreds of KB per CJK
 * font, so each face is first cut down with hb-subset (gw_face_subset) to the
 * characters the document uses and handed to libharu from memory.  Text goes
 * through libharu's UTF-8 encoder (CID fonts, Identity-H, with a ToUnicode
 * map so pdftotext reads it back).  The font program and the CIDToGIDMap are
 * written by this file (S_embed_font, S_own_map): libharu would re-serialise
 * the font table by table and deflate a 128 KB glyph map per font, and
 * together that was a fifth of the time of a task sheet.  OpenType/CFF faces
 * (Fandol) go through the same path with a TrueType stand-in for libharu's
 * metrics; S_embed_cff then turns the CIDFont into a CIDFontType0 with the
 * CFF program (docs/fonts.md).
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
 * hpdf_font.h, hpdf_objects.h, hpdf_pages.h of libharu 2.3.0, the version
 * Debian 12 ships) is in the S_fast_cmap, S_embed_font, S_embed_cff,
 * S_own_map, S_seal_page, S_park_page and S_save functions; each checks what
 * it relies on and otherwise leaves libharu's own behaviour alone. */
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
    uint32_t  *cps;         /* the characters drawn, sorted, each once */
    size_t     n;
    uint64_t  *seen;        /* while collecting: one bit per BMP code point */
    const char *name;       /* libharu's name for it (borrowed from the doc) */
    HPDF_Font  font;
} S_font;

typedef struct S_image {
    const char *path;
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
    HPDF_Font font;
    double    size, tc, tz;
    int       tr;
    double    fill[3], stroke[3], lw;
    int       have_fill, have_stroke, have_lw;
} S_state;

/* The size of each page, from the first pass. */
typedef struct S_size {
    double w, h;
    int    rot;
    int    scanned, put;
} S_size;

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
    const gw_doc *meta;         /* bookmarks and information (gw_pdf_begin) */
    size_t      np;             /* pages scanned: the highest index + 1 */
    S_size     *sizes;
    size_t      sizecap;
    int         begun;
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
    HPDF_Outline *outlines;
    HPDF_Encoder utf8;
    int        spool;           /* fd of the deflated page contents; -1: in memory */
    off_t      spool_end;
    int        spool_bad;       /* a write failed: no more pages to it */
    S_span    *spans;
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
    case HPDF_FONT_EXISTS: return "two fonts with the same PostScript name";
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
 * each have one), as libharu would otherwise hand the second subset the
 * first one's glyphs under the same PostScript name. */
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

/* First pass, one page: its size, and the code points each face draws.
 * GW_EINPUT on invalid UTF-8 or a missing face, naming the page. */
static int
S_scan(S_writer *w, size_t pi, const gw_page *p, gw_err *err)
{
    size_t ii;
    char snip[72];
    if (pi >= S_MAX_PAGES)
        return gw_err_set(err, GW_EINPUT, "more than %d pages, the cap", S_MAX_PAGES);
    if (pi >= w->sizecap) {
        size_t cap = w->sizecap ? w->sizecap : 64;
        while (cap <= pi)
            cap *= 2;
        w->sizes = gw_xrealloc(w->sizes, cap * sizeof *w->sizes);
        memset(w->sizes + w->sizecap, 0, (cap - w->sizecap) * sizeof *w->sizes);
        w->sizecap = cap;
    }
    if (w->sizes[pi].scanned)
        return gw_err_set(err, GW_EINPUT, "PDF page %zu: given twice", pi + 1);
    w->sizes[pi].scanned = 1;
    if (pi + 1 > w->np)
        w->np = pi + 1;
    gw_page_size(p, &w->sizes[pi].w, &w->sizes[pi].h, &w->sizes[pi].rot);
    for (ii = 0; ii < gw_page_item_count(p); ii++) {
        const gw_item *it = gw_page_item(p, ii);
        S_font *f;
        size_t off = 0;
        if (it->kind != GW_ITEM_TEXT || it->n == 0)
            continue;
        if (!it->face)
            return gw_err_set(err, GW_EINPUT, "PDF page %zu: a text run without a font",
                              pi + 1);
        f = S_font_of(w, it->face);
        if (!f) {
            if (w->nfonts == S_MAX_FACES)
                return gw_err_set(err, GW_EINPUT, "PDF: more than %d fonts in one document",
                                  S_MAX_FACES);
            f = &w->fonts[w->nfonts++];
            f->face = it->face;
            f->seen = gw_xcalloc(0x10000 / 64, sizeof *f->seen);
        }
        while (off < it->len) {
            uint32_t cp;
            int l = gw_utf8_decode(it->utf8 + off, it->len - off, &cp);
            if (l < 0)
                return gw_err_set(err, GW_EINPUT,
                                  "PDF page %zu: invalid UTF-8 in text \"%s\" at byte %zu",
                                  pi + 1, S_snip(it->utf8, snip), off);
            if (cp > 0xFFFF)
                /* libharu 2.3.0's UTF-8 fonts use 16-bit codes */
                return gw_err_set(err, GW_EINPUT,
                                  "PDF page %zu: character U+%04X in \"%s\" is outside the "
                                  "Basic Multilingual Plane, which libharu cannot write",
                                  pi + 1, (unsigned)cp, S_snip(it->utf8, snip));
            f->seen[cp >> 6] |= (uint64_t)1 << (cp & 63);
            off += (size_t)l;
        }
    }
    return 0;
}

/* After the first pass: each face's characters as a sorted list.  The
 * bitmaps give them sorted and without duplicates (a booklet draws some
 * 100 000 characters, of a few hundred kinds). */
static void
S_cps(S_writer *w)
{
    size_t k;
    for (k = 0; k < w->nfonts; k++) {
        S_font *f = &w->fonts[k];
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
 * cannot seek to the very end of its last buffer (see S_load_fonts).  NULL
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

/* libharu 2.3.0 gives UTF-8 fonts a ToUnicode CMap written with
 * begincidrange, which is not allowed there (poppler warns "Invalid
 * 'begincidrange' operator in ToUnicode CMap" and other readers may copy
 * garbage).  Its codes are the Unicode values themselves (CID = code, and a
 * CIDToGIDMap maps them to glyphs), so the right map lists each character
 * used as <code> -> <code>: runs of consecutive characters (digits,
 * Latin letters) as one bfrange line, the rest as bfchar lines.  The stream
 * object already exists once the font is created; only its content is
 * replaced.  deflated: the data is compressed here (see S_own_map), else
 * libharu compresses it when saving. */
static HPDF_Dict
S_tounicode_dict(S_writer *w, S_font *f)
{
    HPDF_Dict tu = HPDF_Dict_GetItem(f->font, "ToUnicode", HPDF_OCLASS_DICT);
    if (!tu || !tu->stream) {
        w->haru.set = 0;    /* not this libharu's layout: keep its map */
        return NULL;
    }
    return tu;
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

static int
S_fix_tounicode(S_writer *w, S_font *f, HPDF_Dict tu, int deflated, gw_err *err)
{
    HPDF_Stream st;
    gw_buf cm;
    size_t i, nr = 0, nc = 0, k;

    gw_buf_init(&cm);
    gw_buf_puts(&cm, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    /* ranges first, then single characters, each in blocks of at most 100
     * (the limit of one begin...end block) */
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
                gw_buf_puts(&cm, "endbfrange\n");
            gw_buf_printf(&cm, "%zu beginbfrange\n", left);
        }
        gw_buf_printf(&cm, "<%04X><%04X><%04X>\n", (unsigned)f->cps[i],
                      (unsigned)f->cps[i + k - 1], (unsigned)f->cps[i]);
        nr++;
    }
    if (nr)
        gw_buf_puts(&cm, "endbfrange\n");
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
                gw_buf_puts(&cm, "endbfchar\n");
            gw_buf_printf(&cm, "%zu beginbfchar\n", left);
        }
        gw_buf_printf(&cm, "<%04X><%04X>\n", (unsigned)f->cps[i], (unsigned)f->cps[i]);
        nc++;
    }
    if (nc)
        gw_buf_puts(&cm, "endbfchar\n");
    gw_buf_puts(&cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    if (deflated) {
        st = S_deflate_stream(tu->mmgr, cm.ptr, cm.len);
    } else {
        st = HPDF_MemStream_New(tu->mmgr, 4096);
        if (st && HPDF_Stream_WriteStr(st, cm.ptr) != HPDF_OK) {
            HPDF_Stream_Free(st);
            st = NULL;
        }
    }
    if (st) {
        HPDF_Stream_Free(tu->stream);
        tu->stream = st;
        if (deflated)
            tu->write_fn = S_write_flate;
    } else if (!w->haru.set) {
        gw_buf_free(&cm);
        return gw_err_set(err, GW_EDEP, "libharu: out of memory writing the ToUnicode map");
    }
    gw_buf_free(&cm);
    return S_check(w, err, "writing the ToUnicode map");
}

/* libharu 2.3.0 looks a character's glyph up by walking the cmap's format-4
 * segments one by one (HPDF_TTFontDef_GetGlyphid), and creating a UTF-8
 * font asks for all 65536 code points to build the CIDToGIDMap.  A subset's
 * cmap has about one segment per character, so that was 65536 x 500 steps
 * per font and a fifth of the time of a task sheet.  The font definition it
 * parsed is therefore given an equivalent cmap of two segments: 0..FFFE
 * through a direct 65535-entry glyph array, and the FFFF terminator.  Only
 * the lookup table in memory changes (hpdf_fontdef.h's layout); the font
 * program written into the PDF is unchanged.  Any other cmap format is
 * left alone. */
static void
S_fast_cmap(S_writer *w, const char *name)
{
    HPDF_FontDef def = HPDF_Doc_FindFontDef(w->pdf, name);
    HPDF_TTFontDefAttr a;
    HPDF_TTF_CmapRange *c;
    HPDF_UINT16 *map, *end, *start, *ro;
    HPDF_INT16 *delta;
    unsigned nseg, i, u;

    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !def->attr)
        return;
    a = (HPDF_TTFontDefAttr)def->attr;
    c = &a->cmap;
    if (c->format != 4 || c->seg_count_x2 < 2 || !c->end_count || !c->start_count ||
        !c->id_delta || !c->id_range_offset)
        return;
    nseg = c->seg_count_x2 / 2u;
    map = HPDF_GetMem(def->mmgr, 65535 * sizeof *map);
    end = HPDF_GetMem(def->mmgr, 2 * sizeof *end);
    start = HPDF_GetMem(def->mmgr, 2 * sizeof *start);
    ro = HPDF_GetMem(def->mmgr, 2 * sizeof *ro);
    delta = HPDF_GetMem(def->mmgr, 2 * sizeof *delta);
    if (!map || !end || !start || !ro || !delta) {
        /* out of memory: keep the slow table, drop what was allocated */
        if (map) HPDF_FreeMem(def->mmgr, map);
        if (end) HPDF_FreeMem(def->mmgr, end);
        if (start) HPDF_FreeMem(def->mmgr, start);
        if (ro) HPDF_FreeMem(def->mmgr, ro);
        if (delta) HPDF_FreeMem(def->mmgr, delta);
        w->haru.set = 0;
        return;
    }
    memset(map, 0, 65535 * sizeof *map);
    /* the same answer the segment walk gives: the first segment whose end
     * is >= u decides, so later segments never overwrite an earlier one */
    for (i = nseg; i-- > 0;) {
        unsigned s0 = c->start_count[i], e0 = c->end_count[i];
        for (u = s0; u <= e0 && u < 0xFFFF; u++) {
            unsigned gid;
            if (c->id_range_offset[i] == 0) {
                gid = (u + (unsigned)(int)c->id_delta[i]) & 0xFFFFu;
            } else {
                unsigned idx = c->id_range_offset[i] / 2u + (u - s0) - (nseg - i);
                gid = c->glyph_id_array && idx < c->glyph_id_array_count
                          ? c->glyph_id_array[idx] : 0;
                if (gid)
                    gid = (gid + (unsigned)(int)c->id_delta[i]) & 0xFFFFu;
            }
            map[u] = (HPDF_UINT16)gid;
        }
    }
    start[0] = 0;
    end[0] = 0xFFFE;
    delta[0] = 0;
    ro[0] = 4;          /* idx = 4/2 + (u - 0) - (2 - 0) = u */
    start[1] = end[1] = 0xFFFF;
    delta[1] = 1;       /* 0xFFFF + 1 = glyph 0 */
    ro[1] = 0;
    HPDF_FreeMem(def->mmgr, c->end_count);
    HPDF_FreeMem(def->mmgr, c->start_count);
    HPDF_FreeMem(def->mmgr, c->id_delta);
    HPDF_FreeMem(def->mmgr, c->id_range_offset);
    if (c->glyph_id_array)
        HPDF_FreeMem(def->mmgr, c->glyph_id_array);
    c->end_count = end;
    c->start_count = start;
    c->id_delta = delta;
    c->id_range_offset = ro;
    c->glyph_id_array = map;
    c->glyph_id_array_count = 65535;
    c->seg_count_x2 = 4;
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

/* Embeds the font program of f: data[0..n) cut down to the tables a viewer
 * reads, deflated here, in a FontDescriptor of our own.  libharu creates
 * the descriptor (and serialises the font) only when the definition has
 * none, so it then just refers to this one.  Returns 0, also when it left
 * the embedding to libharu (a font it could not take apart). */
static int
S_embed_font(S_writer *w, S_font *f, HPDF_FontDef def, const char *data, size_t n,
             gw_err *err)
{
    HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
    HPDF_MMgr mmgr = w->pdf->mmgr;
    HPDF_Dict desc = NULL, ff = NULL;
    HPDF_Stream z;
    gw_buf prog;
    HPDF_STATUS ret = HPDF_OK;

    gw_buf_init(&prog);
    if (def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !a || def->descriptor ||
        S_sfnt_strip((const unsigned char *)data, n, &prog) != 0)
        goto out;
    z = S_deflate_stream(mmgr, prog.ptr, prog.len);
    if (!z)
        goto out;
    ff = HPDF_DictStream_New(mmgr, w->pdf->xref);
    if (!ff) {
        HPDF_Stream_Free(z);
        goto out;
    }
    HPDF_Stream_Free(ff->stream);
    ff->stream = z;
    ff->filter = HPDF_STREAM_FILTER_NONE;
    ff->write_fn = S_write_flate;
    ret += HPDF_Dict_AddNumber(ff, "Length1", (HPDF_INT32)prog.len);
    desc = HPDF_Dict_New(mmgr);
    if (!desc || HPDF_Xref_Add(w->pdf->xref, desc) != HPDF_OK)
        goto out;
    ret += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    ret += HPDF_Dict_AddName(desc, "FontName", a->base_font);
    ret += HPDF_Dict_AddNumber(desc, "Flags", (HPDF_INT32)def->flags);
    ret += HPDF_Dict_Add(desc, "FontBBox", HPDF_Box_Array_New(mmgr, def->font_bbox));
    ret += HPDF_Dict_AddNumber(desc, "ItalicAngle", def->italic_angle);
    ret += HPDF_Dict_AddNumber(desc, "Ascent", def->ascent);
    ret += HPDF_Dict_AddNumber(desc, "Descent", def->descent);
    ret += HPDF_Dict_AddNumber(desc, "StemV", def->stemv);
    ret += HPDF_Dict_AddNumber(desc, "XHeight", def->x_height);
    ret += HPDF_Dict_Add(desc, "FontFile2", ff);
    if (ret == HPDF_OK)
        def->descriptor = desc;
out:
    gw_buf_free(&prog);
    if (w->haru.set || ret != HPDF_OK) {
        int rc = S_check(w, err, "embedding a font");
        if (!rc)
            rc = gw_err_set(err, GW_EDEP, "libharu: cannot embed a font");
        return gw_err_prefix(err, "font %s (index %u)", gw_face_file(f->face),
                             gw_face_index(f->face));
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

/* A CFF face.  libharu measured it through a TrueType stand-in with empty
 * outlines (gw_face_subset_cff) and made a Type0 font over a CIDFontType2,
 * whose codes are the Unicode values of the characters.  Here it becomes
 * what the CFF program needs (PDF 32000-1 9.7.4, 9.7.5, 9.9):
 *   - the CIDFont a CIDFontType0 without CIDToGIDMap, its descriptor ours
 *     with the program in FontFile3 (/CIDFontType0C for a CID-keyed CFF,
 *     /OpenType for a name-keyed one, whose CIDs are glyph indices);
 *   - the Type0 font's /Encoding an embedded CMap from those Unicode codes
 *     to the program's CIDs (cids[i] for f->cps[i]), so the content streams
 *     and the ToUnicode map stay as for TrueType;
 *   - /W by CID, the most common width as /DW.
 * Returns 0, or GW_EDEP with err set. */
static int
S_embed_cff(S_writer *w, S_font *f, HPDF_FontDef def, const gw_buf *prog, int cid_keyed,
            const uint16_t *cids, gw_err *err)
{
    HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
    HPDF_FontAttr fa = (HPDF_FontAttr)f->font->attr;
    HPDF_Dict cid = fa ? fa->descendant_font : NULL;
    HPDF_MMgr mmgr = w->pdf->mmgr;
    HPDF_Dict desc, ff, enc, info, info2;
    HPDF_Array warr, run = NULL;
    HPDF_STATUS ret = HPDF_OK;
    S_cidw *cw = NULL;
    gw_buf cm;
    size_t i, k, best = 0;
    struct { int w; size_t n; } seen[32];
    size_t nseen = 0;
    char cmap_name[160];

    gw_buf_init(&cm);
    if (!cid || !a) {
        gw_buf_free(&cm);
        return gw_err_set(err, GW_EDEP, "libharu: a CID font without its descendant");
    }
    /* the program and the descriptor */
    ff = S_flate_object(w, prog->ptr, prog->len);
    desc = HPDF_Dict_New(mmgr);
    if (!ff || !desc || HPDF_Xref_Add(w->pdf->xref, desc) != HPDF_OK)
        goto fail;
    ret += HPDF_Dict_AddName(ff, "Subtype", cid_keyed ? "CIDFontType0C" : "OpenType");
    ret += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    ret += HPDF_Dict_AddName(desc, "FontName", a->base_font);
    ret += HPDF_Dict_AddNumber(desc, "Flags", (HPDF_INT32)def->flags);
    ret += HPDF_Dict_Add(desc, "FontBBox", HPDF_Box_Array_New(mmgr, def->font_bbox));
    ret += HPDF_Dict_AddNumber(desc, "ItalicAngle", def->italic_angle);
    ret += HPDF_Dict_AddNumber(desc, "Ascent", def->ascent);
    ret += HPDF_Dict_AddNumber(desc, "Descent", def->descent);
    ret += HPDF_Dict_AddNumber(desc, "StemV", def->stemv ? def->stemv : 80);
    ret += HPDF_Dict_AddNumber(desc, "CapHeight", def->ascent);
    ret += HPDF_Dict_Add(desc, "FontFile3", ff);
    if (ret != HPDF_OK)
        goto fail;
    def->descriptor = desc;

    /* the CIDFont: Type 0 outlines, no CIDToGIDMap (its stream object
     * stays, empty), Identity ordering */
    info = HPDF_Dict_New(mmgr);
    if (!info)
        goto fail;
    ret += HPDF_Dict_AddName(cid, "Subtype", "CIDFontType0");
    ret += HPDF_Dict_Add(cid, "CIDSystemInfo", info);
    ret += HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", NULL));
    ret += HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", NULL));
    ret += HPDF_Dict_AddNumber(info, "Supplement", 0);
    if (HPDF_Dict_GetItem(cid, "CIDToGIDMap", HPDF_OCLASS_DICT))
        ret += HPDF_Dict_RemoveElement(cid, "CIDToGIDMap");
    w->haru.set = 0;    /* GetItem's "not found" is no error */
    if (fa->map_stream) {
        HPDF_Stream z = S_deflate_stream(mmgr, "", 0);
        if (z) {
            HPDF_Stream_Free(fa->map_stream->stream);
            fa->map_stream->stream = z;
            fa->map_stream->write_fn = S_write_flate;
        }
    }
    if (ret != HPDF_OK)
        goto fail;

    /* widths by CID */
    cw = gw_xmalloc((f->n ? f->n : 1) * sizeof *cw);
    for (i = 0; i < f->n; i++) {
        cw[i].cid = cids[i];
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
    warr = HPDF_Array_New(mmgr);
    if (!warr)
        goto fail;
    for (i = 0; i < f->n && ret == HPDF_OK; i++) {
        if ((i > 0 && cw[i].cid == cw[i - 1].cid) || (nseen && cw[i].w == seen[best].w)) {
            if (!(i > 0 && cw[i].cid == cw[i - 1].cid))
                run = NULL;
            continue;
        }
        if (!run || cw[i].cid != cw[i - 1].cid + 1) {
            run = HPDF_Array_New(mmgr);
            if (!run)
                break;
            ret += HPDF_Array_AddNumber(warr, cw[i].cid);
            ret += HPDF_Array_Add(warr, run);
        }
        ret += HPDF_Array_AddNumber(run, cw[i].w);
    }
    ret += HPDF_Dict_AddNumber(cid, "DW", nseen ? seen[best].w : 1000);
    ret += HPDF_Dict_Add(cid, "W", warr);
    if (ret != HPDF_OK)
        goto fail;

    /* the encoding: code (the Unicode value libharu writes) -> CID */
    snprintf(cmap_name, sizeof cmap_name, "%s-UCS2-GW", a->base_font);
    gw_buf_printf(&cm, "%%!PS-Adobe-3.0 Resource-CMap\n/CIDInit /ProcSet findresource begin\n"
                  "12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering "
                  "(Identity) /Supplement 0 >> def\n/CMapName /%s def\n/CMapType 1 def\n"
                  "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n", cmap_name);
    for (i = 0; i < f->n; i++) {
        if (i % 100 == 0)
            gw_buf_printf(&cm, "%s%zu begincidchar\n", i ? "endcidchar\n" : "",
                          f->n - i < 100 ? f->n - i : 100);
        gw_buf_printf(&cm, "<%04X> %u\n", (unsigned)f->cps[i], (unsigned)cids[i]);
    }
    if (f->n)
        gw_buf_puts(&cm, "endcidchar\n");
    gw_buf_puts(&cm, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    enc = S_flate_object(w, cm.ptr, cm.len);
    info2 = HPDF_Dict_New(mmgr);
    if (!enc || !info2)
        goto fail;
    ret += HPDF_Dict_AddName(enc, "Type", "CMap");
    ret += HPDF_Dict_AddName(enc, "CMapName", cmap_name);
    ret += HPDF_Dict_Add(enc, "CIDSystemInfo", info2);
    ret += HPDF_Dict_Add(info2, "Registry", HPDF_String_New(mmgr, "Adobe", NULL));
    ret += HPDF_Dict_Add(info2, "Ordering", HPDF_String_New(mmgr, "Identity", NULL));
    ret += HPDF_Dict_AddNumber(info2, "Supplement", 0);
    ret += HPDF_Dict_Add(f->font, "Encoding", enc);
    if (ret != HPDF_OK)
        goto fail;
    free(cw);
    gw_buf_free(&cm);
    return 0;

fail:
    free(cw);
    gw_buf_free(&cm);
    {
        int rc = S_check(w, err, "embedding a CFF font");
        if (!rc)
            rc = gw_err_set(err, GW_EDEP, "libharu: cannot embed a CFF font");
        return gw_err_prefix(err, "font %s (index %u)", gw_face_file(f->face),
                             gw_face_index(f->face));
    }
}

/* Replaces the CIDToGIDMap libharu made (two bytes for each of the 65536
 * codes, deflated at every save) with one that stops after the highest
 * character used, deflated here.  The codes are the Unicode values, so the
 * map must still reach that far, but its zeros now cost nothing at save
 * time.  glyph_of is the direct table S_fast_cmap built.  1 when replaced:
 * the caller must then stop libharu from compressing it again. */
static int
S_own_map(S_font *f, const HPDF_UINT16 *glyph_of)
{
    HPDF_FontAttr fa = (HPDF_FontAttr)f->font->attr;
    HPDF_Dict ms = fa ? fa->map_stream : NULL;
    unsigned char *map;
    HPDF_Stream z;
    size_t len, i;

    if (!ms || ms->write_fn || f->n == 0 || f->cps[f->n - 1] >= 0xFFFF)
        return 0;
    len = 2 * ((size_t)f->cps[f->n - 1] + 1);
    map = gw_xcalloc(len, 1);
    for (i = 0; i < f->n; i++) {
        uint32_t cp = f->cps[i];
        map[2 * cp] = (unsigned char)(glyph_of[cp] >> 8);
        map[2 * cp + 1] = (unsigned char)glyph_of[cp];
    }
    z = S_deflate_stream(ms->mmgr, map, len);
    free(map);
    if (!z)
        return 0;
    HPDF_Stream_Free(ms->stream);
    ms->stream = z;
    ms->write_fn = S_write_flate;
    return 1;
}

/* libharu lists the width of every character that differs from the width
 * of glyph 0 (/DW) in the CIDFont's /W array, and a Chinese font's glyph 0
 * is rarely 1000 units wide, so every 汉字 got an entry of its own: 7 KB of
 * uncompressed dictionary for a task sheet.  The width most characters
 * share becomes /DW and /W lists only the others (digits, Latin), as runs
 * "first [w1 w2 ...]".  Widths are libharu's own (GetGidWidth), so the
 * text it measures and the widths a viewer uses stay the same.  Only the
 * characters the document draws matter. */
static void
S_compact_widths(S_font *f, HPDF_FontDef def, const HPDF_UINT16 *glyph_of)
{
    HPDF_FontAttr fa = (HPDF_FontAttr)f->font->attr;
    HPDF_Dict cid = fa ? fa->descendant_font : NULL;
    HPDF_Array warr, run = NULL;
    HPDF_INT16 *wd;
    struct { HPDF_INT16 w; size_t n; } seen[32];
    size_t nseen = 0, i, k, best = 0;
    HPDF_STATUS ret = HPDF_OK;

    if (!cid || f->n == 0)
        return;
    wd = gw_xmalloc(f->n * sizeof *wd);
    for (i = 0; i < f->n; i++) {
        wd[i] = HPDF_TTFontDef_GetGidWidth(def, glyph_of[f->cps[i] & 0xFFFF]);
        for (k = 0; k < nseen && seen[k].w != wd[i]; k++)
            ;
        if (k == nseen && nseen < sizeof seen / sizeof seen[0]) {
            seen[nseen].w = wd[i];
            seen[nseen++].n = 0;
        }
        if (k < nseen)
            seen[k].n++;
    }
    for (k = 1; k < nseen; k++)
        if (seen[k].n > seen[best].n)
            best = k;
    warr = HPDF_Array_New(cid->mmgr);
    if (!warr || nseen == 0)
        goto out;
    for (i = 0; i < f->n && ret == HPDF_OK; i++) {
        if (wd[i] == seen[best].w) {
            run = NULL;
            continue;
        }
        if (!run || f->cps[i] != f->cps[i - 1] + 1) {
            run = HPDF_Array_New(cid->mmgr);
            if (!run) {
                ret = HPDF_FAILD_TO_ALLOC_MEM;
                break;
            }
            ret += HPDF_Array_AddNumber(warr, (HPDF_INT32)f->cps[i]);
            ret += HPDF_Array_Add(warr, run);   /* frees run when it fails */
            if (ret != HPDF_OK)
                break;
        }
        ret += HPDF_Array_AddNumber(run, wd[i]);
    }
    if (ret == HPDF_OK) {
        /* both replace libharu's entries */
        HPDF_Dict_AddNumber(cid, "DW", seen[best].w);
        HPDF_Dict_Add(cid, "W", warr);
        warr = NULL;
    }
out:
    if (warr)
        HPDF_Array_Free(warr);
    free(wd);
}

/* Subsets every face and loads it into libharu from memory. */
static int
S_load_fonts(S_writer *w, gw_err *err)
{
    gw_buf data, prog;
    uint16_t *cids = NULL;
    int rc = 0, prefix = 0;     /* prefix: name the font in the message */
    int cff, cid_keyed = 0;
    size_t k;

    gw_buf_init(&data);
    gw_buf_init(&prog);
    for (k = 0; k < w->nfonts; k++) {
        S_font *f = &w->fonts[k];
        HPDF_Stream st;
        HPDF_FontDef def;
        char tag[7];
        const char *name = NULL;

        gw_buf_clear(&data);
        gw_buf_clear(&prog);
        cff = gw_face_is_cff(f->face);
        if (cff) {
            free(cids);
            cids = gw_xmalloc((f->n ? f->n : 1) * sizeof *cids);
            rc = gw_face_subset_cff(f->face, f->cps, f->n, &data, &prog, cids, &cid_keyed, err);
        } else {
            rc = gw_face_subset(f->face, f->cps, f->n, &data, err);
        }
        if (rc)
            goto out;
        if (data.len > 0x7FFFFFFF) {
            rc = gw_err_set(err, GW_EDEP, "font subset of %zu bytes", data.len);
            prefix = 1;
            goto out;
        }
        /* what HPDF_LoadTTFontFromFile does, from memory: parse, tag the
         * name as a subset (HPDFAA+, HPDFAB+, ...), register.  The one
         * buffer is a byte longer than the font: libharu's memory stream
         * cannot seek to its very end when that end is a buffer boundary
         * (HPDF_MemStream_SeekFunc looks for a next buffer that does not
         * exist: error 0x1033), and it seeks there when the last glyph of
         * the subset is a composite glyph (É, ä) at the end of glyf, the
         * last table (AR PL UMing's subsets). */
        st = HPDF_MemStream_New(w->pdf->mmgr,
                                (HPDF_UINT)(data.len >= 4096 ? data.len + 1 : 4096));
        if (!st || HPDF_Stream_Write(st, (const HPDF_BYTE *)data.ptr, (HPDF_UINT)data.len)
                       != HPDF_OK) {
            if (st)
                HPDF_Stream_Free(st);
            rc = gw_err_set(err, GW_EDEP, "libharu: out of memory");
            prefix = 1;
            goto out;
        }
        def = HPDF_TTFontDef_Load(w->pdf->mmgr, st, HPDF_TRUE);   /* owns st */
        if (!def) {
            rc = gw_err_set(err, GW_EDEP, "libharu: %s (code 0x%04X)",
                            S_haru_what(HPDF_GetError(w->pdf)), (unsigned)HPDF_GetError(w->pdf));
            prefix = 1;
            goto out;
        }
        snprintf(tag, sizeof tag, "HPDF%c%c", 'A' + (int)(k / 26), 'A' + (int)(k % 26));
        HPDF_TTFontDef_SetTagName(def, tag);
        name = def->base_font;
        for (size_t q = 0; q < k; q++)
            if (strcmp(w->fonts[q].name, name) == 0) {
                HPDF_FontDef_Free(def);
                rc = gw_err_set(err, GW_EDEP,
                                "fonts %s (index %u) and %s (index %u) have the same PostScript "
                                "name %s; libharu cannot embed both in one PDF",
                                gw_face_file(w->fonts[q].face), gw_face_index(w->fonts[q].face),
                                gw_face_file(f->face), gw_face_index(f->face), name);
                goto out;
            }
        if (HPDF_Doc_RegisterFontDef(w->pdf, def) != HPDF_OK) {   /* frees def on failure */
            rc = gw_err_set(err, GW_EDEP, "libharu: cannot register the font (code 0x%04X)",
                            (unsigned)HPDF_GetError(w->pdf));
            prefix = 1;
            goto out;
        }
        f->name = name;
        S_fast_cmap(w, name);
        f->font = HPDF_GetFont(w->pdf, name, "UTF-8");
        if (w->haru.set || !f->font) {
            rc = S_check(w, err, "loading a font");
            if (!rc)
                rc = gw_err_set(err, GW_EDEP, "libharu: cannot load a font");
            prefix = 1;
            goto out;
        }
        if (cff) {
            HPDF_Dict tu = S_tounicode_dict(w, f);
            if ((rc = S_embed_cff(w, f, def, &prog, cid_keyed, cids, err)) < 0 ||
                (tu && (rc = S_fix_tounicode(w, f, tu, 1, err)) < 0))
                goto out;
            f->font->filter = HPDF_STREAM_FILTER_NONE;
            gw_debugf("pdf: font %s (index %u) subset to %zu characters, CFF %s, %zu bytes",
                      gw_face_file(f->face), gw_face_index(f->face), f->n,
                      cid_keyed ? "CID-keyed" : "name-keyed", prog.len);
            continue;
        }
        rc = S_embed_font(w, f, def, data.ptr, data.len, err);
        if (rc)
            goto out;
        {
            HPDF_TTFontDefAttr a = (HPDF_TTFontDefAttr)def->attr;
            HPDF_Dict tu = S_tounicode_dict(w, f);
            int own = 0;
            /* S_fast_cmap's table is there when the cmap has two segments
             * and the 65535-entry array; libharu copies the Type0 font's
             * filter into both the map and the ToUnicode stream when
             * saving, so either both are deflated here or neither */
            if (a->cmap.seg_count_x2 == 4 && a->cmap.glyph_id_array_count == 65535)
                S_compact_widths(f, def, a->cmap.glyph_id_array);
            if (tu && !tu->write_fn && a->cmap.seg_count_x2 == 4 &&
                a->cmap.glyph_id_array_count == 65535 && def->descriptor)
                own = S_own_map(f, a->cmap.glyph_id_array);
            if (tu)
                rc = S_fix_tounicode(w, f, tu, own, err);
            if (own)
                f->font->filter = HPDF_STREAM_FILTER_NONE;
            if (rc)
                goto out;
        }
        gw_debugf("pdf: font %s (index %u) subset to %zu characters, %zu bytes",
                  gw_face_file(f->face), gw_face_index(f->face), f->n, data.len);
    }
out:
    if (prefix)
        gw_err_prefix(err, "font %s (index %u, %zu characters)", gw_face_file(w->fonts[k].face),
                      gw_face_index(w->fonts[k].face), w->fonts[k].n);
    HPDF_ResetError(w->pdf);
    gw_buf_free(&data);
    gw_buf_free(&prog);
    free(cids);
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

/* Draws one text item.  Consecutive characters whose distance is their
 * advance plus one constant go into one string with that character spacing
 * (Tc), so pdftotext sees one word and injects no spaces; elsewhere a new
 * text matrix starts a new string at the exact x. */
static int
S_text(S_writer *w, HPDF_Page pg, S_state *st, double ph, const gw_item *it,
       size_t pageno, gw_err *err)
{
    S_font *f = S_font_of(w, it->face);
    uint32_t stack_cps[256];
    size_t stack_off[257];
    uint32_t *cps = stack_cps;
    size_t *offs = stack_off;
    double th = it->hscale > 0 ? it->hscale : 1.0;
    double y = ph - it->y;
    size_t n = 0, off = 0, i, j;
    int tr = it->fake_bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL;
    char *run = NULL, snip[72];
    double rcos = 1, rsin = 0;
    int rc = 0;

    if (!f || !f->font || it->n == 0 || it->len == 0)
        goto out;
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
    if (!(it->size > 0 && it->size <= 1000) || !(th >= 0.1 && th <= 10) || !isfinite(it->y)) {
        rc = gw_err_set(err, GW_EINPUT,
                        "PDF page %zu: text \"%s\" has size %g pt, horizontal scale %g, "
                        "baseline %g (allowed: 0 < size <= 1000, 0.1 <= scale <= 10)",
                        pageno + 1, S_snip(it->utf8, snip), it->size, th, it->y);
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
        if (l < 0)
            break;          /* S_collect has already rejected invalid UTF-8 */
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
    run = gw_xmalloc(it->len + 1);

    if (!st->in_text) {
        HPDF_Page_BeginText(pg);
        st->in_text = 1;
    }
    if (st->font != f->font || !S_same(st->size, it->size)) {
        HPDF_Page_SetFontAndSize(pg, f->font, (HPDF_REAL)it->size);
        st->font = f->font;
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
         * while every pair keeps it.  PDF: tx = (w0 * Tfs + Tc) * Th. */
        double tc = 0, adv = gw_face_advance(it->face, cps[i], it->size), tw;
        size_t k;
        j = i + 1;
        if (j < n) {
            tc = (it->xs[j] - it->xs[i]) / th - adv;
            while (j < n) {
                double d = (it->xs[j] - it->xs[j - 1]) / th -
                           gw_face_advance(it->face, cps[j - 1], it->size);
                if (fabs(d - tc) > 0.01)
                    break;
                j++;
            }
            /* HPDF_Page_ShowText silently draws nothing when libharu's width
             * of the string (advances + Tc per character) is exactly 0, as
             * for characters stacked at one x: draw those one by one */
            tw = tc * (double)(j - i);
            for (k = i; k < j; k++)
                tw += gw_face_advance(it->face, cps[k], it->size);
            if (fabs(tw) < 0.01)
                j = i + 1;
        }
        if (j == i + 1) {
            /* a single character: Tc does not move it, but must not cancel
             * its advance (see above); 0 unless the glyph has no advance */
            int keep = 1;
            for (k = 1; k <= 4; k++)    /* libharu may count UTF-8 bytes */
                if (fabs(adv + (double)k * st->tc) < 0.01)
                    keep = 0;
            tc = keep ? st->tc : fabs(adv) >= 0.01 ? 0 : 1;
        }
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
        memcpy(run, it->utf8 + offs[i], offs[j] - offs[i]);
        run[offs[j] - offs[i]] = '\0';
        HPDF_Page_ShowText(pg, run);
    }
    rc = S_check(w, err, "drawing text");
    if (rc)
        gw_err_prefix(err, "PDF page %zu, text \"%s\"", pageno + 1, S_snip(it->utf8, snip));

out:
    free(run);
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
    w->images[w->nimages].path = it->path;
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

/* Makes the page objects up to page i (0-based), in page order, so that
 * their numbers in the file do not depend on the order of writing.  0 or
 * GW_EDEP. */
static int
S_make_pages(S_writer *w, size_t i, gw_err *err)
{
    for (; w->made <= i && w->made < w->np; w->made++) {
        S_size *z = &w->sizes[w->made];
        HPDF_Page pg = HPDF_AddPage(w->pdf);
        if (!pg)
            return S_check(w, err, "adding pages");
        HPDF_Page_SetWidth(pg, (HPDF_REAL)z->w);
        HPDF_Page_SetHeight(pg, (HPDF_REAL)z->h);
        if (z->rot)
            HPDF_Page_SetRotate(pg, (HPDF_UINT16)z->rot);
        w->pages[w->made] = pg;
    }
    return S_check(w, err, "adding pages");
}

/* A destination showing page i with y (top-left coordinates) at the top,
 * fitted to the window width (libharu's XYZ refuses zoom 0, "keep zoom"). */
static HPDF_Destination
S_dest(S_writer *w, size_t i, double y)
{
    double pw, ph;
    int rot;
    HPDF_Destination d = HPDF_Page_CreateDestination(w->pages[i]);
    pw = w->sizes[i].w;
    ph = w->sizes[i].h;
    rot = w->sizes[i].rot;
    (void)pw;
    (void)rot;
    if (d)
        HPDF_Destination_SetFitH(d, (HPDF_REAL)(y < 0 ? ph : y > ph ? 0 : ph - y));
    return d;
}

static int
S_link(S_writer *w, HPDF_Page pg, double ph, const gw_item *it, size_t pageno, gw_err *err)
{
    HPDF_Rect r;
    HPDF_Annotation a;
    HPDF_Destination d;
    size_t np = w->np;
    int rc;

    if (it->dest_page >= np)
        return gw_err_set(err, GW_EINPUT, "PDF page %zu: link to page %zu of %zu", pageno + 1,
                          it->dest_page + 1, np);
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
        S_span *sp = &w->spans[pi];
        int spooled = w->spool >= 0 && !w->spool_bad &&
                      S_pio(w->spool, zb, zn, w->spool_end, 1) == 0;
        if (w->spool >= 0 && !spooled)
            w->spool_bad = 1;       /* a full disk: this page and the rest in memory */
        if (spooled) {
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
    free(w->pages);
    free(w->spans);
    if (w->spool >= 0)
        close(w->spool);
    free(w->outlines);
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

int
gw_pdf_scan(gw_pdf *w, size_t i, const gw_page *pg, gw_err *err)
{
    if (w->begun)
        return S_fail(w, err, gw_err_set(err, GW_EDEP, "PDF page %zu: scanned after the "
                                         "fonts were made", i + 1));
    return S_fail(w, err, S_scan(w, i, pg, err));
}

int
gw_pdf_begin(gw_pdf *w, const gw_doc *meta, gw_err *err)
{
    size_t np = w->np, i;
    int rc = 0;

    w->meta = meta;
    w->begun = 1;
    if (np == 0)
        return S_fail(w, err, gw_err_set(err, GW_EINPUT, "%s: the document has no pages",
                                         w->path));
    for (i = 0; i < np; i++)
        if (!w->sizes[i].scanned)
            return S_fail(w, err, gw_err_set(err, GW_EDEP, "PDF page %zu was never scanned",
                                             i + 1));
    S_cps(w);
    w->pdf = HPDF_New(S_on_error, &w->haru);
    if (!w->pdf)
        return S_fail(w, err, gw_err_set(err, GW_EDEP, "libharu: cannot create a document "
                                         "(out of memory)"));
    HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(w->pdf);
    HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
    w->utf8 = HPDF_GetEncoder(w->pdf, "UTF-8");
    if ((rc = S_check(w, err, "setting up UTF-8")) != 0 || (rc = S_info(w, err)) != 0 ||
        (rc = S_load_fonts(w, err)) != 0)
        return S_fail(w, err, rc);

    /* libharu keeps every page in one /Kids array, and an array holds at
     * most HPDF_LIMIT_MAX_ARRAY (32767) entries: a longer document (the
     * booklet of a 10 000-task plan) gets a two-level page tree.  Shorter
     * ones keep the flat tree, byte for byte as before. */
    if (np > S_PAGES_FLAT) {
        HPDF_SetPagesConfiguration(w->pdf, S_PAGES_FLAT);
        if ((rc = S_check(w, err, "configuring the page tree")) != 0)
            return S_fail(w, err, rc);
    }
    /* sizes checked now; the page objects are made in order as pages are
     * written (S_make_pages), or earlier when a link points forwards */
    for (i = 0; i < np; i++) {
        double pw = w->sizes[i].w, ph = w->sizes[i].h;
        int rot = w->sizes[i].rot;
        if (!(pw >= 3 && ph >= 3 && pw <= 14400 && ph <= 14400))
            /* libharu's (and PDF 1.4's) page size limits */
            return S_fail(w, err, gw_err_set(err, GW_EINPUT, "PDF page %zu: size %gx%g pt is "
                                             "outside 3..14400 pt", i + 1, pw, ph));
        if (rot != 0 && rot != 90 && rot != 180 && rot != 270)
            return S_fail(w, err, gw_err_set(err, GW_EINPUT, "PDF page %zu: rotation %d is "
                                             "not 0, 90, 180 or 270", i + 1, rot));
    }
    w->pages = gw_xcalloc(np, sizeof *w->pages);
    w->spans = gw_xcalloc(np, sizeof *w->spans);
    S_spool_open(w);
    return 0;
}

int
gw_pdf_put(gw_pdf *w, size_t i, const gw_page *pg, gw_err *err)
{
    double pw, ph;
    int rot, rc;

    if (!w->pages || i >= w->np || w->sizes[i].put)
        return S_fail(w, err, gw_err_set(err, GW_EDEP, "PDF page %zu: %s", i + 1,
                                         !w->pages ? "written before gw_pdf_begin"
                                         : i >= w->np ? "was not scanned" : "written twice"));
    gw_page_size(pg, &pw, &ph, &rot);
    if (pw != w->sizes[i].w || ph != w->sizes[i].h || rot != w->sizes[i].rot)
        return S_fail(w, err, gw_err_set(err, GW_EDEP, "PDF page %zu: not the page that was "
                                         "scanned (its size changed)", i + 1));
    w->sizes[i].put = 1;
    rc = S_make_pages(w, i, err);
    if (rc == 0)
        rc = S_page(w, pg, i, err);
    if (rc == 0) {
        S_seal_page(w, w->pages[i], i);
        S_park_page(w, w->pages[i]);
    }
    return S_fail(w, err, rc);
}

int
gw_pdf_finish(gw_pdf *w, gw_err *err)
{
    size_t i;
    int rc;

    if (!w->pages)
        return S_fail(w, err, gw_err_set(err, GW_EDEP, "PDF: finished before gw_pdf_begin"));
    for (i = 0; i < w->np; i++)
        if (!w->sizes[i].put)
            return S_fail(w, err, gw_err_set(err, GW_EDEP, "PDF page %zu was never written",
                                             i + 1));
    rc = S_bookmarks(w, err);
    if (rc == 0)
        rc = S_save(w, err);
    return S_fail(w, err, rc);
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
    /* first pass: the characters of every face and the page sizes */
    for (i = 0; i < np; i++) {
        if (!(pg = page(ctx, i, err))) {
            rc = S_fail(w, err, err && err->code ? err->code : GW_EDEP);
            goto out;
        }
        if ((rc = gw_pdf_scan(w, i, pg, err)) != 0)
            goto out;
    }
    if ((rc = gw_pdf_begin(w, meta, err)) != 0)
        goto out;
    /* second pass: each page drawn again, written, compressed and let go */
    for (i = 0; i < np; i++) {
        if (!(pg = page(ctx, i, err))) {
            rc = S_fail(w, err, err && err->code ? err->code : GW_EDEP);
            goto out;
        }
        if ((rc = gw_pdf_put(w, i, pg, err)) != 0)
            goto out;
    }
    rc = gw_pdf_finish(w, err);
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
