/* plan.h — the plan as the document builders see it: an in-memory model with
 * no SQL.  The store loads one from the record in one read transaction
 * (gw_store_plan_load) and saves one in one write transaction
 * (gw_store_plan_save); the importer builds one from a text.  Row structs are
 * plain data owned by the plan (borrowed by callers); the plan is opaque. */
#ifndef GW_PLAN_H
#define GW_PLAN_H

#include "gw.h"

typedef struct gw_plan gw_plan;

enum { GW_ROLE_LEAD = 1, GW_ROLE_RESPONSIBLE = 2 };

typedef struct gw_section {
    int         id;
    int         parent;     /* id of the enclosing section, 0 for top level */
    int         level;      /* 1 = 一、…, 2 = （一）… */
    int         ordinal;    /* 1-based position among its siblings */
    const char *label;      /* "一、" / "（一）" as printed */
    const char *title;      /* "任务分工", "加快推进人才高度集聚" */
    int         is_requirements;  /* 1 for 工作要求 / 保障措施 */
} gw_section;

typedef struct gw_unit {
    int         id;
    const char *name;       /* canonical name, e.g. 市科技局 */
    const char *short_name; /* may be "" */
    const char *kind;       /* party|government|county|mass|school|group|other */
    int         sort;       /* order in the unit directory */
    int         is_group;   /* 各县市区, 有关职业院校, 市直各有关部门 */
    int         open_group; /* a group with no fixed members */
    int         added;      /* not in the shipped directory: an import met it
                             * in a unit list (kind other) */
    int         line, col;  /* where the import met an added unit first */
} gw_unit;

typedef struct gw_assignment {
    int unit;               /* gw_unit.id (a unit or a group) */
    int role;               /* GW_ROLE_* */
    int pos;                /* 1-based position in the published list */
} gw_assignment;

typedef struct gw_milestone {
    const char *due;        /* ISO date yyyy-mm-dd, or "" */
    const char *deadline;   /* as published, e.g. 2020年12月底, or "" */
    const char *description;
    const char *form;       /* 成果形式, or "" */
} gw_milestone;

typedef struct gw_task {
    int         no;         /* 1-based task number as published */
    int         line;       /* line of the task in the imported text (0: unknown) */
    int         section;    /* gw_section.id of the innermost section */
    const char *title;      /* short title without the final 。, or "" */
    const char *body;       /* text after the short title (normalised) */
    const char *units_text; /* the unit list as published, inside （）, with
                             * any note (排第一的为牵头单位…) */
    const char *leader;     /* 责任领导 as published (张三同志), or "" */
    const gw_assignment *assignments;  /* in published order */
    size_t      nassignments;
    const gw_milestone  *milestones;
    size_t      nmilestones;
} gw_task;

typedef struct gw_requirement {
    int         ordinal;
    const char *label;      /* "（一）" */
    const char *text;
} gw_requirement;

/* ---- building a plan (the store's loader, the importer) ----
 * Everything is copied into the plan; the pointers returned by the
 * gw_plan_add_* functions are valid until the next add of the same kind.
 * The caller sets ids: sections, tasks and units refer to each other by id
 * (a loaded plan keeps the record's ids; the importer numbers from 1). */

/* An empty plan; caller frees with gw_plan_free. */
gw_plan *gw_plan_new(void);
/* A copy of s ("" for NULL) that lives as long as the plan. */
const char *gw_plan_str(gw_plan *p, const char *s);
/* Sets metadata key to value; a default (data/meta.tsv) is stored only
 * where the record has no value yet. */
void gw_plan_set_meta(gw_plan *p, const char *key, const char *value);
void gw_plan_set_meta_default(gw_plan *p, const char *key, const char *value);
/* The i-th metadata key (NULL past the end), with its value and whether it
 * is a default; borrowed. */
size_t      gw_plan_meta_count(const gw_plan *p);
const char *gw_plan_meta_at(const gw_plan *p, size_t i, const char **value, int *is_default);
/* New zeroed rows (strings ""), appended in order; fill them in. */
gw_section     *gw_plan_add_section(gw_plan *p);
gw_unit        *gw_plan_add_unit(gw_plan *p);
gw_task        *gw_plan_add_task(gw_plan *p);
gw_requirement *gw_plan_add_requirement(gw_plan *p);
void gw_plan_add_alias(gw_plan *p, const char *alias, int unit);
void gw_plan_add_member(gw_plan *p, int group, int member);
/* Appends an assignment / a milestone (copied) to task t of p. */
void gw_plan_task_assign(gw_plan *p, gw_task *t, int unit, int role, int pos);
void gw_plan_task_milestone(gw_plan *p, gw_task *t, const gw_milestone *m);

/* Frees the plan and everything in it (NULL is allowed). */
void gw_plan_free(gw_plan *plan);

