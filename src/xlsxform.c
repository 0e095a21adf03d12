/* xlsxform.c — blank forms as .xlsx with libxlsxwriter (xlsxform.h). */
#include "xlsxform.h"

#include <xlsxwriter.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The row count a form validates: the rows gongwen filled in, and room for
 * a few the unit adds. */
#define S_SPARE_ROWS 20

static char *S_status_list[] = {"未启动", "推进中", "已完成", NULL};

static void
S_validate(lxw_worksheet *ws, lxw_row_t last, lxw_col_t c, int kind)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.ignore_blank = LXW_VALIDATION_ON;
    v.show_error = LXW_VALIDATION_ON;
    v.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    if (kind == GW_FORM_PERCENT) {
        v.validate = LXW_VALIDATION_TYPE_INTEGER;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = 0;
        v.maximum_number = 100;
        v.error_title = "完成进度";
        v.error_message = "请填写0至100之间的整数。";
    } else if (kind == GW_FORM_STATUS) {
        v.validate = LXW_VALIDATION_TYPE_LIST;
        v.value_list = S_status_list;
        v.error_title = "状态";
        v.error_message = "请从下拉列表中选择：未启动、推进中或已完成。";
    } else if (kind == GW_FORM_DATE) {
        v.validate = LXW_VALIDATION_TYPE_DATE;
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_datetime = (lxw_datetime){2000, 1, 1, 0, 0, 0};
        v.maximum_datetime = (lxw_datetime){2999, 12, 31, 0, 0, 0};
        v.error_title = "报送日期";
        v.error_message = "请填写日期，例如2018-01-05。";
    } else {
        return;
    }
    worksheet_data_validation_range(ws, 1, c, last, c, &v);
}

/* Builds the workbook at tmp. */
static int
S_build(const gw_form *f, const char *tmp, gw_err *err)
{
    lxw_workbook *wb = workbook_new(tmp);
    lxw_worksheet *ws, *notes;
    lxw_format *head, *text, *wrap, *date;
    lxw_row_t last = (lxw_row_t)(f->nrows + S_SPARE_ROWS);
    lxw_error e;

    if (!wb)
        return gw_err_set(err, GW_EDEP, "libxlsxwriter: cannot start a workbook");
    ws = workbook_add_worksheet(wb, f->sheet);
    notes = workbook_add_worksheet(wb, "填表说明");
    head = workbook_add_format(wb);
    format_set_bold(head);
    format_set_text_wrap(head);
    format_set_align(head, LXW_ALIGN_CENTER);
    format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(head, LXW_BORDER_THIN);
    format_set_bg_color(head, 0xDDDDDD);
    text = workbook_add_format(wb);
    format_set_text_wrap(text);
    format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(text, LXW_BORDER_THIN);
    wrap = workbook_add_format(wb);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(wrap, LXW_BORDER_THIN);
    format_set_unlocked(wrap);
    date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    format_set_align(date, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(date, LXW_BORDER_THIN);

    /* A4 landscape, the header repeated and frozen, one page wide */
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
    worksheet_repeat_rows(ws, 0, 0);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_header(ws, f->title);
    worksheet_set_row(ws, 0, 30, NULL);
    for (size_t c = 0; c < f->ncols; c++) {
        const gw_form_col *col = &f->cols[c];
        lxw_format *fmt = col->kind == GW_FORM_TEXT ? text :
                          col->kind == GW_FORM_DATE ? date : wrap;
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, col->width, fmt);
        worksheet_write_string(ws, 0, (lxw_col_t)c, col->header, head);
        S_validate(ws, last, (lxw_col_t)c, col->kind);
        for (size_t r = 0; r < f->nrows; r++) {
            const char *v = f->cells[r * f->ncols + c];
            /* room to write three lines by hand on the printed form */
            if (c == 0)
                worksheet_set_row(ws, (lxw_row_t)(r + 1), 48, NULL);
            if (v && *v)
                worksheet_write_string(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, v, fmt);
            else
                worksheet_write_blank(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, fmt);
        }
    }
    worksheet_set_column(notes, 0, 0, 100, wrap);
    for (size_t i = 0; i < f->nnotes; i++)
        worksheet_write_string(notes, (lxw_row_t)i, 0, f->notes[i], NULL);
    worksheet_activate(ws);
    e = workbook_close(wb);
    if (e != LXW_NO_ERROR)
        return gw_err_set(err, GW_EDEP, "libxlsxwriter: %s", lxw_strerror(e));
    return 0;
}

int
gw_form_write_xlsx(const gw_form *f, const char *path, gw_err *err)
{
    const char *td = getenv("TMPDIR");
    char dir[PATH_MAX], tmp[PATH_MAX + 16];
    gw_buf bytes;
    int rc;

    gw_buf_init(&bytes);
    /* libxlsxwriter 1.1 writes only to a named file: it goes into a private
     * directory, and from there through the one output function */
    snprintf(dir, sizeof dir, "%s/gongwen-form.XXXXXX", td && *td ? td : "/tmp");
    if (!mkdtemp(dir))
        return gw_err_set(err, GW_EIO, "%s: cannot make a temporary directory", path);
    snprintf(tmp, sizeof tmp, "%s/form.xlsx", dir);
    if ((rc = S_build(f, tmp, err)) < 0 ||
        (rc = gw_file_read(tmp, (size_t)1 << 30, &bytes, err)) < 0 ||
        (rc = gw_file_write_atomic(path, bytes.ptr, bytes.len, err)) < 0)
        goto out;
out:
    unlink(tmp);
    rmdir(dir);
    gw_buf_free(&bytes);
    if (rc < 0 && !strstr(err->msg, path))
        gw_err_prefix(err, "%s", path);
    return rc;
}
