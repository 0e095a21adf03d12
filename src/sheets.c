/* sheets.c — placeholder until the task sheets land. */
#include "sheets.h"

int
gw_sheet_xml(const gw_plan *plan, const char *unit, gw_xml_doc *out, gw_err *err)
{
    (void)plan;
    *out = NULL;
    return gw_err_set(err, GW_EINPUT, "sheet for %s: task sheets are not implemented yet", unit);
}

int
gw_sheets_write(const gw_plan *plan, const char *dir, const char *booklet_path,
                const char *const *units, size_t nunits, gw_err *err)
{
    (void)plan; (void)dir; (void)booklet_path; (void)units; (void)nunits; (void)err;
    gw_warnf("task sheets are not implemented yet");
    return 0;
}
