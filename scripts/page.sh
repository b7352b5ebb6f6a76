#!/usr/bin/env bash
# `make page`: the owner's page on a local dev node. Installs what is missing, starts the node,
# deploys the contracts from artifacts/ and plays the backup story (scripts/demo.py, its hosts
# kept serving), bundles the page (page/build.mjs) into page/dist/, serves it with python's
# http.server on 127.0.0.1:$PAGE_PORT (default 8000) and prints the url: Bob's tokens of the
# story, the dev accounts to sign with. Ctrl-C stops everything.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

# shellcheck source=scripts/node-up.sh
source scripts/node-up.sh
bash scripts/setup.sh page-deps
echo "Building mirrorwatch (the story's watchdog)" >&2
cargo build --quiet -p mirrorwatch

story="$(mktemp -t page-story.XXXXXX)"
story_log="$story.log"
rm -f "$story"
MIRRORWATCH="$CARGO_TARGET_DIR/debug/mirrorwatch" INK_DEMO_URL="$NODE_URL" INK_DEMO_KEEP="$story" \
  python3 scripts/demo.py >"$story_log" 2>&1 &
demo_pid=$!
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  kill "$demo_pid" 2>/dev/null
  kill "$node_pid" 2>/dev/null
  wait 2>/dev/null
  rm -f "$story" "$story_log" "$node_log"
}
trap cleanup EXIT
trap 'exit 0' INT TERM
echo "Playing the backup story on $NODE_URL (about 30 s)" >&2
while [ ! -s "$story" ]; do
  if ! kill -0 "$demo_pid" 2>/dev/null; then
    cat "$story_log" >&2
    echo "the story failed; the page has nothing to show" >&2
    exit 1
  fi
  sleep 0.5
done

node page/build.mjs page/dist
port="${PAGE_PORT:-8000}"
python3 -m http.server "$port" --bind 127.0.0.1 --directory page/dist >/dev/null 2>&1 &
server_pid=$!
query="$(python3 - "$story" <<'PY'
import json, sys, urllib.parse
s = json.load(open(sys.argv[1]))
print(urllib.parse.urlencode({"node": s["node"], "multiasset": s["multiasset"],
                              "ipfs": s["ipfs"], "ar": s["ar"], "sia": s["sia"],
                              "account": s["accounts"]["Bob"]}))
PY
)"
echo
echo "The owner's page: http://127.0.0.1:$port/?$query"
echo "(Bob's tokens of the story; the dev accounts sign. Ctrl-C stops the page, the hosts and the node.)"
wait "$server_pid"
