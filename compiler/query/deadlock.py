"""The deadlock handler (rustc_query_impl::job::break_query_cycles).

When every worker is asleep or blocked, the pool calls `handle_deadlock`, which spawns a plain thread
(not a pool worker). That thread collects the active jobs, finds a cycle over parent and waiter
edges, and resumes one waiter with the cycle error. The entry point is chosen deterministically.

The query map's descriptions are deferred, as rustc's `QueryStackDeferred` frames are: collecting the
active jobs describes nothing, and a description is made only where one is printed (here, the ICE
for a deadlock without a cycle)."""
from __future__ import annotations

from compiler.query.job import CycleError, QueryJob, QueryWaiter
from compiler.query.plumbing import IceError

HANDLER_THREAD = "<unnamed>"


def handle_deadlock(tcx):
    """Called on the worker that found every worker blocked. Since PR #98570 the query map is collected
    here, on the worker; before it, the handler thread collected it (and described every job)."""
    jobs = None
    if not tcx.sess.bug("worker-local-cycle-handler"):
        jobs = tcx.queries.collect_active_jobs()
    tcx.rt.spawn(lambda: _run_handler(tcx, jobs), HANDLER_THREAD, is_worker=False)


def _run_handler(tcx, jobs):
    tcx.rt.local.worker_index = None
    tcx.rt.local.registry = None
    before_98570 = jobs is None
    if before_98570:
        jobs = []
    try:
        if before_98570:        # the query map is built here, off the pool, and described at once
            jobs = tcx.queries.collect_active_jobs()
            tcx.describe_active_jobs(jobs)      # through the worker-local arena: the panic of rust#94654
        found = find_cycle(jobs, anchor_first=tcx.sess.bug("cycle-anchor-first"))
        if found is None:
            # the deferred descriptions, made here, off the pool: they bypass the worker-local arena
            frames = "\n".join(f"  {tcx.describe_query(j.query, intern=False)}"
                               for j in sorted(jobs, key=_job_id))
            raise IceError("deadlock detected as we're unable to find a query cycle to break\n"
                           f"current query map:\n{frames}")
        cycle, waiter, latch = found
        log = tcx.sess.log
        if log.enabled:
            log.info("minirustc::query::job", f"deadlock handler: a cycle of {len(cycle.frames)} "
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


def _job_id(job: QueryJob) -> int:
    return job.id


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
    query met, so which query it names depends on the schedule.

    The jobs are numbered once (each query hashed once, each order key computed once) and the search
    runs over the numbers, iteratively: the same edges in the same order as a recursive search over
    the queries, so the same cycle and the same waiter."""
    n = len(jobs)
    index = {j.query: i for i, j in enumerate(jobs)}
    rank = [j.id for j in jobs] if anchor_first else [j.query.sort_key() for j in jobs]
    edges: list = [[] for _ in range(n)]    # per job: (order of the target, target, span, waiter)
    for i, j in enumerate(jobs):
        parent = j.parent
        if parent is not None:
            p = index.get(parent.query)
            if p is not None:
                edges[p].append((rank[i], i, j.span, None))
        latch = j.latch
        if latch is not None:
            for w in latch.waiters:
                wq = w.query
                if wq is not None:
                    p = index.get(wq.query)
                    if p is not None:
                        edges[p].append((rank[i], i, w.span, w))
    for v in edges:
        if len(v) > 1:
            v.sort(key=_first)              # stable: equal orders keep the jobs' order
    state = [0] * n                         # 0 unvisited, 1 on the path, 2 done
    for root in sorted(range(n), key=rank.__getitem__):
        if state[root]:
            continue
        cyc = _dfs(root, edges, state)
        if cyc is None:
            continue
        frames = [jobs[q].query for q, _, _, _ in cyc]
        spans = [span for _, span, _, _ in cyc]
        waits = [(w, t) for _, _, w, t in cyc if w is not None]
        if anchor_first:
            waiter, target = waits[0]
            return CycleError(frames, spans, as_met=True), waiter, jobs[target].latch
        entry = min((q for q, _, _, _ in cyc), key=rank.__getitem__)
        waiter, target = next(((w, t) for w, t in waits if t == entry), waits[0])
        return CycleError(frames, spans), waiter, jobs[target].latch
    return None


def _first(e):
    return e[0]


def _dfs(root: int, edges: list, state: list):
    """From `root`: the path (source, span, waiter, target) of the first edge that closes a cycle, from
    that edge's target on; None when none does (every job reached is then marked done)."""
    path: list = []
    stack = [(root, 0)]
    state[root] = 1
    while stack:
        q, k = stack[-1]
        out = edges[q]
        if k == len(out):
            stack.pop()
            state[q] = 2
            if path:
                path.pop()              # the edge into q
            continue
        stack[-1] = (q, k + 1)
        _, target, span, waiter = out[k]
        path.append((q, span, waiter, target))
        st = state[target]
        if st == 1:
            start = next(i for i, p in enumerate(path) if p[0] == target)
            return path[start:]
        if st == 0:
            state[target] = 1
            stack.append((target, 0))
        else:
            path.pop()
    return None
