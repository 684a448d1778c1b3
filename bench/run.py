"""`make bench`: detection and speed figures for the schedule engine, written to reports/bench.json.

Measured, for each injected bug of the catalogue, on the bug's own UI test:
  * schedules to first detection (median over 20 seeds) for the default `portfolio`, `random`, `pct`, and
    free-running OS threads
    with `sys.setswitchinterval` tiny; a run "detects" when its stderr differs from the fixed compiler's
    blessed output. Searches stop at CAP runs; a seed that never detects counts as CAP+1 (shown as ">CAP").
And, on a 10-line UI test at -Z threads=4, in-process:
  * controlled schedules per second (random and pct);
  * the time of one controlled run over the time of the same run at -Z threads=1 (after a warm-up, in
    rounds of one batch per mode, each ratio against its own round's serial batch, the median over the
    rounds; then the median over SPEED_PROCESSES fresh processes, since a process's hash seed and memory
    layout shift the figure too: the machines are shared and noisy);
  * memory over 10,000 consecutive controlled runs (tracemalloc and RSS; growth per run after warm-up).
And the kernel row (bench/kernel.py: 4 workers x 20 lock-protected increments written against
compiler.sync), schedules per second, each in its own process:
  * this checkout's engine (greenlets), random and pct;
  * the OS-thread engine it replaced (compiler/ at BASELINE_REV, from git), random and pct, as a
    process is scheduled by default and pinned to one CPU (its best case: a handoff between OS threads
    on one core avoids waking an idle one);
  * frontrun 0.7.0 on the same kernel under a `threading.Lock` (bench/frontrun_kernel.py), random and
    DPOR; skipped with a message where frontrun is not installed (`pip install -e '.[bench]'`).
Figures are ratios or counts measured in this run; the machines are noisy, so no target is asserted.
`make bench` compiles the bytecode first (`compileall`), as an installed checkout has it: modules
compiled in memory at import (PYTHONDONTWRITEBYTECODE with no .pyc) lay their code out differently, and
the controlled runs, which run more distinct code, measured 0.06 (random) to 0.14 (PCT) higher then.
"""
from __future__ import annotations

import gc
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
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
MEMORY_RUNS = 10_000
MEMORY_MARK = 1000
SPEED_PROCESSES = 7
# the last commit whose controlled engine ran on OS threads (carrier threads and a lock handoff)
BASELINE_REV = "be6c428"


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


def speed_in_process(rounds: int = 30, batch: int = 20) -> dict:
    """Serial, random and pct runs after a warm-up, in rounds of one batch each (the order rotating from
    round to round). A batch's ratio is taken against the serial batch of its own round, so a machine
    that speeds up or slows down between rounds moves both; the figures are the medians over the
    rounds, with the quartiles of the ratio."""
    argv = {"serial": lambda i: ["-Z", "ui-testing", SPEED_TEST]}
    for strategy in ("random", "pct"):
        argv[strategy] = lambda i, s=strategy: ["-Z", "threads=4", "-Z", f"schedule={s}:{i}", "-Z", "ui-testing",
                                                SPEED_TEST]
    for f in argv.values():
        for i in range(30):
            run_compiler(f(i), io.StringIO())
    modes = list(argv)
    times: dict = {k: [] for k in modes}
    for r in range(rounds):
        for k in modes[r % 3:] + modes[:r % 3]:
            f = argv[k]
            start = time.perf_counter()
            for i in range(batch):
                run_compiler(f(r * batch + i), io.StringIO())
            times[k].append((time.perf_counter() - start) / batch)
    res = {"test": SPEED_TEST, "runs_per_mode": rounds * batch, "rounds": rounds,
           "serial_ms": statistics.median(times["serial"]) * 1000}
    for strategy in ("random", "pct"):
        ratios = [t / s for t, s in zip(times[strategy], times["serial"])]
        t = statistics.median(times[strategy])
        q1, _, q3 = statistics.quantiles(ratios, n=4)
        res[strategy] = {"schedules_per_second": 1 / t, "ms_per_run": t * 1000,
                         "controlled_over_serial": statistics.median(ratios), "ratio_quartiles": [q1, q3]}
    return res


