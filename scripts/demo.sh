#!/usr/bin/env bash
# `make demo`: installs what is missing, starts a local dev node, deploys the three contracts
# from artifacts/ with cargo-contract and runs the backup story (scripts/demo.py), printing each
# step and the token's resulting assets. The node is stopped at the end. mirrorwatch (the
# watchdog, tools/mirrorwatch) is built first: the story's repairs are its work.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

# shellcheck source=scripts/node-up.sh
source scripts/node-up.sh
echo "Building mirrorwatch" >&2
cargo build --quiet -p mirrorwatch
MIRRORWATCH="$CARGO_TARGET_DIR/debug/mirrorwatch" INK_DEMO_URL="$NODE_URL" python3 scripts/demo.py
