/* kinds.h — the document kinds side by side and the one pipeline they all
 * go through: the plan → intermediate XML (one builder per kind: notice.c,
 * sheets.c, report.c) → XSLT (templates/<kind>.xsl, sandboxed) → XSL-FO → the
 * typesetter → PDF.  A new kind is a builder and a template plus one row of
 * the table in kinds.c; the commands (cli_doc.c) and the sheet workers
 * (sheets.c) call these functions and nothing below them. */
#ifndef GW_KINDS_H
#define GW_KINDS_H

#include "gw.h"
#include "plan.h"
#include "render.h"
#include "store.h"

/* What a kind may take besides the plan. */
typedef struct gw_kind_opts {
    const char *unit;       /* sheet: the recipient (name, short name, alias) */
    int         no_table;   /* notice: leave out 附件2 whatever the record says */
    int         bare_tasks; /* notice: tasks bare (gw_xml_notice_bare), for
                             * gw_kind_pdf, which fills them when needed */
    /* report: the quarter and what the record layer computed for it (the
     * builders never query the store; the command does: cli_supervision.c) */
    const char            *quarter;   /* 2017Q4 */
    const gw_status       *status;    /* every task's status in quarter */
    const gw_status       *prev;      /* the quarter before, NULL: not counted */
    const gw_lead_reports *reports;   /* the leads' 进展情况 and 存在问题 */
    /* the quarters with reports up to quarter, oldest first (图3) */
    const gw_status *const *trend;
    const char *const      *trend_q;  /* their names, 2017Q3 */
    size_t                  ntrend;
} gw_kind_opts;

/* 1 when name is a document kind whose XML can be built ("notice", "plan"
 * (its XML), "sheet", "report" (with the quarter's numbers in the
 * options)); 0 otherwise. */
int gw_kind_known(const char *name);

/* Builds the intermediate XML of kind from plan.  *out is a new document
 * the caller frees with xmlFreeDoc.  GW_EUSAGE for an unknown kind or a
 * sheet without a unit or a report without a quarter; the builder's GW_EINPUT (naming the metadata key,
 * the unit) otherwise. */
int gw_kind_xml(const char *kind, const gw_plan *plan, const gw_kind_opts *o,
                gw_xml_doc *out, gw_err *err);

/* Applies templates/<template of kind>.xsl to xml: *out is the XSL-FO, a new
 * document the caller frees with xmlFreeDoc.  kind may also be "booklet"
 * (the XML comes from the sheet run).  GW_EUSAGE for a kind with no
 * template ("plan"), else gw_xslt_apply's errors. */
int gw_kind_fo(const char *kind, gw_xml_doc xml, const gw_kind_opts *o, gw_xml_doc *out,
               gw_err *err);

/* xml of kind → the Word document at path: templates/<tmpl>-docx.xsl into
 * a package, zipped by docx.c (written by the one output function).  The
 * notice, the sheet and the report have one; GW_EUSAGE for the others. */
int gw_kind_docx(const char *kind, gw_xml_doc xml, const gw_kind_opts *o, const char *path,
                 gw_err *err);

/* XSLT and typesetting: *xml of kind → the PDF at path (written by the one
 * output function: atomically, never over the open database).  Takes *xml
 * (sets it to NULL): it is freed as soon as the FO is made, so that its
 * memory serves the layout; when the layout has to be redone (a notice or
 * report whose table leaves a blank page), the XML is built again from
 * plan and o.  name stands
 * for the FO in messages; fonts may be NULL (a fontset of its own) or one
 * shared by a run.  When the failure is about a character of the plan (a
 * glyph no font has), the message names where it is in plan (may be NULL).
 * 0, or an error with err set and no file at path changed. */
int gw_kind_pdf(const char *kind, gw_xml_doc *xml, const gw_kind_opts *o, const gw_plan *plan,
                const char *name, const char *path, gw_fontset *fonts, gw_err *err);

/* A document typeset part by part into one PDF at path, so that memory
 * holds one part at a time (the booklet: part 0 is the cover, parts
 * 1..nparts-1 the sheets).  xml_of(ctx, k, first, &xml) builds the XML of
 * part k (the caller of xml_of frees it; a builder's error is passed on);
 * for part 0, first is NULL or first[1..nparts-1], the page numbers the
 * other parts start on, for its list.  Each part is typeset as
 * templates/<kind>.xsl with gw-part ('cover' or 'sheet') and gw-first-page
 * (the number of its first page); its pages are numbered on from the part
 * before.  Every part is laid out once (the fonts are subset at the end),
 * the cover twice.  0, or an error as gw_kind_pdf. */
typedef int (*gw_kind_part_fn)(void *ctx, size_t k, const size_t *first, gw_xml_doc *out,
                               gw_err *err);
int gw_kind_pdf_parts(const char *kind, size_t nparts, gw_kind_part_fn xml_of, void *ctx,
                      const gw_plan *plan, const char *name, const char *path,
                      gw_fontset *fonts, gw_err *err);

#endif
