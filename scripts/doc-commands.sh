#!/usr/bin/env bash
# Runs every command the docs pages show (scripts/doc_commands.py), in the pages' order, on a
# fresh dev node, in a scratch directory holding a link to artifacts/: what a reader typing them
# would get. `make test` runs it; a command that fails fails the run, naming its block.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
# The pages, in the order each continues the one before.
pages=(docs/deploying.md docs/registry.md docs/multiasset.md docs/wallets.md docs/mirrorwatch.md)

# shellcheck source=scripts/node-up.sh
source scripts/node-up.sh
cargo build --quiet -p mirrorwatch
scratch="$(mktemp -d -t ink-docs.XXXXXX)"
# (This replaces node-up.sh's exit trap, so it stops the node and removes its log too.)
trap 'rm -rf "$scratch"; kill $node_pid 2>/dev/null; wait $node_pid 2>/dev/null; rm -f "$node_log"' EXIT
ln -s "$here/artifacts" "$scratch/artifacts"
python3 scripts/doc_commands.py "${pages[@]/#/$here/}" >"$scratch/docs.sh"
# The binary `cargo install --path tools/mirrorwatch` would install, built from the same sources.
# The docs' own commands set everything else (cargo-contract's place on PATH included);
# mirrorwatch's state database goes to the scratch directory, not the user's.
(cd "$scratch" && PATH="$CARGO_TARGET_DIR/debug:$PATH" MIRRORWATCH_STATE="$scratch/state.sqlite3" \
  bash docs.sh)
