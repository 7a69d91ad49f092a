# EntityGraph: the README's two commands are `make demo` and `make test`.
SWIFT ?= swift

.PHONY: demo test deps release bench bench-postgres fuzz sanitize clean

## Install what is missing, build a release binary, and build the graph of seeds/ into output/.
demo: deps release
	.build/release/entitygraph build seeds --out output

## Install what is missing, check the formatting (swift-format lint --strict, Scripts/format.sh --check),
## then build and run the whole test suite beside a throw-away PostgreSQL server
## (Scripts/with-postgres.sh installs Debian's postgresql when missing, so the PostgreSQL store suite runs
## too), then the HTML report in headless Chromium (Scripts/browser-test.sh installs chromium,
## chromium-driver and Selenium when missing), then each libFuzzer target for 30 s on its committed seeds
## (Scripts/fuzz.sh).
test: deps
	Scripts/format.sh --check
	$(SWIFT) build --build-tests
	WITH_POSTGRES_OPTIONS="-c fsync=off -c synchronous_commit=off" Scripts/with-postgres.sh $(SWIFT) test --skip-build
	SWIFT=$(SWIFT) Scripts/browser-test.sh
	SWIFT=$(SWIFT) Scripts/fuzz.sh 30

## Each libFuzzer target for FUZZ_SECONDS (default 20 minutes); see README "Testing".
FUZZ_SECONDS ?= 1200
fuzz: deps
	SWIFT=$(SWIFT) Scripts/fuzz.sh $(FUZZ_SECONDS)

## The test suite under AddressSanitizer and ThreadSanitizer (.build-asan, .build-tsan).
sanitize: deps
	SWIFT=$(SWIFT) Scripts/sanitize.sh all

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

## The store benchmark on SQLite and on a throw-away local PostgreSQL server (1, 2 and 4 worker processes).
bench-postgres: deps
	$(SWIFT) build -c release --product eg-bench
	$(SWIFT) build -c release --product entitygraph
	Scripts/with-postgres.sh sh -c '.build/release/eg-bench ingest --db "$$ENTITYGRAPH_TEST_POSTGRES"'

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan
