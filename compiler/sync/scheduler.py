"""The controlled scheduler: one baton, carried by greenlets. Only the controlled thread holding the
baton runs; every scheduling point asks the strategy who runs next, and the baton passes by a greenlet
switch (a fraction of a microsecond, where a handoff between OS threads costs tens). Deadlocks (no
runnable thread while work remains) and livelocks (a bound on the steps since the last completed query
or work item, so a long valid run never trips it) abort every thread, so the caller never hangs.

Controlled threads are greenlets of the OS thread that created the scheduler; that thread's own
greenlet is controlled thread #0 (`main`). Each controlled thread keeps its own identity and locals:
- `ControlledScheduler.local` is the session's thread-local namespace (`Runtime.local`); its `__dict__`
  is the running controlled thread's own dict, swapped wherever the baton passes;
- `Runtime.thread_id()` answers the running controlled thread's identity (`ThreadState.ident`: the
  OS thread's ident for `main`, a fresh number for each spawned thread); `threading.get_ident()` is
  not patched, so code that needs a controlled thread's identity asks the runtime.
A controlled thread starts with no locals, as a new OS thread would.

Spawned threads run on carrier greenlets (`ControlledGreenlet`), parked in a per-OS-thread idle list
and reused by later spawns, since creating a greenlet and letting it finish costs ten switches.

The baton passes in three places only: at a scheduling point (`yield_point`, `block`), when a thread
finishes (`_exit` chooses the next thread; its carrier parks and switches to it), and while unwinding
after an abort (every unfinished thread is resumed in turn to raise `ScheduleAbort`, spawned threads
first, the main thread last). Each place sets `current` and the locals before it switches. A token
replays while the scheduling points stay where they are (docs/decisions.md lists the changes that
moved them). With a trace on (compiler.sync.trace), scheduling points take
`_traced_point`, which records where the baton passes.

Interrupts: an asynchronous exception (a signal handler's KeyboardInterrupt) can land between any two
updates of a hand-off. Every primitive catches it and calls `_interrupted`, which makes the state
consistent for the running thread (current, runnable, waiting on nothing; `runnable` rebuilt from the
statuses) and stops the run; the main thread re-raises it once the others have unwound. An exception
that ends a carrier outside its thread's body goes to the carrier's parent, the main thread, which
does the same. A spawned thread's state is complete, carrier and all, before it is listed."""
from __future__ import annotations

import itertools
import sys
import threading
import traceback

import _thread
from greenlet import GreenletExit, getcurrent, greenlet

from compiler.sync import token as tokens
from compiler.sync import trace as tracing
from compiler.sync.strategy import RandomStrategy, ReplayStrategy, Strategy

RUNNABLE, BLOCKED, DONE = "runnable", "blocked", "done"
# shared (index, runnable) decision tuples: a run records one per decision without allocating it
_PAIRS = tuple(tuple((i, n) for i in range(n)) for n in range(65))
_BIT_LENGTH = tuple(n.bit_length() for n in range(1025))   # for the inlined random draw
DEFAULT_MAX_STEPS = 200_000     # scheduling steps without progress (a completed query or work item)
CARRIER_STOCK = 4               # idle carriers kept beyond one per worker (deadlock handlers' threads)


class ScheduleAbort(BaseException):
    """Unwinds every controlled thread after a deadlock, livelock or replay divergence."""

    def __init__(self, kind: str, report: str):
        super().__init__(report)
        self.kind, self.report = kind, report


class ThreadLocals:
    """The controlled threads' `threading.local`: the scheduler points this object's `__dict__` at the
    running controlled thread's own dict whenever the baton passes, so attribute access costs what it
    costs on any object."""


