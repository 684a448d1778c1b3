"""Shared-state types (rustc_data_structures::sync): `Lock`, `RefCell`, `Cell`, `AtomicUsize`.

Every operation is a scheduling point in controlled mode. `RefCell` keeps Rust's borrow rules: a
conflicting borrow is the ICE `already borrowed: BorrowMutError`, in every mode."""
from __future__ import annotations

import threading
from contextlib import contextmanager

from compiler.sync.runtime import CONTROLLED, THREADS, Runtime


class BorrowError(Exception):
    """A RefCell borrow conflict: a panic, reported as an ICE."""


class Lock:
    """A mutex. Use as `with lock.lock():` (or `with lock:`)."""

    def __init__(self, rt: Runtime, value=None, name: str = "lock"):
        self.rt, self.value, self.name = rt, value, name
        self._held = False
        self._waiters = 0       # controlled threads blocked on this lock: release notifies only then
        self._os = threading.Lock() if rt.mode == THREADS else None
        self._sched = rt.sched if rt.mode == CONTROLLED else None
        self._op_lock = f"lock {name}"

    def acquire(self):
        sched = self._sched
        if sched is not None:
            sched.yield_point(self._op_lock)
            if self._held:
                self._wait(sched)
            self._held = True
        elif self._os is not None:
            self._os.acquire()

    def _wait(self, sched):
        self._waiters += 1
        try:
            while self._held and sched.abort is None:
                sched.block(self, self._op_lock)
        finally:
            self._waiters -= 1

    def release(self):
        # No scheduling point here: the releasing thread's next sync operation is one, and any
        # interleaving before the release is equivalent to one after it.
        sched = self._sched
        if sched is not None:
            self._held = False
            if self._waiters:
                sched.notify(self)
        elif self._os is not None:
            self._os.release()

    def try_lock(self) -> bool:
        """`Lock::try_lock`: take the lock if it is free. Not a scheduling point: its one caller is the
        deadlock handler's collection of the active jobs, which runs when every worker is asleep or
        blocked, so that no thread is inside a critical section, and rustc relies on that ("this
        shouldn't be locked"). Release with `release()`."""
        if self._sched is not None:
            if self._held:
                return False
            self._held = True
            return True
        if self._os is not None:
            return self._os.acquire(False)
        return True

    def lock(self) -> "Lock":
        return self

    # `with lock:` repeats acquire and release inline: a lock is taken at most scheduling points
    def __enter__(self):
        sched = self._sched
        if sched is not None:
            sched.yield_point(self._op_lock)
            if self._held:
                self._wait(sched)
            self._held = True
        elif self._os is not None:
            self._os.acquire()
        return self

    def __exit__(self, *exc):
        sched = self._sched
        if sched is not None:
            self._held = False
            if self._waiters:
                sched.notify(self)
        elif self._os is not None:
            self._os.release()
        return False


class RefCell:
    def __init__(self, rt: Runtime, value=None, name: str = "refcell"):
        self.rt, self.value, self.name = rt, value, name
        self._borrow = 0   # >0 shared borrows, -1 mutable

    @contextmanager
    def borrow(self):
        self.rt.yield_point(f"borrow {self.name}")
        if self._borrow < 0:
            raise BorrowError("already mutably borrowed: BorrowError")
        self._borrow += 1
        try:
            yield self.value
        finally:
            self._borrow -= 1

    @contextmanager
    def borrow_mut(self):
        self.rt.yield_point(f"borrow_mut {self.name}")
        if self._borrow != 0:
            raise BorrowError("already borrowed: BorrowMutError")
        self._borrow = -1
        try:
            yield self
        finally:
            self._borrow = 0


class Cell:
    def __init__(self, rt: Runtime, value=None, name: str = "cell"):
        self.rt, self._value, self.name = rt, value, name

    def get(self):
        self.rt.yield_point(f"get {self.name}")
        return self._value

    def set(self, value):
        self.rt.yield_point(f"set {self.name}")
        self._value = value


class AtomicUsize:
    def __init__(self, rt: Runtime, value: int = 0, name: str = "atomic"):
        self.rt, self._value, self.name = rt, value, name
        self._os = threading.Lock() if rt.mode == THREADS else None

    def load(self) -> int:
        self.rt.yield_point(f"load {self.name}")
        return self._value

    def fetch_add(self, n: int) -> int:
        self.rt.yield_point(f"fetch_add {self.name}")
        if self._os is not None:
            with self._os:
                old = self._value
                self._value = old + n
                return old
        old = self._value
        self._value = old + n
        return old

    def store(self, value: int):
        self.rt.yield_point(f"store {self.name}")
        self._value = value
