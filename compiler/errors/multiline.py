"""Suggestions whose text spans several lines, rendered as rustc does: whole added lines with `+`,
any other multi-line edit as the edited lines marked `~`."""
from __future__ import annotations


def render_multiline(em, parts, width: int) -> list[str]:
    pad = " " * (width + 1)
    file = parts[0][0].file
    line, col = file.lookup(parts[0][0].lo)
    text = file.line_text(line)
    if len(parts) == 1 and col == 1 and parts[0][0].hi == parts[0][0].lo and parts[0][1].endswith("\n"):
        added = parts[0][1][:-1].split("\n")
        return [f"{pad}|"] + [f"{em._lineno(line, width)} + {a}" for a in added] + \
            [f"{em._lineno(line, width)} | {text}", f"{pad}|"]
    line_start = file.line_starts[line - 1]
    new, last = "", 0
    for span, rep in sorted(parts, key=lambda p: p[0].lo):
        new += text[last:span.lo - line_start] + rep
        last = span.hi - line_start
    new += text[last:] if last <= len(text) else ""
    return [f"{pad}|"] + [f"{em._lineno(line + i, width)} ~ {x}" for i, x in enumerate(new.split("\n"))] + [f"{pad}|"]
