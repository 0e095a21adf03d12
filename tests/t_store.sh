#!/bin/sh
# t_store.sh — the record over time: schema version and migrations,
# idempotent import, re-import of a revised plan keeping progress reports,
# and `gongwen set` validation.
. "$(dirname "$0")/lib.sh"

F="$TOP/tests/fixtures/import"
DB="$T/rec.db"
dump() { sqlite3 "$1" .dump; }

"$GW" import plan "$TOP/data/plan.txt" --db "$DB" 2>/dev/null
ok_eq "new database has schema version 3" "$(sqlite3 "$DB" 'PRAGMA user_version')" 3
ok_eq "all tables exist" "$(sqlite3 "$DB" "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)")" \
    "assignment,group_member,meta,milestone,plan,progress,progress_audit,requirement,section,task,unit,unit_alias"

# Importing the same text twice gives the same record.
D1=$(dump "$DB")
"$GW" import plan "$TOP/data/plan.txt" --db "$DB" 2>/dev/null
ok_eq "second import exits 0" "$?" 0
ok_eq "importing twice gives the same record" "$(dump "$DB")" "$D1"

# set: validation and storage.
"$GW" set doc_number 株人才办发〔2017〕5号 --db "$DB"
ok_eq "set doc_number" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'doc_number'")" "株人才办发〔2017〕5号"
"$GW" set doc_number '株人才办发[2017]5号' --db "$DB" 2>"$T/e"
ok_eq "doc_number with [] rejected" "$?" 1
ok_match "and 〔〕 suggested" "$(cat "$T/e")" "did you mean 株人才办发〔2017〕5号"
"$GW" set doc_number '株人才办发(2017)5号' --db "$DB" 2>"$T/e"
ok_match "doc_number with () rejected with a suggestion" "$(cat "$T/e")" "did you mean 株人才办发〔2017〕5号"
"$GW" set doc_number '株人才办发〔2017〕第5号' --db "$DB" 2>"$T/e"
ok_match "doc_number with 第 rejected" "$(cat "$T/e")" "no 第"
"$GW" set doc_number '株人才办发〔2017〕05号' --db "$DB" 2>"$T/e"
ok_match "doc_number with a leading zero rejected" "$(cat "$T/e")" "leading zero"
"$GW" set doc_number '株人才办发〔17〕5号' --db "$DB" 2>"$T/e"
ok_match "doc_number with a two-digit year rejected" "$(cat "$T/e")" "four digits"
"$GW" set print_date 2017年5月20日 --db "$DB"    # 印发 is not before 成文 (set checks)
"$GW" set sign_date 2017年5月20日 --db "$DB"
ok_eq "date in Chinese stored as ISO" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'sign_date'")" "2017-05-20"
"$GW" set print_date 2017-02-29 --db "$DB" 2>"$T/e"
ok_eq "2017-02-29 rejected" "$?" 1
ok_match "with a message" "$(cat "$T/e")" "print_date: 2017-02-29 is not a real date"
"$GW" set colour red --db "$DB" 2>"$T/e"
ok_eq "unknown key rejected" "$?" 1
ok_match "listing the known keys" "$(cat "$T/e")" "unknown key colour; the keys are title, preamble, .*doc_number"
"$GW" set copy_no 12 --db "$DB" 2>"$T/e"
ok_match "copy_no must be six digits" "$(cat "$T/e")" "six digits"
ok_eq "rejected values change nothing" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'doc_number'")" "株人才办发〔2017〕5号"
ok_match "set --list shows values" "$("$GW" set --list --db "$DB")" "doc_number +株人才办发〔2017〕5号"
ok_match "set --list shows unset keys" "$("$GW" set --list --db "$DB")" "signer +\(unset\)"
# The keys the notice template reads: table, requirements_in, notice_body.
"$GW" set table no --db "$DB"
ok_eq "set table no stored as 0" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'table'")" "0"
"$GW" set table yes --db "$DB"
ok_eq "set table yes stored as 1" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'table'")" "1"
"$GW" set --db "$DB" note -- -q >/dev/null 2>&1
ok_eq "after --, a value that looks like an option is stored as it is" \
    "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'note'")" "-q"
"$GW" -q set --db "$DB" note '（此件公开发布）'
"$GW" set table maybe --db "$DB" 2>"$T/e"
ok_eq "set table maybe rejected" "$?" 1
ok_match "saying what is allowed" "$(cat "$T/e")" "set table: yes or no .*附件2.*got maybe"
ok_eq "and the value kept" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'table'")" "1"
"$GW" set requirements_in body --db "$DB"
ok_eq "set requirements_in body" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'requirements_in'")" "body"
"$GW" set requirements_in notice --db "$DB" 2>"$T/e"
ok_match "requirements_in other than body/attachment rejected" "$? $(cat "$T/e")" \
    "^1 .*requirements_in: body or attachment .*got notice"
