# Lumpini — build, test and demo on Debian 12.
# `make demo` and `make test` install what they need (apt-get; sudo when not root).

SWIFT        ?= swift
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# postgresql-15-postgis-3: the database tests start their own server from it (never the system's);
# libjs-*: the map and chart libraries the public site copies in; chromium-headless-shell: the browser its tests drive;
# help2man: `make install`'s man pages; wrk and python3-gdal: the server's benchmark (pygeoapi's OGR provider);
# openssl: the database tests' TLS certificates; python3-venv: the venvs.
APT_PACKAGES := libgdal-dev libgeos-dev libproj-dev gdal-bin proj-bin pkg-config time sqlite3 postgresql-15-postgis-3 \
                libjs-leaflet libjs-leaflet.markercluster libjs-chart.js chromium-headless-shell help2man wrk openssl \
                python3-venv python3-gdal
VENV         := .venv
BENCH_VENV   := .venv-bench
BENCH_SERVE_VENV := .venv-bench-serve
PYTHON       ?= python3
BIN_RELEASE  := .build/release/lumpini
# Release builds link the Swift runtime and Foundation in: resolving their symbols was half of a
# catalogue query's start-up, and the binaries then run where no Swift toolchain is installed.
RELEASE      := -c release --static-swift-stdlib

# `make install`: PREFIX (/usr/local), DESTDIR, and BUILD_DIR, the build whose executables are installed
# (the release build, made first; `BUILD_DIR=.build/debug` installs the debug build as it is).
PREFIX       ?= /usr/local
DESTDIR      ?=
BUILD_DIR    ?= .build/release
VERSION      := $(shell sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/LumpiniCore/Support/LumpiniVersion.swift)
DEB          := .build/lumpini_$(VERSION)_$(shell dpkg --print-architecture 2>/dev/null).deb
DEB_MAINTAINER ?= Bangkok open data programme <data@bangkok.go.th>

.PHONY: deps venv bench-venv build release demo test test-gdal test-asan clean bench fuzz install deb

deps: .deps-installed
.deps-installed: Makefile
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi
	@touch $@

# Reference tools for tests (pyshacl, jsonschema, frictionless), the clients `lumpini serve` is tested with
# (ckanapi, owslib, schemathesis) and playwright, which drives Debian's chromium-headless-shell for the
# site's tests, never a browser of its own. Re-run when this file changes, so a new tool gets installed.
venv: $(VENV)/.installed
$(VENV)/.installed: Makefile
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check pyshacl==0.40.1 rdflib==7.6.0 jsonschema==4.26.0 frictionless==5.21.0 \
		ckanapi==4.11 owslib==0.35.0 schemathesis==4.32.5 playwright==1.65.2 \
		shapely==2.2.0 pyproj==3.7.2
	@touch $@

# Reference tools the benchmarks measure Lumpini against, pinned (Benchmarks/README.md). pygeoapi, for the
# server's case, has a venv of its own made by Debian's Python, so that its OGR provider finds Debian's GDAL
# bindings (python3-gdal); 0.21.0 is its last release for Debian 12's Python 3.11.
bench-venv: $(BENCH_VENV)/.installed $(BENCH_SERVE_VENV)/.installed
$(BENCH_VENV)/.installed: Makefile
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q --disable-pip-version-check frictionless==5.21.0 duckdb==2.0.1 shapely==2.2.0 pyproj==3.7.2
	@touch $@
$(BENCH_SERVE_VENV)/.installed: deps
	/usr/bin/python3 -m venv --system-site-packages $(BENCH_SERVE_VENV)
	$(BENCH_SERVE_VENV)/bin/pip install -q --disable-pip-version-check pygeoapi==0.21.0 gunicorn==23.0.0
	@touch $@

build: deps
	$(SWIFT) build

# The two executables only: the test support target imports XCTest, which a release build with the
# Swift runtime linked in cannot find.
release: deps
	$(SWIFT) build $(RELEASE) --product lumpini
	$(SWIFT) build $(RELEASE) --product lumpini-engine

# Both executables side by side, man pages from --help, shell completions, docs, the systemd unit (scripts/install.sh).
install: $(if $(filter .build/release,$(BUILD_DIR)),release,deps)
	scripts/install.sh $(BUILD_DIR) "$(DESTDIR)" $(PREFIX)

