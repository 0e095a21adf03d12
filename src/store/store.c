/* store.c — the record layer's connection: open, migrate, transactions,
 * statements, metadata.  The only file that includes sqlite3.h
 * (docs/hacking.md); plan_io.c holds the plan's queries. */
#include "store-imp.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The schema file is small; anything bigger is not ours. */
#define S_SCHEMA_MAX (1024 * 1024)

struct gw_store {
    sqlite3 *db;
    char    *path;
};

struct gw_stmt {
    gw_store     *st;
    sqlite3_stmt *s;
};

static int
S_dberr(gw_store *st, gw_err *err, const char *what)
{
    return gw_err_set(err, GW_EIO, "%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
}

/* Runs, in the caller's transaction, every "-- version N" block of the
 * schema text above version cur, setting user_version after each. */
static int
S_apply(gw_store *st, const char *path, const char *schema, long long cur, gw_err *err)
{
    gw_buf chunk;
    const char *p = schema, *line, *eol;
    int rc = 0, ver = 0;
    char pragma[64];

    gw_buf_init(&chunk);
    /* Walk the lines; a "-- version N" line closes the previous block. */
    for (;;) {
        int at_end = (*p == '\0'), n = 0;
        line = p;
        eol = strchr(p, '\n');
        if (!eol)
            eol = p + strlen(p);
        if (at_end || sscanf(line, "-- version %d", &n) == 1) {
            if (ver > cur) {
                if ((rc = gw_store_exec(st, chunk.ptr, err)) < 0) {
                    gw_err_prefix(err, "%s: migration %d", path, ver);
                    goto out;
                }
                snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", ver);
                if ((rc = gw_store_exec(st, pragma, err)) < 0)
                    goto out;
            }
            if (at_end)
                break;
            if (n != ver + 1) {
                rc = gw_err_set(err, GW_EINPUT, "%s: migrations must be numbered "
                                "1, 2, 3…; found version %d after %d", path, n, ver);
                goto out;
            }
            ver = n;
            gw_buf_clear(&chunk);
        } else {
            gw_buf_put(&chunk, line, (size_t)(eol - line));
            gw_buf_putc(&chunk, '\n');
        }
        p = *eol ? eol + 1 : eol;
    }
out:
    gw_buf_free(&chunk);
    return rc;
}

/* Brings the database to the newest version of data/schema.sql: the
 * pending migrations run in one transaction; nothing is ever dropped.  An
 * empty database gets the schema only when create is set. */
static int
S_migrate(gw_store *st, int create, gw_err *err)
{
    gw_buf schema;
    char *path = gw_home_path("data/schema.sql");
    long long cur = 0, tables = 0;
    int rc = 0, max = 0, in_tx = 0;

    gw_buf_init(&schema);
    if ((rc = gw_file_read(path, S_SCHEMA_MAX, &schema, err)) < 0)
        goto out;
    for (const char *p = schema.ptr; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
        int n;
        if (sscanf(p, "-- version %d", &n) == 1 && n > max)
            max = n;
    }
    if (max < GW_SCHEMA_VERSION) {
        rc = gw_err_set(err, GW_EINPUT, "%s: schema version %d is older than this gongwen "
                        "needs (%d)", path, max, GW_SCHEMA_VERSION);
        goto out;
    }
    if ((rc = gw_store_int(st, "PRAGMA user_version", NULL, 0, &cur, err)) < 0)
        goto out;
    /* gongwen only ever writes 1, 2, 3...: anything below 0 was set by
     * another program, and migrating it would fail half-way. */
    if (cur < 0) {
        rc = gw_err_set(err, GW_EINPUT, "%s: not a gongwen database (schema version %lld)",
                        st->path, cur);
        goto out;
    }
    if (cur < max) {
        if ((rc = gw_store_begin(st, err)) < 0)
            goto out;
        in_tx = 1;
        /* Again inside the write transaction: another process may have
         * migrated the file meanwhile. */
        if ((rc = gw_store_int(st, "PRAGMA user_version", NULL, 0, &cur, err)) < 0 ||
            (rc = gw_store_int(st, "SELECT count(*) FROM sqlite_master", NULL, 0,
                               &tables, err)) < 0)
            goto out;
        if (cur == 0 && tables > 0) {
            rc = gw_err_set(err, GW_EINPUT, "%s: not a gongwen database (it has tables "
                            "but no schema version); refusing to change it", st->path);
            goto out;
        }
        /* an existing file that is empty (or an empty SQLite database) was
         * named by mistake: a command that reads a record writes no schema
         * into it */
        if (cur == 0 && !create) {
            rc = gw_err_set(err, GW_EINPUT, "%s: an empty database, not a gongwen one; "
                            "nothing written (make one with `gongwen import plan FILE "
                            "--db %s`)", st->path, st->path);
            goto out;
        }
        if (cur < max && (rc = S_apply(st, path, schema.ptr, cur, err)) < 0)
            goto out;
        if ((rc = gw_store_commit(st, err)) < 0)
            goto out;
        in_tx = 0;
    }
    if (cur > max)
        rc = gw_err_set(err, GW_EINPUT, "%s: not a gongwen database (schema version %lld; "
                        "this gongwen knows 1 to %d): another program's, or one written "
                        "by a newer gongwen", st->path, cur, max);
out:
    if (in_tx)
        gw_store_rollback(st);
    gw_buf_free(&schema);
    free(path);
    return rc;
}

static int
S_open(gw_store **out, const char *path, int create, gw_err *err)
{
    gw_store *st = gw_xcalloc(1, sizeof *st);
    int rc = 0, flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);

    *out = NULL;
    st->path = gw_xstrdup(path);
    if (!create && access(path, F_OK) != 0) {
        rc = gw_err_set(err, GW_EIO, "%s: no such database (run `gongwen import plan "
                        "FILE --db %s` first)", path, path);
        goto out;
    }
    if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
        rc = gw_err_set(err, GW_EIO, "%s: cannot open database: %s", path,
                        st->db ? sqlite3_errmsg(st->db) : "out of memory");
        goto out;
    }
    sqlite3_busy_timeout(st->db, 5000);
    if ((rc = gw_store_exec(st, "PRAGMA foreign_keys = ON", err)) < 0)
        goto out;
    rc = S_migrate(st, create, err);
