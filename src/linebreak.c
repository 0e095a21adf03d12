/* linebreak.c — Chinese line breaking (see linebreak.h).
 *
 * 1. Break opportunities: ICU's line breaker ("zh@lb=strict") on the items
 *    converted once to UTF-16, mapped back to item indices; then the clreq
 *    tables in clreq.inc as a safety net (an opportunity that would put a
 *    forbidden mark at a line start/end, split —— ……, a number or a Latin
 *    word is dropped), plus opportunities ICU 72 misses around Chinese
 *    quotation marks (UAX #14 LB19 glues “” to both neighbours).
 * 2. Greedy filling, one pass: items are added while they fit (epsilon
 *    S_EPS, so 28 x 15.7930 fits in 442.205).  When an item overflows and
 *    no break is allowed before it:
 *      "先挤进": if it (and at most S_TAIL_MAX more) are closing/stop marks,
 *        try to squeeze them onto the line: line-end mark half width
 *        (GB/T 15834 §5.1.10), then adjacent pairs 2 字 -> 1.5 字, brackets
 *        first, then ，、；：, then 。？！ (opts->squeeze only);
 *      "后推出": otherwise push the text after the last allowed break to the
 *        next line;
 *      with no allowed break on the line at all (an overlong Latin word),
 *        break before the overflowing item.
 * 3. Placement: x from the running pen; squeezed marks get w = cell/2;
 *    non-last lines are aligned by opts->align, the last line and lines ended
 *    by U+2028 by opts->align_last.  A line that already fills its width
 *    (every full grid line) is left untouched, so its cells stay at
 *    x = indent + k * pitch.
 * 4. A paragraph's last line that would be one character and its marks:
 *    off the grid a character is carried down to it (S_lone_rest); on the
 *    grid it is pulled up instead when enough marks of the line before can
 *    be halved (S_pull), as a 28-字 line may not lose a character.  The
 *    same halving keeps a unit's name whole at a grid line's end when the
 *    stylesheet marks the list (S_pull_to_prefer).
 *
 * Conventions for the caller:
 *   - x includes opts->indent on the first line.
 *   - Squeezed closing marks (，。、）》” ...): ink is in the left half of the
 *     em box, so x stays at the pen and w = cell/2.  Squeezed opening marks
 *     (（《“ ...): ink is in the right half, so x = pen - adv/2 (the glyph is
 *     drawn half an advance early) and w = cell/2; the visible part is
 *     [pen, pen + w).  Either way the next item starts at pen + w.
 *   - Spaces at a line end hang: w = 0, x at the end of the set text.
 *     Spaces at the start of a continuation line are dropped (w = 0),
 *     except after a forced break, where they are the author's.
 *   - A U+2028 item ends the line it is on: w = 0, x at the end of the text.
 *   - gw_lb_line.width is the natural width of the set text (after
 *     squeezing, before justification), not counting indent or hanging
 *     spaces. */
#include "linebreak.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utypes.h>

enum {
    S_NS = 1 << 0, S_NE = 1 << 1, S_CL = 1 << 2, S_OP = 1 << 3,
    S_CM = 1 << 4, S_ST = 1 << 5, S_PR = 1 << 6, S_FW = 1 << 7,
    S_D1 = 1 << 8, S_NJ = 1 << 9
};

typedef struct S_class {
    uint32_t cp;
    unsigned flags;
} S_class;

typedef struct S_range {
    uint32_t lo, hi;
} S_range;

#include "clreq.inc"

#define S_EPS       0.01            /* pt: width comparisons */
#define S_MAX_ITEMS (1u << 22)      /* cap on one paragraph (ICU takes int32 lengths) */
#define S_TAIL_MAX  4               /* closing marks squeezed onto a line at most */
#define S_SQ_MAX    32              /* squeezed marks per line at most */

#define S_LS    0x2028u             /* forced line break */
#define S_OBJ   0xFFFCu             /* inline object */

/* Per-item scratch state. */
enum { S_SQUEEZED = 1 };

/* ------------------------------------------------------------ tables */

