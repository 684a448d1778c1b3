"""`make bench`: detection and speed figures for the schedule engine, written to reports/bench.json.

Measured, for each injected bug of the catalogue, on the bug's own UI test:
  * schedules to first detection (median over 20 seeds) for the default `portfolio`, `random`, `pct`, and
    free-running OS threads
    with `sys.setswitchinterval` tiny; a run "detects" when its stderr differs from the fixed compiler's
    blessed output. Searches stop at CAP runs; a seed that never detects counts as CAP+1 (shown as ">CAP").
And, on a 10-line UI test at -Z threads=4, in-process:
  * controlled schedules per second (random and pct);
  * the time of one controlled run over the time of the same run at -Z threads=1;
  * memory over 2,000 consecutive controlled runs (tracemalloc; growth per run after warm-up).
Figures are ratios or counts measured in this run; the machines are noisy, so no target is asserted.
"""
from __future__ import annotations

import gc
import io
import json
import os
import statistics
import sys
import time
import tracemalloc
import zlib
from concurrent.futures import ProcessPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.chdir(ROOT)

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from compiler import bugs  # noqa: E402
from compiler.driver import run_compiler  # noqa: E402
from harness.fsutil import write_atomic  # noqa: E402
from harness.uitest.runner import normalize, read_expected, spec_for  # noqa: E402
from harness.uitest.test import UiTest  # noqa: E402

SEEDS = 20
CAP = 200
SPEED_TEST = "ui_tests/parallel/worker-local-cycle-handler.rs"   # 10 lines
MEMORY_RUNS = 2000


def _detect_one(args):
    bug, path, strategy, seed = args
    test = UiTest.load(path)
    rev = "fixed" if "fixed" in test.revisions else None     # global-attr-id's test has no revisions
    props = test.props(rev)
    expected = read_expected(test.expected_path(rev))
    if strategy == "threads":
        sys.setswitchinterval(1e-6)
    for i in range(1, CAP + 1):
        sched = [] if strategy == "threads" else \
            ["-Z", f"schedule={spec_for(strategy, zlib.crc32(f'{bug}/{seed}'.encode()) * 1000 + i, i - 1)}"]
        out = io.StringIO()
        status = run_compiler(["-Z", "threads=4", *sched, "-Z", "ui-testing", "-Z", f"inject-bug={bug}",
                               *props.flags(), path], out, env=props.rustc_env or None)
        if normalize(out.getvalue(), test, props.normalize) != expected or status != props.expected_status:
            return i
    return CAP + 1


def detection(pool) -> dict:
    out = {}
    for bug in bugs.CATALOGUE.values():
        path = bug.tests[0]
        row = {}
        for strategy in ("portfolio", "random", "pct", "threads"):
            counts = list(pool.map(_detect_one, [(bug.name, path, strategy, s) for s in range(SEEDS)]))
            row[strategy] = {"median": statistics.median(counts), "per_seed": counts,
                             "found": sum(c <= CAP for c in counts)}
        out[bug.name] = row
    return out


def _time_runs(argv_for, n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        run_compiler(argv_for(i), io.StringIO())
    return time.perf_counter() - start


def speed() -> dict:
    serial = _time_runs(lambda i: ["-Z", "ui-testing", SPEED_TEST], 300) / 300
    res = {"test": SPEED_TEST, "serial_ms": serial * 1000}
    for strategy in ("random", "pct"):
        t = _time_runs(lambda i: ["-Z", "threads=4", "-Z", f"schedule={strategy}:{i}", "-Z", "ui-testing",
                                  SPEED_TEST], 300) / 300
        res[strategy] = {"schedules_per_second": 1 / t, "ms_per_run": t * 1000, "controlled_over_serial": t / serial}
    return res


def memory() -> dict:
    tracemalloc.start()
    marks = []
    for i in range(MEMORY_RUNS):
        run_compiler(["-Z", "threads=4", "-Z", f"schedule=random:{i}", "-Z", "ui-testing", SPEED_TEST], io.StringIO())
        if i % 250 == 249:
            gc.collect()
            marks.append((i + 1, tracemalloc.get_traced_memory()[0]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    (r0, m0), (r1, m1) = marks[1], marks[-1]
    return {"runs": MEMORY_RUNS, "traced_bytes_at": marks, "peak_bytes": peak,
            "growth_bytes_per_run_after_500": (m1 - m0) / (r1 - r0)}


def fmt_count(c) -> str:
    return f">{CAP}" if c > CAP else f"{c:g}"


def main() -> int:
    console = Console()
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        det = detection(pool)
    spd = speed()
    mem = memory()
    doc = {"kind": "bench", "seeds": SEEDS, "cap": CAP, "detection": det, "speed": spd, "memory": mem,
           "seconds": round(time.perf_counter() - started, 1), "python": sys.version.split()[0]}
    write_atomic(os.path.join(ROOT, "reports", "bench.json"), json.dumps(doc, indent=2) + "\n")

    t = Table(title=f"schedules to first detection (median of {SEEDS} seeds; cap {CAP})")
    for col in ("injected bug", "portfolio (default)", "random", "pct", "free OS threads",
                "found (portfolio/random/pct/threads)"):
        t.add_column(col)
    for name, row in det.items():
        t.add_row(name, fmt_count(row["portfolio"]["median"]), fmt_count(row["random"]["median"]),
                  fmt_count(row["pct"]["median"]), fmt_count(row["threads"]["median"]),
                  "/".join(str(row[k]["found"]) for k in ("portfolio", "random", "pct", "threads")) + f" of {SEEDS}")
    console.print(t)
    s = Table(title=f"speed on {SPEED_TEST} at -Z threads=4, in-process")
    for col in ("strategy", "schedules/s", "ms/run", "controlled / serial"):
        s.add_column(col)
    for strategy in ("random", "pct"):
        r = spd[strategy]
        s.add_row(strategy, f"{r['schedules_per_second']:.0f}", f"{r['ms_per_run']:.2f}",
                  f"{r['controlled_over_serial']:.2f}")
    s.add_row("serial (-Z threads=1)", "", f"{spd['serial_ms']:.2f}", "1.00")
    console.print(s)
    console.print(f"memory over {MEMORY_RUNS} controlled runs: peak {mem['peak_bytes'] / 1e6:.2f} MB traced, "
                  f"growth {mem['growth_bytes_per_run_after_500']:.1f} bytes/run after run 500")
    console.print(f"written to reports/bench.json in {doc['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
