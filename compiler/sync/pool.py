"""The thread pool (rayon-core as rustc uses it): N workers, `par_for_each` with `ParallelGuard`,
`join`, and rayon's deadlock detection: when every worker is asleep or blocked and some worker is
blocked, the registered `deadlock_handler` runs.

Sleep and wake-up follow rayon's sleep module: a worker that finds no work counts itself inactive and
sleeps on its own condition; new work wakes at most as many sleepers as there are jobs for others
(`wake_any_threads(num_jobs)`, lowest index first), and the waker counts each woken worker active
again before it runs (`wake_specific_thread`). A batch of n items gives others n - 1 jobs, as
rustc's `par_for_each_in` splits it with `join`; a batch of one item runs on the caller, as rustc's
`par_slice` runs a slice no longer than its group without a `join`: no job, no wake-up, no latch."""
from __future__ import annotations

import threading
from functools import partial

from compiler.sync.runtime import Runtime

SLEEP_LOCK = "lock registry.sleep"


def _nothing():
    pass


class FatalError(Exception):
    """rustc's `FatalErrorMarker`: a fatal diagnostic was emitted; unwind to the driver."""


class ParallelGuard:
    """Runs every item and keeps one panic to re-raise afterwards, as upstream `ParallelGuard::run`: the
    first panic is kept, and a later panic that is not `FatalError` (an ICE) overwrites it, so the
    last ICE wins and a fatal error never hides an ICE."""

    def __init__(self):
        self.panic: BaseException | None = None

    def record(self, index: int, exc: BaseException):
        if self.panic is None or not isinstance(exc, FatalError):
            self.panic = exc

    def reraise(self):
        if self.panic is not None:
            raise self.panic


class _Batch:
    def __init__(self, items, f, icx):
        self.items, self.f = items, f
        self.icx = icx          # the caller's implicit context, installed around each item (rustc's tls)
        self.next = 0
        self.done = 0
        self.in_flight = 0
        self.stopped = False
        self.guard = ParallelGuard()
        self.first_panic: BaseException | None = None


