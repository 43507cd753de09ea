# uccn: the three commands a fresh Debian machine with Swift needs.
#   make run    install what is missing, build, and write the planner report (bundled UCCN data)
#   make test   install what is missing and run every test (NetworkX interop of convert and
#               metrics, the web page in headless Chromium, swift test, then the report's phone and
#               print check in headless Chromium, installed if missing)
#   make serve  install what is missing, build, and serve the planners' web page and the API on
#               http://127.0.0.1:8080 (bundled UCCN data; Ctrl-C stops)
#   make docs   build the libraries' DocC documentation into .build/documentation (fails on any warning)
SWIFT ?= swift
CITY ?= Hanoi
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: run test serve deps test-deps build map clean lint format docs docs-preview

deps:
	@bash scripts/install-deps.sh

test-deps:
	@bash scripts/install-test-deps.sh

build: deps
	$(SWIFT) build -c release --product uccn

run: build
	.build/release/uccn report --city "$(CITY)"
	.build/release/uccn map

map: build
	.build/release/uccn map

serve: build
	.build/release/uccn serve --host "$(HOST)" --port "$(PORT)"

test: deps test-deps lint
	$(SWIFT) build --product uccn
	python3 Tests/interop/check_networkx.py --uccn .build/debug/uccn
	python3 Tests/interop/check_metrics_networkx.py --uccn .build/debug/uccn
	python3 Tests/browser/page_test.py --uccn .build/debug/uccn
	$(SWIFT) test
	bash scripts/check-report-layout.sh --uccn .build/debug/uccn

# The committed .swift-format is the one format; lint fails on any finding.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

# DocC documentation of every library module, one combined static site (gitignored, under
# .build). Any DocC warning (a broken symbol link, an undocumented parameter) fails it.
DOC_TARGETS = GraphCore GraphAlgorithms GraphFormats GraphRendering GraphvizDOT CreativeCities
DOCS_OUT = .build/documentation
docs: deps
	$(SWIFT) package --allow-writing-to-directory $(DOCS_OUT) generate-documentation \
		$(foreach t,$(DOC_TARGETS),--target $(t)) --enable-experimental-combined-documentation \
		--warnings-as-errors --output-path $(DOCS_OUT)
	@echo "open with: make docs-preview, then http://127.0.0.1:8000/documentation/"

# Serves the built documentation (DocC's static site needs an HTTP server).
docs-preview:
	cd $(DOCS_OUT) && python3 -m http.server 8000 --bind 127.0.0.1

clean:
	rm -rf .build
