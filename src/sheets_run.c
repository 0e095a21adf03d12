/* sheets_run.c — writing the sheets and the booklet: file names, the
 * pipeline of kinds.h for each document, worker processes.  The sheet kind
 * itself (who gets a sheet, its XML) is sheets.c. */
#include "sheets-imp.h"

#include "fname.h"
#include "kinds.h"

#include <libxml/tree.h>

#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Booklets of more sheet entries (tasks summed over the sheets) than this
 * are typeset sheet by sheet (S_booklet_in_parts): about 1000 pages. */
#define S_BOOKLET_WHOLE_MAX 2000

#define S_MAX_WORKERS 8


/* One recipient's sheet into dir: a PDF, or with docx a Word document. */
static int
S_write_one(const gw_plan *plan, const gw_sheet_index *ix, const gw_sheet_rcpt *r,
            const char *dir, gw_fontset *fonts, int docx, gw_err *err)
{
    const gw_unit *u = gw_sheet_rcpt_unit(r);
    char *fname = gw_fname_make(gw_sheet_rcpt_no(r), u->name, docx ? "docx" : "pdf"), *path = NULL;
    gw_xml_doc doc = NULL;
    gw_buf b;
    int rc = 0;

    gw_buf_init(&b);
    /* gw_fname_make promises this; checked again because the file is about
     * to be created from a name that came from the record. */
    if (!gw_fname_is_safe(fname)) {
        rc = gw_err_set(err, GW_EINPUT, "sheet for %s: unsafe file name \"%s\"", u->name, fname);
        goto out;
    }
    gw_buf_printf(&b, "%s/%s", dir, fname);
    path = gw_buf_detach(&b);
    /* a PDF fills a long sheet's tasks piece by piece; Word gets them all */
    doc = gw_sheet_doc(plan, ix, r, !docx);
    rc = docx ? gw_kind_docx("sheet", doc, NULL, path, err)
              : gw_kind_pdf("sheet", &doc, NULL, plan, fname, path, fonts, err);
    if (rc)
        gw_err_prefix(err, "sheet for %s", u->name);
out:
    free(fname);
    free(path);
    gw_buf_free(&b);
    xmlFreeDoc(doc);
    return rc;
}

/* The booklet's parts for gw_kind_pdf_parts: part 0 is the cover (all the
 * recipients, with the pages their sheets start on once known), part k the
 * sheet of sel[k - 1]. */
typedef struct S_booklet {
    const gw_plan *plan;
    const gw_sheet_index *ix;
    const gw_sheet_rcpt *const *sel;
    size_t nsel;
} S_booklet;

static int
S_booklet_part(void *ctx, size_t k, const size_t *first, gw_xml_doc *out, gw_err *err)
{
    S_booklet *b = ctx;
    (void)err;
    if (k > 0) {
        *out = gw_booklet_doc(b->plan, b->ix, &b->sel[k - 1], 1, 0, 1);
        return 0;
    }
    *out = gw_booklet_doc(b->plan, b->ix, b->sel, b->nsel, 1, 0);
    if (first) {
        /* the <unit-sheet> children in order, as gw_booklet_doc made them */
        xmlNodePtr c = xmlDocGetRootElement(*out)->children;
        size_t i = 0;
        for (; c && i < b->nsel; c = c->next)
            if (c->type == XML_ELEMENT_NODE && !xmlStrcmp(c->name, BAD_CAST "unit-sheet")) {
                char num[24];
                snprintf(num, sizeof num, "%zu", first[++i]);
                xmlSetProp(c, BAD_CAST "first-page", BAD_CAST num);
            }
    }
    return 0;
}

/* Whether to typeset the booklet sheet by sheet: the booklet of a large
 * plan has tens of thousands of pages, and one FO document of all of them
 * took gigabytes; but every part goes through XSLT and the layout on its
 * own and the cover is laid out twice, so a small booklet is faster as one
 * document.  Both give the same document, object for object; only the
 * objects' numbers differ (t_sheets.sh).
 * GONGWEN_BOOKLET_PARTS=1 or 0 forces either way. */
static int
S_booklet_in_parts(const gw_sheet_rcpt *const *sel, size_t nsel)
{
    const char *env = getenv("GONGWEN_BOOKLET_PARTS");
    size_t tasks = 0;
    if (env && (!strcmp(env, "0") || !strcmp(env, "1")))
        return env[0] == '1';
    for (size_t i = 0; i < nsel; i++)
        tasks += gw_sheet_rcpt_tasks(sel[i]);
    return tasks > S_BOOKLET_WHOLE_MAX;
}

