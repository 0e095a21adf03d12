/* util.c — error context, diagnostics, memory, buffer, arena, UTF-8, files. */
/* realpath() is XSI */
#define _XOPEN_SOURCE 700
#include "gw.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int gw_verbosity = 1;

int
gw_err_set(gw_err *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->code = code;
        err->cp = 0;
    }
    return code;
}

int
gw_err_prefix(gw_err *err, const char *fmt, ...)
{
    char pre[512], old[sizeof err->msg];
    va_list ap;
    if (!err)
        return GW_EINPUT;
    va_start(ap, fmt);
    vsnprintf(pre, sizeof pre, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    {
        /* Truncation of an over-long message is acceptable; say so in code. */
        size_t np = strlen(pre), room = sizeof err->msg - 1, no = strlen(old);
        if (np > room - 2)
            np = room - 2;
        memcpy(err->msg, pre, np);
        memcpy(err->msg + np, ": ", 2);
        if (no > room - np - 2)
            no = room - np - 2;
        memcpy(err->msg + np + 2, old, no);
        err->msg[np + 2 + no] = '\0';
    }
    return err->code ? err->code : GW_EINPUT;
}

static void
S_diag(int min, const char *kind, const char *fmt, va_list ap)
{
    gw_buf b;
    if (gw_verbosity < min)
        return;
    /* One write per message: sheet workers are separate processes sharing
     * stderr, and piecewise writes interleave mid-line. */
    gw_buf_init(&b);
    gw_buf_puts(&b, "gongwen: ");
    if (kind)
        gw_buf_puts(&b, kind);
    gw_buf_vprintf(&b, fmt, ap);
    gw_buf_putc(&b, '\n');
    fflush(stderr);
    if (write(STDERR_FILENO, b.ptr, b.len) < 0) {
        /* nowhere left to report it */
    }
    gw_buf_free(&b);
}

void
gw_warnf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_diag(1, "warning: ", fmt, ap);
    va_end(ap);
}

void
gw_notef(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_diag(1, NULL, fmt, ap);
    va_end(ap);
}

void
gw_debugf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    S_diag(2, NULL, fmt, ap);
    va_end(ap);
}

/* ---------------------------------------------------------------- memory */

static void
S_oom(size_t n)
{
    fprintf(stderr, "gongwen: out of memory (%zu bytes)\n", n);
    abort();
}

void *
gw_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        S_oom(n);
    return p;
}

void *
gw_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        S_oom(n * size);
    return p;
}

void *
gw_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        S_oom(n);
    return q;
}

char *
gw_xstrdup(const char *s)
{
    return gw_xstrndup(s, strlen(s));
}

