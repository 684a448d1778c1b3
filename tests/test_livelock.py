"""The livelock bound counts scheduling steps without progress (a completed query or work item), not
total steps: a valid 20,000-function program runs to completion under a controlled schedule, and a
bound too small for any progress is still reported as a livelock."""
from __future__ import annotations

from tests.conftest import compile_in_process


def test_a_large_valid_program_is_not_a_livelock(tmp_path):
    src = ["#![allow(dead_code)]"] + [f"fn item_{i}(x: i32) -> i32 {{ x + {i} }}" for i in range(20_000)]
    path = tmp_path / "big.rs"
    path.write_text("\n".join(src + ["fn main() {}"]) + "\n")
    status, out = compile_in_process(["-Z", "threads=4", "-Z", "schedule=random:1", str(path)])
    assert (status, out) == (0, "")


def test_no_progress_within_the_bound_is_a_livelock():
    status, out = compile_in_process(["-Z", "threads=4", "-Z", "schedule=random:1", "-Z", "max-schedule-steps=5",
                                      "ui_tests/parallel/many-items.rs"])
    assert status == 101
    assert out.startswith("error: internal compiler error: livelock: no progress in 5 scheduling steps "
                          "(no query or work item completed)\n")
