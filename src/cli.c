/* cli.c — option helpers shared by the subcommands. */
#include "cli.h"

#include <string.h>

int
gw_cli_optval(int argc, char **argv, int *i, const char *name,
              const char **val, gw_err *err)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *val = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return gw_err_set(err, GW_EUSAGE, "%s: option %s needs a value", argv[0], name);
    *val = argv[++*i];
    return 1;
}
