/* store-imp.h — what the files of the record layer (src/store/) share and
 * nobody else sees: transactions and prepared statements over the open
 * database.  SQL only ever through these, with bound values. */
#ifndef GW_STORE_IMP_H
#define GW_STORE_IMP_H

#include "store.h"

typedef struct gw_stmt gw_stmt;

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
double      gw_stmt_double(gw_stmt *s, int col);
const char *gw_stmt_text(gw_stmt *s, int col);

/* Runs a query that yields one integer (e.g. a count); returns it in *v, or
 * dflt when no row.  Optional text parameter p1 (NULL for none).  0 or GW_EIO. */
int  gw_store_int(gw_store *st, const char *sql, const char *p1, long long dflt,
                  long long *v, gw_err *err);

/* Runs ins once for every milestone of t, bound as (?1 task number, ?2 due,
 * ?3 deadline, ?4 description, ?5 form).  0 or GW_EIO. */
int  gw_store_milestone_rows(gw_stmt *ins, const gw_task *t, gw_err *err);

/* Sets key to value inside the caller's transaction.  0 or GW_EIO. */
int  gw_store_meta_put(gw_store *st, const char *key, const char *value, gw_err *err);

#endif
