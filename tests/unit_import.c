/* unit_import.c — punctuation normalisation, deadlines, the embedded default
 * plan parsed without a database, and saved and loaded through the store. */
#include "date.h"
#include "import.h"
#include "plan.h"
#include "store.h"
#include "tap.h"

#include <stdlib.h>
#include <unistd.h>

static const char *
S_norm(gw_buf *b, const char *in, gw_norm_counts *c)
{
    gw_buf_clear(b);
    gw_import_normalise(in, strlen(in), b, c);
    return b->ptr;
}

static const char *
S_lead_names(const gw_plan *p, const gw_task *t, int role, gw_buf *b)
{
    gw_buf_clear(b);
    for (size_t i = 0; i < t->nassignments; i++) {
        if (t->assignments[i].role != role)
            continue;
        gw_buf_printf(b, "%s%s", b->len ? "、" : "",
                      gw_plan_unit_by_id(p, t->assignments[i].unit)->name);
    }
    return b->ptr;
}

/* gw_date_deadline with the ISO form in iso ("" when not a date). */
static int
S_deadline(const char *t, char iso[11])
{
    gw_date d;
    iso[0] = '\0';
    if (!gw_date_deadline(t, &d))
        return 0;
    gw_date_iso(&d, iso);
    return 1;
}

