"""The query engine: `tcx.query(name, key)` with caches, active-job tables, latches and cycle handling.

As in rustc_query_system, in serial mode a query found `Started` is on the current thread's own stack:
a cycle. In parallel mode every started query is waited for on its latch, even one this thread started
itself; when every worker is blocked, the pool's deadlock handler (see `deadlock.py`) finds the cycle
and resumes one waiter with it."""
from __future__ import annotations

from compiler.query.cycle import canonicalize
from compiler.query.job import CycleError, QueryJob, QueryKey, QueryLatch, QueryWaiter
from compiler.sync.pool import FatalError
from compiler.sync.types import Lock
from compiler.syntax.span import DUMMY_SP, Span

POISONED = object()


class IceError(Exception):
    """`bug!()`: an internal compiler error raised deliberately by the compiler."""


class QueryState:
    __slots__ = ("lock", "active", "cache")

    def __init__(self, rt, name):
        self.lock = Lock(rt, name=f"{name}.state")
        self.active: dict = {}
        self.cache: dict = {}


class QueryEngine:
    def __init__(self, tcx, providers: dict, fallbacks: dict):
        self.tcx = tcx
        self.rt = tcx.rt
        self.providers = providers
        self.fallbacks = fallbacks
        self.states = {name: QueryState(self.rt, name) for name in providers}
        self.next_id = 0

    # ---- the implicit context: the current thread's innermost job
    def current_job(self) -> QueryJob | None:
        return getattr(self.rt.local, "icx", None)

    def _set_current(self, job):
        self.rt.local.icx = job

    def _thread(self) -> int:
        return getattr(self.rt.local, "worker_index", 0)

    def get(self, name: str, key, span: Span = DUMMY_SP):
        st = self.states[name]
        rt = self.rt
        rt.yield_point(f"query {name}")
        current = self.current_job()
        self.tcx.dep_graph.read_index(self.tcx.dep_graph.query_node(name, key))
        with st.lock.lock():
            if key in st.cache:
                return st.cache[key]
            job = st.active.get(key)
            if job is None:
                self.next_id += 1
                job = QueryJob(self.next_id, QueryKey(name, key), current, span, self._thread())
                st.active[key] = job
                action = "execute"
            elif job is POISONED:
                raise FatalError()
            elif not rt.parallel:
                action = "cycle"            # serial: the job is on this thread's own stack
            else:
                if job.latch is None:
                    job.latch = QueryLatch()
                waiter = QueryWaiter(current, span)
                job.latch.waiters.append(waiter)
                action = "wait"
        if action == "execute":
            return self._execute(st, job)
        if action == "cycle":
            return self._cycle_on_stack(job, name, key, span)
        return self._wait(st, name, key, job.latch, waiter)

    def _execute(self, st: QueryState, job: QueryJob):
        log = self.tcx.sess.log
        if log.enabled:
            log.debug("minirustc::query::plumbing", f"executing `{job.query.name}`")
        prev = self.current_job()
        self._set_current(job)
        try:
            value = self.providers[job.query.name](self.tcx, job.query.key)
        except BaseException as e:
            if not hasattr(e, "query_stack"):
                try:
                    e.query_stack = [(j.query.name, self.tcx.describe_query(j.query)) for j in job.stack()]
                except Exception:  # noqa: BLE001 - the stack is best effort, as in rustc
                    e.query_stack = []
            with st.lock.lock():
                if self.tcx.sess.bug("no-poison"):
                    del st.active[job.query.key]    # before PR #115198: no trace of the panicked job
                else:
                    st.active[job.query.key] = POISONED
            self._signal(job)
            raise
        finally:
            self._set_current(prev)
        with st.lock.lock():
            st.cache[job.query.key] = value
            del st.active[job.query.key]
        self.rt.progress()
        self._signal(job)
        self.rt.yield_point(f"query {job.query.name} done")
        return value

    def _signal(self, job: QueryJob):
        latch = job.latch
        if latch is None:
            return
        latch.complete = True
        waiters, latch.waiters = latch.waiters, []
        for w in waiters:
            self.tcx.pool.resume_waiter(w)
        self.rt.notify(latch)

    def _wait(self, st: QueryState, name: str, key, latch: QueryLatch, waiter: QueryWaiter):
        pool = self.tcx.pool

        def resumed():
            return waiter.resumed

        pool.steal_while_waiting(resumed)
        if pool.block_waiter(waiter):
            self.rt.wait_until(resumed, latch, f"wait for {name}")
        if waiter.panic is not None:
            raise waiter.panic
        if waiter.cycle is not None:
            return self._handle_cycle(name, key, waiter.cycle)
        with st.lock.lock():
            if key in st.cache:
                return st.cache[key]
            if st.active.get(key) is POISONED:
                raise FatalError()
        raise IceError("value must be in cache after waiting")

    def _cycle_on_stack(self, job: QueryJob, name: str, key, span: Span):
        chain = []
        j = self.current_job()
        while j is not job:
            chain.append(j)
            j = j.parent
        chain.append(job)
        chain.reverse()                       # job ... current, in needs-order
        frames = [j.query for j in chain]
        spans = [j.span for j in chain[1:]] + [span]
        cycle = CycleError(frames, spans, job.parent.query if job.parent else None,
                           job.parent.span if job.parent else DUMMY_SP)
        return self._handle_cycle(name, key, cycle)

    def _handle_cycle(self, name: str, key, cycle: CycleError):
        if self.tcx.sess.bug("cycle-recovery-first"):
            # before PR #153694: the value is built for the cycle's first frame, which the handler's
            # rotation makes an arbitrary query, not for the query being resumed
            name, key = cycle.frames[0].name, cycle.frames[0].key
        cycle = canonicalize(cycle, self.tcx)
        self.tcx.sess.log.warn("minirustc::query::job", "query cycle detected when "
                               f"{self.tcx.describe_query(cycle.frames[0])}; recovering "
                               f"`{name}` with its cycle value")
        self.tcx.report_cycle(cycle)
        return self.fallbacks[name](self.tcx, key)

    # ---- for the deadlock handler
    def collect_active_jobs(self) -> list[QueryJob]:
        """Every active job, query by query in name order, each query's table read under its lock,
        taken with `try_lock` as rustc's deadlock handler takes it (`try_lock_shards`): a table found
        locked is rustc's `failed to collect active queries in deadlock handler` panic."""
        states = self.__dict__.get("_states_by_name")
        if states is None:
            states = self._states_by_name = [self.states[name] for name in sorted(self.states)]
        jobs = []
        for st in states:
            lock = st.lock
            if not lock.try_lock():
                raise IceError("failed to collect active queries in deadlock handler")
            try:
                if st.active:
                    jobs += [j for j in st.active.values() if j is not POISONED]
            finally:
                lock.release()
        return jobs
