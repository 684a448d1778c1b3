"""`harness explore`: bounded exhaustive exploration proves the fixed compiler right for every schedule
with at most one preemption, and finds the injected bug among them."""
from __future__ import annotations

from harness.explore import explore
from tests.conftest import compile_in_process

PATH = "ui_tests/parallel/worker-local-cycle-handler.rs"
# this test's schedules with at most one preemption at -Z threads=2 (bounded DFS: the same count every
# time); the injected bug's handler takes other steps, so it has more
ONE_PREEMPTION_SCHEDULES = 95
ONE_PREEMPTION_SCHEDULES_INJECTED = 178


def test_fixed_compiler_is_right_for_every_one_preemption_schedule():
    res = explore(PATH, "fixed", None, bound=1, threads=2)
    assert res.complete and res.runs == ONE_PREEMPTION_SCHEDULES and res.divergent_count == 0


def test_exhaustive_search_finds_the_bug_and_its_tokens_replay():
    res = explore(PATH, "fixed", "worker-local-cycle-handler", bound=1, threads=2)
    # every cycle at threads > 1 reaches the handler, as in rustc, so every schedule shows the bug
    assert res.complete and res.divergent_count == res.runs == ONE_PREEMPTION_SCHEDULES_INJECTED
    token = res.divergent[0]
    status, out = compile_in_process(["-Z", "threads=2", "-Z", f"schedule=replay:{token}", "-Z", "ui-testing",
                                      "-Z", "inject-bug=worker-local-cycle-handler", PATH])
    assert status == 134 and "WorkerLocal can only be used on the thread pool it was created on" in out


def test_the_bound_limits_the_search():
    zero = explore(PATH, "fixed", None, bound=0, threads=2)
    one = explore(PATH, "fixed", None, bound=1, threads=2)
    assert zero.complete and zero.runs < one.runs
