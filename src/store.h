/* store.h — the SQLite record of the plan.  Only store.c talks to SQLite;
 * other modules use the handle, transactions and prepared statements below
 * (SQL only ever through prepared statements with bound values).
 *
 * The schema is data/schema.sql, read at run time through gw_home_path(); its
 * "-- version N" migrations are applied on open (PRAGMA user_version). */
#ifndef GW_STORE_H
#define GW_STORE_H

#include "gw.h"

typedef struct gw_store gw_store;
typedef struct gw_stmt gw_stmt;

/* The schema version this code needs at least; data/schema.sql may add later
 * migrations (the newest "-- version N" there is what a database is brought to). */
#define GW_SCHEMA_VERSION 1

/* Opens (creating if needed) the database at path and applies pending
 * migrations in one transaction.  Stores the handle in *out; the caller
 * closes it with gw_store_close.  Fails with GW_EIO when the file cannot be
 * opened, GW_EINPUT when it is not a gongwen database or is newer than this
 * program. */
int  gw_store_open(gw_store **out, const char *path, gw_err *err);
/* Opens an existing database read-write without creating it: GW_EIO with a
 * message naming the path when it does not exist. */
int  gw_store_open_existing(gw_store **out, const char *path, gw_err *err);
/* Closes the database and frees st (NULL is allowed).  Statements prepared
 * on it must be freed first. */
void gw_store_close(gw_store *st);
/* Path the store was opened with (borrowed from st). */
const char *gw_store_path(const gw_store *st);
/* PRAGMA user_version of the open database (0 if it cannot be read). */
int  gw_store_version(gw_store *st);

/* Transactions: begin immediate, commit, rollback.  0 or GW_EIO.
 * gw_store_rollback never fails (it is called on error paths). */
int  gw_store_begin(gw_store *st, gw_err *err);
int  gw_store_commit(gw_store *st, gw_err *err);
void gw_store_rollback(gw_store *st);

/* Runs SQL without parameters (several statements allowed).  0 or GW_EIO. */
int  gw_store_exec(gw_store *st, const char *sql, gw_err *err);

/* Prepares one statement; *out is freed with gw_stmt_free. 0 or GW_EIO. */
int  gw_stmt_prepare(gw_store *st, const char *sql, gw_stmt **out, gw_err *err);
/* Finalises and frees s (NULL is allowed). */
void gw_stmt_free(gw_stmt *s);
/* Binds parameter idx (1-based).  The text is copied.  0 or GW_EIO. */
int  gw_stmt_bind_int(gw_stmt *s, int idx, long long v, gw_err *err);
int  gw_stmt_bind_text(gw_stmt *s, int idx, const char *v, gw_err *err);
/* Steps: 1 when a row is ready, 0 when done, GW_EIO (err set, with the
 * constraint that failed) on error. */
int  gw_stmt_step(gw_stmt *s, gw_err *err);
/* Resets for re-execution and clears bindings. */
void gw_stmt_reset(gw_stmt *s);
/* Column values of the current row; text is borrowed until the next step
 * and never NULL ("" for NULL). */
long long   gw_stmt_int(gw_stmt *s, int col);
const char *gw_stmt_text(gw_stmt *s, int col);
/* Row id of the last insert on this connection. */
long long   gw_store_last_id(gw_store *st);

/* Runs a query that yields one integer (e.g. a count); returns it in *v, or
 * dflt when no row.  Optional text parameter p1 (NULL for none).  0 or GW_EIO. */
int  gw_store_int(gw_store *st, const char *sql, const char *p1, long long dflt,
                  long long *v, gw_err *err);

/* Metadata: value for key copied into buf (cleared first); returns 1 when set,
 * 0 when unset, GW_EIO on failure. */
int  gw_store_meta_get(gw_store *st, const char *key, gw_buf *buf, gw_err *err);
/* Sets key to value (inside the caller's transaction if one is open). */
int  gw_store_meta_set(gw_store *st, const char *key, const char *value, gw_err *err);

/* Whether the database holds a plan: 1 yes, 0 no, GW_EIO on failure. */
int  gw_store_has_plan(gw_store *st, gw_err *err);

/* When the database holds no plan, imports the embedded default:
 * gw_home_path("data/plan.txt") with the unit directory data/units.tsv and
 * the defaults of data/meta.tsv.  0 when a plan is present afterwards. */
int  gw_store_ensure_default(gw_store *st, gw_err *err);

#endif
