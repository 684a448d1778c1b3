"""Runs one revision of a UI test: once at `-Z threads=1` and under K controlled schedules at
`-Z threads=N`, or only under its pinned schedule; compares every stderr with the blessed file."""
from __future__ import annotations

import difflib
import os
import re
import shlex
import zlib
from dataclasses import dataclass, field

from harness.backends import InProcess
from harness.fsutil import write_atomic
from harness.uitest.annotations import parse_annotations
from harness.uitest.diagnostics import check_annotations, parse_diagnostics
from harness.uitest import rustc_json
from harness.uitest.directives import STRATEGIES  # noqa: F401 - re-exported for the CLI and the plugin
from harness.uitest.test import UiTest


@dataclass
class RunConfig:
    schedules: int = 20
    threads: int = 4
    strategy: str = "portfolio"  # portfolio, random, pct, or mixed (alternate random and pct)
    seed: int = 0
    bless: bool = False
    inject_bug: str | None = None
    backend: object = field(default_factory=InProcess)
    stop_at_first: bool = True


@dataclass
class Run:
    spec: str | None             # schedule spec, None at -Z threads=1
    argv: list[str]
    status: int
    stderr: str                  # normalised
    token: str | None
    env: dict = field(default_factory=dict)     # `//@ rustc-env`
    raw: str = ""                # as the compiler wrote it (JSON diagnostics are read from it)


@dataclass
class Result:
    test_id: str
    revision: str | None
    runs: list[Run]
    problems: list[str]
    divergent: list[Run]
    blessed: str | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def schedule_seed(test_id: str, base: int, i: int) -> int:
    return (zlib.crc32(test_id.encode()) ^ base) + i


# The default strategy: a portfolio run side by side, in the spirit of Coyote's default. Uniform random
# scheduling finds races that need many switches; PCT finds those that need one thread to run ahead,
# and its change points are spread over several guesses of the run's length (`:DEPTH:STEPS`), since a
# race late in a long run is out of reach of change points placed early.
PORTFOLIO = ("random", "pct:{seed}:2:100", "random", "pct:{seed}:3:1000", "random", "pct:{seed}:3:300",
             "random", "pct:{seed}:5:3000")


def spec_for(strategy: str, seed: int, i: int) -> str:
    """The i-th schedule of a strategy, deterministic from the seed."""
    if strategy == "portfolio":
        member = PORTFOLIO[i % len(PORTFOLIO)]
        return member.format(seed=seed) if "{" in member else f"{member}:{seed}"
    kind = strategy if strategy != "mixed" else ("random", "pct")[i % 2]
    return f"{kind}:{seed}"


def schedule_specs(test_id: str, cfg: RunConfig, strategy: str | None) -> list[str]:
    strategy = strategy or cfg.strategy
    return [spec_for(strategy, schedule_seed(test_id, cfg.seed, i), i) for i in range(cfg.schedules)]


def normalize(stderr: str, test: UiTest, rules) -> str:
    d = os.path.dirname(test.path)
    if d:
        stderr = stderr.replace(d + "/", "$DIR/")
    else:
        stderr = re.sub(r"(?m)(--> )(?!\$DIR)", r"\1$DIR/", stderr)
    for pat, repl in rules:
        stderr = pat.sub(repl, stderr)
    return stderr


def replay_command(run: Run) -> str:
    argv = [a for a in run.argv]
    if run.token:
        argv = [("schedule=replay:" + run.token) if a.startswith("schedule=") else a for a in argv]
    env = "".join(f"{k}={shlex.quote(v)} " for k, v in sorted(run.env.items()))
    return env + "minirustc " + " ".join(shlex.quote(a) for a in argv)