char *
gw_xstrndup(const char *s, size_t n)
{
    char *p = gw_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

/* ---------------------------------------------------------------- buffer */

static char S_empty[1];

void
gw_buf_init(gw_buf *b)
{
    b->ptr = S_empty;
    b->len = 0;
    b->cap = 0;
}

void
gw_buf_free(gw_buf *b)
{
    if (b->cap)
        free(b->ptr);
    gw_buf_init(b);
}

void
gw_buf_clear(gw_buf *b)
{
    b->len = 0;
    if (b->cap)
        b->ptr[0] = '\0';
}

static void
S_grow(gw_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1, cap;
    if (need <= b->cap)
        return;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap += cap / 2;
    if (b->cap) {
        b->ptr = gw_xrealloc(b->ptr, cap);
    } else {
        b->ptr = gw_xmalloc(cap);
        b->ptr[0] = '\0';
    }
    b->cap = cap;
}

void
gw_buf_put(gw_buf *b, const void *data, size_t n)
{
    if (!n)
        return;
    S_grow(b, n);
    memmove(b->ptr + b->len, data, n);
    b->len += n;
    b->ptr[b->len] = '\0';
}

void
gw_buf_puts(gw_buf *b, const char *s)
{
    gw_buf_put(b, s, strlen(s));
}

void
gw_buf_putc(gw_buf *b, int c)
{
    char ch = (char)c;
    gw_buf_put(b, &ch, 1);
}

void
gw_buf_put_cp(gw_buf *b, uint32_t cp)
{
    char tmp[4];
    gw_buf_put(b, tmp, (size_t)gw_utf8_encode(cp, tmp));
}

void
gw_buf_vprintf(gw_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    int n;
    va_copy(ap2, ap);
    n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n <= 0)
        return;
    S_grow(b, (size_t)n);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void
gw_buf_printf(gw_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gw_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *
gw_buf_detach(gw_buf *b)
{
    char *p = b->cap ? b->ptr : gw_xstrdup("");
    gw_buf_init(b);
    return p;
}

/* ----------------------------------------------------------------- arena */

typedef struct S_chunk {
    struct S_chunk *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
} S_chunk;

struct gw_arena {
    S_chunk *head;
};

gw_arena *
gw_arena_new(void)
{
    return gw_xcalloc(1, sizeof(gw_arena));
}

void
gw_arena_free(gw_arena *a)
{
    S_chunk *c, *next;
    if (!a)
        return;
    for (c = a->head; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

void *
gw_arena_alloc(gw_arena *a, size_t n)
{
    S_chunk *c = a->head;
    void *p;
    n = (n + 15) & ~(size_t)15;
    if (!c || c->size - c->used < n) {
        size_t size = n > 65536 ? n : 65536;
        c = gw_xmalloc(sizeof *c + size);
        c->size = size;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

gw_arena_mark
gw_arena_mark_get(const gw_arena *a)
{
    gw_arena_mark m;
    m.chunk = a->head;
    m.used = a->head ? a->head->used : 0;
    return m;
}

void
gw_arena_release(gw_arena *a, gw_arena_mark m)
{
    /* chunks are a stack: newer ones are in front of the marked one */
    while (a->head && (void *)a->head != m.chunk) {
        S_chunk *c = a->head;
        a->head = c->next;
        free(c);
    }
    if (a->head)
        a->head->used = m.used;
}

char *
gw_arena_strndup(gw_arena *a, const char *s, size_t n)
{
    char *p = gw_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
gw_arena_strdup(gw_arena *a, const char *s)
{
    return gw_arena_strndup(a, s, strlen(s));
}

/* ----------------------------------------------------------------- UTF-8 */

int
gw_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t c;
    int len, i;
    if (n == 0)
        return -1;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    } else if ((s[0] & 0xE0) == 0xC0) {
        len = 2;
        c = s[0] & 0x1F;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3;
        c = s[0] & 0x0F;
    } else if ((s[0] & 0xF8) == 0xF0) {
        len = 4;
        c = s[0] & 0x07;
    } else {
        return -1;
    }
    if ((size_t)len > n)
        return -1;
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return -1;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) ||
        (len == 4 && c < 0x10000) || c > 0x10FFFF ||
        (c >= 0xD800 && c <= 0xDFFF))
        return -1;
    *cp = c;
    return len;
}

long
gw_utf8_validate(const char *s, size_t n)
{
    size_t i = 0;
    uint32_t cp;
    while (i < n) {
        int k = gw_utf8_decode(s + i, n - i, &cp);
        if (k < 0)
            return (long)i;
        i += (size_t)k;
    }
    return -1;
}

long
gw_text_bad(const char *s, size_t n, int allow, uint32_t *bad)
{
    size_t i = 0;
    uint32_t cp;
    while (i < n) {
        int k = gw_utf8_decode(s + i, n - i, &cp);
        if (k < 0) {
            *bad = GW_TEXT_INVALID;
            return (long)i;
        }
        if ((cp < 0x20 && !((cp == '\n' && (allow & GW_TEXT_LF)) ||
                            (cp == '\r' && (allow & GW_TEXT_CR)) ||
                            (cp == '\t' && (allow & GW_TEXT_TAB)))) ||
            (cp >= 0x7F && cp < 0xA0) || (cp >= 0xFDD0 && cp <= 0xFDEF) ||
            (cp & 0xFFFE) == 0xFFFE) {
            *bad = cp;
            return (long)i;
        }
        i += (size_t)k;
    }
    return -1;
}

const char *
gw_text_describe(uint32_t cp, char *buf, size_t n)
{
    if (cp == GW_TEXT_INVALID)
        snprintf(buf, n, "invalid UTF-8");
    else if (cp == 0)
        snprintf(buf, n, "a NUL byte (U+0000)");
    else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
        snprintf(buf, n, "the control character U+%04X", (unsigned)cp);
    else
        snprintf(buf, n, "the noncharacter U+%04X", (unsigned)cp);
    return buf;
}

int
gw_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ------------------------------------------------------------------ files */

int
gw_file_read(const char *path, size_t max, gw_buf *buf, gw_err *err)
{
    FILE *f;
    char chunk[65536];
    size_t n;
    int rc = 0, is_stdin = strcmp(path, "-") == 0;

    f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return gw_err_set(err, GW_EIO, "%s: cannot open: %s", path, strerror(errno));
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (buf->len + n > max) {
            rc = gw_err_set(err, GW_EINPUT, "%s: larger than the limit of %zu bytes",
                            is_stdin ? "<stdin>" : path, max);
            goto out;
        }
        gw_buf_put(buf, chunk, n);
    }
    if (ferror(f))
        rc = gw_err_set(err, GW_EIO, "%s: read error: %s", path, strerror(errno));
out:
    if (!is_stdin)
        fclose(f);
    return rc;
}

/* ------------------------------------------------------- output guard */

/* Files no output may replace (the open database, the FO being rendered),
 * by device and inode so that a symlink, a hard link or "dir/../x.db" is
 * the same file.  A handful at most: one database and one input. */
#define S_MAX_PROTECTED 8

static struct {
    dev_t dev;
    ino_t ino;
    char *path;         /* as the user named it, for messages */
    char *what;         /* "the open database" */
} S_protected[S_MAX_PROTECTED];
static int S_nprotected;

void
gw_file_protect(const char *path, const char *what)
{
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || S_nprotected == S_MAX_PROTECTED)
        return;
    for (int i = 0; i < S_nprotected; i++)
        if (S_protected[i].dev == st.st_dev && S_protected[i].ino == st.st_ino)
            return;
    S_protected[S_nprotected].dev = st.st_dev;
    S_protected[S_nprotected].ino = st.st_ino;
    S_protected[S_nprotected].path = gw_xstrdup(path);
    S_protected[S_nprotected].what = gw_xstrdup(what);
    S_nprotected++;
}

void
gw_file_unprotect(const char *path)
{
    for (int i = 0; i < S_nprotected; i++) {
        if (strcmp(S_protected[i].path, path) != 0)
            continue;
        free(S_protected[i].path);
        free(S_protected[i].what);
        S_protected[i] = S_protected[--S_nprotected];
        return;
    }
}

/* Names that mean "standard output" whatever the file system says: through
 * /dev/stdout a redirected stdout is a regular file, which must be written
 * through the descriptor the shell opened, not replaced by a rename. */
int
gw_file_is_stdout(const char *path)
{
    return strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0 ||
           strcmp(path, "/dev/fd/1") == 0 || strcmp(path, "/proc/self/fd/1") == 0;
}

static const char *
S_kind(mode_t m)
{
    return S_ISDIR(m) ? "a directory" : S_ISCHR(m) ? "a character device" :
           S_ISBLK(m) ? "a block device" : S_ISFIFO(m) ? "a FIFO" :
           S_ISSOCK(m) ? "a socket" : "not a regular file";
}

int
gw_file_output_target(const char *path, char **target, gw_err *err)
{
    struct stat st;
    char *real = NULL;
    int rc = 0;

    *target = NULL;
    if (gw_file_is_stdout(path))
        return 0;
    if (!path[0])
        return gw_err_set(err, GW_EUSAGE, "an empty output path");
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT) {
            *target = gw_xstrdup(path);
            return 0;
        }
        return gw_err_set(err, GW_EIO, "%s: cannot write: %s", path, strerror(errno));
    }
    if (S_ISLNK(st.st_mode)) {
        /* Follow the link so that the file it names is replaced and the
         * link stays a link (a rename over the link would replace it). */
        real = realpath(path, NULL);
        if (!real) {
            rc = gw_err_set(err, GW_EIO, "%s: a symbolic link to a missing or unreachable "
                            "file (%s); not following it", path, strerror(errno));
            goto out;
        }
        if (stat(real, &st) != 0) {
            rc = gw_err_set(err, GW_EIO, "%s: cannot write: %s", path, strerror(errno));
            goto out;
        }
    }
    if (!S_ISREG(st.st_mode)) {
        rc = gw_err_set(err, GW_EIO, "%s: is %s; gongwen replaces only regular files "
                        "(-o - writes to standard output)", path, S_kind(st.st_mode));
        goto out;
    }
    for (int i = 0; i < S_nprotected; i++) {
        if (S_protected[i].dev == st.st_dev && S_protected[i].ino == st.st_ino) {
            rc = gw_err_set(err, GW_EIO, "%s: refusing to write over %s %s (the same file)",
                            path, S_protected[i].what, S_protected[i].path);
            goto out;
        }
    }
    *target = real ? real : gw_xstrdup(path);
    real = NULL;
