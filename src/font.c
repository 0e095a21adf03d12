/* font.c — font-family lists resolved with fontconfig to TrueType and
 * OpenType/CFF files (the role table: docs/fonts.md), per-character fallback, HarfBuzz metrics and hb-subset (see font.h).
 * The only module that includes fontconfig and HarfBuzz headers. */
/* realpath() is XSI */
#define _XOPEN_SOURCE 700
#include "font.h"

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Caps on what a stylesheet can ask for: one font-family value is at most
 * this many bytes and names, and one run keeps at most this many faces. */
#define S_MAX_FAMILY_BYTES 1024
#define S_MAX_FAMILY_NAMES 32
#define S_MAX_FACES        64
#define S_MAX_CJK_FALLBACK 16
#define S_MAX_LIST_FACES   48
#define S_MAX_LISTS        1024     /* different font-family values */

struct gw_face {
    char      *file;
    unsigned   index;
    char      *family;
    int        fc_weight;       /* fontconfig weight of the file (80 regular, 200 bold) */
    hb_blob_t *blob;
    hb_face_t *hb_face;
    hb_font_t *hb_font;
    double     upem;
    double     asc, desc;       /* font units */
    int        cff;             /* outlines in a 'CFF ' table (OpenType/CFF) */
};

struct gw_fontlist {
    char       *key;            /* the family value as given */
    int         bold;           /* weight >= 600 was asked for */
    gw_fontset *fs;
    gw_face    *faces[S_MAX_LIST_FACES];
    int         force_bold[S_MAX_LIST_FACES];  /* 小标宋 substitute: always stroke */
    size_t      n;
};

struct gw_fontset {
    FcConfig    *fc;            /* own configuration: no global fontconfig state */
    gw_face     *faces[S_MAX_FACES];
    size_t       nfaces;
    gw_fontlist **lists;
    size_t       nlists, lcap;
    gw_fontlist *last;          /* the list returned last: layout asks again and again */
    gw_face     *cjk[S_MAX_CJK_FALLBACK];  /* any installed CJK TrueType font */
    size_t       ncjk;
    int          cjk_done;
};

/* Role names of GB/T 9704 (and the stylesheets) and the families that serve
 * them: first the fonts an office machine has, then free Debian faces, best
 * first (docs/fonts.md has the table and the reasons).
 *
 * 仿宋: FandolFang (texlive-lang-chinese; `make deps` extracts it) is a real
 *       FangSong with GB2312 coverage; AR PL UMing, a Ming face with even
 *       colour, serves what Fandol lacks and machines without Fandol.
 * 楷体: FandolKai, then LXGW WenKai before AR PL UKai CN: UKai puts 、，：。
 *       in the middle of the em box (Taiwan style) while GB/T 9704 text
 *       needs them low on the left.
 * 黑体: FandolHei and Noto Sans CJK SC draw mainland forms at a 黑体's
 *       weight; WenQuanYi Zen Hei is the last resort.
 * 小标宋: the title face is a heavy, high-contrast Song.  FandolSong Bold and
 *       Noto Serif CJK SC Bold are real bold Songs (asked for in bold, never
 *       stroked); only when neither is there does UMing get synthetic bold. */
static const struct S_role {
    const char *name;
    const char *preferred[6];
    const char *fallback[3];
    int         bold_fallback;  /* fallbacks in bold; synthetic when not bold */
} S_roles[] = {
    { "仿宋",   { "仿宋_GB2312", "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", NULL },
      { "FandolFang", "AR PL UMing CN", NULL }, 0 },
    { "楷体",   { "楷体_GB2312", "KaiTi_GB2312", "KaiTi", "楷体", "STKaiti", NULL },
      { "FandolKai", "LXGW WenKai", "AR PL UKai CN" }, 0 },
    { "黑体",   { "黑体", "SimHei", "STHeiti", NULL, NULL, NULL },
      { "FandolHei", "Noto Sans CJK SC", "WenQuanYi Zen Hei" }, 0 },
    { "小标宋", { "方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", NULL, NULL, NULL },
      { "FandolSong", "Noto Serif CJK SC", "AR PL UMing CN" }, 1 },
    { "宋体",   { "宋体", "SimSun", "STSong", NULL, NULL, NULL },
      { "FandolSong", "Noto Serif CJK SC", "AR PL UMing CN" }, 0 },
};
#define S_NROLES (sizeof S_roles / sizeof S_roles[0])

/* Roles already warned about (bit i: S_roles[i]), for the whole process:
 * the layout and SVG modules each hold a fontset, and one warning per role
 * is what the user should see.  Set only once a warning was shown, so a
 * quiet run does not swallow it for a later verbose one. */
static unsigned S_warned_roles;

/* Substitutions found but not reported yet (issue 4 asks for one warning
 * naming all substitutes, not one per role): a line per role, joined and
 * printed by gw_font_report_substitutes. */
static gw_buf S_pending;
static unsigned S_pending_roles;

/* Directories searched first (--fonts DIR, the fonts_dir metadata key), for
 * the whole process like the warnings above: every fontset made after
 * gw_font_add_dir adds them.  Real paths. */
#define S_MAX_DIRS 8
static char *S_dirs[S_MAX_DIRS];
static size_t S_ndirs;

