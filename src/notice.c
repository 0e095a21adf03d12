/* notice.c — the notice (通知) kind: the plan → intermediate XML <plan>
 * (data/plan.rng) for templates/notice.xsl.  Built node by node with the
 * builders' shared policy (xmlbuild-imp.h); sections are nested with a
 * lookup table, not by recursion. */
#include "xmlbuild-imp.h"

#include "meta.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends <name>text</name> (the builder policy: xmlbuild.c) and returns it. */
static xmlNodePtr
S_child(xmlNodePtr parent, const char *name, const char *text)
{
    return gw_xb_el(parent->doc, parent, name, text ? text : "");
}

/* <name><line>…</line>…</name> for a title broken by meaning */
static void
S_title(xmlNodePtr meta, const char *name, const char *title)
{
    gw_xb_title_lines(meta->doc, gw_xb_el(meta->doc, meta, name, NULL), title);
}

/* <name iso="2017-05-12">2017年5月12日</name> for a date the record holds
 * (checked by the metadata rules: a value written by other means too). */
static int
S_date(xmlNodePtr meta, const char *name, const char *key, const char *value, gw_err *err)
{
    gw_buf b;
    gw_date d;
    xmlNodePtr el;
    int rc;
    char iso[11];
    gw_buf_init(&b);
    /* gw_meta_check_plan has checked the value */
    if (!gw_date_parse(value, &d)) {
        rc = gw_err_set(err, GW_EINPUT, "plan metadata %s: %s is not a real date", key,
                        value ? value : "");
        goto out;
    }
    rc = 0;
    gw_date_iso(&d, iso);
    gw_date_cn(&d, &b);
    el = S_child(meta, name, b.ptr);
    xmlNewProp(el, (const xmlChar *)"iso", (const xmlChar *)iso);
out:
    gw_buf_free(&b);
    return rc;
}

/* Meta keys copied as they are: record key, element name. */
static const char *const S_plain_meta[][2] = {
    {"issuer", "issuer"}, {"issuer_mark", "issuer-mark"}, {"doc_number", "doc-number"},
    {"addressees", "addressees"}, {"copy_to", "copy-to"}, {"printer", "printer"},
    {"note", "note"}, {"copy_no", "copy-no"}, {"secret", "secret"}, {"urgency", "urgency"},
    {"signer", "signer"}, {"attachment", "attachment"}, {"notice_body", "notice-body"},
};

static int
S_meta(const gw_plan *plan, xmlNodePtr root, gw_err *err)
{
    static const char *const required[] = {"title", "issuer", "doc_number", "sign_date", "addressees"};
    xmlNodePtr meta = xmlNewChild(root, NULL, (const xmlChar *)"meta", NULL);
    const char *v;
    gw_buf chk;
    size_t i;
    int rc = 0;

    gw_buf_init(&chk);
    for (i = 0; i < sizeof required / sizeof required[0]; i++) {
        v = gw_plan_meta(plan, required[i]);
        if (v == NULL || v[0] == '\0') {
            rc = gw_err_set(err, GW_EINPUT, "plan metadata %s is not set; a notice needs it "
                            "(gongwen set %s VALUE)", required[i], required[i]);
            goto out;
        }
    }
    /* every value the record holds passes the rules `gongwen set` applies:
     * one rule per key, whoever wrote the value */
    if ((rc = gw_meta_check_plan(plan, err)) < 0)
        goto out;
    v = gw_plan_meta(plan, "title");
    S_title(meta, "title", v);
    v = gw_plan_meta(plan, "notice_title");
    if (v != NULL && v[0] != '\0') {
        S_title(meta, "notice-title", v);
    } else {
        /* the genre's formula when the record has no notice title */
        gw_buf b;
        gw_buf_init(&b);
        gw_buf_printf(&b, "关于印发%s的通知", gw_plan_meta(plan, "title"));
        S_title(meta, "notice-title", b.ptr);
        gw_buf_free(&b);
    }
    for (i = 0; i < sizeof S_plain_meta / sizeof S_plain_meta[0]; i++) {
        v = gw_plan_meta(plan, S_plain_meta[i][0]);
        if (v != NULL && v[0] != '\0')
            S_child(meta, S_plain_meta[i][1], v);
    }
    /* 版记 defaults a secretary would use: the issuer prints it, on the day
     * it is signed */
    v = gw_plan_meta(plan, "printer");
    if (v == NULL || v[0] == '\0')
        S_child(meta, "printer", gw_plan_meta(plan, "issuer"));
    if ((rc = S_date(meta, "sign-date", "sign_date", gw_plan_meta(plan, "sign_date"), err)) < 0)
        goto out;
    v = gw_plan_meta(plan, "print_date");
    if (v == NULL || v[0] == '\0')
        v = gw_plan_meta(plan, "sign_date");
    if ((rc = S_date(meta, "print-date", "print_date", v, err)) < 0)
        goto out;
    v = gw_plan_meta(plan, "requirements_in");
    if (v != NULL && v[0] != '\0')
        S_child(meta, "requirements-in", v);
    v = gw_plan_meta(plan, "table");
    if (v != NULL && v[0] != '\0') {
        gw_meta_check("table", v, &chk, err);
        S_child(meta, "table", chk.ptr);
    }
out:
    gw_buf_free(&chk);
    return rc;
}

