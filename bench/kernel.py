"""The kernel of `make bench`'s kernel row: 4 workers x 20 lock-protected increments, written against
`compiler.sync`, run under the controlled scheduler (every lock acquire a scheduling point). A run
spawns the workers, waits for them, checks the count and takes the schedule token, as a stress run
does. Only the public API of `compiler.sync` (Runtime, Lock, the strategies) is used, so the same file
measures any checkout's engine:

    python bench/kernel.py [--root CHECKOUT] [--strategy random|pct] [--runs N]

prints `{"strategy": ..., "runs": N, "seconds": S, "schedules_per_second": R}` (wall time, median of 5
rounds). bench/run.py runs it on this checkout and on the OS-thread engine's last commit."""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

WORKERS, INCREMENTS = 4, 20


def kernel(Runtime, Lock, strategy) -> str:
    rt = Runtime(WORKERS, strategy)
    lock = Lock(rt, [0], name="counter")
    done = []

    def worker():
        for _ in range(INCREMENTS):
            with lock:
                lock.value[0] += 1
        done.append(1)
        rt.notify(done)

    for i in range(WORKERS):
        rt.spawn(worker, f"worker-{i}", True)
    rt.wait_until(lambda: len(done) == WORKERS, done, "join")
    rt.sched.join_all()
    assert lock.value[0] == WORKERS * INCREMENTS
    return rt.token()


def measure(strategy: str, runs: int, rounds: int = 5) -> dict:
    from compiler.sync.runtime import Runtime
    from compiler.sync.strategy import PctStrategy, RandomStrategy
    from compiler.sync.types import Lock
    make = {"random": RandomStrategy, "pct": PctStrategy}[strategy]
    for i in range(min(runs, 50)):            # warm up
        kernel(Runtime, Lock, make(i))
    per_round = []
    for r in range(rounds):
        start = time.perf_counter()
        for i in range(runs):
            kernel(Runtime, Lock, make(r * runs + i))
        per_round.append((time.perf_counter() - start) / runs)
    t = statistics.median(per_round)
    return {"strategy": strategy, "runs": runs * rounds, "seconds": round(sum(per_round) * runs, 3),
            "schedules_per_second": 1 / t}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    ap.add_argument("--strategy", default="random", choices=["random", "pct"])
    ap.add_argument("--runs", type=int, default=400)
    args = ap.parse_args()
    sys.path.insert(0, os.path.abspath(args.root))
    print(json.dumps(measure(args.strategy, args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
