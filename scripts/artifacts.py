#!/usr/bin/env python3
"""Artifact bookkeeping for scripts/build-contracts.sh and `make check-artifacts`.

  artifacts.py digest NAME            sha256 of everything a contract is built from
  artifacts.py check FRESH_DIR NAME.. compare artifacts/ with a fresh build in FRESH_DIR
  artifacts.py budgets [DIR]          each NAME.wasm in DIR (artifacts/) against its code-size
                                      budget in contracts/budgets.toml; fails when one is over

What "artifacts match the sources" means here, per contract:
  1. the trio is consistent: the .contract embeds the .wasm, and both metadata files carry its
     code hash (blake2-256 of the Wasm, what the chain stores);
  2. artifacts/NAME.sources.sha256 (written by the build) equals the digest of today's sources:
     the committed artifacts were built from exactly these sources, lockfile and toolchain;
  3. a fresh build gives the same bytes. Exception: OpenBrush 4.0.0-beta's code generator orders
     items differently from one compiler run to the next, so the collection is not
     byte-reproducible (seen: every rebuild differs); for it the fresh build must expose the same
     messages with the same selectors.
"""

import hashlib
import json
import os
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ART = os.path.join(ROOT, "artifacts")
NOT_REPRODUCIBLE = {"collection"}
SHARED = ["contracts/traits"]


def digest(name):
    h = hashlib.sha256()
    h.update(f"rust {os.environ.get('INK_RUST')} cargo-contract {os.environ.get('INK_CARGO_CONTRACT_VERSION')}\n".encode())
    for folder in [f"contracts/{name}"] + SHARED:
        for base, dirs, files in sorted(os.walk(os.path.join(ROOT, folder))):
            dirs.sort()
            for f in sorted(files):
                path = os.path.join(base, f)
                rel = os.path.relpath(path, ROOT)
                if "/target/" in rel or "/tests/" in rel or rel.endswith("tests.rs"):  # test-only code
                    continue
                with open(path, "rb") as fh:
                    h.update(f"{rel}\n".encode() + hashlib.sha256(fh.read()).hexdigest().encode() + b"\n")
    return h.hexdigest()


def trio(directory, name):
    with open(os.path.join(directory, f"{name}.wasm"), "rb") as fh:
        wasm = fh.read()
    with open(os.path.join(directory, f"{name}.json")) as fh:
        meta = json.load(fh)
    with open(os.path.join(directory, f"{name}.contract")) as fh:
        bundle = json.load(fh)
    return wasm, meta, bundle


def selectors(meta):
    return sorted((m["label"], m["selector"]) for m in meta["spec"]["messages"]) + sorted(
        (c["label"], c["selector"]) for c in meta["spec"]["constructors"])


def check(fresh, names):
    failed = False
    for name in names:
        problems = []
        wasm, meta, bundle = trio(ART, name)
        code_hash = "0x" + hashlib.blake2b(wasm, digest_size=32).hexdigest()
        if bundle["source"].get("wasm") != "0x" + wasm.hex():
            problems.append(f"{name}.contract does not embed {name}.wasm")
        if meta["source"]["hash"] != code_hash or bundle["source"]["hash"] != code_hash:
            problems.append(f"metadata code hash is not blake2-256 of {name}.wasm")
        recorded_path = os.path.join(ART, f"{name}.sources.sha256")
        recorded = open(recorded_path).read().strip() if os.path.exists(recorded_path) else None
        if recorded != digest(name):
            problems.append("sources changed since the artifacts were built")
        fresh_wasm, fresh_meta, _ = trio(fresh, name)
        if fresh_wasm == wasm:
            how = "byte for byte"
        elif name in NOT_REPRODUCIBLE and selectors(fresh_meta) == selectors(meta):
            how = "same messages and selectors (OpenBrush codegen is not byte-reproducible)"
        else:
            problems.append("a fresh build differs")
            how = ""
        if problems:
            failed = True
            print(f"artifacts/{name}.*: " + "; ".join(problems) + " -> run 'make build' and commit artifacts/", file=sys.stderr)
        else:
            print(f"artifacts/{name}.* match the sources ({how}; code hash {code_hash[:18]}…)")
    return 1 if failed else 0


def budgets(directory):
    """Prints each contract's Wasm size against its budget; 1 if any is over (or unbudgeted)."""
    with open(os.path.join(ROOT, "contracts", "budgets.toml"), "rb") as fh:
        budget = tomllib.load(fh)
    names = sorted(f[:-len(".wasm")] for f in os.listdir(directory) if f.endswith(".wasm"))
    failed = False
    print(f"{'contract':<20} {'wasm bytes':>10} {'budget':>10} {'left':>8}")
    for name in names:
        size = os.path.getsize(os.path.join(directory, f"{name}.wasm"))
        limit = budget.get(name)
        if limit is None:
            failed = True
            print(f"{name:<20} {size:>10,} {'none':>10}   no budget in contracts/budgets.toml")
            continue
        over = size > limit
        failed |= over
        print(f"{name:<20} {size:>10,} {limit:>10,} {limit - size:>8,}" + ("   OVER BUDGET" if over else ""))
    if failed:
        print("a contract is over its code-size budget (contracts/budgets.toml): shrink it, or raise "
              "the budget in a commit of its own with a line in docs/benchmarks.md", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "digest":
        print(digest(sys.argv[2]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3:]))
    elif len(sys.argv) in (2, 3) and sys.argv[1] == "budgets":
        sys.exit(budgets(sys.argv[2] if len(sys.argv) == 3 else ART))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
