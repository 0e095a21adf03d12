/* main.c — gongwen's command line: finds the subcommand, handles help and
 * global flags, maps statuses to exit codes.  The work is in the library. */
#include "cli.h"
#include "font.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv, gw_err *err);
    const char *summary;
    const char *usage;
} S_command;

/* Each usage ends with its options, one per line as "  SPEC  what it does",
 * SPEC being "-o FILE" or "-o FILE, --output FILE"; tests/t_cli_help.sh
 * reads these lines and checks that the command accepts exactly them. */
static const S_command S_commands[] = {
    {"import", gw_cmd_import, "import a plan, a milestone form or a progress form",
     "usage: gongwen import plan FILE [--db PATH] [--all-lead] [--units FILE]\n"
     "       gongwen import milestones FILE [--db PATH] [--encoding E]\n"
     "       gongwen import progress FILE [--quarter Q] [--db PATH] [--encoding E]\n"
     "\n"
     "plan: parses the text of a task-division plan (title, preamble, sections,\n"
     "numbered tasks with their unit lists, work requirements) and stores it,\n"
     "replacing any plan already in the database in one transaction (progress\n"
     "reports and form milestones are kept).  FILE may be - for standard input.\n"
     "Half-width punctuation next to Chinese text is normalised and counted.\n"
     "The format is described in docs/import.md.\n"
     "\n"
     "milestones, progress: a form (CSV in UTF-8 or GB18030, or .xlsx) with the\n"
     "columns of docs/supervision.md; every bad row is reported as FILE:ROW and\n"
     "then nothing is imported.\n"
     "\n"
     "  --db PATH      database (default " GW_DEFAULT_DB "; created by import plan)\n"
     "  --all-lead     a plain unit list with no lead marker makes every unit a lead\n"
     "  --units FILE   another city's unit directory (the data/units.tsv format)\n"
     "  --quarter Q    the quarter the progress form reports, e.g. 2017Q4\n"
     "  --encoding E   utf-8 or gb18030 for a CSV form (default: detected)\n"},
    {"list", gw_cmd_list, "list tasks, units or sections for people",
     "usage: gongwen list tasks|units|sections [--db PATH] [--unknown]\n"
     "\n"
     "  tasks      every task with its lead and responsible units and deadlines\n"
     "  units      the unit directory with the number of tasks of each unit\n"
     "  sections   the sections with the number of tasks in each\n"
     "\n"
     "  --db PATH  database (default " GW_DEFAULT_DB "; must exist)\n"
     "  --unknown  with units: only the names the unit directory did not know\n"},
    {"export", gw_cmd_export, "export the task division or the milestones as CSV",
     "usage: gongwen export csv|milestones [--db PATH] [-o FILE]\n"
     "\n"
     "RFC 4180 CSV in UTF-8.  csv: the task division, 序号,类别,任务,牵头单位,责任单位,\n"
     "完成时限.  milestones: the schedule as `import milestones` reads it,\n"
     "序号,节点,完成时限,成果形式 (a lead unit's form where imported, else the plan's).\n"
     "A cell that would start with = + - @ TAB or CR, which Excel and WPS run as\n"
     "a formula, gets a leading ' (they show it as text; gongwen's CSV\n"
     "readers drop it again).\n"
     "\n"
     "  --db PATH  database (default " GW_DEFAULT_DB "; must exist)\n"
     "  -o FILE    write FILE (atomically) instead of standard output; - is stdout\n"},
    {"set", gw_cmd_set, "set a metadata value of the plan (issuer, document number, ...)",
     "usage: gongwen set KEY VALUE [--db PATH]\n"
     "       gongwen set --list [--db PATH]\n"
     "\n"
     "Sets one metadata value (checked: document numbers, dates, copy numbers,\n"
     "urgency, classification, table yes|no, requirements_in body|attachment).\n"
     "`gongwen set --list` shows every KEY, its value and what it means.\n"
     "\n"
     "  --db PATH  database (default " GW_DEFAULT_DB "; must exist)\n"
     "  --list     show every key with its value and meaning\n"},
    {"render", gw_cmd_render, "typeset an XSL-FO file into PDF",
     "usage: gongwen render IN.fo [MORE.fo ...] -o OUT.pdf [--allow-missing-glyphs]\n"
     "\n"
     "IN.fo may be - for standard input.  Several files are the pieces of one\n"
     "document: the first's fo:root says gw:pieces=\"N\" for N files, and the\n"
     "others go on from it (gw:continue).  The supported subset of XSL-FO is\n"
     "documented in docs/fo-subset.md.\n"
     "\n"
     "  -o FILE, --output FILE   the PDF to write\n"
     "  --allow-missing-glyphs   leave out (with a warning) characters no font has\n"
     "                           instead of failing\n"},
    {"xml", gw_cmd_xml, "print the intermediate XML of a document kind",
     "usage: gongwen xml notice|sheet|report|plan [--unit NAME] [--quarter Q] [--db PATH]\n"
     "\n"
     "Prints the XML the templates read (data/plan.rng, data/sheet.rng).\n"
     "\n"
     "  --unit NAME  the unit of a sheet, by its name, short name or alias\n"
     "  --quarter Q  the quarter of a report, e.g. 2017Q4 (default: the latest\n"
     "               with reports)\n"
     "  --db PATH    database (default " GW_DEFAULT_DB ", created from the\n"
     "               embedded plan when missing; a PATH given must exist)\n"},
    {"fo", gw_cmd_fo, "print the XSL-FO of a document kind",
     "usage: gongwen fo notice|sheet|report [--unit NAME] [--quarter Q] [--no-table]\n"
     "                 [--db PATH]\n"
     "\n"
     "  --unit NAME  the unit of a sheet, by its name, short name or alias\n"
     "  --quarter Q  the quarter of a report, e.g. 2017Q4 (default: the latest\n"
     "               with reports)\n"
     "  --no-table   the notice without 附件2, whatever `gongwen set table` says\n"
     "  --db PATH    database (default " GW_DEFAULT_DB ", created from the\n"
     "               embedded plan when missing; a PATH given must exist)\n"},
    {"notice", gw_cmd_notice, "typeset the formal notice (通知) to GB/T 9704-2012",
     "usage: gongwen notice [--db PATH] [-o FILE] [--no-table] [--format pdf|docx]\n"
     "\n"
     "  --db PATH    database (default " GW_DEFAULT_DB ", created from the\n"
     "               embedded plan when missing; a PATH given must exist)\n"
     "  -o FILE      the file to write (default out/notice.pdf, out/notice.docx);\n"
     "               a name ending in .docx writes Word without --format\n"
     "  --no-table   leave out 附件2, the task-division table, whatever\n"
     "               `gongwen set table` says\n"
     "  --format F   pdf (default) or docx: an editable Word document on the\n"
     "               GB/T 9704 grid (docs/docx.md)\n"},
    {"sheets", gw_cmd_sheets, "typeset the task sheet of every unit and the booklet",
     "usage: gongwen sheets [--db PATH] [--unit NAME]... [-o DIR]\n"
     "                      [--booklet PATH | --no-booklet] [--format pdf|docx]\n"
     "\n"
     "Writes one PDF per unit with tasks into DIR and, when every unit is\n"
     "written, the booklet of all sheets beside it (DIR.pdf).\n"
     "\n"
     "  --db PATH       database (must exist; without --db " GW_DEFAULT_DB "\n"
     "                  is used, created from the embedded plan when missing)\n"
     "  --unit NAME     only this unit (repeatable), by its name, short name or alias\n"
     "  -o DIR          directory of the sheets (default out/sheets)\n"
     "  --booklet PATH  write the booklet to PATH (also with --unit)\n"
     "  --no-booklet    write no booklet\n"
     "  --format F      pdf (default) or docx: Word sheets, NN-单位名.docx (no booklet)\n"},
    {"status", gw_cmd_status, "the status of every task in a quarter (supervision)",
     "usage: gongwen status [--quarter Q] [--format text|csv] [--unit NAME] [--db PATH]\n"
     "\n"
     "One row per task: 序号, 状态 (已完成, 正常推进, 滞后, 严重滞后, 未报送), 完成进度,\n"
     "应完成进度, 报送日期, 牵头单位, 任务; then the count of each status.  The rule\n"
     "is in docs/supervision.md; its thresholds are `gongwen set status_yellow N`\n"
     "and `status_red N`.\n"
     "\n"
     "  --quarter Q    the quarter, e.g. 2017Q4 (default: the latest with reports)\n"
     "  --format F     text (default) or csv: 序号,任务,牵头单位,状态,完成进度,应完成进度,报送日期\n"
     "  --unit NAME    only the tasks of this unit (lead, responsible or through a group)\n"
     "  --db PATH      database (default " GW_DEFAULT_DB ", created from the\n"
     "                 embedded plan when missing; a PATH given must exist)\n"},
    {"report", gw_cmd_report, "typeset the quarterly supervision report (督查通报)",
     "usage: gongwen report [--quarter Q] [--db PATH] [-o FILE] [--format pdf|docx]\n"
     "\n"
     "The 督查通报 of quarter Q to GB/T 9704-2012: the count of each status, by\n"
     "category and by lead unit, the tasks behind schedule with their problems,\n"
     "the units that did not report, the next steps, and every task's status in\n"
     "the attached 落实情况表.  Its document number is `gongwen set\n"
     "report_doc_number`, its date `report_date` (docs/supervision.md).\n"
     "\n"
     "  --quarter Q    the quarter, e.g. 2017Q4 (default: the latest with reports);\n"
     "                 one before the plan's first reporting quarter is refused\n"
     "  --db PATH      database (default " GW_DEFAULT_DB ", created from the\n"
     "                 embedded plan when missing; a PATH given must exist)\n"
     "  -o FILE        the file to write (default out/report-Q.pdf or .docx); a\n"
     "                 name ending in .docx writes Word without --format\n"
     "  --format F     pdf (default) or docx: a Word document, the charts as tables\n"
     "                 of their numbers (docs/docx.md)\n"},
    {"template", gw_cmd_template, "the blank progress form of every unit (.xlsx or CSV)",
     "usage: gongwen template progress --quarter Q [--unit NAME]... [-o DIR] [--format F]\n"
     "\n"
     "Writes, per unit with tasks, the form it fills in for quarter Q: its tasks\n"
     "with its role, its name and the quarter filled in; a drop-down list for\n"
     "状态, whole numbers 0-100 for 完成进度, a date cell for 报送日期, the header\n"
     "row frozen, A4 landscape, and a sheet of instructions.  Filled in and saved\n"
     "by Excel, WPS or LibreOffice, it imports with `gongwen import progress`.\n"
     "\n"
     "  --quarter Q    the quarter, e.g. 2017Q4\n"
     "  --unit NAME    only this unit (repeatable); a group with members, its\n"
     "                 members (--unit 各县市区: each county's form)\n"
     "  -o DIR         where to write the forms (default out/forms-Q)\n"
     "  --format F     xlsx (default) or csv (UTF-8 with a byte-order mark)\n"
     "  --db PATH      database (default " GW_DEFAULT_DB ", created from the\n"
     "                 embedded plan when missing; a PATH given must exist)\n"},
    {"history", gw_cmd_history, "the progress reports of a task, replaced ones too",
     "usage: gongwen history --task N [--db PATH]\n"
     "\n"
     "Every progress report of task N: the current ones, then those a\n"
     "re-submission replaced, with the form (file:row) each came from.\n"
     "\n"
     "  --task N     the task number\n"
     "  --db PATH    database (default " GW_DEFAULT_DB "; must exist)\n"},
    {"fonts", gw_cmd_fonts, "the font of each role as found on this machine",
     "usage: gongwen fonts [--db PATH]\n"
     "\n"
     "One line per role of the stylesheets (仿宋, 楷体, 黑体, 小标宋, 宋体): the font\n"
     "GB/T 9704 wants, the face that serves it here (marked when it is a\n"
     "substitute), its file, and how many of the plan's characters it has.\n"
     "Office fonts win when installed; --fonts DIR (or `gongwen set fonts_dir\n"
     "DIR`) adds a directory that is searched first.  docs/fonts.md has the table.\n"
     "\n"
     "  --db PATH    database (default " GW_DEFAULT_DB ", created from the\n"
     "               embedded plan when missing; a PATH given must exist)\n"},
    {"build", gw_cmd_build, "write every document into a directory",
     "usage: gongwen build [--db PATH] [-o DIR] [--no-table] [--all-quarters]\n"
     "                     [--formats pdf,docx]\n"
     "\n"
     "Writes every document kind into DIR: notice.pdf, sheets/ and the booklet\n"
     "sheets.pdf, and, when the database holds progress reports, the report of\n"
     "the latest quarter, report-Q.pdf.\n"
     "\n"
     "  --db PATH    database (default " GW_DEFAULT_DB ", created from the\n"
     "               embedded plan when missing; a PATH given must exist)\n"
     "  -o DIR       output directory (default out)\n"
     "  --no-table   the notice without 附件2, whatever `gongwen set table` says\n"
     "  --all-quarters  a report for every quarter with reports, not only the latest\n"
     "  --formats L  pdf (default), docx or pdf,docx: docx writes notice.docx,\n"
     "               the sheets as sheets/NN-单位名.docx and report-Q.docx\n"},
};