class Runner:
    def __init__(self, cfg: RunConfig):
        self.cfg = cfg

    def execute(self, test: UiTest, props, spec: str | None, threads: int) -> Run:
        argv = ["-Z", "ui-testing"]
        if spec is not None:
            argv += ["-Z", f"threads={threads}", "-Z", f"schedule={spec}"]
        if self.cfg.inject_bug:
            argv += ["-Z", f"inject-bug={self.cfg.inject_bug}"]
        argv += props.flags() + [test.path]
        status, raw, token = self.cfg.backend.run(argv, env=props.rustc_env or None)
        return Run(spec, argv, status, normalize(raw, test, props.normalize), token, dict(props.rustc_env), raw)

    def run_revision(self, test: UiTest, rev: str | None) -> Result:
        cfg = self.cfg
        props = test.props(rev)
        tid = test.test_id(rev)
        exp_path = test.expected_path(rev)
        expected = read_expected(exp_path)
        problems: list[str] = []
        runs: list[Run] = []
        divergent: list[Run] = []
        if props.pinned:
            threads = int(props.pinned.split(".")[1])
            reference = self.execute(test, props, props.pinned, threads)
            plan = []
        else:
            reference = self.execute(test, props, None, 1)
            threads = props.threads or cfg.threads
            plan = [] if props.ignore_parallel else schedule_specs(tid, cfg, props.strategy)
            if props.schedules is not None and not props.ignore_parallel:
                plan = schedule_specs(tid, RunConfig(schedules=max(props.schedules, cfg.schedules),
                                                     strategy=cfg.strategy, seed=cfg.seed), props.strategy)
        runs.append(reference)
        if props.pinned and "error: schedule replay diverged:" in reference.stderr:
            problems.append(f"the pinned schedule no longer replays (the engine's scheduling points moved): "
                            f"re-pin with `harness pin {test.path} --inject-bug {props.known_bug or 'NAME'}`, "
                            "then bless")
            return Result(tid, rev, runs, problems, divergent)
        for spec in plan:
            run = self.execute(test, props, spec, threads)
            runs.append(run)
            if run.stderr != reference.stderr or run.status != reference.status:
                divergent.append(run)
                if cfg.stop_at_first and not cfg.bless:
                    break
        result = Result(tid, rev, runs, problems, divergent)
        if divergent:
            d = divergent[0]
            again = self.execute(test, props, f"replay:{d.token}", threads) if d.token else None
            if again is None or (again.stderr, again.status) != (d.stderr, d.status):
                problems.append("uncontrolled nondeterminism: the first divergent schedule's token does not "
                                "replay to the same output")
            problems.append(
                f"{len(divergent)} of {len(runs) - 1} schedule(s) diverged from the `-Z threads=1` output.\n"
                f"first divergent schedule: {d.spec} (exit {d.status})\n"
                f"token: {d.token}\n"
                f"replay: {replay_command(d)}\n" + unified_diff(reference.stderr, d.stderr, "threads=1", d.spec))
        if cfg.bless:
            if divergent:
                problems.insert(0, "refusing to bless: the sampled schedules disagree")
            else:
                result.blessed = self._bless(test, rev, reference.stderr)
        else:
            if reference.stderr != expected:
                problems.append(f"stderr differs from {os.path.basename(exp_path)} "
                                f"({'pinned schedule' if props.pinned else '-Z threads=1'}):\n"
                                + unified_diff(expected, reference.stderr, os.path.basename(exp_path), "actual")
                                + "\nrun with --bless to update the expected output")
        if reference.status != props.expected_status:
            problems.append(f"expected exit status {props.expected_status}, got {reference.status}")
        if not props.known_bug:
            expected_ann = parse_annotations(test.path, test.src, rev)
            problems += check_annotations(expected_ann, actual_diagnostics(reference, test, props),
                                          os.path.basename(test.path))
        return result

    def _bless(self, test: UiTest, rev: str | None, stderr: str) -> str:
        path = test.expected_path(rev)
        if stderr:
            if read_expected(path) != stderr:
                write_atomic(path, stderr)
            return path
        if os.path.exists(path):
            os.unlink(path)
        return "(empty: no file)"


def actual_diagnostics(run: Run, test: UiTest, props) -> list:
    """The diagnostics `//~` annotations are matched against: read from the JSON, as compiletest reads
    them, when the test asks for `--error-format=json`, else from the rendered stderr."""
    if props.json_output:
        return rustc_json.read(run.raw, os.path.basename(test.path))[1]
    return parse_diagnostics(run.stderr)


def unified_diff(a: str, b: str, name_a: str, name_b: str) -> str:
    lines = difflib.unified_diff(a.splitlines(), b.splitlines(), name_a, name_b, lineterm="", n=2)
    return "\n".join(lines)


def read_expected(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except FileNotFoundError:
        return ""
