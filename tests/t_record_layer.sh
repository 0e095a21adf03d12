#!/bin/sh
# t_record_layer.sh — every SQL statement and every use of SQLite is in the
# record layer (src/store/): no C file elsewhere includes sqlite3.h or holds
# an SQL statement in a string.  Also that the layers point one way: the
# store does not call the importer, the importer does not touch the store.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

outside=$(find src fuzz -name '*.[ch]' ! -path 'src/store/*' | LC_ALL=C sort)
ok_if "there are C files outside the record layer to check" test -n "$outside"

# shellcheck disable=SC2086
inc=$(grep -ln '#include *<sqlite3\.h>' $outside)
ok_eq "no file outside src/store/ includes sqlite3.h" "$inc" ""
# An SQL keyword that starts a string literal or follows one inside it is a
# statement (comments may mention SQL words: they are not in quotes).
# shellcheck disable=SC2086
sql=$(grep -nE '"[^"]*\b(SELECT|INSERT|UPDATE|DELETE FROM|CREATE (TABLE|INDEX)|DROP|ALTER TABLE|PRAGMA|BEGIN|COMMIT|ROLLBACK)\b[^"]*"' $outside)
ok_eq "no SQL statement outside src/store/" "$sql" ""
# shellcheck disable=SC2086
calls=$(grep -nE '\bsqlite3_[a-z_]+ *\(' $outside)
ok_eq "no sqlite3_* call outside src/store/" "$calls" ""
inside=$(grep -lE '"[^"]*\bSELECT\b' src/store/*.c | wc -l)
ok_if "the check sees SQL where it is (src/store/)" test "$inside" -ge 2

ok_eq "the store does not include the importer" \
    "$(grep -l '#include "import.h"' src/store/*.c src/store.h)" ""
ok_eq "the importer and the plan model do not include the store" \
    "$(grep -l '#include "store.h"\|#include "store/' src/import.[ch] src/plan.[ch])" ""
done_testing
