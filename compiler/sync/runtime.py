"""`Runtime`: the session's threading mode (serial, free OS threads, controlled) and the three primitives
every sync type is built on: `yield_point`, `wait_until` and `notify`."""
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
        self.sched = None
        if self.mode == CONTROLLED:
            kwargs = {"max_steps": max_steps} if max_steps else {}
            self.sched = ControlledScheduler(strategy, threads, **kwargs)
        self._cv = threading.Condition() if self.mode == THREADS else None
        self.local = threading.local()

    @property
    def parallel(self) -> bool:
        return self.mode != SERIAL

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

    def spawn(self, fn, name: str, is_worker: bool):
        if self.sched is not None:
            def fresh():
                self.local.__dict__.clear()   # carrier threads are reused: start with no thread-locals
                fn()
            return self.sched.spawn(fresh, name, is_worker)
        th = threading.Thread(target=fn, name=name, daemon=True)
        th.start()
        return th

    def token(self) -> str | None:
        return self.sched.token() if self.sched is not None else None
