/* docx.h — Word packages: the <pkg:package> an XSLT template produces (one
 * <pkg:part name="word/document.xml"> per file, in the order they are to be
 * zipped) into an Office Open XML file.  The only module that writes zip
 * archives (table.c reads them). */
#ifndef GW_DOCX_H
#define GW_DOCX_H

#include "gw.h"

/* Zips every part of pkg (borrowed) into path, written atomically like the
 * PDFs (gw_file_write_atomic: the same output rules).  Entries in document
 * order, each a standalone XML document in UTF-8, deflated, all dated
 * SOURCE_DATE_EPOCH (else 1980-01-01): the same package gives the same
 * bytes.  0, or GW_EINPUT (a part that is not one element), GW_EIO, GW_EDEP
 * (libzip) with err set. */
int gw_docx_write(gw_xml_doc pkg, const char *path, gw_err *err);

#endif