int
gw_font_add_dir(const char *dir, gw_err *err)
{
    char *real;
    struct stat sb;

    if (!dir || !*dir || stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return gw_err_set(err, GW_EIO, "fonts directory %s: %s", dir ? dir : "(none)",
                          dir && *dir && stat(dir, &sb) == 0 ? "not a directory"
                                                              : "no such directory");
    real = realpath(dir, NULL);
    if (!real)
        return gw_err_set(err, GW_EIO, "fonts directory %s: cannot resolve it", dir);
    for (size_t i = 0; i < S_ndirs; i++)
        if (!strcmp(S_dirs[i], real)) {
            free(real);
            return 0;
        }
    if (S_ndirs == S_MAX_DIRS) {
        free(real);
        return gw_err_set(err, GW_EUSAGE, "fonts directory %s: more than %d fonts "
                          "directories", dir, S_MAX_DIRS);
    }
    S_dirs[S_ndirs++] = real;
    return 0;
}

/* 1 when file is inside one of S_dirs. */
static int
S_in_dirs(const char *file)
{
    for (size_t i = 0; i < S_ndirs; i++) {
        size_t n = strlen(S_dirs[i]);
        if (!strncmp(file, S_dirs[i], n) && file[n] == '/')
            return 1;
    }
    return 0;
}

/* Free CJK TrueType faces tried first when a character is in no face of a
 * list, in order of how well they sit next to official-document text. */
static const char *const S_cjk_preferred[] = {
    "FandolSong", "AR PL UMing CN", "Noto Serif CJK SC", "WenQuanYi Zen Hei", "LXGW WenKai",
    "AR PL UKai CN"
};

int
gw_fontset_new(gw_fontset **out, gw_err *err)
{
    gw_fontset *fs;
    FcConfig *fc;
    *out = NULL;
    fc = FcInitLoadConfigAndFonts();
    if (!fc)
        return gw_err_set(err, GW_EDEP,
                          "fontconfig: cannot load its configuration and font list");
    for (size_t i = 0; i < S_ndirs; i++)
        if (!FcConfigAppFontAddDir(fc, (const FcChar8 *)S_dirs[i])) {
            FcConfigDestroy(fc);
            return gw_err_set(err, GW_EDEP, "fontconfig: cannot read the fonts directory %s",
                              S_dirs[i]);
        }
    fs = gw_xcalloc(1, sizeof *fs);
    fs->fc = fc;
    *out = fs;
    return 0;
}

static void
S_face_free(gw_face *f)
{
    if (!f)
        return;
    hb_font_destroy(f->hb_font);
    hb_face_destroy(f->hb_face);
    hb_blob_destroy(f->blob);
    free(f->file);
    free(f->family);
    free(f);
}

void
gw_fontset_free(gw_fontset *fs)
{
    size_t i;
    if (!fs)
        return;
    gw_font_report_substitutes();
    for (i = 0; i < fs->nfaces; i++)
        S_face_free(fs->faces[i]);
    for (i = 0; i < fs->nlists; i++) {
        free(fs->lists[i]->key);
        free(fs->lists[i]);
    }
    free(fs->lists);
    FcConfigDestroy(fs->fc);
    free(fs);
}

/* Whether a file name ends in .ttf, .ttc, .otf or .otc: sfnt files, the
 * only kind hb-subset and the PDF writer take. */
static int
S_sfnt_file(const char *file)
{
    size_t n = strlen(file);
    return n > 4 && (strcasecmp(file + n - 4, ".ttf") == 0 ||
                     strcasecmp(file + n - 4, ".ttc") == 0 ||
                     strcasecmp(file + n - 4, ".otf") == 0 ||
                     strcasecmp(file + n - 4, ".otc") == 0);
}

/* Whether a fontconfig pattern is a usable TrueType-outline roman face. */
static int
S_usable(FcPattern *p, const char **file, int *index, int *weight)
{
    FcChar8 *s = NULL, *fmt = NULL, *sty = NULL;
    FcBool outline = FcFalse;
    int slant = FC_SLANT_ROMAN;
    if (FcPatternGetString(p, FC_FILE, 0, &s) != FcResultMatch)
        return 0;
    /* TrueType (glyf) and OpenType/CFF ("CFF" to fontconfig): the PDF
     * writer embeds both; Type 1, bitmap and CFF2 (variable) faces not */
    if (FcPatternGetString(p, FC_FONTFORMAT, 0, &fmt) != FcResultMatch ||
        (strcmp((const char *)fmt, "TrueType") != 0 && strcmp((const char *)fmt, "CFF") != 0))
        return 0;
    if (FcPatternGetBool(p, FC_OUTLINE, 0, &outline) == FcResultMatch && !outline)
        return 0;
    if (!S_sfnt_file((const char *)s))
        return 0;
    if (FcPatternGetInteger(p, FC_SLANT, 0, &slant) == FcResultMatch && slant != FC_SLANT_ROMAN)
        return 0;
    if (FcPatternGetInteger(p, FC_INDEX, 0, index) != FcResultMatch)
        *index = 0;
    if (*index >> 16)           /* a named instance of a variable font */
        return 0;
    if (FcPatternGetInteger(p, FC_WEIGHT, 0, weight) != FcResultMatch)
        *weight = FC_WEIGHT_REGULAR;
    /* some faces (FandolHei-Bold, FandolSong-Bold) say 400 in OS/2 and
     * Bold only in their style name: believe the name */
    if (*weight < FC_WEIGHT_DEMIBOLD &&
        FcPatternGetString(p, FC_STYLE, 0, &sty) == FcResultMatch) {
        if (FcStrStrIgnoreCase(sty, (const FcChar8 *)"bold"))
            *weight = FC_WEIGHT_BOLD;
        else if (FcStrStrIgnoreCase(sty, (const FcChar8 *)"black") || FcStrStrIgnoreCase(sty, (const FcChar8 *)"heavy"))
            *weight = FC_WEIGHT_BLACK;
    }
    *file = (const char *)s;
    return 1;
}

/* Loads (or finds) the face file#index.  NULL when HarfBuzz cannot read it. */
static gw_face *
S_face_get(gw_fontset *fs, const char *file, unsigned index, const char *family,
           int weight)
{
    gw_face *f = NULL;
    hb_position_t pos;
    size_t i;

    for (i = 0; i < fs->nfaces; i++)
        if (fs->faces[i]->index == index && strcmp(fs->faces[i]->file, file) == 0)
            return fs->faces[i];
    if (fs->nfaces == S_MAX_FACES) {
        gw_warnf("font %s: more than %d font files in use, ignoring it", file, S_MAX_FACES);
        return NULL;
    }
    f = gw_xcalloc(1, sizeof *f);
    f->blob = hb_blob_create_from_file_or_fail(file);
    if (!f->blob)
        goto fail;
    f->hb_face = hb_face_create(f->blob, index);
    if (hb_face_get_glyph_count(f->hb_face) == 0)
        goto fail;
    f->hb_font = hb_font_create(f->hb_face);
    f->upem = hb_face_get_upem(f->hb_face);
    if (f->upem <= 0)
        goto fail;
    hb_font_set_scale(f->hb_font, (int)f->upem, (int)f->upem);
    {
        /* glyf or CFF outlines; a CFF2 (variable) face or one with neither
         * is nothing the PDF writer can embed */
        hb_blob_t *g = hb_face_reference_table(f->hb_face, HB_TAG('g', 'l', 'y', 'f'));
        hb_blob_t *c = hb_face_reference_table(f->hb_face, HB_TAG('C', 'F', 'F', ' '));
        int has_glyf = hb_blob_get_length(g) > 0;
        f->cff = !has_glyf && hb_blob_get_length(c) > 0;
        hb_blob_destroy(g);
        hb_blob_destroy(c);
        if (!has_glyf && !f->cff)
            goto fail;
    }
    f->file = gw_xstrdup(file);
    f->index = index;
    f->family = gw_xstrdup(family);
    f->fc_weight = weight;
    if (hb_ot_metrics_get_position(f->hb_font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &pos))
        f->asc = pos;
    else
        f->asc = 0.88 * f->upem;
    if (hb_ot_metrics_get_position(f->hb_font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &pos))
        f->desc = pos;
    else
        f->desc = -0.12 * f->upem;
    if (f->asc <= 0)
        f->asc = 0.88 * f->upem;
    if (f->desc > 0)
        f->desc = -f->desc;
    fs->faces[fs->nfaces++] = f;
    return f;

fail:
    gw_warnf("font %s (index %u): HarfBuzz cannot read it, ignoring it", file, index);
    S_face_free(f);
    return NULL;
}

/* The installed TrueType face of exactly this family (fontconfig's
 * FcFontList compares family names, ignoring case and blanks, against every
 * name the font declares, so a missing 仿宋_GB2312 does not turn into DejaVu
 * Sans as FcFontMatch would), closest to the wanted weight.  NULL if none. */
static gw_face *
S_resolve(gw_fontset *fs, const char *family, int bold)
{
    FcPattern *pat;
    FcObjectSet *os;
    FcFontSet *set;
    const char *best_file = NULL;
    int best_index = 0, best_weight = 0, best_d = 1 << 30;
    int want = bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
    gw_face *f = NULL;
    int i;

    pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
    os = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FAMILY, FC_WEIGHT, FC_SLANT,
                          FC_FONTFORMAT, FC_OUTLINE, FC_STYLE, (char *)NULL);
    set = FcFontList(fs->fc, pat, os);
    for (i = 0; set && i < set->nfont; i++) {
        const char *file;
        int index, weight, d;
        if (!S_usable(set->fonts[i], &file, &index, &weight))
            continue;
        d = abs(weight - want);
        /* a face of the office's own fonts directory wins */
        if (S_in_dirs(file))
            d -= 1000;
        /* ties: the lower file name and index, so runs are reproducible */
        if (d < best_d || (d == best_d && (strcmp(file, best_file) < 0 ||
                           (strcmp(file, best_file) == 0 && index < best_index)))) {
            best_d = d;
            best_file = file;
            best_index = index;
            best_weight = weight;
        }
    }
    if (best_file)
        f = S_face_get(fs, best_file, (unsigned)best_index, family, best_weight);
    if (set)
        FcFontSetDestroy(set);
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    return f;
}

