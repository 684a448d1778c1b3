"""Reads diagnostics back out of rendered human stderr: (line, kind, message, code) for each one,
the way compiletest reads rustc's JSON."""
from __future__ import annotations

import re
from dataclasses import dataclass

HEADER_RE = re.compile(r"^(error|warning|note|help)(\[(E\d{4})\])?: (.*)$")
LOC_RE = re.compile(r"^\s*--> (.*):(\d+):(\d+)$")
SUB_RE = re.compile(r"^\s+= (note|help|warning|error): (.*)$")
SUMMARY_RE = re.compile(r"^(aborting due to \d+ previous errors?|\d+ warnings? emitted)")
KIND = {"error": "ERROR", "warning": "WARN", "note": "NOTE", "help": "HELP"}


@dataclass(frozen=True)
class Actual:
    line: int | None
    kind: str
    msg: str
    code: str | None
    file: str | None = None
    child: bool = False          # a `= warning:` / `= note:` line under a diagnostic


def parse_diagnostics(stderr: str) -> list[Actual]:
    out: list[Actual] = []
    lines = stderr.splitlines()
    parent_line = parent_file = None
    i = 0
    while i < len(lines):
        text = lines[i]
        m = HEADER_RE.match(text)
        if m:
            level, code, msg = m.group(1), m.group(3), m.group(4)
            if level in ("error", "warning") and SUMMARY_RE.match(msg):
                i += 1
                continue
            line, file = None, None
            if i + 1 < len(lines):
                loc = LOC_RE.match(lines[i + 1])
                if loc:
                    line, file = int(loc.group(2)), loc.group(1)
            if level in ("error", "warning"):
                parent_line, parent_file = line, file
            elif line is None:
                line, file = parent_line, parent_file
            out.append(Actual(line, KIND[level], msg, code, file))
        else:
            sub = SUB_RE.match(text)
            if sub:
                out.append(Actual(parent_line, KIND[sub.group(1)], sub.group(2), None, parent_file, child=True))
        i += 1
    return out


def check_annotations(expected, actual: list[Actual], test_file: str | None = None,
                      required: set[str] | None = None) -> list[str]:
    """compiletest's rules: every expected annotation must match a diagnostic on its line, and every
    error or warning (and note/help, when the test annotates any) must be expected, except the kinds
    `//@ dont-require-annotations` lifts (`required`). Diagnostics in other files are not checked."""
    problems = []
    unmatched = [a for a in actual if test_file is None or a.file is None
                 or a.file.rsplit("/", 1)[-1] == test_file]
    for e in expected:
        # compiletest appends the code to the message: `//~ ERROR [E0277]` and `//~ ERROR E0277` match
        hit = next((a for a in unmatched if a.kind == e.kind and a.line == e.line
                    and (e.msg in (a.msg + (f" [{a.code}]" if a.code else ""))
                         or (a.code is not None and e.msg == a.code))), None)
        if hit is None:
            where = f"line {e.line}" if e.line is not None else "no line"
            problems.append(f"expected {e.kind} not found at {where} (annotation on line {e.src_line}): {e.msg}")
        else:
            unmatched.remove(hit)
    checked = {"ERROR", "WARN"} | {e.kind for e in expected}
    if required is not None:
        checked &= required
    for a in unmatched:
        # a child `= warning:` may be annotated as WARN, but is not required to be
        if a.kind in checked and not (a.child and a.kind in ("WARN", "ERROR")):
            where = f"line {a.line}" if a.line is not None else "no line"
            problems.append(f"unexpected {a.kind} at {where}: {a.msg}")
    return problems
