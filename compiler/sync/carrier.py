"""Carrier threads: parked OS threads reused across controlled runs, so that a run does not pay for
thread creation. A carrier runs one controlled thread's body at a time, then parks again."""
from __future__ import annotations

import threading

_idle: list["Carrier"] = []
_idle_lock = threading.Lock()


class Carrier:
    def __init__(self):
        self.go = threading.Lock()
        self.go.acquire()
        self.job = None
        threading.Thread(target=self._loop, name="minirustc-carrier", daemon=True).start()

    def _loop(self):
        while True:
            self.go.acquire()
            job, self.job = self.job, None
            try:
                job()
            finally:
                with _idle_lock:
                    _idle.append(self)


def run_on_carrier(fn):
    with _idle_lock:
        c = _idle.pop() if _idle else None
    if c is None:
        c = Carrier()
    c.job = fn
    c.go.release()
