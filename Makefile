# Frontline: two commands a new user needs.
#   make run   installs what is missing, builds, indexes Corpus/ into Index/ and runs a search
#   make test  installs what is missing and runs the test suite

SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/frontline
# What running needs, and what the tests and benchmarks need beside it (`make run` installs
# only the first list; `make test` both).
RUN_PACKAGES := libxapian-dev xapian-tools libxml2-dev pkg-config zlib1g-dev poppler-utils
TEST_PACKAGES := python3-xapian time bsdutils chromium wrk iproute2 nftables curl
PYTHON ?= python3

.PHONY: run serve test test-swift test-asan test-tsan deps deps-test build check-imports man completions clean

run: deps build
	$(BIN) index Corpus --index Index --gazetteer Corpus/gazetteer.json
	$(BIN) search "casualties near Talish" --index Index --limit 3
	$(BIN) compare casualties --by claimant --index Index --limit 1

# Indexes Corpus/ (if Index/ has no index yet) and serves it on http://127.0.0.1:8080/.
serve: deps build
	@test -f Index/XAPIANDB || $(BIN) index Corpus --index Index --gazetteer Corpus/gazetteer.json
	$(BIN) serve --index Index --port 8080

# The Swift suite, then the browser tests (headless Chromium driving `frontline serve`).
test: deps-test test-swift
	$(PYTHON) Tests/browser/run.py

# The Swift suite alone, for a quick loop.
test-swift: deps
	$(SWIFT) test 2>&1 | tee .test.log; exit $${PIPESTATUS[0]}

# The suite under AddressSanitizer. Leak checking is off: the leaks it reports come from
# Foundation's Process (used by the tests to start frontline and xapian-tcpsrv).
test-asan: deps-test
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

# The server, index and searcher tests under ThreadSanitizer (the lanes, the response cache, the health
# prober, the writer threads and a searcher following a rebuild, export under load included).
test-tsan: deps-test
	TSAN_OPTIONS="halt_on_error=1 report_signal_unsafe=0" $(SWIFT) test --sanitize=thread --scratch-path .build-tsan \
	  --filter 'ServerTests|ContractTests|AtomicPublishTests|IndexerTests|LoadTests|ResponseCacheTests'

# One release build makes both executables (frontline and the frontline-server it runs).
build:
	$(SWIFT) build -c release --static-swift-stdlib

# Fails if a target imports a module it does not declare in Package.swift.
check-imports:
	.ci/check-imports

# The manual page, in .build/plugins/GenerateManual/outputs/frontline/frontline.1.
man:
	$(SWIFT) package plugin generate-manual

# Shell completions for bash, zsh and fish, in .build/completions/.
completions: build
	mkdir -p .build/completions
	for shell in bash zsh fish; do $(BIN) --generate-completion-script $$shell > .build/completions/frontline.$$shell; done

# Installs the Debian packages running needs, if any is missing (as root, or with sudo);
# with all of them present it runs no package command at all.
deps:
	@$(MAKE) -s install-packages PACKAGES="$(RUN_PACKAGES)"
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6.1 or later is needed: https://www.swift.org/install/linux/"; exit 1; }

# What the tests need beside it: the browser, Playwright, the load and network tools.
deps-test: deps
	@$(MAKE) -s install-packages PACKAGES="$(TEST_PACKAGES)"
	@$(PYTHON) -c "import playwright" 2>/dev/null || { \
	  echo "installing: playwright (PyPI; it drives Debian's chromium, no browser is downloaded)"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $(PYTHON) -m pip --version >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq python3-pip >/dev/null; \
	  $(PYTHON) -m pip install -q playwright 2>/dev/null || $(PYTHON) -m pip install -q --break-system-packages playwright; }

.PHONY: install-packages
install-packages:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then sudo=""; else sudo="sudo"; fi; \
	  $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing >/dev/null; \
	fi

clean:
	rm -rf .build .build-asan .build-tsan Index/shard-* Index/gen-* Index/XAPIANDB Index/.lock .test.log
