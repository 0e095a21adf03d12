/* unit_font.c — font roles resolve to installed TrueType files, per-character
 * fallback, HarfBuzz metrics, hb-subset output. */
#include "font.h"
#include "tap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
S_exists(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The code points fc-query reads from a font file, as its charset string. */
static int
S_charset_has(const char *file, unsigned cp)
{
    char cmd[512], line[65536];
    FILE *p;
    int found = 0;
    snprintf(cmd, sizeof cmd, "fc-query --format '%%{charset}\\n' '%s' 2>/dev/null", file);
    p = popen(cmd, "r");
    if (!p)
        return 0;
    while (fgets(line, sizeof line, p)) {
        char *s = line, *end;
        for (;;) {
            unsigned long a = strtoul(s, &end, 16), b = a;
            if (end == s)
                break;
            s = end;
            if (*s == '-') {
                b = strtoul(s + 1, &end, 16);
                s = end;
            }
            if (cp >= a && cp <= b)
                found = 1;
        }
    }
    pclose(p);
    return found;
}

/* Whether the sfnt table directory of font (the first bytes) names tag. */
static int
S_has_table(const char *font, size_t len, const char *tag)
{
    size_t i, n = len < 1024 ? len : 1024;
    for (i = 0; i + 4 <= n; i++)
        if (memcmp(font + i, tag, 4) == 0)
            return 1;
    return 0;
}

int
main(void)
{
    static const char *const roles[] = { "仿宋", "楷体", "黑体", "小标宋", "宋体" };
    gw_fontset *fs = NULL;
    const gw_fontlist *fl = NULL, *fl2 = NULL, *bold = NULL;
    gw_face *zi, *face;
    gw_err err = {0, "", 0};
    gw_buf sub;
    double a;
    size_t i;
    struct stat st;
    char tmp[] = "/tmp/gw-unit-font.XXXXXX";
    const uint32_t cps[] = { 0x5B57, 0x6587, 0x4EF6, '1', '2' };   /* 字文件12 */
    FILE *fp;
    int fd;

    gw_verbosity = 0;       /* the role warnings are expected here */
    TAP_OK(gw_fontset_new(&fs, &err) == 0, "fontset created");

    for (i = 0; i < sizeof roles / sizeof roles[0]; i++) {
        fl = NULL;
        TAP_OK(gw_fontset_lookup(fs, roles[i], 400, &fl, &err) == 0 && fl,
               "role %s resolves (%s)", roles[i], err.msg);
        if (!fl)
            continue;
        face = gw_fontlist_face_for(fl, 0x5B57);
        TAP_OK(face && S_exists(gw_face_file(face)) &&
                   (strstr(gw_face_file(face), ".tt") || strstr(gw_face_file(face), ".otf")),
               "role %s: 字 comes from an existing TrueType or OpenType file (%s)", roles[i],
               face ? gw_face_file(face) : "none");
    }
    /* the free faces of docs/fonts.md (make deps installs Fandol) */
    TAP_OK(gw_fontset_lookup(fs, "黑体", 400, &fl, &err) == 0 &&
               strcmp(gw_face_family(gw_fontlist_primary(fl)), "FandolHei") == 0 &&
               !gw_face_is_bold(gw_fontlist_primary(fl)),
           "黑体 falls back to FandolHei Regular, not DejaVu Sans nor FandolHei Bold");
    TAP_OK(gw_fontset_lookup(fs, "仿宋", 400, &fl, &err) == 0 &&
               strstr(gw_face_file(gw_fontlist_primary(fl)), "FandolFang-Regular.otf") &&
               gw_face_is_cff(gw_fontlist_primary(fl)),
           "仿宋 falls back to FandolFang, an OpenType/CFF face");
    TAP_OK(gw_fontset_lookup(fs, "楷体", 400, &fl2, &err) == 0 &&
               strcmp(gw_face_family(gw_fontlist_primary(fl2)), "FandolKai") == 0,
           "楷体 falls back to FandolKai (mainland punctuation), then WenKai, then UKai");
    TAP_OK(gw_fontset_lookup(fs, "仿宋", 400, &fl2, &err) == 0 && fl2 == fl,
           "the same family value gives the same cached list");

    /* per-character fallback along the list: DejaVu has digits, not 字 */
    TAP_OK(gw_fontset_lookup(fs, "DejaVu Sans, 'AR PL UKai CN'", 400, &fl, &err) == 0,
           "a quoted, comma-separated list resolves");
    face = gw_fontlist_face_for(fl, '7');
    TAP_STREQ(face ? gw_face_family(face) : NULL, "DejaVu Sans", "7 comes from DejaVu Sans");
    face = gw_fontlist_face_for(fl, 0x5B57);
    TAP_STREQ(face ? gw_face_family(face) : NULL, "AR PL UKai CN",
              "字 falls back to the next family, AR PL UKai CN");
    TAP_OK(gw_fontlist_face_for(fl, 0x10FFFD) == NULL, "a character no font has gives NULL");

    /* a family that does not exist still yields a CJK face, with a warning */
    TAP_OK(gw_fontset_lookup(fs, "No Such Font 12345", 400, &fl, &err) == 0 &&
               gw_face_has(gw_fontlist_primary(fl), 0x5B57),
           "an unknown family falls back to an installed CJK font");

    /* metrics */
    TAP_OK(gw_fontset_lookup(fs, "仿宋", 400, &fl, &err) == 0, "仿宋 again");
    zi = gw_fontlist_face_for(fl, 0x5B57);
    a = gw_face_advance(zi, 0x5B57, 16);
    TAP_OK(fabs(a - 16.0) < 1e-9, "advance of 字 at 16pt is 16.0 (got %g)", a);
    a = gw_face_advance(gw_fontlist_face_for(fl, '8'), '8', 16);
    TAP_OK(a > 4 && a < 16, "digit 8 at 16pt is narrower than a character (got %g)", a);
    TAP_OK(gw_fontlist_face_for(fl, '8') == zi, "digits come from the same CJK face as the text");
    TAP_OK(gw_face_ascender(zi, 16) > 10 && gw_face_ascender(zi, 16) <= 20,
           "ascender at 16pt is plausible (%g)", gw_face_ascender(zi, 16));
    TAP_OK(gw_face_descender(zi, 16) < 0 && gw_face_descender(zi, 16) > -8,
           "descender at 16pt is negative (%g)", gw_face_descender(zi, 16));
    TAP_OK(gw_fontlist_fake_bold(fl, zi) == 0, "regular 仿宋 is not stroked");

    /* bold: LXGW WenKai has a real bold file, UMing has none */
    TAP_OK(gw_fontset_lookup(fs, "LXGW WenKai", 700, &bold, &err) == 0, "bold WenKai resolves");
    face = gw_fontlist_primary(bold);
    TAP_OK(strstr(gw_face_file(face), "Bold") != NULL && !gw_fontlist_fake_bold(bold, face),
           "bold WenKai uses the Bold file without synthetic bold (%s)", gw_face_file(face));
    TAP_OK(gw_fontset_lookup(fs, "仿宋", 700, &bold, &err) == 0 &&
               gw_fontlist_fake_bold(bold, gw_fontlist_primary(bold)) == 1,
           "bold 仿宋 on FandolFang (no bold face) is synthetic bold");
    TAP_OK(gw_fontset_lookup(fs, "小标宋", 400, &bold, &err) == 0 &&
               strstr(gw_face_file(gw_fontlist_primary(bold)), "FandolSong-Bold.otf") &&
               gw_fontlist_fake_bold(bold, gw_fontlist_primary(bold)) == 0,
           "the 小标宋 substitute is FandolSong Bold, a real bold: no synthetic bold");
    TAP_OK(gw_fontset_lookup(fs, "AR PL UMing CN", 700, &bold, &err) == 0 &&
               gw_fontlist_fake_bold(bold, gw_fontlist_primary(bold)) == 1,
           "bold UMing (no bold face) is synthetic bold");

    /* subset */
    gw_buf_init(&sub);
    TAP_OK(gw_face_subset(zi, cps, sizeof cps / sizeof cps[0], &sub, NULL, &err) == 0,
           "subset succeeds (%s)", err.msg);
    TAP_OK(stat(gw_face_file(zi), &st) == 0 && sub.len > 0 && sub.len * 50 < (size_t)st.st_size,
           "subset is much smaller: %zu bytes of %lld", sub.len, (long long)st.st_size);
    fd = mkstemp(tmp);
    fp = fd >= 0 ? fdopen(fd, "wb") : NULL;
    TAP_OK(fp && fwrite(sub.ptr, 1, sub.len, fp) == sub.len && fclose(fp) == 0,
           "subset written to %s", tmp);
    TAP_OK(S_charset_has(tmp, 0x5B57) && S_charset_has(tmp, 0x4EF6) && S_charset_has(tmp, '2'),
           "subset still maps 字, 件 and 2");
    TAP_OK(!S_charset_has(tmp, 0x4E00), "subset dropped 一");
    unlink(tmp);
    gw_buf_free(&sub);

    /* a face without hinting tables gets the ones libharu needs */
    TAP_OK(gw_fontset_lookup(fs, "LXGW WenKai", 400, &fl, &err) == 0, "WenKai resolves");
    gw_buf_init(&sub);
    face = gw_fontlist_primary(fl);
    TAP_OK(gw_face_subset(face, cps, 3, &sub, NULL, &err) == 0 && sub.len > 0 &&
               S_has_table(sub.ptr, sub.len, "fpgm") && S_has_table(sub.ptr, sub.len, "prep"),
           "WenKai subset has fpgm and prep tables");
    gw_buf_free(&sub);

    gw_fontset_free(fs);

    /* one warning naming each substitute file once */
    {
        char log[] = "/tmp/gw-unit-font-log.XXXXXX";
        int lfd = mkstemp(log), saved = dup(2);
        gw_buf text;
        const char *p, *want = "仿宋 (仿宋_GB2312) -> "
                               "FandolFang (/usr/local/share/fonts/fandol/FandolFang-Regular.otf)";
        int count = 0;
        fflush(stderr);
        dup2(lfd, 2);
        gw_verbosity = 1;
        TAP_OK(gw_fontset_new(&fs, &err) == 0, "a fresh fontset");
        gw_fontset_lookup(fs, "仿宋", 400, &fl, &err);
        gw_fontset_lookup(fs, "仿宋_GB2312, 仿宋", 400, &fl, &err);
        gw_fontset_lookup(fs, "仿宋", 700, &fl, &err);
        gw_fontset_free(fs);
        fflush(stderr);
        dup2(saved, 2);
        close(saved);
        close(lfd);
        gw_verbosity = 0;
        gw_buf_init(&text);
        gw_file_read(log, 1 << 20, &text, &err);
        for (p = text.ptr; (p = strstr(p, "仿宋 (仿宋_GB2312)")) != NULL; p++)
            count++;
        TAP_OK(count == 1, "three lookups of 仿宋 warn once (%d)", count);
        TAP_OK(strstr(text.ptr, want) != NULL, "the warning names the substitute: %s", text.ptr);
        gw_buf_free(&text);
        unlink(log);
    }
    return TAP_DONE();
}