static int
S_cmp_pattern(const void *a, const void *b)
{
    FcPattern *pa = *(FcPattern *const *)a, *pb = *(FcPattern *const *)b;
    FcChar8 *fa = NULL, *fb = NULL;
    int ia = 0, ib = 0, c;
    FcPatternGetString(pa, FC_FILE, 0, &fa);
    FcPatternGetString(pb, FC_FILE, 0, &fb);
    c = strcmp(fa ? (const char *)fa : "", fb ? (const char *)fb : "");
    if (c)
        return c;
    FcPatternGetInteger(pa, FC_INDEX, 0, &ia);
    FcPatternGetInteger(pb, FC_INDEX, 0, &ib);
    return (ia > ib) - (ia < ib);
}

static void
S_cjk_add(gw_fontset *fs, gw_face *f)
{
    size_t i;
    if (!f || fs->ncjk == S_MAX_CJK_FALLBACK)
        return;
    for (i = 0; i < fs->ncjk; i++)
        if (fs->cjk[i] == f)
            return;
    fs->cjk[fs->ncjk++] = f;
}

/* Fills fs->cjk once: the preferred free faces, then every other regular
 * TrueType face that covers Simplified Chinese, in file-name order. */
static void
S_cjk_build(gw_fontset *fs)
{
    FcPattern *pat;
    FcObjectSet *os;
    FcFontSet *set;
    FcLangSet *ls;
    size_t i;

    if (fs->cjk_done)
        return;
    fs->cjk_done = 1;
    for (i = 0; i < sizeof S_cjk_preferred / sizeof S_cjk_preferred[0]; i++)
        S_cjk_add(fs, S_resolve(fs, S_cjk_preferred[i], 0));

    pat = FcPatternCreate();
    ls = FcLangSetCreate();
    FcLangSetAdd(ls, (const FcChar8 *)"zh-cn");
    FcPatternAddLangSet(pat, FC_LANG, ls);
    FcLangSetDestroy(ls);
    os = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FAMILY, FC_WEIGHT, FC_SLANT,
                          FC_FONTFORMAT, FC_OUTLINE, FC_STYLE, (char *)NULL);
    set = FcFontList(fs->fc, pat, os);
    if (set && set->nfont > 1)
        qsort(set->fonts, (size_t)set->nfont, sizeof set->fonts[0], S_cmp_pattern);
    for (int k = 0; set && k < set->nfont; k++) {
        const char *file;
        FcChar8 *fam = NULL;
        int index, weight;
        if (!S_usable(set->fonts[k], &file, &index, &weight))
            continue;
        if (weight < FC_WEIGHT_BOOK || weight > FC_WEIGHT_MEDIUM)
            continue;
        FcPatternGetString(set->fonts[k], FC_FAMILY, 0, &fam);
        S_cjk_add(fs, S_face_get(fs, file, (unsigned)index,
                                 fam ? (const char *)fam : "?", weight));
    }
    if (set)
        FcFontSetDestroy(set);
    FcObjectSetDestroy(os);
    FcPatternDestroy(pat);
    for (i = 0; i < fs->ncjk; i++)
        gw_debugf("font fallback %zu: %s (%s, index %u)", i + 1, fs->cjk[i]->family,
                  fs->cjk[i]->file, fs->cjk[i]->index);
}

