/* store.h — the record layer: the SQLite record of the plan.  Only the files
 * in src/store/ talk to SQLite or hold SQL (tests/t_record_layer.sh checks
 * it); everyone else hands it a plan (plan.h) or asks for one.
 *
 * The schema is data/schema.sql, read at run time through gw_home_path(); its
 * "-- version N" migrations are applied on open (PRAGMA user_version). */
#ifndef GW_STORE_H
#define GW_STORE_H

#include "gw.h"
#include "plan.h"

typedef struct gw_store gw_store;

/* The schema version this code needs at least; data/schema.sql may add later
 * migrations (the newest "-- version N" there is what a database is brought to). */
#define GW_SCHEMA_VERSION 3

/* Opens (creating if needed) the database at path and applies pending
 * migrations in one transaction.  Stores the handle in *out; the caller
 * closes it with gw_store_close.  While it is open no output of this process
 * may replace the file (gw_file_protect).  Fails with GW_EIO when the file
 * cannot be opened, GW_EINPUT when it is not a gongwen database or is newer
 * than this program. */
int  gw_store_open(gw_store **out, const char *path, gw_err *err);
/* Opens an existing database read-write without creating it: GW_EIO with a
 * message naming the path (and how to create one) when it does not exist. */
int  gw_store_open_existing(gw_store **out, const char *path, gw_err *err);
/* Closes the database and frees st (NULL is allowed). */
void gw_store_close(gw_store *st);
/* Path the store was opened with (borrowed from st). */
const char *gw_store_path(const gw_store *st);
/* PRAGMA user_version of the open database (0 if it cannot be read). */
int  gw_store_version(gw_store *st);

/* Whether the database holds a plan: 1 yes, 0 no, GW_EIO on failure. */
int  gw_store_has_plan(gw_store *st, gw_err *err);

/* Loads the whole plan in one read transaction, so that the snapshot is
 * consistent while another process imports.  The caller frees *out with
 * gw_plan_free.  0, GW_EINPUT when the database holds no plan or holds text
 * no document may contain (named by key or task), GW_EIO. */
int  gw_store_plan_load(gw_store *st, gw_plan **out, gw_err *err);

/* Replaces the plan in the record by p in one transaction: the unit
 * directory of p is merged in (units by name; p's added units are created
 * where missing, with a warning naming source:LINE:COL), sections, tasks,
 * assignments, milestones and requirements are replaced, metadata of p set
 * (its defaults only where unset), and progress reports are kept (a warning
 * names those whose task the new plan lacks).  source names the plan text in
 * the record and in messages.  0, or an error with the database unchanged. */
int  gw_store_plan_save(gw_store *st, const gw_plan *p, const char *source, gw_err *err);

/* Replaces, in one transaction, the schedule-form milestones (origin
 * 'form') of every task of forms by that task's milestones in forms (only
 * the tasks' numbers and milestones of forms are read; a task with none
 * clears its form milestones).  Returns 0 or an error with the record
 * unchanged.  The caller has checked the rows (gongwen import milestones). */
int  gw_store_milestones_save(gw_store *st, const gw_plan *forms, gw_err *err);

/* One checked row of a progress form (gongwen import progress). */
typedef struct gw_progress_row {
    int         task_no;
    int         unit;           /* gw_unit.id of the reporting unit */
    const char *quarter;        /* 2017Q4 */
    const char *status;         /* 未启动, 推进中 or 已完成 */
    int         percent;        /* 0..100 */
    const char *progress, *problems, *next_steps;
    const char *reported_at;    /* ISO date or "" */
    int         row;            /* the row of the form, as a spreadsheet shows it */
} gw_progress_row;

/* The earlier reports a form withdraws: its unit reported these tasks for
 * the quarter before, and the form does not report them again. */
typedef struct gw_progress_withdrawn {
    size_t n;                   /* how many */
    int    tasks[16];           /* the first 16 of them, by task number */
} gw_progress_withdrawn;

/* Saves the rows of one form in one transaction: for every unit and
 * quarter the form reports, the unit's earlier rows of that quarter are
 * moved to progress_audit (with the form's name, its SHA-256, the time and
 * the form's row that replaced each: the same task's, else the unit's first)
 * and the form's rows take their place.  *replaced counts the rows moved;
 * *wd (when not NULL) gets those of them whose task the form does not
 * report again.  0, or an error with the record unchanged. */
int  gw_store_progress_save(gw_store *st, const gw_progress_row *rows, size_t n,
                            const char *file, const char *sha256, size_t *replaced,
                            gw_progress_withdrawn *wd, gw_err *err);

