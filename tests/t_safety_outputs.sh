#!/bin/sh
# t_safety_outputs.sh — regressions of the safety issue, data loss first:
# no output ever replaces the open database, a device, a FIFO or a link;
# standard output through -o - and /dev/stdout; no temporary file left by
# an error exit (a full disk, ulimit -f, a signal).  Each check names the
# defect it pins.
. "$(dirname "$0")/lib.sh"
cd "$T" || exit 2

DB="$T/d.db"
"$GW" -q import plan "$TOP/data/plan.txt" --db "$DB"
rows() { sqlite3 "$1" 'SELECT count(*) FROM task' 2>/dev/null; }
sum0=$(md5sum <"$DB")
no_tmp() { [ "$(find "$T" -name '*.tmp.*' | wc -l)" -eq 0 ]; }

# -- defect: notice -o DB replaced the database with the PDF (exit 0)
out=$("$GW" -q notice --db "$DB" -o "$DB" 2>&1); rc=$?
ok_eq "notice -o DB: refused with exit 2" "$rc" 2
ok_match "notice -o DB: the message names the output and the database" "$out" \
    "$DB: refusing to write over the open database $DB"
ok_eq "notice -o DB: the database is unchanged" "$(md5sum <"$DB")" "$sum0"
ok_eq "notice -o DB: its 30 tasks are still there" "$(rows "$DB")" 30

# the same file through a symlink, through .. and through a hard link
mkdir -p sub
ln -s "$DB" link.db
out=$("$GW" -q notice --db "$DB" -o link.db 2>&1); rc=$?
ok_eq "notice -o SYMLINK-TO-DB: refused (exit 2)" "$rc" 2
ok_match "… naming both" "$out" "link.db: refusing to write over the open database $DB"
out=$("$GW" -q notice --db "$DB" -o sub/../d.db 2>&1); rc=$?
ok_eq "notice -o sub/../d.db: refused (exit 2)" "$rc" 2
ln "$DB" hard.db
out=$("$GW" -q notice --db "$DB" -o hard.db 2>&1); rc=$?
ok_eq "notice -o HARD-LINK-OF-DB: refused (exit 2)" "$rc" 2
out=$("$GW" -q notice --db link.db -o "$DB" 2>&1); rc=$?
ok_eq "notice --db SYMLINK -o the file it names: refused (exit 2)" "$rc" 2
ok_eq "… the database is unchanged" "$(md5sum <"$DB")" "$sum0"

# -- defect: export csv -o DB and sheets --booklet DB did the same
out=$("$GW" export csv --db "$DB" -o "$DB" 2>&1); rc=$?
ok_eq "export csv -o DB: refused (exit 2)" "$rc" 2
ok_match "… naming both" "$out" "refusing to write over the open database"
out=$("$GW" -q sheets --db "$DB" --unit 市科技局 -o s --booklet "$DB" 2>&1); rc=$?
ok_eq "sheets --booklet DB: refused (exit 2)" "$rc" 2
ok_match "… naming both" "$out" "refusing to write over the open database"
ok_if "… before any sheet was written" test ! -e s
out=$("$GW" -q build --db "$DB" -o "$T" 2>&1)
ok_eq "build -o the database's own directory still works" "$?" 0
ok_eq "… and leaves the database alone" "$(rows "$DB")" 30
ok_eq "every refusal left the database byte-identical" "$(md5sum <"$DB")" "$sum0"

# the default database (out/gongwen.db, created on first use) is guarded too
mkdir -p def && cd def || exit 2
"$GW" -q notice -o out/gongwen.db >/dev/null 2>&1; rc=$?
ok_eq "notice -o out/gongwen.db (the default database): refused" "$rc" 2
ok_eq "… the default database still holds the plan" "$(rows out/gongwen.db)" 30
cd "$T" || exit 2

# render must not replace its own input
cp "$TOP/tests/fo/text.fo" in.fo
cp "$TOP/tests/fo/red-square.png" . 2>/dev/null
s_in=$(md5sum <in.fo)
"$GW" -q render in.fo -o in.fo >/dev/null 2>&1; rc=$?
ok_eq "render x.fo -o x.fo: refused (exit 2)" "$rc" 2
ok_eq "… the FO is unchanged" "$(md5sum <in.fo)" "$s_in"

# -- defect: -o replaced whatever was at the path (devices, FIFOs, links)
"$GW" -q render in.fo -o /dev/null >/dev/null 2>err; rc=$?
ok_eq "render -o /dev/null: refused (exit 2)" "$rc" 2
ok_match "… saying it is a device" "$(cat err)" "/dev/null: is a character device; gongwen replaces only regular files"
ok_if "… /dev/null is still a character device" test -c /dev/null
mkfifo fifo
"$GW" -q render in.fo -o fifo >/dev/null 2>err; rc=$?
ok_eq "render -o FIFO: refused (exit 2)" "$rc" 2
ok_if "… the FIFO is still a FIFO" test -p fifo
mkdir adir
"$GW" -q render in.fo -o adir >/dev/null 2>err; rc=$?
ok_eq "render -o DIRECTORY: refused (exit 2)" "$rc" 2
ok_match "… saying so" "$(cat err)" "adir: is a directory"
ln -s nowhere/x.pdf dangling.pdf
"$GW" -q render in.fo -o dangling.pdf >/dev/null 2>err; rc=$?
ok_eq "render -o DANGLING-LINK: refused (exit 2)" "$rc" 2
ok_if "… the link is still a link" test -L dangling.pdf

