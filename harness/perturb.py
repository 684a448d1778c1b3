"""Perturbation of processes the harness cannot schedule: ways to push a real rustc's threads into
other interleavings. Each knob is deterministic from its seed.

- `none`: runs one after another, as given;
- `sweep`: cycle the thread count through 2, 3, 4, 8, 16;
- `affinity`: pin each run to one CPU, so its threads time-slice on one core;
- `load`: one busy process per CPU in the background while the runs go;
- `stagger`: two runs at once, the second started after a seeded delay.
"""
from __future__ import annotations

import contextlib
import os
import random
from dataclasses import dataclass

KNOBS = ("none", "sweep", "affinity", "load", "stagger")
SWEEP = (2, 3, 4, 8, 16)
# measured with `make bench` (reports/perturb.json): the knob with the most ICEs per CPU-second
DEFAULT = "none"


def _spin():                                     # pragma: no cover - runs in the load processes
    while True:
        pass


@dataclass
class Perturbation:
    knob: str = "none"
    seed: int = 0

    def __post_init__(self):
        if self.knob not in KNOBS:
            raise ValueError(f"unknown perturbation `{self.knob}`; expected one of {', '.join(KNOBS)}")
        self._rng = random.Random(self.seed)

    @property
    def concurrency(self) -> int:
        return 2 if self.knob == "stagger" else 1

    def threads_for(self, index: int, threads: int | None) -> int | None:
        if self.knob == "sweep":
            return SWEEP[index % len(SWEEP)]
        return threads

    def preexec(self, index: int):
        if self.knob != "affinity" or not hasattr(os, "sched_setaffinity"):
            return None
        cpus = sorted(os.sched_getaffinity(0))
        cpu = cpus[index % len(cpus)]
        return lambda: os.sched_setaffinity(0, {cpu})

    def start_delay(self, index: int, typical_seconds: float) -> float:
        """The delay before run `index` starts (stagger: odd runs start part-way into the even ones)."""
        if self.knob != "stagger" or index % 2 == 0:
            return 0.0
        return self._rng.uniform(0.0, 0.5) * typical_seconds

    @contextlib.contextmanager
    def background(self):
        if self.knob != "load":
            yield
            return
        import multiprocessing
        ctx = multiprocessing.get_context("fork")
        procs = [ctx.Process(target=_spin, daemon=True) for _ in range(os.cpu_count() or 1)]
        for p in procs:
            p.start()
        try:
            yield
        finally:
            for p in procs:
                p.kill()
            for p in procs:
                p.join()

    def describe(self) -> str:
        return {"none": "none", "sweep": f"thread-count sweep {','.join(map(str, SWEEP))}",
                "affinity": "each run pinned to one CPU", "load": "one busy process per CPU",
                "stagger": "two concurrent runs, staggered starts"}[self.knob]
