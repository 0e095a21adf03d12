/* cli_plan.c — the record's commands: import, list, export, set. */
#include "cli_common.h"
#include "import.h"
#include "xmlbuild.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Longest metadata value `gongwen set` accepts (bytes). */
#define S_META_MAX 4000

static int
S_starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
gw_cmd_import(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    int rc;
    gw_import_opts opts = {0};
    gw_store *st = NULL;
    gw_plan *p = NULL;
    const char *name;

    if ((rc = gw_cli_parse(argc, argv, GW_CLI_ALL_LEAD, 2, &a, err)) < 0)
        return rc;
    if (a.npos != 2 || strcmp(a.pos[0], "plan"))
        return gw_err_set(err, GW_EUSAGE, "import: expected `import plan FILE`");
    opts.all_lead = a.all_lead;
    name = strcmp(a.pos[1], "-") ? a.pos[1] : "<stdin>";
    /* The whole text is parsed before the database is opened: a bad file
     * leaves no trace, not even a new empty database. */
    if ((rc = gw_import_plan_file(a.pos[1], &opts, &p, err)) < 0 ||
        (rc = gw_cli_mkdir_for(a.db, err)) < 0 || (rc = gw_store_open(&st, a.db, err)) < 0 ||
        (rc = gw_store_plan_save(st, p, name, err)) < 0)
        goto out;
    gw_cli_note_imported(p, name, a.db);
out:
    gw_store_close(st);
    gw_plan_free(p);
    return rc;
}

/* The units of task t with role, joined by 、 into b (cleared first). */
static void
S_units(const gw_plan *p, const gw_task *t, int role, gw_buf *b)
{
    gw_buf_clear(b);
    for (size_t i = 0; i < t->nassignments; i++) {
        const gw_unit *u;
        if (t->assignments[i].role != role)
            continue;
        u = gw_plan_unit_by_id(p, t->assignments[i].unit);
        if (b->len)
            gw_buf_puts(b, "、");
        gw_buf_puts(b, u ? u->name : "?");
    }
}

static void
S_deadlines(const gw_task *t, gw_buf *b)
{
    gw_buf_clear(b);
    for (size_t i = 0; i < t->nmilestones; i++) {
        if (!*t->milestones[i].deadline)
            continue;
        if (b->len)
            gw_buf_puts(b, "、");
        gw_buf_puts(b, t->milestones[i].deadline);
    }
}

/* The full task text: short title and body (without the unit list). */
static void
S_task_text(const gw_task *t, gw_buf *b)
{
    gw_buf_clear(b);
    if (*t->title) {
        gw_buf_puts(b, t->title);
        gw_buf_puts(b, "。");
    }
    gw_buf_puts(b, t->body);
}

/* The first n characters of s, with … when cut. */
static void
S_excerpt(const char *s, size_t n, gw_buf *b)
{
    size_t i = 0, c = 0;
    uint32_t cp;
    while (s[i] && c < n) {
        int k = gw_utf8_decode(s + i, strlen(s + i), &cp);
        i += k > 0 ? (size_t)k : 1;
        c++;
    }
    gw_buf_put(b, s, i);
    if (s[i])
        gw_buf_puts(b, "…");
}

static void
S_list_tasks(const gw_plan *p)
{
    gw_buf b, l;
    int last_sec = -1;
    gw_buf_init(&b);
    gw_buf_init(&l);
    for (size_t i = 0; i < gw_plan_task_count(p); i++) {
        const gw_task *t = gw_plan_task(p, i);
        if (t->section != last_sec) {
            const gw_section *s = gw_plan_section_by_id(p, t->section);
            if (s)
                printf("%s%s%s\n", i ? "\n" : "", s->label, s->title);
            last_sec = t->section;
        }
        gw_buf_clear(&b);
        if (*t->title)
            gw_buf_puts(&b, t->title);
        else
            S_excerpt(t->body, 24, &b);
        printf("%3d. %s\n", t->no, b.ptr);
        S_units(p, t, GW_ROLE_LEAD, &l);
        printf("     牵头：%s\n", l.ptr);
        S_units(p, t, GW_ROLE_RESPONSIBLE, &l);
        if (l.len)
            printf("     责任：%s\n", l.ptr);
        S_deadlines(t, &l);
        if (l.len)
            printf("     时限：%s\n", l.ptr);
    }
    gw_buf_free(&b);
    gw_buf_free(&l);
}

/* The kind of a unit as people in an office say it. */
static const char *
S_kind_label(const char *kind)
{
    static const char *const k[][2] = {
        {"party", "党委部门"}, {"government", "政府部门"}, {"county", "县市区　"},
        {"mass", "群团组织"}, {"school", "学校　　"}, {"group", "单位组　"},
        {"other", "其他　　"},
    };
    for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
        if (!strcmp(kind, k[i][0]))
            return k[i][1];
    return kind;
}