int
main(void)
{
    gw_buf b, l;
    gw_norm_counts c;
    gw_err err = {0, "", 0};
    char iso[11], path[] = "/tmp/gw-unit-import.XXXXXX";
    gw_store *st = NULL;
    gw_plan *p = NULL;
    int fd;

    gw_verbosity = 0;
    gw_buf_init(&b);
    gw_buf_init(&l);

    /* Normalisation. */
    memset(&c, 0, sizeof c);
    TAP_STREQ(S_norm(&b, "措施》,(简称\"人才优先发展30条\")提出", &c),
              "措施》，（简称“人才优先发展30条”）提出", "web punctuation becomes full-width");
    TAP_OK(c.n[GW_NORM_COMMA] == 1 && c.n[GW_NORM_LPAREN] == 1 && c.n[GW_NORM_RPAREN] == 1 &&
           c.n[GW_NORM_LQUOTE] == 1 && c.n[GW_NORM_RQUOTE] == 1, "and is counted");
    TAP_STREQ(S_norm(&b, "组织\"3+3+1\"产业", NULL), "组织“3+3+1”产业", "3+3+1 untouched");
    TAP_STREQ(S_norm(&b, "in 2017, at 10:30 (UTC)!", NULL), "in 2017, at 10:30 (UTC)!",
              "Latin text untouched");
    TAP_STREQ(S_norm(&b, "注:见附件;是否?是!", NULL), "注：见附件；是否？是！",
              "colon, semicolon, question and exclamation marks");
    TAP_STREQ(S_norm(&b, "采用(PPP)模式", NULL), "采用（PPP）模式",
              "brackets convert as a pair");
    TAP_STREQ(S_norm(&b, "(2017)3号", NULL), "(2017)3号",
              "a bracket pair around digits only at the start stays");
    TAP_STREQ(S_norm(&b, "文号(2017)3号", NULL), "文号（2017）3号",
              "the closing bracket follows its opening one");
    TAP_OK(gw_import_normalise("\"a", 2, &b, NULL) == 1, "odd quotes reported");

    /* Deadlines. */
    TAP_OK(S_deadline("2020年12月底", iso) && !strcmp(iso, "2020-12-31"), "年月底");
    TAP_OK(S_deadline("2020年2月", iso) && !strcmp(iso, "2020-02-29"), "leap February");
    TAP_OK(S_deadline("2019年2月底", iso) && !strcmp(iso, "2019-02-28"), "February");
    TAP_OK(S_deadline("2018年底", iso) && !strcmp(iso, "2018-12-31"), "年底");
    TAP_OK(S_deadline("2018年上半年", iso) && !strcmp(iso, "2018-06-30"), "上半年");
    TAP_OK(S_deadline("2018年3月15日", iso) && !strcmp(iso, "2018-03-15"), "a day");
    TAP_OK(S_deadline("2018-03-15", iso) && !strcmp(iso, "2018-03-15"), "ISO");
    TAP_OK(!S_deadline("2018年2月30日", iso) && !iso[0], "no 30 February");
    TAP_OK(!S_deadline("长期坚持", iso) && !iso[0], "text is not a date");
    TAP_OK(S_deadline("2017年第三季度", iso) && !strcmp(iso, "2017-09-30"), "第三季度");
    TAP_OK(S_deadline("2017年三季度", iso) && !strcmp(iso, "2017-09-30"), "三季度");
    TAP_OK(S_deadline("2018年第1季度", iso) && !strcmp(iso, "2018-03-31"), "第1季度");
    TAP_OK(S_deadline("2018年4季度", iso) && !strcmp(iso, "2018-12-31"), "4季度");
    TAP_OK(!S_deadline("2018年第五季度", iso), "no fifth quarter");
    TAP_OK(S_deadline("2018年", iso) && !strcmp(iso, "2018-12-31"), "a year alone");
    TAP_OK(S_deadline("2017年10月", iso) && !strcmp(iso, "2017-10-31"), "a month alone");
    TAP_OK(S_deadline("2018年下半年", iso) && !strcmp(iso, "2018-12-31"), "下半年");
    /* what plans write after the period */
    TAP_OK(S_deadline("2018年6月底前", iso) && !strcmp(iso, "2018-06-30"), "6月底前");
    TAP_OK(S_deadline("2018年底前", iso) && !strcmp(iso, "2018-12-31"), "年底前");
    TAP_OK(S_deadline("2018年年底前", iso) && !strcmp(iso, "2018-12-31"), "年年底前");
    TAP_OK(S_deadline("2018年6月底前完成", iso) && !strcmp(iso, "2018-06-30"), "底前完成");
    TAP_OK(S_deadline("2018年9月30日前完成", iso) && !strcmp(iso, "2018-09-30"), "日前完成");
    TAP_OK(S_deadline("2018年底以前", iso) && !strcmp(iso, "2018-12-31"), "以前");
    TAP_OK(S_deadline("2018年10月前", iso) && !strcmp(iso, "2018-10-31"), "月前");
    TAP_OK(S_deadline("2018年第三季度末前", iso) && !strcmp(iso, "2018-09-30"), "季度末前");
    TAP_OK(S_deadline("2018年6月份底", iso) && !strcmp(iso, "2018-06-30"), "月份底");
    TAP_OK(S_deadline("2018年3月15号", iso) && !strcmp(iso, "2018-03-15"), "号");
    TAP_OK(S_deadline("2018年前", iso) && !strcmp(iso, "2018-12-31"), "年前");
    TAP_OK(!S_deadline("2018年6月底前后", iso) && !iso[0], "not 前后");
    TAP_OK(!S_deadline("完成", iso) && !S_deadline("前", iso), "the words alone are no date");
    TAP_OK(S_deadline("２０１８年８月底前", iso) && !strcmp(iso, "2018-08-31"), "full-width digits");
    TAP_OK(gw_date_ongoing("长期坚持") && gw_date_ongoing("持续推进") &&
           gw_date_ongoing("常态化开展"), "长期坚持, 持续推进, 常态化开展 have no end");
    TAP_OK(!gw_date_ongoing("长期坚持吧") && !gw_date_ongoing("2018年"), "other text has");

    /* The embedded default plan through plan.h. */
    fd = mkstemp(path);
    TAP_OK(fd >= 0, "temporary database");
    close(fd);
    unlink(path);
    TAP_OK(gw_store_open(&st, path, &err) == 0, "open a new database: %s", err.msg);
    TAP_OK(gw_store_version(st) == GW_SCHEMA_VERSION, "migrated to the current version");
    TAP_OK(gw_store_plan_load(st, &p, &err) == GW_EINPUT, "an empty database has no plan");
    TAP_OK(strstr(err.msg, "holds no plan") != NULL, "and says so: %s", err.msg);
    {
        gw_plan *parsed = NULL;
        char *dflt = gw_home_path("data/plan.txt");
        TAP_OK(gw_import_plan_file(dflt, NULL, &parsed, &err) == 0,
               "the default plan parses without a database: %s", err.msg);
        TAP_OK(parsed && gw_plan_task_count(parsed) == 30, "into 30 tasks");
        TAP_OK(gw_store_plan_save(st, parsed, dflt, &err) == 0, "and saves: %s", err.msg);
        TAP_OK(gw_store_plan_save(st, parsed, dflt, &err) == 0, "twice: %s", err.msg);
        gw_plan_free(parsed);
        free(dflt);
    }
    TAP_OK(gw_store_plan_load(st, &p, &err) == 0, "plan loads: %s", err.msg);
    if (p) {
        const gw_task *t16 = gw_plan_task(p, 15), *t1 = gw_plan_task(p, 0);
        const gw_section *s;
        size_t n = 0;
        const int *m;
        TAP_OK(gw_plan_task_count(p) == 30, "30 tasks");
        TAP_OK(gw_plan_requirement_count(p) == 3, "3 requirements");
        TAP_OK(gw_plan_section_count(p) == 7, "7 sections");
        TAP_STREQ(gw_plan_meta(p, "doc_number"), "株人才办发〔2017〕3号", "meta doc_number");
        TAP_STREQ(gw_plan_meta(p, "copy_to"), "市委人才工作领导小组组长、副组长，市委办，市政府办",
                  "meta copy_to");
        TAP_OK(gw_plan_meta(p, "signer") == NULL, "unset meta is NULL");
        TAP_OK(t16->no == 16 && !*t16->title, "task 16 has no title");
        TAP_STREQ(t1->title, "顶尖人才引领工程", "task 1 title");
        TAP_STREQ(S_lead_names(p, t1, GW_ROLE_LEAD, &l), "市科技局", "task 1 lead");
        TAP_STREQ(S_lead_names(p, t1, GW_ROLE_RESPONSIBLE, &l),
                  "市科协、市发改委、市经信委、市财政局", "task 1 responsible units");
        TAP_OK(t1->assignments[0].pos == 1 && t1->assignments[4].pos == 5, "positions");
        s = gw_plan_section_by_id(p, t1->section);
        TAP_OK(s && s->level == 2 && s->ordinal == 1 && !strcmp(s->label, "（一）"),
               "task 1 sits in （一）");
        s = s ? gw_plan_section_by_id(p, s->parent) : NULL;
        TAP_OK(s && s->level == 1 && !strcmp(s->title, "任务分工"), "under 一、任务分工");
        TAP_STREQ(gw_plan_requirement(p, 0)->label, "（一）", "requirement label");
        for (size_t i = 0; i < gw_plan_unit_count(p); i++)
            if (!strcmp(gw_plan_unit(p, i)->name, "各县市区")) {
                m = gw_plan_group_members(p, gw_plan_unit(p, i)->id, &n);
                TAP_OK(n == 9 && !strcmp(gw_plan_unit_by_id(p, m[8])->name, "炎陵县"),
                       "各县市区 has nine members ending with 炎陵县");
                TAP_OK(gw_plan_unit(p, i)->is_group && !gw_plan_unit(p, i)->open_group,
                       "a closed group");
            }
        TAP_OK(!strcmp(gw_plan_unit(p, 0)->kind, "party"), "party organs sort first");

        /* gw_plan_unit_lookup: canonical names, aliases, nothing else. */
        {
            const gw_unit *u = gw_plan_unit_lookup(p, "市科技局");
            TAP_OK(u && !strcmp(u->name, "市科技局"), "lookup by canonical name");
            TAP_OK(gw_plan_unit_lookup(p, "株洲市科学技术局") == u && u,
                   "lookup by alias 株洲市科学技术局 finds 市科技局");
            TAP_OK(gw_plan_unit_lookup(p, "市科学技术局") == u && u,
                   "a second alias finds the same unit");
            u = gw_plan_unit_lookup(p, "中共株洲市委办公室");
            TAP_OK(u && !strcmp(u->name, "市委办"), "中共株洲市委办公室 is 市委办");
            u = gw_plan_unit_lookup(p, "各县市区");
            TAP_OK(u && u->is_group, "groups are found too");
            TAP_OK(gw_plan_unit_lookup(p, "市科技") == NULL, "no prefix match");
            TAP_OK(gw_plan_unit_lookup(p, "") == NULL && gw_plan_unit_lookup(p, NULL) == NULL,
                   "empty and NULL names find nothing");
        }
    }
    gw_plan_free(p);
    gw_store_close(st);
    unlink(path);
    gw_buf_free(&b);
    gw_buf_free(&l);
    return TAP_DONE();
}
