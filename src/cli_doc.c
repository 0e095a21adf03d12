/* cli_doc.c — xml, fo, notice, sheets, build.  (Placeholder.) */
#include "cli.h"

int gw_cmd_xml(int argc, char **argv, gw_err *err) { (void)argc; return gw_err_set(err, GW_EUSAGE, "%s: not implemented yet", argv[0]); }
int gw_cmd_fo(int argc, char **argv, gw_err *err) { (void)argc; return gw_err_set(err, GW_EUSAGE, "%s: not implemented yet", argv[0]); }
int gw_cmd_notice(int argc, char **argv, gw_err *err) { (void)argc; return gw_err_set(err, GW_EUSAGE, "%s: not implemented yet", argv[0]); }
int gw_cmd_build(int argc, char **argv, gw_err *err) { (void)argc; return gw_err_set(err, GW_EUSAGE, "%s: not implemented yet", argv[0]); }
