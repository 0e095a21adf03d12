/* cli_common.c — the option parser and record opening shared by cli_plan.c
 * and cli_doc.c (cli_common.h). */
#include "cli_common.h"

#include <stdlib.h>
#include <string.h>

int
gw_cli_parse(int argc, char **argv, int takes, int maxpos, gw_cli_args *a, gw_err *err)
{
    static const struct { int flag; const char *name; } values[] = {
        {GW_CLI_OUT, "-o"}, {GW_CLI_UNIT, "--unit"},
    };
    static const struct { int flag; const char *name; } flags[] = {
        {GW_CLI_NO_TABLE, "--no-table"}, {GW_CLI_ALL_LEAD, "--all-lead"},
        {GW_CLI_LIST, "--list"},
    };
    int i, r;
    size_t k;

    memset(a, 0, sizeof *a);
    a->db = GW_DEFAULT_DB;
    if (maxpos > GW_CLI_MAXPOS)
        maxpos = GW_CLI_MAXPOS;
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i], **val[] = {&a->out, &a->unit};
        int *set[] = {&a->no_table, &a->all_lead, &a->list};
        if (!strcmp(arg, "--")) {
            /* the rest is positional, even when it starts with - */
            for (i++; i < argc; i++) {
                if (a->npos == maxpos)
                    return gw_err_set(err, GW_EUSAGE, "%s: unexpected argument %s",
                                      argv[0], argv[i]);
                a->pos[a->npos++] = argv[i];
            }
            break;
        }
        if ((r = gw_cli_optval(argc, argv, &i, "--db", &a->db, err)) != 0) {
            if (r < 0)
                return r;
            a->db_given = 1;
            continue;
        }
        for (k = 0, r = 0; !r && k < sizeof values / sizeof values[0]; k++)
            if ((takes & values[k].flag) &&
                (r = gw_cli_optval(argc, argv, &i, values[k].name, val[k], err)) < 0)
                return r;
        if (r)
            continue;
        for (k = 0; k < sizeof flags / sizeof flags[0]; k++)
            if ((takes & flags[k].flag) && !strcmp(arg, flags[k].name))
                break;
        if (k < sizeof flags / sizeof flags[0]) {
            *set[k] = 1;
            continue;
        }
        if (arg[0] == '-' && arg[1] && !(a->npos == 1 && (takes & GW_CLI_DASH_VALUE)))
            return gw_err_set(err, GW_EUSAGE, "%s: unknown option %s", argv[0], arg);
        if (a->npos == maxpos)
            return gw_err_set(err, GW_EUSAGE, "%s: unexpected argument %s", argv[0], arg);
        a->pos[a->npos++] = arg;
    }
    if (!a->db[0])
        return gw_err_set(err, GW_EUSAGE, "%s: --db needs a path", argv[0]);
    return 0;
}

int
gw_cli_mkdir_for(const char *path, gw_err *err)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    int rc;
    if (!slash || slash == path)
        return 0;
    dir = gw_xstrndup(path, (size_t)(slash - path));
    rc = gw_mkdir_p(dir, err);
    free(dir);
    return rc;
}

int
gw_cli_open(const char *db, int create, gw_store **st, gw_plan **plan, gw_err *err)
{
    int rc;
    *st = NULL;
    *plan = NULL;
    if (create) {
        if ((rc = gw_cli_mkdir_for(db, err)) < 0 || (rc = gw_store_open(st, db, err)) < 0 ||
            (rc = gw_store_ensure_default(*st, err)) < 0)
            goto out;
    } else if ((rc = gw_store_open_existing(st, db, err)) < 0) {
        goto out;
    }
    rc = gw_plan_load(*st, plan, err);
out:
    if (rc < 0) {
        gw_store_close(*st);
        *st = NULL;
        if (create)
            gw_err_prefix(err, "%s", db);
    }
    return rc;
}
