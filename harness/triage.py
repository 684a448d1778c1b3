"""`harness triage FILE --compiler rustc`: from a failing test to the smallest reproduction.

1. Baseline: the test's own command (compiletest's flags, its compile-flags, its `-Z threads`) run
   `--runs` times; the target is the most frequent failure signature (or `--signature`).
2. Each later candidate counts as reproducing when the target signature shows up within n runs,
   where n is chosen so that a candidate failing at half the baseline rate or more is seen with
   the stated confidence (`--confidence`, 0.95).
3. The smallest flag set: delta debugging (picire's ddmin) over the flag groups.
4. The lowest thread count that still reproduces, from 2 upwards.
5. The rate at that configuration, over `--runs` runs, with its 95% interval.
6. With `--reduce`: delta debugging over the source lines, keeping the signature."""
from __future__ import annotations

import logging
import os
import shlex
import tempfile
from dataclasses import dataclass, field

from harness.backends.rustc import UI_FLAGS, Rustc, run_plain
from harness.iterate import own_threads
from harness.outcome import FAILURE_CLASSES
from harness.stats import Rate, runs_for_confidence
from harness.uitest.test import UiTest

VALUE_FLAGS = {"-Z", "-C", "-A", "-W", "-D", "-F", "--edition", "--cfg", "--color", "--crate-type",
               "--crate-name", "-L", "--extern", "--cap-lints", "--target", "--error-format", "--json"}
MAX_CANDIDATE_RUNS = 60


class TriageError(Exception):
    pass


@dataclass
class TriageResult:
    signature: str
    cls: str
    baseline: Rate
    baseline_threads: int
    flags: list[str]                     # the full starting flag set (without -Z threads)
    minimal_flags: list[str]
    threads: int
    threads_tried: dict[int, str] = field(default_factory=dict)
    rate: Rate | None = None
    candidate_runs: int = 0
    compiler_runs: int = 0
    reduced_path: str | None = None
    reduced_lines: tuple[int, int] | None = None
    path: str = ""
    version: str = ""

    def command(self, path: str | None = None) -> str:
        cmd = ["rustc", *self.minimal_flags, "-Z", f"threads={self.threads}", "--emit=metadata",
               path or self.path]
        return "RUSTC_BOOTSTRAP=1 " + shlex.join(cmd)

    def to_json(self) -> dict:
        return {"kind": "triage", "test": self.path, "version": self.version, "signature": self.signature,
                "class": self.cls, "baseline": {**self.baseline.to_json(), "threads": self.baseline_threads},
                "flags": self.flags, "minimal_flags": self.minimal_flags, "threads": self.threads,
                "threads_tried": {str(k): v for k, v in self.threads_tried.items()},
                "rate": self.rate.to_json() if self.rate else None, "candidate_runs": self.candidate_runs,
                "compiler_runs": self.compiler_runs, "command": self.command(),
                "reduced_path": self.reduced_path, "reduced_lines": self.reduced_lines}


def group_flags(tokens: list[str]) -> list[tuple[str, ...]]:
    """`-Z a -C b --edition 2024 -Zc` -> [("-Z", "a"), ("-C", "b"), ("--edition", "2024"), ("-Zc",)]."""
    out, i = [], 0
    while i < len(tokens):
        t = tokens[i]
        if t in VALUE_FLAGS and i + 1 < len(tokens):
            out.append((t, tokens[i + 1]))
            i += 2
        else:
            out.append((t,))
            i += 1
    return out


def _without_threads(groups):
    return [g for g in groups if not (len(g) == 2 and g[0] == "-Z" and g[1].startswith("threads=")
                                      or len(g) == 1 and g[0].startswith("-Zthreads="))]