static void
S_list_add(gw_fontlist *fl, gw_face *f, int force_bold)
{
    size_t i;
    if (!f)
        return;
    for (i = 0; i < fl->n; i++)
        if (fl->faces[i] == f) {
            fl->force_bold[i] |= force_bold;
            return;
        }
    if (fl->n == S_MAX_LIST_FACES)
        return;
    fl->force_bold[fl->n] = force_bold;
    fl->faces[fl->n++] = f;
}

static const struct S_role *
S_role_find(const char *name, size_t *idx)
{
    for (size_t i = 0; i < S_NROLES; i++)
        if (strcmp(name, S_roles[i].name) == 0) {
            *idx = i;
            return &S_roles[i];
        }
    return NULL;
}

/* Adds the faces of one role: every installed preferred family, then the
 * free substitutes; warns once per role when no preferred one is there. */
static void
S_add_role(gw_fontset *fs, gw_fontlist *fl, const struct S_role *r, size_t ri)
{
    int found = 0;
    gw_face *sub = NULL;
    size_t i;

    for (i = 0; i < 6 && r->preferred[i]; i++) {
        gw_face *f = S_resolve(fs, r->preferred[i], fl->bold);
        if (f) {
            found = 1;
            gw_debugf("font role %s: %s served by %s (index %u)", r->name,
                      r->preferred[i], f->file, f->index);
            S_list_add(fl, f, 0);
        }
    }
    for (i = 0; i < 3 && r->fallback[i]; i++) {
        gw_face *f = S_resolve(fs, r->fallback[i], fl->bold || r->bold_fallback);
        if (!f)
            continue;
        if (!sub && !found)
            sub = f;
        /* a real bold serves the title; the rest of the list only what it
         * lacks, in synthetic bold when it is not bold */
        gw_debugf("font role %s: fallback %s served by %s (index %u)", r->name,
                  r->fallback[i], f->file, f->index);
        /* the title substitute gets synthetic bold even at normal weight */
        S_list_add(fl, f, r->bold_fallback && !found && f->fc_weight < FC_WEIGHT_DEMIBOLD);
    }
    if (!found && !((S_warned_roles | S_pending_roles) & (1u << ri))) {
        S_pending_roles |= 1u << ri;
        if (S_pending.len)
            gw_buf_puts(&S_pending, "; ");
        if (sub)
            gw_buf_printf(&S_pending, "%s (%s) -> %s (%s)%s", r->name, r->preferred[0],
                          sub->family, sub->file,
                          r->bold_fallback && sub->fc_weight < FC_WEIGHT_DEMIBOLD
                              ? " with synthetic bold" : "");
        else
            gw_buf_printf(&S_pending, "%s (%s) -> any CJK font", r->name, r->preferred[0]);
    }
}

void
gw_font_forget_substitutes(void)
{
    S_warned_roles |= S_pending_roles;
    S_pending_roles = 0;
    gw_buf_free(&S_pending);
}