class ControlledGreenlet(greenlet):
    """A carrier of spawned controlled threads, one after another: creating a greenlet and letting it
    finish costs ten times a switch, so a carrier whose thread has finished parks in its OS thread's
    idle list and is reused by the next spawn. `ident` is what `Runtime.thread_id()` answers in it."""

    def __init__(self, parent):
        super().__init__(self._loop, parent)
        self.job = None
        self.ident = 0

    def _loop(self, starter=None):
        idle = _carriers.idle
        if starter is not None:     # started ahead by `_stock_carriers`: park until a spawn gives a job
            starter.switch()
        while True:
            job, self.job = self.job, None
            nxt = job()             # the controlled thread's body: returns the greenlet to resume
            job = None              # a parked carrier keeps nothing of the run alive
            if nxt is None:         # collected unfinished (GreenletExit): end, back to the collector
                return
            self.ident = 0
            idle.append(self)
            nxt.switch()            # park; a later spawn sets `job` and the scheduler switches back


class _Carriers(threading.local):
    def __init__(self):
        self.idle: list[ControlledGreenlet] = []
        root = getcurrent()
        while root.parent is not None:
            root = root.parent
        self.root = root            # the OS thread's own greenlet: parent of its carriers


_carriers = _Carriers()


def _stock_carriers(n: int):
    """Start carriers up to `n` idle ones, here. A greenlet inherits the recursion depth of the code that
    first switches into it, for its whole life: a carrier first entered from a deep stack (a thread
    spawned inside a query, or from another such carrier, as carriers ended by interrupts are replaced)
    would leave less room to every thread it carries, and less again to carriers it starts. Started
    from the scheduler's creator instead, each starts at that shallow depth."""
    c = _carriers
    if len(c.idle) >= n:
        return
    c.idle[:] = [g for g in c.idle if not g.dead]
    while len(c.idle) < n:
        g = ControlledGreenlet(c.root)
        g.switch(getcurrent())      # runs `_loop` up to its park, and back
        c.idle.append(g)


def _carrier(job, ident: int) -> ControlledGreenlet:
    c = _carriers
    g = c.idle.pop() if c.idle else None
    while g is not None and g.dead:     # ended by an interrupt after it parked
        g = c.idle.pop() if c.idle else None
    if g is None:
        g = ControlledGreenlet(c.root)
    g.job, g.ident = job, ident
    g.gr_context = None         # each controlled thread starts in an empty contextvars context
    return g


_os_get_ident = _thread.get_ident
_spawned_idents = itertools.count(1)    # far below any OS thread ident (an address)


def get_ident() -> int:
    """The controlled thread's identity inside a spawned one, else the OS thread's."""
    g = getcurrent()
    return g.ident or _os_get_ident() if type(g) is ControlledGreenlet else _os_get_ident()


class ThreadState:
    __slots__ = ("tid", "name", "status", "blocked_on", "position", "is_worker", "glet", "locals", "ident")

    def __init__(self, tid: int, name: str, is_worker: bool):
        self.tid, self.name, self.is_worker = tid, name, is_worker
        self.status = RUNNABLE
        self.blocked_on = None
        self.position = "start"
        self.glet = None
        self.locals: dict = {}
        self.ident = 0


def _tid(t: ThreadState) -> int:
    return t.tid