static void
S_list_units(const gw_plan *p)
{
    for (size_t i = 0; i < gw_plan_unit_count(p); i++) {
        const gw_unit *u = gw_plan_unit(p, i);
        int lead = 0, resp = 0;
        for (size_t k = 0; k < gw_plan_task_count(p); k++) {
            const gw_task *t = gw_plan_task(p, k);
            for (size_t a = 0; a < t->nassignments; a++)
                if (t->assignments[a].unit == u->id) {
                    lead += t->assignments[a].role == GW_ROLE_LEAD;
                    resp += t->assignments[a].role == GW_ROLE_RESPONSIBLE;
                }
        }
        printf("%3d  %s  %s  牵头 %d  责任 %d", u->sort, S_kind_label(u->kind), u->name,
               lead, resp);
        if (u->is_group) {
            size_t n;
            const int *m = gw_plan_group_members(p, u->id, &n);
            if (u->open_group) {
                printf("  （开放组，无固定成员）");
            } else {
                printf("  成员：");
                for (size_t k = 0; k < n; k++) {
                    const gw_unit *x = gw_plan_unit_by_id(p, m[k]);
                    printf("%s%s", k ? "、" : "", x ? x->name : "?");
                }
            }
        }
        printf("\n");
    }
}

static void
S_list_sections(const gw_plan *p)
{
    for (size_t i = 0; i < gw_plan_section_count(p); i++) {
        const gw_section *s = gw_plan_section(p, i);
        size_t n = 0;
        for (size_t k = 0; k < gw_plan_task_count(p); k++)
            n += gw_plan_task(p, k)->section == s->id;
        printf("%s%s%s", s->level == 2 ? "  " : "", s->label, s->title);
        if (s->is_requirements)
            printf("  （%zu 项要求）\n", gw_plan_requirement_count(p));
        else if (n)
            printf("  （%zu 项任务）\n", n);
        else
            printf("\n");
    }
}

int
gw_cmd_list(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    int rc;
    gw_store *st = NULL;
    gw_plan *p = NULL;

    if ((rc = gw_cli_parse(argc, argv, 0, 1, &a, err)) < 0)
        return rc;
    if (a.npos != 1 || (strcmp(a.pos[0], "tasks") && strcmp(a.pos[0], "units") &&
                        strcmp(a.pos[0], "sections")))
        return gw_err_set(err, GW_EUSAGE, "list: expected tasks, units or sections");
    if ((rc = gw_cli_open(a.db, 0, &st, &p, err)) < 0)
        goto out;
    if (!strcmp(a.pos[0], "tasks"))
        S_list_tasks(p);
    else if (!strcmp(a.pos[0], "units"))
        S_list_units(p);
    else
        S_list_sections(p);
out:
    gw_plan_free(p);
    gw_store_close(st);
    return rc;
}

int
gw_cmd_export(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    int rc;
    gw_store *st = NULL;
    gw_plan *p = NULL;
    gw_buf csv, f;

    gw_buf_init(&csv);
    gw_buf_init(&f);
    if ((rc = gw_cli_parse(argc, argv, GW_CLI_OUT, 1, &a, err)) < 0)
        goto out;
    if (a.npos != 1 || strcmp(a.pos[0], "csv")) {
        rc = gw_err_set(err, GW_EUSAGE, "export: expected `export csv`");
        goto out;
    }
    if ((rc = gw_cli_open(a.db, 0, &st, &p, err)) < 0 ||
        (a.out && (rc = gw_file_check_output(a.out, err)) < 0))
        goto out;
    gw_buf_puts(&csv, "序号,类别,任务,牵头单位,责任单位,完成时限\r\n");
    for (size_t i = 0; i < gw_plan_task_count(p); i++) {
        const gw_task *t = gw_plan_task(p, i);
        const gw_section *s = gw_plan_section_by_id(p, t->section);
        char no[16];
        snprintf(no, sizeof no, "%d", t->no);
        gw_csv_field(&csv, no, 0);
        gw_csv_field(&csv, s ? s->title : "", 0);
        S_task_text(t, &f);
        gw_csv_field(&csv, f.ptr, 0);
        S_units(p, t, GW_ROLE_LEAD, &f);
        gw_csv_field(&csv, f.ptr, 0);
        S_units(p, t, GW_ROLE_RESPONSIBLE, &f);
        gw_csv_field(&csv, f.ptr, 0);
        S_deadlines(t, &f);
        gw_csv_field(&csv, f.ptr, 1);
    }
    if (a.out) {
        rc = gw_file_write_atomic(a.out, csv.ptr, csv.len, err);
    } else if (fwrite(csv.ptr, 1, csv.len, stdout) != csv.len || fflush(stdout) != 0) {
        rc = gw_err_set(err, GW_EIO, "export: cannot write to standard output");
    }
out:
    gw_buf_free(&csv);
    gw_buf_free(&f);
    gw_plan_free(p);
    gw_store_close(st);
    return rc;
}

