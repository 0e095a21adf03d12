/* cli.h — the subcommands.  Each gw_cmd_* receives the arguments after the
 * command name (argv[0] is the command name itself), returns 0 or a negative
 * GW_E* status with err set; main.c prints err->msg and maps the status to
 * an exit code.  "--help" is handled by main.c from the table there. */
#ifndef GW_CLI_H
#define GW_CLI_H

#include "gw.h"

/* Default database path when --db is not given. */
#define GW_DEFAULT_DB "out/gongwen.db"

int gw_cmd_import(int argc, char **argv, gw_err *err);  /* cli_plan.c */
int gw_cmd_list(int argc, char **argv, gw_err *err);    /* cli_plan.c */
int gw_cmd_export(int argc, char **argv, gw_err *err);  /* cli_plan.c */
int gw_cmd_set(int argc, char **argv, gw_err *err);     /* cli_plan.c */
int gw_cmd_render(int argc, char **argv, gw_err *err);  /* cli_render.c */
int gw_cmd_xml(int argc, char **argv, gw_err *err);     /* cli_doc.c */
int gw_cmd_fo(int argc, char **argv, gw_err *err);      /* cli_doc.c */
int gw_cmd_notice(int argc, char **argv, gw_err *err);  /* cli_doc.c */
int gw_cmd_sheets(int argc, char **argv, gw_err *err);  /* cli_sheets.c */
int gw_cmd_build(int argc, char **argv, gw_err *err);   /* cli_doc.c */
int gw_cmd_status(int argc, char **argv, gw_err *err);  /* cli_supervision.c */
int gw_cmd_report(int argc, char **argv, gw_err *err);  /* cli_supervision.c */
int gw_cmd_history(int argc, char **argv, gw_err *err); /* cli_forms.c */
int gw_cmd_template(int argc, char **argv, gw_err *err);/* cli_forms.c */
int gw_cmd_fonts(int argc, char **argv, gw_err *err);   /* cli_fonts.c */

/* Shared option helpers for the commands.
 *
 * gw_cli_optval: if argv[*i] is `name` (e.g. "--db") takes the next argument,
 * or if it is "name=value" takes the value; advances *i and stores the value.
 * Returns 1 when matched, 0 when not, GW_EUSAGE (err set) when the value is
 * missing. */
int gw_cli_optval(int argc, char **argv, int *i, const char *name,
                  const char **val, gw_err *err);

#endif
