#!/usr/bin/env bash
# `make test`: set-up if missing, then fmt check, clippy -D warnings, unit tests, artifact check,
# code-size budgets, the docs' commands, the e2e tests on a real node and the owner's page in
# Chromium, each step timed.
# Usage: scripts/test.sh [all|static|unit|artifacts|docs|e2e|page]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
# shellcheck source=scripts/env.sh
source scripts/env.sh

# Every manifest cargo must visit: the root workspace (shared traits, e2e helpers), each
# contract and the benchmark probe, which are workspaces of their own.
manifests=("Cargo.toml")
for name in $INK_CONTRACTS; do manifests+=("contracts/$name/Cargo.toml"); done
manifests+=("bench/probe/Cargo.toml")

# Everything is also logged, so that the run can close with the total of all cargo test results.
log="$(mktemp -t make-test.XXXXXX.log)"
exec > >(tee "$log") 2>&1

timings=()
running=""
step() {
  local name="$1"; shift
  local start=$SECONDS
  running="$name"
  printf '\n==== %s\n' "$name"
  "$@"
  timings+=("$(printf '%-26s %5ds' "$name" $((SECONDS - start)))")
  running=""
}

# The closing summary, printed however the run ends: a red run still says which step failed and
# how many tests passed before it.
summary() {
  local status=$?
  printf '\n==== step durations\n'
  [ ${#timings[@]} -gt 0 ] && printf '%s\n' "${timings[@]}"
  [ -n "$running" ] && printf '%-26s FAILED (exit %d)\n' "$running" "$status"
  printf '\n'
  # cargo's "test result:" lines, the docs' commands' "docs: N passed, N failed", and node's
  # test runner's "# pass N" / "# fail N" (TAP).
  awk '/^test result:|^docs: [0-9]+ passed/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       /^# pass [0-9]+$/ { p += $3 } /^# fail [0-9]+$/ { f += $3 }
       END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
  rm -f "$log"
  exit "$status"
}
trap summary EXIT

fmt_check() {
  for m in "${manifests[@]}"; do cargo fmt --manifest-path "$m" --all -- --check; done
}

# No contract source file over this many lines (tests excluded): a file that grows past it is
# split by what each part owns (the crate docs of each lib.rs list the modules).
MAX_SOURCE_LINES=600
file_lengths() {
  local long
  long="$(find contracts/*/src -name '*.rs' ! -name 'tests.rs' ! -path '*/tests/*' -exec wc -l {} + |
    awk -v max="$MAX_SOURCE_LINES" '$2 != "total" && $1 > max { print $2 ": " $1 " lines" }')"
  if [ -n "$long" ]; then
    printf 'over %d lines:\n%s\n' "$MAX_SOURCE_LINES" "$long" >&2
    return 1
  fi
  echo "every contract source file has at most $MAX_SOURCE_LINES lines"
}

# The features a manifest's checks and unit tests build with: the root workspace's mirrorwatch
# with its local test hosts (they are not in the installed tool).
features_of() {
  case "$1" in
    Cargo.toml) echo "--features=mirrorwatch/test-hosts" ;;
  esac
}

clippy() {
  for m in "${manifests[@]}"; do
    # shellcheck disable=SC2046 # no features: no argument
    cargo clippy --quiet --manifest-path "$m" --all-targets $(features_of "$m") -- -D warnings
  done
}

unit() {
  # shellcheck disable=SC2046
  for m in "${manifests[@]}"; do cargo test --manifest-path "$m" $(features_of "$m"); done
}

check_artifacts() {
  local fresh="$CARGO_TARGET_DIR/artifact-check"
  rm -rf "$fresh"
  bash scripts/build-contracts.sh "$fresh"
  python3 scripts/artifacts.py check "$fresh" $INK_CONTRACTS
}

e2e() {
  # ink_e2e builds the three contracts (debug) when the test crate compiles, then spawns a fresh
  # node per test through scripts/contracts-node.
  # ink_e2e logs every refused extrinsic at ERROR level with the node's whole metadata (~300 KB
  # per line); the tests assert those refusals themselves. RUST_LOG=ink_e2e=error shows them.
  RUST_LOG="${RUST_LOG:-ink_e2e=off}" \
    cargo test --manifest-path e2e/Cargo.toml --features e2e-tests -- --test-threads=2
  # mirrorwatch against the contracts from artifacts/ and local hosts, on a node of its own, and
  # its store against a real WebDAV server (Apache httpd) and an S3 endpoint (moto's server),
  # each started by its test.
  RUST_LOG="${RUST_LOG:-ink_e2e=off}" \
    cargo test --manifest-path tools/mirrorwatch/Cargo.toml --features e2e-tests \
      --test node --test webdav --test s3
}

page_tests() {
  # The owner's page: its reader under Node, then the page in Debian's Chromium (playwright-core)
  # against a dev node of its own with the contracts from artifacts/. Screenshots are kept.
  bash scripts/setup.sh page-deps
  (cd page && node --test --test-reporter=tap test/reader.test.mjs test/decisions.test.mjs)
  PAGE_SCREENSHOTS="${PAGE_SCREENSHOTS:-$CARGO_TARGET_DIR/page-screenshots}" \
    bash -c 'cd page && node --test --test-reporter=tap --test-concurrency=1 test/page.test.mjs'
}

what="${1:-all}"
case "$what" in
  all) step "setup preflight" bash scripts/setup.sh preflight
       step "setup" bash scripts/setup.sh all
       step "setup (test hosts)" bash scripts/setup.sh test-deps
       step "fmt --check" fmt_check
       step "file lengths" file_lengths
       step "clippy -D warnings" clippy
       step "unit tests" unit
       step "artifacts match sources" check_artifacts
       step "code-size budgets" python3 scripts/artifacts.py budgets
       step "docs' commands (dev node)" bash scripts/doc-commands.sh
       step "e2e (real node)" e2e
       step "page (Chromium)" page_tests ;;
  static) step "fmt --check" fmt_check; step "file lengths" file_lengths
          step "clippy -D warnings" clippy ;;
  unit) step "unit tests" unit ;;
  docs) step "setup" bash scripts/setup.sh all
        step "docs' commands (dev node)" bash scripts/doc-commands.sh ;;
  artifacts) step "setup" bash scripts/setup.sh cargo-contract
             step "artifacts match sources" check_artifacts
             step "code-size budgets" python3 scripts/artifacts.py budgets ;;
  e2e) step "setup" bash scripts/setup.sh all; step "setup (test hosts)" bash scripts/setup.sh test-deps
       step "e2e (real node)" e2e ;;
  page) step "setup" bash scripts/setup.sh all; step "setup (test hosts)" bash scripts/setup.sh test-deps
        step "page (Chromium)" page_tests ;;
  *) echo "usage: $0 [all|static|unit|artifacts|docs|e2e|page]" >&2; exit 2 ;;
esac