/* ------------------------------------------------------------------- set */

static const struct {
    const char *key, *what;
} S_keys[] = {
    {"title", "the plan's title"},
    {"preamble", "the paragraph before the first section"},
    {"notice_title", "title of the notice that circulates the plan"},
    {"issuer", "issuing authority (发文机关)"},
    {"issuer_mark", "issuer mark of the masthead (发文机关标志)"},
    {"doc_number", "document number, e.g. 株人才办发〔2017〕3号"},
    {"sign_date", "date of signing (成文日期), 2017-05-12 or 2017年5月12日"},
    {"addressees", "main addressees (主送机关), without the final ："},
    {"copy_to", "copy-to organs (抄送机关), without the final 。"},
    {"printer", "printing organisation (印发机关)"},
    {"print_date", "printing date (印发日期)"},
    {"note", "note (附注), e.g. （此件公开发布）"},
    {"attachment", "attachment number of the plan in the notice (附件N)"},
    {"copy_no", "copy number (份号), six digits"},
    {"secret", "classification (密级和保密期限), e.g. 秘密★1年"},
    {"urgency", "urgency (紧急程度): 特急 or 加急"},
    {"signer", "signer (签发人)"},
    {"notice_body", "covering text of the notice, one paragraph (default: 现将《…》印发给你们…)"},
    {"requirements_in", "where 工作要求 is printed: attachment (default) or body (also in the notice)"},
    {"table", "include 附件2, the task-division table: yes (default) or no; "
              "notice/fo/build --no-table overrides yes"},
};

#define S_NKEYS (sizeof S_keys / sizeof S_keys[0])

/* 2017-05-12 or 2017年5月12日 → ISO in iso[11]; 1 when a real date.  Only
 * these two forms: gw_import_deadline would also take periods (2017年底). */
static int
S_date(const char *s, char iso[11])
{
    int y, m, d, n = 0;
    if (!((sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && !s[n]) ||
          (sscanf(s, "%4d年%2d月%2d日%n", &y, &m, &d, &n) == 3 && !s[n])))
        return 0;
    return gw_import_deadline(s, iso);
}

/* Validates a document number: 机关代字〔年份〕序号号 (GB/T 9704-2012 7.2.4).
 * The year in brackets other than 〔〕 gets a corrected suggestion; the rest
 * is gw_doc_number_check's, which the notice builder applies too. */
static int
S_doc_number(const char *v, gw_err *err)
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
            rc = gw_err_set(err, GW_EINPUT, "set doc_number: the year of a document number "
                            "is in 六角括号 〔〕 (GB/T 9704-2012 7.2.4): did you mean %s?",
                            fix.ptr);
            gw_buf_free(&fix);
            return rc;
        }
    }
    if (gw_doc_number_check(v, err) < 0)
        return gw_err_prefix(err, "set doc_number");
    return 0;
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

