/* cli_render.c — render.  (Placeholder until the typesetter lands.) */
#include "cli.h"

int gw_cmd_render(int argc, char **argv, gw_err *err) { (void)argc; return gw_err_set(err, GW_EUSAGE, "%s: not implemented yet", argv[0]); }