static unsigned
S_flags(uint32_t cp)
{
    size_t lo = 0, hi = sizeof S_classes / sizeof S_classes[0];

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (S_classes[mid].cp == cp)
            return S_classes[mid].flags;
        if (S_classes[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Returns 1 for characters that take a full 字 on the grid. */
int
gw_lb_is_fullwidth(uint32_t cp)
{
    size_t lo = 0, hi = sizeof S_wide / sizeof S_wide[0];

    if (S_flags(cp) & S_FW)
        return 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < S_wide[mid].lo)
            hi = mid;
        else if (cp > S_wide[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

/* Returns 1 when cp may not start a line (clreq 3.1.7: closing brackets,
 * stops and pause marks).  U+2014 gives 0: only a single — is forbidden,
 * which needs context (gw_linebreak checks it). */
int
gw_lb_no_start(uint32_t cp)
{
    return (S_flags(cp) & S_NS) != 0;
}

/* Returns 1 when cp may not end a line (clreq 3.1.7: opening brackets and
 * quotes). */
int
gw_lb_no_end(uint32_t cp)
{
    return (S_flags(cp) & S_NE) != 0;
}

static int
S_is_alnum(uint32_t cp)
{
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 'a' && cp <= 'z');
}

static int
S_is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

/* Marks whose ink is on the left of the em box: can be halved at a line end
 * or as the first of an adjacent pair. */
static int
S_is_closing(unsigned f)
{
    return (f & S_FW) && (f & (S_CL | S_CM | S_ST));
}

/* Squeeze order after the line-end mark: brackets/quotes 1, ，、；： 2,
 * 。？！ 3 (clreq; the reference in gbt9704.md). */
static int
S_sq_rank(unsigned f)
{
    if (f & (S_CL | S_OP))
        return 1;
    if (f & S_CM)
        return 2;
    return 3;
}

/* ------------------------------------------------- break opportunities */

/* One line iterator for the process (see S_icu_breaks). */
static UBreakIterator *S_iter;

static int
S_icu_breaks(const gw_lb_item *items, size_t n, uint8_t *brk, gw_err *err)
{
    UChar *u = NULL;
    size_t *map = NULL;
    UBreakIterator *bi = NULL;
    UErrorCode st = U_ZERO_ERROR;
    size_t len = 0, i;
    int32_t b;
    int rc = 0;

    u = gw_xmalloc((2 * n + 1) * sizeof *u);
    map = gw_xmalloc((2 * n + 1) * sizeof *map);
    for (i = 0; i < n; i++) {
        uint32_t cp = items[i].cp;
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
        if (cp >= 0x10000) {
            map[len] = i;
            u[len++] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
            map[len] = i;   /* never a boundary: ICU does not split pairs */
            u[len++] = (UChar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            map[len] = i;
            u[len++] = (UChar)cp;
        }
    }
    map[len] = n;
    /* Opening a line iterator builds its rule tables, about a tenth of a
     * long render when done per paragraph (perf); the program is
     * single-threaded (workers are processes), so one iterator is kept for
     * the life of the process and only its text is replaced. */
    if (!S_iter) {
        S_iter = ubrk_open(UBRK_LINE, "zh@lb=strict", NULL, 0, &st);
        if (U_FAILURE(st)) {
            S_iter = NULL;
            rc = gw_err_set(err, GW_EDEP, "ICU line breaker (zh@lb=strict) failed: %s",
                            u_errorName(st));
            goto out;
        }
    }
    bi = S_iter;
    ubrk_setText(bi, u, (int32_t)len, &st);
    if (U_FAILURE(st)) {
        rc = gw_err_set(err, GW_EDEP, "ICU line breaker: cannot set text: %s",
                        u_errorName(st));
        goto out;
    }
    for (b = ubrk_first(bi); (b = ubrk_next(bi)) != UBRK_DONE;)
        if ((size_t)b < len)
            brk[map[b]] = 1;
    /* the iterator must not keep pointing at u once it is freed */
    ubrk_setText(bi, NULL, 0, &st);
out:
    free(u);
    free(map);
    return rc;
}

/* brk[i] (0 < i < n): a line may end before item i.  ICU first, then the
 * clreq rules; brk[0] = 0, brk[n] = 1. */
static int
S_breaks(const gw_lb_item *items, size_t n, uint8_t *brk, gw_err *err)
{
    size_t i;
    int rc;

    memset(brk, 0, n + 1);
    rc = S_icu_breaks(items, n, brk, err);
    if (rc < 0)
        return rc;
    for (i = 1; i < n; i++) {
        uint32_t a = items[i - 1].cp, b = items[i].cp;
        unsigned fa = S_flags(a), fb = S_flags(b);

        /* ICU 72 (UAX #14 LB19) never breaks around “”‘’; in Chinese an
         * opening quote behaves like （ and a closing one like ）. */
        if ((fb & S_OP) && gw_lb_is_fullwidth(a))
            brk[i] = 1;
        if ((fa & S_CL) && gw_lb_is_fullwidth(b))
            brk[i] = 1;
        /* An inline object breaks like an ideograph. */
        if (a == S_OBJ || b == S_OBJ)
            brk[i] = 1;
        if (a == S_LS)
            brk[i] = 1;
        /* The safety net: drop whatever the tables forbid. */
        if (b == S_LS || (fb & S_NS) || (fa & S_NE))
            brk[i] = 0;
        /* —— and …… are one unit (GB/T 15834 §5.1.10). */
        if ((fa & S_PR) && a == b)
            brk[i] = 0;
        /* A single — may not start a line; —— may. */
        if ((fb & S_D1) && a != b && (i + 1 >= n || items[i + 1].cp != b))
            brk[i] = 0;
        /* Numbers and Latin words stay whole. */
        if (S_is_alnum(a) && S_is_alnum(b))
            brk[i] = 0;
        if ((S_is_digit(a) && (fb & S_NJ)) || ((fa & S_NJ) && S_is_digit(b)))
            brk[i] = 0;
    }
    brk[0] = 0;
    brk[n] = 1;
    return 0;
}

/* The index after the digits starting at items[i] (i when none). */
static size_t
S_digits(const gw_lb_item *it, size_t n, size_t i)
{
    while (i < n && S_is_digit(it[i].cp))
        i++;
    return i;
}

#define S_NIAN 0x5E74   /* 年 */
#define S_YUE  0x6708   /* 月 */
#define S_RI   0x65E5   /* 日 */
#define S_DI   0x5E95   /* 底 */
#define S_MO   0x672B   /* 末 */
#define S_FEN  0x4EFD   /* 份 */

/* The end of the date starting at items[i]: digits 年 [底|末 | digits 月
 * [digits 日 | 底 | 份]], or digits 月 digits 日.  i when there is none. */
static size_t
S_date_end(const gw_lb_item *it, size_t n, size_t i)
{
    size_t j = S_digits(it, n, i), end, k;

    if (j == i || j >= n)
        return i;
    if (it[j].cp == S_NIAN) {
        end = j + 1;
        if (end < n && (it[end].cp == S_DI || it[end].cp == S_MO))
            return end + 1;
        k = S_digits(it, n, end);
        if (k > end && k < n && it[k].cp == S_YUE) {
            end = k + 1;
            k = S_digits(it, n, end);
            if (k > end && k < n && it[k].cp == S_RI)
                return k + 1;
            if (end < n && (it[end].cp == S_DI || it[end].cp == S_FEN))
                return end + 1;
        }
        return end;
    }
    if (it[j].cp == S_YUE) {
        k = S_digits(it, n, j + 1);
        if (k > j + 1 && k < n && it[k].cp == S_RI)
            return k + 1;
    }
    return i;
}

/* Off the grid: clears the break opportunities inside dates (2017年9月25日,
 * 2017年10月, 9月25日, 2018年底) and document numbers (〔2017〕3号), which a
 * reader must see whole. */
static void
S_keep_runs(const gw_lb_item *items, size_t n, uint8_t *brk)
{
    size_t i = 0, end, k;

    while (i < n) {
        end = i;
        if (S_is_digit(items[i].cp) && (i == 0 || !S_is_digit(items[i - 1].cp))) {
            end = S_date_end(items, n, i);
        } else if (items[i].cp == 0x3014) {                     /* 〔 */
            k = S_digits(items, n, i + 1);
            if (k > i + 1 && k < n && items[k].cp == 0x3015) {  /* 〕 */
                size_t m = S_digits(items, n, k + 1);
                if (m > k + 1 && m < n && items[m].cp == 0x53F7)    /* 号 */
                    end = m + 1;
            }
        }
        if (end > i) {
            for (k = i + 1; k < end; k++)
                brk[k] = 0;
            i = end;
        } else {
            i++;
        }
    }
}

/* ------------------------------------------------------------ filling */

static int
S_in(const uint32_t *set, size_t n, uint32_t cp)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == cp)
            return 1;
    return 0;
}



typedef struct S_ctx {
    gw_lb_item       *items;
    size_t            n;
    double           *cw;     /* cell width: pitch for full-width chars in grid mode, else adv */
    unsigned         *fl;     /* S_flags, with S_FW forced for full-width items */
    uint8_t          *brk;
    uint8_t          *st;     /* S_SQUEEZED */
    double            max_gap;    /* opts->max_gap off the grid, else 0 */
} S_ctx;

/* 1 when what follows a line ending at end is one full-width character
 * (with the closing marks that cling to it) and the line [s, end) was not
 * squeezed to end there: the rest would be a lone character on a line. */
static int
S_lone_rest(const S_ctx *c, size_t s, size_t end)
{
    size_t base = 0, k;

    for (k = s; k < end; k++)
        if (c->st[k] & S_SQUEEZED)
            return 0;
    for (k = end; k < c->n; k++) {
        uint32_t cp = c->items[k].cp;
        if (cp == S_LS)
            return 0;
        if (cp == ' ' || c->cw[k] <= 0 || gw_lb_no_start(cp))
            continue;
        if (++base > 1 || !(c->fl[k] & S_FW))
            return 0;
    }
    return base == 1;
}

/* Halves full-width marks of [s, last] until need pt are saved, from the
 * end of the line: pass 0 the line-end mark last itself; passes 1..3 one
 * member of each adjacent pair of marks, by rank (brackets, pause marks,
 * stops); with passes = 5 also single marks, pause marks (pass 4) before
 * the others, never next to a halved one (。（ would be 1 字 for both).
 * Returns 1 with the marks set squeezed, or 0 (nothing changed). */
static int
S_halve_marks(S_ctx *c, size_t s, size_t last, double need, int passes)
{
    size_t sq[S_SQ_MAX], nsq = 0, k, q;
    double saved = 0;
    int pass;

    for (pass = 0; pass <= passes && saved < need - S_EPS; pass++) {
        if (pass == 0) {
            if (S_is_closing(c->fl[last])) {
                sq[nsq++] = last;
                saved += c->cw[last] / 2;
            }
            continue;
        }
        for (k = last; k > s && saved < need - S_EPS; k--) {
            unsigned fa = c->fl[k - 1], fb = c->fl[k];
            size_t m;
            int dup = 0;
            if (pass <= 3) {
                if (!(fa & S_FW) || !(fb & S_FW) || !(fa & (S_CL | S_OP | S_CM | S_ST)) ||
                    !(fb & (S_CL | S_OP | S_CM | S_ST)))
                    continue;
                /* The first if its ink is on the left, else the second if
                 * its ink is on the right; with both possible, the earlier
                 * rank. */
                if (S_is_closing(fa) && (fb & S_OP))
                    m = S_sq_rank(fb) < S_sq_rank(fa) ? k : k - 1;
                else if (S_is_closing(fa))
                    m = k - 1;
                else if (fb & S_OP)
                    m = k;
                else
                    continue;
                if (S_sq_rank(c->fl[m]) != pass)
                    continue;
            } else {
                m = k - 1;
                if (!(c->fl[m] & S_FW) || !(c->fl[m] & (S_CL | S_OP | S_CM | S_ST)) ||
                    (pass == 4) != (S_sq_rank(c->fl[m]) == 2))
                    continue;
            }
            for (q = 0; q < nsq; q++)
                dup |= sq[q] == m || (pass > 3 && (sq[q] + 1 == m || sq[q] == m + 1));
            if (dup)
                continue;
            if (nsq == S_SQ_MAX)
                return 0;
            sq[nsq++] = m;
            saved += c->cw[m] / 2;
        }
    }
    if (saved < need - S_EPS)
        return 0;
    for (k = 0; k < nsq; k++)
        c->st[sq[k]] |= S_SQUEEZED;
    return 1;
}

/* "先挤进": the line [s, i) holds wsum pt; item i overflows and may not start
 * a line.  If items i.. up to the next break are closing marks, squeeze
 * marks of [s, end) until everything fits in avail.  Returns 1 and stores
 * the line end in *end, or 0 (nothing marked). */
static int
S_squeeze(S_ctx *c, size_t s, size_t i, double wsum, double avail, size_t *end)
{
    size_t j = i, last;
    double need, spaces = 0;

    need = wsum - avail;
    while (j < c->n && j - i < S_TAIL_MAX) {
        if (j > i && c->brk[j])
            break;
        if (c->items[j].cp == ' ') {
            spaces += c->cw[j];     /* counts only if a mark follows */
            j++;
            continue;
        }
        if (c->items[j].cp == S_LS)
            break;
        if (!S_is_closing(c->fl[j]))
            return 0;
        need += spaces + c->cw[j];
        spaces = 0;
        j++;
    }
    /* The tail must end at a break (or a forced one, which joins the line). */
    if (j < c->n && !c->brk[j] && c->items[j].cp != S_LS)
        return 0;
    last = j;
    while (last > s && c->items[last - 1].cp == ' ')
        last--;
    if (last <= s)
        return 0;
    if (!S_halve_marks(c, s, last - 1, need, 3))
        return 0;
    *end = j < c->n && c->items[j].cp == S_LS ? j + 1 : j;
    return 1;
}

/* On the grid, a line [s, e) a little wider than avail is made to fit by
 * halving full-width marks (GB/T 9704 5.2.1 allows adjusting a line;
 * clreq's "挤进"): its final mark first, then one of each adjacent pair (as
 * S_squeeze), then single pause marks ，、；：, then single brackets and
 * stops, from the end of the line.  Used for a paragraph whose last line
 * would be one character and its closing marks (项。: e = n) and for a line
 * that would end inside a unit's name (S_pull_to_prefer).  At most max_need
 * pt may be missing (< 0: twice the last character).  Returns 1 with the
 * marks set, or 0 (nothing changed). */
static int
S_pull(S_ctx *c, size_t s, size_t e, double avail, double max_need)
{
    size_t last = e, k;
    double need = -avail;

    for (k = s; k < e; k++) {
        if (c->items[k].cp == S_LS || (c->st[k] & S_SQUEEZED))
            return 0;
        need += c->cw[k];
    }
    while (last > s && c->items[last - 1].cp == ' ') {
        need -= c->cw[last - 1];
        last--;
    }
    if (max_need < 0 && last > s)
        max_need = 2 * c->cw[last - 1];     /* one character and its mark */
    if (last <= s + 2 || need <= S_EPS || need > max_need + S_EPS)
        return 0;
    return S_halve_marks(c, s, last - 1, need, 5);
}

/* On the grid, a line that would end inside an item of a list the
 * stylesheet marks (gw:prefer-break-after="、": a unit's name, 市财政 / 局)
 * takes the rest of the item and the mark after it when halving the line's
 * marks makes room (at most S_PREFER_PULL characters and the mark).  An
 * item starts after one of the preferred marks, ： or （ and ends at the next
 * mark (、 or the list's closing ，。；）).  [s, end) is the line as broken;
 * returns the new end, or end unchanged.  Where there is no room the 28-字
 * line wins and the name stays split. */
#define S_PREFER_PULL 3
static size_t
S_pull_to_prefer(S_ctx *c, const gw_lb_opts *o, size_t s, size_t end, double avail)
{
    const unsigned mark = S_CL | S_OP | S_CM | S_ST;
    size_t p, q;
    uint32_t open;

    if (end >= c->n || end <= s || (c->fl[end - 1] & mark))
        return end;
    /* the item's start, on this line, after a mark that opens an item */
    for (q = end; q > s && !(c->fl[q - 1] & mark); q--)
        if (c->items[q - 1].cp == S_LS || c->items[q - 1].cp == ' ' ||
            !(c->fl[q - 1] & S_FW))
            return end;
    if (q == s)
        return end;
    open = c->items[q - 1].cp;
    if (!S_in(o->prefer_after, o->nprefer, open) && open != 0xFF1A /* ： */ &&
        open != 0xFF08 /* （ */)
        return end;
    /* its end: the rest is CJK characters up to a closing mark */
    for (p = end; p < c->n && p - end <= S_PREFER_PULL && !(c->fl[p] & mark); p++)
        if (c->items[p].cp == S_LS || c->items[p].cp == ' ' || !(c->fl[p] & S_FW))
            return end;
    if (p >= c->n || p - end > S_PREFER_PULL || p == end ||
        !(S_in(o->prefer_after, o->nprefer, c->items[p].cp) || S_is_closing(c->fl[p])) ||
        (c->fl[p] & S_OP))
        return end;
    /* the line then ends with the mark: the next may not start with a mark
     * that cannot begin a line */
    if (p + 1 < c->n && gw_lb_no_start(c->items[p + 1].cp))
        return end;
    if (!S_pull(c, s, p + 1, avail, (double)(p + 1 - end) * c->cw[p]))
        return end;
    return p + 1;
}

/* Whether justification may widen the gap before visible item k (the
 * previous visible item is found backwards from k, at most to s). */
static int
S_gap_ok(const S_ctx *c, size_t s, size_t k, int all_gaps)
{
    uint32_t cur = c->items[k].cp, prev;
    size_t j = k;

    if (all_gaps)
        return 1;
    while (j > s && c->items[j - 1].w <= 0)
        j--;
    if (j == s)
        return 1;
    prev = c->items[j - 1].cp;
    if (S_is_alnum(prev) && S_is_alnum(cur))
        return 0;
    return !((c->fl[k] & S_PR) && prev == cur);
}

/* Positions items [ls, end) of one line; s is the first item after dropped
 * leading spaces.  Returns the natural width. */
static double
S_place(S_ctx *c, size_t ls, size_t s, size_t end, double start, double avail,
        int align)
{
    gw_lb_item *it = c->items;
    size_t k, lv = end, nvis = 0, ngap = 0;
    double pen = start, natural, rem, per, extra;
    int all_gaps;

    for (k = ls; k < s; k++) {
        it[k].x = start;
        it[k].w = 0;
    }
    /* Hanging: trailing spaces and the forced break. */
    while (lv > s && (it[lv - 1].cp == ' ' || it[lv - 1].cp == S_LS))
        lv--;
    for (k = s; k < lv; k++) {
        double cell = c->cw[k];
        if (c->st[k] & S_SQUEEZED) {
            it[k].w = cell / 2;
            it[k].x = (c->fl[k] & S_OP) ? pen - it[k].adv / 2 : pen;
        } else {
            it[k].w = cell;
            it[k].x = pen;
        }
        pen += it[k].w;
    }
    for (k = lv; k < end; k++) {
        it[k].x = pen;
        it[k].w = 0;
    }
    natural = pen - start;
    rem = avail - natural;
    if (rem <= S_EPS)
        return natural;   /* full (or an overlong item): leave the grid alone */
    switch (align) {
    case GW_LB_CENTER:
    case GW_LB_END:
        per = align == GW_LB_END ? rem : rem / 2;
        for (k = s; k < end; k++)
            it[k].x += per;
        break;
    case GW_LB_JUSTIFY:
        /* Spread over the gaps between visible items, except inside a Latin
         * word or number and inside —— ……; if that leaves none, use all. */
        for (all_gaps = 0; all_gaps <= 1; all_gaps++) {
            nvis = ngap = 0;
            for (k = s; k < lv; k++)
                if (it[k].w > 0 && nvis++ > 0)
                    ngap += S_gap_ok(c, s, k, all_gaps);
            if (ngap > 0 || nvis < 2)
                break;
        }
        if (ngap == 0)
            break;
        per = rem / (double)ngap;
        if (c->max_gap > 0) {
            /* gaps wider than max_gap em read as letter-spaced: flush start */
            double em = 0;
            for (k = s; k < lv; k++)
                if (it[k].adv > em)
                    em = it[k].adv;
            if (per > c->max_gap * em)
                break;
        }
        extra = 0;
        nvis = 0;
        for (k = s; k < end; k++) {
            /* Zero-width items (marks, dropped spaces) move with the
             * item before them. */
            if (k < lv && it[k].w > 0 && nvis++ > 0 && S_gap_ok(c, s, k, all_gaps))
                extra += per;
            it[k].x += extra;
        }
        break;
    default:
        break;
    }
    return natural;
}

/* Breaks and positions a paragraph; see linebreak.h.  Besides GW_EDEP,
 * returns GW_EINPUT for unusable options or advances and for paragraphs of
 * more than S_MAX_ITEMS items. */
int
gw_linebreak(gw_lb_item *items, size_t n, const gw_lb_opts *opts,
             gw_lb_line **lines, size_t *nlines, gw_err *err)
{
    S_ctx c;
    gw_lb_line *out = NULL;
    size_t nout = 0, cap = 0, s, i;
    int rc = 0;

    memset(&c, 0, sizeof c);
    *lines = NULL;
    *nlines = 0;
    if (!opts || !isfinite(opts->width) || opts->width <= 0 || !isfinite(opts->indent) ||
        !isfinite(opts->pitch) || opts->pitch < 0) {
        rc = gw_err_set(err, GW_EINPUT, "line breaking: width must be > 0 and indent, "
                        "pitch finite (pitch >= 0)");
        goto out;
    }
    if (opts->align < GW_LB_START || opts->align > GW_LB_JUSTIFY ||
        opts->align_last < GW_LB_START || opts->align_last > GW_LB_JUSTIFY) {
        rc = gw_err_set(err, GW_EINPUT, "line breaking: unknown alignment %d/%d",
                        opts->align, opts->align_last);
        goto out;
    }
    if (n > S_MAX_ITEMS) {
        rc = gw_err_set(err, GW_EINPUT, "line breaking: paragraph of %zu characters is "
                        "longer than the cap of %u", n, S_MAX_ITEMS);
        goto out;
    }
    if (n == 0)
        goto out;
    c.items = items;
    c.n = n;
    c.max_gap = opts->pitch > 0 ? 0 : opts->max_gap;
    c.cw = gw_xmalloc(n * sizeof *c.cw);
    c.fl = gw_xmalloc(n * sizeof *c.fl);
    c.brk = gw_xmalloc(n + 1);
    c.st = gw_xcalloc(n, 1);
    for (i = 0; i < n; i++) {
        int fw;
        if (!isfinite(items[i].adv) || items[i].adv < 0) {
            rc = gw_err_set(err, GW_EINPUT, "line breaking: character %zu (U+%04X) has "
                            "advance %g; it must be finite and >= 0", i + 1,
                            (unsigned)items[i].cp, items[i].adv);
            goto out;
        }
        fw = items[i].fullwidth || gw_lb_is_fullwidth(items[i].cp);
        c.fl[i] = (S_flags(items[i].cp) & ~(unsigned)S_FW) | (fw ? S_FW : 0);
        c.cw[i] = items[i].cp == S_LS ? 0 : (fw && opts->pitch > 0) ? opts->pitch : items[i].adv;
    }
    rc = S_breaks(items, n, c.brk, err);
    if (rc < 0)
        goto out;
    if (opts->pitch <= 0)
        S_keep_runs(items, n, c.brk);

    s = 0;
    while (s < n) {
        size_t ls = s, end = n;
        double start = nout == 0 ? opts->indent : 0;
        double avail = opts->width - start, wsum = 0;
        int last = 0, forced = 0;

        /* Spaces at the start of a continuation line are dropped; after a
         * forced break they are the author's (white-space-treatment
         * preserve: the layout already removed them otherwise). */
        if (nout > 0 && items[s - 1].cp != S_LS)
            while (s < n && items[s].cp == ' ')
                s++;
        if (s == n) {
            /* Only spaces left: they hang at the end of the previous line. */
            gw_lb_item *prev = &items[out[nout - 1].end - 1];
            for (i = ls; i < n; i++) {
                items[i].x = prev->x + prev->w;
                items[i].w = 0;
            }
            out[nout - 1].end = n;
            break;
        }
        for (i = s; i < n; i++) {
            if (items[i].cp == S_LS) {
                forced = 1;
                break;
            }
            if (items[i].cp == ' ' || wsum + c.cw[i] <= avail + S_EPS) {
                wsum += c.cw[i];
                continue;
            }
            break;
        }
        if (forced) {
            end = i + 1;
        } else if (i == n) {
            last = 1;
        } else if (i > s && c.brk[i]) {
            end = i;
            /* a break here, but the stylesheet prefers one after 、: the
             * last such break of the line, when it has one */
            if (opts->nprefer && opts->pitch <= 0 &&
                !S_in(opts->prefer_after, opts->nprefer, items[i - 1].cp)) {
                size_t q = i - 1;
                while (q > s && !(c.brk[q] && S_in(opts->prefer_after, opts->nprefer,
                                                   items[q - 1].cp)))
                    q--;
                if (q > s)
                    end = q;
            }
        } else if (!(opts->squeeze && i > s && S_squeeze(&c, s, i, wsum, avail, &end))) {
            /* "后推出": push the text after the last allowed break down;
             * after a preferred mark (、 between unit names) when the line
             * has one */
            size_t b = i;
            while (b > s && !c.brk[b])
                b--;
            if (b > s && opts->nprefer && opts->pitch <= 0) {
                size_t q = b;
                while (q > s && !(c.brk[q] && S_in(opts->prefer_after, opts->nprefer,
                                                   items[q - 1].cp)))
                    q--;
                if (q > s)
                    b = q;
            }
            if (b > s) {
                end = b;
            } else if (i == s) {
                /* One item wider than the line, with any zero-width marks
                 * that combine with it. */
                end = s + 1;
                while (end < n && c.cw[end] <= 0 && items[end].cp != ' ' &&
                       items[end].cp != S_LS)
                    end++;
            } else {
                /* No break at all (an overlong word): break anywhere, but
                 * not before a closing mark if an earlier place will do. */
                size_t k = i;
                while (k > s + 1 && (gw_lb_no_start(items[k].cp) ||
                                     gw_lb_no_end(items[k - 1].cp)))
                    k--;
                /* A run made only of such marks is pathological: fill the
                 * line rather than setting one mark per line. */
                end = k > s + 1 ? k : i;
            }
        }
        if (end < n && items[end - 1].cp == S_LS)
            forced = 1;
        /* Off the grid, the last line is never one character alone: carry
         * one down from this line when a break is allowed there.  On the
         * grid, pull it up by halving marks when the line has enough. */
        if (opts->pitch <= 0 && !last && !forced && end < n && end >= s + 3 &&
            S_lone_rest(&c, s, end) && c.brk[end - 1])
            end--;
        else if (opts->pitch > 0 && opts->squeeze && !last && !forced && end < n &&
                 S_lone_rest(&c, s, end) && S_pull(&c, s, n, avail, -1)) {
            end = n;
            last = 1;
        } else if (opts->pitch > 0 && opts->squeeze && opts->nprefer && !last && !forced &&
                   end < n) {
            end = S_pull_to_prefer(&c, opts, s, end, avail);
        }
        if (nout == cap) {
            cap = cap ? 2 * cap : 16;
            out = gw_xrealloc(out, cap * sizeof *out);
        }
        out[nout].start = ls;
        out[nout].end = end;
        out[nout].width = S_place(&c, ls, s, end, start, avail,
                                  (last || forced || end == n) ? opts->align_last : opts->align);
        nout++;
        s = end;
    }
out:
    free(c.cw);
    free(c.fl);
    free(c.brk);
    free(c.st);
    if (rc < 0) {
        free(out);
        return rc;
    }
    *lines = out;
    *nlines = nout;
    return 0;
}
