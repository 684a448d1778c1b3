"""Query jobs, latches and waiters: who is running which query, and who waits for whom."""
from __future__ import annotations

from dataclasses import dataclass, field

from compiler.syntax.span import DUMMY_SP, Span


@dataclass(frozen=True)
class QueryKey:
    """A query invocation: the query's name and its key (a DefId index, or None for the crate)."""
    name: str
    key: object

    def sort_key(self) -> tuple:
        k = self.key
        return (getattr(k, "index", -1), self.name)


class QueryJob:
    __slots__ = ("id", "query", "parent", "span", "latch", "thread")

    def __init__(self, id: int, query: QueryKey, parent: "QueryJob | None", span: Span, thread: int):
        self.id, self.query, self.parent, self.span, self.thread = id, query, parent, span, thread
        self.latch: QueryLatch | None = None

    def stack(self) -> list["QueryJob"]:
        """This job and its ancestors, innermost first."""
        out, j = [], self
        while j is not None:
            out.append(j)
            j = j.parent
        return out


@dataclass(eq=False)
class QueryWaiter:
    query: QueryJob | None      # the job of the waiting thread (None at top level)
    span: Span
    resumed: bool = False
    blocked: bool = False       # counted as blocked by the pool
    cycle: object = None        # a CycleError handed over by the deadlock handler
    panic: BaseException | None = None


@dataclass(eq=False)
class QueryLatch:
    complete: bool = False
    waiters: list[QueryWaiter] = field(default_factory=list)


@dataclass
class CycleError:
    """A cycle in needs-order (each frame requires the next), with the span each edge was invoked at."""
    frames: list[QueryKey]
    spans: list[Span]           # spans[i]: where frames[i] invoked frames[i+1]
    usage: QueryKey | None = None
    usage_span: Span = DUMMY_SP
    as_met: bool = False        # rust#48685 restored: report the cycle as the handler met it
