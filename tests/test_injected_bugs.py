"""Acceptance for every catalogue entry: `harness stress --inject-bug` finds the symptom within 200
schedules from seed 0, and the token it prints replays byte-identically in a fresh `minirustc`
process under other PYTHONHASHSEEDs; the pinned `injected` revision shows the symptom; the fixed
compiler gives the `-Z threads=1` output under 200 random and 200 PCT schedules."""
from __future__ import annotations

import re

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
    "worker-local-cycle-handler": lambda status, out: status == 134 and
    "WorkerLocal can only be used on the thread pool it was created on" in out and
    out.rstrip().endswith("deadlock handler panicked, aborting process") and "error[E0391]" not in out,
    "no-parallel-guard": lambda status, out: status == 1 and "error[E0275]" in out and "error[E0072]" not in out,
    "evaluation-cache-overwrite": _ice("assertion failed: *old == value"),
    "lint-buffer-late": _ice("can't buffer lints after HIR lowering"),
    "lint-store-taken": _fewer("warning: function", 3),
    "attr-used-marks": lambda status, out: status == 0 and out.count("warning: unused attribute") > 1,
    "shared-layout-depth": lambda status, out: status == 1 and "error: queries overflow the depth limit!" in out
    and "when computing layout of `" in out,
    "lazy-transitive-relation": _ice("already borrowed: BorrowMutError"),
    "unordered-diagnostics": lambda status, out: status == 1 and _error_lines(out) != sorted(_error_lines(out)),
    "racy-error-count": lambda status, out: status == 1 and out.count("note: erroneous constant encountered") > 1,
    "thread-id-log-prefix": lambda status, out: re.search(r"^\d+:rustcWARN ", out, re.M) is not None,
    "cycle-anchor-first": lambda status, out: status == 1 and out.startswith("error[E0391]: cycle detected when")
    and not out.startswith("error[E0391]: cycle detected when expanding type alias `Sender`"),
    "cycle-recovery-first": _ice("the cycle value of another constant"),
    "no-poison": _ice("value must be in cache after waiting"),
    "worker-steals-while-blocked": lambda status, out: status == 134 and
    "deadlock detected as we're unable to find a query cycle to break" in out,
}
# `global-attr-id` depends on the process's history, not on a schedule: tests/test_attr_ids.py
NO_PINNED_TEST = {"global-attr-id"}
STRATEGY = {"no-parallel-guard": "pct", "attr-used-marks": "pct"}
CASES = [pytest.param(name, bugs.CATALOGUE[name].tests[0], STRATEGY.get(name, "random"), id=name)
         for name in bugs.names() if name not in NO_PINNED_TEST]


def _error_lines(out: str) -> list[int]:
    """The line of each error's primary span, in the order printed."""
    return [int(m) for m in re.findall(r"^error\[E\d+\]: .*\n\s+--> [^:]+:(\d+):", out, re.M)]


def test_every_catalogue_entry_has_a_symptom_check():
    assert set(SYMPTOMS) | NO_PINNED_TEST == set(bugs.names())


@pytest.mark.parametrize("bug,path,strategy", CASES)
def test_stress_finds_the_bug_and_the_token_replays(bug, path, strategy):
    cfg = RunConfig(schedules=200, strategy=strategy, seed=0, inject_bug=bug)
    rows = stress([path], cfg, jobs=1)
    fixed = next(r for r in rows if r.test_id.endswith("#fixed"))
    assert fixed.divergent > 0 and fixed.first_index <= 200
    token = fixed.first_token
    from harness.uitest.test import UiTest
    props = UiTest.load(path).props("fixed")
    argv = ["-Z", "threads=4", "-Z", f"schedule=replay:{token}", "-Z", "ui-testing",
            "-Z", f"inject-bug={bug}", *props.flags(), path]
    status, original = compile_in_process(argv, env=props.rustc_env)
    assert SYMPTOMS[bug](status, original), original
    for seed in ("0", "4242"):
        p = minirustc(argv, env={"PYTHONHASHSEED": seed, **props.rustc_env})
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
                                      *props.flags(), path], env=props.rustc_env)
    assert SYMPTOMS[bug](status, out), out


@pytest.mark.parametrize("bug", bugs.names())
def test_the_default_strategy_finds_every_bug_within_50_schedules(bug):
    """The portfolio default (random and PCT at several depths) misses nothing: no false "clean"."""
    rows = stress([bugs.CATALOGUE[bug].tests[0]], RunConfig(schedules=50, seed=0, inject_bug=bug), jobs=1)
    assert RunConfig().strategy == "portfolio"
    assert sum(r.divergent for r in rows) > 0 and min(r.first_index for r in rows if r.divergent) <= 50

