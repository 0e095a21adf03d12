#!/bin/sh
# bench/run.sh — figures, not tests: renders (1) the reference plan as grid
# body text (bench/plan.fo, ~8 pages) and (2) a generated ~500-page FO of
# paragraphs and a long table, with ./gongwen and with Apache FOP, and prints
# wall time, peak RSS and PDF size for both, and the ratios against the
# targets; then (3) bench/sheets.sh times all task sheets and the booklet,
# and (4) bench/scale.sh measures time and peak memory (parent and largest
# worker) of import, build and the booklet for generated plans of 300, 3000
# and 10000 tasks; (5) bench/forms.sh imports a progress form of 10 000
# rows, (6) bench/report.sh times the supervision report of a 3000-task
# plan and (7) bench/docx.sh the Word files of the default set.  `make
# bench` runs it after building ./gongwen.
#
#   sh bench/run.sh [PAGES]      PAGES of the long document (default 500)
#   REPS=N                       runs per measurement, fastest kept (default 3)
#   SCALE_SIZES="300 3000"       plan sizes for (4) (default "300 3000 10000";
#                                empty: skip (4)); SCALE_REPS=N runs per step
#
# FOP is given a configuration naming the same TrueType files gongwen's font
# roles resolve to (see fc_role below), so both embed the same fonts.
cd "$(dirname "$0")/.." || exit 2
PAGES=${1:-500}
REPS=${REPS:-3}
GW=${GONGWEN:-./gongwen}   # GONGWEN=path overrides (e.g. a sanitizer build)
T=$(mktemp -d "${TMPDIR:-/tmp}/gw-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT INT TERM
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1494547200}
export PYTHONDONTWRITEBYTECODE=1

say() { printf '%s\n' "$*"; }

# ---------------------------------------------------------------- tools
if [ ! -x /usr/bin/time ]; then
    say "installing GNU time (package time) for peak RSS"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null 2>&1
fi
if [ ! -x /usr/bin/time ]; then
    say "bench: /usr/bin/time is missing and could not be installed (apt-get install time)"
    exit 1
fi
if ! command -v fop >/dev/null 2>&1; then
    say "installing Apache FOP (package fop) for the comparison"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fop >/dev/null 2>&1
fi
HAVE_FOP=1
command -v fop >/dev/null 2>&1 || { HAVE_FOP=0; say "FOP not installed, skipping comparison"; }
PY=$(command -v python3 || true)
[ -n "$PY" ] || { say "bench: python3 is needed for the FO generators"; exit 1; }

# ---------------------------------------------------------------- fonts
# The file, TTC index and full name of the first installed family of a role,
# in the order src/font.c tries them (TrueType or OpenType/CFF: FOP embeds
# both): "file|index|fullname".
fc_role() {
    for fam in "$@"; do
        r=$(fc-list --format '%{file}|%{index}|%{fullname[0]}\n' ":family=$fam" 2>/dev/null \
            | sort | head -n 1)
        if [ -n "$r" ]; then
            printf '%s\n' "$r"
            return 0
        fi
    done
    return 1
}

# What gongwen itself said serves a role, from a probe run (-v) whose stderr
# is in $T/probe.err: "font role 仿宋: fallback FandolFang served by FILE
# (index N)" -> "file|index|fullname" (the first face of the role's list).
gw_role() {
    line=$(grep "font role $1: " "$T/probe.err" 2>/dev/null | head -n 1)
    [ -n "$line" ] || return 1
    file=${line##* served by }; idx=${file##*(index }; idx=${idx%)*}; file=${file% (index*}
    full=$(fc-list --format '%{fullname[0]}\n' ":file=$file" 2>/dev/null | head -n 1)
    printf '%s|%s|%s\n' "$file" "${idx:-0}" "$full"
}

fop_font() {    # fop_font ROLE FAMILIES... -> a <font> element for FOP's config
    role=$1; shift
    r=$(gw_role "$role") || r=$(fc_role "$@") || { say "bench: no font for role $role" >&2; return 0; }
    file=${r%%|*}; rest=${r#*|}; name=${rest#*|}
    case "$file" in
        *.ttc|*.TTC) sub=" sub-font=\"$name\"" ;;
        *) sub="" ;;
    esac
    say "      <font embed-url=\"file://$file\"$sub kerning=\"yes\">"
    say "        <font-triplet name=\"$role\" style=\"normal\" weight=\"normal\"/>"
    say "        <font-triplet name=\"$role\" style=\"normal\" weight=\"bold\"/>"
    say "      </font>"
    say "    $role -> $file ($name)" >&2
}

