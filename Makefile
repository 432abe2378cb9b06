# Scholia: `make serve` to preview the example site, `make build` to write
# public/, `make test` to run every test.

GO       ?= go
ADDR     ?=
ARGS     ?=
FUZZTIME ?= 10s
VNU_JAR  ?= $(CURDIR)/.tools/node_modules/vnu-jar/build/dist/vnu.jar
export VNU_JAR

.PHONY: build serve check test test-go test-html fuzz bench bench-serve loadtest screenshots tools clean

# ARGS passes more flags to build, serve and check: make serve ARGS=-future.
build:
	$(GO) run . build $(if $(BASE_URL),-base-url '$(BASE_URL)') $(ARGS)

# serve previews the example site with live reload, drafts included; without
# ADDR it uses 127.0.0.1:1313, or the next free port when that one is taken.
serve:
	$(GO) run . serve $(if $(ADDR),-addr $(ADDR)) $(ARGS)

check:
	$(GO) run . check $(ARGS)

# test runs the unit, golden, property and end-to-end tests (fuzz targets run
# their seed corpora), then the Nu HTML checker and axe-core over every
# generated page.
test: test-go test-html

test-go:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

# test-html runs the checks of pages in real tools on their own, verbosely
# (the Nu HTML checker, axe-core, the theme's layout, script, keyboard and
# print checks, make screenshots and the dev server in headless Chromium),
# so that it says plainly when it could not run one (no Java, no Chromium,
# or no vnu.jar or axe-core: `make tools` installs those from npm; without
# pdftotext, from apt-get install poppler-utils, the printed PDFs' text
# goes unchecked).
BROWSER_TESTS = TestNuHTMLChecker|TestAccessibility|TestBrowser|TestBrowserLayout|TestBrowserNoScript|TestBrowserKeyboard|TestBrowserPrint|TestBrowserScript|TestBrowserTarget|TestScreenshots

test-html:
	SCHOLIA_PAGE_CHECKS=1 $(GO) test -count=1 -run '^($(BROWSER_TESTS))$$' -v ./generator/site/ ./generator/server/ ./generator/internal/screenshots/

# fuzz runs each fuzz target of every package for FUZZTIME, found by
# go test -list, so that a new target needs no line here.
fuzz:
	@for pkg in $$($(GO) list ./generator/...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "$$f ($$pkg)"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# bench runs the Go microbenchmarks, then the benchmark runner (package
# generator/internal/benchmark): Scholia against Hugo and a floor on
# generated archives of BENCH_SIZES articles, the warm rebuild after one
# edit, and the dev servers' save-to-screen in headless Chromium. Hugo and
# Chromium are optional; the report says so when they are missing.
BENCH_SIZES ?= 1000,10000

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) run ./generator/internal/benchmark/cmd/scholia-bench -sizes $(BENCH_SIZES) -serve

# bench-serve measures the dev server's time from saving an article to the
# reload event and to the new text on the page in headless Chromium (which
# it skips, saying so, without Chromium), on the example site and on 1,000
# generated articles.
bench-serve:
	$(GO) test -run '^$$' -bench '^BenchmarkSaveTo(Reload|Screen)$$' -benchtime 100x ./generator/server/

# loadtest soaks the dev server (package generator/internal/loadtest): the
# example site served from a temporary copy, 200 event streams and wrk on
# loopback for LOADTEST_TIME (default 30s) while an article is edited every
# 300 ms; it fails on any error, lost reload or leak, and prints a table of
# figures. Not part of make test. It needs wrk: apt-get install wrk.
loadtest:
	@command -v wrk >/dev/null 2>&1 || { echo 'make loadtest needs wrk: apt-get install wrk' >&2; exit 1; }
	$(GO) run ./generator/internal/loadtest/cmd/scholia-loadtest $(if $(LOADTEST_TIME),-duration $(LOADTEST_TIME))

# screenshots builds the example site and the Arabic test site into a
# temporary folder and photographs their articles in headless Chromium
# (package generator/internal/screenshots): full-page PNGs of the example
# article at 1280 and 390 px, light and dark, and printed (a PDF and a PNG),
# and of the Arabic article at 1280 and 390 px, into a fresh temporary
# folder, printing each file's path. Nothing is written into the
# repository. It needs Chromium and says so when it is missing.
screenshots:
	$(GO) run ./generator/internal/screenshots/cmd/scholia-screenshots

tools:
	npm install --no-save --no-package-lock --prefix .tools vnu-jar axe-core

clean:
	rm -rf public .scholia-cache .tools
