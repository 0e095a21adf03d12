/* import.c — a plan published as text → a plan (plan.h) for the store.
 *
 * Two phases.  S_parse reads the whole text into plain structures (lines,
 * sections, tasks with their unit lists, requirements) and stops at the first
 * error with FILE:LINE:COL.  S_model then builds the in-memory plan, which
 * the caller hands to gw_store_plan_save (one transaction).  No SQL here:
 * the importer can be run, and fuzzed, without a database. */
#include "import.h"

#include "date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Caps on input sizes (docs/hacking.md: say which cap was hit). */
#define S_FILE_MAX   (8u * 1024 * 1024)   /* a plan of 10 000 tasks fits */
#define S_LINE_MAX   (64u * 1024)         /* bytes in one line */
#define S_TASKS_MAX  20000
#define S_LIST_MAX   300                  /* units in one list */
#define S_NAME_MAX   40                   /* characters in one unit name */
#define S_DEPTH_MAX  16                   /* nested brackets in one line */
#define S_TITLE_MAX  20                   /* characters of a short title */

const char *const gw_norm_chars[GW_NORM_N] = {
    "，", "；", "：", "（", "）", "！", "？", "“", "”"
};

/* Lines that web pages add around a published plan.  A line starting with
 * one of these is reported and skipped. */
static const char *const S_artefacts[] = {
    "编辑推荐", "温馨提示", "责任编辑", "点击加载", "相关阅读", "相关链接",
    "上一篇", "下一篇", "打印本页", "关闭窗口", "分享到", "来源：", "【打印】",
    "【关闭】", "扫一扫", "版权所有",
};

/* Suffixes that give a group of units in a list its role (convention b),
 * longest first so that 按职责分工负责 is not read as 负责. */
static const struct { const char *text; int role; } S_markers[] = {
    {"按职责分工负责", 2}, {"按职责分工配合", 2}, {"按职能分工负责", 2},
    {"按职责负责", 2}, {"共同牵头", 1}, {"牵头负责", 1}, {"牵头", 1},
    {"配合", 2}, {"负责", 2}, {"参与", 2}, {"协助", 2},
};

/* Prefixes inside a list that give the role of what follows. */
static const struct { const char *text; int role; } S_prefixes[] = {
    {"牵头责任单位：", 1}, {"牵头单位：", 1}, {"牵头部门：", 1}, {"主责单位：", 1},
    {"责任主体：", 1}, {"协同责任单位：", 2}, {"责任单位：", 2}, {"配合单位：", 2},
    {"协办单位：", 2}, {"参与单位：", 2}, {"牵头：", 1}, {"责任：", 2}, {"配合：", 2},
};

enum { S_ROLE_NONE = 0, S_ROLE_LEAD = 1, S_ROLE_RESP = 2 };

typedef struct {
    int         no;         /* line number, 1-based */
    int         lead;       /* characters of white space trimmed at the start */
    const char *text;       /* normalised, trimmed */
    int         skipped;    /* web page text, reported and not imported */
    gw_norm_counts counts;  /* what normalisation changed in this line */
} S_line;

typedef struct {
    const char *name;
    int         role;       /* S_ROLE_* */
    int         line, col;
} S_unit;

typedef struct {
    int         no, line, section;
    const char *raw;        /* text after "N." with continuation lines */
    int         first_base; /* column before raw[0] on the first line */
    int         last_line, last_base;
    size_t      last_off;   /* characters of raw before the last line */
    const char *title, *body, *units_text;
    S_unit     *units;
    size_t      nunits, capunits;
    int         has_d;      /* convention d: 牵头单位：/责任单位： lines */
    const char *deadline, *form;
    const char *leader;     /* 责任领导：… (a line or a segment of the list) */
    int         sub;        /* sub-items （1）/①/一是 start lines of their own */
} S_task;

typedef struct {
    int         parent, level, ordinal, is_req;
    const char *label, *title;
} S_section;

typedef struct {
    const char *label, *text;
} S_req;

typedef struct {
    const char *name, *kind, *short_name, *aliases, *members;
    int         line;
} S_dirent;

typedef struct {
    const char     *file;
    gw_arena       *A;
    const gw_import_opts *opts;
    gw_norm_counts  counts;
    S_line         *lines;
    size_t          nlines;
    S_section      *secs;
    size_t          nsecs;
    S_task         *tasks;
    size_t          ntasks;
    S_req          *reqs;
    size_t          nreqs;
    S_dirent       *dir;
    size_t          ndir;
    const char     *title, *preamble, *attachment;
    int             sticky_first_lead;   /* a note with 下同 was seen */
    gw_buf          acc;        /* text of the current task or requirement */
    size_t          acc_chars;  /* its length in characters */
} S_ctx;

/* ------------------------------------------------------------- characters */

static uint32_t
S_cp_at(const char *s, size_t n, size_t *len)
{
    uint32_t cp = 0;
    int k = gw_utf8_decode(s, n, &cp);
    *len = k > 0 ? (size_t)k : 1;
    return k > 0 ? cp : 0xFFFD;
}

/* The digit at s, 0-9 or full-width ０-９ (U+FF10..FF19, as some word
 * processors type numbers), with its length in *len; -1 when none. */
static int
S_digit_at(const char *s, size_t *len)
{
    uint32_t cp = *s ? S_cp_at(s, strnlen(s, 4), len) : 0;
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp >= 0xFF10 && cp <= 0xFF19)
        return (int)(cp - 0xFF10);
    return -1;
}

/* Characters that make the neighbourhood "Chinese text": CJK and full-width
 * forms, CJK punctuation, curly quotes, the ideographic dots and dashes. */
