/* cli_plan.c — import, list, export, set.  (Placeholder until the store lands.) */
#include "cli.h"

int gw_cmd_import(int argc, char **argv, gw_err *err) { (void)argc; return gw_err_set(err, GW_EUSAGE, "%s: not implemented yet", argv[0]); }
int gw_cmd_list(int argc, char **argv, gw_err *err) { (void)argc; return gw_err_set(err, GW_EUSAGE, "%s: not implemented yet", argv[0]); }
int gw_cmd_export(int argc, char **argv, gw_err *err) { (void)argc; return gw_err_set(err, GW_EUSAGE, "%s: not implemented yet", argv[0]); }
int gw_cmd_set(int argc, char **argv, gw_err *err) { (void)argc; return gw_err_set(err, GW_EUSAGE, "%s: not implemented yet", argv[0]); }
