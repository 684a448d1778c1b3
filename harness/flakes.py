"""`harness stress --compiler rustc`: every revision of every test, a reference run at `-Z threads=1`
and N iterations at `-Z threads=N`, with flake statistics per outcome class and per ICE signature,
known failures looked up per toolchain, and JSON and JUnit reports."""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field

from harness.fsutil import write_atomic
from harness.iterate import IterConfig, RevisionReport, RevisionRunner
from harness.known import ROOT, signature_matches
from harness.stats import Rate
from harness.uitest.directives import DirectiveError
from harness.uitest.test import UiTest


@dataclass
class FlakeRun:
    compiler: str
    version: str
    toolchain: str
    cfg: IterConfig
    reports: list[RevisionReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)        # tests that could not be loaded
    seconds: float = 0.0

    @property
    def exit_status(self) -> int:
        bad = self.errors or any(r.outcome in ("failed", "new-failure") for r in self.reports)
        return 1 if bad else 0

    def to_json(self) -> dict:
        cfg = self.cfg
        return {
            "kind": "flakes", "compiler": self.compiler, "version": self.version, "toolchain": self.toolchain,
            "runs_per_revision": cfg.runs, "threads": cfg.threads, "until_fail": cfg.until_fail,
            "time_budget": cfg.time_budget, "mode": cfg.mode or "per test",
            "perturbation": {"knob": cfg.perturb.knob, "seed": cfg.perturb.seed,
                             "description": cfg.perturb.describe()},
            "known_failures": cfg.known.path, "seconds": round(self.seconds, 3),
            "exit_status": self.exit_status, "errors": self.errors,
            "tests": [r.to_json() for r in self.reports],
        }


def test_id(path: str) -> str:
    """Test ids are relative to the project root when inside it, so results do not depend on the cwd."""
    full = os.path.abspath(path)
    if full.startswith(ROOT + os.sep):
        return os.path.relpath(full, ROOT).replace(os.sep, "/")
    return full.replace(os.sep, "/")


def run(paths: list[str], backend, cfg: IterConfig, on_revision=None, shard=None) -> FlakeRun:
    from harness.stress import find_tests
    fr = FlakeRun(backend.spec if hasattr(backend, "spec") else backend.name, backend.version(),
                  backend.toolchain_id() if hasattr(backend, "toolchain_id") else backend.name, cfg)
    start = time.perf_counter()
    files = find_tests(paths)
    if shard:
        i, n = shard
        files = files[i - 1::n]
    runner = RevisionRunner(backend, cfg)
    for path in files:
        try:
            test = UiTest.load(path)
            revs = test.revision_names()
        except (DirectiveError, UnicodeDecodeError) as e:
            fr.errors.append(str(e))
            continue
        for rev in revs:
            try:
                rep = runner.run(test, rev)
            except DirectiveError as e:
                fr.errors.append(str(e))
                continue
            rep.test_id = test_id(path) + (f"#{rev}" if rev else "")
            fr.reports.append(rep)
            if on_revision:
                on_revision(rep)
    fr.seconds = time.perf_counter() - start
    return fr


def issue_link(issue: str | None) -> str:
    if issue and issue.startswith("rust#"):
        return f"https://github.com/rust-lang/rust/issues/{issue[5:]}"
    return issue or ""


def write_report(fr: FlakeRun, report_dir: str) -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = os.path.join(report_dir, f"flakes-{stamp}-{fr.toolchain}.json")
    write_atomic(path, json.dumps(fr.to_json(), indent=2, sort_keys=True) + "\n")
    return path


def check_fixed(fr: FlakeRun) -> list[dict]:
    """For each known failure of the toolchain: still failing (with its rate), or not seen (with the bound)."""
    out = []
    for e in fr.cfg.known.entries:
        reps = [r for r in fr.reports if e.matches_test(r.test_id) and not r.skipped]
        runs = sum(len(r.runs) for r in reps)
        seen = sum(s.count for r in reps for s in r.signatures.values() if s.known_issue == e.issue
                   and signature_matches(e.signature, s.signature))
        out.append({"test": e.test, "signature": e.signature, "issue": e.issue, "runs": runs,
                    "rate": Rate(seen, runs), "status": "still failing" if seen else
                    ("not run" if not runs else "not seen")})
    return out


def known_tests(known) -> list[str]:
    """The test files a known-failures file names (relative to the project root)."""
    out = []
    for e in known.entries:
        p = e.test.split("#")[0]
        full = p if os.path.isabs(p) else os.path.join(ROOT, p)
        if os.path.isfile(full) and full not in out:
            out.append(full)
    return out
