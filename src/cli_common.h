/* cli_common.h — what the record's commands (cli_plan.c) and the document
 * commands (cli_doc.c) share: one option parser and opening the record. */
#ifndef GW_CLI_COMMON_H
#define GW_CLI_COMMON_H

#include "cli.h"
#include "kinds.h"
#include "plan.h"
#include "store.h"

/* The options a command takes besides --db (gw_cli_parse's `takes`). */
enum {
    GW_CLI_OUT = 1,         /* -o VALUE */
    GW_CLI_UNIT = 2,        /* --unit NAME */
    GW_CLI_NO_TABLE = 4,    /* --no-table */
    GW_CLI_ALL_LEAD = 8,    /* --all-lead */
    GW_CLI_LIST = 16,       /* --list */
    GW_CLI_DASH_VALUE = 32, /* the second positional may start with '-' (set KEY -1) */
    GW_CLI_UNITS = 64,      /* --unit NAME, repeatable (a->units) */
    GW_CLI_BOOKLET = 128,   /* --booklet PATH, --no-booklet */
    GW_CLI_QUARTER = 256,   /* --quarter 2017Q4 */
    GW_CLI_FORMAT = 512,    /* --format NAME */
    GW_CLI_ENCODING = 1024, /* --encoding NAME */
    GW_CLI_TASK = 2048,     /* --task N */
    GW_CLI_UNITS_FILE = 4096,   /* --units FILE */
    GW_CLI_UNKNOWN = 8192,  /* --unknown */
    GW_CLI_ALL_QUARTERS = 16384,    /* --all-quarters */
    GW_CLI_FORMATS = 32768          /* --formats LIST (a->format) */
};

/* More --unit options than this is a mistake in a script, not a request. */
#define GW_CLI_MAX_UNITS 10000

#define GW_CLI_MAXPOS 2

/* A command's arguments; strings are borrowed from argv. */
typedef struct gw_cli_args {
    const char *db;         /* --db PATH, GW_DEFAULT_DB when not given */
    int         db_given;   /* --db was on the command line */
    const char *out;        /* -o VALUE, NULL when not given */
    const char *unit;       /* --unit NAME, NULL when not given (the last one) */
    const char **units;     /* every --unit with GW_CLI_UNITS (gw_cli_args_free) */
    size_t      nunits;
    const char *booklet;    /* --booklet PATH, NULL when not given */
    const char *quarter;    /* --quarter Q, NULL when not given */
    const char *format;     /* --format NAME, NULL when not given */
    const char *encoding;   /* --encoding NAME, NULL when not given */
    const char *task;       /* --task N, NULL when not given */
    const char *units_file; /* --units FILE, NULL when not given */
    int         unknown;    /* --unknown */
    int         all_quarters;   /* --all-quarters */
    int         no_booklet; /* --no-booklet */
    int         no_table, all_lead, list;
    const char *pos[GW_CLI_MAXPOS];  /* positional arguments, npos of them */
    int         npos;
} gw_cli_args;

/* Parses argv[1..argc) (argv[0] is the command name): --db PATH, the options
 * in `takes`, and at most maxpos (<= GW_CLI_MAXPOS) positional arguments; a
 * lone "-" is positional.  0, or GW_EUSAGE with err naming the command and
 * the argument that is wrong. */
int gw_cli_parse(int argc, char **argv, int takes, int maxpos, gw_cli_args *a,
                 gw_err *err);
/* `import milestones|progress FILE` (cli_forms.c): a->pos[0] is the kind,
 * a->pos[1] the file.  0 or an error; nothing imported on error. */
int gw_cli_import_form(const gw_cli_args *a, gw_err *err);

/* Frees what gw_cli_parse allocated in a (the --unit list). */
void gw_cli_args_free(gw_cli_args *a);

/* "NAME: imported N tasks in N categories, N requirements into DB" on
 * stderr (a note: not with -q). */
void gw_cli_note_imported(const gw_plan *p, const char *name, const char *db);

/* Creates the directory that will hold path (nothing when path has no
 * directory part).  0 or GW_EIO. */
int gw_cli_mkdir_for(const char *path, gw_err *err);

/* Whether cmd writes a Word file: --format (format, checked by the caller:
 * pdf or docx) when given, else the extension of -o out (.docx; anything
 * else is a PDF).  GW_EUSAGE when out's extension (.pdf or .docx, in any
 * case) says the other format than --format; else 0 and *docx. */
int gw_cli_out_format(const char *cmd, const char *out, const char *format, int *docx,
                      gw_err *err);

/* Opens the record at db and loads its plan; on success the caller frees
 * *plan with gw_plan_free and closes *st with gw_store_close, on failure
 * both are NULL.  Commands pass create only for the default database (no
 * --db): a mistyped --db must not become a new copy of the example plan.
 * With create, a missing database is created (with its
 * directory) and filled from the embedded default plan when it holds none,
 * and messages are prefixed with db; without, the database must exist. */
int gw_cli_open(const char *db, int create, gw_store **st, gw_plan **plan, gw_err *err);

#define GW_CLI_TREND 8

/* What the report kind needs from the record for one quarter
 * (gw_cli_report_load). */
typedef struct gw_cli_report {
    gw_buf           quarter;
    gw_status       *status, *prev;
    gw_lead_reports *reports;
    /* the quarters with reports up to quarter (the latest GW_CLI_TREND:
     * two years fit 图3's width), oldest first */
    gw_status       *trend[GW_CLI_TREND];
    char             trend_name[GW_CLI_TREND][16];
    const char      *trend_q[GW_CLI_TREND];
    size_t           ntrend;
} gw_cli_report;

/* Computes in r, and points ko's report fields at, the statuses of quarter
 * (NULL: the latest quarter with reports) and of the quarter before, the
 * leads' reports, and the statuses of the last 8 quarters from the plan's
 * sign_date to quarter in which any task's lead reported (图3).  The caller frees r with gw_cli_report_free, also on
 * failure (ko then points at nothing that is freed).  GW_EINPUT when there
 * are no reports and no quarter is named, or when the quarter ends before
 * the plan's sign_date; gw_store_status's errors otherwise. */
int  gw_cli_report_load(gw_store *st, const gw_plan *plan, const char *quarter,
                        gw_cli_report *r, gw_kind_opts *ko, gw_err *err);
void gw_cli_report_free(gw_cli_report *r);
/* Writes the report ko describes (gw_cli_report_load) into path: the PDF,
 * or with docx the Word document.  0 or an error with no file at path
 * changed. */
int  gw_cli_report_write(const gw_plan *plan, const gw_kind_opts *ko, const char *path, int docx,
                         gw_err *err);

#endif
