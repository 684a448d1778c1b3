"""Source files and byte spans (rustc_span): the position data every diagnostic points at."""
from __future__ import annotations

import bisect
from dataclasses import dataclass


class SourceFile:
    def __init__(self, name: str, src: str):
        self.name = name
        self.src = src
        self.line_starts = [0]
        for i, ch in enumerate(src):
            if ch == "\n":
                self.line_starts.append(i + 1)

    def lookup(self, pos: int) -> tuple[int, int]:
        """1-based (line, column-in-chars) of a char offset."""
        line = bisect.bisect_right(self.line_starts, pos) - 1
        return line + 1, pos - self.line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.src.find("\n", start)
        return self.src[start:] if end < 0 else self.src[start:end]


class SourceMap:
    """The session's files (rustc_span::SourceMap); registering one takes its lock, a scheduling point
    for the threads that load module files in parallel."""

    def __init__(self, rt):
        from compiler.sync.types import Lock
        self.lock = Lock(rt, name="source_map")
        self.files: list[SourceFile] = []

    def new_source_file(self, name: str, src: str) -> SourceFile:
        f = SourceFile(name, src)
        with self.lock:
            self.files.append(f)
        return f


@dataclass(frozen=True, slots=True)
class Span:
    lo: int
    hi: int
    file: SourceFile | None = None

    def to(self, other: "Span") -> "Span":
        return Span(min(self.lo, other.lo), max(self.hi, other.hi), self.file)

    def shrink_to_lo(self) -> "Span":
        return Span(self.lo, self.lo, self.file)

    def shrink_to_hi(self) -> "Span":
        return Span(self.hi, self.hi, self.file)

    @property
    def is_dummy(self) -> bool:
        return self.file is None

    def sort_key(self) -> tuple:
        return (self.file.name if self.file else "", self.lo, self.hi)

    def __repr__(self) -> str:
        if self.file is None:
            return "DUMMY_SP"
        line, col = self.file.lookup(self.lo)
        return f"{self.file.name}:{line}:{col}"


DUMMY_SP = Span(0, 0, None)
