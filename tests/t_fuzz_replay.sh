#!/bin/sh
# t_fuzz_replay.sh — every seed and every saved crash reproducer of
# fuzz/corpus/NAME/ runs through its fuzz target (fuzz/fuzz_NAME.c) built
# without libFuzzer (fuzz/replay.c): no crash, no failed property check.
# The binaries are built here with `make fuzz-replay`'s rule so the test
# works from a clean clone.
. "$(dirname "$0")/lib.sh"

cd "$TOP" || exit 2
# make test with SANITIZE=... runs this with BUILD=build/san: build the
# replay binaries the same way (SANITIZE is in the environment then)
BUILD=${BUILD:-build/rel}
case "$BUILD" in
    */san) [ -n "${SANITIZE:-}" ] || export SANITIZE=address,undefined ;;
esac
# a sanitizer build made by hand (make SANITIZE=... BUILD=build/asan, then
# BUILD=build/asan sh tests/run.sh): its library needs the sanitizer runtime
if [ -z "${SANITIZE:-}" ] && [ -f "$BUILD/libgw.a" ] &&
   nm "$BUILD/libgw.a" 2>/dev/null | grep -q '__asan_\|__ubsan_'; then
    export SANITIZE=address,undefined
fi
R="$BUILD/fuzz-replay"
if ! make -s BUILD="$BUILD" "$R/fuzz_import" "$R/fuzz_fo" "$R/fuzz_svg" "$R/fuzz_linebreak" \
        "$R/fuzz_fname" "$R/fuzz_image" >"$T/build.log" 2>&1; then
    ok_if "the replay binaries build" sh -c "cat '$T/build.log'; false"
    done_testing
    exit 1
fi
for n in import fo svg linebreak fname image; do
    want=$(find "fuzz/corpus/$n" -maxdepth 1 -type f ! -name '.*' | wc -l)
    out=$("$R/fuzz_$n" "fuzz/corpus/$n" 2>"$T/$n.err")
    rc=$?
    ok_eq "fuzz_$n: every seed of fuzz/corpus/$n runs (exit status)" "$rc" 0
    [ "$rc" -eq 0 ] || tail -5 "$T/$n.err" | sed 's/^/#   /'
    ok_match "fuzz_$n: $want inputs ran" "$out" ": $want inputs ran\$"
    ok_if "fuzz_$n: at least a dozen seeds" test "$want" -ge 12
done
# the property checks are live: a broken promise aborts with the condition
printf '\000\001' >"$T/short"
out=$("$R/fuzz_fname" "$T/short" 2>&1)
ok_match "the replay driver names each input it runs" "$out" "replay: $T/short"
ok_if "a missing corpus directory is an error" sh -c \
    "! '$R/fuzz_fname' '$T/nonexistent' 2>/dev/null"
done_testing
