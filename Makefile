# EntityGraph: the README's two commands are `make demo` and `make test`.
SWIFT ?= swift

.PHONY: demo test deps release bench clean

## Install what is missing, build a release binary, and build the graph of seeds/ into output/.
demo: deps release
	.build/release/entitygraph build seeds --out output

## Install what is missing, then build and run the whole test suite.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

deps:
	@Scripts/install-deps.sh

release:
	$(SWIFT) build -c release --product entitygraph

## Benchmarks (release build); see README "Measuring".
bench: deps
	$(SWIFT) build -c release --product eg-bench
	.build/release/eg-bench render
	.build/release/eg-bench extract
	.build/release/eg-bench ingest

clean:
	rm -rf .build
