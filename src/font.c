/* font.c — font-family lists resolved with fontconfig to TrueType-outline
 * files, per-character fallback, HarfBuzz metrics and hb-subset (see font.h).
 * The only module that includes fontconfig and HarfBuzz headers. */
#include "font.h"

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
 * them: first the fonts an office machine has, then free Debian substitutes.
 *
 * 仿宋: no free FangSong exists; AR PL UMing is a Ming/Song face with the same
 *       upright strokes and even colour, the usual pick on Linux.  LXGW WenKai
 *       is a Kai (brush) style and would read as 楷体.
 * 楷体: LXGW WenKai before AR PL UKai CN: rendered side by side, UKai puts
 *       、，：。 in the middle of the em box (Taiwan style) while GB/T 9704
 *       text needs them low on the left, as WenKai draws them.
 * 小标宋: the title face is a heavy, high-contrast Song.  No free one exists.
 *       UMing stroked with synthetic bold keeps the Song serifs and contrast
 *       and gains the weight, so it reads as a title Song; WenQuanYi Zen Hei is
 *       heavy but a sans (黑体) and would look like a 黑体 title instead. */
static const struct S_role {
    const char *name;
    const char *preferred[6];
    const char *fallback[3];
    int         bold_fallback;
} S_roles[] = {
    { "仿宋",   { "仿宋_GB2312", "FangSong_GB2312", "FangSong", "仿宋", "STFangsong", NULL },
      { "AR PL UMing CN", NULL, NULL }, 0 },
    { "楷体",   { "楷体_GB2312", "KaiTi_GB2312", "KaiTi", "楷体", "STKaiti", NULL },
      { "LXGW WenKai", "AR PL UKai CN", NULL }, 0 },
    { "黑体",   { "黑体", "SimHei", "STHeiti", NULL, NULL, NULL },
      { "WenQuanYi Zen Hei", NULL, NULL }, 0 },
    { "小标宋", { "方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", NULL, NULL, NULL },
      { "AR PL UMing CN", NULL, NULL }, 1 },
    { "宋体",   { "宋体", "SimSun", "STSong", NULL, NULL, NULL },
      { "AR PL UMing CN", NULL, NULL }, 0 },
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

/* Free CJK TrueType faces tried first when a character is in no face of a
 * list, in order of how well they sit next to official-document text. */
static const char *const S_cjk_preferred[] = {
    "AR PL UMing CN", "WenQuanYi Zen Hei", "LXGW WenKai", "AR PL UKai CN"
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

/* Whether a file name ends in .ttf or .ttc (libharu embeds glyf outlines
 * only; .otf is CFF in practice). */
static int
S_truetype_file(const char *file)
{
    size_t n = strlen(file);
    return n > 4 && (strcasecmp(file + n - 4, ".ttf") == 0 ||
                     strcasecmp(file + n - 4, ".ttc") == 0);
}

/* Whether a fontconfig pattern is a usable TrueType-outline roman face. */
static int
S_usable(FcPattern *p, const char **file, int *index, int *weight)
{
    FcChar8 *s = NULL, *fmt = NULL;
    FcBool outline = FcFalse;
    int slant = FC_SLANT_ROMAN;
    if (FcPatternGetString(p, FC_FILE, 0, &s) != FcResultMatch)
        return 0;
    if (FcPatternGetString(p, FC_FONTFORMAT, 0, &fmt) != FcResultMatch ||
        strcmp((const char *)fmt, "TrueType") != 0)
        return 0;
    if (FcPatternGetBool(p, FC_OUTLINE, 0, &outline) == FcResultMatch && !outline)
        return 0;
    if (!S_truetype_file((const char *)s))
        return 0;
    if (FcPatternGetInteger(p, FC_SLANT, 0, &slant) == FcResultMatch && slant != FC_SLANT_ROMAN)
        return 0;
    if (FcPatternGetInteger(p, FC_INDEX, 0, index) != FcResultMatch)
        *index = 0;
    if (*index >> 16)           /* a named instance of a variable font */
        return 0;
    if (FcPatternGetInteger(p, FC_WEIGHT, 0, weight) != FcResultMatch)
        *weight = FC_WEIGHT_REGULAR;
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
                          FC_FONTFORMAT, FC_OUTLINE, (char *)NULL);
    set = FcFontList(fs->fc, pat, os);
    for (i = 0; set && i < set->nfont; i++) {
        const char *file;
        int index, weight, d;
        if (!S_usable(set->fonts[i], &file, &index, &weight))
            continue;
        d = abs(weight - want);
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
                          FC_FONTFORMAT, FC_OUTLINE, (char *)NULL);
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
        gw_face *f = S_resolve(fs, r->fallback[i], fl->bold);
        if (!f)
            continue;
        if (!sub && !found)
            sub = f;
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
                          r->bold_fallback ? " with synthetic bold" : "");
        else
            gw_buf_printf(&S_pending, "%s (%s) -> any CJK font", r->name, r->preferred[0]);
    }
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

int
gw_face_subset(const gw_face *f, const uint32_t *cps, size_t n, gw_buf *out,
               gw_err *err)
{
    hb_subset_input_t *in = NULL;
    hb_face_t *sub = NULL, *builder = NULL, *parsed = NULL;
    hb_blob_t *blob = NULL;
    hb_set_t *set;
    const char *data;
    unsigned len, ntags, k;
    hb_tag_t tags[64];
    int missing = 0, rc = 0;
    size_t i;

    in = hb_subset_input_create_or_fail();
    if (!in) {
        rc = gw_err_set(err, GW_EDEP, "font %s: hb-subset: out of memory", f->file);
        goto out;
    }
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
    if (!sub) {
        rc = gw_err_set(err, GW_EDEP, "font %s (index %u): hb-subset failed for %zu characters",
                        f->file, f->index, n);
        goto out;
    }
    /* a face made from the subset's bytes lists its tables (a builder face
     * does not) */
    blob = hb_face_reference_blob(sub);
    parsed = hb_face_create(blob, 0);
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
    hb_face_destroy(sub);
    hb_subset_input_destroy(in);
    return rc;
}
