"""`make bench`, real-rustc part: figures for the rustc backend, written to reports/bench-rustc.json.

  * perturbation: for each knob (none, sweep, affinity, load, stagger), the ICE rate on the four
    reproducers in ui_tests/rustc and ICEs per CPU-second (the compiler's CPU time, plus the burnt
    CPU of the background load for `load`). The best knob is the harness's default.
  * overhead: `harness stress --compiler rustc FILE --runs K` against a bare shell loop of the same
    K+1 rustc commands (one at -Z threads=1, K at the test's threads), wall time, median of 5 rounds,
    for K = 10 and 100, split into a fixed start-up cost and a per-run cost.
Skipped with a message where rustc is not installed. Figures are ratios measured in this run."""
from __future__ import annotations

import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
os.chdir(ROOT)

from rich.console import Console  # noqa: E402
from rich.table import Table  # noqa: E402

from harness import backends  # noqa: E402
from harness.fsutil import write_atomic  # noqa: E402
from harness.iterate import IterConfig, RevisionRunner  # noqa: E402
from harness.outcome import DELAYED_BUG, ICE  # noqa: E402
from harness.perturb import KNOBS, Perturbation  # noqa: E402
from harness.stress import find_tests  # noqa: E402
from harness.uitest.test import UiTest  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUSTC_RUNS", "40"))
OVERHEAD_RUNS = (10, 100)
# a file whose rustc output is the same at every thread count: an ICE reproducer would make the two
# loops do different work (an ICE run and a clean run differ in time)
OVERHEAD_TEST = "bench/overhead/type-errors.rs"
ROUNDS = 5


def perturbation(backend) -> dict:
    tests = [UiTest.load(p) for p in find_tests(["ui_tests/rustc"])]
    out = {}
    knobs = [k for k in os.environ.get("BENCH_KNOBS", ",".join(KNOBS)).split(",") if k]
    for knob in knobs:
        pert = Perturbation(knob, seed=0)
        row = {"tests": {}, "ices": 0, "runs": 0, "cpu_seconds": 0.0, "wall_seconds": 0.0}
        for test in tests:
            start = time.perf_counter()
            rep = RevisionRunner(backend, IterConfig(runs=RUNS, perturb=pert)).run(test, None)
            wall = time.perf_counter() - start
            ices = sum(1 for r in rep.runs if r.cls in (ICE, DELAYED_BUG))
            cpu = sum(r.cpu_seconds for r in rep.runs)
            if knob == "load":
                cpu += wall * (os.cpu_count() or 1)        # the load processes burn every CPU meanwhile
            row["tests"][test.path] = {"ices": ices, "runs": len(rep.runs), "cpu_seconds": round(cpu, 3)}
            row["ices"] += ices
            row["runs"] += len(rep.runs)
            row["cpu_seconds"] += cpu
            row["wall_seconds"] += wall
        row["ices_per_cpu_second"] = row["ices"] / row["cpu_seconds"] if row["cpu_seconds"] else 0.0
        row["ice_rate"] = row["ices"] / row["runs"] if row["runs"] else 0.0
        out[knob] = row
    return out


