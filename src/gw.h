/* gw.h — what every gongwen module shares: the error context, the growable
 * string buffer, the arena, UTF-8 helpers, diagnostics and the few types
 * passed from one stage to the next.
 *
 * Conventions (see docs/hacking.md): fallible functions return int, 0 on
 * success and negative on failure, and describe the failure in a gw_err the
 * caller passed.  gw_x_new/open/load return objects the caller frees with
 * gw_x_free; gw_x_lookup returns borrowed pointers. */
#ifndef GW_H
#define GW_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#define GW_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

/* A failure description filled by the function that failed.  The message is
 * complete and user-facing, ideally "FILE:LINE:COL: what is wrong". */
typedef struct gw_err {
    int  code;          /* one of GW_E*, 0 when no error */
    char msg[2048];
    uint32_t cp;        /* the character the error is about (a missing glyph),
                         * 0 when none; gw_err_set clears it */
} gw_err;

enum {
    GW_OK     = 0,
    GW_EINPUT = -1,     /* bad input from the user: exit status 1 */
    GW_EIO    = -2,     /* a file could not be read or written: exit status 2 */
    GW_EDEP   = -3,     /* a library or resource failed (font, libharu): 3 */
    GW_EUSAGE = -4      /* bad command line: exit status 64 */
};

/* Sets err (if not NULL) from a printf-style message; returns code, so that
 * `return gw_err_set(err, GW_EINPUT, "...")` reads naturally. */
