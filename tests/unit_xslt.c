/* unit_xslt.c — the XSLT sandbox (xslt.c) and the pure helpers of
 * xmlbuild.c: title breaking by meaning, Chinese dates, document numbers.
 * Runs against a private GONGWEN_HOME made in a temporary directory, with
 * small templates written by the test. */
#define _XOPEN_SOURCE 700
#include "tap.h"

#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gw.h"
#include "date.h"
#include "meta.h"
#include "xmlbuild.h"
#include "xslt.h"

static char S_home[256];

static void
S_write(const char *rel, const char *text)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", S_home, rel);
    f = fopen(path, "w");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

#define XSL_HEAD "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'" \
    " xmlns:exsl='http://exslt.org/common' extension-element-prefixes='exsl'>"

static void
S_setup(void)
{
    char path[512];
    snprintf(S_home, sizeof S_home, "%s/gw-unit-xslt.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (mkdtemp(S_home) == NULL)
        exit(2);
    snprintf(path, sizeof path, "%s/templates", S_home);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/stylesheets", S_home);
    mkdir(path, 0755);
    setenv("GONGWEN_HOME", S_home, 1);
    S_write("stylesheets/common.xsl", XSL_HEAD
            "<xsl:template name='hello'><greeting><xsl:value-of select='$who'/></greeting></xsl:template>"
            "<xsl:param name='who' select=\"'nobody'\"/></xsl:stylesheet>");
    S_write("templates/ok.xsl", XSL_HEAD "<xsl:import href='../stylesheets/common.xsl'/>"
            "<xsl:template match='/'><xsl:call-template name='hello'/></xsl:template></xsl:stylesheet>");
    S_write("templates/readetc.xsl", XSL_HEAD
            "<xsl:template match='/'><r><xsl:value-of select=\"document('/etc/passwd')\"/></r></xsl:template>"
            "</xsl:stylesheet>");
    S_write("templates/importetc.xsl", XSL_HEAD "<xsl:import href='/etc/hosts'/>"
            "<xsl:template match='/'><r/></xsl:template></xsl:stylesheet>");
    S_write("templates/write.xsl", XSL_HEAD
            "<xsl:template match='/'><exsl:document href='/tmp/gw-unit-xslt-pwned.txt' method='text'>x</exsl:document><r/></xsl:template>"
            "</xsl:stylesheet>");
    S_write("templates/loop.xsl", XSL_HEAD
            "<xsl:template name='f'><xsl:param name='n' select='0'/><xsl:call-template name='f'>"
            "<xsl:with-param name='n' select='$n + 1'/></xsl:call-template></xsl:template>"
            "<xsl:template match='/'><xsl:call-template name='f'/></xsl:template></xsl:stylesheet>");
    S_write("templates/broken.xsl", "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
            "<xsl:template match='/'><xsl:value-of select='(('/></xsl:template></xsl:stylesheet>");
    S_write("templates/message.xsl", XSL_HEAD
            "<xsl:template match='/'><xsl:message terminate='yes'>no issuer</xsl:message></xsl:template></xsl:stylesheet>");
    S_write("templates/entity.xsl", "<!DOCTYPE x [<!ENTITY e SYSTEM '/etc/passwd'>]>" XSL_HEAD
            "<xsl:template match='/'><r>&e;</r></xsl:template></xsl:stylesheet>");
}

static void
S_cleanup(void)
{
    static const char *files[] = {"stylesheets/common.xsl", "templates/ok.xsl", "templates/readetc.xsl",
        "templates/importetc.xsl", "templates/write.xsl", "templates/loop.xsl", "templates/broken.xsl",
        "templates/message.xsl", "templates/entity.xsl"};
    char path[512];
    size_t i;
    for (i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", S_home, files[i]);
        unlink(path);
    }
    snprintf(path, sizeof path, "%s/templates", S_home);
    rmdir(path);
    snprintf(path, sizeof path, "%s/stylesheets", S_home);
    rmdir(path);
    rmdir(S_home);
}

static char *
S_apply(const char *name, const char *const *params, int *rc, gw_err *err)
{
    xmlDocPtr in = xmlReadMemory("<a/>", 4, "in.xml", NULL, XML_PARSE_NONET), out = NULL;
    gw_buf b;
    gw_buf_init(&b);
    err->code = 0;
    err->msg[0] = '\0';
    *rc = gw_xslt_apply(name, in, params, &out, err);
    if (out != NULL) {
        gw_xml_dump(out, &b, 0, err);
        xmlFreeDoc(out);
    }
    xmlFreeDoc(in);
    return gw_buf_detach(&b);
}

static void
S_test_sandbox(void)
{
    gw_err err;
    int rc;
    char *s;
    const char *params[] = {"who", "株洲'\"市", NULL};

    s = S_apply("ok", NULL, &rc, &err);
    TAP_OK(rc == 0 && strstr(s, "<greeting>nobody</greeting>"), "template imports a stylesheet: %s", s);
    free(s);
    s = S_apply("ok", params, &rc, &err);
    TAP_OK(rc == 0 && strstr(s, "<greeting>株洲'\"市</greeting>"), "string parameter with quotes: %s", s);
    free(s);
    s = S_apply("readetc", NULL, &rc, &err);
    TAP_OK(rc < 0 || !strstr(s, "root:"), "document('/etc/passwd') not read (rc %d): %s", rc, err.msg);
    free(s);
    s = S_apply("importetc", NULL, &rc, &err);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "not allowed"), "xsl:import outside templates/ refused: %s", err.msg);
    free(s);
    unlink("/tmp/gw-unit-xslt-pwned.txt");
    s = S_apply("write", NULL, &rc, &err);
    TAP_OK(rc < 0 && access("/tmp/gw-unit-xslt-pwned.txt", F_OK) != 0, "exsl:document cannot write: %s", err.msg);
    free(s);
    s = S_apply("loop", NULL, &rc, &err);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "loop.xsl"), "endless recursion stops with an error: %.80s", err.msg);
    free(s);
    s = S_apply("broken", NULL, &rc, &err);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "broken.xsl"), "bad XPath names the template: %.120s", err.msg);
    free(s);
    s = S_apply("message", NULL, &rc, &err);
    TAP_OK(rc == GW_EINPUT && strstr(err.msg, "no issuer"), "xsl:message terminate reported: %s", err.msg);
    free(s);
    s = S_apply("entity", NULL, &rc, &err);
    TAP_OK(!strstr(s, "root:"), "external entity not expanded (rc %d)", rc);
    free(s);
    s = S_apply("missing", NULL, &rc, &err);
    TAP_OK(rc == GW_EIO && strstr(err.msg, "missing.xsl"), "missing template: %s", err.msg);
    free(s);
    s = S_apply("../x", NULL, &rc, &err);
    TAP_OK(rc == GW_EUSAGE, "template name with a slash refused: %s", err.msg);
    free(s);
}