void
gw_font_report_substitutes(void)
{
    if (!S_pending_roles)
        return;
    gw_warnf("preferred fonts not installed, using substitutes: %s", S_pending.ptr);
    /* a quiet run must not swallow the warning for a later verbose one */
    if (gw_verbosity > 0)
        S_warned_roles |= S_pending_roles;
    S_pending_roles = 0;
    gw_buf_free(&S_pending);
}

int
gw_fontset_lookup(gw_fontset *fs, const char *family, int weight,
                  const gw_fontlist **out, gw_err *err)
{
    int bold = weight >= 600;
    gw_fontlist *fl = NULL;
    const char *p;
    size_t i, names = 0;

    *out = NULL;
    if (fs->last && fs->last->bold == bold && strcmp(fs->last->key, family) == 0) {
        *out = fs->last;
        return 0;
    }
    for (i = 0; i < fs->nlists; i++)
        if (fs->lists[i]->bold == bold && strcmp(fs->lists[i]->key, family) == 0) {
            *out = fs->last = fs->lists[i];
            return 0;
        }
    if (strlen(family) > S_MAX_FAMILY_BYTES)
        return gw_err_set(err, GW_EINPUT, "font-family value longer than %d bytes",
                          S_MAX_FAMILY_BYTES);
    if (fs->nlists == S_MAX_LISTS)
        return gw_err_set(err, GW_EINPUT,
                          "font-family \"%s\": more than %d different font-family values",
                          family, S_MAX_LISTS);

    fl = gw_xcalloc(1, sizeof *fl);
    fl->key = gw_xstrdup(family);
    fl->bold = bold;
    fl->fs = fs;

    /* split on commas; trim blanks and CSS quotes */
    p = family;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const char *s = p;
        char name[S_MAX_FAMILY_BYTES + 1];
        const struct S_role *r;
        size_t ri = 0;
        gw_face *f;

        p = e ? e + 1 : p + n;
        while (n && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\'' || *s == '"')) {
            s++;
            n--;
        }
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                     s[n - 1] == '\'' || s[n - 1] == '"'))
            n--;
        if (!n)
            continue;
        if (++names > S_MAX_FAMILY_NAMES) {
            gw_warnf("font-family \"%s\": more than %d names, ignoring the rest",
                     family, S_MAX_FAMILY_NAMES);
            break;
        }
        memcpy(name, s, n);
        name[n] = '\0';
        r = S_role_find(name, &ri);
        if (r) {
            S_add_role(fs, fl, r, ri);
            continue;
        }
        f = S_resolve(fs, name, bold);
        if (f) {
            gw_debugf("font family %s: served by %s (index %u)", name, f->file, f->index);
            S_list_add(fl, f, 0);
        } else {
            gw_debugf("font family %s: not installed as a TrueType font", name);
        }
    }
    if (fl->n == 0) {
        S_cjk_build(fs);
        if (fs->ncjk == 0) {
            free(fl->key);
            free(fl);
            return gw_err_set(err, GW_EDEP,
                              "font-family \"%s\": no usable CJK TrueType font is installed "
                              "(install fonts-arphic-uming or fonts-wqy-zenhei)", family);
        }
        gw_warnf("font-family \"%s\": none installed as a TrueType font, using %s (%s)",
                 family, fs->cjk[0]->family, fs->cjk[0]->file);
        S_list_add(fl, fs->cjk[0], 0);
    }
    if (fs->nlists == fs->lcap) {
        fs->lcap = fs->lcap ? fs->lcap * 2 : 16;
        fs->lists = gw_xrealloc(fs->lists, fs->lcap * sizeof *fs->lists);
    }
    fs->lists[fs->nlists++] = fl;
    *out = fs->last = fl;
    return 0;
}

gw_face *
gw_fontlist_face_for(const gw_fontlist *fl, uint32_t cp)
{
    size_t i;
    for (i = 0; i < fl->n; i++)
        if (gw_face_has(fl->faces[i], cp))
            return fl->faces[i];
    S_cjk_build(fl->fs);
    for (i = 0; i < fl->fs->ncjk; i++)
        if (gw_face_has(fl->fs->cjk[i], cp))
            return fl->fs->cjk[i];
    return NULL;
}

gw_face *
gw_fontlist_primary(const gw_fontlist *fl)
{
    return fl->faces[0];
}

int
gw_fontlist_fake_bold(const gw_fontlist *fl, const gw_face *face)
{
    size_t i;
    if (!face)
        return 0;
    for (i = 0; i < fl->n; i++)
        if (fl->faces[i] == face && fl->force_bold[i])
            return 1;
    return fl->bold && face->fc_weight < FC_WEIGHT_DEMIBOLD;
}

double
gw_face_advance(const gw_face *f, uint32_t cp, double size)
{
    hb_codepoint_t g;
    if (!hb_font_get_nominal_glyph(f->hb_font, cp, &g))
        return 0;
    return hb_font_get_glyph_h_advance(f->hb_font, g) * size / f->upem;
}

int
gw_face_has(const gw_face *f, uint32_t cp)
{
    hb_codepoint_t g;
    return hb_font_get_nominal_glyph(f->hb_font, cp, &g) && g != 0;
}

double
gw_face_ascender(const gw_face *f, double size)
{
    return f->asc * size / f->upem;
}

double
gw_face_descender(const gw_face *f, double size)
{
    return f->desc * size / f->upem;
}

const char *
gw_face_file(const gw_face *f)
{
    return f->file;
}

unsigned
gw_face_index(const gw_face *f)
{
    return f->index;
}

const char *
gw_face_family(const gw_face *f)
{
    return f->family;
}

