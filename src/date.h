/* date.h — the one date parser and formatter: every reader of a date (the
 * metadata, the importer's deadlines, the XML builders, the sheets) goes
 * through it, so a date one of them refuses no other prints. */
#ifndef GW_DATE_H
#define GW_DATE_H

#include "gw.h"

/* Years a document date may have. */
#define GW_DATE_MIN_YEAR 1900
#define GW_DATE_MAX_YEAR 2999

typedef struct gw_date {
    int y, m, d;
} gw_date;

/* Days in month m (1..12) of year y. */
int gw_date_days_in(int y, int m);

/* 1 when y-m-d is a day of the calendar within the years above, else 0. */
int gw_date_valid(int y, int m, int d);

/* Parses an exact date, 2017-05-12 (ISO, zero-padded) or 2017年5月12日,
 * into *out.  Returns 1 when s is such a date and a real day (no 2017-02-31),
 * else 0 (*out untouched). */
int gw_date_parse(const char *s, gw_date *out);

/* gw_date_parse, and also the forms a spreadsheet writes when a clerk
 * types a date: 2017/12/20, 2017-12-5, 2017.12.5 (month and day of one or
 * two digits).  For dates typed into forms; the record keeps ISO. */
int gw_date_parse_entered(const char *s, gw_date *out);

/* Parses a published deadline: an exact date, or a period whose last day
 * it stands for (2020年12月底, 2020年12月, 2020年6月份, 2020年底, 2020年年底,
 * 2020年末, 2020年, 2020年上半年, 2020年下半年, 2020年第三季度 / 三季度 /
 * 3季度), each optionally followed by 前 or 以前 and then 完成 (2018年6月底前,
 * 2018年底前完成).  Returns 1 and the day in *out, or 0 when the text is no
 * date (长期坚持: see gw_date_ongoing). */
int gw_date_deadline(const char *s, gw_date *out);

/* 1 when s says the work has no end date: 长期坚持, 持续推进, 长期, 持续,
 * 常态化 (optionally with 推进 / 开展); 0 otherwise. */
int gw_date_ongoing(const char *s);

/* Parses a quarter, 2017Q4 (or 2017q4), into *year and *q (1..4); 1 when
 * valid, else 0.  gw_date_quarter_end gives its last day. */
int  gw_date_quarter(const char *s, int *year, int *q);
void gw_date_quarter_end(int year, int q, gw_date *out);

/* "2017-05-02" into iso (11 bytes). */
void gw_date_iso(const gw_date *d, char iso[11]);

/* Appends the Chinese form, 2017年5月2日 (no leading zeros), to out. */
void gw_date_cn(const gw_date *d, gw_buf *out);

#endif
