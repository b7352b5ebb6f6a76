# Sourced by the Makefile's scripts: versions, cache locations and the wrappers the toolchain needs.
# Heavy tools live outside the clone, keyed by version, so every clone and CI run reuses them.
INK_RUST=1.86.0
INK_CARGO_CONTRACT_VERSION=3.2.0
INK_NODE_VERSION=0.42.0
# The contracts, in deployment order; each is contracts/<name> and artifacts/<name>.*
INK_CONTRACTS="collection proposer_registry multiasset"
INK_CACHE="${INK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ink-multiasset}"
CARGO_CONTRACT="$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION/bin/cargo-contract"
INK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# -dev-<patch>: built with scripts/contracts-node-dev.patch (the dev chain only; docs/toolchain.md),
# keyed by the patch's sha256: a node in the cache is one this very patch applied to and built,
# and a changed patch is a cache miss that builds (and so checks) it again.
INK_NODE_PATCH_ID="$(sha256sum "$INK_ROOT/scripts/contracts-node-dev.patch" | cut -c1-12)"
CONTRACTS_NODE_BIN="$INK_CACHE/contracts-node-$INK_NODE_VERSION-dev-$INK_NODE_PATCH_ID/bin/substrate-contracts-node"
export INK_RUST INK_CARGO_CONTRACT_VERSION INK_NODE_VERSION INK_CONTRACTS INK_CACHE CARGO_CONTRACT
export INK_ROOT INK_NODE_PATCH_ID CONTRACTS_NODE_BIN
# moto's standalone S3 server (PyPI), the peer of mirrorwatch's S3 store test, in a venv of its own.
INK_MOTO_VERSION=5.2.5
MOTO_SERVER="$INK_CACHE/moto-$INK_MOTO_VERSION/bin/moto_server"
export INK_MOTO_VERSION MOTO_SERVER

# Every cargo in the project runs on the pinned toolchain, also where cargo-contract builds in a
# temporary directory that rust-toolchain.toml does not reach.
export RUSTUP_TOOLCHAIN="$INK_RUST"
if [ -z "${INK_RUST_LLD:-}" ] && command -v rustup >/dev/null 2>&1 &&
   sysroot="$(rustup run "$INK_RUST" rustc --print sysroot 2>/dev/null)"; then
  host="$(rustup run "$INK_RUST" rustc -vV | sed -n 's/^host: //p')"
  INK_RUST_LLD="$sysroot/lib/rustlib/$host/bin/rust-lld"
  export INK_RUST_LLD
fi
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER="$INK_ROOT/scripts/wasm-linker"
# ink_e2e reads CONTRACTS_NODE when the e2e tests compile.
export CONTRACTS_NODE="$INK_ROOT/scripts/contracts-node"
# What the lines above and below set for contract builds only; scripts/setup.sh builds the tools
# (cargo-contract, the node) without them.
INK_CONTRACT_BUILD_VARS="RUSTUP_TOOLCHAIN INK_RUST_LLD CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER CONTRACTS_NODE CARGO_TARGET_DIR"
export INK_CONTRACT_BUILD_VARS
# Build output is kept beside the tools, outside the clone, so that a fresh clone (CI) reuses
# what earlier builds compiled; cargo's fingerprints still rebuild whatever changed.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$INK_CACHE/target}"
