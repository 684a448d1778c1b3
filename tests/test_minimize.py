"""`harness minimize`: a diverging schedule is shrunk (with hypothesis) to fewer preemptions, and the
token it prints replays the shrunk run exactly."""
from __future__ import annotations

from harness.minimize import minimize
from tests.conftest import compile_in_process, harness

PATH = "ui_tests/lints/lint-buffer-late.rs"


def test_shrinks_and_replays():
    result = minimize(PATH, "fixed", "lint-buffer-late", schedules=50, max_examples=100)
    assert result is not None
    assert 0 < result.preemptions < result.original_preemptions
    status, out = compile_in_process(["-Z", "threads=4", "-Z", f"schedule=replay:{result.token}", "-Z", "ui-testing",
                                      "-Z", "inject-bug=lint-buffer-late", PATH])
    assert status == result.status
    assert out.replace("ui_tests/lints/", "$DIR/") == result.stderr
    again = minimize(PATH, "fixed", "lint-buffer-late", schedules=50, max_examples=100)
    assert again.token == result.token                    # derandomized: reproducible


def test_cli_reports_the_shrink_and_fails_cleanly_without_a_bug():
    p = harness(["minimize", f"{PATH}#fixed", "--inject-bug", "lint-buffer-late", "--max-examples", "60"])
    assert p.returncode == 0 and "shrunk a diverging schedule from" in p.stdout and "replay: harness replay" in p.stdout
    none = harness(["minimize", f"{PATH}#fixed", "--schedules", "20"])
    assert none.returncode == 1 and "no diverging schedule in 20 portfolio schedules" in none.stdout


def test_default_search_finds_a_bug_random_misses():
    """`no-parallel-guard` needs one worker to run ahead: PCT finds that at once, and the portfolio at
    its fourth schedule of seed 0 (its second PCT one); uniform random finds none in 200 schedules of
    seed 0 (nor `make bench` in 100 of any of its 20 seeds)."""
    res = minimize("ui_tests/parallel/no-parallel-guard.rs", "fixed", "no-parallel-guard", schedules=4,
                   max_examples=30)
    assert res is not None and res.status == 1 and "error[E0072]" not in res.stderr
    assert minimize("ui_tests/parallel/no-parallel-guard.rs", "fixed", "no-parallel-guard", schedules=200,
                    max_examples=5, strategy="random") is None