out:
    free(real);
    return rc;
}

int
gw_file_check_output(const char *path, gw_err *err)
{
    char *t = NULL;
    int rc = gw_file_output_target(path, &t, err);
    free(t);
    return rc;
}

/* A worker process renames nothing into place once its parent is gone: the
 * run it belonged to was abandoned (kill -9 of `gongwen build`). */
static pid_t S_parent;


/* The temporary file being written, for S_on_signal: a fixed buffer, since
 * a signal handler may not allocate. */
static char S_live_tmp[PATH_MAX + 32];
static volatile sig_atomic_t S_live_set;

static void
S_on_signal(int sig)
{
    if (S_live_set)
        unlink(S_live_tmp);
    signal(sig, SIG_DFL);
    raise(sig);
}

void
gw_file_signals_init(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    struct sigaction sa;
    /* A file-size limit (ulimit -f) must make write() fail with EFBIG,
     * which is reported and cleaned up, instead of killing the process
     * with SIGXFSZ and leaving the temporary file. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGXFSZ, &sa, NULL);
    sa.sa_handler = S_on_signal;
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction old;
        /* keep what a parent shell chose to ignore (nohup) ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(sigs[i], &sa, NULL);
    }
}

void
gw_file_set_parent(int parent)
{
    struct sigaction sa;
    S_parent = (pid_t)parent;
    /* the parent's death is delivered as SIGTERM (sheets.c): remove the
     * temporary file even where the shell had SIGTERM ignored */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = S_on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, NULL);
}

