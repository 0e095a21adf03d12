/* cli_render.c — `gongwen render IN.fo [MORE.fo ...] -o OUT.pdf`: the
 * standalone FO renderer (like `fop in.fo out.pdf`); "-" reads standard
 * input; several files are the pieces of one document (docs/fo-subset.md). */
#include "cli.h"
#include "render.h"

#include <stdlib.h>
#include <string.h>

int
gw_cmd_render(int argc, char **argv, gw_err *err)
{
    gw_render_opts opts;
    const char *out = NULL, *v;
    const char **in = gw_xcalloc((size_t)argc + 1, sizeof *in);
    size_t nin = 0;
    int i, m, rc;

    memset(&opts, 0, sizeof opts);
    for (i = 1; i < argc; i++) {
        if ((m = gw_cli_optval(argc, argv, &i, "-o", &v, err)) != 0 ||
            (m = gw_cli_optval(argc, argv, &i, "--output", &v, err)) != 0) {
            if (m < 0) {
                free(in);
                return m;
            }
            out = v;
        } else if (!strcmp(argv[i], "--allow-missing-glyphs")) {
            opts.allow_missing_glyphs = 1;
        } else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-q")
                   || !strcmp(argv[i], "--quiet")) {
            continue;           /* handled by main.c */
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            free(in);
            return gw_err_set(err, GW_EUSAGE, "render: unknown option %s", argv[i]);
        } else {
            in[nin++] = argv[i];
        }
    }
    if (!nin)
        rc = gw_err_set(err, GW_EUSAGE, "render: no input FO file (use - for stdin)");
    else if (!out)
        rc = gw_err_set(err, GW_EUSAGE, "render: no output file (-o OUT.pdf)");
    else
        rc = gw_render_files(in, nin, out, &opts, err);
    free(in);
    return rc;
}