def overhead(backend) -> dict:
    """Harness vs a bare shell loop of the same K+1 rustc commands, for K = 10 and K = 100: the overhead
    at each K, and its split into a fixed start-up cost and a per-run cost (the slope)."""
    test = UiTest.load(OVERHEAD_TEST)
    props = test.props(None)
    env = "RUSTC_ICE=0 RUSTC_BOOTSTRAP=1 RUST_BACKTRACE=0"
    out = {"test": OVERHEAD_TEST, "by_runs": {}}
    with tempfile.TemporaryDirectory() as d:
        one = backend.command(test, None, props, 1, (), d, [])
        par = backend.command(test, None, props, None, (), d, [])

        def shell(k):
            script = (f"cd {shlex.quote(d)}; {env} {shlex.join(one)} >/dev/null 2>&1; "
                      f"for i in $(seq {k}); do {env} {shlex.join(par)} >/dev/null 2>&1; done")
            t = time.perf_counter()
            subprocess.run(["bash", "-c", script], check=False)
            return time.perf_counter() - t

        def harness(k):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "harness", "stress", "--compiler", "rustc", OVERHEAD_TEST,
                            "--runs", str(k), "--perturb", "none", "--report-dir", d],
                           capture_output=True, check=False)
            return time.perf_counter() - t

        for k in OVERHEAD_RUNS:
            sh, ha = [], []
            for _ in range(ROUNDS):
                sh.append(shell(k))
                ha.append(harness(k))
            s, h = statistics.median(sh), statistics.median(ha)
            out["by_runs"][str(k + 1)] = {"shell_seconds": round(s, 3), "harness_seconds": round(h, 3),
                                          "overhead": round(h / s - 1, 4)}
    lo, hi = (out["by_runs"][str(k + 1)] for k in OVERHEAD_RUNS)
    dk = OVERHEAD_RUNS[1] - OVERHEAD_RUNS[0]
    per_run = ((hi["harness_seconds"] - lo["harness_seconds"]) - (hi["shell_seconds"] - lo["shell_seconds"])) / dk
    out["per_run_ms"] = round(per_run * 1000, 3)
    out["fixed_ms"] = round((lo["harness_seconds"] - lo["shell_seconds"] - per_run * (OVERHEAD_RUNS[0] + 1)) * 1000, 1)
    out["overhead"] = hi["overhead"]
    out["runs"] = OVERHEAD_RUNS[1] + 1
    return out


def main() -> int:
    console = Console()
    # measure the harness as installed (`make` byte-compiles it), not its first-run compilation
    subprocess.run([sys.executable, "-m", "compileall", "-q", "compiler", "harness"], check=False)
    try:
        backend = backends.get("rustc")
    except backends.BackendError as e:
        console.print(f"rustc bench skipped: {e}")
        return 0
    started = time.perf_counter()
    pert = perturbation(backend)
    ovh = overhead(backend)
    # the default must not lose a bug: the best rate among the knobs that found every reproducer
    found_all = [k for k in pert if all(t["ices"] for t in pert[k]["tests"].values())] or list(pert)
    best = max(found_all, key=lambda k: pert[k]["ices_per_cpu_second"])
    doc = {"kind": "bench-rustc", "version": backend.version(), "runs_per_test": RUNS, "perturbation": pert,
           "best_knob": best, "overhead": ovh, "seconds": round(time.perf_counter() - started, 1)}
    write_atomic(os.path.join(ROOT, "reports", "bench-rustc.json"), json.dumps(doc, indent=2) + "\n")
    t = Table(title=f"perturbation of {backend.version()}: {RUNS} runs per reproducer (ui_tests/rustc)")
    for col in ("knob", "ICE runs", "ICE rate", "CPU s", "ICEs per CPU-second", "per test (ICEs)"):
        t.add_column(col)
    for knob, row in pert.items():
        per = ", ".join(f"{os.path.basename(k).split('-')[-1][:-3]}:{v['ices']}" for k, v in row["tests"].items())
        t.add_row(knob + (" (best)" if knob == best else ""), f"{row['ices']}/{row['runs']}",
                  f"{row['ice_rate']:.0%}", f"{row['cpu_seconds']:.1f}", f"{row['ices_per_cpu_second']:.2f}", per)
    console.print(t)
    for k, row in ovh["by_runs"].items():
        console.print(f"harness overhead over a bare shell loop, {k} rustc runs of {ovh['test']}: "
                      f"{row['overhead']:+.1%} ({row['harness_seconds']:.2f} s vs {row['shell_seconds']:.2f} s, "
                      f"median of {ROUNDS})", highlight=False)
    console.print(f"  = {ovh['fixed_ms']:.0f} ms fixed (Python start-up, imports, rustc -vV) + "
                  f"{ovh['per_run_ms']:.2f} ms per run", highlight=False)
    console.print(f"written to reports/bench-rustc.json in {doc['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