static void
S_live(const char *tmp)
{
    S_live_set = 0;
    if (tmp && strlen(tmp) < sizeof S_live_tmp) {
        memcpy(S_live_tmp, tmp, strlen(tmp) + 1);
        S_live_set = 1;
    }
}

int
gw_file_tmp_beside(const char *path, char **tmp, gw_err *err)
{
    size_t n = strlen(path);
    char *t = gw_xmalloc(n + 16);
    int fd;
    memcpy(t, path, n);
    memcpy(t + n, ".tmp.XXXXXX", 12);
    fd = mkstemp(t);
    if (fd < 0) {
        int rc = gw_err_set(err, GW_EIO, "%s: cannot create a temporary file: %s",
                            path, strerror(errno));
        free(t);
        return rc;
    }
    close(fd);
    /* from here on a signal removes it (S_on_signal) */
    S_live(t);
    *tmp = t;
    return 0;
}

static int
S_write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Where a fill function's bytes go: the temporary file (or standard
 * output) behind a buffer, so that libharu's many small writes cost one
 * write() per 64 KB. */
struct gw_file_sink {
    int         fd;
    const char *path;           /* for messages: the output as given */
    gw_err     *err;
    int         failed;         /* a write failed: GW_EIO, err set */
    size_t      n;
    char        buf[65536];
};

static int
S_sink_flush(gw_file_sink *s)
{
    if (s->failed)
        return GW_EIO;
    if (s->n > 0 && S_write_all(s->fd, s->buf, s->n) < 0) {
        s->failed = 1;
        return gw_err_set(s->err, GW_EIO, "%s: cannot write%s: %s", s->path,
                          s->fd == STDOUT_FILENO ? " to standard output" : "",
                          strerror(errno));
    }
    s->n = 0;
    return 0;
}

int
gw_file_sink_write(gw_file_sink *s, const void *p, size_t n)
{
    const char *c = p;
    if (s->failed)
        return GW_EIO;
    while (n > 0) {
        size_t k = sizeof s->buf - s->n;
        if (k == 0) {
            int rc = S_sink_flush(s);
            if (rc < 0)
                return rc;
            continue;
        }
        if (k > n)
            k = n;
        memcpy(s->buf + s->n, c, k);
        s->n += k;
        c += k;
        n -= k;
    }
    return 0;
}

/* Runs fill into fd through a buffer and writes out the rest.  0, or a
 * negative GW_E* with err set (fill's own, or GW_EIO). */
