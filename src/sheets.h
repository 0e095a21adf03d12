/* sheets.h — the task sheet (交办单 / 责任清单) of every unit and the booklet. */
#ifndef GW_SHEETS_H
#define GW_SHEETS_H

#include "gw.h"
#include "plan.h"

/* Builds the intermediate XML (<unit-sheet>) of the sheet addressed to
 * `unit` (a canonical name or alias; a member of a group gets the group's
 * tasks).  *out is a new document the caller frees with xmlFreeDoc.
 * GW_EINPUT when the unit is unknown or has no tasks. */
int gw_sheet_xml(const gw_plan *plan, const char *unit, gw_xml_doc *out, gw_err *err);

/* Writes one PDF per recipient into dir (NN-单位名.pdf, names made safe) and
 * the booklet booklet_path (NULL = none).  units[0..nunits) restricts the
 * recipients (nunits = 0: everybody).  Progress on stderr unless quiet.
 * 0, or an error with err set. */
int gw_sheets_write(const gw_plan *plan, const char *dir, const char *booklet_path,
                    const char *const *units, size_t nunits, gw_err *err);

/* The same recipients as Word documents (NN-单位名.docx) in dir, one after
 * the other (no booklet).  0, or an error with err set. */
int gw_sheets_write_docx(const gw_plan *plan, const char *dir, const char *const *units,
                         size_t nunits, gw_err *err);

/* Fills a bare <task> of a sheet's XML (gw_sheet_doc with bare) from the
 * record's task of its number, for the recipient of its <unit-sheet>; a
 * task that holds anything is left as it is. */
void gw_sheet_fill_task(const gw_plan *plan, gw_xml_node task);

#endif
