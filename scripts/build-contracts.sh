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
for name in $INK_CONTRACTS; do
  start=$(date +%s)
  "$CARGO_CONTRACT" contract build --release --quiet \
    --manifest-path "$here/contracts/$name/Cargo.toml" >/dev/null
  for ext in contract wasm json; do
    cp "$CARGO_TARGET_DIR/ink/$name.$ext" "$out/$name.$ext"
  done
  printf '%-18s %6d bytes of Wasm  (%ds)\n' "$name" "$(stat -c %s "$out/$name.wasm")" $(( $(date +%s) - start ))
done
