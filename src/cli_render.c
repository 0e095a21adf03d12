/* cli_render.c — `gongwen render IN.fo -o OUT.pdf`: the standalone FO
 * renderer (like `fop in.fo out.pdf`); "-" reads standard input. */
#include "cli.h"
#include "render.h"

#include <string.h>

int
gw_cmd_render(int argc, char **argv, gw_err *err)
{
    gw_render_opts opts;
    const char *in = NULL, *out = NULL, *v;
    int i, m;

    memset(&opts, 0, sizeof opts);
    for (i = 1; i < argc; i++) {
        if ((m = gw_cli_optval(argc, argv, &i, "-o", &v, err)) != 0) {
            if (m < 0)
                return m;
            out = v;
        } else if ((m = gw_cli_optval(argc, argv, &i, "--output", &v, err)) != 0) {
            if (m < 0)
                return m;
            out = v;
        } else if (!strcmp(argv[i], "--allow-missing-glyphs")) {
            opts.allow_missing_glyphs = 1;
        } else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-q")
                   || !strcmp(argv[i], "--quiet")) {
            continue;           /* handled by main.c */
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return gw_err_set(err, GW_EUSAGE, "render: unknown option %s", argv[i]);
        } else if (!in) {
            in = argv[i];
        } else {
            return gw_err_set(err, GW_EUSAGE, "render: one input file only (got %s and %s)",
                              in, argv[i]);
        }
    }
    if (!in)
        return gw_err_set(err, GW_EUSAGE, "render: no input FO file (use - for stdin)");
    if (!out)
        return gw_err_set(err, GW_EUSAGE, "render: no output file (-o OUT.pdf)");
    return gw_render_file(in, out, &opts, err);
}
