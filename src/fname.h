/* fname.h — turning unit names (input we do not control) into file names
 * that are safe to create inside an output directory. */
#ifndef GW_FNAME_H
#define GW_FNAME_H

#include <stddef.h>

/* Longest name part in bytes (UTF-8) before "NN-" and ".ext" are added;
 * keeps every file name well under the 255-byte NAME_MAX of Linux. */
#define GW_FNAME_NAME_MAX 120

/* Returns "NN-name.ext" (NN = order, at least two digits) as a new string
 * the caller frees.  In `name`: '/', '\\', control characters (C0, DEL,
 * C1), bytes that are not UTF-8, characters Windows refuses (: * ? " < > |),
 * Unicode line/paragraph separators and bidi controls become '_'; leading
 * dots and spaces and trailing dots and spaces are dropped; the name part
 * is cut (at a character boundary) to GW_FNAME_NAME_MAX bytes; an empty
 * result becomes "unit".  The result never contains '/' and never starts
 * with '.', so it cannot leave the directory it is joined to.  `ext` is
 * used as given ("pdf", no dot) and must itself be a plain word. */
char *gw_fname_make(int order, const char *name, const char *ext);

/* 1 when s is a single safe path component by the rules above (non-empty,
 * no '/', '\\' or control bytes, valid UTF-8, not starting with '.', at most
 * 255 bytes), else 0.  A second line of defence before a file is created. */
int gw_fname_is_safe(const char *s);

#endif
