# The two commands a fresh machine needs are `make demo` and `make test`; each installs what is
# missing first (scripts/setup.sh: Rust 1.86, cargo-contract 3.2.0, substrate-contracts-node
# 0.42.0, cached under ~/.cache/ink-multiasset/).
SHELL := /bin/bash
.DEFAULT_GOAL := help

.PHONY: help setup build node demo page test e2e bench check-artifacts watch

help:
	@echo "make demo             local node + contracts from artifacts/ + the backup story"
	@echo "make page             the owner's page on a local node with the story's tokens"
	@echo "make test             fmt, clippy, unit tests, artifact check, e2e, the page in Chromium"
	@echo "make setup            install/cache toolchain, cargo-contract and the node"
	@echo "make build            release-build every contract into artifacts/"
	@echo "make node             run substrate-contracts-node --dev --tmp on 127.0.0.1:9944"
	@echo "make e2e              only the ink_e2e tests"
	@echo "make bench            weights, deposits, code size per message -> docs/benchmarks.md"
	@echo "make check-artifacts  rebuild and compare with artifacts/"
	@echo "make watch ARGS='check --multiasset ADDR'  run mirrorwatch (tools/mirrorwatch)"

setup:
	bash scripts/setup.sh all

build:
	bash scripts/setup.sh cargo-contract
	bash scripts/build-contracts.sh

node:
	bash scripts/setup.sh node
	exec scripts/contracts-node --dev --tmp --rpc-port=9944 --rpc-cors=all

demo:
	bash scripts/demo.sh

page:
	bash scripts/page.sh

test:
	bash scripts/test.sh

e2e:
	bash scripts/test.sh e2e

bench:
	bash scripts/bench.sh

check-artifacts:
	bash scripts/test.sh artifacts

# mirrorwatch, built with the `tool` profile (optimised, unlike the contracts' size profile);
# e.g. make watch ARGS='check --url ws://127.0.0.1:9944 --multiasset 5F… --tokens all'
watch:
	bash scripts/setup.sh toolchain
	source scripts/env.sh && cargo run --quiet --profile tool -p mirrorwatch -- $(ARGS)
