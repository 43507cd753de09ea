# uccn: the two commands a fresh Debian machine with Swift needs.
#   make run    install what is missing, build, and write the planner report (bundled UCCN data)
#   make test   install what is missing and run every test (NetworkX interop of convert and
#               metrics, then swift test)
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
	python3 Tests/interop/check_metrics_networkx.py --uccn .build/debug/uccn
	$(SWIFT) test

# The committed .swift-format is the one format; lint fails on any finding.
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

clean:
	rm -rf .build
