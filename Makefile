# uccn: the two commands a fresh Debian machine with Swift needs.
#   make run    install what is missing, build, and write the planner report (bundled UCCN data)
#   make test   install what is missing and run every test (NetworkX interop, then swift test)
SWIFT ?= swift
CITY ?= Hanoi

.PHONY: run test deps build map clean

deps:
	@bash scripts/install-deps.sh

build: deps
	$(SWIFT) build -c release --product uccn

run: build
	.build/release/uccn report --city "$(CITY)"
	.build/release/uccn map

map: build
	.build/release/uccn map

test: deps
	$(SWIFT) build --product uccn
	python3 Tests/interop/check_networkx.py --uccn .build/debug/uccn
	$(SWIFT) test

clean:
	rm -rf .build
