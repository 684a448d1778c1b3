"""The kernel of bench/kernel.py for frontrun (4 workers x 20 increments under a `threading.Lock`),
explored by frontrun's random strategy and by its DPOR. Run under frontrun's CLI, which its sync
explorers require (bench/run.py does it):

    frontrun python bench/frontrun_kernel.py --strategy random|dpor --runs N

prints `{"strategy": ..., "runs": explored, "seconds": S, "schedules_per_second": R}` (wall time of
the exploration, which stops after N executions)."""
from __future__ import annotations

import argparse
import json
import threading
import time

WORKERS, INCREMENTS = 4, 20


class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()


def worker(c: Counter):
    for _ in range(INCREMENTS):
        with c.lock:
            c.value += 1


def main() -> int:
    import frontrun
    ap = argparse.ArgumentParser()
    ap.add_argument("--strategy", default="random", choices=["random", "dpor"])
    ap.add_argument("--runs", type=int, default=40)
    args = ap.parse_args()
    limits = {"max_attempts": args.runs, "seed": 0} if args.strategy == "random" else \
        {"max_executions": args.runs}
    start = time.perf_counter()
    result = frontrun.explore(setup=Counter, workers=worker, count=WORKERS, strategy=args.strategy,
                              invariant=lambda c: c.value == WORKERS * INCREMENTS, **limits)
    seconds = time.perf_counter() - start
    assert result.property_holds
    print(json.dumps({"strategy": args.strategy, "runs": result.num_explored, "seconds": round(seconds, 3),
                      "schedules_per_second": result.num_explored / seconds,
                      "frontrun": getattr(frontrun, "__version__", "?")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
