#!/usr/bin/env bash
# `make demo`: installs what is missing, starts a local dev node, deploys the three contracts
# from artifacts/ with cargo-contract and runs the backup story (scripts/demo.py), printing each
# step and the token's resulting assets. The node is stopped at the end.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
bash scripts/setup.sh cargo-contract
bash scripts/setup.sh node
# shellcheck source=scripts/env.sh
source scripts/env.sh

port="${INK_DEMO_PORT:-9944}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is in use (another node?). Stop it, or run with INK_DEMO_PORT=<free port>." >&2
  exit 1
fi
log="$(mktemp -t demo-node.XXXXXX.log)"
"$CONTRACTS_NODE_BIN" --dev --tmp --rpc-port "$port" \
  --experimental-rpc-endpoint "listen-addr=127.0.0.1:$port" >"$log" 2>&1 &
node_pid=$!
trap 'kill $node_pid 2>/dev/null; wait $node_pid 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  grep -q "Running JSON-RPC server" "$log" && break
  kill -0 $node_pid 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.5
done
echo "substrate-contracts-node $INK_NODE_VERSION running on ws://127.0.0.1:$port (pid $node_pid)"
INK_DEMO_URL="ws://127.0.0.1:$port" python3 scripts/demo.py
