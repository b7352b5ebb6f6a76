#!/usr/bin/env python3
"""Where a contract's Wasm bytes go: the largest function bodies, by name, and each section.

Reads the linked Wasm that cargo-contract leaves before optimizing (with its name section):
    $CARGO_TARGET_DIR/ink/wasm32-unknown-unknown/release/<name>.wasm
wasm-opt then inlines and shrinks (the artifact is about half the size), so the shares are what
to look at, not the bytes. Usage: scripts/wasm-sizes.py FILE [TOP]
"""

import os
import re
import sys

SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory",
            6: "global", 7: "export", 8: "start", 9: "element", 10: "code", 11: "data",
            12: "data count"}


def leb(buf, pos):
    """An unsigned LEB128 at `pos`: (value, position after it)."""
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def sections(buf):
    pos = 8  # magic + version
    while pos < len(buf):
        kind = buf[pos]
        size, start = leb(buf, pos + 1)
        yield kind, start, start + size
        pos = start + size


def imported_functions(buf, start):
    count, pos = leb(buf, start)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module, field
            length, pos = leb(buf, pos)
            pos += length
        kind = buf[pos]
        pos += 1
        if kind == 0:
            functions += 1
            _, pos = leb(buf, pos)
        elif kind == 1:
            pos += 1
            flags, pos = leb(buf, pos)
            _, pos = leb(buf, pos)
            if flags & 1:
                _, pos = leb(buf, pos)
        elif kind == 2:
            flags, pos = leb(buf, pos)
            _, pos = leb(buf, pos)
            if flags & 1:
                _, pos = leb(buf, pos)
        else:
            pos += 2
    return functions


def function_names(buf, start, end):
    length, pos = leb(buf, start)
    if buf[pos:pos + length] != b"name":
        return {}
    pos += length
    names = {}
    while pos < end:
        sub = buf[pos]
        size, pos = leb(buf, pos + 1)
        if sub == 1:
            count, p = leb(buf, pos)
            for _ in range(count):
                index, p = leb(buf, p)
                n, p = leb(buf, p)
                names[index] = buf[p:p + n].decode("utf-8", "replace")
                p += n
        pos += size
    return names


ESCAPES = {"$LT$": "<", "$GT$": ">", "$u20$": " ", "$C$": ",", "$RF$": "&", "$BP$": "*",
           "$u7b$": "{", "$u7d$": "}", "$u5b$": "[", "$u5d$": "]", "$SP$": "@", "..": "::"}


def demangle(name):
    """Rust's legacy mangling (`_ZN` + length-prefixed parts + `E`) to a path."""
    if not name.startswith("_ZN"):
        return name
    parts, pos = [], 3
    while pos < len(name) and name[pos].isdigit():
        digits = re.match(r"\d+", name[pos:]).group()
        pos += len(digits)
        parts.append(name[pos:pos + int(digits)])
        pos += int(digits)
    path = "::".join(part.lstrip("_") if part.startswith("_$") else part for part in parts)
    for escape, text in ESCAPES.items():
        path = path.replace(escape, text)
    return path


def short(name):
    """A readable name: the path without generic arguments and hashes."""
    name = demangle(name)
    name = re.sub(r"::h[0-9a-f]{16}$", "", name)
    name = re.sub(r"<[^<>]*>", "<…>", name)
    return name if len(name) <= 90 else name[:87] + "…"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    buf = open(path, "rb").read()
    imports, bodies, names, totals = 0, [], {}, {}
    for kind, start, end in sections(buf):
        label = SECTIONS.get(kind, str(kind))
        if kind == 0:
            length, p = leb(buf, start)
            label = "custom " + buf[p:p + length].decode("utf-8", "replace")
            names.update(function_names(buf, start, end))
        totals[label] = totals.get(label, 0) + end - start
        if kind == 2:
            imports = imported_functions(buf, start)
        if kind == 10:
            count, pos = leb(buf, start)
            for i in range(count):
                size, body = leb(buf, pos)
                bodies.append((size, imports + i))
                pos = body + size
    code = sum(size for size, _ in bodies)
    print(f"{os.path.basename(path)}: {len(buf)} bytes, {len(bodies)} functions, code {code} bytes")
    print("\n| section | bytes |\n|---|---:|")
    for label, size in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"| {label} | {size} |")
    print(f"\n| function (largest {top}) | bytes | % of code |\n|---|---:|---:|")
    for size, index in sorted(bodies, reverse=True)[:top]:
        print(f"| `{short(names.get(index, f'func[{index}]'))}` | {size} | {100 * size / code:.1f} |")


if __name__ == "__main__":
    main()
