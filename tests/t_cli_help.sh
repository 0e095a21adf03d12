#!/bin/sh
# t_cli_help.sh — every command's help lists exactly the options it accepts:
# the option lines of `gongwen help CMD` ("  SPEC  text", SPEC = "-o FILE" or
# "-o FILE, --output FILE") are read, and every option any command lists is
# tried on every command.  An option in the help must not be refused as a
# usage error (exit 64); one not in the help must be.  The runs fail early on
# a database or file that cannot exist, so nothing is typeset.
. "$(dirname "$0")/lib.sh"

NOPE=/dev/null/gw-none          # below a file: can be neither read nor made

# The commands, from the general help.
CMDS=$("$GW" help | sed -n 's/^  \([a-z][a-z]*\)  .*/\1/p' | grep -v '^help$')
ok_match "the general help lists the commands" "$(echo $CMDS)" "^import list export set render xml fo notice sheets status report template history fonts build$"

# Option specs "OPT" or "OPT=ARG" of one command, one a line.
opts_of() {
    "$GW" help "$1" | sed -n 's/^  \(-[^ ].*\)$/\1/p' | sed 's/   *.*//' |
        tr ',' '\n' | sed 's/^ *//; s/ \(.*\)/=\1/'
}

# Positional arguments that get each command past its argument checks.
base_of() {
    case $1 in
    import) echo "plan $NOPE.txt" ;;
    list) echo tasks ;;
    export) echo csv ;;
    set) echo "title X" ;;
    render) echo "$NOPE.fo -o $NOPE.pdf" ;;
    xml|fo) echo notice ;;
    history) echo "--task 1" ;;
    template) echo "progress --quarter 2017Q4" ;;
    *) echo "" ;;
    esac
}

ALL=""
for c in $CMDS; do
    "$GW" help "$c" >"$T/h" 2>&1
    ok_eq "help $c exits 0" "$?" 0
    ALL="$ALL $(opts_of "$c")"
done
# one spec per option name (-o FILE and -o DIR are the same option)
ALL=$(printf '%s\n' $ALL | sort -t= -k1,1 -u)

for c in $CMDS; do
    mine=" $(opts_of "$c" | tr '\n' ' ')"
    bad=""
    for spec in $ALL; do
        o=${spec%%=*}
        case $o in -h|--help) continue ;; esac   # prints the help, exit 0
        args=$o
        if [ "$spec" != "$o" ]; then
            case $o in
            --unit) args="$o 市科技局" ;;
            --db) args="$o $NOPE.db" ;;
            *) args="$o $NOPE.out" ;;
            esac
        fi
        # shellcheck disable=SC2086
        "$GW" $c $(base_of "$c") $args --db "$NOPE.db" >/dev/null 2>"$T/e"
        rc=$?
        # render has no --db: the extra one is refused; try it without
        if [ "$c" = render ]; then
            # shellcheck disable=SC2086
            "$GW" $c $(base_of "$c") $args >/dev/null 2>"$T/e"
            rc=$?
        fi
        case $mine in
        *" $o "*|*" $o="*)
            [ "$rc" -ne 64 ] || bad="$bad $o(listed but refused: $(head -1 "$T/e"))" ;;
        *)
            [ "$rc" -eq 64 ] || bad="$bad $o(accepted, exit $rc, but not in the help)" ;;
        esac
    done
    ok_eq "$c accepts exactly the options its help lists" "$bad" ""
done

# The options the tasks of this round asked to be documented.
ok_match "help notice mentions --no-table" "$("$GW" help notice)" "--no-table"
ok_match "help build mentions --no-table" "$("$GW" help build)" "--no-table"
ok_match "help sheets lists --booklet PATH" "$("$GW" help sheets)" "^  --booklet PATH "
ok_match "help sheets lists --no-booklet" "$("$GW" help sheets)" "^  --no-booklet "
ok_match "--help after a command is the same text" "$("$GW" sheets --help)" "^  --no-booklet "

# A usage error prints the message and the command's help on stderr.
"$GW" notice --bogus >/dev/null 2>"$T/e"
ok_eq "notice --bogus: exit 64" "$?" 64
ok_match "… names the option" "$(cat "$T/e")" "notice: unknown option --bogus"
ok_match "… followed by the help" "$(cat "$T/e")" "^  --no-table "
# Global flags after the command reach no command's own parser.
"$GW" sheets --verbose --db "$NOPE.db" >/dev/null 2>"$T/e"
ok_match "sheets --verbose is a global flag, not an unknown option" "$? $(cat "$T/e")" "^2 .*gw-none.db"
"$GW" help nosuch >/dev/null 2>"$T/e"
ok_match "help of an unknown command: exit 64" "$? $(cat "$T/e")" "^64 .*no such command: nosuch"
done_testing
