"""`Runtime`: the session's threading mode (serial, free OS threads, controlled) and the three primitives
every sync type is built on: `yield_point`, `wait_until` and `notify`.

Free threads are OS threads; controlled threads are greenlets (see `compiler.sync.scheduler`). In both,
`local` is per thread and `thread_id()` tells the threads apart."""
from __future__ import annotations

import threading

from compiler.sync.scheduler import ControlledScheduler
from compiler.sync.strategy import Strategy

SERIAL, THREADS, CONTROLLED = "serial", "threads", "controlled"


class SerialDeadlock(Exception):
    pass


class Runtime:
    def __init__(self, threads: int, strategy: Strategy | None = None, max_steps: int | None = None):
        self.threads = threads
        if threads <= 1:
            self.mode = SERIAL
        elif strategy is None:
            self.mode = THREADS
        else:
            self.mode = CONTROLLED
        self.parallel = self.mode != SERIAL
        self.sched = None
        self._cv = threading.Condition() if self.mode == THREADS else None
        if self.mode == CONTROLLED:
            kwargs = {"max_steps": max_steps} if max_steps else {}
            sched = self.sched = ControlledScheduler(strategy, threads, **kwargs)
            self.local = sched.local        # the running controlled thread's locals
            # the hot primitives go straight to the scheduler (one call per scheduling point, not two)
            self.yield_point, self.notify, self.progress = sched.yield_point, sched.notify, sched.progress
            self.wait_until, self.spawn = sched.wait_until, sched.spawn
        else:
            self.local = threading.local()

    def yield_point(self, op: str):
        sched = self.sched
        if sched is not None:
            sched.yield_point(op)

    def wait_until(self, cond, resource, op: str):
        if cond():
            return
        if self.sched is not None:
            while not cond():
                self.sched.block(resource, op)
        elif self._cv is not None:
            with self._cv:
                while not cond():
                    self._cv.wait()
        else:
            raise SerialDeadlock(op)

    def progress(self):
        if self.sched is not None:
            self.sched.progress()

    def notify(self, resource):
        if self.sched is not None:
            self.sched.notify(resource)
        elif self._cv is not None:
            with self._cv:
                self._cv.notify_all()

    def thread_id(self) -> int:
        """The current thread's identity: the controlled thread's under control, else the OS thread's."""
        if self.sched is not None:
            return self.sched.current_ident()
        return threading.get_ident()

    def spawn(self, fn, name: str, is_worker: bool, point: bool = True):
        """A new thread. Under control, a greenlet with its own, empty, locals, and the spawn is a
        scheduling point unless `point` is false (see `ControlledScheduler.spawn`)."""
        if self.sched is not None:
            return self.sched.spawn(fn, name, is_worker, point)
        th = threading.Thread(target=fn, name=name, daemon=True)
        th.start()
        return th

    def token(self) -> str | None:
        return self.sched.token() if self.sched is not None else None
