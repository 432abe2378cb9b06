# Scholia: `make serve` to preview the example site, `make build` to write
# public/, `make test` to run every test.

GO       ?= go
ADDR     ?= 127.0.0.1:1313
FUZZTIME ?= 10s
VNU_JAR  ?= $(CURDIR)/.tools/node_modules/vnu-jar/build/dist/vnu.jar
export VNU_JAR

.PHONY: build serve check test test-go test-html fuzz bench tools clean

build:
	$(GO) run . build $(if $(BASE_URL),-base-url '$(BASE_URL)')

serve:
	$(GO) run . serve -addr $(ADDR)

check:
	$(GO) run . check

# test runs the unit, golden, property and end-to-end tests (fuzz targets run
# their seed corpora), then the Nu HTML checker over every generated page.
test: test-go test-html

test-go:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

# test-html says plainly when it cannot run the checker (no Java, or no
# vnu.jar: `make tools` installs it from the npm registry).
test-html:
	$(GO) test -count=1 -run '^TestNuHTMLChecker$$' -v ./generator/site/

# fuzz runs each fuzz target for FUZZTIME.
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzFind$$' -fuzztime $(FUZZTIME) ./generator/anchor/
	$(GO) test -run '^$$' -fuzz '^FuzzDecodeSidecar$$' -fuzztime $(FUZZTIME) ./generator/content/

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

tools:
	npm install --no-save --no-package-lock --prefix .tools vnu-jar

clean:
	rm -rf public .tools
