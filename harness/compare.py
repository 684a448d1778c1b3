"""Comparison modes for expected and actual output:

- `exact`: byte for byte;
- `lines`: compiletest's `compare-output-by-lines`, the sorted lines without bare `|` gutter lines;
- `diagnostics`: the multiset of diagnostic blocks: the order may change, the content may not.

`compare` says whether they are equal and, when they are not, whether only the order differs."""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

MODES = ("exact", "lines", "diagnostics")
BLOCK_START_RE = re.compile(r"^(error|warning|note|help|failure-note)(\[[\w-]+\])?: ")


@dataclass
class Comparison:
    equal: bool
    mode: str
    order_only: bool = False        # not equal exactly, but equal as a multiset of diagnostics
    diff: str = ""


def blocks(text: str) -> list[str]:
    """Splits rendered diagnostics into blocks: each starts at a top-level header line."""
    out: list[list[str]] = []
    for line in text.split("\n"):
        if BLOCK_START_RE.match(line) or not out:
            out.append([line])
        else:
            out[-1].append(line)
    return ["\n".join(b).rstrip("\n") for b in out if any(x.strip() for x in b)]


def _line_set(text: str) -> Counter:
    return Counter(line for line in text.splitlines() if line.strip() != "|")


def lines_diff(expected: str, actual: str) -> str:
    """compiletest-style two-sided diff of line multisets: lines missing from, and extra in, actual."""
    e, a = Counter(expected.splitlines()), Counter(actual.splitlines())
    missing, extra = e - a, a - e
    out = []
    for line in expected.splitlines():
        if missing[line] > 0:
            out.append(f"-{line}")
            missing[line] -= 1
    for line in actual.splitlines():
        if extra[line] > 0:
            out.append(f"+{line}")
            extra[line] -= 1
    return "\n".join(out)


def unified(expected: str, actual: str, a: str = "expected", b: str = "actual") -> str:
    return "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(), a, b, lineterm="", n=2))


def compare(expected: str, actual: str, mode: str = "exact") -> Comparison:
    if mode not in MODES:
        raise ValueError(f"unknown comparison mode `{mode}`; expected one of {', '.join(MODES)}")
    if expected == actual:
        return Comparison(True, mode)
    same_blocks = Counter(blocks(expected)) == Counter(blocks(actual))
    if mode == "lines":
        # compiletest: drop the lines that are only a `|` gutter, then compare the sorted lines
        equal = _line_set(expected) == _line_set(actual)
        return Comparison(equal, mode, order_only=not equal and same_blocks or equal,
                          diff="" if equal else lines_diff(expected, actual))
    if mode == "diagnostics":
        return Comparison(same_blocks, mode, order_only=same_blocks,
                          diff="" if same_blocks else unified(expected, actual))
    return Comparison(False, mode, order_only=same_blocks, diff=unified(expected, actual))
