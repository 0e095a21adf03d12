/* fuzz.h — what every fuzz target and the replay driver share.
 *
 * Each fuzz/fuzz_*.c defines the libFuzzer entry points below.  Built with
 * clang -fsanitize=fuzzer (make fuzz) libFuzzer supplies main(); built with
 * the normal compiler (make fuzz-replay) fuzz/replay.c supplies a main that
 * runs every file of the corpus directories given on the command line
 * through the same entry, so the seeds and every crash found are checked
 * by `make test` on machines without clang. */
#ifndef GW_FUZZ_H
#define GW_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Runs one input.  Returns 0 (libFuzzer's contract); a bug shows as a crash,
 * a sanitizer report or an abort from FUZZ_CHECK. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Called once before the first input; sets up what is shared (GONGWEN_HOME,
 * fonts, quiet diagnostics).  Returns 0. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Sets GONGWEN_HOME to the source tree (found from __FILE__ at build time)
 * unless the environment already names one, and silences gw_warnf. */
void fuzz_setup(void);

/* Prints "target: what" on stderr when GW_FUZZ_VERBOSE is set (how a
 * replay shows which seeds fail and why). */
void fuzz_note(const char *target, const char *what);

/* A property the target checks on every input; violated = abort with the
 * condition and the line, which libFuzzer reports as a crash. */
#define FUZZ_CHECK(cond) \
    ((cond) ? (void)0 : fuzz_fail(#cond, __FILE__, __LINE__))
void fuzz_fail(const char *what, const char *file, int line)
    __attribute__((noreturn));

#endif
