# uccn: the three commands a fresh Debian machine with Swift needs.
#   make run    install what is missing, build, and write the planner report (bundled UCCN data)
#   make test   install what is missing and run every test (NetworkX interop, the web page in
#               headless Chromium, then swift test)
#   make serve  install what is missing, build, and serve the planners' web page and the API on
#               http://127.0.0.1:8080 (bundled UCCN data; Ctrl-C stops)
SWIFT ?= swift
CITY ?= Hanoi
HOST ?= 127.0.0.1
PORT ?= 8080

.PHONY: run test serve deps test-deps build map clean lint format

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
	python3 Tests/browser/page_test.py --uccn .build/debug/uccn
	$(SWIFT) test

# The committed .swift-format is the one format; lint fails on any finding.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

clean:
	rm -rf .build
