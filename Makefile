# uccn: the two commands a fresh Debian machine with Swift needs.
#   make run    install what is missing, build, and write the planner report (bundled UCCN data)
#   make test   install what is missing and run every test (NetworkX interop, swift test, then the
#               report's phone and print check in headless Chromium, installed if missing)
SWIFT ?= swift
CITY ?= Hanoi

.PHONY: run test deps build map clean lint format

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product uccn

run: build
	.build/release/uccn report --city "$(CITY)"
	.build/release/uccn map

map: build
	.build/release/uccn map

test: deps lint
	$(SWIFT) build --product uccn
	python3 Tests/interop/check_networkx.py --uccn .build/debug/uccn
	$(SWIFT) test
	bash scripts/check-report-layout.sh --uccn .build/debug/uccn

# The committed .swift-format is the one format; lint fails on any finding.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

clean:
	rm -rf .build
