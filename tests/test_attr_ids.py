"""Acceptance for `global-attr-id` and `attr-used-marks`: the injected design is visible across schedules and across sessions
in one process (attribute ids; spurious `unused attribute`), and the fixed design is immune to both."""
from __future__ import annotations

import re

from tests.conftest import compile_in_process

IDS = "ui_tests/modules/attr-ids.rs"
MARKS = "ui_tests/attributes/attr-used-marks.rs"
NOTE = re.compile(r"^note: AttrId\((\d+)\): .*\n\s+--> (\S+):(\d+):(\d+)$", re.M)


def attr_ids(spec: str | None, bug: bool) -> dict:
    argv = ["-Z", "ui-testing", "-Z", "dump-attr-ids"]
    if spec:
        argv += ["-Z", "threads=4", "-Z", f"schedule={spec}"]
    if bug:
        argv += ["-Z", "inject-bug=global-attr-id"]
    code, out = compile_in_process(argv + [IDS])
    assert code == 0, out
    return {(f, int(line)): int(i) for i, f, line, _ in NOTE.findall(out)}


def ranks(ids: dict) -> list:
    return [k for k, _ in sorted(ids.items(), key=lambda kv: kv[1])]


def test_fixed_ids_are_the_same_in_every_session_and_schedule():
    first = attr_ids(None, False)
    assert len(first) == 6 and sorted(first.values()) == list(range(6))
    for spec in [None, "random:1", "pct:2", None, "random:99"]:
        assert attr_ids(spec, False) == first


def test_injected_ids_differ_between_sessions_in_one_process():
    a = attr_ids(None, True)
    b = attr_ids(None, True)
    assert len(a) == len(b) == 6
    assert ranks(a) == ranks(b)                         # same order: one thread parsed both times
    assert min(b.values()) > max(a.values())           # ... but the counter kept going


def test_injected_ids_differ_between_schedules():
    orders = {tuple(ranks(attr_ids(f"random:{s}", True))) for s in range(30)}
    assert len(orders) > 1, "module files parsed in another order must number attributes differently"


def _unused_attribute_warnings(spec: str, bug: bool) -> int:
    argv = ["-Z", "ui-testing", "-Z", "threads=4", "-Z", f"schedule={spec}"]
    if bug:
        argv += ["-Z", "inject-bug=attr-used-marks"]
    code, out = compile_in_process(argv + [MARKS])
    assert code == 0
    return out.count("warning: unused attribute")


def test_used_marks_give_spurious_warnings_only_with_the_injection():
    injected = [_unused_attribute_warnings(f"pct:{s}", True) for s in range(60)]
    assert min(injected) == 1 and max(injected) > 1     # the genuine duplicate, plus spurious ones
    fixed = {_unused_attribute_warnings(f"{k}:{s}", False) for s in range(60) for k in ("random", "pct")}
    assert fixed == {1}
