"""The controlled scheduler: real OS threads, one baton. Only the thread holding the baton runs;
every scheduling point asks the strategy who runs next. Deadlocks (no runnable thread while work
remains) and livelocks (a bound on the steps since the last completed query or work item, so a long
valid run never trips it) abort every thread, so the caller never hangs."""
from __future__ import annotations

import threading

from compiler.sync import token as tokens
from compiler.sync import trace as tracing
from compiler.sync.carrier import run_on_carrier
from compiler.sync.strategy import ReplayStrategy, Strategy

RUNNABLE, BLOCKED, DONE = "runnable", "blocked", "done"
DEFAULT_MAX_STEPS = 200_000     # scheduling steps without progress (a completed query or work item)


class ScheduleAbort(BaseException):
    """Unwinds every controlled thread after a deadlock, livelock or replay divergence."""

    def __init__(self, kind: str, report: str):
        super().__init__(report)
        self.kind, self.report = kind, report


class ThreadState:
    __slots__ = ("tid", "name", "gate", "status", "blocked_on", "position", "is_worker")

    def __init__(self, tid: int, name: str, is_worker: bool):
        self.tid, self.name, self.is_worker = tid, name, is_worker
        self.gate = threading.Lock()
        self.gate.acquire()
        self.status = RUNNABLE
        self.blocked_on = None
        self.position = "start"


