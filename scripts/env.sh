# Sourced by the Makefile's scripts: versions, cache locations and the wrappers the toolchain needs.
# Heavy tools live outside the clone, keyed by version, so every clone and CI run reuses them.
INK_RUST=1.86.0
INK_CARGO_CONTRACT_VERSION=3.2.0
INK_NODE_VERSION=0.42.0
INK_CACHE="${INK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ink-multiasset}"
CARGO_CONTRACT="$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION/bin/cargo-contract"
CONTRACTS_NODE_BIN="$INK_CACHE/contracts-node-$INK_NODE_VERSION/bin/substrate-contracts-node"
export INK_RUST INK_CARGO_CONTRACT_VERSION INK_NODE_VERSION INK_CACHE CARGO_CONTRACT CONTRACTS_NODE_BIN