static int
S_run_fill(int fd, const char *path, gw_file_fill_fn fill, void *ctx, gw_err *err)
{
    gw_file_sink *s = gw_xmalloc(sizeof *s);
    int rc;

    s->fd = fd;
    s->path = path;
    s->err = err;
    s->failed = 0;
    s->n = 0;
    rc = fill(ctx, s, err);
    if (rc == 0 && s->failed)
        rc = GW_EIO;            /* fill ignored a failed write */
    if (rc == 0)
        rc = S_sink_flush(s);
    free(s);
    return rc;
}

/* Runs fill into the temporary file and puts it on disk before the
 * rename.  0, or a negative GW_E* with err set (fill's own, or GW_EIO). */
static int
S_fill(const char *tmp, const char *path, gw_file_fill_fn fill, void *ctx, gw_err *err)
{
    mode_t um = umask(0);
    int fd, rc;
    umask(um);
    if ((fd = open(tmp, O_WRONLY | O_TRUNC)) < 0)
        return gw_err_set(err, GW_EIO, "%s: cannot write: %s", path, strerror(errno));
    rc = S_run_fill(fd, path, fill, ctx, err);
    /* mkstemp creates 0600; documents are meant to be shared like any file. */
    if (rc == 0 && (fsync(fd) < 0 || fchmod(fd, 0666 & ~um) < 0))
        rc = gw_err_set(err, GW_EIO, "%s: cannot write: %s", path, strerror(errno));
    if (close(fd) < 0 && rc == 0)
        rc = gw_err_set(err, GW_EIO, "%s: cannot write: %s", path, strerror(errno));
    return rc;
}

int
gw_file_write_atomic_fill(const char *path, gw_file_fill_fn fill, void *ctx, gw_err *err)
{
    char *target = NULL, *tmp = NULL;
    int rc;

    if ((rc = gw_file_output_target(path, &target, err)) < 0)
        goto out;
    if (!target) {
        fflush(stdout);
        rc = S_run_fill(STDOUT_FILENO, path, fill, ctx, err);
        goto out;
    }
    if ((rc = gw_file_tmp_beside(target, &tmp, err)) < 0)
        goto out;
    if ((rc = S_fill(tmp, path, fill, ctx, err)) < 0)
        ;
    else if (S_parent && getppid() != S_parent)
        rc = gw_err_set(err, GW_EIO, "%s: not written: the gongwen process that started "
                        "this worker has gone", path);
    else if (rename(tmp, target) < 0)
        rc = gw_err_set(err, GW_EIO, "%s: cannot write: %s", path, strerror(errno));
out:
    if (tmp) {
        if (rc < 0)
            unlink(tmp);
        S_live(NULL);
    }
    free(tmp);
    free(target);
    return rc;
}

/* The one piece of gw_file_write_atomic. */
typedef struct S_whole {
    const void *data;
    size_t      n;
} S_whole;

static int
S_whole_fill(void *ctx, gw_file_sink *sink, gw_err *err)
{
    S_whole *w = ctx;
    (void)err;
    return gw_file_sink_write(sink, w->data, w->n);
}

int
gw_file_write_atomic(const char *path, const void *data, size_t n, gw_err *err)
{
    S_whole w = {data, n};
    return gw_file_write_atomic_fill(path, S_whole_fill, &w, err);
}

/* ------------------------------------------------------------------- CSV */

/* Excel and WPS run a cell that starts with one of these as a formula (CSV
 * injection); a leading apostrophe makes them show it as text. */
static int
S_csv_formula_start(const char *s)
{
    return *s && strchr("=+-@\t\r", *s) != NULL;
}

/* A value that itself starts with an apostrophe gets one more, so that
 * reading back strips exactly what writing added. */
static int
S_csv_guarded(const char *s)
{
    return S_csv_formula_start(s) || *s == '\'';
}

void
gw_csv_field(gw_buf *b, const char *s, int last)
{
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        gw_buf_putc(b, '"');
    if (S_csv_guarded(s))
        gw_buf_putc(b, '\'');
    for (; *s; s++) {
        if (*s == '"')
            gw_buf_putc(b, '"');
        gw_buf_putc(b, *s);
    }
    if (quote)
        gw_buf_putc(b, '"');
    gw_buf_puts(b, last ? "\r\n" : ",");
}

