/* main.c — gongwen's command line: finds the subcommand, handles help and
 * global flags, maps statuses to exit codes.  The work is in the library. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv, gw_err *err);
    const char *summary;
    const char *usage;
} S_command;

static const S_command S_commands[] = {
    {"import", gw_cmd_import, "import a plan published as text into the database",
     "usage: gongwen import plan FILE [--db PATH] [--all-lead]\n"
     "\n"
     "Parses the text of a task-division plan (title, preamble, sections,\n"
     "numbered tasks with their unit lists, work requirements) and stores it,\n"
     "replacing any plan already in the database in one transaction.\n"
     "Half-width punctuation next to Chinese text is normalised and counted.\n"
     "\n"
     "  --db PATH    database (default " GW_DEFAULT_DB ")\n"
     "  --all-lead   a plain unit list with no lead marker makes every unit a lead\n"},
    {"list", gw_cmd_list, "list tasks, units or sections for people",
     "usage: gongwen list tasks|units|sections [--db PATH]\n"},
    {"export", gw_cmd_export, "export the task division as CSV",
     "usage: gongwen export csv [--db PATH] [-o FILE]\n"
     "\n"
     "RFC 4180 CSV in UTF-8 with the header 序号,类别,任务,牵头单位,责任单位,完成时限.\n"},
    {"set", gw_cmd_set, "set a metadata value of the plan (issuer, document number, ...)",
     "usage: gongwen set KEY VALUE [--db PATH]\n"
     "       gongwen set --list [--db PATH]\n"},
    {"render", gw_cmd_render, "typeset an XSL-FO file into PDF",
     "usage: gongwen render IN.fo -o OUT.pdf [--verbose] [--allow-missing-glyphs]\n"
     "\n"
     "IN.fo may be - for standard input.  The supported subset of XSL-FO is\n"
     "documented in docs/fo-subset.md.\n"},
    {"xml", gw_cmd_xml, "print the intermediate XML of a document kind",
     "usage: gongwen xml notice|sheet|plan [--unit NAME] [--db PATH]\n"},
    {"fo", gw_cmd_fo, "print the XSL-FO of a document kind",
     "usage: gongwen fo notice|sheet [--unit NAME] [--db PATH]\n"},
    {"notice", gw_cmd_notice, "typeset the formal notice (通知) to GB/T 9704-2012",
     "usage: gongwen notice [--db PATH] [-o out/notice.pdf]\n"},
    {"sheets", gw_cmd_sheets, "typeset the task sheet of every unit and the booklet",
     "usage: gongwen sheets [--db PATH] [--unit NAME]... [-o out/sheets/] [-q]\n"},
    {"build", gw_cmd_build, "write every document into a directory",
     "usage: gongwen build [--db PATH] [-o DIR]\n"
     "\n"
     "Writes every document kind into DIR (default out/).  When the database\n"
     "does not exist yet it is created from the embedded default plan.\n"},
};

#define S_NCOMMANDS (sizeof S_commands / sizeof S_commands[0])

static void
S_usage(FILE *f)
{
    size_t i;
    fprintf(f, "usage: gongwen [-q|--verbose] COMMAND [ARGS]\n\n"
               "gongwen turns a government task-division plan into the documents an\n"
               "office circulates: the formal notice, a task sheet per unit and the\n"
               "quarterly supervision report.\n\nCommands:\n");
    for (i = 0; i < S_NCOMMANDS; i++)
        fprintf(f, "  %-8s %s\n", S_commands[i].name, S_commands[i].summary);
    fprintf(f, "  %-8s %s\n", "help", "show this text, or `gongwen help COMMAND`");
    fprintf(f, "\nExit status: 0 success, 1 bad input, 2 file error, 3 font or\n"
               "library failure, 64 bad command line.\n");
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
    gw_err err = {0, ""};
    int i = 1, status;

    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "-q") || !strcmp(argv[i], "--quiet"))
            gw_verbosity = 0;
        else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose"))
            gw_verbosity = 2;
        else if (!strcmp(argv[i], "--version")) {
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
            fputs(cmd->usage, stdout);
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
    for (int j = i + 1; j < argc; j++) {
        if (!strcmp(argv[j], "--help") || !strcmp(argv[j], "-h")) {
            fputs(cmd->usage, stdout);
            return 0;
        }
        if (!strcmp(argv[j], "-q") || !strcmp(argv[j], "--quiet"))
            gw_verbosity = 0;
        else if (!strcmp(argv[j], "--verbose"))
            gw_verbosity = 2;
    }
    status = cmd->run(argc - i, argv + i, &err);
    if (status < 0) {
        fprintf(stderr, "gongwen: %s\n", err.msg[0] ? err.msg : "failed");
        if (status == GW_EUSAGE)
            fputs(cmd->usage, stderr);
    }
    return S_exit_code(status);
}