write_fop_conf() {
    {
        say '<?xml version="1.0"?>'
        say '<fop version="1.0"><renderers><renderer mime="application/pdf"><fonts>'
        fop_font 仿宋 仿宋_GB2312 FangSong_GB2312 FangSong 仿宋 STFangsong FandolFang "AR PL UMing CN"
        fop_font 楷体 楷体_GB2312 KaiTi_GB2312 KaiTi 楷体 STKaiti FandolKai "LXGW WenKai" "AR PL UKai CN"
        fop_font 黑体 黑体 SimHei STHeiti FandolHei "Noto Sans CJK SC" "WenQuanYi Zen Hei"
        fop_font 小标宋 方正小标宋简体 FZXiaoBiaoSong-B05S 方正小标宋_GBK FandolSong "AR PL UMing CN"
        fop_font 宋体 宋体 SimSun STSong FandolSong "AR PL UMing CN"
        say '</fonts></renderer></renderers></fop>'
    } >"$T/fop.xconf" 2>"$T/fonts.txt"
}

# --------------------------------------------------------------- runners
# run NAME CMD... : runs CMD $REPS times under GNU time; sets SECS (the
# fastest run: the machine may be busy with other work), RSS_KB (the largest
# peak) and OK (the last status); the command's output goes to $T/NAME.log.
run() {
    name=$1; shift
    SECS= RSS_KB=0 OK=0 i=0
    while [ "$i" -lt "$REPS" ] && [ "$OK" -eq 0 ]; do
        i=$((i + 1))
        # GNU time gives the peak RSS; its %e has only 10 ms resolution, so
        # the wall time comes from date's nanoseconds.
        t0=$(date +%s%N)
        /usr/bin/time -f '%e %M' -o "$T/$name.time" "$@" >"$T/$name.log" 2>&1
        OK=$?
        t1=$(date +%s%N)
        s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
        k=$(tail -n 1 "$T/$name.time" | cut -d' ' -f2)
        SECS=$(awk -v a="$SECS" -v b="$s" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }')
        RSS_KB=$(awk -v a="$RSS_KB" -v b="$k" 'BEGIN { print (b + 0 > a + 0) ? b : a }')
    done
}

pdf_size() { [ -f "$1" ] && wc -c <"$1" | tr -d ' ' || echo 0; }
pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0) printf "%.2f", a / b; else print "n/a" }'; }