/* Options every command takes (main.c handles them). */
static const char S_global_options[] =
    "\n"
    "  --fonts DIR    search DIR for fonts first (the office's 仿宋_GB2312 ...)\n"
    "  -q, --quiet    only errors on stderr (no notes, no warnings)\n"
    "  -v, --verbose  more detail on stderr\n"
    "  -h, --help     this text\n";

#define S_NCOMMANDS (sizeof S_commands / sizeof S_commands[0])

static void
S_usage(FILE *f)
{
    size_t i;
    fprintf(f, "usage: gongwen [-q|-v] COMMAND [ARGS]\n"
               "       gongwen --version\n\n"
               "gongwen turns a government task-division plan into the documents an\n"
               "office circulates: the formal notice (通知) with the plan and its\n"
               "task-division table, a task sheet per unit and the booklet of sheets.\n"
               "\nCommands:\n");
    for (i = 0; i < S_NCOMMANDS; i++)
        fprintf(f, "  %-9s %s\n", S_commands[i].name, S_commands[i].summary);
    fprintf(f, "  %-9s %s\n", "help", "show this text, or `gongwen help COMMAND`");
    fputs(S_global_options, f);
    fprintf(f, "\nExit status: 0 success, 1 bad input, 2 file error, 3 font or\n"
               "library failure, 64 bad command line.\n");
}

