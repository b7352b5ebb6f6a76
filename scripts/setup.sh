#!/usr/bin/env bash
# Installs everything the project needs that a fresh machine lacks, and caches the heavy parts
# outside the clone, keyed by version, so that a second run is quick:
#   - Rust $INK_RUST (rust-toolchain.toml) with rust-src, rustfmt, clippy and wasm32-unknown-unknown
#   - cargo-contract            -> $INK_CACHE/cargo-contract-<version>/bin/cargo-contract
#   - substrate-contracts-node  -> $INK_CACHE/contracts-node-<version>-dev-<patch>/bin/substrate-contracts-node
#     (the dev chain only: scripts/contracts-node-dev.patch; <patch>: its sha256, 12 hex digits)
# Usage: scripts/setup.sh [toolchain|cargo-contract|node|all|preflight|test-deps|page-deps]
#   (default: all; test-deps: the Debian packages and npm packages the tests need)
# `preflight` proves in seconds to a minute, in throwaway directories, that the tool builds do
# not inherit the contracts' build environment (the cause of a node build that failed only on
# machines without the cache) and, unless the node of this very patch is cached, that the node
# patch still applies to the published crate. It installs no Debian package.
# docs/toolchain.md says why each step is done the way it is.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$here/scripts/env.sh"

step() { printf '\n== setup: %s\n' "$*"; }
took() { printf '== setup: %s took %dm%02ds\n' "$1" $(($2 / 60)) $(($2 % 60)); }

# The tools are ordinary Rust programs: they must be built without what scripts/env.sh sets up
# for contract Wasm (the MVP linker wrapper, the contracts' target dir, the toolchain override,
# the e2e node). substrate-wasm-builder links the node's runtime Wasm with debug info, which the
# wrapper's --compress-relocations refuses; it then reports "Rust WASM target is not properly
# installed".
tool_env() {
  local unset_args=() var
  for var in $INK_CONTRACT_BUILD_VARS; do unset_args+=(-u "$var"); done
  env "${unset_args[@]}" CARGO_TERM_PROGRESS_WHEN="${CARGO_TERM_PROGRESS_WHEN:-auto}" "$@"
}

toolchain() {
  if rustup run "$INK_RUST" rustc --version >/dev/null 2>&1 &&
     rustup component list --toolchain "$INK_RUST" --installed 2>/dev/null | grep -q '^rust-src' &&
     rustup target list --toolchain "$INK_RUST" --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown' &&
     rustup component list --toolchain "$INK_RUST" --installed 2>/dev/null | grep -q '^clippy'; then
    return 0
  fi
  step "installing Rust $INK_RUST (about a minute)"
  local start=$SECONDS
  rustup toolchain install "$INK_RUST" --profile minimal \
    --component rust-src,rustfmt,clippy --target wasm32-unknown-unknown
  took "Rust $INK_RUST" $((SECONDS - start))
}

cargo_contract() {
  if [ -x "$CARGO_CONTRACT" ]; then return 0; fi
  toolchain
  step "building cargo-contract $INK_CARGO_CONTRACT_VERSION (about 10 min, once; cached in $INK_CACHE)"
  local start=$SECONDS tmp="$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION.tmp"
  rm -rf "$tmp"
  (cd / && tool_env cargo "+$INK_RUST" install cargo-contract \
      --version "$INK_CARGO_CONTRACT_VERSION" --locked --root "$tmp")
  rm -rf "$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION"
  mv "$tmp" "$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION"
  rm -f "$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION/.crates.toml" \
        "$INK_CACHE/cargo-contract-$INK_CARGO_CONTRACT_VERSION/.crates2.json"
  took "cargo-contract" $((SECONDS - start))
}

apt_deps() {
  apt_install protobuf-compiler patch
}

# What the tests need beyond the build: Apache httpd's binary and modules (apache2-bin, not the
# apache2 service package: nothing is started or enabled), for mirrorwatch's WebDAV store test,
# which runs its own httpd on loopback.
# What the tests need beside the toolchain: Apache httpd (mirrorwatch's WebDAV store test),
# Debian's Chromium (the owner's page, driven by playwright-core), and the page's npm packages
# (page/package-lock.json, through npm and the user's registry settings).
test_deps() {
  apt_install apache2-bin chromium
  page_deps
  moto_server
}

