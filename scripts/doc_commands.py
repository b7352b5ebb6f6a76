#!/usr/bin/env python3
"""Turns the command blocks of the docs pages into one bash script, so that every command the docs
show is run (scripts/doc-commands.sh runs the script on a dev node; `make test` runs that).

  doc_commands.py PAGE...   prints the script: the pages' blocks in order, in one shell

A ```sh block runs as it is. A ```crontab block runs the command of each schedule line (the part
after the five time fields), with the crontab's variable lines left to the shell (the pages set
them) and `notify-operator` standing for whatever the operator's alert is. Blocks of any other
kind (```text usage lines, ```toml settings) are not commands. The script prints each block's
place before running it, and at the end "docs: N passed, 0 failed"; the first failing command
stops it with "docs: N passed, 1 failed" and the block it was in.
"""

import re
import shlex
import sys

FENCE = re.compile(r"^```(\w*)\s*$")
SCHEDULE = re.compile(r"^\s*(\S+\s+){5}(?P<command>.+)$")
VARIABLE = re.compile(r"^\s*[A-Za-z_][A-Za-z0-9_]*=")


def blocks(path):
    """(kind, first line number, text) of each fenced block of the page at `path`."""
    found, kind, start, lines = [], None, 0, []
    with open(path) as fh:
        for number, line in enumerate(fh, 1):
            match = FENCE.match(line.rstrip("\n"))
            if kind is None and match:
                kind, start, lines = match.group(1), number + 1, []
            elif kind is not None and line.startswith("```"):
                found.append((kind, start, "".join(lines)))
                kind = None
            elif kind is not None:
                lines.append(line)
    return found


def crontab_commands(text):
    commands = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#") or VARIABLE.match(line):
            continue
        match = SCHEDULE.match(line)
        if not match:
            raise SystemExit(f"not a crontab schedule line: {line!r}")
        commands.append(match.group("command"))
    return "\n".join(commands) + "\n"


def script(pages):
    out = [
        "set -euo pipefail",
        "docs_passed=0",
        "docs_block=''",
        "notify-operator() { echo 'notify-operator: the operator would be alerted'; }",
        "trap 'status=$?; if [ $status -ne 0 ]; then echo \"docs: the block at $docs_block failed (exit $status)\"; "
        "echo \"docs: $docs_passed passed, 1 failed\"; fi' EXIT",
    ]
    for page in pages:
        for kind, line, text in blocks(page):
            if kind == "sh":
                body = text
            elif kind == "crontab":
                body = crontab_commands(text)
            else:
                continue
            place = f"{page}:{line}"
            out.append(f"docs_block={shlex.quote(place)}")
            out.append(f"printf '\\n---- %s (%s)\\n' {shlex.quote(place)} {shlex.quote(kind)}")
            out.append(body.rstrip("\n"))
            out.append("docs_passed=$((docs_passed + 1))")
    out.append('echo "docs: $docs_passed passed, 0 failed"')
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.stdout.write(script(sys.argv[1:]))