# A Debian package of the release build, its Depends from the libraries the executables load (scripts/make-deb.sh);
# scripts/check-deb.sh checks it (CI also installs it).
deb: release
	scripts/make-deb.sh .build/release $(DEB) $(VERSION) "$(DEB_MAINTAINER)"

demo: release
	@echo "== Releasing every sample dataset in datasets/ into public/"
	$(BIN_RELEASE) release --public public; status=$$?; [ $$status -le 1 ] || exit $$status
	@echo
	@echo "== The catalogue of what is published"
	$(BIN_RELEASE) catalog build --public public
	$(BIN_RELEASE) catalog list --public public
	@echo
	$(BIN_RELEASE) verify --public public
	@echo
	@echo "== The public website (the release rebuilt it; this makes sure it is complete)"
	$(BIN_RELEASE) site --public public
	@echo
	@echo "Published files are in $(CURDIR)/public/<dataset>/latest/ (GeoJSON, CSV, datapackage.json, README.md, manifest.json)."
	@echo "Try: $(BIN_RELEASE) catalog search ฝุ่น --public public"
	@echo "Browse the site: python3 -m http.server 8000 --bind 127.0.0.1 -d $(CURDIR)/public, then open http://127.0.0.1:8000/"

test: deps venv
	$(SWIFT) build
	LUMPINI_VENV=$(CURDIR)/$(VENV) LUMPINI_REQUIRE_REFERENCE_TOOLS=1 $(SWIFT) test --disable-swift-testing
	$(MAKE) test-asan

test-gdal: deps
	$(SWIFT) test --filter GDALTests

# The GDAL wrapper owns every C pointer: its tests run under AddressSanitizer (leaks included).
test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/.lsan-suppressions:print_suppressions=0 \
		$(SWIFT) test --disable-swift-testing --skip-build --sanitize=address --scratch-path .build-asan --filter GDALTests

# Side-by-side timings against ogr2ogr, frictionless and DuckDB; writes Benchmarks/results/.
# BENCH_ARGS="--quick" for a short run on 100,000 rows; see Benchmarks/README.md.
bench: release bench-venv
	$(PYTHON) Benchmarks/bench.py --binary $(BIN_RELEASE) --venv $(BENCH_VENV) --serve-venv $(BENCH_SERVE_VENV) $(BENCH_ARGS)

# libFuzzer targets (Fuzz/, a separate package): each runs FUZZ_SECONDS with the seeds in Fuzz/Seeds/<target>
# and a growing corpus in Fuzz/.build/corpus/<target>; crashes are written to Fuzz/.build/artifacts/.
# docs/reliability.md says how to run them longer and how a crash becomes a regression test.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS ?= FuzzEncoding FuzzValueClassifier FuzzDatasetYAML FuzzPrivacyScanner FuzzDistrictMatch \
                FuzzCSVReader FuzzTableSchema FuzzThaiDates FuzzAgencyNumber FuzzVRTReferences
FUZZ_FLAGS   ?= -timeout=10 -rss_limit_mb=2048 -max_len=65536

fuzz: deps
	cd Fuzz && $(SWIFT) build -Xswiftc -sanitize=fuzzer,address
	@mkdir -p Fuzz/.build/artifacts
	@status=0; for target in $(FUZZ_TARGETS); do \
		mkdir -p Fuzz/.build/corpus/$$target; \
		SWIFT_BACKTRACE=enable=no Fuzz/.build/debug/$$target -max_total_time=$(FUZZ_SECONDS) $(FUZZ_FLAGS) -print_final_stats=1 \
			-artifact_prefix=Fuzz/.build/artifacts/$$target- \
			Fuzz/.build/corpus/$$target Fuzz/Seeds/$$target > Fuzz/.build/$$target.log 2>&1 || status=1; \
		printf '%-22s %12s executions %s\n' $$target \
			"$$(sed -n 's/^stat::number_of_executed_units: *//p' Fuzz/.build/$$target.log)" \
			"$$(grep -q 'ERROR: libFuzzer\|ERROR: AddressSanitizer\|Fatal error' Fuzz/.build/$$target.log && echo 'CRASH: see Fuzz/.build/'$$target'.log' || echo ok)"; \
	done; exit $$status

clean:
	rm -rf .build .build-asan .deps-installed Fuzz/.build