int gw_err_set(gw_err *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prefixes an existing message with "prefix: " (for adding file names as an
 * error travels up).  Returns err->code. */
int gw_err_prefix(gw_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---------------------------------------------------------- diagnostics */

/* Verbosity shared by the whole program: 0 quiet (-q), 1 normal, 2 verbose. */
extern int gw_verbosity;

/* "gongwen: warning: ..." on stderr unless quiet. */
void gw_warnf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Progress/notes on stderr at normal verbosity and above. */
void gw_notef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Only with --verbose. */
void gw_debugf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---------------------------------------------------------- shared types */

/* libxml2's document and node pointers (xmlDocPtr, xmlNodePtr), named here
 * so that the headers of the modules passing trees along (xmlbuild, sheets,
 * xslt, fo, svg, render) need not include libxml2. */
typedef struct _xmlDoc *gw_xml_doc;
typedef struct _xmlNode *gw_xml_node;

/* Options of the typesetter (render.h), which the layout engine reads. */
typedef struct gw_render_opts {
    int allow_missing_glyphs;   /* a character no font has: warning, not error */
} gw_render_opts;

/* ---------------------------------------------------------------- memory */

/* Out of memory is not a recoverable input error: these abort with a
 * message (as cmark's xcalloc does). */
void *gw_xmalloc(size_t n);
void *gw_xcalloc(size_t n, size_t size);
void *gw_xrealloc(void *p, size_t n);
char *gw_xstrdup(const char *s);
char *gw_xstrndup(const char *s, size_t n);

/* ---------------------------------------------------------------- buffer */

/* A growable byte string, never NULL after gw_buf_init, always NUL-terminated.
 * Used for all text building and escaping. */
typedef struct gw_buf {
    char  *ptr;
    size_t len;
    size_t cap;
} gw_buf;

void gw_buf_init(gw_buf *b);
void gw_buf_free(gw_buf *b);
void gw_buf_clear(gw_buf *b);
void gw_buf_put(gw_buf *b, const void *data, size_t n);
void gw_buf_puts(gw_buf *b, const char *s);
void gw_buf_putc(gw_buf *b, int c);
void gw_buf_put_cp(gw_buf *b, uint32_t cp);        /* UTF-8 encode */
void gw_buf_printf(gw_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void gw_buf_vprintf(gw_buf *b, const char *fmt, va_list ap);
/* Hands the string to the caller (who frees it) and resets b. */
char *gw_buf_detach(gw_buf *b);

/* ----------------------------------------------------------------- arena */

/* Bump allocator for objects that live exactly as long as one document
 * (layout boxes, display-list items).  Freed in one call. */
typedef struct gw_arena gw_arena;

gw_arena *gw_arena_new(void);
void      gw_arena_free(gw_arena *a);
/* Zeroed, 16-byte aligned; aborts on out of memory. */
void     *gw_arena_alloc(gw_arena *a, size_t n);
char     *gw_arena_strdup(gw_arena *a, const char *s);
char     *gw_arena_strndup(gw_arena *a, const char *s, size_t n);

/* A point in an arena's life: gw_arena_release gives back everything
 * allocated after gw_arena_mark (one page's static content, drawn and
 * gone), so a long document reuses the same memory page after page. */
typedef struct gw_arena_mark {
    void  *chunk;
    size_t used;
} gw_arena_mark;
gw_arena_mark gw_arena_mark_get(const gw_arena *a);
void          gw_arena_release(gw_arena *a, gw_arena_mark m);

/* ----------------------------------------------------------------- UTF-8 */

/* Decodes one code point from s[0..n).  Returns the number of bytes used
 * (1..4) and stores the code point, or returns -1 for an invalid or
 * truncated sequence (overlongs, surrogates and > U+10FFFF are invalid). */
int gw_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Returns the byte offset of the first invalid sequence, or -1 when the whole
 * string is valid UTF-8. */
long gw_utf8_validate(const char *s, size_t n);
/* Text checks shared by every reader of outside text (plan files, `set`,
 * progress forms): what gw_text_bad may accept besides ordinary characters. */
enum { GW_TEXT_LF = 1, GW_TEXT_CR = 2, GW_TEXT_TAB = 4 };
#define GW_TEXT_INVALID 0xFFFFFFFFu    /* *bad for invalid UTF-8 */
/* Finds the first byte offset of what has no place in document text:
 * invalid UTF-8, NUL and the other C0 controls (but LF, CR and TAB when
 * allowed), DEL and the C1 controls, and the Unicode noncharacters
 * (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF).  Stores the code point (or
 * GW_TEXT_INVALID) in *bad; -1 when the text is clean. */
long gw_text_bad(const char *s, size_t n, int allow, uint32_t *bad);
/* "a NUL byte (U+0000)", "the control character U+001B", ... into buf;
 * returns buf. */
const char *gw_text_describe(uint32_t cp, char *buf, size_t n);

/* Encodes cp into out (at least 4 bytes); returns the length. */
int gw_utf8_encode(uint32_t cp, char *out);

/* ------------------------------------------------------------------ files */

/* Reads a whole file (or standard input for "-") into buf, refusing files
 * larger than max bytes.  Returns 0 or GW_EIO/GW_EINPUT with err set. */
int gw_file_read(const char *path, size_t max, gw_buf *buf, gw_err *err);

/* Writes data to the output path: the one function every output goes
 * through (README, "Safety").  "-" and /dev/stdout write to standard output.
 * Otherwise the target must be a regular file or not exist: a symlink to a
 * regular file is followed (the file it names is replaced, the link stays);
 * a directory, device, FIFO, socket, dangling link or a protected file
 * (gw_file_protect) is refused with GW_EIO and changes nothing.  The bytes go
 * to a temporary file beside the target, fsync'd and renamed over it on
 * success, removed on any failure. */
int gw_file_write_atomic(const char *path, const void *data, size_t n, gw_err *err);

/* The same for content that is written as it is made (a long PDF that is
 * never whole in memory): fill(ctx, sink, err) writes it with
 * gw_file_sink_write and returns 0, or a negative GW_E* with err set, which
 * stops the write and leaves nothing behind.  The sink is borrowed for the
 * call only. */
typedef struct gw_file_sink gw_file_sink;
typedef int (*gw_file_fill_fn)(void *ctx, gw_file_sink *sink, gw_err *err);
int gw_file_write_atomic_fill(const char *path, gw_file_fill_fn fill, void *ctx,
                              gw_err *err);

/* Appends n bytes of p to the output being written (buffered).  0, or
 * GW_EIO with the write's err set naming the file; after a failure every
 * call fails and the output is not written. */
int gw_file_sink_write(gw_file_sink *sink, const void *p, size_t n);

/* The same checks as gw_file_write_atomic without writing, for refusing a
 * bad -o before the work: 0, or GW_EIO/GW_EUSAGE with err naming path. */
int gw_file_check_output(const char *path, gw_err *err);

/* Resolves an output path under those rules: *target is the regular file to
 * replace (caller frees), or NULL for standard output.  0 or GW_E*. */
int gw_file_output_target(const char *path, char **target, gw_err *err);

/* 1 when path names standard output ("-", /dev/stdout, /dev/fd/1). */
int gw_file_is_stdout(const char *path);

/* Registers an existing file that no output of this process may replace,
 * by device and inode (what: "the open database"; both strings are
 * copied).  Nothing happens for "-" or a file that does not exist. */
void gw_file_protect(const char *path, const char *what);
/* Forgets a file registered under the same path. */
void gw_file_unprotect(const char *path);

/* Called once by main: SIGXFSZ is ignored (a write over `ulimit -f` fails
 * with EFBIG and is reported), and SIGINT/SIGTERM/SIGHUP remove the
 * temporary file being written before the process dies. */
void gw_file_signals_init(void);

/* In a worker process: the pid of the parent whose run it serves; an output
 * is never renamed into place once getppid() differs (the parent died). */
void gw_file_set_parent(int parent);

/* Makes a unique temporary path beside `path` (path + ".tmp.XXXXXX"), creates
 * the file, and returns its name in tmp (caller frees).  0 or GW_EIO. */
int gw_file_tmp_beside(const char *path, char **tmp, gw_err *err);

/* Appends one RFC 4180 field and "," (or CRLF when last).  Quoted when it
 * holds a comma, quote or line break.  A value that starts with = + - @ TAB
 * or CR, which spreadsheets would run as a formula, is written as '=… (the
 * apostrophe spreadsheets use to mean text), and one that starts with ' gets
 * another; gw_csv_unguard undoes exactly that. */
void gw_csv_field(gw_buf *b, const char *s, int last);
/* A field as read back: s without the apostrophe gw_csv_field added before
 * a formula character; s itself otherwise (borrowed, points into s). */
const char *gw_csv_unguard(const char *s);

/* The SHA-256 of data as 64 lowercase hex digits in hex (65 bytes), for the
 * audit trail of imported forms (FIPS 180-4). */
void gw_sha256_hex(const void *data, size_t n, char hex[65]);

/* mkdir -p.  0 or GW_EIO. */
int gw_mkdir_p(const char *dir, gw_err *err);

/* Directory holding data/, templates/ and stylesheets/: $GONGWEN_HOME if set,
 * else the directory of the running executable if it has data/, else the
 * compiled-in GW_DATADIR.  Borrowed string. */
const char *gw_home(void);

/* Joins gw_home() and a relative path; caller frees. */
char *gw_home_path(const char *rel);

#endif
