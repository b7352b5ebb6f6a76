#!/usr/bin/env bash
# Builds every contract with cargo-contract in release mode and copies <name>.contract, .wasm
# and .json into the given directory (default: artifacts/).
# Usage: scripts/build-contracts.sh [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$here/scripts/env.sh"
out="${1:-$here/artifacts}"
mkdir -p "$out"
# rustc hashes a path dependency's absolute path into symbol names, which changes the Wasm. So
# the sources are copied to one fixed path first: the artifacts are then the same bytes from any
# clone, wherever it lives.
src="${INK_BUILD_SRC:-/tmp/ink-multiasset-src}"
rm -rf "$src"
mkdir -p "$src"
cp -a "$here/contracts" "$src/"
for name in $INK_CONTRACTS; do
  start=$(date +%s)
  "$CARGO_CONTRACT" contract build --release --quiet \
    --manifest-path "$src/contracts/$name/Cargo.toml" >/dev/null
  for ext in contract wasm json; do
    cp "$CARGO_TARGET_DIR/ink/$name.$ext" "$out/$name.$ext"
  done
  [ "$out" = "$here/artifacts" ] && python3 "$here/scripts/artifacts.py" digest "$name" >"$out/$name.sources.sha256"
  printf '%-18s %6d bytes of Wasm  (%ds)\n' "$name" "$(stat -c %s "$out/$name.wasm")" $(( $(date +%s) - start ))
done
