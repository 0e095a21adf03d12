/* replay.c — main() for the fuzz targets built without libFuzzer: runs
 * every regular file of each directory (or each file) named on the command
 * line through LLVMFuzzerTestOneInput, in name order, printing each file's
 * name first so a crash names its input.
 *
 *   build/fuzz-replay/fuzz_fo fuzz/corpus/fo [more dirs or files]
 *
 * Exit status 0 when every input ran (a bug aborts the process), 2 when a
 * directory or file cannot be read. */
#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define S_INPUT_MAX (16u << 20)     /* larger seeds are a mistake */

static int
S_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs one file; 0 or -1 (message printed). */
static int
S_run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *data = NULL;
    long len;
    int rc = -1;

    if (!f) {
        perror(path);
        goto out;
    }
    if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        perror(path);
        goto out;
    }
    if ((unsigned long)len > S_INPUT_MAX) {
        fprintf(stderr, "%s: larger than the %u-byte cap of a seed\n", path, S_INPUT_MAX);
        goto out;
    }
    /* a private copy of exactly len bytes, so ASan sees reads past the end */
    data = malloc(len ? (size_t)len : 1);
    if (!data || fread(data, 1, (size_t)len, f) != (size_t)len) {
        fprintf(stderr, "%s: cannot read\n", path);
        goto out;
    }
    fprintf(stderr, "replay: %s\n", path);
    LLVMFuzzerTestOneInput(data, (size_t)len);
    rc = 0;
out:
    free(data);
    if (f)
        fclose(f);
    return rc;
}

/* Runs every regular file of dir in name order; returns the count run or -1. */
static long
S_run_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char **names = NULL;
    size_t n = 0, cap = 0, i;
    long count = -1;

    if (!d) {
        perror(dir);
        goto out;
    }
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **nn;
            cap = cap ? cap * 2 : 64;
            nn = realloc(names, cap * sizeof *names);
            if (!nn)
                goto out;
            names = nn;
        }
        names[n] = malloc(strlen(dir) + strlen(e->d_name) + 2);
        if (!names[n])
            goto out;
        sprintf(names[n], "%s/%s", dir, e->d_name);
        n++;
    }
    qsort(names, n, sizeof *names, S_cmp);
    count = 0;
    for (i = 0; i < n; i++) {
        struct stat st;
        if (stat(names[i], &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (S_run_file(names[i]) < 0) {
            count = -1;
            goto out;
        }
        count++;
    }
out:
    for (i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (d)
        closedir(d);
    return count;
}

int
main(int argc, char **argv)
{
    long total = 0;
    int i;

    LLVMFuzzerInitialize(&argc, &argv);
    for (i = 1; i < argc; i++) {
        struct stat st;
        long got;
        if (stat(argv[i], &st) != 0) {
            perror(argv[i]);
            return 2;
        }
        if (S_ISDIR(st.st_mode)) {
            got = S_run_dir(argv[i]);
        } else {
            got = S_run_file(argv[i]) < 0 ? -1 : 1;
        }
        if (got < 0)
            return 2;
        total += got;
    }
    printf("%s: %ld inputs ran\n", argc > 0 ? argv[0] : "replay", total);
    return 0;
}
