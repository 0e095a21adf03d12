#!/bin/sh
# t_sheets_mini.sh — the recipient rules on a two-task plan
# (tests/fixtures/sheets/mini.txt): a unit assigned directly and through its
# group keeps its direct role; the other members get the group's task; an
# open group gets one sheet; units without tasks get none; a plan without a
# signing date still makes sheets.
. "$(dirname "$0")/lib.sh"

cd "$T" || exit 2
"$GW" -q import plan "$TOP/tests/fixtures/sheets/mini.txt" --db mini.db >/dev/null 2>&1
ok_eq "the mini plan imports" "$?" 0
"$GW" -q sheets --db mini.db -o s
ok_eq "sheets exits 0" "$?" 0
ok_eq "12 recipients: 市科技局, 市人社局, 有关职业院校 and 9 counties" "$(ls s | wc -l)" 12
ok_eq "NN follows the unit directory" "$(ls s | head -4 | tr '\n' ' ')" \
    "01-市科技局.pdf 02-市人社局.pdf 03-有关职业院校.pdf 04-荷塘区.pdf "
ok_if "no sheet for a unit without tasks (市委办)" test ! -e s/*市委办*

"$GW" -q sheets --db mini.db -o tr/
ok_if "-o DIR/ puts the booklet beside it as DIR.pdf" test -s tr.pdf
ok_eq "... with the 12 sheets and a cover (every sheet on an odd page)" \
    "$(pdfinfo tr.pdf | awk '/^Pages:/ { print ($2 % 2) }')" 0
"$GW" -q sheets --db mini.db --unit 荷塘区 --unit 荷塘区 --unit 市科技局 -o two --booklet two.pdf
ok_eq "--unit twice for one unit: one sheet; units in directory order" "$(ls two | tr '\n' ' ')" "01-市科技局.pdf 04-荷塘区.pdf "
ok_if "--booklet PATH with --unit writes the booklet" test -s two.pdf
"$GW" -q sheets --db mini.db --unit 株洲市科学技术局 -o alias --no-booklet
ok_eq "--unit by an alias of the unit directory finds the unit" "$(ls alias | tr '\n' ' ')" "01-市科技局.pdf "
ok_eq "xml sheet --unit by alias addresses the canonical name" \
    "$("$GW" xml sheet --db mini.db --unit 株洲市科学技术局 2>/dev/null | xmllint --xpath 'string(/unit-sheet/recipient)' - 2>/dev/null)" 市科技局

x() { "$GW" xml sheet --db mini.db --unit "$1" 2>/dev/null; }
task() { x "$1" | xmllint --xpath "string(/unit-sheet/tasks/task[@no='$2']/@$3)" - 2>/dev/null; }
ok_eq "荷塘区 assigned directly keeps its lead role" "$(task 荷塘区 1 role)" lead
ok_eq "... and the task is not marked as the group's" "$(task 荷塘区 1 via)" ""
ok_eq "芦淞区 gets task 1 through 各县市区" "$(task 芦淞区 1 via)" 各县市区
ok_eq "... as responsible" "$(task 芦淞区 1 role)" responsible
ok_eq "芦淞区 sheet: the group's unit entry is marked self" \
    "$(x 芦淞区 | xmllint --xpath 'string(//task[@no=1]/unit[@self=1])' -)" 各县市区
ok_eq "有关职业院校 is addressed as an open group" \
    "$(x 有关职业院校 | xmllint --xpath 'string(/unit-sheet/recipient/@open-group)' -)" 1
x 芦淞区 >l.xml
ok_if "芦淞区's XML is valid against data/sheet.rng" xmllint --noout --relaxng "$TOP/data/sheet.rng" l.xml
ok_eq "芦淞区 is sheet 5 of 12" "$(xmllint --xpath 'concat(/unit-sheet/@no, "/", /unit-sheet/@of)' l.xml)" 5/12

"$GW" sheets --db mini.db --unit 市委办 -o w >log 2>&1
ok_eq "--unit with no tasks exits 0" "$?" 0
ok_match "... and warns" "$(cat log)" 'warning: .*市委办.*no tasks'
ok_if "... and writes nothing" test ! -e w/01-市委办.pdf

# A sheet that cannot be written: the worker's message comes back, status 2.
mkdir -p bad/01-市科技局.pdf
for jobs in 1 2; do
    GONGWEN_JOBS=$jobs "$GW" -q sheets --db mini.db -o bad >log 2>&1
    ok_eq "unwritable sheet exits 2 ($jobs process(es))" "$?" 2
    ok_match "... naming the unit and the file" "$(cat log)" 'sheet for 市科技局: bad/01-市科技局.pdf: is a directory'
done

# No signing date: no reporting dates, still a valid sheet.
sqlite3 mini.db "DELETE FROM meta WHERE key = 'sign_date';"
x 市科技局 >n.xml
ok_if "without sign_date the XML is still valid" xmllint --noout --relaxng "$TOP/data/sheet.rng" n.xml
ok_eq "... and has no report dates" "$(xmllint --xpath 'count(//report-date)' n.xml)" 0
"$GW" -q sheets --db mini.db --unit 市科技局 -o n
txt=$(pdftotext n/01-市科技局.pdf - | tr -d '\n\f')
ok_match "... and the sheet still asks for quarterly reports" "$txt" '请每季度将任务进展情况报送[^。]*办公室。'
done_testing