static int
S_write_booklet(const gw_plan *plan, const gw_sheet_index *ix,
                const gw_sheet_rcpt *const *sel, size_t nsel, const char *path,
                gw_fontset *fonts, gw_err *err)
{
    S_booklet b = {plan, ix, sel, nsel};
    gw_xml_doc doc = NULL;
    int rc;

    if (S_booklet_in_parts(sel, nsel)) {
        rc = gw_kind_pdf_parts("booklet", nsel + 1, S_booklet_part, &b, plan,
                               "sheets booklet", path, fonts, err);
    } else {
        doc = gw_booklet_doc(plan, ix, sel, nsel, 0, 0);
        rc = gw_kind_pdf("booklet", &doc, NULL, plan, "sheets booklet", path, fonts, err);
    }
    if (rc)
        gw_err_prefix(err, "booklet %s", path);
    xmlFreeDoc(doc);
    return rc;
}

static double
S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Workers: sheets are independent documents, so they are typeset in forked
 * worker processes (design.md: parallelise across documents).  Job numbers
 * go through a pipe (the booklet, the longest job, first); a worker that
 * fails writes its message to the error pipe (one write under PIPE_BUF, so
 * messages never interleave) and exits 1. */
typedef struct {
    const gw_plan *plan;
    const gw_sheet_index *ix;
    const gw_sheet_rcpt *const *sel;
    size_t         nsel;
    const char    *dir;
    const char    *booklet;     /* NULL: none */
    gw_fontset    *fonts;       /* one for the run, made before the workers */
    size_t         first;       /* sheets before this one are done already */
} S_jobs;

/* Runs job j: j < nsel is a sheet, j == nsel the booklet. */
static int
S_run_job(const S_jobs *jb, size_t j, gw_err *err)
{
    int rc;
    if (j == jb->nsel) {
        gw_notef("booklet %s (%zu sheets)", jb->booklet, jb->nsel);
        rc = S_write_booklet(jb->plan, jb->ix, jb->sel, jb->nsel, jb->booklet, jb->fonts,
                             err);
    } else {
        gw_notef("[%zu/%zu] %s", j + 1, jb->nsel, gw_sheet_rcpt_unit(jb->sel[j])->name);
        rc = S_write_one(jb->plan, jb->ix, jb->sel[j], jb->dir, jb->fonts, 0, err);
    }
    return rc;
}

static void
S_worker(const S_jobs *jb, int jobfd, int errfd)
{
    uint32_t j;
    gw_err err = {0, "", 0};
    ssize_t n;

    while ((n = read(jobfd, &j, sizeof j)) == (ssize_t)sizeof j) {
        if (S_run_job(jb, j, &err) != 0) {
            size_t len = strnlen(err.msg, sizeof err.msg - 1);
            if (write(errfd, err.msg, len) < 0)
                fprintf(stderr, "gongwen: %s\n", err.msg);
            _exit(err.code == GW_EIO ? 2 : err.code == GW_EDEP ? 3 : 1);
        }
    }
    _exit(0);
}

static int
S_run_parallel(const S_jobs *jb, int nworkers, gw_err *err)
{
    int jobp[2] = {-1, -1}, errp[2] = {-1, -1}, rc = 0, status, w, nstarted = 0;
    pid_t pids[S_MAX_WORKERS], parent;
    struct sigaction ign, old;
    size_t njobs = jb->nsel - jb->first + (jb->booklet ? 1 : 0), k;
    char msg[sizeof err->msg];
    ssize_t got;
    uint32_t j;

    if (pipe(jobp) != 0 || pipe(errp) != 0) {
        rc = gw_err_set(err, GW_EIO, "sheets: pipe: %s", strerror(errno));
        goto out;
    }
    fflush(NULL);
    parent = getpid();
    for (w = 0; w < nworkers; w++) {
        pid_t pid = fork();
        if (pid < 0) {
            rc = gw_err_set(err, GW_EIO, "sheets: fork: %s", strerror(errno));
            break;
        }
        if (pid == 0) {
            /* A worker dies with its parent (kill -9 of `gongwen build`):
             * SIGTERM removes its temporary file, and an output is never
             * renamed into place once the parent is gone. */
            gw_file_set_parent((int)parent);
            prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (getppid() != parent)
                _exit(1);
            close(jobp[1]);
            close(errp[0]);
            S_worker(jb, jobp[0], errp[1]);
        }
        pids[nstarted++] = pid;
    }
    close(jobp[0]);
    jobp[0] = -1;
    close(errp[1]);
    errp[1] = -1;
    /* When every worker has died a write to the job pipe must fail with
     * EPIPE, not kill us with SIGPIPE. */
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGPIPE, &ign, &old);
    /* Jobs are queued even after a failed fork: the workers that did start
     * finish them.  A worker that died leaves its jobs to the others. */
    for (k = 0; k < njobs && nstarted > 0; k++) {
        j = (uint32_t)(jb->booklet ? (k == 0 ? jb->nsel : jb->first + k - 1) : jb->first + k);
        if (write(jobp[1], &j, sizeof j) != (ssize_t)sizeof j)
            break;   /* every worker has exited: their status says why */
    }
    close(jobp[1]);
    jobp[1] = -1;
    sigaction(SIGPIPE, &old, NULL);
    got = read(errp[0], msg, sizeof msg - 1);
    for (w = 0; w < nstarted; w++) {
        while (waitpid(pids[w], &status, 0) < 0 && errno == EINTR)
            ;
        if (rc == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
            int code = WIFEXITED(status) ? WEXITSTATUS(status) : 3;
            rc = code == 2 ? GW_EIO : code == 3 ? GW_EDEP : GW_EINPUT;
            if (got > 0) {
                msg[got] = '\0';
                gw_err_set(err, rc, "%s", msg);
            } else {
                gw_err_set(err, rc, "sheets: a worker process failed (status %d)", status);
            }
        }
    }
    if (rc == 0 && nstarted == 0)
        rc = gw_err_set(err, GW_EIO, "sheets: no worker process could be started");
