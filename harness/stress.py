"""Stress mode: many controlled schedules per UI-test revision, spread over worker processes, with a
summary table and an atomic JSON report. A run diverges when its stderr or exit status differs from
the blessed expectation."""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field

from harness.fsutil import write_atomic
from harness.uitest.runner import RunConfig, Runner, read_expected, replay_command, schedule_specs
from harness.uitest.test import UiTest

CHUNK = 25


@dataclass
class Row:
    test_id: str
    runs: int = 0
    divergent: int = 0
    first_token: str | None = None
    first_spec: str | None = None
    first_command: str | None = None
    first_index: int | None = None     # schedules run before the first divergence (1-based)
    tokens: list[str] = field(default_factory=list)
    nondeterministic: int = 0          # divergent runs whose token does not replay to the same output


def find_tests(paths: list[str]) -> list[str]:
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                out += [os.path.join(root, f) for f in sorted(files) if f.endswith(".rs")
                        and "auxiliary" not in root]
        elif os.path.isfile(p):
            out.append(p)
        else:
            raise FileNotFoundError(p)
    return out


def plan(paths: list[str], cfg: RunConfig) -> list[tuple[str, str | None, list[str]]]:
    """(test path, revision, schedule specs, offset) chunks. Revisions that pin a schedule or carry a
    known bug have no schedule-independent expectation, so they are not stressed."""
    jobs = []
    for path in find_tests(paths):
        test = UiTest.load(path)
        if test.ignored or test.real_rustc_only:
            continue
        for rev in test.revision_names():
            props = test.props(rev)
            if props.pinned or props.ignore_parallel or props.known_bug or cfg.backend.cannot_honour(props):
                continue
            specs = schedule_specs(test.test_id(rev), cfg, None)
            for i in range(0, len(specs), CHUNK):
                jobs.append((path, rev, specs[i:i + CHUNK], i))
    return jobs


def run_chunk(path: str, rev: str | None, specs: list[str], offset: int, cfg: RunConfig) -> dict:
    test = UiTest.load(path)
    props = test.props(rev)
    expected = read_expected(test.expected_path(rev))
    runner = Runner(cfg)
    threads = props.threads or cfg.threads
    divergent = []
    for i, spec in enumerate(specs):
        run = runner.execute(test, props, spec, threads)
        if run.stderr != expected or run.status != props.expected_status:
            divergent.append({"index": offset + i + 1, "spec": spec, "token": run.token,
                              "command": replay_command(run),
                              "nondeterministic": not _replays(runner, test, props, run, threads)})
    return {"test_id": test.test_id(rev), "runs": len(specs), "divergent": divergent}


def _replays(runner: Runner, test, props, run, threads: int) -> bool:
    """The determinism check (as in shuttle): a failing schedule's token, replayed, must give the same
    output. One that does not is uncontrolled nondeterminism, its own class of failure."""
    if run.token is None:
        return False
    again = runner.execute(test, props, f"replay:{run.token}", threads)
    return (again.stderr, again.status) == (run.stderr, run.status)


def stress(paths, cfg: RunConfig, jobs: int, progress=None, shard: tuple[int, int] | None = None) -> list[Row]:
    work = plan(paths, cfg)
    if shard is not None:
        i, n = shard
        work = work[i - 1::n]          # chunks are deterministic, so shards partition the work
    rows: dict[str, Row] = {}
    for path, rev, _, _ in work:
        tid = UiTest.load(path).test_id(rev)
        rows.setdefault(tid, Row(tid))
    total = sum(len(w[2]) for w in work)
    task = progress.add_task("schedules", total=total) if progress else None

    def absorb(res):
        row = rows[res["test_id"]]
        row.runs += res["runs"]
        row.divergent += len(res["divergent"])
        row.nondeterministic += sum(d["nondeterministic"] for d in res["divergent"])
        for d in sorted(res["divergent"], key=lambda d: d["index"]):
            if row.first_index is None or d["index"] < row.first_index:
                row.first_index, row.first_token = d["index"], d["token"]
                row.first_spec, row.first_command = d["spec"], d["command"]
            if len(row.tokens) < 10:
                row.tokens.append(d["token"])
        if progress:
            progress.advance(task, res["runs"])

    if jobs <= 1:
        for w in work:
            absorb(run_chunk(*w, cfg))
    else:
        from concurrent.futures import ProcessPoolExecutor, as_completed
        with ProcessPoolExecutor(max_workers=jobs) as ex:
            futs = [ex.submit(run_chunk, *w, cfg) for w in work]
            for f in as_completed(futs):
                absorb(f.result())
    return list(rows.values())


def write_report(rows: list[Row], cfg: RunConfig, paths, seconds: float, report_dir: str) -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    name = f"stress-{stamp}-{cfg.strategy}{'-' + cfg.inject_bug if cfg.inject_bug else ''}.json"
    path = os.path.join(report_dir, name)
    doc = {
        "kind": "stress",
        "paths": list(paths),
        "strategy": cfg.strategy,
        "seed": cfg.seed,
        "threads": cfg.threads,
        "schedules_per_revision": cfg.schedules,
        "inject_bug": cfg.inject_bug,
        "seconds": round(seconds, 3),
        "runs": sum(r.runs for r in rows),
        "divergent_runs": sum(r.divergent for r in rows),
        "nondeterministic_runs": sum(r.nondeterministic for r in rows),
        "tests": [r.__dict__ for r in rows],
    }
    write_atomic(path, json.dumps(doc, indent=2, sort_keys=True) + "\n")
    return path