/* What a task element holds, from the record's task t. */
static void
S_task_fill(const gw_plan *plan, const gw_task *t, xmlNodePtr n)
{
    xmlNodePtr u;
    char num[32];
    size_t i;

    S_child(n, "title", t->title);
    gw_xb_body(n->doc, n, t->body);
    S_child(n, "units-text", t->units_text);
    if (t->leader[0])
        S_child(n, "leader", t->leader);
    for (i = 0; i < t->nassignments; i++) {
        const gw_assignment *as = &t->assignments[i];
        const gw_unit *unit = gw_plan_unit_by_id(plan, as->unit);
        if (unit == NULL)
            continue;
        u = S_child(n, "unit", unit->name);
        xmlNewProp(u, (const xmlChar *)"role",
                   (const xmlChar *)(as->role == GW_ROLE_LEAD ? "lead" : "responsible"));
        snprintf(num, sizeof num, "u%d", unit->id);
        xmlNewProp(u, (const xmlChar *)"ref", (const xmlChar *)num);
    }
    for (i = 0; i < t->nmilestones; i++) {
        const gw_milestone *m = &t->milestones[i];
        xmlNodePtr ms = S_child(n, "milestone", m->description);
        if (m->due && m->due[0])
            xmlNewProp(ms, (const xmlChar *)"due", (const xmlChar *)m->due);
        if (m->deadline && m->deadline[0])
            xmlNewProp(ms, (const xmlChar *)"deadline", (const xmlChar *)m->deadline);
        if (m->form && m->form[0])
            xmlNewProp(ms, (const xmlChar *)"form", (const xmlChar *)m->form);
    }
}

/* <task no="N"> under parent: filled, or bare (gw_xml_notice_fill). */
static void
S_task(const gw_plan *plan, const gw_task *t, xmlNodePtr parent, int bare)
{
    xmlNodePtr n = xmlNewChild(parent, NULL, (const xmlChar *)"task", NULL);
    char num[32];

    snprintf(num, sizeof num, "%d", t->no);
    xmlNewProp(n, (const xmlChar *)"no", (const xmlChar *)num);
    if (!bare)
        S_task_fill(plan, t, n);
}

void
gw_xml_notice_fill(const gw_plan *plan, gw_xml_node task)
{
    xmlChar *v;
    const gw_task *t;

    if (task->children)
        return;                 /* filled already */
    v = xmlGetProp(task, (const xmlChar *)"no");
    t = v ? gw_plan_task_by_no(plan, (int)strtol((const char *)v, NULL, 10)) : NULL;
    xmlFree(v);
    if (t)
        S_task_fill(plan, t, task);
}

/* The XML node of section `id` (linear lookup: plans have tens of
 * sections). */
static xmlNodePtr
S_find(const int *ids, xmlNodePtr *nodes, size_t n, int id)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (ids[i] == id)
            return nodes[i];
    return NULL;
}

