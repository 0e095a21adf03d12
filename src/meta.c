/* meta.c — metadata keys and their rules (meta.h). */
#include "meta.h"

#include "date.h"

#include <string.h>

enum {
    S_TEXT,         /* free text, one line */
    S_PARA,         /* free text, line breaks allowed (preamble) */
    S_NONEMPTY,     /* one line, not empty */
    S_DATE,         /* a real date, stored as ISO */
    S_DOCNUM,       /* 机关代字〔YYYY〕N号 */
    S_COPYNO,       /* six digits */
    S_URGENCY,      /* 特急 or 加急 */
    S_SECRET,       /* 秘密, 机密 or 绝密 … */
    S_NUMBER,       /* digits */
    S_YESNO,        /* yes/no, stored as 1/0 */
    S_WHERE,        /* body or attachment */
    S_PERCENT       /* a whole number 0..100 */
};

static const struct {
    const char *key, *what;
    int         rule;
} S_keys[] = {
    {"title", "the plan's title", S_NONEMPTY},
    {"preamble", "the paragraph before the first section", S_PARA},
    {"notice_title", "title of the notice that circulates the plan", S_NONEMPTY},
    {"issuer", "issuing authority (发文机关)", S_NONEMPTY},
    {"issuer_mark", "issuer mark of the masthead (发文机关标志)", S_TEXT},
    {"doc_number", "document number, e.g. 株人才办发〔2017〕3号", S_DOCNUM},
    {"sign_date", "date of signing (成文日期), 2017-05-12 or 2017年5月12日", S_DATE},
    {"addressees", "main addressees (主送机关), without the final ：", S_TEXT},
    {"copy_to", "copy-to organs (抄送机关), without the final 。", S_TEXT},
    {"printer", "printing organisation (印发机关)", S_TEXT},
    {"print_date", "printing date (印发日期)", S_DATE},
    {"note", "note (附注), e.g. （此件公开发布）", S_TEXT},
    {"attachment", "attachment number of the plan in the notice (附件N)", S_NUMBER},
    {"copy_no", "copy number (份号), six digits", S_COPYNO},
    {"secret", "classification (密级和保密期限), e.g. 秘密★1年", S_SECRET},
    {"urgency", "urgency (紧急程度): 特急 or 加急", S_URGENCY},
    {"signer", "signer (签发人)", S_TEXT},
    {"notice_body", "covering text of the notice, one paragraph (default: 现将《…》印发给你们…)",
     S_TEXT},
    {"requirements_in", "where 工作要求 is printed: attachment (default) or body (also in the "
                        "notice)", S_WHERE},
    {"table", "include 附件2, the task-division table: yes (default) or no; "
              "notice/fo/build --no-table overrides yes", S_YESNO},
    {"status_yellow", "percentage points behind schedule from which a task is 滞后 "
                      "(default 10; docs/supervision.md)", S_PERCENT},
    {"status_red", "percentage points behind schedule from which a task is 严重滞后 "
                   "(default 30)", S_PERCENT},
    {"report_doc_number", "document number of the quarterly report (督查通报); default "
                          "株人才办通〔YYYY〕N号 (the quarter's year and number)", S_DOCNUM},
    {"report_date", "date of the quarterly report (default: the quarter's last day)", S_DATE},
    {"report_requirements", "next steps of the quarterly report, one paragraph after the "
                            "plan's 工作要求", S_TEXT},
    {"fonts_dir", "a directory of the office's fonts (仿宋_GB2312, 方正小标宋简体 ...), "
                  "searched first; relative to the database's directory", S_TEXT},
};

#define S_NKEYS (sizeof S_keys / sizeof S_keys[0])

const char *
gw_meta_key(size_t i, const char **what)
{
    if (i >= S_NKEYS)
        return NULL;
    if (what)
        *what = S_keys[i].what;
    return S_keys[i].key;
}

int
gw_meta_known(const char *key)
{
    for (size_t i = 0; i < S_NKEYS; i++)
        if (!strcmp(S_keys[i].key, key))
            return 1;
    return 0;
}

static int
S_starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Characters in the first n bytes of valid UTF-8 s. */
static size_t
S_nchars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* The year of a document number in brackets other than 〔〕 (GB/T 9704-2012
 * 7.2.4): the message suggests the corrected number.  0 when not the case. */
