/* linebreak.h — Chinese line breaking: ICU line-break opportunities, the
 * clreq / GB/T 15834 rules (no forbidden marks at line start or end, ——
 * and …… never split), line-end punctuation squeezing, grid pitch and
 * justification.  Off the grid (tables, free text) also: dates (2017年9月25日,
 * 2017年10月) and document numbers (〔2017〕3号) are never split, and a
 * paragraph's last line is never one character alone (a character is carried
 * down from the line before).  On the grid the 28-字 line wins over both,
 * but a last line of one character and its marks (项。) is pulled up when
 * halving marks of the line before makes room (punctuation squeeze on), and
 * so is the rest of a unit's name a line would end in (prefer_after).
 * Pure computation: no fonts, no pages. */
#ifndef GW_LINEBREAK_H
#define GW_LINEBREAK_H

#include "gw.h"

/* One character to set.  The caller fills cp and adv; the breaker fills x
 * and w. */
typedef struct gw_lb_item {
    uint32_t cp;        /* U+2028 = forced line break; U+FFFC = inline object */
    double   adv;       /* natural advance in pt (letter-spacing included) */
    int      fullwidth; /* 1 when the character occupies a full 字 cell on the
                         * grid (CJK, full-width punctuation); the caller may
                         * leave 0 and let gw_lb_is_fullwidth decide */
    /* out */
    double   x;         /* offset of the left edge from the line's start edge */
    double   w;         /* width as set (squeezed punctuation is narrower) */
} gw_lb_item;

enum { GW_LB_START, GW_LB_CENTER, GW_LB_END, GW_LB_JUSTIFY };

typedef struct gw_lb_opts {
    double width;        /* available width of every line */
    double indent;       /* extra start offset of the first line (text-indent) */
    double pitch;        /* > 0: grid mode, each full-width char takes pitch pt */
    int    squeeze;      /* allow half-width punctuation to fit a line */
    int    align;        /* GW_LB_* for all lines but the last */
    int    align_last;   /* GW_LB_* for the last line (and before forced breaks) */
    const uint32_t *prefer_after;  /* off the grid: when a line must break
                                    * early, break after one of these (、 in
                                    * a list of units) if the line has one;
                                    * on the grid (squeeze on): a line ending
                                    * inside a list item takes the rest of it
                                    * when halving marks makes room; NULL:
                                    * no preference */
    size_t nprefer;
    /* Text off the grid only (pitch 0): */
    double max_gap;      /* > 0: a justified line whose gaps would exceed
                          * max_gap em is set flush start instead (cells) */
} gw_lb_opts;

typedef struct gw_lb_line {
    size_t start, end;   /* items [start, end) */
    double width;        /* natural width of the set text */
} gw_lb_line;

/* Breaks items[0..n) into lines and positions every item (x, w).  Stores a
 * newly allocated array of lines in *lines (caller frees with free()) and
 * its length in *nlines.  An item wider than a line gets a line of its own.
 * 0, or GW_EDEP (ICU failure) with err set. */
int gw_linebreak(gw_lb_item *items, size_t n, const gw_lb_opts *opts,
                 gw_lb_line **lines, size_t *nlines, gw_err *err);

/* 1 for characters that take a full 字 on the grid (Han, kana, hangul,
 * full-width forms and CJK punctuation, “”‘’—… as set in Chinese text). */
int gw_lb_is_fullwidth(uint32_t cp);

/* Whether cp may not start / end a line (clreq, GB/T 15834 §5). */
int gw_lb_no_start(uint32_t cp);
int gw_lb_no_end(uint32_t cp);

#endif
