/* table.h — tabular input: the forms offices fill in (milestones, progress)
 * read as a grid of UTF-8 strings, from CSV or from the first sheet of an
 * .xlsx workbook.  The only module that includes zip.h.
 *
 * Rows and columns count from 0 here; row r is the row a spreadsheet shows
 * as r + 1 (the header is row 1), also for a CSV whose quoted cells hold
 * line breaks (the record's index, not its physical line) and for an .xlsx
 * with empty rows in the middle (they stay, empty).  Trailing empty rows
 * and trailing empty cells of a row are not counted.
 *
 * Every cell has passed gw_text_bad (LF and TAB allowed; line breaks are
 * stored as LF, a CR LF or lone CR becoming LF) and the caps below; what it
 * holds is otherwise the text as the file has it: nothing is trimmed, and
 * the apostrophe of `export csv` (gw_csv_unguard) is left to the importer. */
#ifndef GW_TABLE_H
#define GW_TABLE_H

#include "gw.h"

/* Caps on one form, each named in the message that refuses it. */
#define GW_TABLE_MAX_FILE  67108864     /* bytes of the file itself (64 MiB) */
#define GW_TABLE_MAX_PART  67108864     /* bytes of one .xlsx part uncompressed */
#define GW_TABLE_MAX_ROWS  100000       /* rows, the header included */
#define GW_TABLE_MAX_COLS  200          /* columns (A..GR) */
#define GW_TABLE_MAX_CELL  32767        /* characters in one cell (Excel's own) */
#define GW_TABLE_MAX_STRINGS 1000000    /* entries of an .xlsx shared-string table */

typedef struct gw_table gw_table;

/* The encoding of a CSV file (an .xlsx is always read as what it says). */
enum {
    GW_TABLE_AUTO = 0,      /* UTF-8 if the bytes are valid UTF-8 (or start
                             * with its byte-order mark), else GB18030 */
    GW_TABLE_UTF8,
    GW_TABLE_GB18030        /* also GBK and GB2312, its subsets */
};

/* Reads the form at path ("-": standard input, named <stdin> in messages).
 * The kind is taken from the content: a zip archive (PK\3\4) is an .xlsx
 * workbook, whose first sheet is read; anything else is CSV (RFC 4180,
 * CR LF or LF, a UTF-8 byte-order mark skipped) in `encoding`, one of
 * GW_TABLE_*.  .xlsx cells come back as a person reads them: numbers in
 * their shortest form (15 significant digits, no ".0"), percentages with
 * %, dates as YYYY-MM-DD (with " HH:MM" when the format shows a time of
 * day that is not midnight), booleans as TRUE/FALSE.
 * On success *out is a new table the caller frees with gw_table_free.
 * Returns 0, GW_EIO (cannot open or read), GW_EINPUT (bad bytes, an
 * unclosed quote, a control character, a cap, a damaged workbook: err says
 * FILE:ROW:COL with COL as a letter, or FILE: PART for the workbook's
 * structure), GW_EDEP (ICU or libxml2 failed) or GW_EUSAGE (encoding is
 * none of GW_TABLE_*), *out untouched. */
int gw_table_open(const char *path, int encoding, gw_table **out, gw_err *err);

void gw_table_free(gw_table *t);

/* Rows up to the last one with a non-empty cell, the header included. */
size_t gw_table_rows(const gw_table *t);

/* Cells of row `row` up to its last non-empty one; 0 for an empty row or
 * a row past the end. */
size_t gw_table_cols(const gw_table *t, size_t row);

/* The text of a cell, UTF-8: "" when it is empty or past the end of the
 * row or table.  Borrowed, valid until gw_table_free. */
const char *gw_table_cell(const gw_table *t, size_t row, size_t col);

/* The number a spreadsheet shows for row `row`: row + 1. */
int gw_table_row_number(const gw_table *t, size_t row);

/* What was read, for messages: "csv (UTF-8)", "csv (GB18030)" or "xlsx".
 * Static string. */
const char *gw_table_kind(const gw_table *t);

/* The name of the sheet an .xlsx table came from; NULL for CSV.  Borrowed,
 * valid until gw_table_free. */
const char *gw_table_sheet(const gw_table *t);

/* The SHA-256 of the file's bytes as read, 64 lowercase hex digits (the
 * record keeps it with an import).  Borrowed, valid until gw_table_free. */
const char *gw_table_sha256(const gw_table *t);

/* The column letters a spreadsheet shows for column col (0: "A", 25: "Z",
 * 26: "AA") into buf (at least 8 bytes); returns buf. */
const char *gw_table_col_name(size_t col, char buf[8]);

#endif