out:
    if (rc < 0) {
        gw_store_close(st);
    } else {
        /* no output of this process may replace the database (-o d.db) */
        gw_file_protect(path, "the open database");
        *out = st;
    }
    return rc;
}

int
gw_store_open(gw_store **out, const char *path, gw_err *err)
{
    return S_open(out, path, 1, err);
}

int
gw_store_open_existing(gw_store **out, const char *path, gw_err *err)
{
    return S_open(out, path, 0, err);
}

void
gw_store_close(gw_store *st)
{
    if (!st)
        return;
    sqlite3_close(st->db);
    gw_file_unprotect(st->path);
    free(st->path);
    free(st);
}

const char *
gw_store_path(const gw_store *st)
{
    return st->path;
}

int
gw_store_version(gw_store *st)
{
    long long v = 0;
    gw_err e;
    gw_store_int(st, "PRAGMA user_version", NULL, 0, &v, &e);
    return (int)v;
}

int
gw_store_begin(gw_store *st, gw_err *err)
{
    return gw_store_exec(st, "BEGIN IMMEDIATE", err);
}

int
gw_store_commit(gw_store *st, gw_err *err)
{
    return gw_store_exec(st, "COMMIT", err);
}

void
gw_store_rollback(gw_store *st)
{
    if (!sqlite3_get_autocommit(st->db))
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int
gw_store_exec(gw_store *st, const char *sql, gw_err *err)
{
    char *msg = NULL;
    int rc = 0;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        rc = gw_err_set(err, GW_EIO, "%s: %s", st->path,
                        msg ? msg : sqlite3_errmsg(st->db));
        goto out;
    }
out:
    sqlite3_free(msg);
    return rc;
}

int
gw_stmt_prepare(gw_store *st, const char *sql, gw_stmt **out, gw_err *err)
{
    sqlite3_stmt *s = NULL;
    *out = NULL;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return S_dberr(st, err, "cannot prepare a query");
    *out = gw_xcalloc(1, sizeof **out);
    (*out)->st = st;
    (*out)->s = s;
    return 0;
}

void
gw_stmt_free(gw_stmt *s)
{
    if (!s)
        return;
    sqlite3_finalize(s->s);
    free(s);
}

int
gw_stmt_bind_int(gw_stmt *s, int idx, long long v, gw_err *err)
{
    if (sqlite3_bind_int64(s->s, idx, v) != SQLITE_OK)
        return S_dberr(s->st, err, "cannot bind a value");
    return 0;
}