static int
S_doc_number_brackets(const char *v, gw_err *err)
{
    static const char *const wrong[][2] = {
        {"[", "]"}, {"(", ")"}, {"（", "）"}, {"【", "】"}, {"［", "］"}, {"〈", "〉"},
    };
    for (size_t i = 0; !strstr(v, "〔") && i < sizeof wrong / sizeof wrong[0]; i++) {
        const char *a = strstr(v, wrong[i][0]), *b = a ? strstr(a, wrong[i][1]) : NULL;
        if (a && b && b - a == (long)strlen(wrong[i][0]) + 4) {
            gw_buf fix;
            int rc;
            gw_buf_init(&fix);
            gw_buf_put(&fix, v, (size_t)(a - v));
            gw_buf_puts(&fix, "〔");
            gw_buf_put(&fix, a + strlen(wrong[i][0]), 4);
            gw_buf_puts(&fix, "〕");
            gw_buf_puts(&fix, b + strlen(wrong[i][1]));
            rc = gw_err_set(err, GW_EINPUT, "the year of a document number is in 六角括号 "
                            "〔〕 (GB/T 9704-2012 7.2.4): did you mean %s?", fix.ptr);
            gw_buf_free(&fix);
            return rc;
        }
    }
    return 0;
}

int
gw_doc_number_check(const char *s, gw_err *err)
{
    const char *open = strstr(s, "〔"), *close, *p;
    int rc;
    if (s[0] == '\0')
        return gw_err_set(err, GW_EINPUT, "document number is empty");
    if ((rc = S_doc_number_brackets(s, err)) < 0)
        return rc;
    if (open == NULL || open == s)
        return gw_err_set(err, GW_EINPUT, "document number '%s': want 机关代字〔YYYY〕N号, "
                          "the year in 〔〕 (U+3014/U+3015), e.g. 株人才办发〔2017〕3号", s);
    close = open + strlen("〔");
    for (p = close; p < close + 4; p++)
        if (*p < '0' || *p > '9')
            return gw_err_set(err, GW_EINPUT, "document number '%s': the year in 〔〕 must "
                              "be four digits", s);
    if (strncmp(close + 4, "〕", strlen("〕")) != 0)
        return gw_err_set(err, GW_EINPUT, "document number '%s': the year in 〔〕 must be "
                          "four digits", s);
    p = close + 4 + strlen("〕");
    if (!strncmp(p, "第", strlen("第")))
        return gw_err_set(err, GW_EINPUT, "document number '%s': no 第 before the number "
                          "(GB/T 9704 7.2.4)", s);
    if (*p == '0')
        return gw_err_set(err, GW_EINPUT, "document number '%s': no leading zero in the "
                          "number", s);
    if (*p < '1' || *p > '9')
        return gw_err_set(err, GW_EINPUT, "document number '%s': want a number after "
                          "〔YYYY〕", s);
    while (*p >= '0' && *p <= '9')
        p++;
    if (strcmp(p, "号") != 0)
        return gw_err_set(err, GW_EINPUT, "document number '%s': must end with the number "
                          "and 号", s);
    return 0;
}

/* The key's own form; v has passed the character rules. */
static int
S_form(const char *key, int rule, const char *v, gw_buf *stored, gw_err *err)
{
    gw_date d;
    char iso[11];
    size_t n = strlen(v);
    switch (rule) {
    case S_NONEMPTY:
        if (!*v)
            return gw_err_set(err, GW_EINPUT, "%s: the value may not be empty", key);
        break;
    case S_DATE:
        if (!gw_date_parse(v, &d))
            return gw_err_set(err, GW_EINPUT, "%s: %s is not a real date (write 2017-05-12 "
                              "or 2017年5月12日)", key, v);
        gw_date_iso(&d, iso);
        gw_buf_puts(stored, iso);
        return 0;
    case S_DOCNUM:
        if (gw_doc_number_check(v, err) < 0)
            return gw_err_prefix(err, "%s", key);
        break;
    case S_COPYNO: {
        int digits = n == 6;
        for (const char *p = v; *p; p++)
            digits &= *p >= '0' && *p <= '9';
        if (!digits)
            return gw_err_set(err, GW_EINPUT, "%s: the copy number is six digits "
                              "(GB/T 9704-2012 7.2.1), e.g. 000001; got %s", key, v);
        break;
    }
    case S_URGENCY:
        if (*v && strcmp(v, "特急") && strcmp(v, "加急"))
            return gw_err_set(err, GW_EINPUT, "%s: 特急 or 加急 (GB/T 9704-2012 7.2.3), "
                              "got %s", key, v);
        break;
    case S_SECRET:
        if (*v && !S_starts_with(v, "秘密") && !S_starts_with(v, "机密") &&
            !S_starts_with(v, "绝密"))
            return gw_err_set(err, GW_EINPUT, "%s: 秘密, 机密 or 绝密 (with ★ and a period "
                              "if any), got %s", key, v);
        break;
    case S_NUMBER:
        for (const char *p = v; *p; p++)
            if (*p < '0' || *p > '9')
                return gw_err_set(err, GW_EINPUT, "%s: a number, got %s", key, v);
        break;
    case S_YESNO:
        /* stored as the template's and data/plan.rng's 1/0 */
        if (!strcmp(v, "yes") || !strcmp(v, "1"))
            gw_buf_puts(stored, "1");
        else if (!strcmp(v, "no") || !strcmp(v, "0"))
            gw_buf_puts(stored, "0");
        else
            return gw_err_set(err, GW_EINPUT, "%s: yes or no (whether the notice includes "
                              "附件2, the task-division table), got %s", key, v);
        return 0;
    case S_PERCENT: {
        int ok = n > 0 && n <= 3, val = 0;
        for (const char *p = v; ok && *p; p++) {
            ok = *p >= '0' && *p <= '9';
            val = val * 10 + (*p - '0');
        }
        if (!ok || val > 100)
            return gw_err_set(err, GW_EINPUT, "%s: a whole number of percentage points "
                              "from 0 to 100, got %s", key, v);
        break;
    }
    case S_WHERE:
        if (strcmp(v, "body") && strcmp(v, "attachment"))
            return gw_err_set(err, GW_EINPUT, "%s: body or attachment (where the 工作要求 "
                              "are printed), got %s", key, v);
        break;
    }
    gw_buf_puts(stored, v);
    return 0;
}