static char *
S_join(const char *title, double em)
{
    char **lines = NULL;
    size_t n = gw_title_break(title, em, &lines), i;
    gw_buf b;
    gw_buf_init(&b);
    for (i = 0; i < n; i++) {
        if (i)
            gw_buf_puts(&b, "|");
        gw_buf_puts(&b, lines[i]);
        free(lines[i]);
    }
    free(lines);
    return gw_buf_detach(&b);
}

static void
S_test_titles(void)
{
    char *s;
    s = S_join("关于印发《关于进一步推进人才优先发展的30条措施》主要任务分工方案的通知", 20);
    TAP_STREQ(s, "关于印发|《关于进一步推进人才优先发展的30条措施》|主要任务分工方案的通知",
              "notice title: 《》 kept whole, diamond");
    free(s);
    s = S_join("《关于进一步推进人才优先发展的30条措施》主要任务分工方案", 20);
    TAP_STREQ(s, "《关于进一步推进人才优先发展的30条措施》|主要任务分工方案", "plan title broken after 》");
    free(s);
    /* a name longer than the measure is taken apart: the break falls
     * around the inner 〈〉 and after 的, never inside 措施, and no 《 is
     * left alone on a line */
    s = S_join("关于《〈关于进一步推进人才优先发展的30条措施〉主要任务分工方案》落实情况的督查通报"
               "（2018年第二季度）", 20);
    TAP_STREQ(s, "关于《〈关于进一步推进人才优先发展的|30条措施〉主要任务分工方案》|"
                 "落实情况的督查通报（2018年第二季度）", "report title: the long 《》 broken by meaning");
    free(s);
    s = S_join("关于做好2017年人才工作的通知", 20);
    TAP_STREQ(s, "关于做好2017年人才工作的通知", "short title on one line");
    free(s);
    s = S_join("关于加强和改进新形势下全市人才工作领导小组成员单位协调配合机制建设的实施意见", 20);
    TAP_OK(strchr(s, '|') != NULL && !strstr(s, "|，"), "long title without 《》 broken: %s", s);
    free(s);
    s = S_join("", 20);
    TAP_STREQ(s, "", "empty title");
    free(s);
    {
        /* a pathological "title": 300 characters, greedy, nothing lost */
        gw_buf b;
        size_t i, bars = 0;
        char *joined;
        gw_buf_init(&b);
        for (i = 0; i < 100; i++)
            gw_buf_puts(&b, "人才、");
        s = S_join(b.ptr, 20);
        joined = gw_xstrdup(s);
        for (i = 0; s[i]; i++)
            bars += s[i] == '|';
        {
            char *w = joined, *r = joined;
            for (; *r; r++)
                if (*r != '|')
                    *w++ = *r;
            *w = '\0';
        }
        TAP_OK(bars >= 14 && !strcmp(joined, b.ptr), "300-character title broken greedily, text kept (%zu breaks)", bars);
        TAP_OK(!strstr(s, "|、"), "no line starts with 、");
        free(joined);
        free(s);
        for (i = 0; i < 200; i++)
            gw_buf_puts(&b, "人才");
        s = S_join(b.ptr, 20);
        TAP_STREQ(s, b.ptr, "over-long title left whole for the renderer");
        free(s);
        gw_buf_free(&b);
    }
}