static void
S_help(const S_command *cmd, FILE *f)
{
    fputs(cmd->usage, f);
    fputs(S_global_options, f);
}

/* -q/--quiet, -v/--verbose: 1 (and sets gw_verbosity) when arg is one. */
static int
S_verbosity_flag(const char *arg)
{
    if (!strcmp(arg, "-q") || !strcmp(arg, "--quiet"))
        gw_verbosity = 0;
    else if (!strcmp(arg, "-v") || !strcmp(arg, "--verbose"))
        gw_verbosity = 2;
    else
        return 0;
    return 1;
}

static const S_command *
S_find(const char *name)
{
    size_t i;
    for (i = 0; i < S_NCOMMANDS; i++)
        if (strcmp(S_commands[i].name, name) == 0)
            return &S_commands[i];
    return NULL;
}

static int
S_exit_code(int status)
{
    switch (status) {
    case 0: return 0;
    case GW_EIO: return 2;
    case GW_EDEP: return 3;
    case GW_EUSAGE: return 64;
    default: return 1;
    }
}

int
main(int argc, char **argv)
{
    const S_command *cmd;
    gw_err err = {0, "", 0};
    int i = 1, status;

    gw_file_signals_init();

    for (; i < argc && argv[i][0] == '-'; i++) {
        if (S_verbosity_flag(argv[i]))
            continue;
        if (!strcmp(argv[i], "--fonts")) {
            if (i + 1 >= argc || gw_font_add_dir(argv[i + 1], &err) < 0)
                goto fonts_bad;
            i++;
            continue;
        }
        if (!strcmp(argv[i], "--version")) {
            printf("gongwen %s\n", GW_VERSION);
            return 0;
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            S_usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "gongwen: unknown option %s\n", argv[i]);
            S_usage(stderr);
            return 64;
        }
    }
    if (i >= argc) {
        S_usage(stderr);
        return 64;
    }
    if (!strcmp(argv[i], "help")) {
        if (i + 1 < argc) {
            cmd = S_find(argv[i + 1]);
            if (!cmd) {
                fprintf(stderr, "gongwen: no such command: %s\n", argv[i + 1]);
                return 64;
            }
            S_help(cmd, stdout);
            return 0;
        }
        S_usage(stdout);
        return 0;
    }
    cmd = S_find(argv[i]);
    if (!cmd) {
        fprintf(stderr, "gongwen: no such command: %s (see `gongwen help`)\n", argv[i]);
        return 64;
    }
    /* The global flags may also follow the command; they are taken out here
     * so that every command accepts them alike.  After "--" everything is
     * the command's (`gongwen set note -- -q` stores "-q"). */
    for (int j = i + 1; j < argc && strcmp(argv[j], "--") != 0; j++) {
        if (!strcmp(argv[j], "--help") || !strcmp(argv[j], "-h")) {
            S_help(cmd, stdout);
            return 0;
        }
        if (S_verbosity_flag(argv[j])) {
            memmove(&argv[j], &argv[j + 1], (size_t)(argc - j) * sizeof *argv);
            argc--;
            j--;
        } else if (!strcmp(argv[j], "--fonts")) {
            if (j + 1 >= argc || gw_font_add_dir(argv[j + 1], &err) < 0)
                goto fonts_bad;
            memmove(&argv[j], &argv[j + 2], (size_t)(argc - j - 1) * sizeof *argv);
            argc -= 2;
            j--;
        }
    }
    status = cmd->run(argc - i, argv + i, &err);
    if (status < 0) {
        fprintf(stderr, "gongwen: %s\n", err.msg[0] ? err.msg : "failed");
        if (status == GW_EUSAGE)
            S_help(cmd, stderr);
    }
    return S_exit_code(status);

fonts_bad:
    if (err.msg[0]) {
        fprintf(stderr, "gongwen: --fonts: %s\n", err.msg);
        return S_exit_code(err.code ? err.code : GW_EIO);
    }
    fprintf(stderr, "gongwen: --fonts needs a directory\n");
    return 64;
}