# moto's standalone S3 server for mirrorwatch's S3 store test (no S3 server installs from
# Debian's packages): pip, into a venv cached under $INK_CACHE by version.
moto_server() {
  [ -x "$MOTO_SERVER" ] && return 0
  step "installing moto $INK_MOTO_VERSION (an S3 server for the tests) with pip"
  local venv="$INK_CACHE/moto-$INK_MOTO_VERSION"
  python3 -m venv --help >/dev/null 2>&1 || apt_install python3-venv
  # A venv cannot move (its scripts name its path): built in place; moto_server, which pip writes
  # last, marks it complete.
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "moto[server]==$INK_MOTO_VERSION"
}

# The owner's page's packages, installed when page/node_modules is missing or older than the
# lockfile.
page_deps() {
  command -v npm >/dev/null || apt_install nodejs npm
  local page="$here/page"
  if [ ! -d "$page/node_modules" ] || [ "$page/package-lock.json" -nt "$page/node_modules" ]; then
    step "installing the page's npm packages"
    (cd "$page" && npm ci --no-audit --no-fund --silent)
    touch "$page/node_modules"
  fi
}

# Installs the Debian packages of "$@" that are missing, through apt (the user's sources).
apt_install() {
  local missing=()
  for p in "$@"; do
    # Installed, not just known: a removed package keeps its config files, and `dpkg -s` still
    # answers for it.
    [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  step "installing Debian packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
}

# Unpacks the node's published crate (with its Cargo.lock) into $1 through cargo itself, so that
# the user's cargo configuration (mirrors, source replacement, proxies) is honoured. `cargo info`
# downloads and unpacks the one crate without resolving its dependency tree (a fresh resolution of
# that tree fails on yanked crates; the crate's own lockfile is what builds).
node_source() {
  local dest="$1" v="$INK_NODE_VERSION" cargo_home="${CARGO_HOME:-$HOME/.cargo}" found=""
  (cd / && tool_env cargo "+$INK_RUST" info "contracts-node@$v" >/dev/null)
  for d in "$cargo_home"/registry/src/*/"contracts-node-$v"; do
    [ -f "$d/Cargo.lock" ] && found="$d"
  done
  if [ -z "$found" ]; then
    local crate
    for crate in "$cargo_home"/registry/cache/*/"contracts-node-$v.crate"; do
      [ -f "$crate" ] || continue
      mkdir -p "$dest.unpack" && tar -xzf "$crate" -C "$dest.unpack" && found="$dest.unpack/contracts-node-$v"
    done
  fi
  [ -n "$found" ] || { echo "cargo did not unpack contracts-node $v" >&2; return 1; }
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  cp -r "$found" "$dest"
  rm -rf "$dest.unpack"
}

# Environment of the node build. The runtime Wasm builds must use the crate's lockfile (the
# workspace hint) and the pinned toolchain (sp-io's panic handler). The dev-only patch removes the
# parachain mode; its runtime (and rococo's) would not be built anyway: the skip flags say so to
# substrate-wasm-builder should a crate that builds them come back.
node_env() {
  local srcdir="$1"; shift
  tool_env WASM_BUILD_WORKSPACE_HINT="$srcdir" WASM_BUILD_TOOLCHAIN="$INK_RUST" \
    SKIP_ROCOCO_RUNTIME_WASM_BUILD=1 SKIP_CONTRACTS_PARACHAIN_RUNTIME_WASM_BUILD=1 "$@"
}

# Applies scripts/contracts-node-dev.patch to the unpacked crate in $1: the standalone `--dev`
# chain only, without the parachain mode (polkadot-cli with a whole relay chain, cumulus, the
# westend and rococo runtimes), frame-benchmarking-cli and RocksDB (the chain is kept in ParityDb
# instead; docs/toolchain.md). The lockfile is then pruned by cargo, and checked to be a subset of the crate's
# own: every crate that is built is the version the published lockfile pins.
node_patch() {
  local src="$1"
  cp "$src/Cargo.lock" "$src/Cargo.lock.published" || return 1
  patch --quiet --forward -p1 -d "$src" <"$here/scripts/contracts-node-dev.patch" || return 1
  (cd "$src" && node_env "$src" cargo +stable fetch --quiet) || return 1
  local added
  added="$(comm -13 <(lock_pins "$src/Cargo.lock.published") <(lock_pins "$src/Cargo.lock"))"
  if [ -n "$added" ]; then
    printf 'the dev-only node resolved crates its published lockfile does not pin:\n%s\n' "$added" >&2
    return 1
  fi
}

# "name version" of every package in a Cargo.lock, sorted.
lock_pins() {
  awk '/^\[\[package\]\]/{n=""} /^name = /{n=$3} /^version = /{if (n != "") print n, $3}' "$1" | sort -u
}

node() {
  if [ -x "$CONTRACTS_NODE_BIN" ]; then return 0; fi
  toolchain
  apt_deps
  preflight_env
  local v="$INK_NODE_VERSION" start=$SECONDS
  local work="$INK_CACHE/contracts-node-$v.build"
  step "building substrate-contracts-node $v (dev chain only) from its published crate (about 30 min, once; cached in $INK_CACHE)"
  node_source "$work/src"
  node_patch "$work/src"
  (cd "$work/src" && node_env "$work/src" CARGO_TARGET_DIR="$work/target" \
     cargo +stable build --release --locked)
  mkdir -p "$(dirname "$CONTRACTS_NODE_BIN")"
  cp "$work/target/release/substrate-contracts-node" "$CONTRACTS_NODE_BIN.tmp"
  mv "$CONTRACTS_NODE_BIN.tmp" "$CONTRACTS_NODE_BIN"
  rm -rf "$work"   # 10+ GB of build products; the binary is what is kept
  took "substrate-contracts-node" $((SECONDS - start))
}

# Runs a check in a throwaway directory (its path is the check's last argument), removes the
# directory and says how it went: "$1" if it passed, "$2" if not.
throwaway_check() {
  local passed="$1" failed="$2" dir status=0
  shift 2
  dir="$(mktemp -d -t ink-setup-preflight.XXXXXX)"
  "$@" "$dir" || status=$?
  rm -rf "$dir"
  if [ "$status" -ne 0 ]; then
    echo "setup preflight: $failed" >&2
    return 1
  fi
  echo "setup preflight: $passed"
}

# Builds in $1, with exactly the environment the node build gets, a crate for wasm32 with debug
# info, as substrate-wasm-builder's own check does. Fails if anything of the contracts' build
# environment leaks into the tool builds.
debug_wasm_build() {
  local dir="$1"
  mkdir -p "$dir/src" || return 1
  cat >"$dir/Cargo.toml" <<'TOML' || return 1
[package]
name = "setup-preflight"
version = "0.0.0"
edition = "2021"
[lib]
crate-type = ["cdylib"]
[profile.release]
debug = true
[workspace]
TOML
  echo '#[no_mangle] pub extern "C" fn preflight() -> u32 { 42 }' >"$dir/src/lib.rs" || return 1
  (cd "$dir" && node_env "$dir" CARGO_TARGET_DIR="$dir/target" \
     cargo "+$INK_RUST" build --quiet --release --target wasm32-unknown-unknown)
}

preflight_env() {
  toolchain
  throwaway_check "tool builds see a clean environment" \
    "a debug-info Wasm build fails in the tool build environment" debug_wasm_build
}

# Unpacks the node's crate in $1 and applies the dev-only patch there, as `node` does before its
# build: the patch applies, and the pruned lockfile pins nothing the published one does not
# (cargo downloads the crates; nothing is compiled).
patched_node_source() {
  node_source "$1/src" && node_patch "$1/src"
}

# Skipped where the node built from this very patch is cached (its cache key is the patch's
# sha256: it applied), and where `patch` is not installed yet (preflight installs nothing; the
# node build that follows in `make setup` / `make test` installs it and applies the patch first).
preflight_patch() {
  if [ -x "$CONTRACTS_NODE_BIN" ]; then
    echo "setup preflight: the node of this patch ($INK_NODE_PATCH_ID) is cached: it applied"
    return 0
  fi
  if ! command -v patch >/dev/null 2>&1; then
    echo "setup preflight: no patch check yet: Debian's 'patch' is missing (setup installs it)"
    return 0
  fi
  throwaway_check "the dev-only node patch applies; its lockfile is a subset of the published one" \
    "the dev-only node patch does not apply cleanly to contracts-node $INK_NODE_VERSION (above)" \
    patched_node_source
}

# Both checks: what `make test` (and so CI) runs first, in seconds, whatever is cached.
preflight() {
  preflight_env
  preflight_patch
}

mkdir -p "$INK_CACHE"
case "${1:-all}" in
  toolchain) toolchain ;;
  cargo-contract) cargo_contract ;;
  node) node ;;
  preflight) preflight ;;
  test-deps) test_deps ;;
  page-deps) page_deps ;;
  all) toolchain; cargo_contract; node ;;
  *) echo "usage: $0 [toolchain|cargo-contract|node|all|preflight|test-deps|page-deps]" >&2; exit 2 ;;
esac
