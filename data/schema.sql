-- data/schema.sql — the record of a task-division plan.
--
-- Migrations, in order.  Each starts with a line "-- version N"; gongwen
-- applies every migration whose N is above PRAGMA user_version, in one
-- transaction, then sets user_version to N.  Migrations only add: a released
-- migration is never edited and never drops data.

-- version 1
-- The plan (at most one per database) and where it came from.
CREATE TABLE plan (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    source      TEXT NOT NULL,              -- file the plan was imported from
    imported_at TEXT NOT NULL               -- ISO 8601 UTC
);

-- Metadata of the plan and its notice: title, preamble, notice_title, issuer,
-- issuer_mark, doc_number, sign_date, addressees, copy_to, printer,
-- print_date, note, attachment, copy_no, secret, urgency, signer.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Sections as an ordered tree: 一、… (level 1) → （一）… (level 2).
CREATE TABLE section (
    id              INTEGER PRIMARY KEY,    -- document order
    parent          INTEGER REFERENCES section(id),
    level           INTEGER NOT NULL CHECK (level BETWEEN 1 AND 2),
    ordinal         INTEGER NOT NULL,       -- position among its siblings
    label           TEXT NOT NULL,          -- 一、 / （一）
    title           TEXT NOT NULL,
    is_requirements INTEGER NOT NULL DEFAULT 0
);

-- Tasks, numbered as published; section is the innermost section.
CREATE TABLE task (
    no         INTEGER PRIMARY KEY,
    section    INTEGER NOT NULL REFERENCES section(id),
    title      TEXT NOT NULL DEFAULT '',    -- short title without 。
    body       TEXT NOT NULL,               -- the rest, normalised
    units_text TEXT NOT NULL DEFAULT '',    -- the unit list as published
    line       INTEGER NOT NULL DEFAULT 0   -- line in the source text
);

-- The unit directory: units and groups of units.
CREATE TABLE unit (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,        -- canonical name
    short_name TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL CHECK (kind IN
               ('party','government','county','mass','school','group','other')),
    sort       INTEGER NOT NULL,
    is_group   INTEGER NOT NULL DEFAULT 0,
    open_group INTEGER NOT NULL DEFAULT 0,  -- a group with no fixed members
    added_by_import INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE unit_alias (
    alias TEXT PRIMARY KEY,
    unit  INTEGER NOT NULL REFERENCES unit(id)
);

CREATE TABLE group_member (
    grp    INTEGER NOT NULL REFERENCES unit(id),
    member INTEGER NOT NULL REFERENCES unit(id),
    pos    INTEGER NOT NULL,
    PRIMARY KEY (grp, member)
);

-- Who does a task: a unit or a group, lead or responsible, in published order.
CREATE TABLE assignment (
    task INTEGER NOT NULL REFERENCES task(no),
    pos  INTEGER NOT NULL,                  -- 1-based position in the list
    unit INTEGER NOT NULL REFERENCES unit(id),
    role TEXT NOT NULL CHECK (role IN ('lead','responsible')),
    PRIMARY KEY (task, pos)
);

-- The 工作要求 / 保障措施 items.
CREATE TABLE requirement (
    ordinal INTEGER PRIMARY KEY,
    label   TEXT NOT NULL,                  -- （一）
    text    TEXT NOT NULL
);

CREATE TABLE milestone (
    id          INTEGER PRIMARY KEY,
    task        INTEGER NOT NULL REFERENCES task(no),
    due         TEXT NOT NULL DEFAULT '',   -- ISO date or ''
    deadline    TEXT NOT NULL DEFAULT '',   -- as published: 2020年12月底
    description TEXT NOT NULL DEFAULT '',
    form        TEXT NOT NULL DEFAULT ''    -- 成果形式
);

-- Quarterly progress reports.  They refer to the task by its number (not a
-- row id) so that they survive the re-import of a revised plan.
CREATE TABLE progress (
    id          INTEGER PRIMARY KEY,
    task_no     INTEGER NOT NULL,
    unit        INTEGER NOT NULL REFERENCES unit(id),
    quarter     TEXT NOT NULL,              -- 2017Q3
    status      TEXT NOT NULL DEFAULT '',
    percent     INTEGER CHECK (percent BETWEEN 0 AND 100),
    progress    TEXT NOT NULL DEFAULT '',   -- 进展情况
    problems    TEXT NOT NULL DEFAULT '',   -- 存在问题
    next_steps  TEXT NOT NULL DEFAULT '',   -- 下一步打算
    reported_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX progress_task ON progress(task_no, quarter);

-- version 2
-- Quarterly supervision (docs/supervision.md).  Milestones come from the plan
-- text (origin 'plan') or from the lead units' schedule forms (origin 'form',
-- `gongwen import milestones`); like progress reports, a form's milestones
-- survive the re-import of a revised plan, so the table is rebuilt without
-- the foreign key to task (the rows are copied, nothing is lost).
CREATE TABLE milestone_v2 (
    id          INTEGER PRIMARY KEY,
    task        INTEGER NOT NULL,           -- task number
    origin      TEXT NOT NULL DEFAULT 'plan' CHECK (origin IN ('plan', 'form')),
    due         TEXT NOT NULL DEFAULT '',   -- ISO date or '' (长期坚持)
    deadline    TEXT NOT NULL DEFAULT '',   -- as written: 2017年第三季度
    description TEXT NOT NULL DEFAULT '',   -- 节点
    form        TEXT NOT NULL DEFAULT ''    -- 成果形式
);
INSERT INTO milestone_v2(id, task, origin, due, deadline, description, form)
    SELECT id, task, 'plan', due, deadline, description, form FROM milestone;
DROP TABLE milestone;
ALTER TABLE milestone_v2 RENAME TO milestone;
CREATE INDEX milestone_task ON milestone(task, origin);

-- Progress rows a re-submission replaced, with where the new ones came from.
CREATE TABLE progress_audit (
    id          INTEGER PRIMARY KEY,
    task_no     INTEGER NOT NULL,
    unit        INTEGER NOT NULL,
    quarter     TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT '',
    percent     INTEGER,
    progress    TEXT NOT NULL DEFAULT '',
    problems    TEXT NOT NULL DEFAULT '',
    next_steps  TEXT NOT NULL DEFAULT '',
    reported_at TEXT NOT NULL DEFAULT '',
    was_file    TEXT NOT NULL DEFAULT '',   -- the form the replaced row came from
    was_row     INTEGER NOT NULL DEFAULT 0,
    replaced_at TEXT NOT NULL,              -- when (ISO, UTC)
    file        TEXT NOT NULL,              -- the file that replaced them
    file_sha256 TEXT NOT NULL,
    row         INTEGER NOT NULL            -- its row that replaced this one
);
-- Where a progress row came from.
ALTER TABLE progress ADD COLUMN file TEXT NOT NULL DEFAULT '';
ALTER TABLE progress ADD COLUMN file_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE progress ADD COLUMN row INTEGER NOT NULL DEFAULT 0;

-- version 3
-- The leader responsible for a task (责任领导, 牵头负责领导, 牵头市领导,
-- 分管领导 in the published plan), as written; '' when the plan names none.
ALTER TABLE task ADD COLUMN leader TEXT NOT NULL DEFAULT '';