class Triage:
    def __init__(self, backend: Rustc, path: str, rev: str | None, runs: int = 20, confidence: float = 0.95,
                 signature: str | None = None, log=print):
        self.backend, self.path, self.rev = backend, path, rev
        self.runs, self.confidence, self.want = runs, confidence, signature
        self.log = log
        self.compiler_runs = 0
        test = UiTest.load(path)
        if rev and rev not in test.revisions:
            raise TriageError(f"{path} has no revision `{rev}`")
        props = test.props(rev)
        flags = list(UI_FLAGS)
        if props.edition:
            flags += ["--edition", props.edition]
        if rev:
            flags += ["--cfg", rev]
        flags += props.compile_flags
        self.groups = _without_threads(group_flags(flags))
        self.threads0 = own_threads(props.compile_flags) or 4
        self.build = props.requires_build

    def _run(self, groups, threads: int, path: str | None = None):
        self.compiler_runs += 1
        out = run_plain(self.backend, path or self.path, [t for g in groups for t in g], threads, build=self.build)
        return out.classification

    def _reproduces(self, groups, threads: int, n: int, path: str | None = None) -> int:
        """Runs until the target signature shows (returns the run it showed at) or n runs pass (0)."""
        for i in range(1, n + 1):
            c = self._run(groups, threads, path)
            if c.signature == self.target:
                return i
        return 0

    def run(self, reduce: bool = False, out_path: str | None = None) -> TriageResult:
        # 1. baseline
        seen: dict[str, list] = {}
        for _ in range(self.runs):
            c = self._run(self.groups, self.threads0)
            if c.cls in FAILURE_CLASSES and c.signature:
                seen.setdefault(c.signature, [c.cls, 0])[1] += 1
        if self.want:
            if self.want not in seen:
                raise TriageError(f"the signature `{self.want}` did not show in {self.runs} runs at "
                                  f"-Z threads={self.threads0}; seen: {', '.join(seen) or 'no failure'}")
            self.target = self.want
        else:
            if not seen:
                raise TriageError(f"no failure in {self.runs} runs at -Z threads={self.threads0} "
                                  f"(rate < {Rate(0, self.runs)})")
            self.target = max(seen, key=lambda s: (seen[s][1], s))
        cls, count = seen[self.target]
        baseline = Rate(count, self.runs)
        n = min(MAX_CANDIDATE_RUNS, runs_for_confidence(max(baseline.rate / 2, 1e-3), self.confidence))
        self.log(f"target: {self.target} ({cls}), baseline {baseline} at -Z threads={self.threads0}; "
                 f"a candidate reproduces if it shows within {n} runs")
        # 2. flags: ddmin over the flag groups (the empty set first)
        memo: dict[tuple, bool] = {}

        def interesting(groups) -> bool:
            key = tuple(groups)
            if key not in memo:
                memo[key] = self._reproduces(list(groups), self.threads0, n) > 0
            return memo[key]

        if interesting([]):
            minimal = []
        else:
            import picire
            logging.getLogger("picire").setLevel(logging.WARNING)

            def test(config, config_id):
                return picire.Outcome.FAIL if (tuple(config) in memo and memo[tuple(config)]) or \
                    interesting(config) else picire.Outcome.PASS
            memo[tuple(self.groups)] = True              # the baseline reproduced with every flag
            minimal = list(picire.DD(test, cache=picire.ConfigCache())(list(self.groups)))
        self.log(f"minimal flags: {' '.join(t for g in minimal for t in g) or '(none)'}")
        # 3. threads
        tried: dict[int, str] = {}
        threads = self.threads0
        for t in range(2, self.threads0 + 1):
            at = self._reproduces(minimal, t, n)
            tried[t] = f"reproduced at run {at}" if at else f"not seen in {n} runs"
            if at:
                threads = t
                break
        self.log(f"lowest thread count: {threads}")
        # 4. the rate at the minimal configuration
        hits = sum(1 for _ in range(self.runs) if self._run(minimal, threads).signature == self.target)
        res = TriageResult(self.target, cls, baseline, self.threads0, [t for g in self.groups for t in g],
                           [t for g in minimal for t in g], threads, tried, Rate(hits, self.runs), n,
                           path=self.path, version=self.backend.version())
        if reduce:
            self._reduce(res, minimal, threads, n, out_path)
        res.compiler_runs = self.compiler_runs
        return res

    def _reduce(self, res: TriageResult, groups, threads: int, n: int, out_path: str | None):
        import picire
        with open(self.path, encoding="utf-8") as f:
            lines = f.read().splitlines(keepends=True)
        memo: dict[tuple, bool] = {tuple(range(len(lines))): True}
        with tempfile.TemporaryDirectory(prefix="harness-triage-") as d:
            cand = os.path.join(d, os.path.basename(self.path))

            def interesting(idx) -> bool:
                key = tuple(idx)
                if key not in memo:
                    with open(cand, "w", encoding="utf-8") as f:
                        f.write("".join(lines[i] for i in idx))
                    memo[key] = self._reproduces(groups, threads, n, cand) > 0
                return memo[key]

            def test(config, config_id):
                return picire.Outcome.FAIL if interesting(config) else picire.Outcome.PASS
            keep = picire.DD(test, cache=picire.ConfigCache())(list(range(len(lines))))
        from harness.fsutil import write_atomic
        base = os.path.splitext(os.path.basename(self.path))[0]
        out_path = out_path or os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                            "reports", f"triage-{base}.rs")
        write_atomic(out_path, "".join(lines[i] for i in keep))
        res.reduced_path = out_path
        res.reduced_lines = (len(lines), len(keep))
        self.log(f"reduced source: {len(lines)} -> {len(keep)} lines: {out_path}")