/* Both builders and `set` use the one parser: ISO or 2017年5月2日, real days
 * only, printed without leading zeros. */
static void
S_test_dates(void)
{
    gw_buf b;
    gw_date d;
    char iso[11];
    gw_buf_init(&b);
    TAP_OK(gw_date_parse("2017-05-02", &d) && d.y == 2017 && d.m == 5 && d.d == 2,
           "ISO date accepted");
    gw_date_cn(&d, &b);
    TAP_STREQ(b.ptr, "2017年5月2日", "no leading zeros");
    TAP_OK(gw_date_parse("2017年5月2日", &d), "the Chinese form too");
    gw_date_iso(&d, iso);
    TAP_STREQ(iso, "2017-05-02", "stored as ISO");
    TAP_OK(gw_date_parse("2016-02-29", &d), "leap day");
    TAP_OK(!gw_date_parse("2017-02-29", &d), "2017-02-29 rejected");
    TAP_OK(!gw_date_parse("2017-02-31", &d), "2017-02-31 rejected");
    TAP_OK(!gw_date_parse("2017年2月31日", &d), "2017年2月31日 rejected");
    TAP_OK(!gw_date_parse("2017-13-01", &d), "month 13 rejected");
    TAP_OK(!gw_date_parse("2017-5-2", &d), "short ISO form rejected");
    TAP_OK(!gw_date_parse("2017年底", &d), "a period is not an exact date");
    TAP_OK(gw_date_deadline("2017年底", &d) && d.m == 12 && d.d == 31, "but a deadline");
    gw_buf_free(&b);
}

static void
S_test_docno(void)
{
    gw_err err;
    TAP_OK(gw_doc_number_check("株人才办发〔2017〕3号", &err) == 0, "good document number");
    TAP_OK(gw_doc_number_check("株人才办发〔2017〕12号", &err) == 0, "two-digit number");
    TAP_OK(gw_doc_number_check("株人才办发[2017]3号", &err) == GW_EINPUT && strstr(err.msg, "〔〕"),
           "[] rejected: %s", err.msg);
    TAP_OK(gw_doc_number_check("株人才办发〔2017〕03号", &err) == GW_EINPUT && strstr(err.msg, "leading zero"),
           "leading zero rejected: %s", err.msg);
    TAP_OK(gw_doc_number_check("株人才办发〔2017〕第3号", &err) == GW_EINPUT && strstr(err.msg, "第"),
           "第 rejected: %s", err.msg);
    TAP_OK(gw_doc_number_check("株人才办发〔17〕3号", &err) == GW_EINPUT, "two-digit year rejected");
    TAP_OK(gw_doc_number_check("〔2017〕3号", &err) == GW_EINPUT, "no 机关代字 rejected");
    TAP_OK(gw_doc_number_check("株人才办发〔2017〕3", &err) == GW_EINPUT, "no 号 rejected");
}

int
main(void)
{
    S_setup();
    S_test_sandbox();
    S_test_titles();
    S_test_dates();
    S_test_docno();
    gw_xslt_cleanup();
    S_cleanup();
    return TAP_DONE();
}
