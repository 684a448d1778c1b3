"""`make bench`, real-rustc part: figures for the rustc backend, written to reports/bench-rustc.json.

  * perturbation: for each knob (none, sweep, affinity, load, stagger), the ICE rate on the four
    reproducers in ui_tests/rustc and ICEs per CPU-second (the compiler's CPU time, plus the burnt
    CPU of the background load for `load`). The best knob is the harness's default.
  * overhead: `harness stress --compiler rustc FILE --runs K` against a bare shell loop of the same
    K+1 rustc commands (one at -Z threads=1, K at the test's threads), wall time, median of 3 rounds.
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

RUNS = int(os.environ.get("BENCH_RUSTC_RUNS", "20"))
OVERHEAD_RUNS = 30
OVERHEAD_TEST = "ui_tests/rustc/variance-cycle-154560.rs"


def perturbation(backend) -> dict:
    tests = [UiTest.load(p) for p in find_tests(["ui_tests/rustc"])]
    out = {}
    for knob in KNOBS:
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
    test = UiTest.load(OVERHEAD_TEST)
    props = test.props(None)
    with tempfile.TemporaryDirectory() as d:
        one = backend.command(test, None, props, 1, (), d, [])
        par = backend.command(test, None, props, None, (), d, [])
        env = "RUSTC_ICE=0 RUSTC_BOOTSTRAP=1 RUST_BACKTRACE=0"
        script = (f"cd {shlex.quote(d)}; {env} {shlex.join(one)} >/dev/null 2>&1; "
                  f"for i in $(seq {OVERHEAD_RUNS}); do {env} {shlex.join(par)} >/dev/null 2>&1; done")
        shell, harness = [], []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run(["bash", "-c", script], check=False)
            shell.append(time.perf_counter() - t)
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "harness", "stress", "--compiler", "rustc", OVERHEAD_TEST,
                            "--runs", str(OVERHEAD_RUNS), "--perturb", "none", "--report-dir", d],
                           capture_output=True, check=False)
            harness.append(time.perf_counter() - t)
    s, h = statistics.median(shell), statistics.median(harness)
    return {"test": OVERHEAD_TEST, "runs": OVERHEAD_RUNS + 1, "shell_seconds": round(s, 3),
            "harness_seconds": round(h, 3), "overhead": round(h / s - 1, 4), "rounds": {"shell": shell,
                                                                                      "harness": harness}}


def main() -> int:
    console = Console()
    try:
        backend = backends.get("rustc")
    except backends.BackendError as e:
        console.print(f"rustc bench skipped: {e}")
        return 0
    started = time.perf_counter()
    pert = perturbation(backend)
    ovh = overhead(backend)
    best = max(pert, key=lambda k: pert[k]["ices_per_cpu_second"])
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
    console.print(f"harness overhead over a bare shell loop ({ovh['runs']} rustc runs of {ovh['test']}): "
                  f"{ovh['overhead']:+.1%} ({ovh['harness_seconds']:.2f} s vs {ovh['shell_seconds']:.2f} s, "
                  "median of 3)")
    console.print(f"written to reports/bench-rustc.json in {doc['seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
