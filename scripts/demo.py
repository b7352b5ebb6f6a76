#!/usr/bin/env python3
"""The backup story, told on a live node with cargo-contract and the artifacts in artifacts/.

The story is written once, in the README ("The backup story"); this script acts it out and
prints each action as it happens.

Run by scripts/demo.sh, which starts the node, builds mirrorwatch and sets CARGO_CONTRACT,
MIRRORWATCH and INK_DEMO_URL. The hosts are local HTTP servers serving real files: one stands for
the https CDN, three for the ipfs, arweave and sia gateways, one for the new host of a repair.
"""

import hashlib
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading

CARGO_CONTRACT = os.environ["CARGO_CONTRACT"]
MIRRORWATCH = os.environ["MIRRORWATCH"]
URL = os.environ.get("INK_DEMO_URL", "ws://127.0.0.1:9944")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ART = os.path.join(ROOT, "artifacts")

# The dev chain's well-known accounts (sr25519 //Name, SS58 prefix 42).
ACCOUNTS = {
    "Alice": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
    "Bob": "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
    "Charlie": "5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",
    "Dave": "5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy",
}
NAMES = {address: name for name, address in ACCOUNTS.items()}


class DemoFailed(Exception):
    pass


class Host:
    """A local HTTP server serving `files` (path -> bytes); anything else is a 404."""

    def __init__(self, name):
        self.name, self.files = name, {}
        files = self.files

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = files.get(self.path)
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Length", str(len(body or b"")))
                # Pages may read it (the owner's page checks mirrors in the browser).
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


class DirHost:
    """A local HTTP server serving the files of a directory: the operator's web server in
    front of mirrorwatch's store of verified copies."""

    def __init__(self, directory):
        os.makedirs(directory, exist_ok=True)

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=directory, **kwargs)

            def end_headers(self):
                self.send_header("Access-Control-Allow-Origin", "*")
                super().end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


# The https CDN, the three gateways (ipfs path gateway, arweave, a renterd worker for sia) and
# the host a repair moves files to.
CDN, IPFS, AR, SIA, RESCUE = (Host(n) for n in ("cdn", "ipfs", "ar", "sia", "rescue"))
# mirrorwatch's memory (what each check saw, what each repair proposed) and its store of
# verified copies, served by the operator's web server: the demo's own.
SCRATCH = tempfile.mkdtemp(prefix="mirrorwatch-demo-")
STATE = os.path.join(SCRATCH, "state.sqlite3")
STORE = DirHost(os.path.join(SCRATCH, "store"))
CONFIG = os.path.join(SCRATCH, "mirrorwatch.toml")
with open(CONFIG, "w") as config:
    config.write(f'store_backend = "fs"\nstore_root = "{os.path.join(SCRATCH, "store")}"\n'
                 f'store_public_url = "{STORE.url}"\n')
SIA_OBJECTS = "/api/worker/objects"


def publish(uri, content):
    """Serves `content` at `uri` from the host or gateway that uri goes to."""
    for scheme, host, prefix in (("ipfs://", IPFS, "/ipfs/"), ("ar://", AR, "/"),
                                 ("sia://", SIA, SIA_OBJECTS + "/")):
        if uri.startswith(scheme):
            host.files[prefix + uri[len(scheme):]] = content
            return
    for host in (CDN, RESCUE):
        if uri.startswith(host.url):
            host.files[uri[len(host.url):]] = content
            return
    raise DemoFailed(f"no local host serves {uri}")


def mirrorwatch(assets, *args, key=None):
    """Runs mirrorwatch as an operator does (the key from the environment, never printed) and
    prints its command line and its output; returns its exit code and output."""
    shown = ["mirrorwatch", *args]
    print("      $ " + " ".join(shown) + ("   (key: MIRRORWATCH_SURI)" if key else ""))
    env = dict(os.environ, MIRRORWATCH_STATE=STATE, MIRRORWATCH_CONFIG=CONFIG,
               **({"MIRRORWATCH_SURI": key} if key else {}))
    proc = subprocess.run(
        [MIRRORWATCH, *args, "--url", URL, "--multiasset", assets.address, "--quiet",
         "--ipfs-gateway", IPFS.url, "--ar-gateway", AR.url, "--sia-gateway", SIA.url + SIA_OBJECTS,
         "--allow-private", "--retries", "0", "--timeout", "10"],
        capture_output=True, text=True, env=env)
    for line in (proc.stdout + proc.stderr).rstrip().splitlines():
        print(f"        {line}")
    print(f"      exit code {proc.returncode}")
    return proc.returncode, proc.stdout


