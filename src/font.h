/* font.h — fonts: family lists resolved with fontconfig to TrueType and
 * OpenType/CFF files, per-character fallback, HarfBuzz metrics, hb-subset.  The only
 * module that talks to fontconfig and HarfBuzz. */
#ifndef GW_FONT_H
#define GW_FONT_H

#include "gw.h"

/* All fonts of one run of the program.  Owns every face and family list it
 * hands out. */
typedef struct gw_fontset gw_fontset;
/* One font file (and index inside a TTC).  Borrowed from its fontset. */
typedef struct gw_face gw_face;
/* An ordered list of faces for one font-family value.  Borrowed. */
typedef struct gw_fontlist gw_fontlist;

/* Creates a fontset (initialises fontconfig).  Caller frees with
 * gw_fontset_free.  0, or GW_EDEP with err set. */
int gw_fontset_new(gw_fontset **out, gw_err *err);
void gw_fontset_free(gw_fontset *fs);

/* Resolves a CSS/XSL font-family value such as
 * "仿宋_GB2312, FangSong, AR PL UMing CN" or a role name (仿宋, 黑体, 楷体,
 * 小标宋, 宋体, which expand to the preferred families and then the free
 * Debian fallbacks: docs/fonts.md) into faces, TrueType or OpenType/CFF.
 * weight >= 600 asks for a bold face (synthetic bold is used when none).
 * The list is cached and borrowed.  Fails (GW_EDEP) only when no usable CJK
 * font is installed at all.  When a role's preferred font is missing, the
 * substitute is recorded for gw_font_report_substitutes. */
int gw_fontset_lookup(gw_fontset *fs, const char *family, int weight,
                      const gw_fontlist **out, gw_err *err);

/* Prints, as one warning, every role substitution found since the last
 * call (e.g. 仿宋 (仿宋_GB2312) -> AR PL UMing CN (file)); each role is
 * reported once per process.  Called by the renderer after layout and by
 * gw_fontset_free. */
void gw_font_report_substitutes(void);
/* Drops the substitutions found so far without a warning (`gongwen fonts`
 * prints them in its table). */
void gw_font_forget_substitutes(void);

/* The face to use for cp: the first of the list that has a glyph, then any
 * installed CJK TrueType font.  NULL when no font has it (the caller reports
 * the character and its position). */
gw_face *gw_fontlist_face_for(const gw_fontlist *fl, uint32_t cp);
/* The first face of the list (for metrics of an empty line). */
gw_face *gw_fontlist_primary(const gw_fontlist *fl);
/* Whether bold was asked for and the face is not bold: draw with a stroke. */
int gw_fontlist_fake_bold(const gw_fontlist *fl, const gw_face *face);

/* Advance of cp at size pt, in pt (HarfBuzz, nominal glyph, no shaping). */
double gw_face_advance(const gw_face *f, uint32_t cp, double size);
/* Whether the face has a glyph for cp. */
int gw_face_has(const gw_face *f, uint32_t cp);
/* Ascender (positive) and descender (negative) at size pt, from OS/2 or hhea. */
double gw_face_ascender(const gw_face *f, double size);
double gw_face_descender(const gw_face *f, double size);
/* File, index inside a TTC, family and PostScript-ish name: borrowed. */
const char *gw_face_file(const gw_face *f);
unsigned gw_face_index(const gw_face *f);
const char *gw_face_family(const gw_face *f);

/* Makes a TrueType font holding only the glyphs of cps (plus .notdef), with
 * hb-subset, into out (appended).  The result keeps a Unicode cmap so a PDF
 * writer can load it like the original.  gids (NULL, or n entries the
 * caller allocates) gets the subset's glyph of each cps[i], 0 when the face
 * lacks it.  0, or GW_EDEP with err set. */
int gw_face_subset(const gw_face *f, const uint32_t *cps, size_t n, gw_buf *out,
                   uint16_t *gids, gw_err *err);

/* Adds a directory whose fonts are searched first (--fonts DIR, the
 * fonts_dir key): fontsets created afterwards read it, and a face from it
 * wins over an installed face of the same family.  For the whole process;
 * at most 8.  0, or GW_EIO when dir is not a directory. */
int gw_font_add_dir(const char *dir, gw_err *err);

/* The i-th role of the role table (仿宋, 楷体, 黑体, 小标宋, 宋体; NULL past
 * the end), with its preferred families (the office's fonts) and its free
 * fallbacks, each a NULL-terminated or full array of 6 / 3 (borrowed). */
const char *gw_font_role(size_t i, const char *const **preferred,
                         const char *const **fallback);
/* 1 when the face is a bold face (not synthetic bold). */
int gw_face_is_bold(const gw_face *f);

/* 1 when the face's outlines are CFF (OpenType/CFF, .otf), 0 for glyf. */
int gw_face_is_cff(const gw_face *f);

/* For a CFF face: hb-subset for cps, then
 *   prog  the font program for the PDF (appended): the bare CFF table of a
 *         CID-keyed font (FontFile3 /CIDFontType0C), the whole OpenType
 *         subset of a name-keyed one (FontFile3 /OpenType);
 *   shim  a TrueType font with the subset's cmap, widths and names and
 *         empty outlines (appended), for a writer that measures TrueType;
 *   cids  for each cps[i], the CID that draws it in prog (the charset's CID
 *         of a CID-keyed font, else the glyph index; 0 when the face lacks
 *         it); caller allocates n entries;
 *   *cid_keyed  1 for a CID-keyed CFF.
 * 0, or GW_EDEP with err set. */
int gw_face_subset_cff(const gw_face *f, const uint32_t *cps, size_t n, gw_buf *shim,
                       gw_buf *prog, uint16_t *cids, int *cid_keyed, gw_err *err);

#endif
