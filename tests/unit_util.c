/* unit_util.c — the buffer, UTF-8 and file helpers. */
#include "gw.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
main(void)
{
    gw_buf b;
    gw_err err = {0, "", 0};
    uint32_t cp = 0;
    char path[] = "/tmp/gw-unit-util.XXXXXX";
    int fd;

    gw_buf_init(&b);
    TAP_STREQ(b.ptr, "", "a new buffer is an empty string");
    gw_buf_printf(&b, "%d字", 28);
    gw_buf_put_cp(&b, 0x3002);
    TAP_STREQ(b.ptr, "28字。", "printf and code points append");
    gw_buf_free(&b);

    TAP_OK(gw_utf8_decode("\xe5\xad\x97", 3, &cp) == 3 && cp == 0x5B57, "decodes 字");
    TAP_OK(gw_utf8_decode("\xc0\xaf", 2, &cp) < 0, "rejects an overlong /");
    TAP_OK(gw_utf8_decode("\xed\xa0\x80", 3, &cp) < 0, "rejects a surrogate");
    TAP_OK(gw_utf8_validate("ab\xe5\xad", 4) == 2, "finds a truncated sequence at its offset");

    fd = mkstemp(path);
    close(fd);
    TAP_OK(gw_file_write_atomic(path, "x", 1, &err) == 0, "atomic write succeeds");
    gw_buf_init(&b);
    TAP_OK(gw_file_read(path, 10, &b, &err) == 0 && b.len == 1, "reads it back");
    gw_buf_free(&b);
    TAP_OK(gw_file_write_atomic("/nonexistent-dir/x.pdf", "x", 1, &err) == GW_EIO,
           "a write into a missing directory fails with GW_EIO");
    unlink(path);

    /* gw_text_bad: the one check for what has no place in document text */
    {
        uint32_t bad = 0;
        TAP_OK(gw_text_bad("ab\0c", 4, 0, &bad) == 2 && bad == 0, "a NUL is found at its offset");
        TAP_OK(gw_text_bad("a\tb\r\n", 5, GW_TEXT_TAB | GW_TEXT_CR | GW_TEXT_LF, &bad) == -1,
               "TAB, CR and LF pass when allowed");
        TAP_OK(gw_text_bad("a\nb", 3, 0, &bad) == 1 && bad == '\n', "LF is refused unless allowed");
        TAP_OK(gw_text_bad("x\x7f", 2, 0, &bad) == 1 && bad == 0x7F, "DEL is refused");
        TAP_OK(gw_text_bad("\xc2\x85", 2, 0, &bad) == 0 && bad == 0x85, "C1 NEL is refused");
        TAP_OK(gw_text_bad("\xef\xb7\x90", 3, 0, &bad) == 0 && bad == 0xFDD0,
               "U+FDD0 is a noncharacter");
        TAP_OK(gw_text_bad("\xf0\x9f\xbf\xbf", 4, 0, &bad) == 0 && bad == 0x1FFFF,
               "U+1FFFF is a noncharacter");
        TAP_OK(gw_text_bad("\xef\xbf\xbd\xe5\xad\x97", 6, 0, &bad) == -1,
               "U+FFFD and CJK pass");
        TAP_OK(gw_text_bad("a\xe5\xad", 3, 0, &bad) == 1 && bad == GW_TEXT_INVALID,
               "invalid UTF-8 is reported as such");
    }

    /* CSV: formula cells are neutralised, and reading back undoes exactly that */
    {
        static const char *const vals[] = {
            "=1+2", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'", "'=x", "''y", "a,b", "说\"明\"",
            "plain", "", "x=1", "=a,\"b\"",
        };
        int all = 1;
        for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) {
            gw_buf f, v;
            gw_buf_init(&f);
            gw_buf_init(&v);
            gw_csv_field(&f, vals[i], 0);
            /* undo the quoting of RFC 4180, then the guard */
            f.ptr[--f.len] = '\0';                      /* the comma */
            if (f.ptr[0] == '"') {
                for (size_t k = 1; k + 1 < f.len; k++) {
                    gw_buf_putc(&v, f.ptr[k]);
                    if (f.ptr[k] == '"')
                        k++;
                }
            } else {
                gw_buf_puts(&v, f.ptr);
            }
            if (strchr("=+-@\t\r", vals[i][0]) && vals[i][0] && v.ptr[0] != '\'')
                all = 0;
            if (strcmp(gw_csv_unguard(v.ptr), vals[i]) != 0)
                all = 0;
            gw_buf_free(&f);
            gw_buf_free(&v);
        }
        TAP_OK(all, "every CSV field written is guarded and reads back as it was");
    }
    /* SHA-256 against the FIPS 180-4 examples and sha256sum */
    {
        char hex[65];
        gw_sha256_hex("abc", 3, hex);
        TAP_STREQ(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                  "SHA-256 of abc");
        gw_sha256_hex("", 0, hex);
        TAP_STREQ(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                  "SHA-256 of nothing");
        gw_sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
        TAP_STREQ(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                  "SHA-256 of the two-block example (56 bytes)");
        {
            char big[1000];
            memset(big, 'a', sizeof big);
            gw_sha256_hex(big, sizeof big, hex);
            TAP_STREQ(hex, "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3",
                      "SHA-256 of 1000 a (several blocks and a tail)");
        }
    }
    {
        /* mark / release: what came after the mark is given back, what
         * came before stays, also across a new 64 KB chunk */
        gw_arena *a = gw_arena_new();
        char *keep = gw_arena_strdup(a, "before");
        gw_arena_mark m = gw_arena_mark_get(a);
        char *t1 = gw_arena_alloc(a, 100), *t2;
        (void)gw_arena_alloc(a, 200000);         /* a chunk of its own */
        (void)gw_arena_alloc(a, 70000);
        gw_arena_release(a, m);
        t2 = gw_arena_alloc(a, 100);
        TAP_OK(t2 == t1, "after a release the same memory is handed out again");
        TAP_STREQ(keep, "before", "what was allocated before the mark is kept");
        TAP_OK(t2[0] == 0 && t2[99] == 0, "and comes back zeroed");
        gw_arena_free(a);
        a = gw_arena_new();
        m = gw_arena_mark_get(a);
        (void)gw_arena_alloc(a, 10);
        gw_arena_release(a, m);
        TAP_OK(gw_arena_mark_get(a).chunk == NULL, "a mark on an empty arena empties it");
        gw_arena_free(a);
    }
    return TAP_DONE();
}