def cargo_contract(*args):
    proc = subprocess.run(
        [CARGO_CONTRACT, "contract", *args, "--url", URL],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        raise DemoFailed(f"cargo contract {' '.join(args)}\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def instantiate(name, signer, *args):
    out = cargo_contract(
        "instantiate", os.path.join(ART, f"{name}.contract"),
        "--constructor", "new", *(["--args", *args] if args else []),
        "--suri", f"//{signer}", "--execute", "--skip-confirm", "--output-json",
    )
    return json.loads(out)["contract"]


class Contract:
    def __init__(self, name, address):
        self.name, self.address = name, address
        self.bundle = os.path.join(ART, f"{name}.contract")

    def _call(self, signer, message, args, execute, as_json=True):
        extra = ["--execute", "--skip-confirm"] if execute else []
        return cargo_contract(
            "call", self.bundle, "--contract", self.address, "--message", message,
            *(["--args", *args] if args else []), "--suri", f"//{signer}", *extra,
            *(["--output-json"] if as_json else []),
        )

    def query(self, message, *args, signer="Alice"):
        """Dry-runs `message` and returns what it returned, as cargo-contract renders it."""
        data = json.loads(self._call(signer, message, args, False))["data"]
        if os.environ.get("INK_DEMO_RAW"):
            print(json.dumps(data), file=sys.stderr)
        return unwrap(render(data))

    def refusal(self, message, *args, signer="Alice"):
        """Dry-runs `message` and returns cargo-contract's text rendering of the answer, which,
        unlike its JSON, names the variant of an error with fields."""
        out = self._call(signer, message, args, False, as_json=False)
        match = re.search(r"Data\s+(.*)", out)
        if not match:
            raise DemoFailed(f"no result in the dry-run of {message}:\n{out}")
        return unwrap(" ".join(match.group(1).split()))

    def submit(self, signer, message, *args):
        """Dry-runs, then submits `message` signed by `signer`; fails if the contract refuses."""
        answer = self.query(message, *args, signer=signer)
        if answer.startswith("Err("):
            raise DemoFailed(f"{signer} {message}{args}: {answer}")
        self.last_events = self._call(signer, message, args, True)
        return answer


def render(value):
    """cargo-contract's JSON rendering of a SCALE value, as compact text (accounts by name,
    32-byte arrays as hex)."""
    if isinstance(value, dict) and len(value) == 1:
        ((kind, inner),) = value.items()
        if kind == "Tuple":
            fields = ", ".join(render(v) for v in inner.get("values", []))
            ident = inner.get("ident")
            return f"{ident}({fields})" if ident else f"({fields})"
        if kind == "Map":
            fields = {k: v for k, v in inner.items() if k != "ident"}
            return "{ " + ", ".join(f"{k}: {render(v)}" for k, v in fields.items()) + " }"
        if kind == "Seq":
            elems = inner.get("elems", [])
            if len(elems) == 32 and all(list(e) == ["UInt"] for e in elems):
                return "0x" + bytes(e["UInt"] for e in elems).hex()
            return "[" + ", ".join(render(v) for v in elems) + "]"
        if kind in ("String", "Literal"):
            return NAMES.get(inner, inner if kind == "Literal" else f'"{inner}"')
        return render(inner)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def unwrap(text):
    """Drops ink!'s outer `Ok(…)` (the dispatch succeeded) around a message's own answer."""
    return text[3:-1] if text.startswith("Ok(") and text.endswith(")") else text


def ids(text):
    """The numbers in a rendered `Ok([1, 2])` / `[1, 2]`."""
    return [int(n) for n in re.findall(r"\d+", text)]


step_no = 0


def step(who, what):
    global step_no
    step_no += 1
    print(f"\n[{step_no}] {who}: {what}")


def show(label, value):
    print(f"      {label:<22} {value}")


def main():
    token = "U32(1)"
    print("Deploying from artifacts/ with cargo-contract", file=sys.stderr)

    step("Alice", "deploys the collection, the proposer registry and the multi-asset contract")
    collection = Contract("collection", instantiate(
        "collection", "Alice", '"Mirrors"', '"MIR"', '"https://example.org/mirrors/"', "Some(100)"))
    registry = Contract("proposer_registry", instantiate("proposer_registry", "Alice"))
    assets = Contract("multiasset", instantiate(
        "multiasset", "Alice", collection.address, registry.address))
    show("collection", collection.address)
    show("proposer_registry", registry.address)
    show("multiasset", assets.address)
    show("issuer", collection.query("Ownable::owner"))
    collection.submit("Alice", "set_multiasset", assets.address)
    show("wallets read from", collection.query("MultiAssetLink::multiasset"))

    step("Alice", "mints token 1 to Bob and token 2 to herself")
    collection.submit("Alice", "mint", ACCOUNTS["Bob"], token)
    collection.submit("Alice", "mint", ACCOUNTS["Alice"], "U32(2)")
    show("owner_of(1)", collection.query("PSP34::owner_of", token))
    show("total_supply", collection.query("PSP34::total_supply"))

    step("Alice", "transfers token 2 to Dave (an owner transfers)")
    collection.submit("Alice", "PSP34::transfer", ACCOUNTS["Dave"], "U32(2)", "[]")
    show("owner_of(2)", collection.query("PSP34::owner_of", "U32(2)"))

    step("Alice", "grants Charlie (a backup service's hot key) the right to propose")
    registry.submit("Alice", "grant_proposer", collection.address, ACCOUNTS["Charlie"], "None")
    show("is_proposer(Charlie)", registry.query(
        "ProposerRegistry::is_proposer", collection.address, ACCOUNTS["Charlie"]))

    # The image is mirrored too: its own four entries, one sha256 (see the next step).
    image = bytes(range(256)) * 4  # stands for cat.png
    image_cid = "bafybeihkoviema7g3gxyt6la7vd5ho32ictqbilu3wnlo3rs7ewhnp7lly"
    metadata = json.dumps({
        "name": "Mirrored cat #1",
        "description": "A cat whose metadata and image live on https, ipfs, ar and sia at once.",
        "image": f"ipfs://{image_cid}/cat.png",
        "attributes": [{"trait_type": "Mirrors", "value": 4}, {"trait_type": "Fur", "value": "Tabby"}],
    }, separators=(",", ":")).encode()
    digest = hashlib.sha256(metadata).hexdigest()
    mirrors = [
        f"{CDN.url}/mirrors/1.json",
        "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/1.json",
        "ar://Yx8pNnQ4Hrv1qvS0xb7W4qQ3LWUj3bqvW9hAvT9d7mU",
        "sia://AACDtzKgq1oqzDpLGuS2jbSXTdCtVtW3IMwlBdKGQC9Dhw",
    ]
    for uri in mirrors:
        publish(uri, metadata)
    step("Charlie", "adds token 1's metadata mirrored on https, ipfs, ar and sia, one sha256")
    show("https (a local CDN)", CDN.url)
    show("gateways", f"ipfs {IPFS.url}, ar {AR.url}, sia {SIA.url}")
    entries = "[" + ", ".join(f'("{uri}", Some(0x{digest}))' for uri in mirrors) + "]"
    new_ids = ids(assets.submit("Charlie", "add_asset_entries", entries))
    show("sha256(metadata)", digest)
    show("catalog ids", new_ids)

    step("Charlie", "adds the image on the same four protocols (its own sha256), so it survives too")
    image_digest = hashlib.sha256(image).hexdigest()
    image_mirrors = [
        f"{CDN.url}/mirrors/cat.png",
        f"ipfs://{image_cid}/cat.png",
        "ar://Qm7cXnU2oR1hT4kLp9vZ3aB6dE8fG0hJ2kL4mN6pQ8r",
        "sia://AAB7uS0bQ2kC4eG6iK8mO0qS2uW4yA6cE8gI0kM2oQ4sU6",
    ]
    image_ids = ids(assets.submit("Charlie", "add_asset_entries",
                                  "[" + ", ".join(f'("{u}", Some(0x{image_digest}))' for u in image_mirrors) + "]"))
    show("sha256(cat.png)", image_digest)
    show("image catalog ids", image_ids)
    for uri in image_mirrors:
        publish(uri, image)

    step("Charlie", "proposes the four metadata mirrors to token 1")
    for asset_id in new_ids:
        assets.submit("Charlie", "propose_asset", token, str(asset_id), "None")
    state(assets, token)

    https, ipfs, ar, sia = new_ids
    show("wallet shows", wallet(collection, 1) + "   (no asset yet: base uri + id + .json)")

    step("Bob", "accepts the https, ipfs and ar mirrors and rejects sia")
    for asset_id in (https, ipfs, ar):
        assets.submit("Bob", "accept_asset", token, str(asset_id))
    assets.submit("Bob", "reject_asset", token, str(sia))
    state(assets, token)
    show("wallet shows", wallet(collection, 1))

    step("the CDN", "starts serving another file at the same address: a rug")
    publish(mirrors[0], b'{"name":"Mirrored cat #1","image":"https://scam.example/other.png"}')
    step("Charlie's watchdog", "mirrorwatch fetches every mirror and compares it with the chain")
    mirrorwatch(assets, "check", "--tokens", "1")

    step("Charlie's watchdog", "mirrorwatch repair: the file, byte for byte, on a new host, "
         "proposed to replace the rugged mirror")
    publish(f"{RESCUE.url}/mirrors/1.json", metadata)
    rule = f"{CDN.url}/mirrors/={RESCUE.url}/mirrors/"
    mirrorwatch(assets, "repair", "--tokens", "1", "--rehost", rule, "--dry-run", key="//Charlie")
    _, out = mirrorwatch(assets, "repair", "--tokens", "1", "--rehost", rule, key="//Charlie")
    new_https = int(re.search(r"proposed #(\d+)", out).group(1))
    show("asset_replacement", assets.query("asset_replacement", token, str(new_https)))
    state(assets, token)

    step("Bob", "accepts the replacement: it takes the rugged mirror's place and priority")
    assets.submit("Bob", "accept_asset", token, str(new_https))
    state(assets, token)
    mirrorwatch(assets, "check", "--tokens", "1")
    show("wallet shows", wallet(collection, 1) + "   (SubWallet's token_uri, by selector)")
    print("      token_assets (what a careful reader falls back across, best first):")
    for row in re.findall(r"\{ asset_id: [^}]*\}", assets.query("token_assets", token, "0", "16")):
        print(f"        {row}")

    step("Charlie", "adds the collection's license (one PDF, its sha256) and proposes it to tokens 1 "
         "and 2 in one batch")
    license_pdf = b"%PDF-1.7 Mirrors collection license: holders may display and print"
    publish("ar://pY3x0Qe8bS2fV9kLm4nR7tUw1zA5cD6eG8hJ0kL2mN4", license_pdf)
    license_id = ids(assets.submit(
        "Charlie", "add_asset_entry", '"ar://pY3x0Qe8bS2fV9kLm4nR7tUw1zA5cD6eG8hJ0kL2mN4"',
        f"Some(0x{hashlib.sha256(license_pdf).hexdigest()})"))[0]
    assets.submit("Charlie", "propose_asset_to_many", "[U32(1), U32(2)]", str(license_id), "None")
    show("pending on token 1", assets.query("pending_assets", token))
    show("pending on token 2", assets.query("pending_assets", "U32(2)"))
    collection.submit("Alice", "mint", ACCOUNTS["Dave"], "U32(3)")
    show("again to 3 and 1", assets.refusal(
        "propose_asset_to_many", "[U32(3), U32(1)]", str(license_id), "None", signer="Charlie"))
    show("pending on token 3", assets.query("pending_assets", "U32(3)"))  # minted: shows it all

    step("Bob and Dave", "each accept the license on their own token")
    assets.submit("Bob", "accept_asset", token, str(license_id))
    assets.submit("Dave", "accept_asset", "U32(2)", str(license_id))
    show("active on token 2", assets.query("active_assets", "U32(2)"))
    state(assets, token)

    collection_wide(collection, assets)

    step("Alice", "revokes Charlie; Charlie tries to propose the sia mirror again")
    registry.submit("Alice", "revoke_proposer", collection.address, ACCOUNTS["Charlie"])
    show("announced", announced(registry.last_events, assets) + " (same transaction)")
    show("is_proposer(Charlie)", registry.query(
        "ProposerRegistry::is_proposer", collection.address, ACCOUNTS["Charlie"]))
    show("Charlie's proposal", assets.query("propose_asset", token, str(sia), "None", signer="Charlie"))
    state(assets, token)
    show("active on token 3", assets.query("active_assets", "U32(3)")
         + "   (a follower: Charlie's collection-wide proposals died with his grant)")

    step("Alice", "keeps the collection's mirror set: makes Charlie's open proposals again "
         "herself, in one call, in the same order (his lapsed ones are in the way, so the same "
         "call drops them: a revoked key's leftovers block nobody)")
    open_now = proposals(assets)
    again = ", ".join(f"({p['asset_id']}, {p['replaces']})" for p in open_now)
    assets.submit("Alice", "propose_to_collection", f"[{again}]")
    show("proposed by", sorted(set(re.findall(r"proposer: (\w+)",
                                               assets.query("collection_proposals")))))
    show("active on token 3", assets.query("active_assets", "U32(3)"))
    state(assets, token)

    step("the arweave gateway", "loses the license: every host of it is gone; Alice's watchdog "
         "re-hosts it from its own store (the copy an earlier check verified and kept)")
    AR.files.pop("/pY3x0Qe8bS2fV9kLm4nR7tUw1zA5cD6eG8hJ0kL2mN4")
    # Bob's token 1 (Dave's token 2 follows the collection: it takes only collection-wide
    # proposals, so its owner would re-propose there).
    _, out = mirrorwatch(assets, "repair", "--tokens", "1", "--grace-checks", "1",
                         "--grace-secs", "0", key="//Alice")
    rehosted = int(re.search(r"proposed #(\d+)", out).group(1))
    show("the store's copy", assets.query("asset", str(rehosted)))
    assets.submit("Bob", "accept_asset", token, str(rehosted))
    mirrorwatch(assets, "check", "--tokens", "1", "--only-failing")

    step("Dave", "a stranger, tries to mint")
    show("mint answer", collection.query("mint", ACCOUNTS["Dave"], "U32(4)", signer="Dave"))
    print("\nThe backup story ran to the end.")
    keep(collection, assets)


def keep(collection, assets):
    """With INK_DEMO_KEEP set (make page): writes where the story's contracts and hosts are to
    that file, then keeps the hosts serving until the process is stopped."""
    path = os.environ.get("INK_DEMO_KEEP")
    if not path:
        return
    with open(path + ".part", "w") as out:
        json.dump({"node": URL, "multiasset": assets.address, "collection": collection.address,
                   "ipfs": IPFS.url, "ar": AR.url, "sia": SIA.url + SIA_OBJECTS,
                   "accounts": ACCOUNTS}, out)
    os.replace(path + ".part", path)
    threading.Event().wait()


def sha256sums(files):
    """The SHA256SUMS manifest of `files` (name -> bytes), as coreutils `sha256sum` prints it."""
    return "".join(f"{hashlib.sha256(c).hexdigest()}  {n}\n" for n, c in files.items()).encode()


def collection_wide(collection, assets):
    """The README's collection-scale step: one call changes a mirror on every token."""
    files = {f"{n}.json": f'{{"name":"Mirrored cat #{n}"}}'.encode() for n in (1, 2, 3)}
    manifest = sha256sums(files)
    manifest_hash = f"Some(0x{hashlib.sha256(manifest).hexdigest()})"
    hosts = [
        f"{CDN.url}/meta/{{id}}.json",
        "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi/meta/{id}.json",
        "ar://Yx8pNnQ4Hrv1qvS0xb7W4qQ3LWUj3bqvW9hAvT9d7mU/meta/{id}.json",
        "sia://AACDtzKgq1oqzDpLGuS2jbSXTdCtVtW3IMwlBdKGQC9Dhw/meta/{id}.json",
    ]
    for template in hosts:
        directory = template.rsplit("/", 1)[0]
        publish(f"{directory}/SHA256SUMS", manifest)
        for name, content in files.items():
            publish(f"{directory}/{name}", content)
    step("Charlie", "adds the whole collection's metadata as four templated entries (one per "
         "protocol, each recording the sha256 of the directory's SHA256SUMS) and proposes them "
         "to every token in one call")
    entries = "[" + ", ".join(f'("{uri}", {manifest_hash})' for uri in hosts) + "]"
    templates = ids(assets.submit("Charlie", "add_asset_entries", entries))
    show("SHA256SUMS", manifest.decode().splitlines()[0] + " ...")
    show("catalog ids", templates)
    assets.submit("Charlie", "propose_to_collection",
                  "[" + ", ".join(f"({t}, None)" for t in templates) + "]")
    show("collection proposals", [p["asset_id"] for p in proposals(assets)])
    show("pending on token 3", assets.query("pending_assets", "U32(3)"))

    step("Dave", "lets tokens 2 and 3 follow the collection (one call; standing consent)")
    assets.submit("Dave", "set_follows_collection", "[U32(2), U32(3)]", "true")
    show("active on token 3", assets.query("active_assets", "U32(3)"))
    show("asset_uri(3, https)", assets.query("asset_uri", "U32(3)", str(templates[0])))

    step("Bob", "accepts the whole set on token 1 in one call")
    assets.submit("Bob", "accept_assets", "U32(1)", "[" + ", ".join(map(str, templates)) + "]")
    show("active on token 1", assets.query("active_assets", "U32(1)"))

    step("the CDN", "stops serving the collection's directory; Charlie's watchdog checks every token")
    for name in [*files, "SHA256SUMS"]:
        CDN.files.pop(f"/meta/{name}")
    mirrorwatch(assets, "check", "--tokens", "all", "--only-failing")

    step("Charlie's watchdog", "mirrorwatch repair: the directory, verified against SHA256SUMS on "
         "a new host, proposed to every token in one call")
    for name, content in [*files.items(), ("SHA256SUMS", manifest)]:
        publish(f"{RESCUE.url}/meta/{name}", content)
    rule = f"{CDN.url}/meta/={RESCUE.url}/meta/"
    # A dead host is replaced after failing in 3 checks over 6 hours (the grace rule; a rug is
    # replaced at once). The first repair says so; the demo then does not wait.
    mirrorwatch(assets, "repair", "--tokens", "all", "--rehost", rule, "--dry-run", key="//Charlie")
    _, out = mirrorwatch(assets, "repair", "--tokens", "all", "--rehost", rule,
                         "--grace-checks", "1", "--grace-secs", "0", key="//Charlie")
    moved = int(re.search(r"proposed #(\d+)", out).group(1))
    show("active on token 3", assets.query("active_assets", "U32(3)") + "   (follows: nobody signed)")
    show("token 3 on the new host", assets.query("asset_uri", "U32(3)", str(moved)))
    show("pending on token 1", assets.query("pending_assets", "U32(1)"))
    assets.submit("Bob", "accept_assets", "U32(1)", f"[{moved}]")
    show("active on token 1", assets.query("active_assets", "U32(1)") + "   (Bob accepted)")
    mirrorwatch(assets, "check", "--tokens", "all", "--only-failing")

    step("Charlie", "proposes a wrong ipfs replacement to the collection, then withdraws it")
    wrong = ids(assets.submit("Charlie", "add_asset_entry",
                              '"ipfs://bafkreiwrong/meta/{id}.json"', "None"))[0]
    assets.submit("Charlie", "propose_to_collection", f"[({wrong}, Some({templates[1]}))]")
    show("active on token 3", assets.query("active_assets", "U32(3)"))
    assets.submit("Charlie", "withdraw_from_collection", f"[{wrong}]")
    show("active on token 3", assets.query("active_assets", "U32(3)") + "   (the old ipfs is back)")
    show("pending on token 1", assets.query("pending_assets", "U32(1)"))
    show("stray {id} uri", assets.refusal(
        "add_asset_entry", '"https://{id}.example.org/meta.json"', "None", signer="Charlie"))


def wallet(collection, number):
    """What SubWallet reads for token `number`: `Psp34Traits::token_uri(u64)`."""
    return collection.query("Psp34Traits::token_uri", str(number))


def announced(events_json, assets):
    """What the multi-asset contract emitted in a transaction of another contract, from
    cargo-contract's events: it decodes only the called contract's events, so the multi-asset
    contract's `BatchMetadataUpdate` (a SCALE `Vec<u64>` of asset ids) is decoded here."""
    emitted = []
    for event in json.loads(events_json):
        fields = {f["name"]: f["value"] for f in event.get("fields", [])}
        if event.get("name") != "ContractEmitted" or \
                fields.get("contract", {}).get("Literal") != assets.address:
            continue
        data = bytes.fromhex(fields.get("data", {}).get("Hex", {}).get("s", ""))
        count = data[0] >> 2 if data else 0
        if data and data[0] & 3 == 0 and len(data) == 1 + 8 * count:
            ids = [int.from_bytes(data[1 + 8 * i:9 + 8 * i], "little") for i in range(count)]
            emitted.append(f"the multi-asset contract's BatchMetadataUpdate {ids}")
        else:
            emitted.append("an event of the multi-asset contract (undecoded)")
    return "; ".join(emitted) or "nothing from the multi-asset contract"


def proposals(assets):
    """The open collection-wide proposals in order: asset id and rendered `replaces`."""
    text = assets.query("collection_proposals")
    return [{"asset_id": int(a), "replaces": r}
            for a, r in re.findall(r"asset_id: (\d+), replaces: (None|Some\(\d+\))", text)]


def state(assets, token):
    show("active", assets.query("active_assets", token))
    show("priorities", assets.query("active_asset_priorities", token))
    show("pending", assets.query("pending_assets", token))


if __name__ == "__main__":
    try:
        main()
    except DemoFailed as failure:
        print(f"\nDEMO FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
