"""`//~` error annotations (compiletest's `errors.rs`): `//~ ERROR msg`, `//~^^ WARN`, `//~| NOTE`,
`//~v HELP`, `//[rev]~ ERROR`, and `//~? ERROR` for diagnostics without a line."""
from __future__ import annotations

import re
from dataclasses import dataclass

from harness.uitest.directives import DirectiveError

ANN_RE = re.compile(r"//(\[([\w,-]+)\])?~(\^+|\|+|v+|\?)?\s*(ERROR|WARN|WARNING|NOTE|HELP|SUGGESTION|RAW"
                    r"|error|warn|warning|note|help)\b:?\s*(.*)$")
KINDS = {"WARNING": "WARN", "error": "ERROR", "warn": "WARN", "warning": "WARN", "note": "NOTE", "help": "HELP"}


@dataclass(frozen=True)
class Expected:
    line: int | None      # None for `//~?`
    kind: str             # ERROR, WARN, NOTE, HELP, SUGGESTION
    msg: str
    src_line: int


def parse_annotations(path: str, src: str, revision: str | None) -> list[Expected]:
    out: list[Expected] = []
    last_line = None
    for i, text in enumerate(src.splitlines(), 1):
        pos = text.find("//")
        while pos >= 0 and not re.match(r"//(\[[\w,-]+\])?~", text[pos:]):
            pos = text.find("//", pos + 2)
        if pos < 0:
            continue
        m = ANN_RE.match(text[pos:])
        if not m:
            raise DirectiveError(path, i, "malformed `//~` annotation: expected `//~ ERROR|WARN|NOTE|HELP message`")
        revs = m.group(2).split(",") if m.group(2) else None
        if revs is not None and revision not in revs:
            continue
        adj = m.group(3) or ""
        if adj.startswith("^"):
            line = i - len(adj)
        elif adj.startswith("|"):
            if last_line is None:
                raise DirectiveError(path, i, "`//~|` has no previous annotation to follow")
            line = last_line
        elif adj.startswith("v"):
            line = i + len(adj)
        elif adj == "?":
            line = None
        else:
            line = i
        if line is not None:
            last_line = line
        kind = KINDS.get(m.group(4), m.group(4))
        out.append(Expected(line, kind, m.group(5).strip(), i))
    return out
