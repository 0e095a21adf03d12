/* bench/rusage.c — wall time, CPU time and peak resident memory of a command
 * that forks worker processes, with the parent's peak and the largest
 * worker's peak apart.  bench/scale.sh builds this file twice:
 *
 *   cc -O2 -o rusage bench/rusage.c                                 (runner)
 *   cc -O2 -shared -fPIC -DRUSAGE_SHIM -o rusage_shim.so bench/rusage.c
 *
 *   RUSAGE_SHIM=/abs/rusage_shim.so rusage [-o FILE] COMMAND [ARG]...
 *
 * prints one line to FILE (default standard output):
 *
 *   WALL_S CPU_S PARENT_KB WORKERS_KB TREE_KB STATUS
 *
 * Why two parts.  On Linux, the ru_maxrss that wait4() returns for a child
 * is the larger of the child's own peak and the peak of the largest
 * descendant the child itself waited for (the kernel fills it in with
 * RUSAGE_BOTH); the same number is GNU time's %M.  For `gongwen build`,
 * whose parent reaps its sheet workers, that is max(parent, largest worker):
 * one figure, not the two asked for, and not a sum.  The parent's own figures
 * exist only inside the parent, so the shim, preloaded into the command with
 * LD_PRELOAD, asks getrusage() in a destructor when the command's main
 * process exits normally (after it has reaped its workers) and appends them
 * to the file named by $RUSAGE_REPORT:
 *
 *   PARENT_KB   getrusage(RUSAGE_SELF).ru_maxrss of the command's process:
 *               its own peak RSS.  It also covers the 1 MB or so this
 *               runner's forked child had before exec (the kernel keeps the
 *               larger of the pre-exec and post-exec peaks).
 *   WORKERS_KB  getrusage(RUSAGE_CHILDREN).ru_maxrss in that process: the
 *               peak RSS of the largest child it waited for (one process,
 *               not a sum); 0 when it forked none.  A forked worker starts
 *               with the parent's resident pages at the time of the fork
 *               (shared copy-on-write), and RSS counts them in each process,
 *               so this figure includes them.
 *
 * and the runner itself gives
 *
 *   TREE_KB     wait4()'s ru_maxrss: max(PARENT_KB, WORKERS_KB), a check.
 *   WALL_S      CLOCK_MONOTONIC from fork to wait4's return.
 *   CPU_S       wait4()'s user + system time: the command and every
 *               descendant it waited for.
 *   STATUS      the exit status, or 128 + the signal.
 *
 * -1 stands for a figure the shim could not give: the command died of a
 * signal or left with _exit(), or the shim was not loaded (RUSAGE_SHIM unset,
 * or a statically linked command).  The runner's exit status is the
 * command's.  Only the command's own process reports: the shim compares
 * getpid() with the pid it saw at start, so forked workers that leave with
 * exit() stay silent. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef RUSAGE_SHIM

static pid_t S_pid;
static char S_report[4096];

__attribute__((constructor)) static void
S_start(void)
{
    const char *p = getenv("RUSAGE_REPORT");
    S_pid = getpid();
    if (p != NULL && strlen(p) < sizeof S_report)
        strcpy(S_report, p);
}

__attribute__((destructor)) static void
S_end(void)
{
    struct rusage self, kids;
    char line[128];
    int fd, n;

    if (S_report[0] == '\0' || getpid() != S_pid)
        return;
    if (getrusage(RUSAGE_SELF, &self) != 0 || getrusage(RUSAGE_CHILDREN, &kids) != 0)
        return;
    n = snprintf(line, sizeof line, "%ld %ld %ld\n", (long)S_pid, self.ru_maxrss,
                 kids.ru_maxrss);
    fd = open(S_report, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    if (write(fd, line, (size_t)n) != n) {
        /* nothing to be done: the runner prints -1 */
    }
    close(fd);
}

#else /* the runner */

static double
S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The shim's line for pid in the report file: its two figures, else -1. */
static void
S_read_report(const char *path, pid_t pid, long *parent, long *workers)
{
    FILE *f = fopen(path, "r");
    long p, s, c;

    *parent = *workers = -1;
    if (f == NULL)
        return;
    while (fscanf(f, "%ld %ld %ld", &p, &s, &c) == 3)
        if (p == (long)pid) {
            *parent = s;
            *workers = c;
        }
    fclose(f);
}

int
main(int argc, char **argv)
{
    const char *out = NULL, *shim = getenv("RUSAGE_SHIM"), *tmp = getenv("TMPDIR");
    char report[4096];
    struct rusage ru;
    double t0, t1;
    long parent, workers;
    int a = 1, fd, status, code;
    pid_t pid;
    FILE *o = stdout;

    if (a + 1 < argc && !strcmp(argv[a], "-o")) {
        out = argv[a + 1];
        a += 2;
    }
    if (a >= argc) {
        fprintf(stderr, "usage: rusage [-o FILE] COMMAND [ARG]...\n"
                        "prints: WALL_S CPU_S PARENT_KB WORKERS_KB TREE_KB STATUS\n");
        return 64;
    }
    snprintf(report, sizeof report, "%s/rusage.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    fd = mkstemp(report);
    if (fd < 0) {
        fprintf(stderr, "rusage: %s: %s\n", report, strerror(errno));
        return 70;
    }
    close(fd);
    fflush(NULL);
    t0 = S_now();
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "rusage: fork: %s\n", strerror(errno));
        unlink(report);
        return 70;
    }
    if (pid == 0) {
        if (shim != NULL && *shim) {
            setenv("LD_PRELOAD", shim, 1);
            setenv("RUSAGE_REPORT", report, 1);
        }
        execvp(argv[a], argv + a);
        fprintf(stderr, "rusage: %s: %s\n", argv[a], strerror(errno));
        _exit(127);
    }
    while (wait4(pid, &status, 0, &ru) < 0)
        if (errno != EINTR) {
            fprintf(stderr, "rusage: wait4: %s\n", strerror(errno));
            unlink(report);
            return 70;
        }
    t1 = S_now();
    S_read_report(report, pid, &parent, &workers);
    unlink(report);
    code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (out != NULL && (o = fopen(out, "w")) == NULL) {
        fprintf(stderr, "rusage: %s: %s\n", out, strerror(errno));
        return 70;
    }
    fprintf(o, "%.3f %.3f %ld %ld %ld %d\n", t1 - t0,
            (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec)
                + (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6,
            parent, workers, ru.ru_maxrss, code);
    if (o != stdout)
        fclose(o);
    return code;
}

#endif
