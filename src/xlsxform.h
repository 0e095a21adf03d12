/* xlsxform.h — the blank forms the office sends the units, as .xlsx
 * (libxlsxwriter; the only module that includes xlsxwriter.h).  A form is
 * one sheet of rows under a frozen header, printed on A4 landscape, with a
 * second sheet of instructions. */
#ifndef GW_XLSXFORM_H
#define GW_XLSXFORM_H

#include "gw.h"

/* What a column holds, for its format and its validation. */
enum {
    GW_FORM_TEXT,       /* filled in by gongwen, read-only in spirit */
    GW_FORM_WRAP,       /* free text the unit writes, wrapped */
    GW_FORM_PERCENT,    /* a whole number 0..100 (validated) */
    GW_FORM_STATUS,     /* 未启动 / 推进中 / 已完成 (a drop-down list) */
    GW_FORM_DATE        /* a date cell, yyyy-mm-dd */
};

typedef struct gw_form_col {
    const char *header;
    double      width;      /* in characters, as Excel counts them */
    int         kind;       /* GW_FORM_* */
} gw_form_col;

typedef struct gw_form {
    const char        *sheet;       /* the name of the form's sheet */
    const char        *title;       /* printed as the page header */
    const gw_form_col *cols;
    size_t             ncols;
    const char *const *cells;       /* nrows × ncols, row by row; "" for empty */
    size_t             nrows;
    const char *const *notes;       /* the instructions sheet, a line each */
    size_t             nnotes;
} gw_form;

/* Writes form f as an .xlsx workbook to path (through gw_file_write_atomic:
 * built in a private temporary directory, then written in one piece).
 * 0, or GW_EIO / GW_EDEP (libxlsxwriter failed) with err naming path. */
int gw_form_write_xlsx(const gw_form *f, const char *path, gw_err *err);

#endif
