/* unit_pdf.c — the PDF writer: a hand-built document with Chinese text at
 * known positions, rules, a rectangle, a path, a link and bookmarks; checked
 * with pdftotext -bbox, pdffonts and pdfinfo. */
#include "pdf.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define PAGE_W 595.28
#define PAGE_H 841.89

/* Runs cmd and returns its standard output (caller frees). */
static char *
S_run(const char *cmd)
{
    FILE *p = popen(cmd, "r");
    gw_buf b;
    char chunk[4096];
    size_t n;
    gw_buf_init(&b);
    if (!p)
        return gw_buf_detach(&b);
    while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
        gw_buf_put(&b, chunk, n);
    pclose(p);
    return gw_buf_detach(&b);
}

/* Finds <word xMin=".." yMin=".." xMax=".." yMax="..">text</word> in the
 * bbox output; 1 when found. */
static int
S_word(const char *html, const char *text, double box[4])
{
    const char *p = html;
    char want[256];
    snprintf(want, sizeof want, ">%s</word>", text);
    while ((p = strstr(p, "<word ")) != NULL) {
        const char *e = strstr(p, "</word>");
        const char *t = strchr(p, '>');
        if (!e || !t)
            return 0;
        if (strncmp(t, want, strlen(want)) == 0 &&
            sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                   &box[0], &box[1], &box[2], &box[3]) == 4)
            return 1;
        p = e;
    }
    return 0;
}

/* Whether needle occurs in the n bytes at hay (which may hold NULs). */
static int
S_contains(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle), i;
    for (i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return 1;
    return 0;
}

static long
S_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static int
S_same_file(const char *a, const char *b)
{
    gw_buf x, y;
    gw_err err;
    int same;
    gw_buf_init(&x);
    gw_buf_init(&y);
    same = gw_file_read(a, 1 << 24, &x, &err) == 0 && gw_file_read(b, 1 << 24, &y, &err) == 0 &&
           x.len == y.len && memcmp(x.ptr, y.ptr, x.len) == 0;
    gw_buf_free(&x);
    gw_buf_free(&y);
    return same;
}

/* Fills xs (at most cap) with the left edge of each character of UTF-8 s,
 * from x on, each advance plus gap scaled by hscale; *face is the face of
 * the first character.  Returns how many were filled. */
static size_t
S_place(const gw_fontlist *fl, double size, double x, const char *s, double gap,
        double hscale, double *xs, size_t cap, gw_face **face)
{
    size_t n = 0, off = 0, len = strlen(s);
    *face = NULL;
    while (off < len && n < cap) {
        uint32_t cp;
        int l = gw_utf8_decode(s + off, len - off, &cp);
        if (l < 0)
            break;
        if (!*face)
            *face = gw_fontlist_face_for(fl, cp);
        xs[n++] = x;
        x += (gw_face_advance(*face, cp, size) + gap) * hscale;
        off += (size_t)l;
    }
    return n;
}

/* Lays a UTF-8 string out from x with each character's advance plus gap. */
static void
S_text(gw_page *pg, const gw_fontlist *fl, double size, double x, double y,
       const char *s, double gap, double hscale, gw_color c)
{
    double xs[256];
    gw_face *face;
    size_t n = S_place(fl, size, x, s, gap, hscale, xs, 256, &face);
    gw_page_text(pg, face, size, c, y, s, strlen(s), xs, n, hscale,
                 gw_fontlist_fake_bold(fl, face));
}