"$GW" set requirements_in attachment --db "$DB"
ok_eq "set requirements_in attachment" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'requirements_in'")" "attachment"
"$GW" set notice_body '现将方案印发给你们，请认真贯彻执行。' --db "$DB"
ok_eq "set notice_body" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'notice_body'")" "现将方案印发给你们，请认真贯彻执行。"
"$GW" set notice_body "$(printf 'a\nb')" --db "$DB" 2>"$T/e"
ok_match "notice_body must be one paragraph" "$? $(cat "$T/e")" "^1 .*notice_body: the value must be one line"
"$GW" set notice_body "$(head -c 4001 /dev/zero | tr '\0' x)" --db "$DB" 2>"$T/e"
ok_match "notice_body over the cap rejected" "$? $(cat "$T/e")" "^1 .*cap of 4000 bytes"
L=$("$GW" set --list --db "$DB")
ok_match "set --list documents table" "$L" "^table +1  \(yes\)"
ok_match "set --list documents requirements_in" "$L" "where 工作要求 is printed: attachment \(default\) or body"
ok_match "set --list documents notice_body" "$L" "notice_body +现将方案印发给你们"
sqlite3 "$DB" "DELETE FROM meta WHERE key IN ('notice_body', 'requirements_in', 'table')"
"$GW" set issuer X --db "$T/none.db" 2>"$T/e"
ok_eq "set on a missing database fails" "$?" 2
ok_if "without creating it" test ! -e "$T/none.db"

# Re-import keeps what was set (defaults only fill unset keys).
"$GW" import plan "$TOP/data/plan.txt" --db "$DB" 2>/dev/null
ok_eq "re-import keeps a set doc_number" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'doc_number'")" "株人才办发〔2017〕5号"

# Progress reports survive a revised plan, attached to their task numbers.
sqlite3 "$DB" "INSERT INTO progress(task_no, unit, quarter, status, percent, progress) VALUES
    (1, (SELECT id FROM unit WHERE name = '市科技局'), '2017Q3', '推进中', 50, '已起草办法'),
    (2, (SELECT id FROM unit WHERE name = '市委组织部'), '2017Q3', '推进中', 30, ''),
    (7, (SELECT id FROM unit WHERE name = '市委组织部'), '2017Q3', '已完成', 100, '')"
"$GW" import plan "$F/revised.txt" --db "$DB" 2>"$T/e"
ok_eq "revised plan imports" "$?" 0
ok_eq "revised plan replaces the tasks" "$(sqlite3 "$DB" 'SELECT count(*) FROM task')" 2
ok_eq "revised plan replaces the requirements" "$(sqlite3 "$DB" 'SELECT count(*) FROM requirement')" 1
ok_eq "no assignment of the old plan remains" "$(sqlite3 "$DB" 'SELECT count(*) FROM assignment WHERE task > 2')" 0
ok_eq "progress reports are all kept" "$(sqlite3 "$DB" 'SELECT count(*) FROM progress')" 3
ok_eq "task 1's report still joins its task" \
    "$(sqlite3 "$DB" "SELECT t.title || '/' || p.percent FROM progress p JOIN task t ON t.no = p.task_no WHERE p.task_no = 1")" \
    "顶尖人才引领工程/50"
ok_match "orphaned report warned about" "$(cat "$T/e")" \
    "warning: .*revised.txt: 1 progress report\(s\) for task 7, which the new plan does not have"
ok_eq "only the orphan is warned about" "$(grep -c 'progress report' "$T/e")" 1
ok_eq "title from the revised text" "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key = 'title'")" \
    "《关于进一步推进人才优先发展的30条措施》主要任务分工方案（修订）"

# Schema versions: a newer database is refused, a foreign one is not touched.
cp "$DB" "$T/newer.db"
sqlite3 "$T/newer.db" 'PRAGMA user_version = 99'
"$GW" list tasks --db "$T/newer.db" >/dev/null 2>"$T/e"
ok_eq "newer schema refused" "$?" 1
ok_match "with a message" "$(cat "$T/e")" "not a gongwen database \(schema version 99; this gongwen knows 1 to 3\)"
sqlite3 "$T/foreign.db" 'CREATE TABLE x(a); INSERT INTO x VALUES (1)'
S1=$(sha256sum <"$T/foreign.db")
"$GW" import plan "$TOP/data/plan.txt" --db "$T/foreign.db" 2>"$T/e"
ok_eq "a foreign database is refused" "$?" 1
ok_match "with a message" "$(cat "$T/e")" "not a gongwen database"
ok_eq "and left untouched" "$(sha256sum <"$T/foreign.db")" "$S1"
printf 'not a database at all, just text...................................................' >"$T/text.db"
"$GW" import plan "$TOP/data/plan.txt" --db "$T/text.db" 2>"$T/e"
ok_eq "a non-SQLite file is refused" "$?" 2
ok_match "with a message naming it" "$(cat "$T/e")" "text.db: .*not a database"

