"""`harness perf --compiler rustc FILE|DIR --threads 1,2,4 --runs K`: the parallel front-end's
efficiency. For each crate and each N: wall and CPU time (median and spread), peak RSS, speedup over
N=1, and whether the output was identical across all runs and all N."""
from __future__ import annotations

import json
import os
import statistics
import time

from rich.console import Console
from rich.table import Table

from harness.backends.rustc import run_plain
from harness.fsutil import write_atomic
from harness.normalize import ui as normalize_ui


def _crates(paths: list[str]) -> list[str]:
    out = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".rs"))
        elif os.path.isfile(p):
            out.append(p)
        else:
            raise FileNotFoundError(p)
    return out


def _spread(xs: list[float]) -> dict:
    return {"median": statistics.median(xs), "min": min(xs), "max": max(xs)}


def perf(backend, paths: list[str], threads: list[int], runs: int, report_dir: str) -> dict:
    crates = []
    identical_all = True
    for path in _crates(paths):
        outputs = set()
        rows = []
        for n in threads:
            samples = []
            for _ in range(runs):
                out = run_plain(backend, path, ["--crate-type", "lib", "--edition", "2021"], n)
                samples.append(out)
                outputs.add((out.status, normalize_ui(out.stderr, os.path.dirname(os.path.abspath(path)))))
            rows.append({"threads": n, "wall": _spread([s.seconds for s in samples]),
                         "cpu": _spread([s.cpu_seconds for s in samples]),
                         "peak_rss_mb": max(s.max_rss_kb for s in samples) / 1024,
                         "statuses": sorted({s.status for s in samples}, key=str)})
        base = next((r["wall"]["median"] for r in rows if r["threads"] == 1), None)
        for r in rows:
            r["speedup"] = base / r["wall"]["median"] if base else None
        with open(path, encoding="utf-8", errors="replace") as f:
            nlines = sum(1 for _ in f)
        identical = len(outputs) == 1
        identical_all &= identical
        crates.append({"crate": path, "lines": nlines, "runs": runs, "rows": rows, "identical": identical,
                       "distinct_outputs": len(outputs)})
    doc = {"kind": "perf", "version": backend.version(), "threads": threads, "runs": runs, "crates": crates,
           "identical": identical_all}
    path = os.path.join(report_dir, f"perf-{time.strftime('%Y%m%d-%H%M%S')}.json")
    write_atomic(path, json.dumps(doc, indent=2) + "\n")
    doc["report"] = path
    return doc


def show(doc: dict, console: Console):
    for c in doc["crates"]:
        t = Table(title=f"{doc['version']}: {c['crate']} ({c['lines']} lines), {c['runs']} runs per N, "
                        "--emit=metadata")
        for col in ("-Z threads", "wall s (median, min-max)", "CPU s (median, min-max)", "peak RSS MB",
                    "speedup over N=1"):
            t.add_column(col)
        for r in c["rows"]:
            w, cpu = r["wall"], r["cpu"]
            t.add_row(str(r["threads"]), f"{w['median']:.2f} ({w['min']:.2f}-{w['max']:.2f})",
                      f"{cpu['median']:.2f} ({cpu['min']:.2f}-{cpu['max']:.2f})", f"{r['peak_rss_mb']:.0f}",
                      f"{r['speedup']:.2f}x" if r["speedup"] else "-")
        console.print(t)
        same = "identical across all runs and all N" if c["identical"] else \
            f"NOT identical: {c['distinct_outputs']} distinct outputs"
        console.print(f"output: {same}", highlight=False)
    console.print(f"report: {doc['report']}", highlight=False, soft_wrap=True)