/* Tables libharu 2.3.0 refuses to embed a TrueType font without
 * (hpdf_fontdef_tt.c REQUIRED_TAGS); a font without hinting lacks them, so
 * the subset gets empty ones. */
static const char *const S_haru_tables[] = { "cvt ", "fpgm", "prep" };

/* Tables a PDF viewer never reads from an embedded CID TrueType font. */
static const char *const S_drop_tables[] = {
    "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "kern", "morx", "vhea", "vmtx", "VORG",
    "DSIG", "EBDT", "EBLC", "EBSC", "gasp", "hdmx", "LTSH", "VDMX", "PCLT", "meta"
};

static hb_tag_t
S_tag(const char *s)
{
    return HB_TAG(s[0], s[1], s[2], s[3]);
}

/* Runs hb-subset for cps into a parsed face of the subset's bytes (a face
 * made from the bytes lists its tables; a builder face does not).  Caller
 * destroys *face.  0, or GW_EDEP with err set. */
static int
S_subset_face(const gw_face *f, const uint32_t *cps, size_t n, hb_face_t **face, gw_err *err)
{
    hb_subset_input_t *in;
    hb_face_t *sub;
    hb_blob_t *blob;
    hb_set_t *set;
    size_t i;

    *face = NULL;
    in = hb_subset_input_create_or_fail();
    if (!in)
        return gw_err_set(err, GW_EDEP, "font %s: hb-subset: out of memory", f->file);
    /* keep the .notdef outline: a character the face lacks then shows as a
     * box a proofreader notices, not as a silent gap */
    /* hinting programs are most of a CJK TrueType glyph's bytes and do nothing
     * for print or for viewers that render at high resolution */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NOTDEF_OUTLINE | HB_SUBSET_FLAGS_NO_HINTING);
    set = hb_subset_input_unicode_set(in);
    for (i = 0; i < n; i++)
        hb_set_add(set, cps[i]);
    set = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (i = 0; i < sizeof S_drop_tables / sizeof S_drop_tables[0]; i++)
        hb_set_add(set, S_tag(S_drop_tables[i]));
    sub = hb_subset_or_fail(f->hb_face, in);
    hb_subset_input_destroy(in);
    if (!sub)
        return gw_err_set(err, GW_EDEP, "font %s (index %u): hb-subset failed for %zu characters",
                          f->file, f->index, n);
    blob = hb_face_reference_blob(sub);
    hb_face_destroy(sub);
    if (hb_blob_get_length(blob) == 0) {
        hb_blob_destroy(blob);
        return gw_err_set(err, GW_EDEP, "font %s (index %u): hb-subset produced an empty font",
                          f->file, f->index);
    }
    *face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    return 0;
}

int
gw_face_subset(const gw_face *f, const uint32_t *cps, size_t n, gw_buf *out,
               uint16_t *gids, gw_err *err)
{
    hb_face_t *builder = NULL, *parsed = NULL;
    hb_blob_t *blob = NULL;
    const char *data;
    unsigned len, ntags, k;
    hb_tag_t tags[64];
    int missing = 0, rc;
    size_t i;

    if ((rc = S_subset_face(f, cps, n, &parsed, err)) < 0)
        return rc;
    if (gids) {
        hb_font_t *font = hb_font_create(parsed);
        for (i = 0; i < n; i++) {
            hb_codepoint_t g = 0;
            gids[i] = hb_font_get_nominal_glyph(font, cps[i], &g) && g <= 0xFFFF
                          ? (uint16_t)g : 0;
        }
        hb_font_destroy(font);
    }
    blob = hb_face_reference_blob(parsed);
    for (i = 0; i < sizeof S_haru_tables / sizeof S_haru_tables[0]; i++) {
        hb_blob_t *t = hb_face_reference_table(parsed, S_tag(S_haru_tables[i]));
        if (hb_blob_get_length(t) == 0)
            missing = 1;
        hb_blob_destroy(t);
    }
    if (missing) {
        /* copy every table into a builder and add the missing ones: four
         * zero bytes are a harmless program / two zero cvt entries */
        static const char zero4[4] = { 0, 0, 0, 0 };
        builder = hb_face_builder_create();
        ntags = 64;
        hb_face_get_table_tags(parsed, 0, &ntags, tags);
        for (k = 0; k < ntags; k++) {
            hb_blob_t *t = hb_face_reference_table(parsed, tags[k]);
            hb_face_builder_add_table(builder, tags[k], t);
            hb_blob_destroy(t);
        }
        for (i = 0; i < sizeof S_haru_tables / sizeof S_haru_tables[0]; i++) {
            hb_tag_t tag = S_tag(S_haru_tables[i]);
            hb_blob_t *t = hb_face_reference_table(parsed, tag);
            if (hb_blob_get_length(t) == 0) {
                hb_blob_t *z = hb_blob_create(zero4, 4, HB_MEMORY_MODE_READONLY, NULL, NULL);
                hb_face_builder_add_table(builder, tag, z);
                hb_blob_destroy(z);
            }
            hb_blob_destroy(t);
        }
        hb_blob_destroy(blob);
        blob = hb_face_reference_blob(builder);
    }
    data = hb_blob_get_data(blob, &len);
    if (!data || len == 0) {
        rc = gw_err_set(err, GW_EDEP, "font %s (index %u): hb-subset produced an empty font",
                        f->file, f->index);
        goto out;
    }
    gw_buf_put(out, data, len);

out:
    hb_blob_destroy(blob);
    hb_face_destroy(builder);
    hb_face_destroy(parsed);
    return rc;
}