class ThreadPool:
    def __init__(self, rt: Runtime, deadlock_handler=None, no_parallel_guard: bool = False,
                 steal_while_blocked: bool = False):
        self.rt = rt
        self.steal_while_blocked = steal_while_blocked
        self.n = rt.threads
        self.deadlock_handler = deadlock_handler
        self.no_parallel_guard = no_parallel_guard
        self.batches: list[_Batch] = []
        self.active = self.n
        self.blocked = 0
        self.terminate = False
        self.exited = 0
        self.handler_runs = 0
        self.handler_pending = False
        self._exit_lock = threading.Lock()
        self.sleeping = [False] * self.n    # rayon's per-worker `is_blocked`: asleep until a waker clears it
        self._sleep_states = [object() for _ in range(self.n)]   # resource: "worker i was woken"
        # The registry's sleep lock. No critical section below holds a scheduling point, so under
        # control no thread ever finds it held: taking it is the scheduling point `lock registry.sleep`
        # alone, and releasing it is nothing. Free threads take an OS lock.
        if rt.sched is not None:
            self._lock, self._unlock = partial(rt.sched.yield_point, SLEEP_LOCK), _nothing
            # the batch's owner counts its own items done with no scheduling point: rayon's `join` runs
            # them inline and sets no latch (only a stolen job's thief sets one)
            self._owner_lock = _nothing
        else:
            os_lock = threading.Lock()
            self._lock, self._unlock = os_lock.acquire, os_lock.release
            self._owner_lock = self._lock

    # ---- rayon's counters
    def _change(self, d_active: int, d_blocked: int):
        self._lock()
        try:
            self.active += d_active
            self.blocked += d_blocked
            fire = self.active == 0 and self._should_fire()
        finally:
            self._unlock()
        if fire:
            self.handler_runs += 1
            self.deadlock_handler()

    def _should_fire(self) -> bool:
        """Every worker asleep or blocked, some blocked, and no handler already on its way. Without the
        last condition a worker that wakes for work another took, and sleeps again, starts a second
        handler that finds the cycle already broken."""
        if self.active == 0 and self.blocked > 0 and self.deadlock_handler and not self.handler_pending:
            self.handler_pending = True
            return True
        return False

    def handler_done(self):
        """Called by the deadlock handler's thread when it has resumed its waiter."""
        self._lock()
        try:
            self.handler_pending = False
            fire = self._should_fire()
        finally:
            self._unlock()
        if fire:
            self.handler_runs += 1
            self.deadlock_handler()

    def block_waiter(self, waiter) -> bool:
        """Count the waiter's worker as blocked, unless it was resumed already (while it stole jobs)."""
        self._lock()
        try:
            if waiter.resumed:
                return False
            waiter.blocked = True
            self.active -= 1
            self.blocked += 1
            fire = self._should_fire()
        finally:
            self._unlock()
        if fire:
            self.handler_runs += 1
            self.deadlock_handler()
        return True

    def resume_waiter(self, waiter):
        """Mark a waiter resumed; a blocked one counts as active again before it may run, so that an
        idle worker never sees "every worker blocked" in between and starts the handler spuriously."""
        self._lock()
        try:
            waiter.resumed = True
            if waiter.blocked:
                waiter.blocked = False
                self.active += 1
                self.blocked -= 1
        finally:
            self._unlock()

    # ---- running
    def install(self, fn):
        """Run `fn` on worker 0 with the other workers idle, as rustc runs the compiler in its pool."""
        if not self.rt.parallel:
            return fn()
        result: dict = {}

        def worker(index: int):
            self.rt.local.worker_index = index
            self.rt.local.registry = self
            if index == 0:
                try:
                    result["value"] = fn()
                except BaseException as e:  # noqa: BLE001 - re-raised on the caller
                    result["error"] = e
                    if not isinstance(e, Exception):
                        raise   # ScheduleAbort, or an interrupt: it stops the controlled run
                finally:
                    self.terminate = True
                    self._wake_any(self.n)
            self._main_loop(index)
            with self._exit_lock:       # an OS lock, not a scheduling point: only free threads race here
                self.exited += 1
                last = self.exited == self.n
            if last:    # the pool's termination latch counts the workers down and is set at zero
                self.rt.notify(self)

        # as rayon's `Registry::new`: every worker is spawned, then the caller waits (no scheduling point
        # between the spawns: the spawner does nothing another thread could see)
        for i in range(self.n):
            self.rt.spawn(lambda i=i: worker(i), f"rustc-worker-{i}", True, point=False)
        self.rt.wait_until(lambda: self.exited == self.n, self, "install: wait for the pool")
        if "error" in result:
            raise result["error"]
        return result.get("value")

    def _take(self):
        for b in self.batches:
            if b.next < len(b.items) and not b.stopped:
                return b
        return None

    def _main_loop(self, index: int):
        """rayon's `wait_until_cold` loop. Finding work and claiming it is one step, as rayon's steal is
        one compare-and-swap on a deque; finding none, the worker flags itself asleep and inactive in
        the same critical section (rayon's `Sleep::sleep`, whose jobs event counter keeps a worker from
        sleeping through work posted after it last looked), then runs the deadlock check."""
        rt = self.rt
        sleeping = self.sleeping
        lock, unlock = self._lock, self._unlock
        sleep_state = self._sleep_states[index]

        def woken():
            return not sleeping[index]

        while True:
            lock()
            try:
                b = self._take()
                if b is not None:
                    i = b.next
                    b.next += 1
                    b.in_flight += 1
                elif self.terminate:
                    return
                else:
                    sleeping[index] = True
                    self.active -= 1
                    fire = self.active == 0 and self._should_fire()
            finally:
                unlock()
            if b is not None:
                self._run_item(b, i)
                continue
            if fire:
                self.handler_runs += 1
                self.deadlock_handler()
            rt.wait_until(woken, sleep_state, "worker: sleep")

    def _wake_any(self, num_jobs: int):
        """rayon's `wake_any_threads`: wake up to `num_jobs` sleeping workers, lowest index first, each
        counted active by the waker. Nobody asleep (a plain read, as rayon's atomic counters): no lock."""
        if num_jobs <= 0 or True not in self.sleeping:
            return
        woke = []
        self._lock()
        try:
            for i in range(self.n):
                if len(woke) == num_jobs:
                    break
                if self.sleeping[i]:
                    self.sleeping[i] = False
                    self.active += 1
                    woke.append(i)
        finally:
            self._unlock()
        for i in woke:
            self.rt.notify(self._sleep_states[i])

    def _run_one(self, b: _Batch):
        self._lock()
        try:
            if b.next >= len(b.items) or b.stopped:
                return
            i = b.next
            b.next += 1
            b.in_flight += 1
        finally:
            self._unlock()
        self._run_item(b, i)

    def _run_item(self, b: _Batch, i: int, lock=None):
        """Run item `i`, claimed by this thread, and count it done (under `lock`, by default the sleep
        lock; the batch's owner passes `_owner_lock`)."""
        local = self.rt.local
        saved = getattr(local, "icx", None)
        local.icx = b.icx
        try:
            b.f(b.items[i])
        except Exception as e:  # a panic inside one item
            if self.no_parallel_guard:
                if b.first_panic is None:
                    b.first_panic = e
                b.stopped = True
            else:
                b.guard.record(i, e)
        finally:
            local.icx = saved
            (lock or self._lock)()
            try:
                b.in_flight -= 1
                b.done += 1
                finished = b.in_flight == 0 and (b.done == len(b.items) or b.stopped)
            finally:
                self._unlock()
            self.rt.progress()
            if finished:    # the batch's count latch is set when its last item is done (or it stopped)
                self.rt.notify(b)

    def steal_while_waiting(self, done):
        """Before PR #143035 a worker that waited (in `join`, a scope, or on a query latch) ran other
        jobs meanwhile. Fixed: a worker takes jobs only in its main loop, so this does nothing."""
        if not self.steal_while_blocked:
            return
        while not done():
            b = self._take()
            if b is None:
                return
            self._run_one(b)

    def par_for_each(self, items, f):
        items = list(items)
        rt = self.rt
        if not rt.parallel:
            return self._serial_for_each(items, f)
        n = len(items)
        if n <= 1:
            # rustc's `par_slice` runs a slice of one item on the caller: no job, nothing to steal
            for item in items:
                f(item)
                rt.progress()
            return
        b = _Batch(items, f, getattr(rt.local, "icx", None))
        self.batches.append(b)
        self._wake_any(n - 1)               # the caller runs one item itself
        lock, unlock = self._lock, self._unlock
        while b.next < n and not b.stopped:     # `_run_one`, inlined
            lock()
            try:
                if b.next >= n or b.stopped:
                    break
                i = b.next
                b.next += 1
                b.in_flight += 1
            finally:
                unlock()
            self._run_item(b, i, self._owner_lock)

        def finished():
            return b.in_flight == 0 and (b.done == n or b.stopped)

        if self.steal_while_blocked:
            self.steal_while_waiting(finished)
        if not finished():
            self._change(-1, 0)
            self.rt.wait_until(finished, b, "par_for_each: wait for items")
            self._change(+1, 0)
        self.batches.remove(b)
        if b.first_panic is not None:
            raise b.first_panic
        b.guard.reraise()

    def _serial_for_each(self, items, f):
        """The serial `par_for_each_in` caught each item's panic before PR #97307 too: with or
        without the injection, nothing is lost at one thread."""
        guard = ParallelGuard()
        for i, item in enumerate(items):
            try:
                f(item)
            except Exception as e:
                guard.record(i, e)
        guard.reraise()

    def join(self, a, b):
        out = [None, None]

        def run(i):
            out[i] = (a, b)[i]()

        self.par_for_each([0, 1], run)
        return out[0], out[1]
