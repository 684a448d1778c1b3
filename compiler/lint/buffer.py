"""Buffered early lints (rustc_lint_defs::LintBuffer): lints found before lint levels are known (here
the resolver's `unused_imports`) wait in the session with their owner until lowering takes the buffer;
then they are emitted at their levels. Buffering after the buffer was taken is rustc's ICE
`can't buffer lints after HIR lowering`."""
from __future__ import annotations

from dataclasses import dataclass

from compiler.query.plumbing import IceError
from compiler.sync.types import Lock


@dataclass
class BufferedEarlyLint:
    lint: str
    owner: object
    span: object
    msg: str
    label: str = ""


class LintBuffer:
    def __init__(self, rt):
        self.lock = Lock(rt, name="buffered_lints")
        self.lints: list[BufferedEarlyLint] | None = []
        self.rt = rt

    def buffer_lint(self, lint: BufferedEarlyLint):
        with self.lock:
            if self.lints is None:
                raise IceError("can't buffer lints after HIR lowering")
            self.lints.append(lint)

    def take(self) -> list[BufferedEarlyLint]:
        """`mem::take` under the lock: nothing buffered concurrently is lost; a later `buffer_lint`
        is the ICE."""
        with self.lock:
            lints, self.lints = self.lints or [], None
        return lints
