/* pieces.h — a document kind's XML cut into pieces (docs/fo-subset.md, "A
 * document in pieces"): what each piece of the notice or of a long sheet
 * holds, the copy of the XML its XSLT run reads, and the template
 * parameters that say which piece it is.  kinds.c runs each piece through
 * the pipeline; the templates (notice.xsl, sheet.xsl) know the parameters. */
#ifndef GW_PIECES_H
#define GW_PIECES_H

#include "gw.h"
#include "plan.h"

/* The size of a piece: GONGWEN_PIECE_ITEMS, else GW_PIECE_ITEMS (a bad
 * value is warned about and the default used); 0: every document whole. */
#define GW_PIECE_ITEMS 250
size_t gw_piece_items(void);

/* How a document is cut.  Opaque. */
typedef struct gw_cut gw_cut;

/* The notice's cut into pieces of per items (per ≥ 1): the notice and
 * the start of 附件1 first, then 附件1's headings, tasks and requirements,
 * then 附件2's rows (none when no_table, the record's table = 0 or a plan
 * without tasks).  xml is notice XML of plan, its tasks bare or not
 * (gw_xml_notice_bare): a piece's tasks are filled from plan when the
 * piece is made, so the whole plan's XML need never exist.  xml and plan
 * are borrowed for the cut's life.  *out: caller frees with gw_cut_free.
 * GW_EDEP when an item has no xml:id. */
int gw_cut_notice(gw_xml_doc xml, const gw_plan *plan, int no_table, size_t per, gw_cut **out,
                  gw_err *err);

/* Fills a bare task element from the record (gw_sheet_fill_task). */
typedef void (*gw_cut_fill_fn)(const gw_plan *plan, gw_xml_node task);

/* A sheet's cut into pieces of per tasks (per ≥ 1): its 任务一览 rows,
 * then its lead tasks, then its responsible tasks.  xml is a <unit-sheet>
 * or a booklet part holding one, borrowed for the cut's life; fill (with
 * plan; NULL: none) fills the bare tasks of a piece's copy.  NULL (typeset
 * whole) when the sheet has at most per tasks; else caller frees with
 * gw_cut_free. */
gw_cut *gw_cut_sheet(gw_xml_doc xml, size_t per, gw_cut_fill_fn fill, const gw_plan *plan);

/* The number of pieces (at least 1). */
size_t gw_cut_count(const gw_cut *c);

/* Piece k (< gw_cut_count): *in the XML its run reads, a new document the
 * caller frees (NULL: the whole xml), and *params the template's
 * parameters, name, value, ..., NULL (at most GW_CUT_MAX_PARAMS pairs;
 * borrowed until the next call or gw_cut_free). */
#define GW_CUT_MAX_PARAMS 7
void gw_cut_piece(gw_cut *c, size_t k, gw_xml_doc *in, const char *const **params);

void gw_cut_free(gw_cut *c);

#endif