int
gw_stmt_bind_text(gw_stmt *s, int idx, const char *v, gw_err *err)
{
    int rc = v ? sqlite3_bind_text(s->s, idx, v, -1, SQLITE_TRANSIENT)
               : sqlite3_bind_null(s->s, idx);
    if (rc != SQLITE_OK)
        return S_dberr(s->st, err, "cannot bind a value");
    return 0;
}

int
gw_stmt_step(gw_stmt *s, gw_err *err)
{
    int rc = sqlite3_step(s->s);
    if (rc == SQLITE_ROW)
        return 1;
    if (rc == SQLITE_DONE)
        return 0;
    return S_dberr(s->st, err, "query failed");
}

void
gw_stmt_reset(gw_stmt *s)
{
    sqlite3_reset(s->s);
    sqlite3_clear_bindings(s->s);
}

long long
gw_stmt_int(gw_stmt *s, int col)
{
    return sqlite3_column_int64(s->s, col);
}

double
gw_stmt_double(gw_stmt *s, int col)
{
    return sqlite3_column_double(s->s, col);
}

const char *
gw_stmt_text(gw_stmt *s, int col)
{
    const unsigned char *t = sqlite3_column_text(s->s, col);
    return t ? (const char *)t : "";
}

int
gw_store_int(gw_store *st, const char *sql, const char *p1, long long dflt,
             long long *v, gw_err *err)
{
    gw_stmt *s = NULL;
    int rc;
    *v = dflt;
    if ((rc = gw_stmt_prepare(st, sql, &s, err)) < 0)
        goto out;
    if (p1 && (rc = gw_stmt_bind_text(s, 1, p1, err)) < 0)
        goto out;
    if ((rc = gw_stmt_step(s, err)) < 0)
        goto out;
    if (rc == 1)
        *v = gw_stmt_int(s, 0);
    rc = 0;
out:
    gw_stmt_free(s);
    return rc;
}

int
gw_store_meta_get(gw_store *st, const char *key, gw_buf *buf, gw_err *err)
{
    gw_stmt *s = NULL;
    int rc;
    gw_buf_clear(buf);
    if ((rc = gw_stmt_prepare(st, "SELECT value FROM meta WHERE key = ?1", &s, err)) < 0)
        goto out;
    if ((rc = gw_stmt_bind_text(s, 1, key, err)) < 0)
        goto out;
    if ((rc = gw_stmt_step(s, err)) == 1)
        gw_buf_puts(buf, gw_stmt_text(s, 0));
out:
    gw_stmt_free(s);
    return rc;
}

int
gw_store_meta_put(gw_store *st, const char *key, const char *value, gw_err *err)
{
    gw_stmt *s = NULL;
    int rc;
    if ((rc = gw_stmt_prepare(st, "INSERT INTO meta(key, value) VALUES (?1, ?2) "
                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                              &s, err)) < 0)
        goto out;
    if ((rc = gw_stmt_bind_text(s, 1, key, err)) < 0 ||
        (rc = gw_stmt_bind_text(s, 2, value, err)) < 0)
        goto out;
    rc = gw_stmt_step(s, err);
    if (rc > 0)
        rc = 0;
out:
    gw_stmt_free(s);
    return rc;
}

int
gw_store_has_plan(gw_store *st, gw_err *err)
{
    long long n = 0;
    int rc = gw_store_int(st, "SELECT count(*) FROM plan", NULL, 0, &n, err);
    return rc < 0 ? rc : n > 0;
}

int
gw_store_meta_set(gw_store *st, const char *key, const char *value, gw_err *err)
{
    int rc;
    if ((rc = gw_store_begin(st, err)) < 0)
        return rc;
    if ((rc = gw_store_meta_put(st, key, value, err)) < 0) {
        gw_store_rollback(st);
        return rc;
    }
    return gw_store_commit(st, err);
}

int
gw_store_milestone_rows(gw_stmt *ins, const gw_task *t, gw_err *err)
{
    int rc = 0;
    for (size_t k = 0; k < t->nmilestones && rc >= 0; k++) {
        const gw_milestone *m = &t->milestones[k];
        gw_stmt_reset(ins);
        if ((rc = gw_stmt_bind_int(ins, 1, t->no, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 2, m->due, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 3, m->deadline, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 4, m->description, err)) < 0 ||
            (rc = gw_stmt_bind_text(ins, 5, m->form, err)) < 0)
            break;
        rc = gw_stmt_step(ins, err);
    }
    return rc < 0 ? rc : 0;
}
