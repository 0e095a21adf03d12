/* import.h — a plan published as text → an in-memory plan (plan.h).
 *
 * The text is parsed completely (title, 附件N, preamble, sections 一、/（一）,
 * numbered tasks with their unit lists in every convention real plans use,
 * 工作要求 items) into a plan that the store saves in one transaction
 * replacing the previous plan but keeping the progress reports (which refer
 * to task numbers): gw_store_plan_save. */
#ifndef GW_IMPORT_H
#define GW_IMPORT_H

#include "gw.h"
#include "plan.h"

typedef struct gw_import_opts {
    int all_lead;       /* a plain list with no marker and no note: all lead */
    const char *units;  /* the unit directory (data/units.tsv format); NULL:
                         * the shipped data/units.tsv */
} gw_import_opts;

/* What normalisation changed, by the character it produced. */
enum { GW_NORM_COMMA, GW_NORM_SEMI, GW_NORM_COLON, GW_NORM_LPAREN,
       GW_NORM_RPAREN, GW_NORM_EXCL, GW_NORM_QUEST, GW_NORM_LQUOTE,
       GW_NORM_RQUOTE, GW_NORM_N };

typedef struct gw_norm_counts {
    unsigned long n[GW_NORM_N];
} gw_norm_counts;

/* The full-width character for each GW_NORM_* slot (UTF-8, static). */
extern const char *const gw_norm_chars[GW_NORM_N];

/* Normalises one line of published text into out (appended): half-width
 * , ; : ( ) ! ? next to Chinese text become ，；：（）！？ and straight double
 * quotes become “ ” pairs; Latin text and numbers are untouched.  Adds what
 * changed to counts (may be NULL).  Returns 1 when the line has an odd number
 * of straight quotes (the last one is left as “), else 0.  The input must be
 * valid UTF-8. */
int gw_import_normalise(const char *s, size_t n, gw_buf *out, gw_norm_counts *counts);

/* Parses the plan in the file at path (standard input for "-") into a new
 * plan (*out, caller frees with gw_plan_free) with the shipped unit
 * directory (data/units.tsv) and metadata defaults (data/meta.tsv), for
 * gw_store_plan_save.  Reports skipped lines, duplicate units and the
 * normalisation counts on stderr.  0, or GW_EINPUT with "FILE:LINE:COL:
 * message" (*out NULL), or GW_EIO. */
int gw_import_plan_file(const char *path, const gw_import_opts *opts, gw_plan **out,
                        gw_err *err);

/* The same for text already in memory; name is used in messages. */
int gw_import_plan_text(const char *name, const char *text, size_t n,
                        const gw_import_opts *opts, gw_plan **out, gw_err *err);

#endif
