"""The query engine's cycle handling: a cycle found on one worker's stack and a cycle that spans two
workers (broken by the deadlock handler's thread) give the `-Z threads=1` E0391, byte for byte."""
from __future__ import annotations

import io

from compiler.driver import Compiler
from compiler.session import parse_args
from compiler.sync.runtime import Runtime
from tests.conftest import compile_in_process

TEST = "ui_tests/parallel/worker-local-cycle-handler.rs"


def run_controlled(spec: str, path: str, extra=()):
    opts = parse_args(["-Z", "threads=4", "-Z", f"schedule={spec}", "-Z", "ui-testing", *extra, path])
    rt = Runtime(opts.threads, opts.strategy)
    out = io.StringIO()
    with open(path) as f:
        c = Compiler(opts, rt, out, f.read())
    code = c.run()
    rt.sched.join_all()
    return code, out.getvalue(), c.tcx.pool.handler_runs


def test_both_cycle_paths_give_the_serial_error():
    _, serial = compile_in_process(["-Z", "ui-testing", TEST])
    assert "error[E0391]: cycle detected when expanding type alias `Outer`" in serial
    by_handler = on_stack = 0
    for seed in range(60):
        code, out, handler_runs = run_controlled(f"random:{seed}", TEST)
        assert (code, out) == (1, serial), f"seed {seed}"
        if handler_runs:
            by_handler += 1
        else:
            on_stack += 1
    assert by_handler >= 5 and on_stack >= 5, (by_handler, on_stack)


def test_const_and_static_cycles_match_serial():
    for path in ["ui_tests/cycles/const-cycle.rs", "ui_tests/cycles/static-cycle.rs",
                 "ui_tests/parallel/two-cycles.rs"]:
        _, serial = compile_in_process(["-Z", "ui-testing", path])
        handled = 0
        for seed in range(30):
            for strategy in ("random", "pct"):
                code, out, runs = run_controlled(f"{strategy}:{seed}", path)
                assert out == serial, f"{path} {strategy}:{seed}"
                handled += runs > 0
        assert handled > 0, f"{path}: no schedule made the cycle span two workers"
