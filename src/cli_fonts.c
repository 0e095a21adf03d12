/* cli_fonts.c — `gongwen fonts`: the font role table as resolved on this
 * machine, so an office can check its installation before it prints. */
#include "cli.h"
#include "cli_common.h"
#include "font.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when family is one of the role's preferred (the office's) families. */
static int
S_preferred(const char *const *pref, const char *family)
{
    for (size_t i = 0; i < 6 && pref[i]; i++)
        if (!strcmp(pref[i], family))
            return 1;
    return 0;
}

int
gw_cmd_fonts(int argc, char **argv, gw_err *err)
{
    gw_cli_args a;
    gw_store *st = NULL;
    gw_plan *p = NULL;
    gw_fontset *fs = NULL;
    uint32_t *cps = NULL;
    size_t ncp = 0;
    gw_buf out;
    const char *role;
    int rc;

    gw_buf_init(&out);
    if ((rc = gw_cli_parse(argc, argv, 0, 0, &a, err)) < 0 ||
        (rc = gw_cli_open(a.db, !a.db_given, &st, &p, err)) < 0 ||
        (rc = gw_fontset_new(&fs, err)) < 0)
        goto out;
    ncp = gw_plan_chars(p, &cps);
    gw_buf_printf(&out, "role\twanted\tfound\tfile\tcoverage of the plan's %zu characters\n", ncp);
    for (size_t i = 0; (role = gw_font_role(i, NULL, NULL)) != NULL; i++) {
        const char *const *pref, *const *fb;
        const gw_fontlist *fl;
        const gw_face *face;
        size_t has = 0, none = 0;
        (void)gw_font_role(i, &pref, &fb);
        if ((rc = gw_fontset_lookup(fs, role, 400, &fl, err)) < 0)
            goto out;
        face = gw_fontlist_primary(fl);
        for (size_t k = 0; k < ncp; k++) {
            has += gw_face_has(face, cps[k]);
            none += gw_fontlist_face_for(fl, cps[k]) == NULL;
        }
        gw_buf_printf(&out, "%s\t%s\t%s%s%s\t%s", role, pref[0], gw_face_family(face),
                      gw_face_is_bold(face) ? " Bold" : "",
                      S_preferred(pref, gw_face_family(face)) ? ""
                      : gw_fontlist_fake_bold(fl, face) ? " (substitute, synthetic bold)" : " (substitute)",
                      gw_face_file(face));
        if (gw_face_index(face))
            gw_buf_printf(&out, "#%u", gw_face_index(face));
        gw_buf_printf(&out, "\t%zu/%zu", has, ncp);
        if (has < ncp)
            gw_buf_printf(&out, " (%zu more from the fallback faces)", ncp - has - none);
        if (none)
            gw_buf_printf(&out, "; %zu in no installed font", none);
        gw_buf_putc(&out, '\n');
    }
    gw_font_forget_substitutes();
    if (fwrite(out.ptr, 1, out.len, stdout) != out.len || fflush(stdout) != 0)
        rc = gw_err_set(err, GW_EIO, "fonts: cannot write to standard output");
out:
    free(cps);
    gw_fontset_free(fs);
    gw_plan_free(p);
    gw_store_close(st);
    gw_buf_free(&out);
    gw_cli_args_free(&a);
    return rc;
}
