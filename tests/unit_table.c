/* unit_table.c — table.h on CSV: UTF-8 with and without its byte-order
 * mark, CR LF, quoted commas, quotes and line breaks (and the row numbers
 * after them), GB18030 detected and forced, the caps at their edges, and
 * the errors with their FILE:ROW:COL messages.  The files are written here
 * into /tmp/unit_table.PID.csv.
 *
 * `unit_table --dump FILE [auto|utf8|gb18030]` prints a table instead, for
 * tests/t_table.sh (which makes the .xlsx files): a first line
 * "# KIND rows=N sheet=NAME", then one line per row, "ROWNUMBER<TAB>cell
 * <TAB>cell...", with LF, TAB and backslash in cells written \n, \t, \\.
 * An error goes to standard error, exit status 1. */
#include "gw.h"
#include "table.h"
#include "tap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static gw_err err;
static char TMP[64];

static void
S_write(const char *data, size_t n)
{
    FILE *fp = fopen(TMP, "wb");
    fwrite(data, 1, n, fp);
    fclose(fp);
}

/* Writes data (n bytes; strlen when n is 0) and opens it; NULL on error,
 * with err set. */
static gw_table *
S_open(const char *data, size_t n, int enc)
{
    gw_table *t = NULL;
    S_write(data, n ? n : strlen(data));
    memset(&err, 0, sizeof err);
    if (gw_table_open(TMP, enc, &t, &err) < 0)
        return NULL;
    return t;
}

/* The message of a failing open, with TMP replaced by "F". */
static const char *
S_fail(const char *data, size_t n, int enc)
{
    static char msg[sizeof err.msg];
    gw_table *t = S_open(data, n, enc);
    size_t k = strlen(TMP);
    if (t) {
        gw_table_free(t);
        return "(no error)";
    }
    if (strncmp(err.msg, TMP, k) == 0)
        snprintf(msg, sizeof msg, "F%s", err.msg + k);
    else
        snprintf(msg, sizeof msg, "%s", err.msg);
    return msg;
}

