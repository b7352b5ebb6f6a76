#!/usr/bin/env bash
# `make bench`: a dev node, the contracts from artifacts/ plus the benchmark probe, every
# state-changing message dry-run with @polkadot/api-contract; tables to stdout and
# docs/benchmarks.md.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
command -v node >/dev/null || { echo "Node.js (>= 18) is needed for make bench" >&2; exit 1; }
# shellcheck source=scripts/node-up.sh
source scripts/node-up.sh
(cd bench && npm ci --no-audit --no-fund --silent)
"$CARGO_CONTRACT" contract build --release --quiet --manifest-path bench/probe/Cargo.toml >/dev/null
mkdir -p docs
NODE_URL="$NODE_URL" ART="$here/artifacts" PROBE="$CARGO_TARGET_DIR/ink/probe.contract" \
  OUT="$here/docs/benchmarks.md" \
  VERSIONS="substrate-contracts-node $INK_NODE_VERSION (--dev), ink 4.3.0, cargo-contract $INK_CARGO_CONTRACT_VERSION, Rust $INK_RUST, @polkadot/api-contract 16.5.6" \
  node bench/bench.mjs
