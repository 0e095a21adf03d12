/* sheets-imp.h — between the sheet kind (sheets.c: who gets a sheet, its
 * <unit-sheet> XML and the booklet's) and the run that writes them
 * (sheets_run.c: files, the pipeline, workers).  Not for other modules. */
#ifndef GW_SHEETS_IMP_H
#define GW_SHEETS_IMP_H

#include "sheets.h"

typedef struct gw_sheet_index gw_sheet_index;
typedef struct gw_sheet_rcpt gw_sheet_rcpt;

/* Works out every recipient of the plan and its tasks in one pass, after
 * checking the plan's metadata (gw_meta_check_plan).  *out is freed with
 * gw_sheet_index_free.  0, or GW_EINPUT naming the cap or key. */
int  gw_sheet_index_new(const gw_plan *plan, gw_sheet_index **out, gw_err *err);
void gw_sheet_index_free(gw_sheet_index *ix);

/* The recipients units[0..nunits) select (all when nunits is 0), in
 * directory order without duplicates: *out is a new array of borrowed
 * recipients the caller frees with free().  GW_EINPUT for an unknown name. */
int  gw_sheet_select(gw_sheet_index *ix, const gw_plan *plan, const char *const *units,
                     size_t nunits, const gw_sheet_rcpt ***out, size_t *nout, gw_err *err);

/* A recipient's unit (borrowed from the plan) and its 1-based number. */
const gw_unit *gw_sheet_rcpt_unit(const gw_sheet_rcpt *r);
int  gw_sheet_rcpt_no(const gw_sheet_rcpt *r);
/* The number of tasks on r's sheet (led and supported). */
size_t gw_sheet_rcpt_tasks(const gw_sheet_rcpt *r);

/* The <unit-sheet> of r and the <sheet-booklet> of sel: new documents the
 * caller frees with xmlFreeDoc.  cover_only: each <unit-sheet> with its
 * recipient and task counts but no tasks, requirements or reporting dates
 * (what the booklet's cover lists, without the whole booklet's XML).
 * bare: a sheet that will be typeset in pieces (more than gw_piece_items()
 * tasks) gets bare tasks, <task no role via/>, which gw_kind_pdf fills
 * piece by piece (gw_sheet_fill_task); only for a PDF typeset by parts. */
gw_xml_doc gw_sheet_doc(const gw_plan *plan, const gw_sheet_index *ix, const gw_sheet_rcpt *r,
                        int bare);
gw_xml_doc gw_booklet_doc(const gw_plan *plan, const gw_sheet_index *ix,
                          const gw_sheet_rcpt *const *sel, size_t nsel, int cover_only, int bare);

#endif
