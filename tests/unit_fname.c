/* unit_fname.c — file names made from hostile unit names stay one harmless
 * file inside the output directory. */
#include "fname.h"
#include "gw.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static void
S_check(int order, const char *name, const char *want, const char *what)
{
    char *got = gw_fname_make(order, name, "pdf");
    TAP_STREQ(got, want, "%s", what);
    TAP_OK(gw_fname_is_safe(got), "%s: result passes gw_fname_is_safe", what);
    free(got);
}

int
main(void)
{
    char longname[1201], *got;   /* 400 three-byte characters and the NUL */
    size_t i;

    S_check(3, "市科技局", "03-市科技局.pdf", "a plain unit name");
    S_check(12, "荷塘区", "12-荷塘区.pdf", "two-digit order");
    S_check(120, "炎陵县", "120-炎陵县.pdf", "order above 99 keeps all digits");
    S_check(1, "../../etc/passwd", "01-_.._etc_passwd.pdf", "parent-directory escape");
    S_check(1, "/etc/passwd", "01-_etc_passwd.pdf", "absolute path");
    S_check(2, "..", "02-unit.pdf", "name that is only dots");
    S_check(2, ".hidden", "02-hidden.pdf", "leading dot dropped");
    S_check(2, "a\\b", "02-a_b.pdf", "backslash");
    S_check(4, "a\nb\tc\x7f", "04-a_b_c_.pdf", "control characters and DEL");
    S_check(4, "a\xc2\x85" "b", "04-a_b.pdf", "C1 control (NEL)");
    S_check(5, "x\xff\xfey", "05-x__y.pdf", "bytes that are not UTF-8");
    S_check(5, "\xc0\xaf" "x", "05-__x.pdf", "overlong slash is not a slash");
    S_check(6, "a:b*c?d\"e<f>g|h", "06-a_b_c_d_e_f_g_h.pdf", "Windows-reserved characters");
    S_check(7, "\xe2\x80\xae" "fdp.exe", "07-_fdp.exe.pdf", "right-to-left override");
    S_check(8, "", "08-unit.pdf", "empty name");
    S_check(8, "   ", "08-unit.pdf", "blank name");
    S_check(9, "名称. ", "09-名称.pdf", "trailing dot and space dropped");

    /* Length cap at a character boundary: 400 three-byte characters. */
    longname[0] = '\0';
    for (i = 0; i < 400; i++)
        strcat(longname, "局");
    got = gw_fname_make(10, longname, "pdf");
    TAP_OK(strlen(got) <= 3 + GW_FNAME_NAME_MAX + 4, "a long name is capped (%zu bytes)", strlen(got));
    TAP_OK(gw_utf8_validate(got, strlen(got)) < 0, "the cut keeps valid UTF-8");
    TAP_OK(gw_fname_is_safe(got), "the capped name is safe");
    TAP_OK(strcmp(got + strlen(got) - 4, ".pdf") == 0, "the capped name keeps its extension");
    free(got);
    memset(longname, 'a', 1000);
    longname[1000] = '\0';
    got = gw_fname_make(10, longname, "pdf");
    TAP_OK(strlen(got) == 3 + GW_FNAME_NAME_MAX + 4, "ASCII name capped to exactly the cap");
    free(got);

    TAP_OK(!gw_fname_is_safe("a/b"), "is_safe rejects a slash");
    TAP_OK(!gw_fname_is_safe(".."), "is_safe rejects ..");
    TAP_OK(!gw_fname_is_safe(""), "is_safe rejects empty");
    TAP_OK(!gw_fname_is_safe("a\rb"), "is_safe rejects CR");
    TAP_OK(gw_fname_is_safe("01-有关职业院校.pdf"), "is_safe accepts a sheet name");
    return TAP_DONE();
}
