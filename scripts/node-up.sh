# Sourced by demo.sh and bench.sh from the repo root: installs cargo-contract and the node if
# missing, sources scripts/env.sh, starts substrate-contracts-node --dev --tmp on 127.0.0.1:$port
# (default 9944) in the background, waits for its RPC server and stops it when the shell exits.
# Sets NODE_URL.
bash scripts/setup.sh all
# shellcheck source=scripts/env.sh
source scripts/env.sh
port="${INK_NODE_PORT:-9944}"
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is in use (another node?). Stop it, or set INK_NODE_PORT=<free port>." >&2
  exit 1
fi
node_log="$(mktemp -t contracts-node.XXXXXX.log)"
scripts/contracts-node --dev --tmp --rpc-port="$port" >"$node_log" 2>&1 &
node_pid=$!
trap 'kill $node_pid 2>/dev/null; wait $node_pid 2>/dev/null; rm -f "$node_log"' EXIT
for _ in $(seq 1 240); do
  grep -q "Running JSON-RPC server" "$node_log" && break
  kill -0 $node_pid 2>/dev/null || { cat "$node_log" >&2; exit 1; }
  sleep 0.5
done
grep -q "Running JSON-RPC server" "$node_log" || { echo "node did not start" >&2; exit 1; }
NODE_URL="ws://127.0.0.1:$port"
echo "substrate-contracts-node $INK_NODE_VERSION running on $NODE_URL (pid $node_pid)"
