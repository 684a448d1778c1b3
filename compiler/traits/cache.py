"""The global `EvaluationCache` (rustc_middle::traits::select): (param-env, predicate) -> (result, dep node).

With `-Z verify-caches`, inserting over an existing, different entry is rustc's ICE
`assertion failed: *old == value`."""
from __future__ import annotations

from compiler.query.plumbing import IceError
from compiler.sync.types import Lock


class EvaluationCache:
    def __init__(self, rt, verify: bool):
        self.lock = Lock(rt, name="EvaluationCache")
        self.map: dict = {}
        self.verify = verify

    def get(self, key):
        with self.lock:
            return self.map.get(key)

    def insert(self, key, value):
        with self.lock:
            old = self.map.get(key)
            if old is not None and old != value and self.verify:
                raise IceError("assertion failed: *old == value")
            self.map[key] = value
