# gongwen — see README.md.  `make` builds ./gongwen; `make test` runs the suite;
# `make run` writes every document of the embedded default plan into out/.

CC      ?= cc
PKGS    := libxml-2.0 libxslt libexslt sqlite3 harfbuzz harfbuzz-subset fontconfig icu-uc icu-i18n libzip xlsxwriter
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes
ifeq ($(CI),true)
WARN    += -Werror
endif
OPT     ?= -O2 -g
CFLAGS  ?= $(OPT)
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) -Isrc \
             $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -MMD -MP
LIBS    := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lhpdf -lpng -lz -lm
ifneq ($(SANITIZE),)
ALL_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS    += -fsanitize=$(SANITIZE)
BUILD   := build/san
else
BUILD   := build/rel
endif

LIB_SRC   := $(sort $(filter-out src/main.c,$(wildcard src/*.c src/*/*.c)))
LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC  := $(sort $(wildcard tests/unit_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/%.c=$(BUILD)/tests/%)

# Debian packages the build, the fonts and the tests need (make deps installs
# whichever are missing and does nothing when all are present).
DEB_PKGS := gcc make pkg-config libxml2-dev libxslt1-dev libhpdf-dev libsqlite3-dev \
            libharfbuzz-dev libfontconfig-dev libicu-dev libpng-dev zlib1g-dev libzip-dev libxlsxwriter-dev \
            fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei fonts-lxgw-wenkai \
            poppler-utils sqlite3 xsltproc libxml2-utils python3
# Only the tests need these: Apache FOP renders our FO for comparison; qpdf
# checks PDF syntax and uncompresses content streams; LibreOffice turns CSV
# into the .xlsx forms tests/t_table.sh reads, and Writer the .docx notice into the PDF
# tests/t_docx.sh measures; URW's Nimbus Roman is the name-keyed OpenType/CFF face
# tests/t_fonts.sh embeds.
TEST_PKGS := fop qpdf libreoffice-calc-nogui libreoffice-writer-nogui fonts-urw-base35

.PHONY: all deps test-deps S_install S_fandol S_fontconf run sample test check unit bench clean distclean
all: gongwen

gongwen: $(BUILD)/libgw.a $(BUILD)/src/main.o
	$(CC) $(LDFLAGS) -o $@ $(BUILD)/src/main.o $(BUILD)/libgw.a $(LIBS)

$(BUILD)/libgw.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(BUILD)/libgw.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -Itests -o $@ $< $(BUILD)/libgw.a $(LIBS)

unit: $(UNIT_BIN)

deps:
	@$(MAKE) --no-print-directory S_install PKGS_WANTED="$(DEB_PKGS)"
	@$(MAKE) --no-print-directory S_fandol

# The Fandol faces (a real 仿宋 and a bold Song for 小标宋; docs/fonts.md) come
# only inside texlive-lang-chinese (49 MB, with TeX behind it).  Rather than
# install TeX, fetch that package with apt and extract the six .otf files
# into a directory fontconfig reads.  From a TeX installation when there is
# one; nothing happens when they are in place.
FANDOL_DIR   := /usr/local/share/fonts/fandol
FANDOL_FACES := FandolFang-Regular FandolSong-Regular FandolSong-Bold FandolHei-Regular \
                FandolHei-Bold FandolKai-Regular
FANDOL_TEX   := /usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
S_fandol:
	@missing=; for f in $(FANDOL_FACES); do [ -s "$(FANDOL_DIR)/$$f.otf" ] || missing="$$missing $$f"; done; \
	[ -z "$$missing" ] && exit 0; \
	if [ "$$(id -u)" != 0 ]; then echo "make deps: run as root to install the Fandol fonts into $(FANDOL_DIR)" >&2; exit 1; fi; \
	echo "make deps: installing the Fandol fonts into $(FANDOL_DIR):$$missing"; \
	tmp=$$(mktemp -d) && chmod 755 "$$tmp" && src="$(FANDOL_TEX)"; \
	if [ ! -s "$$src/FandolFang-Regular.otf" ]; then \
	    ( cd "$$tmp" && { apt-get download -qq texlive-lang-chinese 2>/dev/null || \
	      { apt-get update -qq && apt-get download -qq texlive-lang-chinese; }; } ) && \
	    dpkg-deb --fsys-tarfile "$$tmp"/texlive-lang-chinese_*.deb | \
	        tar -x -C "$$tmp" --wildcards '*/fandol/Fandol*.otf' && \
	    src="$$tmp$(FANDOL_TEX)" || { rm -rf "$$tmp"; echo "make deps: cannot fetch texlive-lang-chinese" >&2; exit 1; }; \
	fi; \
	mkdir -p "$(FANDOL_DIR)" && \
	for f in $(FANDOL_FACES); do install -m 644 "$$src/$$f.otf" "$(FANDOL_DIR)/$$f.otf" || exit 1; done; \
	rm -rf "$$tmp"; fc-cache -f "$(FANDOL_DIR)"
	@$(MAKE) --no-print-directory S_fontconf

# The office's font names (仿宋_GB2312, 方正小标宋简体, …) served by the free
# faces for every program that asks fontconfig (LibreOffice reading the .docx
# gongwen writes); gongwen's own typesetter is not affected (docs/fonts.md).
FONTCONF := /etc/fonts/conf.d/65-gongwen-roles.conf
S_fontconf:
	@cmp -s data/fontconfig/65-gongwen-roles.conf "$(FONTCONF)" && exit 0; \
	if [ "$$(id -u)" != 0 ]; then echo "make deps: run as root to install $(FONTCONF)" >&2; exit 1; fi; \
	echo "make deps: installing $(FONTCONF)"; \
	install -m 644 data/fontconfig/65-gongwen-roles.conf "$(FONTCONF)" && fc-cache -f >/dev/null

test-deps: deps
	@$(MAKE) --no-print-directory S_install PKGS_WANTED="$(TEST_PKGS)"

S_install:
	@missing=$$(for p in $(PKGS_WANTED); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	    echo "make deps: installing" $$missing; \
	    if [ "$$(id -u)" != 0 ]; then echo "make deps: run as root (or install: $$missing)" >&2; exit 1; fi; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

run: deps
	$(MAKE) gongwen
	./gongwen build -o out --formats pdf,docx
	$(MAKE) --no-print-directory sample
	./gongwen report --quarter 2018Q2 --db out/sample.db -o out/report-2018Q2.pdf
	./gongwen report --quarter 2018Q2 --db out/sample.db --format docx -o out/report-2018Q2.docx

# The made-up supervision data of data/sample/ (see its README) in a database
# of its own, out/sample.db, so that no sample deadline reaches the notice of
# out/gongwen.db; then the status of its latest quarter.
sample: gongwen
	@rm -f out/sample.db
	./gongwen -q import plan data/plan.txt --db out/sample.db
	./gongwen -q import milestones data/sample/milestones.csv --db out/sample.db
	for q in 2017Q3 2017Q4 2018Q1 2018Q2; do \
	    ./gongwen -q import progress data/sample/progress-$$q.csv --quarter $$q \
	        --db out/sample.db || exit 1; done
	./gongwen -q import progress "data/sample/progress-2017Q4-市人社局-更正.csv" \
	    --quarter 2017Q4 --db out/sample.db
	./gongwen status --db out/sample.db -q >out/status.txt
	@echo "make sample: out/sample.db (sample data), out/status.txt"

test: test-deps
	$(MAKE) gongwen unit
	BUILD=$(BUILD) sh tests/run.sh

bench: deps
	$(MAKE) gongwen
	sh bench/run.sh

clean:
	rm -rf build gongwen tests/tmp
	find out -mindepth 1 ! -name .gitignore ! -name '*.db' -exec rm -rf {} + 2>/dev/null || true

-include $(LIB_OBJ:.o=.d) $(BUILD)/src/main.d

# ---- fuzzing and leak checks (docs/hacking.md, "Fuzzing and leak checks") --
# make fuzz-replay   builds fuzz/fuzz_*.c with fuzz/replay.c (no libFuzzer,
#                    the normal compiler, into $(BUILD)/fuzz-replay/; also
#                    with SANITIZE=...) and runs each over fuzz/corpus/NAME/
# make fuzz          builds libFuzzer binaries with clang (ASan+UBSan) into
#                    build/fuzz/; run e.g. build/fuzz/fuzz_fo fuzz/corpus/fo
#                    -max_total_time=120 (FUZZ_TIME=120 make fuzz-run runs all)
# make leakcheck     valgrind over `gongwen build` and the render fixtures
FUZZ_NAMES  := import fo svg linebreak fname image
FUZZ_CFLAGS  = -DGW_FUZZ_HOME='"$(CURDIR)"' -Ifuzz
FUZZ_REPLAY := $(FUZZ_NAMES:%=$(BUILD)/fuzz-replay/fuzz_%)
FUZZ_BIN    := $(FUZZ_NAMES:%=build/fuzz/fuzz_%)
FUZZ_CLANG  ?= clang
FUZZ_TIME   ?= 120
FUZZ_SAN    := address,undefined

.PHONY: fuzz fuzz-replay fuzz-run leakcheck

$(BUILD)/fuzz-replay/fuzz_%: fuzz/fuzz_%.c fuzz/replay.c fuzz/common.c fuzz/fuzz.h $(BUILD)/libgw.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(FUZZ_CFLAGS) $(LDFLAGS) -o $@ fuzz/fuzz_$*.c fuzz/replay.c \
	    fuzz/common.c $(BUILD)/libgw.a $(LIBS)

fuzz-replay: $(FUZZ_REPLAY)
	@for n in $(FUZZ_NAMES); do \
	    $(BUILD)/fuzz-replay/fuzz_$$n fuzz/corpus/$$n 2>$(BUILD)/fuzz-replay/$$n.log \
	    || { echo "fuzz-replay: fuzz_$$n failed:"; tail -20 $(BUILD)/fuzz-replay/$$n.log; exit 1; }; \
	done

# The library again, compiled by clang with the sanitizers and libFuzzer's
# coverage hooks, in its own build directory.
build/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/common.c fuzz/fuzz.h FORCE_FUZZLIB
	@mkdir -p $(dir $@)
	$(FUZZ_CLANG) -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -g -Isrc $(FUZZ_CFLAGS) \
	    $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -fsanitize=fuzzer,$(FUZZ_SAN) \
	    -o $@ fuzz/fuzz_$*.c fuzz/common.c build/fuzz/libgw.a $(LIBS)

.PHONY: FORCE_FUZZLIB
FORCE_FUZZLIB:
	@command -v $(FUZZ_CLANG) >/dev/null || { echo "make fuzz: $(FUZZ_CLANG) not found" \
	    "(apt-get install -y clang libclang-rt-14-dev)" >&2; exit 1; }
	@$(MAKE) --no-print-directory CC=$(FUZZ_CLANG) BUILD=build/fuzz SANITIZE=$(FUZZ_SAN) \
	    OPT="-O1 -g -fsanitize=fuzzer-no-link" build/fuzz/libgw.a

fuzz: $(FUZZ_BIN)

fuzz-run: fuzz
	@for n in $(FUZZ_NAMES); do \
	    mkdir -p build/fuzz/corpus-$$n build/fuzz/crash-$$n; \
	    LSAN_OPTIONS=suppressions=$(CURDIR)/fuzz/lsan.supp \
	    build/fuzz/fuzz_$$n -max_total_time=$(FUZZ_TIME) -timeout=20 -rss_limit_mb=4096 \
	        -artifact_prefix=build/fuzz/crash-$$n/ build/fuzz/corpus-$$n fuzz/corpus/$$n \
	        2>build/fuzz/$$n.log; \
	    echo "fuzz_$$n: exit $$? ($$(ls build/fuzz/crash-$$n | wc -l) artifacts)"; \
	done

leakcheck: gongwen
	sh fuzz/leakcheck.sh ./gongwen
