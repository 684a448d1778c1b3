"""An optional event trace of one controlled run, for reports (the per-thread timeline of a failing
schedule). It observes the scheduler and decides nothing: the scheduling points, their order and the
strategy's decisions are the same with and without it, so a token replays to the same output traced
or not. Off by default; a disabled trace costs one attribute test per scheduling point.

    with trace.recording() as tr:
        run_compiler([... "-Z", "schedule=replay:TOKEN", ...], out)
    tr.threads, tr.events

The first controlled scheduler created inside `recording()` (in that thread) takes the trace.

Events are tuples `(step, tid, kind, op, other)`, in the order they happened:

| kind     | meaning                                                         | `other`                    |
|----------|-----------------------------------------------------------------|----------------------------|
| `point`  | thread `tid` reached the scheduling point `op`                  | None                       |
| `block`  | thread `tid` parked at `op` (a lock, a latch, a wait)           | None                       |
| `switch` | the baton passed from `tid` (blocked or finished) to `other`    | the next thread            |
| `preempt`| the same, while `tid` could have gone on (a preemption)         | the next thread            |
| `wake`   | `notify` made thread `tid` runnable again                       | None                       |
| `exit`   | thread `tid` finished                                           | None                       |
"""
from __future__ import annotations

import threading
from contextlib import contextmanager

DEFAULT_LIMIT = 100_000


class Trace:
    __slots__ = ("threads", "events", "limit", "truncated")

    def __init__(self, limit: int = DEFAULT_LIMIT):
        self.threads: list[tuple[int, str, bool]] = []     # (tid, name, is_worker)
        self.events: list[tuple] = []
        self.limit = limit
        self.truncated = False

    def thread(self, tid: int, name: str, is_worker: bool):
        self.threads.append((tid, name, is_worker))

    def add(self, step: int, tid: int, kind: str, op: str | None = None, other: int | None = None):
        if len(self.events) < self.limit:
            self.events.append((step, tid, kind, op, other))
        else:
            self.truncated = True

    def to_json(self) -> dict:
        return {"threads": [{"tid": t, "name": n, "worker": w} for t, n, w in self.threads],
                "events": [list(e) for e in self.events], "truncated": self.truncated}


_requested = threading.local()


@contextmanager
def recording(limit: int = DEFAULT_LIMIT):
    tr = Trace(limit)
    prev = getattr(_requested, "trace", None)
    _requested.trace = tr
    try:
        yield tr
    finally:
        _requested.trace = prev


def claim() -> Trace | None:
    """Called by a new controlled scheduler: the pending trace of this thread, once."""
    tr = getattr(_requested, "trace", None)
    if tr is not None:
        _requested.trace = None
    return tr