class ControlledScheduler:
    def __init__(self, strategy: Strategy, threads: int, max_steps: int = DEFAULT_MAX_STEPS):
        self.strategy = strategy
        self.nthreads = threads
        self.max_steps = max_steps
        self.threads: list[ThreadState] = []
        self.runnable: list[int] = []        # tids, ascending
        self.decisions: list[tuple[int, int]] = []   # (index among runnable, how many were runnable)
        self.steps = 0
        self.progress_at = 0        # the step of the last progress event
        self.abort: ScheduleAbort | None = None
        self.trace = tracing.claim()   # an observer for reports (compiler.sync.trace); None by default
        self._finished = threading.Condition()
        self._spawned = 0
        self._done = 0
        self.current = self._new_state("main", False)
        self.main_ident = threading.get_ident()
        self.detached = False     # after an abort, the main thread reports without the baton

    def _new_state(self, name: str, is_worker: bool) -> ThreadState:
        t = ThreadState(len(self.threads), name, is_worker)
        self.threads.append(t)
        self.runnable.append(t.tid)
        if self.trace is not None:
            self.trace.thread(t.tid, name, is_worker)
        self.strategy.new_thread(t.tid)
        return t

    # ---- the baton
    def _choose(self, op: str) -> ThreadState:
        runnable = self.runnable
        if len(runnable) == 1:
            return self.threads[runnable[0]]
        if not runnable:
            self._fail("deadlock", f"deadlock detected at `{op}`: no thread can run")
        tid = self.strategy.next_thread(runnable, self.current.tid, self.steps)
        if isinstance(self.strategy, ReplayStrategy) and self.strategy.diverged:
            self._fail("divergence", f"schedule replay diverged: {self.strategy.diverged}")
        self.decisions.append((runnable.index(tid), len(runnable)))
        return self.threads[tid]

    def _switch(self, nxt: ThreadState):
        cur = self.current
        if nxt is cur:
            return
        if self.trace is not None:
            self.trace.add(self.steps, cur.tid, "preempt" if cur.status is RUNNABLE else "switch", None, nxt.tid)
        self.current = nxt
        nxt.gate.release()
        cur.gate.acquire()
        if self.abort is not None:
            raise self.abort

    def _aborted(self):
        if self.detached and threading.get_ident() == self.main_ident:
            return
        raise self.abort

    def detach_main(self):
        """After an abort: wait for the other threads to unwind, then let the main thread use the
        sync types freely to report what happened."""
        self.join_all()
        self.detached = True

    def yield_point(self, op: str):
        if self.abort is not None:
            return self._aborted()
        self.current.position = op
        self.steps += 1
        if self.trace is not None:
            self.trace.add(self.steps, self.current.tid, "point", op)
        if self.steps - self.progress_at > self.max_steps:
            self._fail("livelock", f"livelock: no progress in {self.max_steps} scheduling steps "
                                   "(no query or work item completed)")
        if len(self.runnable) > 1:
            self._switch(self._choose(op))

    def progress(self):
        """A query or a work item completed: the livelock bound counts steps since the last one."""
        self.progress_at = self.steps

    def block(self, resource, op: str):
        """Park the current thread until `notify(resource)`; the caller re-checks its condition."""
        if self.abort is not None:
            return self._aborted()
        cur = self.current
        cur.status, cur.blocked_on, cur.position = BLOCKED, resource, op
        self.runnable.remove(cur.tid)
        self.steps += 1
        if self.trace is not None:
            self.trace.add(self.steps, cur.tid, "block", op)
        self._switch(self._choose(op))

    def notify(self, resource):
        woke = False
        for t in self.threads:
            if t.status is BLOCKED and t.blocked_on is resource:
                t.status, t.blocked_on = RUNNABLE, None
                self.runnable.append(t.tid)
                woke = True
                if self.trace is not None:
                    self.trace.add(self.steps, t.tid, "wake")
        if woke:
            self.runnable.sort()

    def spawn(self, fn, name: str, is_worker: bool) -> ThreadState:
        state = self._new_state(name, is_worker)
        self._spawned += 1

        def body():
            state.gate.acquire()
            try:
                if self.abort is None:
                    fn()
            except ScheduleAbort:
                pass
            finally:
                try:
                    self._exit(state)
                except ScheduleAbort:
                    pass        # a replay that diverges at this exit: the abort has released every thread
                with self._finished:
                    self._done += 1
                    self._finished.notify_all()

        run_on_carrier(body)
        self.yield_point(f"spawn {name}")
        return state

    def _exit(self, state: ThreadState):
        state.status = DONE
        if self.trace is not None:
            self.trace.add(self.steps, state.tid, "exit")
        if state.tid in self.runnable:
            self.runnable.remove(state.tid)
        self.notify(self)
        if self.abort is not None:
            return
        if not self.runnable:
            if any(t.status is BLOCKED for t in self.threads):
                self._record_abort("deadlock", f"deadlock detected when thread `{state.name}` exited")
            return
        nxt = self._choose("exit")
        if self.trace is not None:
            self.trace.add(self.steps, state.tid, "switch", None, nxt.tid)
        self.current = nxt
        nxt.gate.release()

    # ---- failure
    def _record_abort(self, kind: str, headline: str):
        lines = [headline, "thread positions:"]
        for t in self.threads:
            where = f"blocked at `{t.position}`" if t.status is BLOCKED else f"{t.status} at `{t.position}`"
            lines.append(f"  #{t.tid} {t.name}: {where}")
        self.abort = ScheduleAbort(kind, "\n".join(lines))
        for t in self.threads:
            if t.status is not DONE and t is not self.current:
                try:
                    t.gate.release()
                except RuntimeError:
                    pass

    def _fail(self, kind: str, headline: str):
        self._record_abort(kind, headline)
        raise self.abort

    def join_all(self, timeout: float = 5.0):
        """Called by the main thread at the end of a run: let every spawned thread (a deadlock
        handler still unwinding, say) run to its end, then wait for their carriers, so that no
        run leaks into the next."""
        if self.abort is None and self.current is self.threads[0]:
            try:
                while any(t.status is not DONE for t in self.threads[1:]):
                    self.block(self, "join spawned threads")
            except ScheduleAbort:
                pass
        with self._finished:
            self._finished.wait_for(lambda: self._done >= self._spawned, timeout)

    def token(self) -> str:
        return tokens.encode(self.nthreads, self.decisions)
