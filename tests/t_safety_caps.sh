#!/bin/sh
# t_safety_caps.sh — the caps table of README.md ("Safety") says what the
# source does: for each row, the macro is defined in the file named, its
# value is the limit the table gives, and the file holds the message's words.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

rows=$(sed -n '/^<!-- caps:/,/^<!-- \/caps -->/p' README.md | grep '^| ' | tail -n +3)
ok_if "README has a caps table" test "$(printf '%s\n' "$rows" | wc -l)" -ge 20
printf '%s\n' "$rows" >"$T/rows"
while IFS='|' read -r _ what limit where msg _; do
    what=$(echo "$what" | sed 's/^ *//; s/ *$//')
    want=$(echo "$limit" | sed 's/[^0-9 ]//g; s/^ *//' | awk '{ s = ""; for (i = 1; i <= NF; i++) s = s $i; print s }')
    file=$(echo "$where" | sed -n 's/.*`\(src\/[^`]*\)`.*/\1/p')
    macro=$(echo "$where" | sed -n 's/.*` `\([A-Z_]*\)`.*/\1/p')
    words=$(echo "$msg" | sed -n 's/.*`\(.*\)`.*/\1/p')
    expr=$(sed -n "s/^#define $macro[[:space:]][[:space:]]*\([^/]*\).*/\1/p" "$file" 2>/dev/null | head -n 1)
    got=$(python3 -c "import re,sys; e=re.sub(r'(\d)[uUlL]+\b', r'\1', sys.argv[1]); print(int(eval(e)))" "$expr" 2>/dev/null)
    ok_eq "cap '$what': $macro in $file is $want" "$got" "$want"
    ok_if "cap '$what': the source says \"$words\"" grep -rqF -- "$words" src
done <"$T/rows"
done_testing