int
gw_face_is_cff(const gw_face *f)
{
    return f->cff;
}

/* ---- the compact font format (Adobe TN 5176), as much as embedding needs:
 * the INDEX and DICT structures up to the Top DICT's charset and ROS. */

static unsigned
S_be(const unsigned char *p, unsigned nbytes)
{
    unsigned v = 0;
    while (nbytes--)
        v = v << 8 | *p++;
    return v;
}

/* The INDEX at *pos of c[0..n): its first object in [*s, *e) (empty when
 * count is 0); *pos moves past it.  0, or -1 when it is malformed. */
static int
S_cff_index(const unsigned char *c, size_t n, size_t *pos, size_t *s, size_t *e)
{
    size_t p = *pos, count, osz, base, last;

    if (p + 2 > n)
        return -1;
    count = S_be(c + p, 2);
    if (count == 0) {
        *s = *e = p + 2;
        *pos = p + 2;
        return 0;
    }
    if (p + 3 > n || (osz = c[p + 2]) < 1 || osz > 4 || p + 3 + (count + 1) * osz > n)
        return -1;
    base = p + 3 + (count + 1) * osz - 1;        /* offsets count from 1 */
    *s = base + S_be(c + p + 3, (unsigned)osz);
    *e = base + S_be(c + p + 3 + osz, (unsigned)osz);
    last = base + S_be(c + p + 3 + count * osz, (unsigned)osz);
    if (*s > *e || *e > last || last > n)
        return -1;
    *pos = last;
    return 0;
}

/* Reads the Top DICT d[0..n): the charset offset (*charset, 0 when absent)
 * and whether it is CID-keyed (a ROS operator).  -1 when malformed. */
static int
S_cff_topdict(const unsigned char *d, size_t n, long *charset, int *cid_keyed)
{
    long operand = 0;
    size_t i = 0;

    *charset = 0;
    *cid_keyed = 0;
    while (i < n) {
        unsigned b = d[i];
        if (b == 28 && i + 3 <= n) {
            operand = (short)S_be(d + i + 1, 2);
            i += 3;
        } else if (b == 29 && i + 5 <= n) {
            operand = (long)(int32_t)S_be(d + i + 1, 4);
            i += 5;
        } else if (b == 30) {                   /* a real: skip its nibbles */
            for (i++; i < n && (d[i] & 0x0F) != 0x0F && (d[i] >> 4) != 0x0F; i++)
                ;
            i++;
            operand = 0;
        } else if (b >= 32 && b <= 246) {
            operand = (long)b - 139;
            i++;
        } else if (b >= 247 && b <= 250 && i + 2 <= n) {
            operand = ((long)b - 247) * 256 + d[i + 1] + 108;
            i += 2;
        } else if (b >= 251 && b <= 254 && i + 2 <= n) {
            operand = -((long)b - 251) * 256 - d[i + 1] - 108;
            i += 2;
        } else if (b == 12 && i + 2 <= n) {
            if (d[i + 1] == 30)
                *cid_keyed = 1;
            i += 2;
        } else if (b <= 21) {
            if (b == 15)
                *charset = operand;
            i++;
        } else {
            return -1;
        }
    }
    return 0;
}

/* The CID of every glyph of a CID-keyed CFF c[0..n) with ng glyphs into
 * cid[0..ng) (from its charset).  *cid_keyed 0 for a name-keyed font (then
 * cid is left alone).  -1 when the font is malformed. */
static int
S_cff_cids(const unsigned char *c, size_t n, unsigned ng, uint16_t *cid, int *cid_keyed)
{
    size_t pos, s, e;
    long cs;
    unsigned g = 1;

    if (n < 4 || c[0] != 1)
        return -1;
    pos = c[2];
    if (S_cff_index(c, n, &pos, &s, &e) < 0 ||          /* Name INDEX */
        S_cff_index(c, n, &pos, &s, &e) < 0 ||          /* Top DICT INDEX */
        S_cff_topdict(c + s, e - s, &cs, cid_keyed) < 0)
        return -1;
    if (!*cid_keyed)
        return 0;
    if (cs < 3 || (size_t)cs >= n || ng == 0)
        return -1;
    cid[0] = 0;
    pos = (size_t)cs + 1;
    switch (c[cs]) {
    case 0:
        for (; g < ng; g++, pos += 2) {
            if (pos + 2 > n)
                return -1;
            cid[g] = (uint16_t)S_be(c + pos, 2);
        }
        break;
    case 1:
    case 2:
        while (g < ng) {
            unsigned first, left, w = c[cs] == 1 ? 1 : 2;
            if (pos + 2 + w > n)
                return -1;
            first = S_be(c + pos, 2);
            left = S_be(c + pos + 2, w);
            pos += 2 + w;
            for (unsigned k = 0; k <= left && g < ng; k++)
                cid[g++] = (uint16_t)(first + k);
        }
        break;
    default:
        return -1;
    }
    return 0;
}

