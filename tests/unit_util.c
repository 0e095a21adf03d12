/* unit_util.c — the buffer, UTF-8 and file helpers. */
#include "gw.h"
#include "tap.h"

#include <stdlib.h>
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
    return TAP_DONE();
}