/* Metadata value for key, borrowed, NULL when unset.  Keys (see
 * data/schema.sql and `gongwen set --list`): title (the plan's title),
 * preamble, notice_title, issuer, issuer_mark, doc_number, sign_date,
 * addressees, copy_to, printer, print_date, note, attachment, copy_no,
 * secret, urgency, signer, notice_body, requirements_in (body|attachment),
 * table (1|0, whether the notice includes 附件2). */
const char *gw_plan_meta(const gw_plan *plan, const char *key);

size_t gw_plan_section_count(const gw_plan *plan);
const gw_section *gw_plan_section(const gw_plan *plan, size_t i);   /* document order */
const gw_section *gw_plan_section_by_id(const gw_plan *plan, int id);

size_t gw_plan_task_count(const gw_plan *plan);
const gw_task *gw_plan_task(const gw_plan *plan, size_t i);         /* by number */
/* The task numbered no (borrowed), or NULL. */
const gw_task *gw_plan_task_by_no(const gw_plan *plan, int no);

size_t gw_plan_unit_count(const gw_plan *plan);
const gw_unit *gw_plan_unit(const gw_plan *plan, size_t i);         /* directory order */
const gw_unit *gw_plan_unit_by_id(const gw_plan *plan, int id);
/* The unit or group called name: its canonical name (市科技局), else its
 * short name, else one of its aliases from the unit directory
 * (株洲市科学技术局).  Exact match, borrowed; NULL when no unit has that
 * name (or name is NULL or ""). */
const gw_unit *gw_plan_unit_lookup(const gw_plan *plan, const char *name);
/* The other names of units (unit_alias): the i-th alias, with the id of its
 * unit in *unit; NULL past the end.  Borrowed. */
size_t      gw_plan_alias_count(const gw_plan *plan);
const char *gw_plan_alias(const gw_plan *plan, size_t i, int *unit);

/* The task's short name into b (cleared first): its title, else at most
 * the first 24 characters of its body, cut before its last 、，； past the
 * 12th when there is one, and the ellipsis …… (status lists, the report). */
void gw_plan_task_name(const gw_task *t, gw_buf *b);

/* 1 when unit u is assigned to task t, as lead or responsible unit, itself
 * or through a group with members it belongs to (a county for 各县市区);
 * 0 otherwise.  The rule of who may report for a task and whose task it is. */
int gw_plan_task_involves(const gw_plan *plan, const gw_task *t, const gw_unit *u);

/* Every distinct character the plan's documents may print (metadata values,
 * sections, tasks with their milestones, work requirements, unit names),
 * spaces and controls left out, ascending, into *out (caller frees).
 * Returns how many. */
size_t gw_plan_chars(const gw_plan *plan, uint32_t **out);

/* The reporting schedule (docs/supervision.md, "When units report"): units
 * report on day GW_REPORT_DAY of the last month of each quarter, from the
 * first quarter whose report day is on or after sign_date, through the
 * quarter of the plan's latest dated milestone -- at least GW_REPORT_MIN
 * quarters, at most GW_REPORT_MAX.  The sheets print these dates; the
 * report, the status and the progress forms accept no quarter before the
 * first.  Returns the number of quarters and the first in *y, *q; 0 when
 * sign_date is unset or no date. */
#define GW_REPORT_DAY 25
#define GW_REPORT_MIN 4
#define GW_REPORT_MAX 12
int gw_plan_schedule(const gw_plan *plan, int *y, int *q);

/* Whether units were asked to report for quarter y/q (what = "report",
 * "status", a form's name: the start of the message).  Returns 0 when q is
 * in the schedule, 1 when it is after its last quarter (the caller warns: a
 * plan may be supervised longer than its sheets say), GW_EINPUT with err
 * set when it is before the first or the plan has no sign_date. */
int gw_plan_schedule_check(const gw_plan *plan, int y, int q, const char *what, gw_err *err);

/* Quarter arithmetic on (year, 1..4): *y, *q moved by n quarters (n may be
 * negative); gw_quarter_cmp is <0, 0, >0 as (y1,q1) is before, equal to or
 * after (y2,q2). */
void gw_quarter_add(int *y, int *q, int n);
int  gw_quarter_cmp(int y1, int q1, int y2, int q2);

/* Members of a group (ids of units), borrowed; n = 0 for open groups. */
const int *gw_plan_group_members(const gw_plan *plan, int group_id, size_t *n);

size_t gw_plan_requirement_count(const gw_plan *plan);
const gw_requirement *gw_plan_requirement(const gw_plan *plan, size_t i);

/* Where character cp first occurs in the plan, for messages about text
 * (a character no font has): "metadata key title (gongwen set title)",
 * "task 3", "section 二、…", "work requirement （一）", "unit 市科技局".
 * Writes into out (cleared first); returns 1 when found, 0 when not. */
int gw_plan_where(const gw_plan *plan, uint32_t cp, gw_buf *out);

/* When err is about a character (err->cp, a glyph no font has) that occurs
 * in the plan, rewrites its message to name where ("task 3: character
 * U+…") instead of the generated FO's position.  Otherwise leaves it. */
void gw_plan_explain(const gw_plan *plan, gw_err *err);

#endif
