"""Acceptance for the two replayed bugs: `harness stress --inject-bug` finds the symptom within 200
schedules from seed 0, and the token it prints replays byte-identically in a fresh `minirustc`
process under other PYTHONHASHSEEDs. The fixed compiler never shows the symptom."""
from __future__ import annotations

import pytest

from compiler import bugs
from harness.stress import stress
from harness.uitest.runner import RunConfig
from tests.conftest import compile_in_process, minirustc

def _ice(text):
    return lambda status, out: status == 101 and text in out


def _fewer(prefix, full):
    return lambda status, out: status == 0 and sum(line.startswith(prefix) for line in out.splitlines()) < full


SYMPTOMS = {
    "worker-local-cycle-handler": _ice("WorkerLocal can only be used on the thread pool it was created on"),
    "no-parallel-guard": lambda status, out: status == 1 and "error[E0275]" in out and "error[E0072]" not in out,
    "evaluation-cache-overwrite": _ice("assertion failed: *old == value"),
    "lint-buffer-late": lambda status, out: _ice("can't buffer lints after HIR lowering")(status, out)
    or _fewer("warning: unused import", 3)(status, out),
    "lint-store-taken": _fewer("warning: function", 3),
    "global-attr-id": lambda status, out: status == 0 and out.count("warning: unused attribute") > 1,
}
STRATEGY = {"no-parallel-guard": "pct", "global-attr-id": "pct"}
CASES = [pytest.param(name, bugs.CATALOGUE[name].tests[0], STRATEGY.get(name, "random"), id=name)
         for name in bugs.names()]


def test_every_catalogue_entry_has_a_symptom_check():
    assert set(SYMPTOMS) == set(bugs.names())


@pytest.mark.parametrize("bug,path,strategy", CASES)
def test_stress_finds_the_bug_and_the_token_replays(bug, path, strategy):
    cfg = RunConfig(schedules=200, strategy=strategy, seed=0, inject_bug=bug)
    rows = stress([path], cfg, jobs=1)
    fixed = next(r for r in rows if r.test_id.endswith("#fixed"))
    assert fixed.divergent > 0 and fixed.first_index <= 200
    token = fixed.first_token
    from harness.uitest.test import UiTest
    flags = UiTest.load(path).props("fixed").compile_flags
    argv = ["-Z", "threads=4", "-Z", f"schedule=replay:{token}", "-Z", "ui-testing",
            "-Z", f"inject-bug={bug}", *flags, path]
    status, original = compile_in_process(argv)
    assert SYMPTOMS[bug](status, original), original
    for seed in ("0", "4242"):
        p = minirustc(argv, env={"PYTHONHASHSEED": seed})
        assert (p.returncode, p.stderr) == (status, original), f"PYTHONHASHSEED={seed}"


@pytest.mark.parametrize("bug,path,strategy", CASES)
def test_fixed_compiler_is_immune(bug, path, strategy):
    for strat in ("random", "pct"):
        rows = stress([path], RunConfig(schedules=200, strategy=strat, seed=0), jobs=1)
        fixed = next(r for r in rows if r.test_id.endswith("#fixed"))
        assert (fixed.runs, fixed.divergent) == (200, 0)


@pytest.mark.parametrize("bug,path,strategy", CASES)
def test_pinned_revision_shows_the_symptom(bug, path, strategy):
    """Acceptance: the `injected` revision is pinned to a token that reproduces the bug."""
    from harness.uitest.test import UiTest
    test = UiTest.load(path)
    props = test.props("injected")
    assert props.pinned and props.known_bug == bug
    token = props.pinned[len("replay:"):]
    status, out = compile_in_process(["-Z", "threads=4", "-Z", f"schedule=replay:{token}", "-Z", "ui-testing",
                                      *props.compile_flags, path])
    assert SYMPTOMS[bug](status, out), out
