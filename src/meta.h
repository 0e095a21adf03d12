/* meta.h — the plan's metadata keys and what each accepts: the one place
 * that knows them.  `gongwen set` checks a value before it is stored, the
 * importer's values pass the same rules, and every XML builder checks what
 * the record holds (a value written by other means) with the same function,
 * so that a value one of them refuses no other prints. */
#ifndef GW_META_H
#define GW_META_H

#include "gw.h"
#include "plan.h"

/* Longest metadata value (bytes). */
#define GW_META_MAX 4000

/* The i-th key (NULL past the end) with what it means in *what (borrowed,
 * static), in the order `gongwen set --list` shows them. */
const char *gw_meta_key(size_t i, const char **what);
/* 1 when key is one of them. */
int gw_meta_known(const char *key);

/* Checks value for key: the character rules of every text (valid UTF-8, no
 * control characters or noncharacters, one line but for preamble, at most
 * GW_META_MAX bytes) and the key's own form (dates, document numbers, copy
 * numbers, urgency, classification, yes/no, ...).  On success writes the
 * form the record stores into stored (cleared first: a date as ISO, table
 * as 1/0, the rest unchanged) and returns 0; else GW_EINPUT with a message
 * that starts with the key ("sign_date: 2017-02-31 is not a real date ..."). */
int gw_meta_check(const char *key, const char *value, gw_buf *stored, gw_err *err);

/* Checks every non-empty value plan holds for a known key with
 * gw_meta_check (what the builders do before they print any of it).  0, or
 * GW_EINPUT with "plan metadata KEY: ...". */
int gw_meta_check_plan(const gw_plan *plan, gw_err *err);

/* 0 when s is a document number of the form 机关代字〔YYYY〕N号 (U+3014/3015
 * brackets, no 第, no leading zero), else GW_EINPUT with a message saying
 * what is wrong (and, for other brackets around the year, the corrected
 * number). */
int gw_doc_number_check(const char *s, gw_err *err);

/* The number of a document in one of the issuer's series, written as GB/T
 * 9704 §7.2.4 writes a 发文字号 (no 第, no leading zero): the 机关代字 of
 * doc_number (its text before 〔, without a final 发: 株人才办发〔2017〕3号
 * gives 株人才办), then series, then 〔year〕n号: 株人才办交〔2017〕1号 for
 * series 交.  Without a usable doc_number (NULL, empty, no 〔), series
 * alone stands for the 代字.  Appended to out. */
void gw_doc_number_series(const char *doc_number, const char *series, int year, long n,
                          gw_buf *out);

#endif
