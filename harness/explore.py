"""`harness explore`: exhaustive, preemption-bounded depth-first exploration of a test's schedules
(the `dfs[:PREEMPTION_BOUND]` of DESIGN §4, in the style of loom and CHESS).

Each execution follows a prefix of decisions (relative to the running thread: 0 = go on) and then
always goes on; the next prefix changes the deepest decision that still has an untried alternative
within the preemption bound. Every schedule with at most BOUND preemptions is run once."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

from compiler.driver import run_compiler
from compiler.sync.strategy import ChoiceStrategy, RecordingStrategy
from harness.uitest.runner import normalize, read_expected
from harness.uitest.test import UiTest


@dataclass
class Exploration:
    runs: int = 0
    complete: bool = False
    divergent: list = field(default_factory=list)     # tokens of diverging schedules (first 10)
    divergent_count: int = 0


def _next_prefix(rec: RecordingStrategy, bound: int) -> list[int] | None:
    used = [0]
    for c, p in zip(rec.choices, rec.preemptible):
        used.append(used[-1] + (1 if p and c != 0 else 0))
    for i in range(len(rec.choices) - 1, -1, -1):
        nxt = rec.choices[i] + 1
        if nxt >= rec.options[i]:
            continue
        cost = 1 if rec.preemptible[i] else 0
        if used[i] + cost <= bound:
            return rec.choices[:i] + [nxt]
    return None


def explore(path: str, rev: str | None, bug: str | None, bound: int = 1, threads: int = 2,
            max_runs: int = 2000, progress=None) -> Exploration:
    test = UiTest.load(path)
    props = test.props(rev)
    expected = read_expected(test.expected_path(rev))
    argv = ["-Z", f"threads={threads}", "-Z", "ui-testing", *(["-Z", f"inject-bug={bug}"] if bug else []),
            *props.flags(), path]
    result = Exploration()
    prefix: list[int] | None = []
    while prefix is not None and result.runs < max_runs:
        rec = RecordingStrategy(ChoiceStrategy(prefix))
        out, info = io.StringIO(), {}
        status = run_compiler(argv, out, info=info, strategy=rec, env=props.rustc_env or None)
        result.runs += 1
        if progress is not None:
            progress()
        if normalize(out.getvalue(), test, props.normalize) != expected or status != props.expected_status:
            result.divergent_count += 1
            if len(result.divergent) < 10:
                result.divergent.append(info.get("token"))
        prefix = _next_prefix(rec, bound)
    result.complete = prefix is None
    return result
