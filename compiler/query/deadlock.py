"""The deadlock handler (rustc_query_system::query::job::break_query_cycles).

When every worker is asleep or blocked, the pool calls `handle_deadlock`, which spawns a plain thread
(not a pool worker). That thread collects the active jobs, finds a cycle over parent and waiter
edges, and resumes one waiter with the cycle error. The entry point is chosen deterministically."""
from __future__ import annotations

from compiler.query.job import CycleError, QueryJob, QueryWaiter
from compiler.query.plumbing import IceError

HANDLER_THREAD = "<unnamed>"


def handle_deadlock(tcx):
    """Called on the worker that found every worker blocked. Since PR #98570 the query map is collected
    here, on the worker; before it, the handler thread collected it (and described every job)."""
    query_map = None
    if not tcx.sess.bug("worker-local-cycle-handler"):
        jobs = tcx.queries.collect_active_jobs()
        # Rayon calls the handler on a worker. Ours may re-fire it from the previous handler's
        # thread (see `ThreadPool.handler_done`); there the descriptions bypass the worker-local arena.
        on_pool = getattr(tcx.rt.local, "worker_index", None) is not None
        query_map = (jobs, tcx.describe_active_jobs(jobs) if on_pool else
                     [tcx.describe_query(j.query, intern=False) for j in jobs])
    tcx.rt.spawn(lambda: _run_handler(tcx, query_map), HANDLER_THREAD, is_worker=False)


def _run_handler(tcx, query_map):
    tcx.rt.local.worker_index = None
    tcx.rt.local.registry = None
    jobs = []
    try:
        if query_map is None:   # before PR #98570: built here, off the pool
            jobs = tcx.queries.collect_active_jobs()
            query_map = (jobs, tcx.describe_active_jobs(jobs))
        jobs, descriptions = query_map
        found = find_cycle(jobs, anchor_first=tcx.sess.bug("cycle-anchor-first"))
        if found is None:
            frames = "\n".join(f"  {desc}" for _, desc in sorted(zip(jobs, descriptions), key=lambda p: p[0].id))
            raise IceError("deadlock detected as we're unable to find a query cycle to break\n"
                           f"current query map:\n{frames}")
        cycle, waiter, latch = found
        tcx.sess.log.info("minirustc::query::job", f"deadlock handler: a cycle of {len(cycle.frames)} "
                          "queries, resuming one waiter")
        waiter.cycle = cycle
        _resume(tcx, latch, waiter)
    except Exception as e:  # a panic on the handler thread: upstream's `OnDrop` aborts the process
        tcx.record_panic(e, HANDLER_THREAD, [], abort=_abort_message(tcx))
        for job in jobs:
            if job.latch is not None:
                for w in list(job.latch.waiters):
                    w.panic = e
                    _resume(tcx, job.latch, w)
    finally:
        tcx.pool.handler_done()


def _abort_message(tcx) -> str:
    """What the handler's drop guard prints before `process::abort()`: the `OnDrop` of the old
    `deadlock()` in query/job.rs, or today's `defer` in rustc_interface::util."""
    if tcx.sess.bug("worker-local-cycle-handler"):
        return "deadlock handler panicked, aborting process"
    return "internal compiler error: query cycle handler thread panicked, aborting process"


def _resume(tcx, latch, waiter: QueryWaiter):
    if waiter in latch.waiters:      # with free threads, the owner may have completed meanwhile
        latch.waiters.remove(waiter)
    tcx.pool.resume_waiter(waiter)
    tcx.rt.notify(latch)


def find_cycle(jobs: list[QueryJob], anchor_first: bool = False):
    """Depth-first search over needs-edges (parent -> child, waiter -> waited job), in key order, with
    the entry point picked deterministically (rustc's `pick_query`). With `anchor_first` (rust#48685
    restored) the search goes in the order the jobs started, and the cycle is anchored at the first
    query met, so which query it names depends on the schedule."""
    by_query = {j.query: j for j in jobs}
    order = (lambda q: by_query[q].id) if anchor_first else (lambda q: q.sort_key())
    edges: dict = {j.query: [] for j in jobs}
    for j in jobs:
        if j.parent is not None and j.parent.query in edges:
            edges[j.parent.query].append((j.query, j.span, None))
        if j.latch is not None:
            for w in j.latch.waiters:
                if w.query is not None and w.query.query in edges:
                    edges[w.query.query].append((j.query, w.span, w))
    for v in edges.values():
        v.sort(key=lambda e: order(e[0]))
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

    for q in sorted(edges, key=order):
        if q not in state:
            cyc = dfs(q)
            if cyc:
                frames = [p[0] for p in cyc]
                spans = [p[1] for p in cyc]
                waits = [(p[2], p[3]) for p in cyc if p[2] is not None]
                if anchor_first:
                    waiter, target = waits[0]
                    return CycleError(frames, spans, as_met=True), waiter, by_query[target].latch
                entry = min(frames, key=lambda f: f.sort_key())
                waiter, target = next(((w, t) for w, t in waits if t == entry), waits[0])
                return CycleError(frames, spans), waiter, by_query[target].latch
    return None