static int
S_body(const gw_plan *plan, xmlNodePtr root, int bare, gw_err *err)
{
    size_t ns = gw_plan_section_count(plan), nt = gw_plan_task_count(plan);
    size_t nr = gw_plan_requirement_count(plan), i;
    int *ids = gw_xcalloc(ns + 1, sizeof *ids);
    xmlNodePtr *nodes = gw_xcalloc(ns + 1, sizeof *nodes), req = NULL;
    const char *pre = gw_plan_meta(plan, "preamble");
    int rc = 0;

    if (pre != NULL && pre[0] != '\0')
        S_child(root, "preamble", pre);
    for (i = 0; i < ns; i++) {
        const gw_section *s = gw_plan_section(plan, i);
        xmlNodePtr parent = root, n;
        char num[24];
        if (s->level < 1 || s->level > GW_XML_MAX_LEVEL) {
            rc = gw_err_set(err, GW_EINPUT, "section %s%s: level %d outside 1..%d",
                            s->label, s->title, s->level, GW_XML_MAX_LEVEL);
            goto out;
        }
        if (s->parent != 0) {
            parent = S_find(ids, nodes, i, s->parent);
            if (parent == NULL) {
                rc = gw_err_set(err, GW_EINPUT, "section %s%s: its parent section %d comes later "
                                "or does not exist", s->label, s->title, s->parent);
                goto out;
            }
        }
        n = xmlNewChild(parent, NULL, (const xmlChar *)"section", NULL);
        snprintf(num, sizeof num, "%d", s->level);
        xmlNewProp(n, (const xmlChar *)"level", (const xmlChar *)num);
        xmlNewProp(n, (const xmlChar *)"label", (const xmlChar *)s->label);
        if (s->is_requirements) {
            xmlNewProp(n, (const xmlChar *)"kind", (const xmlChar *)"requirements");
            if (req == NULL)
                req = n;
        }
        S_child(n, "heading", s->title);
        ids[i] = s->id;
        nodes[i] = n;
    }
    for (i = 0; i < nt; i++) {
        const gw_task *t = gw_plan_task(plan, i);
        xmlNodePtr parent = S_find(ids, nodes, ns, t->section);
        S_task(plan, t, parent ? parent : root, bare);
    }
    if (nr > 0 && req == NULL) {
        rc = gw_err_set(err, GW_EINPUT, "the plan has %zu work requirements but no 工作要求 section "
                        "to hold them", nr);
        goto out;
    }
    for (i = 0; i < nr; i++) {
        const gw_requirement *r = gw_plan_requirement(plan, i);
        xmlNodePtr n = S_child(req, "requirement", r->text);
        xmlNewProp(n, (const xmlChar *)"label", (const xmlChar *)r->label);
    }
out:
    free(ids);
    free(nodes);
    return rc;
}

gw_xml_node
gw_xml_notice_next(gw_xml_node root, gw_xml_node n)
{
    /* into a section; else on, or up and on */
    if (!n)
        n = root->children;
    else if (gw_xml_is(n, "section") && n->children)
        n = n->children;
    else {
        while (n != root && !n->next)
            n = n->parent;
        n = n != root ? n->next : NULL;
    }
    while (n && !(gw_xml_is(n, "section") || gw_xml_is(n, "task") || gw_xml_is(n, "requirement"))) {
        while (n != root && !n->next)
            n = n->parent;
        n = n != root ? n->next : NULL;
    }
    return n;
}

/* xml:id i1, i2, ... on the sections, tasks and requirements in reading
 * order: a notice typeset in pieces names each piece's paragraphs and rows
 * by them (id() finds them without reading the rest), and every XSLT run
 * gives a heading the same anchor (generate-id() does not). */
static void
S_ids(xmlNodePtr root)
{
    xmlNodePtr n = NULL;
    size_t k = 0;
    char id[32];

    while ((n = gw_xml_notice_next(root, n))) {
        snprintf(id, sizeof id, "i%zu", ++k);
        xmlSetProp(n, (const xmlChar *)"xml:id", (const xmlChar *)id);
    }
}

int
gw_xml_notice(const gw_plan *plan, gw_xml_doc *out, gw_err *err)
{
    return gw_xml_notice_bare(plan, 0, out, err);
}

int
gw_xml_notice_bare(const gw_plan *plan, int bare, gw_xml_doc *out, gw_err *err)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr root = xmlNewNode(NULL, (const xmlChar *)"plan");
    int rc;

    *out = NULL;
    xmlDocSetRootElement(doc, root);
    xmlNewProp(root, (const xmlChar *)"version", (const xmlChar *)"1");
    rc = S_meta(plan, root, err);
    if (rc < 0)
        goto out;
    rc = S_body(plan, root, bare, err);
    if (rc < 0)
        goto out;
    S_ids(root);
    *out = doc;
    doc = NULL;
out:
    if (doc != NULL)
        xmlFreeDoc(doc);
    return rc;
}

