"""The deadlock handler (rustc_query_system::query::job::break_query_cycles).

When every worker is asleep or blocked, the pool calls `handle_deadlock`, which spawns a plain thread
(not a pool worker). That thread collects the active jobs, finds a cycle over parent and waiter
edges, and resumes one waiter with the cycle error. The entry point is chosen deterministically."""
from __future__ import annotations

from compiler.query.job import CycleError, QueryJob, QueryWaiter
from compiler.query.plumbing import IceError

HANDLER_THREAD = "<unnamed>"


def handle_deadlock(tcx):
    tcx.rt.spawn(lambda: _run_handler(tcx), HANDLER_THREAD, is_worker=False)


def _run_handler(tcx):
    tcx.rt.local.worker_index = None
    tcx.rt.local.registry = None
    jobs: list[QueryJob] = []
    try:
        jobs = tcx.queries.collect_active_jobs()
        frames = tcx.describe_active_jobs(jobs)
        found = find_cycle(jobs)
        if found is None:
            raise IceError("deadlock detected as we're unable to find a query cycle to break\n"
                           f"current query map:\n{frames}")
        cycle, waiter, latch = found
        waiter.cycle = cycle
        _resume(tcx, latch, waiter)
    except Exception as e:  # a panic on the handler thread
        tcx.record_panic(e, HANDLER_THREAD, [])
        for job in jobs:
            if job.latch is not None:
                for w in list(job.latch.waiters):
                    w.panic = e
                    _resume(tcx, job.latch, w)
    finally:
        tcx.pool.handler_done()


def _resume(tcx, latch, waiter: QueryWaiter):
    latch.waiters.remove(waiter)
    tcx.pool.mark_unblocked()
    waiter.resumed = True
    tcx.rt.notify(latch)


def find_cycle(jobs: list[QueryJob]):
    """Depth-first search over needs-edges (parent -> child, waiter -> waited job), in key order."""
    by_query = {j.query: j for j in jobs}
    edges: dict = {j.query: [] for j in jobs}
    for j in jobs:
        if j.parent is not None and j.parent.query in edges:
            edges[j.parent.query].append((j.query, j.span, None))
        if j.latch is not None:
            for w in j.latch.waiters:
                if w.query is not None and w.query.query in edges:
                    edges[w.query.query].append((j.query, w.span, w))
    for v in edges.values():
        v.sort(key=lambda e: e[0].sort_key())
    state: dict = {}
    path: list = []

    def dfs(q):
        state[q] = 1
        for target, span, waiter in edges[q]:
            path.append((q, span, waiter, target))
            if state.get(target) == 1:
                start = next(i for i, p in enumerate(path) if p[0] == target)
                return path[start:]
            if target not in state:
                found = dfs(target)
                if found:
                    return found
            path.pop()
        state[q] = 2
        return None

    for q in sorted(edges, key=lambda q: q.sort_key()):
        if q not in state:
            cyc = dfs(q)
            if cyc:
                frames = [p[0] for p in cyc]
                spans = [p[1] for p in cyc]
                waits = [(p[2], p[3]) for p in cyc if p[2] is not None]
                entry = min(frames, key=lambda f: f.sort_key())
                waiter, target = next(((w, t) for w, t in waits if t == entry), waits[0])
                return CycleError(frames, spans), waiter, by_query[target].latch
    return None
