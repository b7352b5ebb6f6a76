#!/usr/bin/env bash
# `make demo`: installs what is missing, starts a local dev node, deploys the three contracts
# from artifacts/ with cargo-contract and runs the backup story (scripts/demo.py), printing each
# step and the token's resulting assets. The node is stopped at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

# shellcheck source=scripts/node-up.sh
source scripts/node-up.sh
INK_DEMO_URL="$NODE_URL" python3 scripts/demo.py
