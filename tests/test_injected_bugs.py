"""Acceptance for the two replayed bugs: `harness stress --inject-bug` finds the symptom within 200
schedules from seed 0, and the token it prints replays byte-identically in a fresh `minirustc`
process under other PYTHONHASHSEEDs. The fixed compiler never shows the symptom."""
from __future__ import annotations

import pytest

from harness.stress import stress
from harness.uitest.runner import RunConfig
from tests.conftest import compile_in_process, minirustc

CASES = [
    ("worker-local-cycle-handler", "ui_tests/parallel/worker-local-cycle-handler.rs", "random",
     "WorkerLocal can only be used on the thread pool it was created on", 101),
    ("no-parallel-guard", "ui_tests/parallel/no-parallel-guard.rs", "pct", None, 1),
    ("evaluation-cache-overwrite", "ui_tests/traits/evaluation-cache-overwrite.rs", "random",
     "assertion failed: *old == value", 101),
]


@pytest.mark.parametrize("bug,path,strategy,symptom,status", CASES, ids=[c[0] for c in CASES])
def test_stress_finds_the_bug_and_the_token_replays(bug, path, strategy, symptom, status):
    cfg = RunConfig(schedules=200, strategy=strategy, seed=0, inject_bug=bug)
    rows = stress([path], cfg, jobs=1)
    fixed = next(r for r in rows if r.test_id.endswith("#fixed"))
    assert fixed.divergent > 0 and fixed.first_index <= 200
    token = fixed.first_token
    from harness.uitest.test import UiTest
    flags = UiTest.load(path).props("fixed").compile_flags
    argv = ["-Z", "threads=4", "-Z", f"schedule=replay:{token}", "-Z", "ui-testing",
            "-Z", f"inject-bug={bug}", *flags, path]
    code, original = compile_in_process(argv)
    assert code == status
    if symptom:
        assert symptom in original and f"note: schedule: {token}" in original
    else:
        assert "error[E0275]" in original and "error[E0072]" not in original
    for seed in ("0", "4242"):
        p = minirustc(argv, env={"PYTHONHASHSEED": seed})
        assert (p.returncode, p.stderr) == (code, original), f"PYTHONHASHSEED={seed}"


@pytest.mark.parametrize("bug,path,strategy,symptom,status", CASES, ids=[c[0] for c in CASES])
def test_fixed_compiler_is_immune(bug, path, strategy, symptom, status):
    for strat in ("random", "pct"):
        rows = stress([path], RunConfig(schedules=200, strategy=strat, seed=0), jobs=1)
        fixed = next(r for r in rows if r.test_id.endswith("#fixed"))
        assert (fixed.runs, fixed.divergent) == (200, 0)
