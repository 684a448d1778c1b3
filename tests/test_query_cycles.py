"""The query engine's cycle handling. As in rustc's parallel mode, every cycle at `-Z threads=N` goes
through the latch and the deadlock handler's thread (a worker waits even on a query it started
itself), and gives the `-Z threads=1` E0391, byte for byte."""
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


def test_every_parallel_cycle_goes_through_the_handler_and_gives_the_serial_error():
    _, serial = compile_in_process(["-Z", "ui-testing", TEST])
    assert "error[E0391]: cycle detected when expanding type alias `Outer`" in serial
    for seed in range(60):
        code, out, handler_runs = run_controlled(f"random:{seed}", TEST)
        assert (code, out) == (1, serial), f"seed {seed}"
        assert handler_runs == 1, f"seed {seed}: the cycle must be broken by the handler, once"


def test_const_and_static_cycles_match_serial():
    for path in ["ui_tests/cycles/const-cycle.rs", "ui_tests/cycles/static-cycle.rs",
                 "ui_tests/parallel/two-cycles.rs"]:
        _, serial = compile_in_process(["-Z", "ui-testing", path])
        for seed in range(30):
            for strategy in ("random", "pct"):
                code, out, runs = run_controlled(f"{strategy}:{seed}", path)
                assert out == serial, f"{path} {strategy}:{seed}"
                assert runs > 0, f"{path} {strategy}:{seed}: a parallel cycle must reach the handler"
