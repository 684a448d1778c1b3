"""`harness minimize`: find a schedule under which a test revision diverges, then shrink it to as few
preemptions as hypothesis can.

1. Search: the stress engine's schedules (the portfolio by default) until one diverges; its decisions
   are recorded relative to the running thread (0 = go on, k = switch to the k-th other thread).
2. Shrink: hypothesis searches boolean masks over that schedule's preemptions (True keeps one) for masks
   that still diverge, and shrinks them toward keeping none. Dropped preemptions become "go on".
The search is derandomized, so the result is reproducible; it is printed as an ordinary token."""
from __future__ import annotations

import io
from dataclasses import dataclass

from hypothesis import HealthCheck, find, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from compiler.driver import run_compiler
from compiler.sync.strategy import ChoiceStrategy, RecordingStrategy, parse_spec
from harness.uitest.runner import normalize, read_expected, schedule_seed, spec_for
from harness.uitest.test import UiTest


@dataclass
class Minimized:
    token: str
    preemptions: int
    original_preemptions: int
    original_token: str
    runs: int
    stderr: str
    status: int


class Minimizer:
    def __init__(self, path: str, rev: str | None, bug: str | None, threads: int = 4):
        self.test = test = UiTest.load(path)
        self.props = test.props(rev)
        self.expected = read_expected(test.expected_path(rev))
        self.test_id = test.test_id(rev)
        self.argv = ["-Z", f"threads={threads}", "-Z", "ui-testing",
                     *(["-Z", f"inject-bug={bug}"] if bug else []), *self.props.flags(), path]
        self.runs = 0

    def run(self, strategy):
        self.runs += 1
        out, info = io.StringIO(), {}
        status = run_compiler(self.argv, out, info=info, strategy=strategy, env=self.props.rustc_env or None)
        stderr = normalize(out.getvalue(), self.test, self.props.normalize)
        diverged = stderr != self.expected or status != self.props.expected_status
        return diverged, status, stderr, info.get("token")

    def search(self, schedules: int, strategy: str = "portfolio", seed: int = 0):
        for i in range(schedules):
            rec = RecordingStrategy(parse_spec(spec_for(strategy, schedule_seed(self.test_id, seed, i), i)))
            diverged, _, _, token = self.run(rec)
            if diverged:
                return rec, token
        return None, None

    def shrink(self, rec: RecordingStrategy, max_examples: int):
        points = [i for i, (c, p) in enumerate(zip(rec.choices, rec.preemptible)) if p and c != 0]

        def masked(keep: list[bool]) -> list[int]:
            choices = list(rec.choices)
            for i, k in zip(points, keep):
                if not k:
                    choices[i] = 0
            return choices

        def diverges(keep: list[bool]) -> bool:
            return self.run(ChoiceStrategy(masked(keep)))[0]

        masks = st.lists(st.booleans(), min_size=len(points), max_size=len(points))
        try:
            keep = find(masks, diverges, settings=settings(
                max_examples=max_examples, derandomize=True, database=None, deadline=None,
                suppress_health_check=list(HealthCheck)))
        except NoSuchExample:
            keep = [True] * len(points)
        return masked(keep), len(points)


def minimize(path: str, rev: str | None, bug: str | None, threads: int = 4, schedules: int = 500,
             max_examples: int = 300, strategy: str = "portfolio", seed: int = 0) -> Minimized | None:
    m = Minimizer(path, rev, bug, threads)
    rec, original = m.search(schedules, strategy, seed)
    if rec is None:
        return None
    choices, original_preemptions = m.shrink(rec, max_examples)
    final = ChoiceStrategy(choices)
    diverged, status, stderr, token = m.run(final)
    assert diverged, "the shrunk schedule must still diverge"
    return Minimized(token, final.preemptions, original_preemptions, original, m.runs, stderr, status)