# bench_one LABEL FO SPEED_TARGET RSS_TARGET_MB
bench_one() {
    label=$1 fo=$2 speed_target=$3 rss_target=$4
    say ""
    say "== $label: $(basename "$fo") ($(wc -c <"$fo" | tr -d ' ') bytes of FO)"
    run gw "$GW" render "$fo" -o "$T/gw.pdf"
    if [ "$OK" -ne 0 ] || [ ! -s "$T/gw.pdf" ]; then
        say "gongwen render failed: $(grep -v '^Command exited' "$T/gw.log" | head -n 3 | tr '\n' ' ')"
        gw_ok=0
    else
        gw_ok=1
        gw_s=$SECS gw_rss=$RSS_KB gw_size=$(pdf_size "$T/gw.pdf") gw_pages=$(pdf_pages "$T/gw.pdf")
        printf '%-8s %8ss %8.1f MB peak RSS %10s bytes PDF %5s pages\n' gongwen "$gw_s" \
            "$(awk -v k="$gw_rss" 'BEGIN{print k/1024}')" "$gw_size" "$gw_pages"
    fi
    fop_ok=0
    if [ "$HAVE_FOP" = 1 ]; then
        # -r: FOP rejects attributes in foreign namespaces (gw:grid) unless
        # validation is relaxed; it then warns and ignores them.
        run fop fop -r -c "$T/fop.xconf" -fo "$fo" -pdf "$T/fop.pdf"
        if [ "$OK" -ne 0 ] || [ ! -s "$T/fop.pdf" ]; then
            say "FOP failed: $(grep -i 'severe\|error\|exception' "$T/fop.log" | head -n 3 | tr '\n' ' ')"
        else
            fop_ok=1
            fop_s=$SECS fop_rss=$RSS_KB fop_size=$(pdf_size "$T/fop.pdf") fop_pages=$(pdf_pages "$T/fop.pdf")
            printf '%-8s %8ss %8.1f MB peak RSS %10s bytes PDF %5s pages\n' FOP "$fop_s" \
                "$(awk -v k="$fop_rss" 'BEGIN{print k/1024}')" "$fop_size" "$fop_pages"
        fi
    fi
    if [ "$gw_ok" = 1 ] && [ "$fop_ok" = 1 ]; then
        say "speed:    gongwen is $(ratio "$fop_s" "$gw_s")x faster than FOP (target >= ${speed_target}x)"
        say "PDF size: gongwen/FOP = $(ratio "$gw_size" "$fop_size") (target <= 0.5)"
        say "peak RSS: gongwen/FOP = $(ratio "$gw_rss" "$fop_rss")"
    fi
    if [ "$gw_ok" = 1 ] && [ -n "$rss_target" ]; then
        say "peak RSS: gongwen $(awk -v k="$gw_rss" 'BEGIN{printf "%.1f", k/1024}') MB (target <= $rss_target MB)"
    fi
}

# ------------------------------------------------------------------ main
if [ ! -x "$GW" ]; then
    say "bench: ./gongwen is not built (make gongwen)"
    exit 1
fi
say "machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1),"\
" $(awk '/^MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM"
say "gongwen $("$GW" --version 2>/dev/null | head -n 1); times are the fastest of $REPS runs"
# A first run warms the file cache and tells which font files the roles use.
"$GW" -v render bench/plan.fo -o "$T/probe.pdf" 2>"$T/probe.err" >/dev/null
if [ "$HAVE_FOP" = 1 ]; then
    say "$(fop -version 2>/dev/null | grep -i 'fop version' | head -n 1)"
    write_fop_conf
    say "FOP fonts (the files gongwen's roles resolve to):"
    cat "$T/fonts.txt"
fi

"$PY" bench/mklong.py bench/plan.fo "$PAGES" >"$T/long.fo" || { say "bench: mklong.py failed"; exit 1; }

bench_one "(1) reference plan, grid body text" bench/plan.fo 25 30
bench_one "(2) $PAGES-page paragraphs and long table" "$T/long.fo" 10 ""

# (3) issue 5: every task sheet and the booklet of the reference plan
say ""
say "== (3) all task sheets + booklet (bench/sheets.sh; targets: < 0.5 s on 2 cores, <= 40 KB a sheet)"
GW="$GW" REPS="$REPS" sh bench/sheets.sh || say "sheets: a target is missed (see above)"

# (4) time and peak memory at scale: generated plans of SCALE_SIZES tasks
if [ -n "${SCALE_SIZES-300 3000 10000}" ]; then
    say ""
    say "== (4) time and peak memory at scale (bench/scale.sh; SCALE_SIZES=\"${SCALE_SIZES-300 3000 10000}\")"
    GONGWEN="$GW" sh bench/scale.sh || say "scale: a command failed (see above)"
fi

# (5) a big progress form (issue 10: 10 000 rows in under a second)
say ""
say "== (5) a progress form of 10 000 rows (bench/forms.sh; target: under a second)"
GONGWEN="$GW" sh bench/forms.sh || say "forms: a command failed (see above)"

# (6) the quarterly report of a big plan (3000 tasks, one quarter reported)
say ""
say "== (6) the supervision report of a 3000-task plan (bench/report.sh; target: under 2 s)"
GONGWEN="$GW" sh bench/report.sh || say "report: a command failed (see above)"

# (7) the Word files of the default set (issue 13)
say ""
say "== (7) the .docx files of the default set (bench/docx.sh)"
GONGWEN="$GW" REPS="$REPS" sh bench/docx.sh || say "docx: a command failed (see above)"
exit 0
