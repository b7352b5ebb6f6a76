#!/usr/bin/env bash
# `make bench`: a dev node, the contracts from artifacts/ plus the benchmark probe, every
# state-changing message dry-run with @polkadot/api-contract, mirrorwatch's check, the owner's page
# in Chromium; tables to stdout and
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
# Where the bytes go: a release build in a target dir of its own (ink_e2e's debug builds overwrite
# the shared one), read before wasm-opt, while the names are still there.
sizes_target="$INK_CACHE/size-target"
CARGO_TARGET_DIR="$sizes_target" bash scripts/build-contracts.sh "$sizes_target/out" >/dev/null
sizes="$sizes_target/sizes.md"
for name in $INK_CONTRACTS; do
  printf '\n### %s\n\n' "$name"
  python3 scripts/wasm-sizes.py "$sizes_target/ink/wasm32-unknown-unknown/release/$name.wasm" 12
done >"$sizes"
SIZES="$sizes" NODE_URL="$NODE_URL" ART="$here/artifacts" PROBE="$CARGO_TARGET_DIR/ink/probe.contract" \
  OUT="$here/docs/benchmarks.md" \
  VERSIONS="substrate-contracts-node $INK_NODE_VERSION (--dev), ink 4.3.0, cargo-contract $INK_CARGO_CONTRACT_VERSION, Rust $INK_RUST, @polkadot/api-contract 16.5.6" \
  node bench/bench.mjs

# mirrorwatch: `check` of 1,000 tokens x 4 mirrors against local hosts, small and 1 MiB files
# (tools/mirrorwatch/examples/bench.rs), measured on the optimised binary. The harness itself
# (deploying, serving the files) is a debug build: it reuses the e2e tests' compiled ink_e2e.
cargo build --quiet --profile tool -p mirrorwatch --bin mirrorwatch
cargo build --quiet -p mirrorwatch --features test-hosts --example bench
MIRRORWATCH="$CARGO_TARGET_DIR/tool/mirrorwatch" NODE_URL="$NODE_URL" RUST_LOG=ink_e2e=off \
  BENCH_OUT="$here/docs/benchmarks.md" "$CARGO_TARGET_DIR/debug/examples/bench"

# The owner's page: what it loads, the first list of 100 tokens and 100 mirrors verified, in
# Debian's Chromium against a dev node of its own (page/bench.mjs).
bash scripts/setup.sh test-deps
(cd page && BENCH_OUT="$here/docs/benchmarks.md" node bench.mjs)
