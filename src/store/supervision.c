/* supervision.c — the record layer's part of quarterly supervision: the
 * milestones of the lead units' schedule forms (docs/supervision.md). */
#include "store-imp.h"

int
gw_store_milestones_save(gw_store *st, const gw_plan *forms, gw_err *err)
{
    gw_stmt *del = NULL, *ins = NULL;
    int rc, in_tx = 0;

    if ((rc = gw_store_begin(st, err)) < 0)
        goto out;
    in_tx = 1;
    if ((rc = gw_stmt_prepare(st, "DELETE FROM milestone WHERE task = ?1 AND origin = 'form'",
                              &del, err)) < 0 ||
        (rc = gw_stmt_prepare(st, "INSERT INTO milestone(task, origin, due, deadline, "
                              "description, form) VALUES (?1, 'form', ?2, ?3, ?4, ?5)", &ins,
                              err)) < 0)
        goto out;
    for (size_t i = 0; i < gw_plan_task_count(forms); i++) {
        const gw_task *t = gw_plan_task(forms, i);
        gw_stmt_reset(del);
        if ((rc = gw_stmt_bind_int(del, 1, t->no, err)) < 0 || (rc = gw_stmt_step(del, err)) < 0)
            goto out;
        for (size_t k = 0; k < t->nmilestones; k++) {
            const gw_milestone *m = &t->milestones[k];
            gw_stmt_reset(ins);
            if ((rc = gw_stmt_bind_int(ins, 1, t->no, err)) < 0 ||
                (rc = gw_stmt_bind_text(ins, 2, m->due, err)) < 0 ||
                (rc = gw_stmt_bind_text(ins, 3, m->deadline, err)) < 0 ||
                (rc = gw_stmt_bind_text(ins, 4, m->description, err)) < 0 ||
                (rc = gw_stmt_bind_text(ins, 5, m->form, err)) < 0 ||
                (rc = gw_stmt_step(ins, err)) < 0)
                goto out;
        }
    }
    rc = gw_store_commit(st, err);
    in_tx = 0;
out:
    if (in_tx)
        gw_store_rollback(st);
    gw_stmt_free(del);
    gw_stmt_free(ins);
    return rc < 0 ? rc : 0;
}
