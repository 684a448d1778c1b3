"""`WorkerLocal<T>`: one value per worker of the thread pool that created it.

As in rustc_data_structures::sync::WorkerLocal, using it from a thread that is not a worker of that
pool (the deadlock handler's thread, say) panics."""
from __future__ import annotations

from compiler.sync.runtime import Runtime

WORKER_LOCAL_PANIC = "WorkerLocal can only be used on the thread pool it was created on"


class WorkerLocalPanic(Exception):
    pass


class WorkerLocal:
    def __init__(self, rt: Runtime, registry, init):
        self.rt, self.registry = rt, registry
        self.values = [init(i) for i in range(max(rt.threads, 1))]

    def get(self):
        # No scheduling point: as `WorkerLocal::deref`, this reads only the current thread's own slot
        # (its worker index, from thread-local state); no other thread can interfere with it.
        if not self.rt.parallel:
            return self.values[0]
        index = getattr(self.rt.local, "worker_index", None)
        if index is None or getattr(self.rt.local, "registry", None) is not self.registry:
            raise WorkerLocalPanic(WORKER_LOCAL_PANIC)
        return self.values[index]