def speed(processes: int = SPEED_PROCESSES) -> dict:
    """`speed_in_process` in fresh processes, one after another, and the medians over them. A process's
    hash seed and memory layout shift both modes' times by a few percent, differently in each process
    (the reason pyperf spreads a benchmark over worker processes), so one process's ratio is a sample,
    not the figure."""
    runs = [_kernel_process([os.path.abspath(__file__), "--speed-process"]) for _ in range(processes)]
    res = {"test": SPEED_TEST, "processes": processes, "rounds": runs[0]["rounds"],
           "runs_per_mode": sum(r["runs_per_mode"] for r in runs),
           "serial_ms": statistics.median(r["serial_ms"] for r in runs)}
    for strategy in ("random", "pct"):
        per = [r[strategy] for r in runs]
        ratios = [p["controlled_over_serial"] for p in per]
        ms = statistics.median(p["ms_per_run"] for p in per)
        res[strategy] = {"schedules_per_second": 1000 / ms, "ms_per_run": ms,
                         "controlled_over_serial": statistics.median(ratios),
                         "per_process": ratios, "ratio_range": [min(ratios), max(ratios)]}
    return res


def _kernel_process(args: list[str], cwd: str = ROOT, prefix: list[str] | None = None) -> dict:
    p = subprocess.run([*(prefix or []), sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                       timeout=600)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{p.stderr}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def _baseline_tree(tmp: str) -> str | None:
    """compiler/ at BASELINE_REV, extracted from git into `tmp`; None where that cannot be done."""
    if shutil.which("git") is None:
        return None
    archive = subprocess.run(["git", "archive", BASELINE_REV, "compiler"], cwd=ROOT, capture_output=True)
    if archive.returncode != 0:
        return None
    subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
    return tmp


def kernel_row() -> dict:
    script = os.path.join(ROOT, "bench", "kernel.py")
    res: dict = {"kernel": "4 workers x 20 lock-protected increments (bench/kernel.py)", "engines": {}}
    res["engines"]["greenlets"] = {s: _kernel_process([script, "--strategy", s]) for s in ("random", "pct")}
    with tempfile.TemporaryDirectory() as tmp:
        root = _baseline_tree(tmp)
        if root is None:
            res["baseline_skipped"] = f"the OS-thread engine ({BASELINE_REV}) is not available from git here"
        else:
            res["baseline_rev"] = BASELINE_REV
            res["engines"]["os-threads"] = {s: _kernel_process([script, "--root", root, "--strategy", s, "--runs", "100"])
                                            for s in ("random", "pct")}
            pin = ["taskset", "-c", "0"] if shutil.which("taskset") else None
            if pin:
                res["engines"]["os-threads, one CPU"] = {
                    s: _kernel_process([script, "--root", root, "--strategy", s, "--runs", "100"], prefix=pin)
                    for s in ("random", "pct")}
    frontrun = shutil.which("frontrun", path=os.path.dirname(sys.executable)) or shutil.which("frontrun")
    if frontrun is None:
        res["frontrun_skipped"] = "frontrun is not installed (pip install -e '.[bench]'): no frontrun column"
    else:
        fr = os.path.join(ROOT, "bench", "frontrun_kernel.py")
        res["engines"]["frontrun"] = {"random": _kernel_process([fr, "--strategy", "random", "--runs", "40"],
                                                                prefix=[frontrun]),
                                      "dpor": _kernel_process([fr, "--strategy", "dpor", "--runs", "100"],
                                                              prefix=[frontrun])}
    return res


def _rss_bytes() -> int:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def memory() -> dict:
    tracemalloc.start()
    marks = []
    for i in range(MEMORY_RUNS):
        run_compiler(["-Z", "threads=4", "-Z", f"schedule=random:{i}", "-Z", "ui-testing", SPEED_TEST], io.StringIO())
        if i % MEMORY_MARK == MEMORY_MARK - 1:
            gc.collect()
            marks.append((i + 1, tracemalloc.get_traced_memory()[0], _rss_bytes()))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    (r0, m0, rss0), (r1, m1, rss1) = marks[len(marks) // 2 - 1], marks[-1]     # the second half
    return {"runs": MEMORY_RUNS, "traced_bytes_at": [[r, m] for r, m, _ in marks],
            "rss_bytes_at": [[r, rss] for r, _, rss in marks], "peak_bytes": peak, "growth_from_run": r0,
            "growth_bytes_per_run": (m1 - m0) / (r1 - r0), "rss_growth_bytes_per_run": (rss1 - rss0) / (r1 - r0)}


def fmt_count(c) -> str:
    return f">{CAP}" if c > CAP else f"{c:g}"


def speed_only(console) -> int:
    """`python bench/run.py --speed`: the speed rows alone (controlled/serial on the 10-line test, same
    methodology and same run for both strategies) and this checkout's kernel row, written to
    reports/bench-speed.json."""
    spd = speed()
    script = os.path.join(ROOT, "bench", "kernel.py")
    krn = {s: _kernel_process([script, "--strategy", s]) for s in ("random", "pct")}
    doc = {"kind": "bench-speed", "when": time.strftime("%Y-%m-%d %H:%M"), "speed": spd,
           "kernel_greenlets": krn, "load_average": list(os.getloadavg())}
    write_atomic(os.path.join(ROOT, "reports", "bench-speed.json"), json.dumps(doc, indent=2) + "\n")
    for strategy in ("random", "pct"):
        r = spd[strategy]
        lo, hi = r["ratio_range"]
        console.print(f"{strategy}: {r['ms_per_run']:.3f} ms/run, {r['schedules_per_second']:.0f} schedules/s, "
                      f"controlled/serial {r['controlled_over_serial']:.2f} (median of {spd['processes']} processes, "
                      f"{lo:.2f}-{hi:.2f}); kernel "
                      f"{krn[strategy]['schedules_per_second']:.0f} schedules/s")
    console.print(f"serial (-Z threads=1): {spd['serial_ms']:.3f} ms/run; written to reports/bench-speed.json")
    return 0


def main() -> int:
    # piped output (a CI log): wide enough that no name or figure is cut, and no line wrapped
    console = Console(soft_wrap=True) if sys.stdout.isatty() else Console(soft_wrap=True, width=200)
    if "--speed-process" in sys.argv[1:]:
        print(json.dumps(speed_in_process()))
        return 0
    if "--speed" in sys.argv[1:]:
        return speed_only(console)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        det = detection(pool)
    spd = speed()
    krn = kernel_row()
    mem = memory()
    doc = {"kind": "bench", "seeds": SEEDS, "cap": CAP, "detection": det, "speed": spd, "kernel": krn, "memory": mem,
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
    s = Table(title=f"speed on {SPEED_TEST} at -Z threads=4, in-process (medians over {spd['processes']} "
                    f"processes of {spd['rounds']} rounds of interleaved batches each, after a warm-up)")
    for col in ("strategy", "schedules/s", "ms/run", "controlled / serial", "range over the processes"):
        s.add_column(col)
    for strategy in ("random", "pct"):
        r = spd[strategy]
        lo, hi = r["ratio_range"]
        s.add_row(strategy, f"{r['schedules_per_second']:.0f}", f"{r['ms_per_run']:.2f}",
                  f"{r['controlled_over_serial']:.2f}", f"{lo:.2f}-{hi:.2f}")
    s.add_row("serial (-Z threads=1)", "", f"{spd['serial_ms']:.2f}", "1.00", "")
    console.print(s)
    k = Table(title=f"kernel: {krn['kernel']}, schedules/s, one process each")
    for col in ("engine", "strategy", "schedules/s", "greenlets over it (same strategy; DPOR: random)"):
        k.add_column(col)
    ours = krn["engines"]["greenlets"]
    for engine, rows in krn["engines"].items():
        for strategy, r in rows.items():
            mine = ours.get(strategy, ours["random"])["schedules_per_second"]
            k.add_row(engine, strategy, f"{r['schedules_per_second']:.0f}",
                      "" if engine == "greenlets" else f"{mine / r['schedules_per_second']:.1f}x")
    console.print(k)
    for key in ("baseline_skipped", "frontrun_skipped"):
        if key in krn:
            console.print(f"skipped: {krn[key]}")
    console.print(f"memory over {MEMORY_RUNS} controlled runs: peak {mem['peak_bytes'] / 1e6:.2f} MB traced; "
                  f"from run {mem['growth_from_run']} on, {mem['growth_bytes_per_run']:.1f} bytes/run traced and "
                  f"{mem['rss_growth_bytes_per_run']:.1f} bytes/run RSS")
    console.print(f"written to reports/bench.json in {doc['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