int
gw_face_subset_cff(const gw_face *f, const uint32_t *cps, size_t n, gw_buf *shim,
                   gw_buf *prog, uint16_t *cids, int *cid_keyed, gw_err *err)
{
    static const char zero12[12] = { 0 };
    static const char *const skip[] = { "CFF ", "CFF2", "VORG", "glyf", "loca", "maxp", "head" };
    hb_face_t *parsed = NULL, *builder = NULL;
    hb_font_t *font = NULL;
    hb_blob_t *cff = NULL, *b = NULL;
    uint16_t *gcid = NULL;
    unsigned ng, ntags = 64, len, k;
    hb_tag_t tags[64];
    const char *data;
    unsigned char *tmp = NULL;
    int rc;

    if ((rc = S_subset_face(f, cps, n, &parsed, err)) < 0)
        return rc;
    ng = hb_face_get_glyph_count(parsed);
    cff = hb_face_reference_table(parsed, S_tag("CFF "));
    data = hb_blob_get_data(cff, &len);
    gcid = gw_xcalloc(ng ? ng : 1, sizeof *gcid);
    if (!data || ng == 0 || ng > 65535 ||
        S_cff_cids((const unsigned char *)data, len, ng, gcid, cid_keyed) < 0) {
        rc = gw_err_set(err, GW_EDEP, "font %s (index %u): its subset's CFF table is not one "
                        "this writer can read", f->file, f->index);
        goto out;
    }
    /* the program: the bare CID-keyed CFF (FontFile3 /CIDFontType0C), or
     * for a name-keyed one the OpenType font (FontFile3 /OpenType), whose
     * glyphs a viewer finds by glyph index */
    if (*cid_keyed) {
        gw_buf_put(prog, data, len);
    } else {
        hb_blob_t *all = hb_face_reference_blob(parsed);
        const char *d = hb_blob_get_data(all, &len);
        gw_buf_put(prog, d, len);
        hb_blob_destroy(all);
    }
    font = hb_font_create(parsed);
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t g = 0;
        if (!hb_font_get_nominal_glyph(font, cps[i], &g) || g >= ng)
            g = 0;
        cids[i] = *cid_keyed ? gcid[g] : (uint16_t)g;
    }
    /* the metrics font for libharu, which parses TrueType only: the
     * subset's cmap, hmtx and names, a version 1.0 maxp, a head asking for
     * short loca offsets, and empty outlines (never embedded: the writer
     * gives the PDF the CFF program) */
    builder = hb_face_builder_create();
    hb_face_get_table_tags(parsed, 0, &ntags, tags);
    for (k = 0; k < ntags; k++) {
        size_t j;
        for (j = 0; j < sizeof skip / sizeof skip[0] && tags[k] != S_tag(skip[j]); j++)
            ;
        if (j < sizeof skip / sizeof skip[0])
            continue;
        b = hb_face_reference_table(parsed, tags[k]);
        hb_face_builder_add_table(builder, tags[k], b);
        hb_blob_destroy(b);
    }
    b = hb_face_reference_table(parsed, S_tag("head"));
    data = hb_blob_get_data(b, &len);
    if (!data || len < 54) {
        hb_blob_destroy(b);
        rc = gw_err_set(err, GW_EDEP, "font %s (index %u): no head table", f->file, f->index);
        goto out;
    }
    tmp = gw_xmalloc(len > 32 ? len : 32);
    memcpy(tmp, data, len);
    tmp[50] = tmp[51] = 0;                      /* indexToLocFormat: short */
    hb_blob_destroy(b);
    b = hb_blob_create((const char *)tmp, len, HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
    hb_face_builder_add_table(builder, S_tag("head"), b);
    hb_blob_destroy(b);
    memset(tmp, 0, 32);
    tmp[1] = 1;                                 /* maxp version 1.0 */
    tmp[4] = (unsigned char)(ng >> 8);
    tmp[5] = (unsigned char)ng;
    b = hb_blob_create((const char *)tmp, 32, HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
    hb_face_builder_add_table(builder, S_tag("maxp"), b);
    hb_blob_destroy(b);
    free(tmp);
    tmp = gw_xcalloc(2 * ((size_t)ng + 1), 1);
    b = hb_blob_create((const char *)tmp, 2 * (ng + 1), HB_MEMORY_MODE_DUPLICATE, NULL, NULL);
    hb_face_builder_add_table(builder, S_tag("loca"), b);
    hb_blob_destroy(b);
    /* glyf: room for the bounding box libharu reads of 'H' and 'x' */
    b = hb_blob_create(zero12, sizeof zero12, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_builder_add_table(builder, S_tag("glyf"), b);
    for (k = 0; k < sizeof S_haru_tables / sizeof S_haru_tables[0]; k++) {
        hb_blob_t *t = hb_face_reference_table(parsed, S_tag(S_haru_tables[k]));
        if (hb_blob_get_length(t) == 0)
            hb_face_builder_add_table(builder, S_tag(S_haru_tables[k]), b);
        hb_blob_destroy(t);
    }
    hb_blob_destroy(b);
    b = hb_face_reference_blob(builder);
    data = hb_blob_get_data(b, &len);
    if (!data || len == 0) {
        hb_blob_destroy(b);
        rc = gw_err_set(err, GW_EDEP, "font %s (index %u): cannot build its metrics font",
                        f->file, f->index);
        goto out;
    }
    gw_buf_put(shim, data, len);
    hb_blob_destroy(b);

out:
    free(tmp);
    free(gcid);
    hb_font_destroy(font);
    hb_blob_destroy(cff);
    hb_face_destroy(builder);
    hb_face_destroy(parsed);
    return rc;
}

const char *
gw_font_role(size_t i, const char *const **preferred, const char *const **fallback)
{
    if (i >= S_NROLES)
        return NULL;
    if (preferred)
        *preferred = S_roles[i].preferred;
    if (fallback)
        *fallback = S_roles[i].fallback;
    return S_roles[i].name;
}

int
gw_face_is_bold(const gw_face *f)
{
    return f->fc_weight >= FC_WEIGHT_DEMIBOLD;
}
