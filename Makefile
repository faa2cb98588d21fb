# The two commands of the README: `make build` (then `./docbuild ...`) and
# `make test`. CI (.ci/run) runs `make test`.
GO ?= go

.PHONY: build test conformance fuzz bench

build:
	$(GO) build -o docbuild ./cmd/docbuild

# All tests: formatting, vet, every package's tests, then the conformance
# summaries (one line per suite: "NAME: N passed, M failed").
test:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) test ./...
	@$(GO) test -count=1 -v -run 'TestDocutils|TestFunctional|TestMyST|TestRealworld' ./internal/conformance | grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' || true

conformance:
	$(GO) test -count=1 -v -run 'TestDocutils|TestFunctional|TestMyST|TestRealworld' ./internal/conformance

# Ten minutes of fuzzing per parser target (make fuzz FUZZTIME=30s for less).
FUZZTIME ?= 10m
fuzz:
	$(GO) test -run XXX -fuzz FuzzParse -fuzztime $(FUZZTIME) ./parser/rst

bench:
	$(GO) test -run XXX -bench . -benchmem ./parser/...