/* *same = 1 when the record already holds exactly this form: for every
 * unit and quarter it reports, the current rows are as many as the form's
 * and all came from a file with this SHA-256 (the same form imported
 * again), else 0.  0 or GW_EIO. */
int  gw_store_progress_same(gw_store *st, const gw_progress_row *rows, size_t n,
                            const char *sha256, int *same, gw_err *err);

/* Calls fn for every progress row of task (current ones first, by quarter
 * and unit; then the replaced ones from progress_audit, newest first):
 * unit is the unit's name, file:row where the row came from, replaced_at ""
 * for a current row, else "TIME by FILE:ROW" (what replaced it).  0 or GW_EIO. */
typedef void (*gw_history_fn)(void *ctx, const char *quarter, const char *unit,
                              const char *status, int percent, const char *reported_at,
                              const char *file, int row, const char *replaced_at);
int  gw_store_history(gw_store *st, int task, gw_history_fn fn, void *ctx, gw_err *err);

/* The status names the record's rule gives a task, in report order; the
 * enum indexes gw_status_names. */
enum { GW_STATUS_DONE, GW_STATUS_NORMAL, GW_STATUS_BEHIND, GW_STATUS_SEVERE,
       GW_STATUS_MISSING, GW_STATUS_N };
extern const char *const gw_status_names[GW_STATUS_N];

/* The status of every task in a quarter (docs/supervision.md: one rule, in
 * one SQL statement of the record layer). */
typedef struct gw_status_row {
    int         task_no;
    const char *lead;           /* the first lead unit's name */
    const char *status;         /* 已完成, 正常推进, 滞后, 严重滞后 or 未报送 */
    int         percent;        /* reported 完成进度, -1 when none */
    double      expected;       /* 应完成进度 0..100, -1 without a dated milestone */
    const char *reported_at;    /* 报送日期 (ISO) or "" */
} gw_status_row;
typedef struct gw_status gw_status;

/* Computes the status of every task for quarter (2017Q4) with the
 * thresholds status_yellow/status_red of the record (10 and 30 when unset)
 * and the plan's sign_date as the start of every schedule.  *out is freed
 * with gw_status_free.  GW_EUSAGE for a malformed quarter, GW_EINPUT when
 * sign_date is missing or the thresholds are inverted, GW_EIO. */
int  gw_store_status(gw_store *st, const char *quarter, gw_status **out, gw_err *err);
size_t gw_status_count(const gw_status *s);
/* Row i in task order (borrowed), NULL past the end. */
const gw_status_row *gw_status_row_at(const gw_status *s, size_t i);
/* The thresholds the statuses were computed with. */
void gw_status_thresholds(const gw_status *s, int *yellow, int *red);
void gw_status_free(gw_status *s);
/* The quarters with any progress report, oldest first, into q (at most max
 * of them; *n how many).  0 or GW_EIO. */
int  gw_store_report_quarters(gw_store *st, char (*q)[16], size_t max, size_t *n,
                              gw_err *err);

/* The latest quarter with any progress report into quarter: 1, or 0 when
 * there is none (quarter ""), GW_EIO on failure. */
int  gw_store_latest_quarter(gw_store *st, gw_buf *quarter, gw_err *err);

/* What the lead unit reported for each task in quarter (the report that
 * decides its status: gw_store_status): its 进展情况 and 存在问题.  *out is
 * freed with gw_lead_reports_free.  0 or GW_EIO. */
typedef struct gw_lead_reports gw_lead_reports;
int  gw_store_lead_reports(gw_store *st, const char *quarter, gw_lead_reports **out,
                           gw_err *err);
/* 1 and the texts (borrowed from r, "" when blank) when the lead of task_no
 * reported; 0 with both "" when it did not (r may be NULL). */
int  gw_lead_report(const gw_lead_reports *r, int task_no, const char **progress,
                    const char **problems);
void gw_lead_reports_free(gw_lead_reports *r);

/* Metadata: value for key copied into buf (cleared first); returns 1 when set,
 * 0 when unset, GW_EIO on failure. */
int  gw_store_meta_get(gw_store *st, const char *key, gw_buf *buf, gw_err *err);
/* Sets key to value in its own transaction.  0 or GW_EIO.  (What a key
 * accepts is checked by the caller; see cli_plan.c.) */
int  gw_store_meta_set(gw_store *st, const char *key, const char *value, gw_err *err);

#endif