const char *
gw_csv_unguard(const char *s)
{
    return s[0] == '\'' && S_csv_guarded(s + 1) ? s + 1 : s;
}

/* --------------------------------------------------------------- SHA-256 */

/* FIPS 180-4, section 6.2: the round constants are the first 32 bits of the
 * fractional parts of the cube roots of the first 64 primes. */
static const uint32_t S_k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
    0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
    0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
    0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
    0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
    0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
    0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
};

#define S_ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
S_sha256_block(uint32_t h[8], const unsigned char *p)
{
    uint32_t w[64], a, b, c, d, e, f, g, hh;
    int i;
    for (i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
               (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (i = 16; i < 64; i++) {
        uint32_t s0 = S_ROR(w[i - 15], 7) ^ S_ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = S_ROR(w[i - 2], 17) ^ S_ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (i = 0; i < 64; i++) {
        uint32_t t1 = hh + (S_ROR(e, 6) ^ S_ROR(e, 11) ^ S_ROR(e, 25)) + ((e & f) ^ (~e & g)) +
                      S_k256[i] + w[i];
        uint32_t t2 = (S_ROR(a, 2) ^ S_ROR(a, 13) ^ S_ROR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
}

void
gw_sha256_hex(const void *data, size_t n, char hex[65])
{
    uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    const unsigned char *p = data;
    unsigned char tail[128];
    size_t full = n / 64 * 64, rest = n - full, tn;
    uint64_t bits = (uint64_t)n * 8;

    for (size_t i = 0; i < full; i += 64)
        S_sha256_block(h, p + i);
    /* the rest, 0x80, zeros, and the length in bits: one or two blocks */
    memset(tail, 0, sizeof tail);
    if (rest)
        memcpy(tail, p + full, rest);
    tail[rest] = 0x80;
    tn = rest < 56 ? 64 : 128;
    for (int i = 0; i < 8; i++)
        tail[tn - 1 - i] = (unsigned char)(bits >> (8 * i));
    S_sha256_block(h, tail);
    if (tn == 128)
        S_sha256_block(h, tail + 64);
    for (int i = 0; i < 8; i++)
        snprintf(hex + 8 * i, 9, "%08x", (unsigned)h[i]);
}

int
gw_mkdir_p(const char *dir, gw_err *err)
{
    char *d = gw_xstrdup(dir), *p;
    int rc = 0;
    for (p = d + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            struct stat st;
            if (mkdir(d, 0777) < 0 && errno != EEXIST) {
                rc = gw_err_set(err, GW_EIO, "%s: cannot create directory: %s",
                                d, strerror(errno));
                break;
            }
            if (!c && (stat(d, &st) != 0 || !S_ISDIR(st.st_mode))) {
                rc = gw_err_set(err, GW_EIO, "%s: exists and is not a directory", d);
                break;
            }
            *p = c;
            if (!c)
                break;
        }
    }
    free(d);
    return rc;
}

#ifndef GW_DATADIR
#define GW_DATADIR "/usr/local/share/gongwen"
#endif

static int
S_has_data(const char *dir)
{
    char path[PATH_MAX + 16];
    struct stat st;
    snprintf(path, sizeof path, "%s/templates", dir);
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *
gw_home(void)
{
    static char home[PATH_MAX];
    const char *env;
    ssize_t n;
    char *slash;

    if (home[0])
        return home;
    env = getenv("GONGWEN_HOME");
    if (env && *env) {
        snprintf(home, sizeof home, "%s", env);
        return home;
    }
    n = readlink("/proc/self/exe", home, sizeof home - 1);
    if (n > 0) {
        home[n] = '\0';
        slash = strrchr(home, '/');
        if (slash) {
            *slash = '\0';
            if (S_has_data(home))
                return home;
            /* tests/bin/… under a build directory: walk up to the tree. */
            while ((slash = strrchr(home, '/')) != NULL) {
                *slash = '\0';
                if (home[0] && S_has_data(home))
                    return home;
            }
        }
    }
    snprintf(home, sizeof home, "%s", GW_DATADIR);
    return home;
}

char *
gw_home_path(const char *rel)
{
    gw_buf b;
    gw_buf_init(&b);
    gw_buf_printf(&b, "%s/%s", gw_home(), rel);
    return gw_buf_detach(&b);
}