static int
S_is_cjk(uint32_t cp)
{
    return cp >= 0x2E80 || (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2014 ||
           cp == 0x2026 || cp == 0x00B7 || cp == '"';
}

static size_t
S_nchars(const char *s, size_t n)
{
    size_t i = 0, c = 0, k;
    while (i < n) {
        S_cp_at(s + i, n - i, &k);
        i += k;
        c++;
    }
    return c;
}

static int
S_starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int
S_ends(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

static char *
S_cat(gw_arena *A, const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    char *p = gw_arena_alloc(A, na + nb + 1);
    memcpy(p, a, na);
    memcpy(p + na, b, nb + 1);
    return p;
}

/* The next item of a list separated by 、 (the directory's aliases and
 * members): returns its start and stores its length in *len, advancing *p
 * past it and its separator; NULL at the end of the list. */
static const char *
S_next_item(const char **p, size_t *len)
{
    const char *item = *p, *e = NULL;
    int depth = 0;
    if (!*item)
        return NULL;
    /* a 、 inside （） belongs to the name: 各县（市、区）人民政府 */
    for (const char *q = item; *q && !e; q++) {
        if (S_starts(q, "（"))
            depth++;
        else if (S_starts(q, "）") && depth > 0)
            depth--;
        else if (!depth && S_starts(q, "、"))
            e = q;
    }
    *len = e ? (size_t)(e - item) : strlen(item);
    *p = item + *len + (e ? strlen("、") : 0);
    return item;
}

/* Trims ASCII white space and U+3000 at both ends of s[0..*n); returns the
 * new start and stores the characters trimmed at the start in *lead. */
static const char *
S_trim(const char *s, size_t *n, int *lead)
{
    int l = 0;
    for (;;) {
        if (*n && (*s == ' ' || *s == '\t' || *s == '\r')) {
            s++, (*n)--, l++;
        } else if (*n >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0) {
            s += 3, *n -= 3, l++;
        } else {
            break;
        }
    }
    for (;;) {
        if (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
            (*n)--;
        else if (*n >= 3 && memcmp(s + *n - 3, "\xE3\x80\x80", 3) == 0)
            *n -= 3;
        else
            break;
    }
    if (lead)
        *lead = l;
    return s;
}

/* s without the spaces around it (a copy in the context's arena): 3. 引进
 * 人才 and （一） 加快推进 have a space after the label as published. */
static const char *
S_trimmed(S_ctx *c, const char *s)
{
    size_t n = strlen(s);
    const char *t = S_trim(s, &n, NULL);
    return gw_arena_strndup(c->A, t, n);
}

/* ---------------------------------------------------------- normalisation */

int
gw_import_normalise(const char *s, size_t n, gw_buf *out, gw_norm_counts *counts)
{
    static const char half[] = ",;:()!?";
    /* Parentheses are converted as pairs so that （…) never appears: a ")"
     * follows the fate of its "(".  The stack depth is capped; deeper
     * parentheses are judged on their own context. */
    unsigned char stack[64];
    int depth = 0, quote_open = 0;
    uint32_t prev = 0;
    size_t i = 0, k;

    while (i < n) {
        uint32_t cp = S_cp_at(s + i, n - i, &k);
        const char *h = cp < 128 && cp ? strchr(half, (int)cp) : NULL;
        if (cp == '"') {
            int slot = quote_open ? GW_NORM_RQUOTE : GW_NORM_LQUOTE;
            gw_buf_puts(out, gw_norm_chars[slot]);
            if (counts)
                counts->n[slot]++;
            quote_open = !quote_open;
            prev = quote_open ? 0x201C : 0x201D;
            i += k;
            continue;
        }
        if (h) {
            uint32_t next = 0;
            size_t j = i + k, kk;
            int slot = (int)(h - half), conv;
            while (j < n && (s[j] == ' ' || s[j] == '\t'))
                j++;
            if (j < n)
                next = S_cp_at(s + j, n - j, &kk);
            conv = S_is_cjk(prev) || S_is_cjk(next);
            if (cp == '(') {
                if (depth < (int)sizeof stack)
                    stack[depth] = (unsigned char)conv;
                depth++;
            } else if (cp == ')' && depth > 0) {
                depth--;
                if (depth < (int)sizeof stack)
                    conv = stack[depth];
            }
            if (conv) {
                gw_buf_puts(out, gw_norm_chars[slot]);
                if (counts)
                    counts->n[slot]++;
                prev = 0x3000;   /* any full-width character */
                i += k;
                continue;
            }
        }
        gw_buf_put(out, s + i, k);
        if (cp != ' ' && cp != '\t')
            prev = cp;
        i += k;
    }
    return quote_open;
}

/* ------------------------------------------------------------- directory */

/* Reads data/units.tsv (see the comment at its top). */
static int
S_dir_load(S_ctx *c, gw_err *err)
{
    /* another city's directory (gongwen import plan --units FILE) */
    char *path = c->opts->units ? gw_xstrdup(c->opts->units) : gw_home_path("data/units.tsv");
    gw_buf b;
    char *p, *nl;
    int rc, lineno = 0;
    size_t cap = 0;

    gw_buf_init(&b);
    if ((rc = gw_file_read(path, S_FILE_MAX, &b, err)) < 0)
        goto out;
    for (p = b.ptr; p && *p; p = nl ? nl + 1 : NULL) {
        static const char *const kinds[] = {"party", "government", "county", "mass",
                                            "school", "group", "other"};
        char *f[5];
        int nf = 0, kind_ok = 0;
        nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        lineno++;
        if (*p == '#' || !*p)
            continue;
        f[nf++] = p;
        for (char *q = p; *q && nf < 5; q++)
            if (*q == '\t') {
                *q = '\0';
                f[nf++] = q + 1;
            }
        if (nf != 5) {
            rc = gw_err_set(err, GW_EINPUT, "%s:%d: expected 5 tab-separated fields "
                            "(name, kind, short name, aliases, members), found %d",
                            path, lineno, nf);
            goto out;
        }
        for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
            kind_ok |= !strcmp(f[1], kinds[k]);
        if (!kind_ok) {
            rc = gw_err_set(err, GW_EINPUT, "%s:%d: unknown kind '%s' (party, government, "
                            "county, mass, school, group, other)", path, lineno, f[1]);
            goto out;
        }
        if (c->ndir == cap) {
            cap = cap ? cap * 2 : 64;
            c->dir = gw_xrealloc(c->dir, cap * sizeof *c->dir);
        }
        c->dir[c->ndir].name = gw_arena_strdup(c->A, f[0]);
        c->dir[c->ndir].kind = gw_arena_strdup(c->A, f[1]);
        c->dir[c->ndir].short_name = gw_arena_strdup(c->A, strcmp(f[2], "-") ? f[2] : "");
        c->dir[c->ndir].aliases = gw_arena_strdup(c->A, strcmp(f[3], "-") ? f[3] : "");
        c->dir[c->ndir].members = gw_arena_strdup(c->A, strcmp(f[4], "-") ? f[4] : "");
        c->dir[c->ndir].line = lineno;
        c->ndir++;
    }
out:
    gw_buf_free(&b);
    free(path);
    return rc;
}

/* Whether name is in the shipped directory (a canonical name, a short name
 * or an alias). */
static int
S_dir_known(const S_ctx *c, const char *name, size_t n)
{
    for (size_t i = 0; i < c->ndir; i++) {
        const char *p = c->dir[i].aliases, *a;
        size_t len;
        if ((strlen(c->dir[i].name) == n && !memcmp(c->dir[i].name, name, n)) ||
            (strlen(c->dir[i].short_name) == n && !memcmp(c->dir[i].short_name, name, n)))
            return 1;
        while ((a = S_next_item(&p, &len)) != NULL)
            if (len == n && !memcmp(a, name, n))
                return 1;
    }
    return 0;
}

/* Whether name is an open group of the directory (有关职业院校, 市直各有关部门):
 * by its name or an alias. */
static int
S_dir_open_group(const S_ctx *c, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < c->ndir; i++) {
        const char *p = c->dir[i].aliases, *a;
        size_t len;
        int hit = strlen(c->dir[i].name) == n && !memcmp(c->dir[i].name, name, n);
        while (!hit && (a = S_next_item(&p, &len)) != NULL)
            hit = len == n && !memcmp(a, name, n);
        if (hit)
            return !strcmp(c->dir[i].kind, "group") && !strcmp(c->dir[i].members, "open");
    }
    /* the open groups every plan has, whatever the directory calls them */
    return !strcmp(name, "市直各有关单位") || !strcmp(name, "各开发区管委会") ||
           !strcmp(name, "市直各有关部门") || !strcmp(name, "有关职业院校");
}

/* ----------------------------------------------------------------- lines */

/* Splits the text into lines, checks UTF-8 and the line cap, normalises. */
static int
S_split(S_ctx *c, const char *text, size_t n, gw_err *err)
{
    size_t i = 0, cap = 0;
    int no = 0, rc = 0;
    long bad;
    uint32_t badcp = 0;
    gw_buf nb;

    gw_buf_init(&nb);
    if (n >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
        text += 3, n -= 3;
    bad = gw_text_bad(text, n, GW_TEXT_LF | GW_TEXT_CR | GW_TEXT_TAB, &badcp);
    if (bad >= 0) {
        size_t ls = 0;
        int line = 1;
        char what[64];
        for (size_t j = 0; j < (size_t)bad; j++)
            if (text[j] == '\n')
                line++, ls = j + 1;
        if (badcp == GW_TEXT_INVALID)
            rc = gw_err_set(err, GW_EINPUT, "%s:%d:%zu: invalid UTF-8 (byte 0x%02X); "
                            "save the plan as UTF-8", c->file, line,
                            S_nchars(text + ls, (size_t)bad - ls) + 1,
                            (unsigned)(unsigned char)text[bad]);
        else
            /* a NUL would silently cut the line short further on */
            rc = gw_err_set(err, GW_EINPUT, "%s:%d:%zu: %s has no place in a plan text",
                            c->file, line, S_nchars(text + ls, (size_t)bad - ls) + 1,
                            gw_text_describe(badcp, what, sizeof what));
        goto out;
    }
    {
        /* Only white space (or nothing) is an empty plan. */
        size_t j;
        for (j = 0; j < n; j++)
            if (text[j] != '\n' && text[j] != ' ' && text[j] != '\t' && text[j] != '\r')
                break;
        if (j == n) {
            rc = gw_err_set(err, GW_EINPUT, "%s:1:1: the file is empty: no plan text",
                            c->file);
            goto out;
        }
    }
    while (i < n) {
        const char *s = text + i, *e = memchr(s, '\n', n - i), *t;
        size_t len = e ? (size_t)(e - s) : n - i;
        int lead, odd;
        no++;
        i += len + 1;
        if (len > S_LINE_MAX) {
            rc = gw_err_set(err, GW_EINPUT, "%s:%d:1: line longer than the cap of %u bytes",
                            c->file, no, S_LINE_MAX);
            goto out;
        }
        t = S_trim(s, &len, &lead);
        if (!len)
            continue;
        gw_buf_clear(&nb);
        if (c->nlines == cap) {
            cap = cap ? cap * 2 : 256;
            c->lines = gw_xrealloc(c->lines, cap * sizeof *c->lines);
        }
        memset(&c->lines[c->nlines], 0, sizeof c->lines[0]);
        odd = gw_import_normalise(t, len, &nb, &c->lines[c->nlines].counts);
        if (odd)
            gw_warnf("%s:%d: odd number of straight quotes; the last “ has no ”",
                     c->file, no);
        c->lines[c->nlines].no = no;
        c->lines[c->nlines].lead = lead;
        c->lines[c->nlines].text = gw_arena_strndup(c->A, nb.ptr, nb.len);
        c->nlines++;
    }
out:
    gw_buf_free(&nb);
    return rc;
}

/* Checks that the brackets of one line pair up. */
static int
S_brackets(const S_ctx *c, const S_line *l, gw_err *err)
{
    static const char *const open[] = {"（", "《", "【", "〔", "(", "["};
    static const char *const close[] = {"）", "》", "】", "〕", ")", "]"};
    int stack[S_DEPTH_MAX], cols[S_DEPTH_MAX], depth = 0, col = l->lead;
    const char *s = l->text;

    while (*s) {
        size_t k, j;
        col++;
        for (j = 0; j < sizeof open / sizeof open[0]; j++) {
            if (S_starts(s, open[j])) {
                if (depth == S_DEPTH_MAX)
                    return gw_err_set(err, GW_EINPUT, "%s:%d:%d: brackets nested deeper "
                                      "than the cap of %d", c->file, l->no, col, S_DEPTH_MAX);
                stack[depth] = (int)j;
                cols[depth++] = col;
                break;
            }
            if (S_starts(s, close[j])) {
                if (depth == 0)
                    return gw_err_set(err, GW_EINPUT, "%s:%d:%d: unbalanced bracket: %s "
                                      "closes nothing", c->file, l->no, col, close[j]);
                if (stack[depth - 1] != (int)j)
                    return gw_err_set(err, GW_EINPUT, "%s:%d:%d: unbalanced bracket: %s "
                                      "does not close the %s opened at column %d",
                                      c->file, l->no, col, close[j], open[stack[depth - 1]],
                                      cols[depth - 1]);
                depth--;
                break;
            }
        }
        S_cp_at(s, strnlen(s, 4), &k);
        s += k;
    }
    if (depth > 0)
        return gw_err_set(err, GW_EINPUT, "%s:%d:%d: unbalanced bracket: %s is never "
                          "closed on this line", c->file, l->no, cols[depth - 1],
                          open[stack[depth - 1]]);
    return 0;
}

/* ------------------------------------------------------------- headings */

static const char S_cnum[] = "一二三四五六七八九十";

/* Length in bytes of a run of Chinese numerals 一…十 at s, and its value
 * (一 … 九十九). */
static size_t
S_cnum_len(const char *s, int *val)
{
    size_t n = 0;
    int v = 0, tens = 0, d;
    for (;;) {
        for (d = 0; d < 10; d++)
            if (!strncmp(s + n, S_cnum + 3 * d, 3))
                break;
        if (d == 10)
            break;
        if (d == 9)
            tens = v ? v : 1, v = 0;
        else
            v = d + 1;
        n += 3;
    }
    *val = tens * 10 + v;
    return n;
}

/* "一、title" → level 1; "（一）title" → level 2.  Returns the level or 0,
 * with the label length in *lab. */
static int
S_heading(const char *s, size_t *lab, int *ordinal)
{
    size_t n = S_cnum_len(s, ordinal);
    if (n && S_starts(s + n, "、")) {
        *lab = n + strlen("、");
        return 1;
    }
    if (S_starts(s, "（")) {
        n = S_cnum_len(s + 3, ordinal);
        if (n && S_starts(s + 3 + n, "）")) {
            *lab = 3 + n + 3;
            return 2;
        }
    }
    return 0;
}

/* "（12）" → 12 with the label length, else 0: the top-level task numbers
 * of plans that number their tasks so (S_parse decides when). */
static int
S_parennum(const char *s, size_t *lab)
{
    int v = 0;
    size_t n = 0;
    if (!S_starts(s, "（"))
        return 0;
    while (s[3 + n] >= '0' && s[3 + n] <= '9' && n < 6)
        v = v * 10 + (s[3 + n++] - '0');
    if (!n || !S_starts(s + 3 + n, "）"))
        return 0;
    *lab = 3 + n + 3;
    return v;
}

/* "12." / "12．" / "12、" → 12 with the label length, else 0.  The digits
 * may be full-width (１２．, as some word processors type them). */
static int
S_tasknum(const char *s, size_t *lab)
{
    int v = 0, digit;
    size_t n = 0, len;
    for (int k = 0; k < 6 && (digit = S_digit_at(s + n, &len)) >= 0; k++) {
        v = v * 10 + digit;
        n += len;
    }
    if (!n)
        return 0;
    if (s[n] == '.') {
        /* "2017.5" is a number, not a task. */
        if (S_digit_at(s + n + 1, &len) >= 0)
            return 0;
        *lab = n + 1;
        return v;
    }
    if (S_starts(s + n, "．") || S_starts(s + n, "、")) {
        *lab = n + 3;
        return v;
    }
    return 0;
}

/* ------------------------------------------------------------ unit lists */

static void
S_add_unit(S_ctx *c, S_task *t, const char *name, size_t n, int role, int line, int col)
{
    if (t->nunits == t->capunits) {
        t->capunits = t->capunits ? t->capunits * 2 : 8;
        t->units = gw_xrealloc(t->units, t->capunits * sizeof *t->units);
    }
    t->units[t->nunits].name = gw_arena_strndup(c->A, name, n);
    t->units[t->nunits].role = role;
    t->units[t->nunits].line = line;
    t->units[t->nunits].col = col;
    t->nunits++;
}

/* Column of character index k of a task's raw text. */
static void
S_pos(const S_task *t, size_t k, int *line, int *col)
{
    if (k >= t->last_off) {
        *line = t->last_line;
        *col = t->last_base + (int)(k - t->last_off) + 1;
    } else {
        *line = t->line;
        *col = t->first_base + (int)k + 1;
    }
}

/* Adds one unit name at character index k of the task's raw text. */
static int
S_emit(S_ctx *c, S_task *t, const char *name, size_t nl, int role, size_t k, gw_err *err)
{
    int line, col;
    S_pos(t, k, &line, &col);
    if (nl == 0)
        return gw_err_set(err, GW_EINPUT, "%s:%d:%d: empty unit name in the unit list "
                          "of task %d", c->file, line, col, t->no);
    if (S_nchars(name, nl) > S_NAME_MAX)
        return gw_err_set(err, GW_EINPUT, "%s:%d:%d: unit name longer than the cap of "
                          "%d characters in task %d: is a separator 、 missing?",
                          c->file, line, col, S_NAME_MAX, t->no);
    if (t->nunits >= S_LIST_MAX)
        return gw_err_set(err, GW_EINPUT, "%s:%d:%d: more than %d units in the list "
                          "of task %d", c->file, line, col, S_LIST_MAX, t->no);
    S_add_unit(c, t, name, nl, role, line, col);
    return 0;
}

/* The first of the separators seps (UTF-8 strings, NULL-terminated list)
 * in s[from..n) that stands outside every bracket pair, so that
 * 各县（市、区）人民政府 stays one name; NULL when there is none.  The
 * depth is only counted, never recursed into. */
static const char *
S_sep_outside(const char *s, size_t from, size_t n, const char *const *seps)
{
    static const char *const open[] = {"（", "(", "〔", "【", "《", "["};
    static const char *const close[] = {"）", ")", "〕", "】", "》", "]"};
    int depth = 0;
    size_t i = from;
    while (i < n) {
        size_t k;
        int hit = 0;
        for (k = 0; k < sizeof open / sizeof open[0] && !hit; k++) {
            size_t ol = strlen(open[k]), cl = strlen(close[k]);
            if (i + ol <= n && !memcmp(s + i, open[k], ol)) {
                depth++;
                i += ol;
                hit = 1;
            } else if (i + cl <= n && !memcmp(s + i, close[k], cl)) {
                depth -= depth > 0;
                i += cl;
                hit = 1;
            }
        }
        if (hit)
            continue;
        if (depth == 0)
            for (k = 0; seps[k]; k++)
                if (i + strlen(seps[k]) <= n && !memcmp(s + i, seps[k], strlen(seps[k])))
                    return s + i;
        i++;
    }
    return NULL;
}

static const char *const S_sep_name[] = {"、", NULL};
static const char *const S_sep_seg[] = {"，", "；", NULL};

/* Whether name[0..*nl) ends in a lead mark, 市科技局（牵头）: 1 with the mark
 * cut off (*nl shortened), else 0. */
static int
S_lead_mark(const char *name, size_t *nl)
{
    static const char *const marks[] = {"（牵头）", "〔牵头〕", "(牵头)", "［牵头］", "[牵头]"};
    for (size_t q = 0; q < sizeof marks / sizeof marks[0]; q++)
        if (*nl > strlen(marks[q]) && S_ends(name, *nl, marks[q])) {
            *nl -= strlen(marks[q]);
            return 1;
        }
    return 0;
}

/* Whether name[0..nl), an item of t's unit list, is an unlabelled deadline
 * （A牵头，B配合；2018年底）, （A、B，2018年6月底前完成）: 1, and it is t's
 * deadline unless t has one, else 0 (a unit). */
static int
S_deadline_item(S_ctx *c, S_task *t, const char *name, size_t nl)
{
    char *w;
    gw_date d;
    if (!nl || nl >= 64 || S_dir_known(c, name, nl))
        return 0;
    w = gw_arena_strndup(c->A, name, nl);
    if (!gw_date_deadline(w, &d) && !gw_date_ongoing(w))
        return 0;
    if (!*t->deadline)
        t->deadline = w;
    return 1;
}

/* Adds the units of one "A、B及C" run s[0..n) (role given), which starts at
 * character index k0 of the task's raw text.  及/以及 separate units unless
 * they are part of a name in the directory. */
static int
S_names(S_ctx *c, S_task *t, const char *s, size_t n, int role, size_t k0, gw_err *err)
{
    size_t i = 0;
    int rc, unit_role;
    for (;;) {
        const char *e = S_sep_outside(s, i, n, S_sep_name);
        size_t end = e ? (size_t)(e - s) : n;
        size_t nl = end - i, k;
        int lead;
        const char *name = S_trim(s + i, &nl, &lead);

        /* 等 / 等单位 / 等部门 after the last name: the list is incomplete
         * as published; the name itself is what precedes it */
        if (end >= n && nl > 3) {
            static const char *const etc[] = {"等有关单位", "等相关单位", "等单位", "等部门",
                                              "等"};
            for (size_t q = 0; q < sizeof etc / sizeof etc[0]; q++)
                if (S_ends(name, nl, etc[q]) && nl > strlen(etc[q]) &&
                    !S_dir_known(c, name, nl)) {
                    nl -= strlen(etc[q]);
                    gw_notef("%s:%d: task %d: \"%s\" dropped after the last unit (the list "
                             "is incomplete as published)", c->file, t->last_line, t->no,
                             etc[q]);
                    break;
                }
        }

        k = k0 + S_nchars(s, i) + (size_t)lead;
        /* 市科技局（牵头）: that unit leads, whatever the list's role */
        unit_role = S_lead_mark(name, &nl) ? S_ROLE_LEAD : role;
        if (S_deadline_item(c, t, name, nl)) {
            if (end >= n)
                break;
            i = end + strlen("、");
            continue;
        }
        while (nl && !S_dir_known(c, name, nl)) {
            const char *p = strstr(name, "及");
            size_t a, sl = strlen("及");
            if (!p || (size_t)(p - name) + sl >= nl || p == name)
                break;
            a = (size_t)(p - name);
            if (a >= 3 && !memcmp(p - 3, "以", 3))
                a -= 3, sl += 3;
            if ((rc = S_emit(c, t, name, a, unit_role, k, err)) < 0)
                return rc;
            k += S_nchars(name, a + sl);
            name += a + sl;
            nl -= a + sl;
        }
        if ((rc = S_emit(c, t, name, nl, unit_role, k, err)) < 0)
            return rc;
        if (end >= n)
            break;
        i = end + strlen("、");
    }
    return 0;
}

/* Whether a segment of a list is a note about the list (convention a). */
static int
S_note(const char *seg, int *first_lead, int *sticky)
{
    int is_note = 0;
    if (strstr(seg, "牵头") && (strstr(seg, "第一") || strstr(seg, "首位") ||
                                 strstr(seg, "首个") || strstr(seg, "排首"))) {
        *first_lead = 1;
        is_note = 1;
    }
    if ((strstr(seg, "其他") || strstr(seg, "其余") || strstr(seg, "其它")) &&
        (strstr(seg, "责任单位") || strstr(seg, "配合单位") || strstr(seg, "参与单位")))
        is_note = 1;
    if (strstr(seg, "下同")) {
        *sticky = 1;
        is_note = 1;
    }
    return is_note;
}

/* Parses the unit list list[0..n) (inside its brackets) of task t, which
 * starts at character index k0 of the task's raw text. */
/* 责任领导： and the other labels that name the leader responsible for a
 * task (not a unit); 1 with the label's length in *pre. */
static int
S_leader_label(const char *s, size_t *pre)
{
    static const char *const labels[] = {"责任领导：", "牵头负责领导：", "牵头市领导：",
                                         "牵头领导：", "分管领导："};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (S_starts(s, labels[i])) {
            *pre = strlen(labels[i]);
            return 1;
        }
    return 0;
}

static int
S_unit_list(S_ctx *c, S_task *t, const char *list, size_t n, size_t k0, gw_err *err)
{
    size_t i = 0, pre0 = 0;
    int rc = 0, any_lead = 0, first_lead = 0, sticky = 0;

    while (i < n) {
        const char *s = list + i, *e = S_sep_outside(list, i, n, S_sep_seg);
        size_t len = e ? (size_t)(e - s) : n - i;
        char *seg = gw_arena_strndup(c->A, s, len);
        size_t sl = len, m;
        int role = S_ROLE_NONE;

        if (S_starts(seg, "完成时限：") || S_starts(seg, "完成时间：") ||
            S_starts(seg, "时间节点：")) {
            /* （…；完成时限：2020年底） — the deadline inside the list. */
            t->deadline = seg + strlen("完成时限：");
        } else if (S_leader_label(seg, &pre0)) {
            /* （牵头单位：A；责任领导：张三） — the responsible leader */
            t->leader = seg + pre0;
        } else if (!S_note(seg, &first_lead, &sticky)) {
            const char *names = seg;
            size_t pre = 0;
            /* （牵头单位：A；责任单位：B、C） — convention d inside brackets. */
            for (m = 0; m < sizeof S_prefixes / sizeof S_prefixes[0]; m++) {
                if (S_starts(seg, S_prefixes[m].text)) {
                    role = S_prefixes[m].role;
                    pre = strlen(S_prefixes[m].text);
                    break;
                }
            }
            names += pre;
            sl -= pre;
            for (m = 0; role == S_ROLE_NONE && m < sizeof S_markers / sizeof S_markers[0]; m++) {
                if (S_ends(names, sl, S_markers[m].text) && sl > strlen(S_markers[m].text)) {
                    role = S_markers[m].role;
                    sl -= strlen(S_markers[m].text);
                    break;
                }
            }
            if (role == S_ROLE_LEAD)
                any_lead = 1;
            if (sl && (rc = S_names(c, t, names, sl, role,
                                    k0 + S_nchars(list, i) + S_nchars(seg, pre), err)) < 0)
                return rc;
        }
        i += len + (e ? 3 : 0);
    }
    /* a name marked （牵头） in a segment without a lead label */
    for (size_t u = 0; u < t->nunits; u++)
        any_lead |= t->units[u].role == S_ROLE_LEAD;
    if (sticky)
        c->sticky_first_lead = 1;
    if (t->nunits == 0) {
        int line, col;
        S_pos(t, k0, &line, &col);
        return gw_err_set(err, GW_EINPUT, "%s:%d:%d: task %d has no unit list: the "
                          "brackets name no unit", c->file, line, col, t->no);
    }
    /* Only a responsible label (（责任单位：A、B）) and no lead: the first unit
     * that is not an open group leads, and the summary says so. */
    if (!any_lead && !(c->opts->all_lead && !first_lead && !c->sticky_first_lead)) {
        size_t u, lead = 0;
        int all_resp = 1;
        for (u = 0; u < t->nunits; u++)
            all_resp &= t->units[u].role == S_ROLE_RESP;
        if (all_resp) {
            for (u = 0; u < t->nunits && S_dir_open_group(c, t->units[u].name); u++)
                ;
            lead = u < t->nunits ? u : 0;
            for (u = 0; u < t->nunits; u++)
                t->units[u].role = u == lead ? S_ROLE_LEAD : S_ROLE_RESP;
            gw_notef("%s:%d: task %d names no lead unit; %s, the first listed that is not "
                     "an open group, is taken as the lead", c->file, t->line, t->no,
                     t->units[lead].name);
            return 0;
        }
    }
    /* Convention b: explicit 牵头 markers decide.  Otherwise the first listed
     * unit leads (conventions a and c), or all lead with --all-lead when no
     * note says otherwise. */
    for (size_t u = 0; u < t->nunits; u++) {
        if (any_lead)
            t->units[u].role = t->units[u].role == S_ROLE_LEAD ? S_ROLE_LEAD : S_ROLE_RESP;
        else if (c->opts->all_lead && !first_lead && !c->sticky_first_lead)
            t->units[u].role = S_ROLE_LEAD;
        else
            t->units[u].role = u == 0 ? S_ROLE_LEAD : S_ROLE_RESP;
    }
    return 0;
}

/* -------------------------------------------------------------- tasks */

/* Splits a task's raw text into title, body and unit list. */
static int
S_task_finish(S_ctx *c, S_task *t, gw_err *err)
{
    const char *raw, *text_end;
    size_t n = c->acc.len;
    int rc;

    t->raw = raw = gw_arena_strndup(c->A, c->acc.ptr, c->acc.len);

    if (!t->has_d) {
        /* The unit list is the bracket group that ends the text (a final 。
         * after it is tolerated). */
        size_t end = n, j;
        int depth = 0;
        if (S_ends(raw, end, "。") && end >= 6 && S_ends(raw, end - 3, "）"))
            end -= 3;
        if (!S_ends(raw, end, "）")) {
            int line, col;
            S_pos(t, S_nchars(raw, n), &line, &col);
            return gw_err_set(err, GW_EINPUT, "%s:%d:%d: task %d has no unit list: expected "
                              "（单位、单位…） at the end of the task, or 牵头单位：/责任单位： "
                              "lines after it", c->file, line, col, t->no);
        }
        /* Walk back to the matching （; S_brackets has checked the balance. */
        for (j = end; j >= 3; j--) {
            if (S_starts(raw + j - 3, "）"))
                depth++;
            else if (S_starts(raw + j - 3, "（") && --depth == 0)
                break;
        }
        if (j < 3) {
            int line, col;
            S_pos(t, S_nchars(raw, end) - 1, &line, &col);
            return gw_err_set(err, GW_EINPUT, "%s:%d:%d: unbalanced bracket: the unit list "
                              "of task %d is not opened", c->file, line, col, t->no);
        }
        t->units_text = gw_arena_strndup(c->A, raw + j, end - 3 - j);
        if ((rc = S_unit_list(c, t, raw + j, end - 3 - j, S_nchars(raw, j), err)) < 0)
            return rc;
        text_end = raw + j - 3;
    } else {
        text_end = raw + n;
        if (!t->nunits) {
            int line, col;
            S_pos(t, 0, &line, &col);
            return gw_err_set(err, GW_EINPUT, "%s:%d:%d: task %d has a 完成时限/成果形式 line "
                              "but no 牵头单位：or 责任单位： line", c->file, t->line,
                              t->first_base + 1, t->no);
        }
        /* A d-style list without 牵头单位： lets the first listed unit lead. */
        {
            int lead = 0;
            for (size_t u = 0; u < t->nunits; u++)
                lead |= t->units[u].role == S_ROLE_LEAD;
            if (!lead)
                t->units[0].role = S_ROLE_LEAD;
        }
    }
    {
        /* Short title: a first sentence that names the task — short, no
         * 、，；： inside, and followed by more text. */
        size_t tn = (size_t)(text_end - raw);
        const char *stop = strstr(raw, "。"), *lf = strchr(raw, '\n');
        t->title = "";
        if (t->sub && lf && lf < text_end && (!stop || stop > lf) && lf > raw &&
            S_nchars(raw, (size_t)(lf - raw)) <= S_TITLE_MAX) {
            /* 1.完善应急预案体系 / （1）… / （2）…: the first line is the
             * title, the sub-items the body's paragraphs */
            t->title = gw_arena_strndup(c->A, raw, (size_t)(lf - raw));
            tn -= (size_t)(lf - raw);
            raw = lf;       /* the body starts with the line feed: every
                             * sub-item is a paragraph (an <item>) */
        } else if (stop && stop < text_end) {
            size_t sl = (size_t)(stop - raw);
            char *first = gw_arena_strndup(c->A, raw, sl);
            if (sl && S_nchars(first, sl) <= S_TITLE_MAX && !strstr(first, "、") &&
                !strstr(first, "，") && !strstr(first, "；") && !strstr(first, "：") &&
                stop + 3 < text_end) {
                t->title = first;
                raw = stop + 3;
                tn -= sl + 3;
            }
        }
        t->body = gw_arena_strndup(c->A, raw, tn);
    }
    return 0;
}

/* Appends a labelled line (牵头单位：…) to the units text 附件1 reprints in
 * brackets, lines joined by ；: a line's own closing 。 goes. */
static void
S_units_text_add(S_ctx *c, S_task *t, const char *line)
{
    size_t n = strlen(t->units_text);
    const char *cur = t->units_text;
    if (!n) {
        t->units_text = line;
        return;
    }
    if (S_ends(cur, n, "。"))
        cur = gw_arena_strndup(c->A, cur, n - 3);
    t->units_text = S_cat(c->A, S_cat(c->A, cur, "；"), line);
}

/* Convention d: 牵头单位：A / 责任单位：B、C / 完成时限：… / 成果形式：… */
static int
S_dline(S_ctx *c, S_task *t, const S_line *l, gw_err *err)
{
    static const struct { const char *key; int role; } keys[] = {
        {"牵头责任单位：", S_ROLE_LEAD}, {"牵头单位：", S_ROLE_LEAD}, {"牵头部门：", S_ROLE_LEAD},
        {"主责单位：", S_ROLE_LEAD}, {"责任主体：", S_ROLE_LEAD},
        {"协同责任单位：", S_ROLE_RESP}, {"责任单位：", S_ROLE_RESP},
        {"配合单位：", S_ROLE_RESP}, {"协办单位：", S_ROLE_RESP}, {"参与单位：", S_ROLE_RESP},
        {"完成时限：", 0}, {"完成时间：", 0}, {"时间节点：", 0}, {"成果形式：", -1},
        {"责任领导：", -2}, {"牵头负责领导：", -2}, {"牵头市领导：", -2}, {"牵头领导：", -2},
        {"分管领导：", -2},
    };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        const char *v;
        if (!S_starts(l->text, keys[i].key))
            continue;
        v = l->text + strlen(keys[i].key);
        if (keys[i].role > 0) {
            /* Columns are relative to this line. */
            S_task tmp = *t;
            int rc;
            tmp.last_line = l->no;
            tmp.last_base = l->lead + (int)S_nchars(keys[i].key, strlen(keys[i].key));
            tmp.last_off = 0;
            if (S_ends(v, strlen(v), "。"))
                v = gw_arena_strndup(c->A, v, strlen(v) - 3);
            rc = S_names(c, &tmp, v, strlen(v), keys[i].role, 0, err);
            t->units = tmp.units;
            t->nunits = tmp.nunits;
            t->capunits = tmp.capunits;
            if (rc < 0)
                return rc;
            if (!*v)
                return gw_err_set(err, GW_EINPUT, "%s:%d:%d: %s names no unit", c->file,
                                  l->no, l->lead + 1 + (int)S_nchars(keys[i].key,
                                                                     strlen(keys[i].key)),
                                  keys[i].key);
            S_units_text_add(c, t, l->text);
        } else if (keys[i].role == 0) {
            t->deadline = v;
            /* 附件1 reprints the task as published, its deadline too */
            S_units_text_add(c, t, l->text);
        } else if (keys[i].role == -2) {
            size_t vn = strlen(v);
            if (S_ends(v, vn, "。"))
                vn -= 3;
            if (vn == 0)
                return gw_err_set(err, GW_EINPUT, "%s:%d:%d: %s names no one", c->file, l->no,
                                  l->lead + 1 + (int)S_nchars(keys[i].key, strlen(keys[i].key)),
                                  keys[i].key);
            t->leader = gw_arena_strndup(c->A, v, vn);
            /* 附件1 reprints the task as published, this line too */
            S_units_text_add(c, t, l->text);
        } else {
            t->form = v;
        }
        t->has_d = 1;
        return 1;
    }
    return 0;
}

/* ----------------------------------------------------------------- parse */

static int
S_is_artefact(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < sizeof S_artefacts / sizeof S_artefacts[0]; i++)
        if (S_starts(s, S_artefacts[i]))
            return 1;
    return S_ends(s, n, ">>") || S_ends(s, n, "》》");
}

static int
S_is_attachment(const char *s)
{
    if (!S_starts(s, "附件"))
        return 0;
    s += strlen("附件");
    while ((*s >= '0' && *s <= '9'))
        s++;
    if (S_starts(s, "："))
        s += 3;
    return *s == '\0';
}

static S_section *
S_push_section(S_ctx *c, size_t *cap)
{
    if (c->nsecs == *cap) {
        *cap = *cap ? *cap * 2 : 16;
        c->secs = gw_xrealloc(c->secs, *cap * sizeof *c->secs);
    }
    memset(&c->secs[c->nsecs], 0, sizeof c->secs[0]);
    return &c->secs[c->nsecs++];
}

/* Header lines (before the first section): 附件N, title, preamble. */
static int
S_header(S_ctx *c, size_t nhead, gw_err *err)
{
    size_t i, t = 0, a = nhead;

    if (nhead == 0)
        return gw_err_set(err, GW_EINPUT, "%s:%d:1: the plan has no title before its first "
                          "section", c->file, c->nlines ? c->lines[0].no : 1);
    for (i = 0; i < nhead && a == nhead; i++)
        if (S_is_attachment(c->lines[i].text))
            a = i;
    if (a < nhead) {
        const char *d = c->lines[a].text + strlen("附件");
        size_t nd = strspn(d, "0123456789");
        c->attachment = gw_arena_strndup(c->A, d, nd);
        /* 附件N first, or a web page that printed the title before it too:
         * the title is the line after 附件N. */
        if (a + 1 < nhead) {
            int repeat = a == 0;
            for (i = 0; i < a; i++)
                repeat |= !strcmp(c->lines[i].text, c->lines[a + 1].text);
            if (repeat)
                t = a + 1;
        }
    }
    if (t == a)
        return gw_err_set(err, GW_EINPUT, "%s:%d:1: the plan has no title before its first "
                          "section", c->file, c->lines[a].no);
    c->title = c->lines[t].text;
    gw_buf_clear(&c->acc);
    for (i = 0; i < nhead; i++) {
        S_line *l = &c->lines[i];
        if (i == t || i == a)
            continue;
        if (!strcmp(l->text, c->title)) {
            gw_notef("%s:%d: skipped: a repeated title (web page text)", c->file, l->no);
            l->skipped = 1;
        } else if (i < t || S_is_artefact(l->text)) {
            l->skipped = 1;
            gw_notef("%s:%d: skipped: %s (web page text)", c->file, l->no,
                     i < t ? "text before the plan's title" : "not part of the plan");
        } else {
            if (c->acc.len)
                gw_buf_putc(&c->acc, '\n');
            gw_buf_puts(&c->acc, l->text);
        }
    }
    c->preamble = gw_arena_strndup(c->A, c->acc.ptr, c->acc.len);
    return 0;
}

/* Ends the current requirement: its text is what was accumulated. */
static void
S_req_flush(S_ctx *c, S_req *req)
{
    if (req)
        req->text = gw_arena_strndup(c->A, c->acc.ptr, c->acc.len);
}

/* Whether a line starts a task's sub-item as published: （1）, ①…⑳,
 * 一是/二是… (each then stays a paragraph of its own). */
static int
S_subitem(const char *s)
{
    size_t lb;
    int v;
    uint32_t cp;
    if (S_parennum(s, &lb))
        return 1;
    if (gw_utf8_decode(s, strlen(s), &cp) > 0 && cp >= 0x2460 && cp <= 0x2473)
        return 1;
    lb = S_cnum_len(s, &v);
    return lb > 0 && S_starts(s + lb, "是");
}

static int
S_parse(S_ctx *c, gw_err *err)
{
    size_t i, nhead = 0, seccap = 0, taskcap = 0, reqcap = 0;
    int rc = 0, l1 = 0, l2 = 0, in_req = 0, in_body = 0, expect = 1;
    S_task *cur = NULL;
    S_req *req = NULL;
    int l1_ord = 0, l2_ord = 0;

    /* Tasks numbered （1） at the top level: only in a plan with no 1. tasks
     * (where （1） would be a task's sub-item). */
    int paren_tasks = 1;
    for (i = 0; i < c->nlines && paren_tasks; i++) {
        size_t lb;
        paren_tasks = !S_tasknum(c->lines[i].text, &lb);
    }
    for (i = 0; i < c->nlines; i++) {
        S_line *l = &c->lines[i];
        size_t lab = 0;
        int ord = 0, lev, no;

        if (!S_is_artefact(l->text) && (rc = S_brackets(c, l, err)) < 0)
            return rc;
        lev = S_heading(l->text, &lab, &ord);
        if (!in_body && !lev) {
            nhead++;
            continue;
        }
        if (!in_body) {
            in_body = 1;
            if ((rc = S_header(c, nhead, err)) < 0)
                return rc;
        }
        if (S_is_artefact(l->text) || !strcmp(l->text, c->title)) {
            gw_notef("%s:%d: skipped: %s", c->file, l->no,
                     !strcmp(l->text, c->title) ? "a repeated title (web page text)"
                                                : "not part of the plan (web page text)");
            l->skipped = 1;
            continue;
        }
        /* （一） under 一、 with no numbered task after it before the next
         * 一、: the （一） items are the tasks (numbered on from the last) */
        if (lev == 2 && !in_req && l1) {
            size_t j;
            int tasks_follow = 0;
            for (j = i + 1; j < c->nlines; j++) {
                size_t lb;
                int o2;
                const char *tx = c->lines[j].text;
                if (S_heading(tx, &lb, &o2) == 1)
                    break;
                if (S_tasknum(tx, &lb) || (paren_tasks && S_parennum(tx, &lb))) {
                    tasks_follow = 1;
                    break;
                }
            }
            if (!tasks_follow)
                lev = -2;   /* a task: handled below with no = expect */
        }
        if (lev == 1 || (lev == 2 && !in_req)) {
            S_section *s;
            if (cur && (rc = S_task_finish(c, cur, err)) < 0)
                return rc;
            cur = NULL;
            S_req_flush(c, req);
            req = NULL;
            s = S_push_section(c, &seccap);
            s->level = lev;
            s->label = gw_arena_strndup(c->A, l->text, lab);
            s->title = l->text + lab;
            if (lev == 1) {
                s->ordinal = ++l1_ord;
                l1 = (int)c->nsecs;
                l2 = 0;
                l2_ord = 0;
                in_req = strstr(s->title, "工作要求") || strstr(s->title, "保障措施") ||
                         strstr(s->title, "组织保障") || strstr(s->title, "组织实施");
                s->is_req = in_req;
            } else {
                s->ordinal = ++l2_ord;
                s->parent = l1;
                l2 = (int)c->nsecs;
            }
            continue;
        }
        no = in_req ? 0 : S_tasknum(l->text, &lab);
        if (!in_req && !no && paren_tasks)
            no = S_parennum(l->text, &lab);
        if (lev == -2) {
            no = expect;    /* lab: the （一） label, from S_heading */
        }
        /* Requirements: （一）/1. items and their continuation lines; a
         * paragraph with no label (and not after a labelled item) is a
         * requirement of its own. */
        if (in_req && (lev == 2 || S_tasknum(l->text, &lab) || !req || !*req->label)) {
            S_req_flush(c, req);
            if (c->nreqs == reqcap) {
                reqcap = reqcap ? reqcap * 2 : 8;
                c->reqs = gw_xrealloc(c->reqs, reqcap * sizeof *c->reqs);
            }
            req = &c->reqs[c->nreqs++];
            req->label = gw_arena_strndup(c->A, l->text, lab);
            gw_buf_clear(&c->acc);
            gw_buf_puts(&c->acc, l->text + lab);
            continue;
        }
        if (no) {
            int col = l->lead + 1;
            if (cur && (rc = S_task_finish(c, cur, err)) < 0)
                return rc;
            /* Numbers run 1, 2, 3… so task k sits at index k - 1. */
            if (no < expect)
                return gw_err_set(err, GW_EINPUT, "%s:%d:%d: task %d is numbered twice "
                                  "(first at line %d)", c->file, l->no, col, no,
                                  c->tasks[no - 1].line);
            if (no != expect)
                return gw_err_set(err, GW_EINPUT, "%s:%d:%d: task number %d skips %s%d "
                                  "(expected %d after %d)", c->file, l->no, col, no,
                                  no > expect + 1 ? "numbers from " : "", expect, expect,
                                  expect - 1);
            if (c->ntasks >= S_TASKS_MAX)
                return gw_err_set(err, GW_EINPUT, "%s:%d:%d: more than %d tasks", c->file,
                                  l->no, col, S_TASKS_MAX);
            if (c->ntasks == taskcap) {
                taskcap = taskcap ? taskcap * 2 : 64;
                c->tasks = gw_xrealloc(c->tasks, taskcap * sizeof *c->tasks);
            }
            cur = &c->tasks[c->ntasks++];
            memset(cur, 0, sizeof *cur);
            cur->no = no;
            cur->line = cur->last_line = l->no;
            cur->section = l2 ? l2 : l1;
            gw_buf_clear(&c->acc);
            gw_buf_puts(&c->acc, l->text + lab);
            c->acc_chars = S_nchars(c->acc.ptr, c->acc.len);
            cur->first_base = cur->last_base = l->lead + (int)S_nchars(l->text, lab);
            cur->units_text = cur->deadline = cur->form = cur->leader = "";
            expect = no + 1;
            if (!cur->section)
                return gw_err_set(err, GW_EINPUT, "%s:%d:%d: task %d comes before any "
                                  "section heading (一、…)", c->file, l->no, col, no);
            continue;
        }
        if (cur) {
            if ((rc = S_dline(c, cur, l, err)) < 0)
                return rc;
            if (rc == 1)
                continue;
            if (cur->has_d)
                return gw_err_set(err, GW_EINPUT, "%s:%d:%d: text after the 牵头单位：/责任单位："
                                  " lines of task %d", c->file, l->no, l->lead + 1, cur->no);
            /* a sub-item starts a paragraph of its own: a line feed in
             * the body (one character, so columns still map) */
            if (!paren_tasks && S_subitem(l->text)) {
                gw_buf_putc(&c->acc, '\n');
                c->acc_chars++;
                cur->sub++;
            }
            cur->last_off = c->acc_chars;
            gw_buf_puts(&c->acc, l->text);
            c->acc_chars += S_nchars(l->text, strlen(l->text));
            cur->last_line = l->no;
            cur->last_base = l->lead;
            continue;
        }
        if (req) {
            gw_buf_puts(&c->acc, l->text);
            continue;
        }
        return gw_err_set(err, GW_EINPUT, "%s:%d:%d: text outside any task or requirement "
                          "(expected a numbered task N. or a heading)", c->file, l->no,
                          l->lead + 1);
    }
    if (!in_body) {
        int line = c->nlines ? c->lines[c->nlines - 1].no : 1;
        return gw_err_set(err, GW_EINPUT, "%s:%d:1: no section heading (一、…) found: "
                          "this does not look like a task-division plan", c->file, line);
    }
    if (cur && (rc = S_task_finish(c, cur, err)) < 0)
        return rc;
    S_req_flush(c, req);
    if (c->ntasks == 0)
        return gw_err_set(err, GW_EINPUT, "%s:%d:1: the plan has no numbered tasks",
                          c->file, c->lines[c->nlines - 1].no);
    /* Only what is imported counts as normalised. */
    for (i = 0; i < c->nlines; i++)
        for (int k = 0; k < GW_NORM_N && !c->lines[i].skipped; k++)
            c->counts.n[k] += c->lines[i].counts.n[k];
    return 0;
}

/* ----------------------------------------------------------------- model */

/* The shipped directory as the plan's first units (ids and sort 1..n, as
 * in data/units.tsv), with their aliases and group members. */
static int
S_model_dir(S_ctx *c, gw_plan *p, gw_err *err)
{
    size_t len;
    for (size_t i = 0; i < c->ndir; i++) {
        const S_dirent *d = &c->dir[i];
        gw_unit *u = gw_plan_add_unit(p);
        u->id = u->sort = (int)i + 1;
        u->name = gw_plan_str(p, d->name);
        u->short_name = gw_plan_str(p, d->short_name);
        u->kind = gw_plan_str(p, d->kind);
        u->is_group = !strcmp(d->kind, "group");
        u->open_group = u->is_group && !strcmp(d->members, "open");
        for (const char *q = d->aliases, *al; (al = S_next_item(&q, &len)) != NULL;)
            gw_plan_add_alias(p, gw_arena_strndup(c->A, al, len), (int)i + 1);
    }
    /* members after all units exist */
    for (size_t i = 0; i < c->ndir; i++) {
        const S_dirent *d = &c->dir[i];
        if (strcmp(d->kind, "group") || !strcmp(d->members, "open"))
            continue;
        for (const char *q = d->members, *item; (item = S_next_item(&q, &len)) != NULL;) {
            char *mn = gw_arena_strndup(c->A, item, len);
            size_t k;
            for (k = 0; k < c->ndir && strcmp(c->dir[k].name, mn); k++)
                ;
            if (k == c->ndir)
                return gw_err_set(err, GW_EINPUT, "%s:%d: member %s of %s is not a unit of "
                                  "the directory", c->opts->units ? c->opts->units
                                  : "data/units.tsv", d->line, mn, d->name);
            gw_plan_add_member(p, (int)i + 1, (int)k + 1);
        }
    }
    return 0;
}

/* The id of a unit named in a list: by name, short name or alias (in that
 * order, as gw_plan_unit_lookup); a name the directory does not know is
 * added (kind other) and the store says so when it creates it. */
static int
S_model_unit(gw_plan *p, const S_unit *un)
{
    const gw_unit *u = gw_plan_unit_lookup(p, un->name);
    gw_unit *nu;
    if (u)
        return u->id;
    nu = gw_plan_add_unit(p);
    nu->id = (int)gw_plan_unit_count(p);
    nu->name = gw_plan_str(p, un->name);
    nu->added = 1;
    nu->line = un->line;
    nu->col = un->col;
    return nu->id;
}

/* data/meta.tsv: defaults for the keys the record has no value for. */
static int
S_model_meta_defaults(gw_plan *p, gw_err *err)
{
    char *path = gw_home_path("data/meta.tsv");
    gw_buf b;
    int rc;
    gw_buf_init(&b);
    if ((rc = gw_file_read(path, 65536, &b, err)) < 0)
        goto out;
    for (char *q = b.ptr, *nl; *q; q = nl + 1) {
        char *tab;
        nl = strchr(q, '\n');
        if (!nl)
            nl = q + strlen(q);
        if (*q != '#' && (tab = memchr(q, '\t', (size_t)(nl - q))) != NULL) {
            int end = *nl == '\0';
            *nl = '\0';
            *tab = '\0';
            gw_plan_set_meta_default(p, q, tab + 1);
            if (end)
                break;
        } else if (!*nl) {
            break;
        }
    }
out:
    gw_buf_free(&b);
    free(path);
    return rc;
}

/* The parsed text as a plan for the store (gw_store_plan_save). */
static int
S_model(S_ctx *c, gw_plan **out, gw_err *err)
{
    gw_plan *p = gw_plan_new();
    int *ids = NULL;        /* the unit ids of one task's list */
    int rc;

    if ((rc = S_model_dir(c, p, err)) < 0)
        goto out;
    for (size_t i = 0; i < c->nsecs; i++) {
        const S_section *s = &c->secs[i];
        gw_section *x = gw_plan_add_section(p);
        x->id = (int)i + 1;
        x->parent = s->parent;
        x->level = s->level;
        x->ordinal = s->ordinal;
        x->label = gw_plan_str(p, s->label);
        x->title = gw_plan_str(p, S_trimmed(c, s->title));
        x->is_requirements = s->is_req;
    }
    for (size_t i = 0; i < c->ntasks; i++) {
        const S_task *t = &c->tasks[i];
        gw_task *x = gw_plan_add_task(p);
        x->no = t->no;
        x->line = t->line;
        x->section = t->section;
        x->title = gw_plan_str(p, S_trimmed(c, t->title));
        x->body = gw_plan_str(p, S_trimmed(c, t->body));
        x->units_text = gw_plan_str(p, t->units_text);
        x->leader = gw_plan_str(p, t->leader);
        ids = gw_xrealloc(ids, (t->nunits ? t->nunits : 1) * sizeof *ids);
        for (size_t u = 0; u < t->nunits; u++) {
            size_t v;
            /* by the unit it names, so 株洲市财政局 after 市财政局 is the
             * same unit twice */
            ids[u] = S_model_unit(p, &t->units[u]);
            for (v = 0; v < u && ids[v] != ids[u]; v++)
                ;
            if (v < u && !strcmp(t->units[v].name, t->units[u].name)) {
                gw_warnf("%s:%d:%d: %s is listed twice for task %d; the second is ignored",
                         c->file, t->units[u].line, t->units[u].col, t->units[u].name, t->no);
                continue;
            }
            if (v < u) {
                gw_warnf("%s:%d:%d: %s is listed twice for task %d (%s names the same unit); "
                         "the second is ignored", c->file, t->units[u].line, t->units[u].col,
                         t->units[v].name, t->no, t->units[u].name);
                continue;
            }
            gw_plan_task_assign(p, x, ids[u],
                                t->units[u].role == S_ROLE_LEAD ? GW_ROLE_LEAD
                                                                : GW_ROLE_RESPONSIBLE,
                                (int)u + 1);
        }
        if (*t->deadline || *t->form) {
            char iso[11] = "";
            gw_milestone m;
            gw_date d;
            if (*t->deadline && gw_date_deadline(t->deadline, &d))
                gw_date_iso(&d, iso);
            else if (*t->deadline && !gw_date_ongoing(t->deadline))
                gw_warnf("%s:%d: task %d: deadline %s is not a date gongwen understands; "
                         "kept as text", c->file, t->line, t->no, t->deadline);
            m.due = iso;
            m.deadline = t->deadline;
            m.description = "";
            m.form = t->form;
            gw_plan_task_milestone(p, x, &m);
        }
    }
    for (size_t i = 0; i < c->nreqs; i++) {
        gw_requirement *r = gw_plan_add_requirement(p);
        r->ordinal = (int)i + 1;
        r->label = gw_plan_str(p, c->reqs[i].label);
        r->text = gw_plan_str(p, S_trimmed(c, c->reqs[i].text));
    }
    gw_plan_set_meta(p, "title", c->title);
    gw_plan_set_meta(p, "preamble", c->preamble);
    if (c->attachment && *c->attachment)
        gw_plan_set_meta(p, "attachment", c->attachment);
    rc = S_model_meta_defaults(p, err);
out:
    free(ids);
    if (rc < 0)
        gw_plan_free(p);
    else
        *out = p;
    return rc;
}

int
gw_import_plan_text(const char *name, const char *text, size_t n, const gw_import_opts *opts,
                    gw_plan **out, gw_err *err)
{
    static const gw_import_opts dflt = {0};
    S_ctx c;
    int rc;

    *out = NULL;
    memset(&c, 0, sizeof c);
    c.file = name;
    c.A = gw_arena_new();
    c.opts = opts ? opts : &dflt;
    gw_buf_init(&c.acc);
    if ((rc = S_dir_load(&c, err)) < 0 || (rc = S_split(&c, text, n, err)) < 0 ||
        (rc = S_parse(&c, err)) < 0 || (rc = S_model(&c, out, err)) < 0)
        goto out;
    {
        gw_buf b;
        gw_buf_init(&b);
        for (int k = 0; k < GW_NORM_N; k++)
            gw_buf_printf(&b, "%s%lu %s", k ? "  " : "", c.counts.n[k], gw_norm_chars[k]);
        gw_notef("%s: normalised: %s", name, b.ptr);
        gw_buf_free(&b);
    }
out:
    for (size_t i = 0; i < c.ntasks; i++)
        free(c.tasks[i].units);
    free(c.tasks);
    free(c.secs);
    free(c.reqs);
    free(c.lines);
    free(c.dir);
    gw_buf_free(&c.acc);
    gw_arena_free(c.A);
    return rc;
}

int
gw_import_plan_file(const char *path, const gw_import_opts *opts, gw_plan **out, gw_err *err)
{
    gw_buf b;
    int rc;
    *out = NULL;
    gw_buf_init(&b);
    if ((rc = gw_file_read(path, S_FILE_MAX, &b, err)) < 0)
        goto out;
    rc = gw_import_plan_text(strcmp(path, "-") ? path : "<stdin>", b.ptr, b.len, opts, out,
                             err);
out:
    gw_buf_free(&b);
    return rc;
}
