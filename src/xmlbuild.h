/* xmlbuild.h — the intermediate XML of the document kinds, built as libxml2
 * trees, never pasted together as text: the notice's <plan>
 * (data/plan.rng, notice.c), and what every builder shares (xmlbuild.c).
 * The templates turn it into XSL-FO (xslt.h, kinds.h). */
#ifndef GW_XMLBUILD_H
#define GW_XMLBUILD_H

#include "gw.h"
#include "plan.h"
#include "store.h"

/* Section nesting deeper than this is refused (the templates walk sections
 * with apply-templates). */
#define GW_XML_MAX_LEVEL 8

/* Builds <plan> with the notice metadata (`gongwen xml notice`).  *out is a
 * new document the caller frees with xmlFreeDoc.  GW_EINPUT, naming the key,
 * when the record lacks what a notice needs (title, issuer, doc_number,
 * sign_date, addressees) or holds a value of the wrong form (a document
 * number without 〔YYYY〕, a date that is not a date). */
int gw_xml_notice(const gw_plan *plan, gw_xml_doc *out, gw_err *err);

/* The same with bare tasks when bare is 1: <task no="N" xml:id="…"/>
 * without what they hold, which gw_xml_notice_fill adds when it is needed
 * (a notice typeset in pieces fills a piece's tasks as the piece comes, so
 * the whole plan's XML never exists at once). */
int gw_xml_notice_bare(const gw_plan *plan, int bare, gw_xml_doc *out, gw_err *err);

/* Fills a bare <task> (of gw_xml_notice_bare, or a copy of one) from the
 * record's task of its number; a task that holds anything, or whose
 * number the plan does not have, is left as it is. */
void gw_xml_notice_fill(const gw_plan *plan, gw_xml_node task);

/* 1 when n is an element called name. */
int gw_xml_is(gw_xml_node n, const char *name);

/* The notice XML's items in reading order: the section, task or
 * requirement after n below root (root = <plan>; n NULL: the first), or
 * NULL after the last.  Sections are walked into, tasks are not; no
 * recursion (sections nest at most GW_XML_MAX_LEVEL deep).  Borrowed. */
gw_xml_node gw_xml_notice_next(gw_xml_node root, gw_xml_node n);

/* Builds <report> (report.c), the quarterly supervision report of quarter
 * (2017Q4) from plan and the record's numbers: status (every task's status
 * in quarter), prev (the quarter before; NULL leaves out the change),
 * reports (the leads' 进展情况 and 存在问题; NULL: none) and trend, the
 * statuses of the ntrend quarters with reports up to quarter, oldest first,
 * named by trend_q (<trend>, 图3, when ntrend >= 2).  *out is a new
 * document the caller frees with xmlFreeDoc.  GW_EUSAGE without a quarter
 * or statuses, GW_EINPUT naming the key when the record lacks what a report
 * needs (title, issuer, sign_date, addressees) or holds a bad value. */
int gw_xml_report(const gw_plan *plan, const char *quarter, const gw_status *status,
                  const gw_status *prev, const gw_lead_reports *reports,
                  const gw_status *const *trend, const char *const *trend_q, size_t ntrend,
                  gw_xml_doc *out, gw_err *err);

/* Breaks a title into lines of at most max_em 字 (CJK 1, ASCII 0.5) by
 * meaning: between 《…》 and what is around it first, after 关于/印发 next,
 * never inside 《》, a number or a Latin word, never before closing or after
 * opening punctuation; among the fewest-line solutions it prefers a
 * trapezoid (short over long) or a diamond.  Returns the number of lines and
 * stores in *lines an array of new strings (free each, then the array).
 * A title that cannot be broken by these rules is broken greedily. */
size_t gw_title_break(const char *title, double max_em, char ***lines);

/* Serialises doc as UTF-8 with an XML declaration into out (appended);
 * format = 1 indents.  0, or GW_EDEP when libxml2 fails. */
int gw_xml_dump(gw_xml_doc doc, gw_buf *out, int format, gw_err *err);

#endif