echo old >target.pdf
ln -s target.pdf link.pdf
ok_if "render -o SYMLINK-TO-FILE succeeds" "$GW" -q render in.fo -o link.pdf
ok_if "… the link is still a link" test -L link.pdf
ok_eq "… to the same file" "$(readlink link.pdf)" "target.pdf"
ok_match "… and the file it names is the new PDF" "$(head -c 5 target.pdf)" "^%PDF-"

"$GW" -q render in.fo -o - >stdout.pdf 2>err; rc=$?
ok_eq "render -o - writes to standard output (exit 0)" "$rc" 0
ok_match "… a PDF" "$(head -c 5 stdout.pdf)" "^%PDF-"
ok_if "… and no file called -" test ! -e ./-
"$GW" -q render in.fo -o /dev/stdout >devstdout.pdf 2>err; rc=$?
ok_eq "render -o /dev/stdout writes to standard output (exit 0)" "$rc" 0
ok_eq "… the same bytes" "$(md5sum <devstdout.pdf)" "$(md5sum <stdout.pdf)"
"$GW" -q render in.fo -o /dev/stdout 2>err | head -c 5 >piped
ok_eq "render -o /dev/stdout into a pipe" "$(cat piped)" "%PDF-"
"$GW" export csv --db "$DB" -o - >csv.out 2>err
ok_match "export csv -o - writes to standard output" "$(head -n 1 csv.out)" "^序号,类别,任务"

# -- defect: under ulimit -f the process died by SIGXFSZ, leaving *.tmp.*
ok_if "no temporary file so far" no_tmp
(ulimit -f 8; "$GW" -q render in.fo -o big.pdf) >/dev/null 2>err; rc=$?
ok_eq "render under ulimit -f 8: exit 2, not a signal" "$rc" 2
ok_match "… reporting the limit" "$(cat err)" "big.pdf: cannot write: File too large"
ok_if "… no PDF" test ! -e big.pdf
ok_if "… and no temporary file" no_tmp
echo old >keep.pdf
(ulimit -f 8; "$GW" -q notice --db "$DB" -o keep.pdf) >/dev/null 2>err; rc=$?
ok_eq "notice under ulimit -f: exit 2" "$rc" 2
ok_eq "… the old PDF untouched" "$(cat keep.pdf)" old
ok_if "… no temporary file" no_tmp

# a full disk: /dev/full as the directory cannot be had, so fill a tiny tmpfs
# when we may mount one (root in CI); otherwise ENOSPC is the same code path
# as EFBIG above.
if mkdir -p small && mount -t tmpfs -o size=16k tmpfs small 2>/dev/null; then
    "$GW" -q render in.fo -o small/x.pdf >/dev/null 2>err; rc=$?
    ok_eq "render onto a full disk: exit 2" "$rc" 2
    ok_match "… saying so" "$(cat err)" "small/x.pdf: cannot write: No space left on device"
    ok_eq "… nothing left on it" "$(ls -A small | wc -l)" 0
    umount small
else
    skip "render onto a full disk" "cannot mount a tmpfs (not root)"
fi

# the page contents wait in a spool file in TMPDIR until the save (pdf.c,
# S_seal_page): it is unlinked at once, and without it (no such directory,
# or one that fills up halfway) the contents stay in memory; the PDF is the
# same bytes every way.
"$GW" -q notice --db "$DB" -o spool-ref.pdf 2>/dev/null
mkdir -p spooldir
TMPDIR="$T/spooldir" "$GW" -q notice --db "$DB" -o spool-a.pdf 2>err; rc=$?
ok_eq "notice with its own TMPDIR: exit 0" "$rc" 0
ok_eq "… nothing left in TMPDIR" "$(ls -A spooldir | wc -l)" 0
ok_eq "… the same PDF" "$(md5sum <spool-a.pdf)" "$(md5sum <spool-ref.pdf)"
TMPDIR="$T/no/such/dir" "$GW" -q notice --db "$DB" -o spool-b.pdf 2>err; rc=$?
ok_eq "notice with a TMPDIR that does not exist: exit 0" "$rc" 0
ok_eq "… the same PDF (contents kept in memory)" "$(md5sum <spool-b.pdf)" \
    "$(md5sum <spool-ref.pdf)"
if mkdir -p tinytmp && mount -t tmpfs -o size=8k tmpfs tinytmp 2>/dev/null; then
    TMPDIR="$T/tinytmp" "$GW" -q notice --db "$DB" -o spool-c.pdf 2>err; rc=$?
    ok_eq "notice with a TMPDIR that fills up after 2 pages: exit 0" "$rc" 0
    ok_eq "… the same PDF" "$(md5sum <spool-c.pdf)" "$(md5sum <spool-ref.pdf)"
    ok_eq "… nothing left in it" "$(ls -A tinytmp | wc -l)" 0
    umount tinytmp
else
    skip "a TMPDIR that fills up" "cannot mount a tmpfs (not root)"
fi

# a signal while writing: the handler removes the temporary file.  A long
# document gives the time to send it (the renderer writes at the end, so
# this is about the window before the rename).
python3 "$TOP/bench/mklong.py" 200 >long.fo 2>/dev/null || cp in.fo long.fo
"$GW" -q render long.fo -o sig.pdf >/dev/null 2>&1 &
pid=$!
sleep 0.3
kill -TERM "$pid" 2>/dev/null
wait "$pid"
ok_if "SIGTERM during render: no temporary file left" no_tmp

done_testing