/* Checks (and for dates rewrites into iso) a metadata value. */
static int
S_check(const char *key, const char **val, char iso[11], gw_err *err)
{
    const char *v = *val;
    size_t n = strlen(v);
    long bad;
    uint32_t cp = 0;
    if (n > S_META_MAX)
        return gw_err_set(err, GW_EINPUT, "set %s: value longer than the cap of %d bytes",
                          key, S_META_MAX);
    if ((bad = gw_text_bad(v, n, GW_TEXT_LF | GW_TEXT_CR, &cp)) >= 0) {
        char what[64];
        if (cp == GW_TEXT_INVALID)
            return gw_err_set(err, GW_EINPUT, "set %s: the value is not valid UTF-8 "
                              "(byte %ld)", key, bad + 1);
        return gw_err_set(err, GW_EINPUT, "set %s: character %zu of the value is %s, "
                          "which has no place in a document", key,
                          S_nchars(v, (size_t)bad) + 1, gw_text_describe(cp, what, sizeof what));
    }
    if (strcmp(key, "preamble") && (strchr(v, '\n') || strchr(v, '\r')))
        return gw_err_set(err, GW_EINPUT, "set %s: the value must be one line", key);
    if (!strcmp(key, "doc_number"))
        return S_doc_number(v, err);
    if (!strcmp(key, "sign_date") || !strcmp(key, "print_date")) {
        if (!S_date(v, iso))
            return gw_err_set(err, GW_EINPUT, "set %s: %s is not a real date (write "
                              "2017-05-12 or 2017年5月12日)", key, v);
        *val = iso;
        return 0;
    }
    if (!strcmp(key, "copy_no")) {
        int digits = n == 6;
        for (const char *p = v; *p; p++)
            digits &= *p >= '0' && *p <= '9';
        if (!digits)
            return gw_err_set(err, GW_EINPUT, "set copy_no: the copy number is six digits "
                              "(GB/T 9704-2012 7.2.1), e.g. 000001; got %s", v);
        return 0;
    }
    if (!strcmp(key, "urgency") && *v && strcmp(v, "特急") && strcmp(v, "加急"))
        return gw_err_set(err, GW_EINPUT, "set urgency: 特急 or 加急 (GB/T 9704-2012 "
                          "7.2.3), got %s", v);
    if (!strcmp(key, "secret") && *v && !S_starts_with(v, "秘密") &&
        !S_starts_with(v, "机密") && !S_starts_with(v, "绝密"))
        return gw_err_set(err, GW_EINPUT, "set secret: 秘密, 机密 or 绝密 (with ★ and a "
                          "period if any), got %s", v);
    if (!strcmp(key, "attachment")) {
        for (const char *p = v; *p; p++)
            if (*p < '0' || *p > '9')
                return gw_err_set(err, GW_EINPUT, "set attachment: a number, got %s", v);
    }
    if (!strcmp(key, "table")) {
        /* stored as the template's and data/plan.rng's 1/0 */
        if (!strcmp(v, "yes") || !strcmp(v, "1"))
            *val = "1";
        else if (!strcmp(v, "no") || !strcmp(v, "0"))
            *val = "0";
        else
            return gw_err_set(err, GW_EINPUT, "set table: yes or no (whether the notice "
                              "includes 附件2, the task-division table), got %s", v);
        return 0;
    }
    if (!strcmp(key, "requirements_in") && strcmp(v, "body") && strcmp(v, "attachment"))
        return gw_err_set(err, GW_EINPUT, "set requirements_in: body or attachment (where "
                          "the 工作要求 are printed), got %s", v);
    if (!*v && (!strcmp(key, "title") || !strcmp(key, "issuer") ||
                !strcmp(key, "notice_title")))
        return gw_err_set(err, GW_EINPUT, "set %s: the value may not be empty", key);
    return 0;
}

int
gw_cmd_set(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    const char *val = NULL;
    int rc;
    size_t k;
    gw_store *st = NULL;
    gw_buf cur;
    char iso[11];

    gw_buf_init(&cur);
    if ((rc = gw_cli_parse(argc, argv, GW_CLI_LIST | GW_CLI_DASH_VALUE, 2, &a, err)) < 0)
        goto out;
    if (!a.list && a.npos != 2) {
        rc = gw_err_set(err, GW_EUSAGE, "set: expected KEY VALUE or --list");
        goto out;
    }
    if (!a.list) {
        for (k = 0; k < S_NKEYS; k++)
            if (!strcmp(a.pos[0], S_keys[k].key))
                break;
        if (k == S_NKEYS) {
            gw_buf_printf(&cur, "set: unknown key %s; the keys are", a.pos[0]);
            for (k = 0; k < S_NKEYS; k++)
                gw_buf_printf(&cur, "%s %s", k ? "," : "", S_keys[k].key);
            rc = gw_err_set(err, GW_EINPUT, "%s", cur.ptr);
            goto out;
        }
        val = a.pos[1];
        if ((rc = S_check(a.pos[0], &val, iso, err)) < 0)
            goto out;
    }
    if ((rc = gw_store_open_existing(&st, a.db, err)) < 0)
        goto out;
    if (a.list) {
        for (k = 0; k < S_NKEYS; k++) {
            if ((rc = gw_store_meta_get(st, S_keys[k].key, &cur, err)) < 0)
                goto out;
            if (rc && !strcmp(S_keys[k].key, "table"))     /* stored as 1/0 */
                gw_buf_puts(&cur, strcmp(cur.ptr, "0") ? "  (yes)" : "  (no)");
            printf("%-15s %s\n%-15s   %s\n", S_keys[k].key, rc ? cur.ptr : "(unset)", "",
                   S_keys[k].what);
        }
        rc = 0;
        goto out;
    }
    rc = gw_store_meta_set(st, a.pos[0], val, err);
out:
    gw_buf_free(&cur);
    gw_store_close(st);
    return rc;
}