# A migration added later runs on open and keeps the data: a home whose
# schema.sql has a version 4 (GONGWEN_HOME points gongwen at it).
H="$T/home"
mkdir -p "$H/data"
cp "$TOP"/data/*.sql "$TOP"/data/*.tsv "$TOP"/data/plan.txt "$H/data/"
printf '\n-- version 4\nALTER TABLE task ADD COLUMN remark TEXT NOT NULL DEFAULT '"''"';\n' >>"$H/data/schema.sql"
"$GW" import plan "$TOP/data/plan.txt" --db "$T/old.db" 2>/dev/null
sqlite3 "$T/old.db" "INSERT INTO progress(task_no, unit, quarter, percent) VALUES (5, 1, '2017Q4', 10)"
GONGWEN_HOME="$H" "$GW" list sections --db "$T/old.db" >/dev/null 2>"$T/e"
ok_eq "open with a newer schema file succeeds" "$?" 0
ok_eq "migrated to version 4" "$(sqlite3 "$T/old.db" 'PRAGMA user_version')" 4
ok_eq "the new column exists" "$(sqlite3 "$T/old.db" "SELECT count(*) FROM pragma_table_info('task') WHERE name = 'remark'")" 1
ok_eq "tasks kept" "$(sqlite3 "$T/old.db" 'SELECT count(*) FROM task')" 30
ok_eq "progress kept" "$(sqlite3 "$T/old.db" 'SELECT percent FROM progress WHERE task_no = 5')" 10
"$GW" list sections --db "$T/old.db" >/dev/null 2>"$T/e"
ok_eq "the older gongwen refuses the migrated database" "$?" 1
ok_match "saying why" "$(cat "$T/e")" "not a gongwen database \(schema version 4; this gongwen knows 1 to 3\)"
printf '\n-- version 6\nSELECT 1;\n' >>"$H/data/schema.sql"
GONGWEN_HOME="$H" "$GW" list sections --db "$T/old.db" >/dev/null 2>"$T/e"
ok_match "a gap in the migration numbers is reported" "$(cat "$T/e")" "found version 6 after 4"
ok_eq "and nothing was applied" "$(sqlite3 "$T/old.db" 'PRAGMA user_version')" 4

# Version 1 → 2 (the supervision tables): a database made by a gongwen that
# knew only version 1 keeps its milestones, now of origin 'plan'.
# (made with sqlite3 from the version-1 part of schema.sql, as an older
# gongwen left it: a plan whose task 1 has two milestones)
sed '/^-- version 2$/,$d' "$TOP/data/schema.sql" | sqlite3 "$T/v1.db"
sqlite3 "$T/v1.db" "PRAGMA user_version = 1;
    INSERT INTO plan(id, source, imported_at) VALUES (1, 'old.txt', '2017-05-12T00:00:00Z');
    INSERT INTO section(id, level, ordinal, label, title) VALUES (1, 1, 1, '一、', '任务');
    INSERT INTO task(no, section, title, body) VALUES (1, 1, '', '做好工作。');
    INSERT INTO milestone(task, due, deadline) VALUES (1, '2017-12-31', '2017年底'), (1, '', '长期坚持');
    INSERT INTO meta(key, value) VALUES ('title', '旧方案')"
ok_eq "a version-1 database" "$(sqlite3 "$T/v1.db" 'PRAGMA user_version')" 1
m1=$(sqlite3 "$T/v1.db" 'SELECT group_concat(task || ":" || due || ":" || deadline, ",") FROM (SELECT * FROM milestone ORDER BY id)')
ok_if "… with milestones from the plan text" test -n "$m1"
"$GW" list tasks --db "$T/v1.db" >/dev/null 2>&1
ok_eq "opened by this gongwen: version 3" "$(sqlite3 "$T/v1.db" 'PRAGMA user_version')" 3
ok_eq "… version 3 added task.leader, empty for the old tasks" \
    "$(sqlite3 "$T/v1.db" "SELECT count(*) FROM task WHERE leader = ''") $(sqlite3 "$T/v1.db" 'SELECT count(*) FROM task')" \
    "$(sqlite3 "$T/v1.db" 'SELECT count(*) FROM task') $(sqlite3 "$T/v1.db" 'SELECT count(*) FROM task')"
ok_eq "… the milestones kept" "$(sqlite3 "$T/v1.db" 'SELECT group_concat(task || ":" || due || ":" || deadline, ",") FROM (SELECT * FROM milestone ORDER BY id)')" "$m1"
ok_eq "… of origin plan" "$(sqlite3 "$T/v1.db" "SELECT DISTINCT origin FROM milestone")" plan
ok_eq "… and the foreign key to task is gone (forms outlive a revised plan)" \
    "$(sqlite3 "$T/v1.db" "SELECT count(*) FROM pragma_foreign_key_list('milestone')")" 0
done_testing
