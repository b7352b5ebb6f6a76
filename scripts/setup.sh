#!/usr/bin/env bash
# Installs everything the project needs that a fresh machine lacks, and caches the heavy parts
# outside the clone, keyed by version, so that a second run is quick:
#   - Rust 1.86.0 (rust-toolchain.toml) with rust-src, rustfmt, clippy and wasm32-unknown-unknown
#   - cargo-contract 3.2.0            -> $INK_CACHE/cargo-contract-3.2.0/bin/cargo-contract
#   - substrate-contracts-node 0.42.0 -> $INK_CACHE/contracts-node-0.42.0/bin/substrate-contracts-node
# Usage: scripts/setup.sh [toolchain|cargo-contract|node|all]   (default: all)
# See ../shared/TOOLCHAIN.md for why each step is done the way it is.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$here/scripts/env.sh"

step() { printf '\n== setup: %s\n' "$*"; }

toolchain() {
  if rustup run "$INK_RUST" rustc --version >/dev/null 2>&1 &&
     rustup component list --toolchain "$INK_RUST" --installed 2>/dev/null | grep -q '^rust-src' &&
     rustup target list --toolchain "$INK_RUST" --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown' &&
     rustup component list --toolchain "$INK_RUST" --installed 2>/dev/null | grep -q '^clippy'; then
    return 0
  fi
  step "installing Rust $INK_RUST (about a minute)"
  rustup toolchain install "$INK_RUST" --profile minimal \
    --component rust-src,rustfmt,clippy --target wasm32-unknown-unknown
}

cargo_contract() {
  if [ -x "$CARGO_CONTRACT" ]; then return 0; fi
  toolchain
  step "building cargo-contract $INK_CARGO_CONTRACT_VERSION (about 15 min, once; cached in $INK_CACHE)"
  local tmp="$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION.tmp"
  rm -rf "$tmp"
  (cd / && cargo "+$INK_RUST" install cargo-contract --version "$INK_CARGO_CONTRACT_VERSION" \
      --locked --root "$tmp")
  rm -rf "$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION"
  mv "$tmp" "$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION"
  rm -f "$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION/.crates.toml" \
        "$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION/.crates2.json"
}

apt_deps() {
  local missing=()
  for p in protobuf-compiler clang libclang-dev; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing Debian packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

node() {
  if [ -x "$CONTRACTS_NODE_BIN" ]; then return 0; fi
  toolchain
  apt_deps
  local v="$INK_NODE_VERSION" src="$INK_CACHE/contracts-node-$INK_NODE_VERSION.src"
  step "building substrate-contracts-node $v from the published crate (about 70 min, once; cached in $INK_CACHE)"
  mkdir -p "$src"
  if [ ! -f "$src/contracts-node-$v/Cargo.lock" ]; then
    # The crate's download address comes from the registry's own config (its `dl` field).
    local dl
    dl="$(curl -fsS https://index.crates.io/config.json | python3 -c 'import json,sys; print(json.load(sys.stdin)["dl"])')"
    case "$dl" in
      *"{crate}"*|*"{version}"*) url="${dl//\{crate\}/contracts-node}"; url="${url//\{version\}/$v}" ;;
      *) url="$dl/contracts-node/$v/download" ;;
    esac
    curl -fsSL "$url" -o "$src/contracts-node-$v.crate"
    tar -xzf "$src/contracts-node-$v.crate" -C "$src"
  fi
  # Plain `cargo install` fails: the runtime Wasm builds ignore the crate's lockfile unless the
  # workspace hint points at it, and sp-io's panic handler needs the pinned toolchain there.
  (cd "$src/contracts-node-$v" &&
     WASM_BUILD_WORKSPACE_HINT="$src/contracts-node-$v" WASM_BUILD_TOOLCHAIN="$INK_RUST" \
     CARGO_TARGET_DIR="$src/target" cargo +stable build --release --locked)
  mkdir -p "$(dirname "$CONTRACTS_NODE_BIN")"
  cp "$src/target/release/substrate-contracts-node" "$CONTRACTS_NODE_BIN.tmp"
  mv "$CONTRACTS_NODE_BIN.tmp" "$CONTRACTS_NODE_BIN"
  rm -rf "$src/target"   # 10+ GB of build products; the binary is what is kept
}

mkdir -p "$INK_CACHE"
case "${1:-all}" in
  toolchain) toolchain ;;
  cargo-contract) cargo_contract ;;
  node) node ;;
  all) toolchain; cargo_contract; node ;;
  *) echo "usage: $0 [toolchain|cargo-contract|node|all]" >&2; exit 2 ;;
esac