out:
    if (jobp[0] >= 0) close(jobp[0]);
    if (jobp[1] >= 0) close(jobp[1]);
    if (errp[0] >= 0) close(errp[0]);
    if (errp[1] >= 0) close(errp[1]);
    return rc;
}

/* Worker count: the online CPUs, at most S_MAX_WORKERS; GONGWEN_JOBS=N
 * overrides (1 = everything in this process). */
static int
S_nworkers(size_t njobs)
{
    const char *env = getenv("GONGWEN_JOBS");
    long n = env && *env ? strtol(env, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        n = 1;
    if (n > S_MAX_WORKERS)
        n = S_MAX_WORKERS;
    if ((size_t)n > njobs)
        n = (long)njobs;
    return (int)n;
}

int
gw_sheets_write(const gw_plan *plan, const char *dir, const char *booklet_path,
                const char *const *units, size_t nunits, gw_err *err)
{
    gw_sheet_index *ix = NULL;
    const gw_sheet_rcpt **sel = NULL;
    S_jobs jb;
    gw_fontset *fonts = NULL;
    size_t nsel = 0, k, njobs;
    double t0 = S_now();
    int rc, nw;

    rc = gw_sheet_index_new(plan, &ix, err);
    if (rc)
        return rc;
    rc = gw_sheet_select(ix, plan, units, nunits, &sel, &nsel, err);
    if (rc)
        goto out;
    if (nsel == 0) {
        gw_warnf("sheets: no unit has tasks, no sheets written");
        goto out;
    }
    rc = gw_mkdir_p(dir, err);
    if (rc)
        goto out;
    /* one fontset for every document: fontconfig's configuration is read
     * once, here, and the workers inherit it (and the faces) initialised */
    rc = gw_fontset_new(&fonts, err);
    if (rc)
        goto out;
    jb.plan = plan;
    jb.ix = ix;
    jb.sel = sel;
    jb.nsel = nsel;
    jb.dir = dir;
    jb.booklet = booklet_path;
    jb.fonts = fonts;
    jb.first = 0;
    njobs = nsel + (booklet_path ? 1 : 0);
    nw = S_nworkers(njobs);
    if (nw > 1) {
        /* The first sheet is typeset here, before the workers fork: they
         * then inherit the compiled stylesheets, the resolved font lists
         * and loaded faces, and each font warning is printed once, not
         * once per worker. */
        rc = S_run_job(&jb, 0, err);
        jb.first = 1;
        if (rc == 0 && njobs > 1)
            rc = S_run_parallel(&jb, nw, err);
    } else {
        for (k = 0; k < njobs && rc == 0; k++)
            rc = S_run_job(&jb, k, err);
    }
    gw_debugf("sheets: %zu sheets in %.3f s with %d process(es)", nsel, S_now() - t0, nw);
out:
    gw_fontset_free(fonts);
    free(sel);
    gw_sheet_index_free(ix);
    return rc;
}

int
gw_sheets_write_docx(const gw_plan *plan, const char *dir, const char *const *units,
                     size_t nunits, gw_err *err)
{
    gw_sheet_index *ix = NULL;
    const gw_sheet_rcpt **sel = NULL;
    size_t nsel = 0;
    int rc;

    if ((rc = gw_sheet_index_new(plan, &ix, err)) != 0)
        return rc;
    if ((rc = gw_sheet_select(ix, plan, units, nunits, &sel, &nsel, err)) != 0)
        goto out;
    if (nsel == 0) {
        gw_warnf("sheets: no unit has tasks, no sheets written");
        goto out;
    }
    if ((rc = gw_mkdir_p(dir, err)) != 0)
        goto out;
    /* Word files need no typesetting: a few milliseconds each, no workers */
    for (size_t k = 0; k < nsel && rc == 0; k++)
        rc = S_write_one(plan, ix, sel[k], dir, NULL, 1, err);
    if (rc == 0)
        gw_notef("wrote %zu Word sheets into %s", nsel, dir);
out:
    free(sel);
    gw_sheet_index_free(ix);
    return rc;
}