/* The first occurrence of needle[0..k) in hay[0..n), or NULL. */
static const char *
S_memfind(const char *hay, size_t n, const char *needle, size_t k)
{
    size_t i;
    for (i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return hay + i;
    return NULL;
}

static uint32_t
S_be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The embedded font programs of the PDF at path: each FontFile2 stream is
 * inflated and must be a TrueType font of exactly the tables a viewer reads
 * (their tags, sorted, joined into tags), whose bytes sum to 0xB1B0AFBA as
 * head.checkSumAdjustment promises.  Returns the number of fonts checked,
 * -1 on the first bad one (message printed). */
static int
S_check_font_programs(const char *path, char *tags, size_t tagsz)
{
    gw_buf pdf;
    gw_err err;
    const char *p;
    int nfonts = 0;

    gw_buf_init(&pdf);
    tags[0] = '\0';
    if (gw_file_read(path, 1 << 24, &pdf, &err) != 0)
        return -1;
    p = pdf.ptr;
    while ((p = S_memfind(p, pdf.len - (size_t)(p - pdf.ptr), "/Length1 ", 9)) != NULL) {
        unsigned long raw_len = strtoul(p + 9, NULL, 10), i, nt;
        const char *st = S_memfind(p, pdf.len - (size_t)(p - pdf.ptr), "stream\r\n", 8);
        const char *en = st ? S_memfind(st, pdf.len - (size_t)(st - pdf.ptr), "endstream", 9) : NULL;
        unsigned char *raw;
        uLongf got;
        uint32_t sum = 0;

        if (!st || !en || raw_len == 0 || raw_len > (1ul << 24)) {
            printf("# FontFile2 %d: no stream\n", nfonts + 1);
            nfonts = -1;
            break;
        }
        st += 8;
        got = raw_len;
        raw = calloc(raw_len + 4, 1);
        if (uncompress(raw, &got, (const Bytef *)st, (uLong)(en - st)) != Z_OK || got != raw_len) {
            printf("# FontFile2 %d: does not inflate to Length1 %lu bytes\n", nfonts + 1, raw_len);
            free(raw);
            nfonts = -1;
            break;
        }
        nt = (unsigned long)raw[4] << 8 | raw[5];
        for (i = 0; i < nt && 12 + 16 * i + 16 <= raw_len; i++) {
            if (nfonts == 0 && strlen(tags) + 6 < tagsz) {
                strncat(tags, (const char *)raw + 12 + 16 * i, 4);
                strcat(tags, ",");
            }
        }
        for (i = 0; i < raw_len; i += 4)
            sum += S_be32(raw + i);
        free(raw);
        if (sum != 0xB1B0AFBAu) {
            printf("# FontFile2 %d: checksum 0x%08X\n", nfonts + 1, (unsigned)sum);
            nfonts = -1;
            break;
        }
        nfonts++;
        p = en;
    }
    gw_buf_free(&pdf);
    return nfonts;
}

/* Dark pixels (< 128) of the grey PGM at path inside the box x0..x1,
 * y0..y1 (pixels); -1 when the file is not a binary PGM. */
static long
S_ink(const char *path, int x0, int y0, int x1, int y1)
{
    gw_buf b;
    gw_err err;
    int w = 0, h = 0, max = 0, used = 0, x, y;
    long n = 0;

    gw_buf_init(&b);
    if (gw_file_read(path, 1 << 26, &b, &err) != 0 ||
        sscanf(b.ptr, "P5 %d %d %d%n", &w, &h, &max, &used) != 3 || max != 255 ||
        (size_t)used + 1 + (size_t)w * (size_t)h > b.len) {
        gw_buf_free(&b);
        return -1;
    }
    for (y = y0; y < y1 && y < h; y++)
        for (x = x0; x < x1 && x < w; x++)
            n += (unsigned char)b.ptr[used + 1 + (size_t)y * (size_t)w + (size_t)x] < 128;
    gw_buf_free(&b);
    return n;
}

/* The glyphs drawn are the right ones (the CIDToGIDMap written by pdf.c maps
 * each character to its glyph; pdftotext reads the ToUnicode map and would
 * not notice a wrong one): 一 has far less ink than 量 in both fonts. */
static void
S_test_glyphs(const char *dir, const gw_fontlist *body, const gw_fontlist *hei)
{
    gw_doc *doc = gw_doc_new();
    gw_page *pg = gw_doc_add_page(doc, 400, 200, 0);
    gw_err err = {0, "", 0};
    gw_color black = {0, 0, 0, 0};
    char path[512], pgm[600], cmd[1400];
    long a, b, c, d;

    snprintf(path, sizeof path, "%s/glyphs.pdf", dir);
    snprintf(pgm, sizeof pgm, "%s/glyphs", dir);
    /* 72 pt at 72 dpi: one pixel a point; baselines at y 80 and 180 */
    S_text(pg, body, 72, 10, 80, "一量", 28, 1.0, black);
    S_text(pg, hei, 72, 210, 80, "量一", 28, 1.0, black);
    TAP_OK(gw_pdf_write(doc, path, &err) == 0, "writes the glyph page (%s)", err.msg);
    snprintf(cmd, sizeof cmd, "pdftoppm -r 72 -gray -singlefile '%s' '%s' 2>&1", path, pgm);
    free(S_run(cmd));
    strcat(pgm, ".pgm");
    a = S_ink(pgm, 10, 8, 82, 100);      /* 一 (仿宋 face) */
    b = S_ink(pgm, 110, 8, 182, 100);    /* 量 */
    c = S_ink(pgm, 210, 8, 282, 100);    /* 量 (黑体 face) */
    d = S_ink(pgm, 310, 8, 382, 100);    /* 一 */
    TAP_OK(a > 0 && b > 3 * a, "仿宋 face: 一 has %ld dark pixels, 量 %ld", a, b);
    TAP_OK(d > 0 && c > 3 * d, "黑体 face: 一 has %ld dark pixels, 量 %ld", d, c);
    unlink(path);
    unlink(pgm);
    gw_doc_free(doc);
}

/* The same turned by angle about (ox, oy), through gw_page_text_rotated. */
static void
S_rtext(gw_page *pg, const gw_fontlist *fl, double size, double ox, double oy, int angle,
        const char *s)
{
    double dx[64];
    gw_face *face;
    size_t n = S_place(fl, size, 0, s, 0, 1.0, dx, 64, &face);
    gw_page_text_rotated(pg, face, size, (gw_color){0, 0, 0, 0}, ox, oy, angle, s, strlen(s),
                         dx, n, 1.0, 0);
}

/* Rotated runs: each comes back as one word whose box lies on the side of
 * its origin the angle says (pdftotext -bbox, top-left coordinates). */
static void
S_test_rotated(const char *dir, const gw_fontlist *body)
{
    gw_doc *doc = gw_doc_new();
    gw_page *pg = gw_doc_add_page(doc, PAGE_W, PAGE_H, 0);
    gw_err err = {0, "", 0};
    char path[512], cmd[1200];
    double box[4], len = 16 * 4;     /* four full-width characters of 16 pt */
    char *out;

    snprintf(path, sizeof path, "%s/rot.pdf", dir);
    S_rtext(pg, body, 16, 300, 100, 0, "甲第一页");
    S_rtext(pg, body, 16, 100, 500, 90, "乙第二页");
    S_rtext(pg, body, 16, 300, 400, 180, "丙第三页");
    S_rtext(pg, body, 16, 500, 500, 270, "丁第四页");
    TAP_OK(gw_pdf_write(doc, path, &err) == 0, "writes rotated text (%s)", err.msg);
    snprintf(cmd, sizeof cmd, "pdftotext -bbox '%s' - 2>&1", path);
    out = S_run(cmd);
    TAP_OK(S_word(out, "甲第一页", box) && fabs(box[0] - 300) < 0.5 &&
               fabs(box[2] - (300 + len)) < 0.5 && box[3] > 100 - 1 && box[1] < 100,
           "0 degrees: left to right from the origin (%.1f,%.1f)-(%.1f,%.1f)", box[0], box[1],
           box[2], box[3]);
    TAP_OK(S_word(out, "乙第二页", box) && fabs(box[3] - 500) < 0.5 &&
               fabs(box[1] - (500 - len)) < 0.5 && box[0] < 100 && box[2] > 100 - 1 &&
               box[2] - box[0] < 20,
           "90 degrees: bottom to top from the origin (%.1f,%.1f)-(%.1f,%.1f)", box[0], box[1],
           box[2], box[3]);
    TAP_OK(S_word(out, "丙第三页", box) && fabs(box[2] - 300) < 0.5 &&
               fabs(box[0] - (300 - len)) < 0.5 && box[1] < 400 + 1 && box[3] > 400,
           "180 degrees: right to left, upside down (%.1f,%.1f)-(%.1f,%.1f)", box[0], box[1],
           box[2], box[3]);
    TAP_OK(S_word(out, "丁第四页", box) && fabs(box[1] - 500) < 0.5 &&
               fabs(box[3] - (500 + len)) < 0.5 && box[2] > 500 && box[0] < 500 + 1 &&
               box[2] - box[0] < 20,
           "270 degrees: top to bottom from the origin (%.1f,%.1f)-(%.1f,%.1f)", box[0], box[1],
           box[2], box[3]);
    if (!S_word(out, "乙第二页", box))
        printf("# pdftotext -bbox:\n%s\n", out);
    free(out);
    unlink(path);
    gw_doc_free(doc);

    doc = gw_doc_new();
    pg = gw_doc_add_page(doc, PAGE_W, PAGE_H, 0);
    S_rtext(pg, body, 16, 100, 100, 45, "斜");
    TAP_OK(gw_pdf_write(doc, path, &err) == GW_EINPUT && strstr(err.msg, "45 degrees") &&
               strstr(err.msg, "斜"),
           "a 45 degree run is refused naming it: %s", err.msg);
    TAP_OK(access(path, F_OK) != 0, "and nothing is written");
    gw_doc_free(doc);
}

int
main(void)
{
    gw_fontset *fs = NULL, *fs2 = NULL;
    const gw_fontlist *other = NULL;
    const gw_fontlist *body = NULL, *title = NULL, *hei = NULL;
    gw_doc *doc = gw_doc_new(), *bad = NULL;
    gw_page *p1, *p2, *p3;
    gw_err err = {0, "", 0};
    gw_color black = {0, 0, 0, 0}, red = {1, 0, 0, 0}, none = {0, 0, 0, 1};
    gw_path_op star[] = {
        { 'M', 300, 700, 0, 0, 0, 0 }, { 'L', 320, 740, 0, 0, 0, 0 },
        { 'C', 330, 700, 340, 700, 350, 690 }, { 'Z', 0, 0, 0, 0, 0, 0 },
    };
    char dir[] = "/tmp/gw-unit-pdf.XXXXXX";
    char a[512], b[512], cmd[1200], missing[512];
    double box[4], asc, desc, base;
    char *out;
    int top;
    gw_face *f;

    gw_verbosity = 0;
    setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    TAP_OK(mkdtemp(dir) != NULL, "temporary directory %s", dir);
    snprintf(a, sizeof a, "%s/a.pdf", dir);
    snprintf(b, sizeof b, "%s/b.pdf", dir);
    snprintf(missing, sizeof missing, "%s/no/such/dir/c.pdf", dir);

    TAP_OK(gw_fontset_new(&fs, &err) == 0, "fontset");
    /* TrueType faces: this checks the CIDFontType2 path (FontFile2, the
     * tables kept); OpenType/CFF faces are tests/t_fonts.sh's */
    TAP_OK(gw_fontset_lookup(fs, "AR PL UMing CN", 400, &body, &err) == 0, "UMing resolves");
    TAP_OK(gw_fontset_lookup(fs, "AR PL UMing CN", 700, &title, &err) == 0, "bold UMing resolves");
    TAP_OK(gw_fontset_lookup(fs, "WenQuanYi Zen Hei", 400, &hei, &err) == 0, "Zen Hei resolves");

    p1 = gw_doc_add_page(doc, PAGE_W, PAGE_H, 0);
    S_text(p1, title, 22, 100, 150, "关于印发任务分工方案的通知", 0, 1.0, black);
    S_text(p1, body, 16, 80, 200, "国务院办公厅2026年第3号", 0, 1.0, black);
    S_text(p1, body, 16, 80, 230, "各省、自治区、直辖市人民政府：", 1.5, 1.0, black);
    S_text(p1, hei, 16, 80, 260, "一、总体要求", 0, 1.0, black);
    S_text(p1, body, 16, 80, 290, "中华人民共和国国务院办公厅文件", 0, 0.8, red);
    gw_page_line(p1, 80, 320, 515, 320, 1.0, red);
    gw_page_rect(p1, 80, 340, 100, 40, none, black, 0.5);
    gw_page_rect(p1, 200, 340, 100, 40, red, none, 0);
    gw_page_path(p1, star, 4, red, none, 0, 0.5);
    gw_page_link(p1, 80, 255, 100, 20, 1, 100);
    p2 = gw_doc_add_page(doc, PAGE_W, PAGE_H, 0);
    S_text(p2, body, 16, 80, 100, "第二页", 0, 1.0, black);
    /* a line ending in a closing mark squeezed to half: drawn whole, its box
     * half an em (the face's half-width variant) */
    S_text(p2, body, 16, 80, 160, "市经信委、", 0, 1.0, black);
    gw_page_text_trim_last(p2, 8);
    /* the same font file through a second fontset (as the SVG module has) */
    TAP_OK(gw_fontset_new(&fs2, &err) == 0 && gw_fontset_lookup(fs2, "AR PL UMing CN", 400, &other, &err) == 0,
           "a second fontset");
    S_text(p2, other, 16, 80, 130, "甲乙丙", 0, 1.0, black);
    {
        /* a page number stacked down the margin, as the layout draws it on
         * landscape pages: " 1" has both characters at one x, a string of
         * width 0 (libharu's own text drawing skipped such strings) */
        gw_face *zf = gw_fontlist_face_for(body, '1');
        double sx[2] = { 40, 40 };
        gw_page_text(p2, zf, 14, black, 300, "\xe2\x80\x94", 3, sx, 1, 1.0, 0);
        gw_page_text(p2, zf, 14, black, 315, " 1", 2, sx, 2, 1.0, 0);
        gw_page_text(p2, zf, 14, black, 330, "4", 1, sx, 1, 1.0, 0);
        gw_page_text(p2, zf, 14, black, 345, " \xe2\x80\x94", 4, sx, 2, 1.0, 0);
    }
    p3 = gw_doc_add_page(doc, PAGE_H, PAGE_W, 90);
    gw_page_image(p3, "tests/fixtures/pdf/red8x4.png", 100, 100, 80, 40);
    gw_page_image(p3, "tests/fixtures/pdf/red8x4.png", 300, 100, 40, 20);
    S_text(p3, body, 16, 100, 200, "横向页", 0, 1.0, black);
    gw_doc_set_info(doc, "title", "关于印发任务分工方案的通知");
    gw_doc_set_info(doc, "author", "国务院办公厅");
    top = gw_doc_add_bookmark(doc, -1, "一、总体要求", 0, 240);
    gw_doc_add_bookmark(doc, top, "第二页", 1, 80);

    TAP_OK(gw_pdf_write(doc, a, &err) == 0, "writes %s (%s)", a, err.msg);

    /* text comes back exactly, without spaces between the characters */
    snprintf(cmd, sizeof cmd, "pdftotext -layout -f 1 -l 1 '%s' - 2>&1", a);
    out = S_run(cmd);
    TAP_OK(strstr(out, "关于印发任务分工方案的通知") != NULL, "title text extracts");
    TAP_OK(strstr(out, "国务院办公厅2026年第3号") != NULL, "body text with digits extracts");
    TAP_OK(strstr(out, "各省、自治区、直辖市人民政府：") != NULL,
           "text with 1.5pt character spacing extracts without spaces");
    TAP_OK(strstr(out, "中华人民共和国国务院办公厅文件") != NULL, "narrowed text extracts");
    TAP_OK(strstr(out, "Warning") == NULL && strstr(out, "Error") == NULL,
           "pdftotext reports no syntax warnings (the ToUnicode map is valid)");
    if (!strstr(out, "国务院办公厅2026年第3号"))
        printf("# pdftotext:\n%s\n", out);
    free(out);

    /* positions: the word box starts at the first glyph's x, and its bottom
     * is the baseline minus the descender poppler takes from the font */
    snprintf(cmd, sizeof cmd, "pdftotext -bbox '%s' - 2>&1", a);
    out = S_run(cmd);
    f = gw_fontlist_face_for(body, 0x56FD);
    asc = gw_face_ascender(f, 16);
    desc = gw_face_descender(f, 16);
    TAP_OK(S_word(out, "国务院办公厅2026年第3号", box), "bbox has the body line as one word");
    TAP_OK(fabs(box[0] - 80) < 0.5, "first glyph x is 80 (got %.2f)", box[0]);
    base = box[3] + desc;
    TAP_OK(fabs(base - 200) < 0.5, "baseline y is 200 (got %.2f; box %.2f..%.2f)", base, box[1],
           box[3]);
    TAP_OK(fabs((box[3] - box[1]) - (asc - desc)) < 0.5, "box height is ascender-descender");
    TAP_OK(fabs(box[2] - (80 + 16 * 9 + 8 * 5)) < 0.5,
           "last glyph ends at 80 + 9 characters + 5 half-width digits (got %.2f)", box[2]);
    TAP_OK(S_word(out, "各省、自治区、直辖市人民政府：", box) &&
               fabs(box[0] - 80) < 0.5 && fabs(box[2] - (80 + 15 * 17.5 - 1.5)) < 0.6,
           "character spacing keeps the run's width (%.2f..%.2f)", box[0], box[2]);
    TAP_OK(S_word(out, "中华人民共和国国务院办公厅文件", box) &&
               fabs(box[2] - (80 + 15 * 16 * 0.8)) < 0.5,
           "horizontal scaling 0.8 narrows the run (ends at %.2f)", box[2]);
    TAP_OK(S_word(out, "第二页", box) && fabs(box[0] - 80) < 0.5, "page 2 text at x 80");
    TAP_OK(S_word(out, "市经信委、", box) && fabs(box[2] - (80 + 4 * 16 + 8)) < 0.5,
           "a trimmed last mark's box is half an em: ends at %.2f, not %d", box[2],
           80 + 5 * 16);
    TAP_OK(S_word(out, "甲乙丙", box), "text through a second fontset on the same file survives");
    TAP_OK(S_word(out, "1", box) && fabs(box[0] - 40) < 0.5 && S_word(out, "4", box) &&
               fabs(box[0] - 40) < 0.5,
           "characters stacked at one x (a string of width 0) are drawn");
    free(out);

    snprintf(cmd, sizeof cmd, "pdffonts '%s' 2>&1", a);
    out = S_run(cmd);
    TAP_OK(strstr(out, "CID TrueType") != NULL, "pdffonts shows CID TrueType fonts");

    TAP_OK(strstr(out, " no ") == NULL || strstr(out, "yes yes") != NULL,
           "fonts are embedded and subset");
    if (!strstr(out, "CID TrueType"))
        printf("# pdffonts:\n%s\n", out);
    free(out);

    /* the variant: a CIDFontType2 with /DW 500, no /W, the CIDToGIDMap */
    snprintf(cmd, sizeof cmd, "qpdf --qdf --object-streams=disable '%s' - 2>/dev/null | "
             "tr '\\n' ' ' | grep -aoE '/CIDToGIDMap [0-9]+ 0 R +/DW 500 +/FontDescriptor' | wc -l",
             a);
    out = S_run(cmd);
    TAP_OK(atoi(out) == 1, "the half-width variant: a CIDFontType2 of /DW 500 sharing the "
           "CIDToGIDMap (%d)", atoi(out));
    free(out);

    snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>&1", a);
    out = S_run(cmd);
    TAP_OK(strstr(out, "关于印发任务分工方案的通知") != NULL, "pdfinfo shows the Chinese title");
    TAP_OK(strstr(out, "国务院办公厅") != NULL, "pdfinfo shows the author");
    TAP_OK(strstr(out, "Pages:") && strstr(out, " 3\n") != NULL, "three pages");
    TAP_OK(strstr(out, "2023") != NULL, "creation date from SOURCE_DATE_EPOCH");
    free(out);

    snprintf(cmd, sizeof cmd, "pdftohtml -xml -stdout -i -q '%s' 2>&1 | tr -d '\\n'", a);
    out = S_run(cmd);
    TAP_OK(strstr(out, "<outline><item page=\"1\">一、总体要求</item>"
                       "<outline><item page=\"2\">第二页</item></outline></outline>") != NULL,
           "bookmarks: 一、总体要求 -> page 1 with child 第二页 -> page 2");
    free(out);

    snprintf(cmd, sizeof cmd, "pdfinfo -f 1 -l 3 '%s' 2>&1", a);
    out = S_run(cmd);
    TAP_OK(strstr(out, "Page    3 rot:   90") != NULL && strstr(out, "Page    1 rot:   0") != NULL,
           "page 3 has /Rotate 90, page 1 none");
    TAP_OK(strstr(out, "Page    3 size:  841.89 x 595.28") != NULL, "page 3 is landscape");
    free(out);

    snprintf(cmd, sizeof cmd, "pdfimages -list '%s' 2>&1", a);
    out = S_run(cmd);
    TAP_OK(strstr(out, "3     0 image       8     4  rgb") != NULL,
           "pdfimages lists the 8x4 RGB PNG on page 3");
    TAP_OK(strstr(out, "3     1 image") != NULL && strstr(out, "3     2 image") == NULL,
           "a PNG drawn twice is listed twice");
    if (!strstr(out, "3     0 image       8     4  rgb"))
        printf("# pdfimages:\n%s\n", out);
    free(out);

    {
        gw_buf pdf;
        gw_buf_init(&pdf);
        TAP_OK(gw_file_read(a, 1 << 24, &pdf, &err) == 0 && S_contains(pdf.ptr, pdf.len, "/Subtype /Link") &&
                   S_contains(pdf.ptr, pdf.len, "/Border [ 0 0 0 ]"),
               "a link annotation without a border");
        TAP_OK(S_contains(pdf.ptr, pdf.len, "/PageMode /UseOutlines"), "the viewer opens the outline");
        gw_buf_free(&pdf);
    }

    TAP_OK(S_size(a) > 0 && S_size(a) < 30 * 1024, "the document is small: %ld bytes", S_size(a));
    {
        char tags[256];
        int nf = S_check_font_programs(a, tags, sizeof tags);
        gw_buf pdf;
        int nref = 0;
        const char *q;
        gw_buf_init(&pdf);
        if (gw_file_read(a, 1 << 24, &pdf, &err) == 0)
            for (q = pdf.ptr; (q = S_memfind(q, pdf.len - (size_t)(q - pdf.ptr), "/FontFile2 ", 11));
                 q++)
                nref++;
        gw_buf_free(&pdf);
        TAP_OK(nf >= 1 && nf == nref, "every FontFile2 (%d) is a valid TrueType font (checksums): %d",
               nref, nf);
        TAP_OK(strcmp(tags, "cvt ,fpgm,glyf,head,hhea,hmtx,loca,maxp,prep,") == 0,
               "font programs keep only the tables a viewer reads: %s", tags);
    }
    snprintf(cmd, sizeof cmd, "qpdf --check '%s' 2>&1", a);
    out = S_run(cmd);
    if (strstr(out, "not found") || strstr(out, "No such file"))
        printf("ok - # SKIP qpdf not installed\n");
    else
        TAP_OK(strstr(out, "No syntax or stream encoding errors") != NULL,
               "qpdf --check finds no syntax or stream errors");
    free(out);

    TAP_OK(gw_pdf_write(doc, b, &err) == 0, "writes it again");
    TAP_OK(S_same_file(a, b), "writing twice gives identical bytes");

    TAP_OK(gw_pdf_write(doc, missing, &err) == GW_EIO, "a missing directory fails with GW_EIO");
    TAP_OK(strstr(err.msg, "no/such/dir") != NULL, "the message names the path: %s", err.msg);
    snprintf(cmd, sizeof cmd, "ls -A '%s' | wc -l; ls -A ${TMPDIR:-/tmp} | grep -c gongwen-font",
             dir);
    out = S_run(cmd);
    TAP_OK(strncmp(out, "2\n0", 3) == 0, "nothing is left behind (a.pdf, b.pdf only; no font files)");
    free(out);

    bad = gw_doc_new();
    p1 = gw_doc_add_page(bad, PAGE_W, PAGE_H, 0);
    gw_page_image(p1, "tests/fixtures/pdf/no-such.png", 0, 0, 10, 10);
    TAP_OK(gw_pdf_write(bad, b, &err) == GW_EIO && strstr(err.msg, "no-such.png"),
           "a missing image fails naming the file: %s", err.msg);
    TAP_OK(S_size(b) > 0 && S_same_file(a, b), "the failed write left the old file alone");
    gw_doc_free(bad);

    /* The writer checks the PNG itself (the layout's check may have seen
     * another file): a damaged one is an error, not libpng's abort() */
    {
        char trunc[600], buf[4096];
        FILE *in = fopen("tests/fixtures/pdf/red8x4.png", "rb"), *o;
        size_t n = in ? fread(buf, 1, sizeof buf, in) : 0;
        if (in)
            fclose(in);
        snprintf(trunc, sizeof trunc, "%s/cut.png", dir);
        o = fopen(trunc, "wb");
        if (o) {
            fwrite(buf, 1, n > 30 ? n - 30 : 0, o);
            fclose(o);
        }
        bad = gw_doc_new();
        p1 = gw_doc_add_page(bad, PAGE_W, PAGE_H, 0);
        gw_page_image(p1, trunc, 0, 0, 10, 10);
        TAP_OK(gw_pdf_write(bad, b, &err) == GW_EINPUT && strstr(err.msg, "PDF page 1: ")
               && strstr(err.msg, "cut.png: damaged PNG: "),
               "a damaged PNG fails naming the page and the file: %s", err.msg);
        TAP_OK(S_same_file(a, b), "... and leaves the old file alone");
        gw_doc_free(bad);
        unlink(trunc);
    }

    bad = gw_doc_new();
    p1 = gw_doc_add_page(bad, PAGE_W, PAGE_H, 45);
    TAP_OK(gw_pdf_write(bad, b, &err) == GW_EINPUT && strstr(err.msg, "rotation 45"),
           "a 45 degree page is refused: %s", err.msg);
    gw_doc_free(bad);

    bad = gw_doc_new();
    p1 = gw_doc_add_page(bad, PAGE_W, PAGE_H, 0);
    {
        double xs[2] = { 10, NAN };
        gw_page_text(p1, gw_fontlist_primary(body), 16, black, 100, "字字", 6, xs, 2, 1.0, 0);
    }
    TAP_OK(gw_pdf_write(bad, b, &err) == GW_EINPUT && strstr(err.msg, "position 2"),
           "a NaN text position is refused: %s", err.msg);
    gw_doc_free(bad);

    bad = gw_doc_new();
    p1 = gw_doc_add_page(bad, PAGE_W, PAGE_H, 0);
    {
        double xs[1] = { 10 };
        gw_page_text(p1, gw_fontlist_primary(body), 16, black, 100, "字字", 6, xs, 1, 1.0, 0);
    }
    TAP_OK(gw_pdf_write(bad, b, &err) == GW_EINPUT && strstr(err.msg, "2 characters but 1"),
           "more characters than positions is refused: %s", err.msg);
    gw_doc_free(bad);

    bad = gw_doc_new();
    TAP_OK(gw_pdf_write(bad, b, &err) == GW_EINPUT, "a document without pages is refused: %s",
           err.msg);
    gw_doc_free(bad);

    {
        /* the writer in steps (a document typeset in parts): pages in any
         * order, each scanned and written once, the same page both times */
        gw_doc *parts = gw_doc_new();
        gw_page *q0 = gw_doc_add_page(parts, 595, 842, 0);
        gw_page *q1 = gw_doc_add_page(parts, 595, 842, 0);
        double xs2[2] = {72, 88};
        gw_pdf *w;
        char *txt;
        gw_page_text(q0, gw_fontlist_primary(body), 16, black, 100, "甲乙", 6, xs2, 2, 1.0, 0);
        gw_page_text(q1, gw_fontlist_primary(body), 16, black, 100, "丙丁", 6, xs2, 2, 1.0, 0);

        unlink(b);
        w = gw_pdf_new(b);
        TAP_OK(gw_pdf_put(w, 2, q1, &err) == 0 && gw_pdf_put(w, 0, q0, &err) == 0,
               "pages are written in any order (%s)", err.msg);
        TAP_OK(gw_pdf_finish(w, parts, &err) == GW_EDEP && strstr(err.msg, "page 2 was never "
               "written"), "a page left out is an error: %s", err.msg);
        gw_pdf_free(w);
        TAP_OK(access(b, F_OK) != 0, "and no file is written");

        w = gw_pdf_new(b);
        TAP_OK(gw_pdf_put(w, 1, q1, &err) == 0 && gw_pdf_put(w, 0, q0, &err) == 0 &&
               gw_pdf_put(w, 0, q0, &err) == GW_EDEP && strstr(err.msg, "written twice"),
               "a page written twice is an error: %s", err.msg);
        gw_pdf_free(w);

        {
            gw_doc *far = gw_doc_new();
            gw_page *f0 = gw_doc_add_page(far, 595, 842, 0);
            gw_page_link(f0, 72, 100, 50, 20, 4, 10);
            w = gw_pdf_new(b);
            TAP_OK(gw_pdf_put(w, 0, f0, &err) == 0 && gw_pdf_put(w, 1, q1, &err) == 0 &&
                   gw_pdf_finish(w, far, &err) == GW_EINPUT &&
                   strstr(err.msg, "page 1: link to page 5 of 2"),
                   "a link past the last page is found at the end: %s", err.msg);
            gw_pdf_free(w);
            gw_doc_free(far);
        }

        /* a link to a page written after it: the destination's top comes
         * from that page's height, known only when it is written */
        {
            gw_doc *lk = gw_doc_new();
            gw_page *l0 = gw_doc_add_page(lk, 595, 842, 0);
            gw_page *l1 = gw_doc_add_page(lk, 842, 595, 0);
            char *q;
            gw_page_text(l0, gw_fontlist_primary(body), 16, black, 100, "甲乙", 6, xs2, 2, 1.0,
                         0);
            gw_page_text(l1, gw_fontlist_primary(body), 16, black, 100, "丙丁", 6, xs2, 2, 1.0,
                         0);
            gw_page_link(l0, 72, 100, 50, 20, 1, 95);
            w = gw_pdf_new(b);
            TAP_OK(gw_pdf_put(w, 0, l0, &err) == 0 && gw_pdf_put(w, 1, l1, &err) == 0 &&
                   gw_pdf_finish(w, lk, &err) == 0, "a forward link to a landscape page (%s)",
                   err.msg);
            gw_pdf_free(w);
            snprintf(cmd, sizeof cmd, "qpdf --qdf --object-streams=disable '%s' - 2>/dev/null",
                     b);
            q = S_run(cmd);
            /* 595 - 95 = 500 on the 595 pt high page, not 842 - 95 */
            TAP_OK(q && strstr(q, "/FitH\n  500\n"),
                   "its destination is 500 pt up the landscape page");
            free(q);
            gw_doc_free(lk);
        }

        w = gw_pdf_new(b);
        TAP_OK(gw_pdf_put(w, 1, q1, &err) == 0, "the second page written first");
        TAP_OK(gw_pdf_finish(w, parts, &err) == GW_EDEP && strstr(err.msg, "page 1 was never written"),
               "finishing with a page missing is an error: %s", err.msg);
        gw_pdf_free(w);
        w = gw_pdf_new(b);
        TAP_OK(gw_pdf_put(w, 1, q1, &err) == 0 && gw_pdf_put(w, 0, q0, &err) == 0 &&
               gw_pdf_finish(w, parts, &err) == 0,
               "then the first, and the file is written (%s)", err.msg);
        gw_pdf_free(w);
        snprintf(cmd, sizeof cmd, "pdftotext -layout '%s' - 2>/dev/null", b);
        txt = S_run(cmd);
        TAP_OK(txt && strstr(txt, "甲乙") && strstr(txt, "丙丁") &&
               strstr(txt, "甲乙") < strstr(txt, "丙丁"),
               "both pages in page order, text exact");
        free(txt);
        gw_doc_free(parts);
    }

    S_test_rotated(dir, body);
    S_test_glyphs(dir, body, hei);

    if (getenv("GW_TEST_KEEP")) {
        printf("# kept %s\n", a);
    } else {
        unlink(a);
        unlink(b);
        rmdir(dir);
    }
    gw_doc_free(doc);
    gw_fontset_free(fs);
    gw_fontset_free(fs2);
    return TAP_DONE();
}