int
gw_meta_check(const char *key, const char *value, gw_buf *stored, gw_err *err)
{
    size_t k, n = strlen(value);
    long bad;
    uint32_t cp = 0;

    gw_buf_clear(stored);
    for (k = 0; k < S_NKEYS && strcmp(S_keys[k].key, key); k++)
        ;
    if (k == S_NKEYS) {
        gw_buf keys;
        int rc;
        gw_buf_init(&keys);
        for (size_t i = 0; i < S_NKEYS; i++)
            gw_buf_printf(&keys, "%s %s", i ? "," : "", S_keys[i].key);
        rc = gw_err_set(err, GW_EINPUT, "unknown key %s; the keys are%s", key, keys.ptr);
        gw_buf_free(&keys);
        return rc;
    }
    if (n > GW_META_MAX)
        return gw_err_set(err, GW_EINPUT, "%s: value longer than the cap of %d bytes", key,
                          GW_META_MAX);
    if ((bad = gw_text_bad(value, n, GW_TEXT_LF | GW_TEXT_CR, &cp)) >= 0) {
        char what[64];
        if (cp == GW_TEXT_INVALID)
            return gw_err_set(err, GW_EINPUT, "%s: the value is not valid UTF-8 (byte %ld)",
                              key, bad + 1);
        return gw_err_set(err, GW_EINPUT, "%s: character %zu of the value is %s, which has "
                          "no place in a document", key, S_nchars(value, (size_t)bad) + 1,
                          gw_text_describe(cp, what, sizeof what));
    }
    if (S_keys[k].rule != S_PARA && (strchr(value, '\n') || strchr(value, '\r')))
        return gw_err_set(err, GW_EINPUT, "%s: the value must be one line", key);
    return S_form(key, S_keys[k].rule, value, stored, err);
}

int
gw_meta_check_plan(const gw_plan *plan, gw_err *err)
{
    gw_buf chk;
    int rc = 0;
    gw_buf_init(&chk);
    for (size_t i = 0; i < S_NKEYS && rc == 0; i++) {
        const char *v = gw_plan_meta(plan, S_keys[i].key);
        if (v && *v && (rc = gw_meta_check(S_keys[i].key, v, &chk, err)) < 0) {
            char msg[sizeof err->msg];
            memcpy(msg, err->msg, sizeof msg);
            gw_err_set(err, rc, "plan metadata %s", msg);
        }
    }
    gw_buf_free(&chk);
    return rc;
}

void
gw_doc_number_series(const char *doc_number, const char *series, int year, long n,
                     gw_buf *out)
{
    const char *open = doc_number ? strstr(doc_number, "〔") : NULL;
    size_t len = open ? (size_t)(open - doc_number) : 0;
    const size_t fa = strlen("发");
    /* 株人才办发: the 发 names the 发文 series, which another series replaces */
    if (len > fa && memcmp(doc_number + len - fa, "发", fa) == 0)
        len -= fa;
    gw_buf_put(out, doc_number ? doc_number : "", len);
    gw_buf_printf(out, "%s〔%04d〕%ld号", series, year, n);
}