class ControlledScheduler:
    def __init__(self, strategy: Strategy, threads: int, max_steps: int = DEFAULT_MAX_STEPS):
        self.strategy = strategy
        self._replay = isinstance(strategy, ReplayStrategy)
        self._next_index = strategy.next_index
        # the random strategy's draw is inlined at scheduling points (the same draws as next_index)
        self._bits = strategy._bits if type(strategy) is RandomStrategy else None
        # announced new threads only to a strategy that wants them (PCT gives each a priority)
        self._new_thread = strategy.new_thread if type(strategy).new_thread is not Strategy.new_thread else None
        self.nthreads = threads
        self.max_steps = max_steps
        self.threads: list[ThreadState] = []
        self.runnable: list[int] = []        # tids, ascending
        self.decisions: list[tuple[int, int]] = []   # (index among runnable, how many were runnable)
        self._record = self.decisions.append
        self.steps = 0
        self.progress_at = 0        # the step of the last progress event
        self._step_limit = max_steps    # past this step without progress: livelock
        self.abort: ScheduleAbort | None = None
        self.interrupt: BaseException | None = None   # a KeyboardInterrupt (say) raised in a spawned thread
        self.trace = tracing.claim()   # an observer for reports (compiler.sync.trace); None by default
        self._spawned = 0
        self._done = 0
        self._waiting: dict[int, list[ThreadState]] = {}    # id(resource) -> threads blocked on it
        self.main_glet = getcurrent()
        _stock_carriers(threads + CARRIER_STOCK)
        self.local = ThreadLocals()
        self.current = self._new_state("main", False, self.main_glet, _os_get_ident())
        if self.trace is not None:
            self.yield_point = self._traced_point
        self.local.__dict__ = self.current.locals
        self.detached = False     # after an abort, the main thread reports without the baton
        self.abandoned = False    # the greenlets were collected unfinished (no join_all)

    def _new_state(self, name: str, is_worker: bool, glet=None, ident: int = 0) -> ThreadState:
        t = ThreadState(len(self.threads), name, is_worker)
        t.glet, t.ident = glet, ident
        self._publish(t)
        return t

    def _publish(self, t: ThreadState):
        """The thread exists for the scheduler from here on: listed, then runnable (an interrupt in
        between is repaired by `_interrupted`, which rebuilds `runnable` from the statuses)."""
        if t.tid >= len(_BIT_LENGTH) - 1:
            self._bits = None       # past the table: the strategy's own draw, the same numbers
        self.threads.append(t)
        self.runnable.append(t.tid)
        if self.trace is not None:
            self.trace.thread(t.tid, t.name, t.is_worker)
        if self._new_thread is not None:
            self._new_thread(t.tid)

    def current_ident(self) -> int:
        """The running controlled thread's identity (`Runtime.thread_id()`)."""
        return self.current.ident

    # ---- the baton
    def _choose(self, op: str) -> ThreadState:
        runnable = self.runnable
        n = len(runnable)
        if n == 1:
            return self.threads[runnable[0]]
        if not n:
            self._fail("deadlock", f"deadlock detected at `{op}`: no thread can run")
        bits = self._bits
        if bits is not None:        # RandomStrategy.next_index, inlined as in `yield_point`
            k = _BIT_LENGTH[n]
            index = bits(k)
            while index >= n:
                index = bits(k)
        else:
            index = self._next_index(runnable, self.current.tid, self.steps)
            if self._replay and self.strategy.diverged:
                self._fail("divergence", f"schedule replay diverged: {self.strategy.diverged}")
        self._record(_PAIRS[n][index] if n < 65 else (index, n))
        return self.threads[runnable[index]]

    def _switch(self, nxt: ThreadState):
        cur = self.current
        if nxt is cur:
            return
        if self.trace is not None:
            self.trace.add(self.steps, cur.tid, "preempt" if cur.status is RUNNABLE else "switch", None, nxt.tid)
        self.current = nxt
        self.local.__dict__ = nxt.locals
        try:
            nxt.glet.switch()
        except GreenletExit:
            self._collected()
            raise
        if self.abort is not None:
            self._resumed_into_abort(cur)

    def _collected(self):
        """GreenletExit: the greenlet was collected while parked (a run abandoned without `join_all`).
        It unwinds without the baton; nothing switches any more."""
        self.abandoned = True
        if self.abort is None:
            self.abort = ScheduleAbort("abandoned", "the controlled run was abandoned")
            self._step_limit = -1

    def _resumed_into_abort(self, cur: ThreadState):
        """A parked thread resumed after an abort: it unwinds. The main thread re-raises an interrupt
        that ended a spawned thread."""
        if self.interrupt is not None and cur.tid == 0:
            raise self.interrupt
        raise self.abort

    def _aborted(self):
        if getcurrent() is self.main_glet:
            if self.detached:
                return
            if self.interrupt is not None:
                raise self.interrupt    # the main thread re-raises the interrupt that stopped the run
        raise self.abort

    def detach_main(self):
        """After an abort: let the other threads unwind, then let the main thread use the sync types
        freely to report what happened."""
        self.join_all()
        self.detached = True

    def yield_point(self, op: str):
        """A scheduling point. The hottest path of a controlled run, so `_choose` and `_switch` are
        inlined, and an abort is folded into the step limit (`_step_limit` is -1 after one): one test
        covers both. Traced runs use `_traced_point`, the same steps with the trace's calls. (The `try`
        costs nothing until something raises.)"""
        try:
            cur = self.current
            cur.position = op
            self.steps = steps = self.steps + 1
            if steps > self._step_limit:
                return self._slow_point(op)
            runnable = self.runnable
            n = len(runnable)
            if n < 2:
                if n:
                    return
                self._fail("deadlock", f"deadlock detected at `{op}`: no thread can run")
            bits = self._bits
            if bits is not None:        # RandomStrategy.next_index, inlined
                k = _BIT_LENGTH[n]
                index = bits(k)
                while index >= n:
                    index = bits(k)
            else:
                index = self._next_index(runnable, cur.tid, steps)
                if self._replay and self.strategy.diverged:
                    self._fail("divergence", f"schedule replay diverged: {self.strategy.diverged}")
            self._record(_PAIRS[n][index] if n < 65 else (index, n))
            nxt = self.threads[runnable[index]]
            if nxt is cur:
                return
            self.current = nxt
            self.local.__dict__ = nxt.locals
            nxt.glet.switch()
            if self.abort is not None:
                self._resumed_into_abort(cur)
        except ScheduleAbort:
            raise
        except GreenletExit:
            self._collected()
            raise
        except BaseException as e:
            self._interrupted(e)
            raise

    def _slow_point(self, op: str):
        """Past the step limit: an abort happened (the thread unwinds), or a livelock."""
        if self.abort is not None:
            self.steps -= 1         # no step is taken after an abort
            return self._aborted()
        self._fail("livelock", f"livelock: no progress in {self.max_steps} scheduling steps "
                               "(no query or work item completed)")

    def _traced_point(self, op: str):
        """`yield_point` with the event trace on (see compiler.sync.trace)."""
        try:
            if self.abort is not None:
                return self._aborted()
            cur = self.current
            cur.position = op
            self.steps += 1
            self.trace.add(self.steps, cur.tid, "point", op)
            if self.steps > self._step_limit:
                self._fail("livelock", f"livelock: no progress in {self.max_steps} scheduling steps "
                                       "(no query or work item completed)")
            if len(self.runnable) > 1:
                self._switch(self._choose(op))
        except (ScheduleAbort, GreenletExit):
            raise
        except BaseException as e:
            self._interrupted(e)
            raise

    def wait_until(self, cond, resource, op: str):
        """`Runtime.wait_until` under control: park on `resource` until `cond()` holds."""
        try:
            while not cond():
                self.block(resource, op)
        except (ScheduleAbort, GreenletExit, Exception):
            raise
        except BaseException as e:      # KeyboardInterrupt, say, while testing the condition
            self._interrupted(e)
            raise

    def progress(self):
        """A query or a work item completed: the livelock bound counts steps since the last one."""
        self.progress_at = self.steps
        if self.abort is None:
            self._step_limit = self.steps + self.max_steps

    def block(self, resource, op: str):
        """Park the current thread until `notify(resource)`; the caller re-checks its condition."""
        try:
            if self.abort is not None:
                return self._aborted()
            cur = self.current
            cur.status, cur.blocked_on, cur.position = BLOCKED, resource, op
            key = id(resource)          # a blocked thread keeps its resource alive: the id is its own
            waiting = self._waiting.get(key)
            if waiting is None:
                self._waiting[key] = [cur]
            else:
                waiting.append(cur)
            self.runnable.remove(cur.tid)
            self.steps += 1
            if self.trace is not None:
                self.trace.add(self.steps, cur.tid, "block", op)
            self._switch(self._choose(op))
        except (ScheduleAbort, GreenletExit):
            raise
        except BaseException as e:
            self._interrupted(e)
            raise

    def notify(self, resource):
        """Make every thread blocked on `resource` runnable, in thread order."""
        if not self._waiting:
            return
        try:
            waiting = self._waiting.pop(id(resource), None)
            if waiting is None:
                return
            if len(waiting) > 1:
                waiting.sort(key=_tid)
            woke = False
            for t in waiting:
                if t.status is BLOCKED and t.blocked_on is resource:    # not one that unwound meanwhile
                    t.status, t.blocked_on = RUNNABLE, None
                    self.runnable.append(t.tid)
                    woke = True
                    if self.trace is not None:
                        self.trace.add(self.steps, t.tid, "wake")
            if woke:
                self.runnable.sort()
        except BaseException as e:
            self._interrupted(e)
            raise

    def spawn(self, fn, name: str, is_worker: bool, point: bool = True) -> ThreadState:
        """A new controlled thread, runnable at once. Its state is complete (carrier and all) before it
        is listed, so an interrupt anywhere in here leaves either no thread or a whole one. The spawn is
        a scheduling point unless `point` is false: a spawner that spawns several threads in a row and
        then waits (rayon's `Registry::new`, which spawns every worker and waits until they are primed)
        does nothing another thread could observe between the spawns, so points there add schedules
        but no behaviours."""
        state = ThreadState(len(self.threads), name, is_worker)

        def body():
            try:
                if self.abort is None:
                    fn()
            except (ScheduleAbort, GreenletExit):
                pass
            except BaseException as e:  # noqa: BLE001 - a thread's uncaught exception ends that thread
                self._uncaught(state, e)
            if self.abandoned:
                self._finish(state)
                return None             # the carrier ends, back to whoever collected it
            try:
                nxt = self._exit(state)
            except ScheduleAbort:       # a replay that diverges at this exit
                nxt = None
            if nxt is None:
                nxt = self._unwind_target()
                self.current = nxt
                self.local.__dict__ = nxt.locals
            state.glet = None           # the carrier goes back to the idle list
            return nxt.glet             # and resumes the next thread

        try:
            state.ident = ident = next(_spawned_idents)
            state.glet = _carrier(body, ident)
            self._publish(state)
            self._spawned += 1
            if point:
                self.yield_point(f"spawn {name}")
        except (ScheduleAbort, GreenletExit):
            raise
        except BaseException as e:
            self._interrupted(e)
            raise
        return state

    def _uncaught(self, state: ThreadState, e: BaseException):
        if isinstance(e, Exception):
            # as an OS thread would: report it, end this thread, let the others go on
            sys.stderr.write(f"Exception in controlled thread {state.name}:\n")
            traceback.print_exception(e)
            return
        # KeyboardInterrupt, SystemExit: stop the run; the main thread re-raises it
        if self.interrupt is None:
            self.interrupt = e
        if self.abort is None:
            self._record_abort("interrupt", f"{type(e).__name__} in thread `{state.name}`")

    def _interrupted(self, e: BaseException):
        """An asynchronous exception (a signal handler's KeyboardInterrupt, say) escaped a scheduler
        primitive, perhaps between two of its updates, or ended a carrier and reached the main thread.
        Make the state consistent for the running thread whatever the primitive had done (it is
        `current`, runnable and waits on nothing; `runnable` lists exactly the runnable threads), and
        stop the run: the others unwind, and the main thread re-raises the exception."""
        g = getcurrent()
        cur = self.threads[0] if g is self.main_glet else None
        if cur is None:
            for t in reversed(self.threads):
                if t.glet is g:
                    cur = t
                    break
        if cur is not None:
            if cur.status is BLOCKED:
                waiting = self._waiting.get(id(cur.blocked_on))
                if waiting is not None and cur in waiting:
                    waiting.remove(cur)
                cur.status, cur.blocked_on = RUNNABLE, None
            self.current = cur
            self.local.__dict__ = cur.locals
        self.runnable[:] = [t.tid for t in self.threads if t.status is RUNNABLE]
        if self.interrupt is None and not isinstance(e, ScheduleAbort):
            self.interrupt = e
        if self.abort is None:
            self._record_abort("interrupt", f"{type(e).__name__} in thread `{cur.name if cur else '?'}`")

    def _finish(self, state: ThreadState):
        if state.status is DONE:
            return
        state.status = DONE
        self._done += 1
        if state.tid in self.runnable:
            self.runnable.remove(state.tid)
        if threading._active.get(state.ident) is not None:     # a _DummyThread made by current_thread()
            threading._active.pop(state.ident, None)

    def _exit(self, state: ThreadState) -> ThreadState | None:
        """The thread is finished: the next thread to run, or None after an abort."""
        self._finish(state)
        if self.trace is not None:
            self.trace.add(self.steps, state.tid, "exit")
        self.notify(self)
        if self.abort is not None:
            return None
        if not self.runnable:
            if any(t.status is BLOCKED for t in self.threads):
                self._record_abort("deadlock", f"deadlock detected when thread `{state.name}` exited")
            return None
        nxt = self._choose("exit")
        if self.trace is not None:
            self.trace.add(self.steps, state.tid, "switch", None, nxt.tid)
        self.current = nxt
        self.local.__dict__ = nxt.locals
        return nxt

    def _unwind_target(self) -> ThreadState:
        """After an abort: the next unfinished spawned thread, to unwind; the main thread last."""
        for t in self.threads[1:]:
            if t.status is not DONE:
                if t.glet is None or t.glet.dead:   # its carrier ended by an interrupt
                    self._finish(t)
                    continue
                return t
        return self.threads[0]

    # ---- failure
    def _record_abort(self, kind: str, headline: str):
        lines = [headline, "thread positions:"]
        for t in self.threads:
            where = f"blocked at `{t.position}`" if t.status is BLOCKED else f"{t.status} at `{t.position}`"
            lines.append(f"  #{t.tid} {t.name}: {where}")
        abort = ScheduleAbort(kind, "\n".join(lines))
        self._step_limit = -1       # every later scheduling point takes the slow path
        self.abort = abort

    def _fail(self, kind: str, headline: str):
        self._record_abort(kind, headline)
        raise self.abort

    def join_all(self, timeout: float | None = None):
        """Called by the main thread at the end of a run: let every spawned thread (a deadlock handler
        still unwinding, say) run to its end, so that no run leaks into the next. After an abort, each
        unfinished thread is resumed in turn to unwind. (`timeout` is accepted for callers of the OS
        thread engine; greenlets never need it.)"""
        if getcurrent() is not self.main_glet:
            return
        main = self.threads[0]
        if self.abort is None and not (self.current is main and main.status is RUNNABLE):
            # an exception (a KeyboardInterrupt, say) left the main thread inside the scheduler:
            # stop the run and unwind the others instead of finishing it
            self._record_abort("interrupt", "the main thread was interrupted")
        if self.abort is None:
            try:
                while any(t.status is not DONE for t in self.threads[1:]):
                    self.block(self, "join spawned threads")
            except ScheduleAbort:
                pass
            except BaseException as e:  # interrupted while waiting: stop the run, then re-raise
                self._interrupted(e)
                self._unwind_all()
                raise
        self._unwind_all()

    def _unwind_all(self):
        """After an abort: resume every unfinished thread in turn to unwind; the main thread last. An
        interrupt meanwhile (here, or one that ended a carrier and so came here) does not stop the
        unwinding: it is raised once every thread has unwound."""
        main = self.threads[0]
        pending = None
        while self.abort is not None and not self.abandoned:
            try:
                nxt = self._unwind_target()
                if nxt is main:
                    break
                self.current = nxt
                self.local.__dict__ = nxt.locals
                nxt.glet.switch()   # it raises ScheduleAbort, unwinds, and hands the baton on
            except BaseException as e:  # noqa: BLE001 - raised below, after the unwinding
                self._interrupted(e)
                if pending is None:
                    pending = e
        self.current = main
        self.local.__dict__ = main.locals
        if pending is not None:
            raise pending

    def token(self) -> str:
        return tokens.encode(self.nthreads, self.decisions)
