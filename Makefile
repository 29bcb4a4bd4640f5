# highfence: `make run` for the example, `make test` for everything CI checks.
# Every target installs what it needs first (scripts/setup.sh, quiet when done)
# and leaves the CLI at build/highfence.

CMAKE := cmake -G Ninja -S .
BUILD := cmake --build
JOBS  := -j2

.PHONY: all setup build run serve test unit asan fuzz-build fuzz-short fuzz bench clean web web-test \
  install docs-gen

all: build

setup:
	@bash scripts/setup.sh

build: setup web
	$(CMAKE) -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
	$(BUILD) build $(JOBS)

# The web UI (docs/web.md): npm ci when the lockfile changed, then a Vite build
# into web/dist/ with its manifest.json, when a source changed.
WEB_SOURCES := $(shell find web/src web/scripts -type f 2>/dev/null) web/index.html \
  web/vite.config.ts web/tsconfig.json

web: web/dist/manifest.json

web/node_modules/.installed: web/package-lock.json | setup
	cd web && node scripts/check-engines.mjs && npm ci --no-audit --no-fund
	@touch $@

web/dist/manifest.json: web/node_modules/.installed $(WEB_SOURCES)
	cd web && npm run build

# Unit tests, then the browser tests: Debian's chromium, headless, against the
# mock API (screenshots in build/ui-screenshots/), then again against
# build/highfence serve on a fresh data folder (test/browser/real-server.sh;
# screenshots in build/ui-screenshots/real-server/). HF_WEB_URL and HF_WEB_KEY
# run the same tests against a server of your own.
web-test: web build
	cd web && npm test && npm run test:real

# Exit 2 means some lines were malformed: examples/orders.jsonl has three on purpose.
run: build
	@mkdir -p out
	build/highfence check --format table --summary --save out/determinations.jsonl \
	  examples/orders.jsonl; rc=$$?; [ $$rc -eq 0 ] || [ $$rc -eq 2 ] || exit $$rc

# The HTTP API on 127.0.0.1:8080 (HF_PORT to change), data in the user's data
# folder; the first start prints an admin key. Stop it with Ctrl-C.
serve: build
	build/highfence serve --port $${HF_PORT:-8080}

test: unit asan fuzz-short web-test

unit: build
	ctest --test-dir build --output-on-failure

asan: build
	$(CMAKE) -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHF_SANITIZE=ON -DHF_BENCH=OFF
	$(BUILD) build-asan $(JOBS)
	ctest --test-dir build-asan --output-on-failure

fuzz-build: build
	CC=clang CXX=clang++ $(CMAKE) -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DHF_FUZZ=ON -DHF_BENCH=OFF
	$(BUILD) build-fuzz $(JOBS) --target shipment_fuzz request_fuzz

# Fuzzes a copy of the seed corpus, so new inputs stay out of the repository;
# a crashing input is written to build-fuzz/crash-*.
fuzz-short: FUZZ_SECONDS := 30
fuzz:       FUZZ_SECONDS := 600
fuzz-short fuzz: fuzz-build
	@echo "fuzzing shipment_fuzz for $(FUZZ_SECONDS) s on a copy of tests/fuzz/corpus"
	@corpus=$$(mktemp -d) && trap 'rm -rf "$$corpus"' EXIT && \
	  cp tests/fuzz/corpus/* "$$corpus"/ && \
	  build-fuzz/shipment_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=4096 \
	    -artifact_prefix=build-fuzz/ "$$corpus"
	@echo "fuzzing request_fuzz for $(FUZZ_SECONDS) s on a copy of tests/fuzz/request_corpus"
	@corpus=$$(mktemp -d) && trap 'rm -rf "$$corpus"' EXIT && \
	  cp tests/fuzz/request_corpus/* "$$corpus"/ && \
	  build-fuzz/request_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
	    -artifact_prefix=build-fuzz/request- "$$corpus"

bench: build
	$(CMAKE) -B build-release -DCMAKE_BUILD_TYPE=Release
	$(BUILD) build-release $(JOBS)
	bash bench/run_bench.sh

# The CLI with its man pages and bash/zsh completions, generated from the same
# option definitions the parser uses (`highfence generate-docs`). PREFIX
# (default /usr/local) and DESTDIR as usual: make install PREFIX=$$HOME/.local
PREFIX ?= /usr/local
docs-gen: build
	build/highfence generate-docs build/docs-gen

install: docs-gen
	install -Dm755 build/highfence $(DESTDIR)$(PREFIX)/bin/highfence
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m644 build/docs-gen/man1/*.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -Dm644 build/docs-gen/highfence.bash \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/highfence
	install -Dm644 build/docs-gen/_highfence $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_highfence

clean:
	rm -rf build build-asan build-fuzz build-release out web/dist web/node_modules
