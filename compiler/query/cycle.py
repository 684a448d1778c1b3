"""Canonical cycle errors: a cycle is rotated to a deterministic entry point so that the same E0391
is reported whichever thread found it and whichever query it entered first."""
from __future__ import annotations

from compiler.query.job import CycleError


def canonicalize(cycle: CycleError, tcx) -> CycleError:
    frames, spans, n = cycle.frames, cycle.spans, len(cycle.frames)
    entries = [i for i in range(n) if frames[i - 1].key != frames[i].key] or list(range(n))
    if cycle.as_met:
        e = 0
    else:
        e = min(entries, key=lambda i: (frames[i].sort_key(), tcx.query_rank(frames[i].name)))
    frames = frames[e:] + frames[:e]
    spans = spans[e:] + spans[:e]
    usage = tcx.cycle_usage(frames[0])
    return CycleError(frames, spans, usage[0] if usage else None, usage[1] if usage else cycle.usage_span)
