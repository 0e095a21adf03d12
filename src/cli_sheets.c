/* cli_sheets.c — sheets.  (Placeholder.) */
#include "cli.h"

int gw_cmd_sheets(int argc, char **argv, gw_err *err) { (void)argc; return gw_err_set(err, GW_EUSAGE, "%s: not implemented yet", argv[0]); }