static int
S_dump(const char *path, const char *enc_name)
{
    gw_table *t;
    int enc = GW_TABLE_AUTO;

    if (enc_name && strcmp(enc_name, "utf8") == 0)
        enc = GW_TABLE_UTF8;
    else if (enc_name && strcmp(enc_name, "gb18030") == 0)
        enc = GW_TABLE_GB18030;
    if (gw_table_open(path, enc, &t, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return 1;
    }
    printf("# %s rows=%zu sheet=%s\n", gw_table_kind(t), gw_table_rows(t),
           gw_table_sheet(t) ? gw_table_sheet(t) : "-");
    for (size_t r = 0; r < gw_table_rows(t); r++) {
        printf("%d", gw_table_row_number(t, r));
        for (size_t c = 0; c < gw_table_cols(t, r); c++) {
            putchar('\t');
            for (const char *p = gw_table_cell(t, r, c); *p; p++) {
                if (*p == '\n')
                    fputs("\\n", stdout);
                else if (*p == '\t')
                    fputs("\\t", stdout);
                else if (*p == '\\')
                    fputs("\\\\", stdout);
                else
                    putchar(*p);
            }
        }
        putchar('\n');
    }
    gw_table_free(t);
    return 0;
}

static void
test_col_names(void)
{
    char b[8];
    TAP_STREQ(gw_table_col_name(0, b), "A", "column 0 is A");
    TAP_STREQ(gw_table_col_name(25, b), "Z", "column 25 is Z");
    TAP_STREQ(gw_table_col_name(26, b), "AA", "column 26 is AA");
    TAP_STREQ(gw_table_col_name(51, b), "AZ", "column 51 is AZ");
    TAP_STREQ(gw_table_col_name(52, b), "BA", "column 52 is BA");
    TAP_STREQ(gw_table_col_name(199, b), "GR", "column 199 (the cap's last) is GR");
    TAP_STREQ(gw_table_col_name(701, b), "ZZ", "column 701 is ZZ");
    TAP_STREQ(gw_table_col_name(702, b), "AAA", "column 702 is AAA");
}

static void
test_utf8(void)
{
    gw_table *t = S_open("序号,报送单位,进度\n1,市科技局,40%\n", 0, GW_TABLE_AUTO);
    TAP_OK(t != NULL, "UTF-8 without BOM opens (%s)", err.msg);
    if (!t)
        return;
    TAP_STREQ(gw_table_kind(t), "csv (UTF-8)", "kind csv (UTF-8)");
    TAP_OK(gw_table_sheet(t) == NULL, "a CSV has no sheet name");
    TAP_OK(gw_table_rows(t) == 2, "two rows (got %zu)", gw_table_rows(t));
    TAP_OK(gw_table_cols(t, 0) == 3 && gw_table_cols(t, 1) == 3, "three columns");
    TAP_STREQ(gw_table_cell(t, 0, 1), "报送单位", "header cell B1");
    TAP_STREQ(gw_table_cell(t, 1, 2), "40%", "cell C2");
    TAP_STREQ(gw_table_cell(t, 1, 7), "", "a cell past the row is empty");
    TAP_STREQ(gw_table_cell(t, 9, 0), "", "a row past the table is empty");
    TAP_OK(gw_table_cols(t, 9) == 0, "a row past the table has no columns");
    gw_table_free(t);

    t = S_open("\xEF\xBB\xBF序号,报送单位\r\n1,市科技局\r\n", 0, GW_TABLE_AUTO);
    TAP_OK(t != NULL, "UTF-8 with BOM and CR LF opens (%s)", err.msg);
    if (!t)
        return;
    TAP_STREQ(gw_table_cell(t, 0, 0), "序号", "the BOM is not part of A1");
    TAP_STREQ(gw_table_cell(t, 1, 1), "市科技局", "no CR at the end of the last cell");
    TAP_OK(gw_table_rows(t) == 2, "CR LF: two rows");
    gw_table_free(t);

    t = S_open("\xEF\xBB\xBF序号\n", 0, GW_TABLE_UTF8);
    TAP_OK(t && strcmp(gw_table_cell(t, 0, 0), "序号") == 0, "forced UTF-8 skips the BOM too");
    gw_table_free(t);

    /* old Mac line ends */
    t = S_open("a,b\rc,d\r", 0, GW_TABLE_AUTO);
    TAP_OK(t && gw_table_rows(t) == 2 && strcmp(gw_table_cell(t, 1, 1), "d") == 0,
           "a lone CR ends a record");
    gw_table_free(t);
}

static void
test_quotes(void)
{
    gw_table *t = S_open("任务,说明,备注\r\n"
                         "1,\"甲,乙\",\"他说\"\"好\"\"\"\r\n"
                         "2,\"第一行\r\n第二行\n第三行\",x\r\n"
                         "3,\"\",\"a\"b\r\n"
                         "4,\"\"\"\",\"\"\r\n", 0, GW_TABLE_AUTO);
    TAP_OK(t != NULL, "quoted fields open (%s)", err.msg);
    if (!t)
        return;
    TAP_OK(gw_table_rows(t) == 5, "five records (got %zu)", gw_table_rows(t));
    TAP_STREQ(gw_table_cell(t, 1, 1), "甲,乙", "a quoted comma stays in the cell");
    TAP_STREQ(gw_table_cell(t, 1, 2), "他说\"好\"", "doubled quotes are one quote");
    TAP_STREQ(gw_table_cell(t, 2, 1), "第一行\n第二行\n第三行",
              "quoted line breaks stay, CR LF as LF");
    TAP_STREQ(gw_table_cell(t, 2, 2), "x", "the cell after the line breaks");
    TAP_STREQ(gw_table_cell(t, 3, 0), "3", "the record after the quoted line breaks");
    TAP_OK(gw_table_row_number(t, 3) == 4,
           "its row number is the record's (4), not its line (6): %d",
           gw_table_row_number(t, 3));
    TAP_OK(gw_table_row_number(t, 0) == 1, "the header is row 1");
    TAP_STREQ(gw_table_cell(t, 3, 1), "", "\"\" is an empty cell");
    TAP_STREQ(gw_table_cell(t, 3, 2), "ab", "text after a closing quote is appended");
    TAP_STREQ(gw_table_cell(t, 4, 1), "\"", "\"\"\"\" is one quote");
    TAP_OK(gw_table_cols(t, 4) == 2, "a trailing empty cell is not counted (got %zu)",
           gw_table_cols(t, 4));
    gw_table_free(t);

    t = S_open("a,b\"c,d\n", 0, GW_TABLE_AUTO);
    TAP_OK(t && strcmp(gw_table_cell(t, 0, 1), "b\"c") == 0,
           "a quote inside an unquoted field is a character");
    gw_table_free(t);
}

static void
test_empty_rows(void)
{
    gw_table *t = S_open("h1,h2\n\n,\nx,y\n\n\r\n,,\n\n", 0, GW_TABLE_AUTO);
    TAP_OK(t != NULL, "empty lines open (%s)", err.msg);
    if (!t)
        return;
    TAP_OK(gw_table_rows(t) == 4, "empty rows in the middle stay, trailing ones go (got %zu)",
           gw_table_rows(t));
    TAP_OK(gw_table_cols(t, 1) == 0 && gw_table_cols(t, 2) == 0, "middle rows are empty");
    TAP_STREQ(gw_table_cell(t, 3, 1), "y", "the row after them");
    TAP_OK(gw_table_row_number(t, 3) == 4, "... is row 4");
    gw_table_free(t);

    t = S_open("", 0, GW_TABLE_AUTO);
    TAP_OK(t && gw_table_rows(t) == 0, "an empty file is a table of no rows");
    gw_table_free(t);

    t = S_open("a", 0, GW_TABLE_AUTO);
    TAP_OK(t && gw_table_rows(t) == 1 && strcmp(gw_table_cell(t, 0, 0), "a") == 0,
           "no line break at the end");
    gw_table_free(t);
}

static void
test_gb18030(void)
{
    /* 报送单位,完成时限 / 市科技局,2018-03-15 in GB18030 (iconv -t GB18030) */
    static const char gb[] =
        "\xB1\xA8\xCB\xCD\xB5\xA5\xCE\xBB,\xCD\xEA\xB3\xC9\xCA\xB1\xCF\xDE\r\n"
        "\xCA\xD0\xBF\xC6\xBC\xBC\xBE\xD6,2018-03-15\r\n"
        "\"\xBC\xD7,\xD2\xD2\",\"\xB5\xDA\xD2\xBB\r\n\xB5\xDA\xB6\xFE\"\r\n";
    gw_table *t = S_open(gb, sizeof gb - 1, GW_TABLE_AUTO);
    TAP_OK(t != NULL, "GB18030 opens (%s)", err.msg);
    if (!t)
        return;
    TAP_STREQ(gw_table_kind(t), "csv (GB18030)", "detected: not UTF-8, so GB18030");
    TAP_STREQ(gw_table_cell(t, 0, 0), "报送单位", "A1 converted to UTF-8");
    TAP_STREQ(gw_table_cell(t, 0, 1), "完成时限", "B1 converted");
    TAP_STREQ(gw_table_cell(t, 1, 0), "市科技局", "A2 converted");
    TAP_STREQ(gw_table_cell(t, 1, 1), "2018-03-15", "ASCII B2 as it is");
    TAP_STREQ(gw_table_cell(t, 2, 0), "甲,乙", "a quoted comma in GB18030");
    TAP_STREQ(gw_table_cell(t, 2, 1), "第一\n第二", "a quoted line break in GB18030");
    gw_table_free(t);

    t = S_open(gb, sizeof gb - 1, GW_TABLE_GB18030);
    TAP_OK(t && strcmp(gw_table_cell(t, 0, 0), "报送单位") == 0, "forced GB18030");
    gw_table_free(t);

    /* GB18030's own BOM (U+FEFF = 84 31 95 33) */
    t = S_open("\x84\x31\x95\x33\xB1\xA8\xCB\xCD\n", 8 + 1, GW_TABLE_GB18030);
    TAP_OK(t && strcmp(gw_table_cell(t, 0, 0), "报送") == 0, "GB18030 BOM skipped");
    gw_table_free(t);

    /* ASCII only is valid UTF-8; forcing says otherwise */
    t = S_open("a,b\n", 0, GW_TABLE_GB18030);
    TAP_STREQ(t ? gw_table_kind(t) : "", "csv (GB18030)", "forced GB18030 on ASCII");
    gw_table_free(t);

    /* the UTF-8 bytes of 任务 read as GB18030 are 浠诲姟: the argument wins */
    t = S_open("任务\n", 0, GW_TABLE_GB18030);
    TAP_STREQ(t ? gw_table_cell(t, 0, 0) : "", "浠诲姟", "forced GB18030 on UTF-8 bytes");
    gw_table_free(t);

    TAP_STREQ(S_fail(gb, sizeof gb - 1, GW_TABLE_UTF8),
              "F:1:A: invalid UTF-8 (byte 0xB1)", "forced UTF-8 on GB18030: FILE:ROW:COL");
}

static void
test_errors(void)
{
    gw_table *t;
    char big[40000];

    TAP_STREQ(S_fail("a,b\n1,\"open\n2,3\n4,5\n", 0, GW_TABLE_AUTO),
              "F:2:B: the quote that opens this cell is never closed",
              "unclosed quote: the row and column where it starts");
    TAP_STREQ(S_fail("a,b\n\"x\ny\",\"z\n", 0, GW_TABLE_AUTO),
              "F:2:B: the quote that opens this cell is never closed",
              "unclosed quote after a quoted line break: the record's row");
    TAP_STREQ(S_fail("a,b\nc,d\0e\n", 10, GW_TABLE_AUTO),
              "F:2:B: a NUL byte (U+0000) in the cell", "NUL in a cell");
    TAP_STREQ(S_fail("a,b\nc,d\x1b[0m\n", 0, GW_TABLE_AUTO),
              "F:2:B: the control character U+001B in the cell", "ESC in a cell");
    TAP_STREQ(S_fail("a\n\xB1\xA8,\x81\x20\n", 0, GW_TABLE_AUTO),
              "F:2:B: byte 0x81 is neither UTF-8 nor GB18030",
              "a byte that is neither encoding: FILE:ROW:COL");
    TAP_STREQ(S_fail("a\nb\n\xB1\xA8\xFF\n", 0, GW_TABLE_GB18030),
              "F:3:A: byte 0xFF is not GB18030", "forced GB18030: a bad byte");
    TAP_STREQ(S_fail("a\n\xB1\xA8,\xB1\n", 0, GW_TABLE_GB18030),
              "F:2:B: byte 0xB1 is not GB18030", "a GB18030 character cut short");
    /* UTF-8 with many Chinese characters and one damaged byte: UTF-8, not
     * GB18030 nonsense */
    TAP_STREQ(S_fail("序号,报送单位,完成时限\n1,市科技局,2018年\xFF月\n", 0, GW_TABLE_AUTO),
              "F:2:C: invalid UTF-8 (byte 0xFF)", "UTF-8 with a damaged byte stays UTF-8");
    TAP_STREQ(S_fail("\xEF\xBB\xBF" "a\n\xB1\xA8\n", 0, GW_TABLE_AUTO),
              "F:2:A: invalid UTF-8 (byte 0xB1)", "a UTF-8 BOM means UTF-8");
    TAP_STREQ(S_fail("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12, GW_TABLE_AUTO),
              "F: an old .xls workbook or a password-protected one; save it as .xlsx "
              "(without a password) or as CSV", "an old .xls is named");

    TAP_STREQ(S_fail("\xFF\xFE" "a\0,\0b\0", 8, GW_TABLE_AUTO),
              "F: a UTF-16 file; save the form as CSV (UTF-8 or the default) or .xlsx",
              "UTF-16 (Excel's \"Unicode text\") is named");
    TAP_OK(gw_table_open(TMP, 7, &t, &err) == GW_EUSAGE, "an unknown encoding is GW_EUSAGE");

    memset(&err, 0, sizeof err);
    t = NULL;
    TAP_OK(gw_table_open("/nonexistent/form.csv", GW_TABLE_AUTO, &t, &err) == GW_EIO && !t,
           "a missing file is GW_EIO");
    TAP_OK(strstr(err.msg, "/nonexistent/form.csv: cannot open") != NULL, "... naming it: %s",
           err.msg);

    /* the cell cap at its edge */
    memset(big, 'x', GW_TABLE_MAX_CELL);
    strcpy(big + GW_TABLE_MAX_CELL, "\n");
    t = S_open(big, 0, GW_TABLE_AUTO);
    TAP_OK(t && strlen(gw_table_cell(t, 0, 0)) == GW_TABLE_MAX_CELL, "a cell at the cap opens");
    gw_table_free(t);
    strcpy(big + GW_TABLE_MAX_CELL, "y\n");
    TAP_STREQ(S_fail(big, 0, GW_TABLE_AUTO),
              "F:1:A: cell longer than the cap of 32767 characters (32768)",
              "a cell over the cap");
    /* characters, not bytes: 32767 × 报 is 98301 bytes */
    {
        gw_buf b;
        gw_buf_init(&b);
        gw_buf_puts(&b, "a,");
        for (int i = 0; i < GW_TABLE_MAX_CELL; i++)
            gw_buf_puts(&b, "报");
        t = S_open(b.ptr, b.len, GW_TABLE_AUTO);
        TAP_OK(t && gw_table_cols(t, 0) == 2, "the cell cap counts characters (%s)", err.msg);
        gw_table_free(t);
        gw_buf_free(&b);
    }
}

static void
test_caps(void)
{
    gw_buf b;
    gw_table *t;

    /* columns: 200 non-empty ones and any number of empty ones after */
    gw_buf_init(&b);
    for (int i = 0; i < GW_TABLE_MAX_COLS; i++)
        gw_buf_printf(&b, "%s%d", i ? "," : "", i);
    gw_buf_puts(&b, ",,,,,,,,,,\n");
    t = S_open(b.ptr, b.len, GW_TABLE_AUTO);
    TAP_OK(t && gw_table_cols(t, 0) == GW_TABLE_MAX_COLS, "200 columns open (%s)", err.msg);
    TAP_STREQ(t ? gw_table_cell(t, 0, 199) : "", "199", "cell GR1");
    gw_table_free(t);
    b.len -= 1;
    gw_buf_puts(&b, "x\n");
    TAP_STREQ(S_fail(b.ptr, b.len, GW_TABLE_AUTO), "F:1:HB: more than the cap of 200 columns",
              "a non-empty column 201+ is refused, naming it");

    /* rows: 100 000 and empty lines after them; one more is refused */
    gw_buf_clear(&b);
    for (int i = 0; i < GW_TABLE_MAX_ROWS; i++)
        gw_buf_printf(&b, "%d\n", i + 1);
    gw_buf_puts(&b, "\n\n\n");
    t = S_open(b.ptr, b.len, GW_TABLE_AUTO);
    TAP_OK(t && gw_table_rows(t) == GW_TABLE_MAX_ROWS, "100 000 rows open (%s)", err.msg);
    TAP_STREQ(t ? gw_table_cell(t, GW_TABLE_MAX_ROWS - 1, 0) : "", "100000", "the last row");
    gw_table_free(t);
    gw_buf_puts(&b, "x\n");
    TAP_STREQ(S_fail(b.ptr, b.len, GW_TABLE_AUTO), "F:100004: more than the cap of 100000 rows",
              "a non-empty row past the cap is refused, naming it");
    gw_buf_free(&b);
}

static void
test_speed(void)
{
    gw_buf b;
    gw_table *t;
    struct timespec t0, t1;
    double s;

    gw_buf_init(&b);
    gw_buf_puts(&b, "序号,报送单位,任务,完成时限,进度,说明\r\n");
    for (int i = 1; i <= 10000; i++)
        gw_buf_printf(&b, "%d,市科技局,\"推进第%d项任务，完善配套政策\",2018-03-15,%d%%,"
                      "\"按期推进\r\n已完成阶段目标\"\r\n", i, i, i % 100);
    S_write(b.ptr, b.len);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    memset(&err, 0, sizeof err);
    t = NULL;
    gw_table_open(TMP, GW_TABLE_AUTO, &t, &err);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    TAP_OK(t && gw_table_rows(t) == 10001, "a 10 000-row CSV opens (%s)", err.msg);
    TAP_STREQ(t ? gw_table_cell(t, 10000, 2) : "", "推进第10000项任务，完善配套政策",
              "its last row");
    TAP_OK(s < 1.0, "in under a second (%.3f s)", s);
    gw_table_free(t);
    gw_buf_free(&b);
}

int
main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "--dump") == 0)
        return S_dump(argv[2], argc >= 4 ? argv[3] : NULL);
    snprintf(TMP, sizeof TMP, "/tmp/unit_table.%ld.csv", (long)getpid());
    test_col_names();
    test_utf8();
    test_quotes();
    test_empty_rows();
    test_gb18030();
    test_errors();
    test_caps();
    test_speed();
    unlink(TMP);
    return TAP_DONE();
}
