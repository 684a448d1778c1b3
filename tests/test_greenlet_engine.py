"""The controlled engine on greenlets: each controlled thread keeps its own identity and locals, the
carriers are reused, and an interrupt, an exception escaping a thread or an abandoned run leaves the
engine as it was for the next run."""
from __future__ import annotations

import gc
import io
import signal
import threading

import pytest

from compiler.driver import run_compiler
from compiler.sync import scheduler
from compiler.sync.runtime import Runtime
from compiler.sync.strategy import RandomStrategy
from compiler.sync.types import Lock

TEST = "ui_tests/parallel/worker-local-cycle-handler.rs"
ARGV = ["-Z", "threads=4", "-Z", "schedule=random:1", "-Z", "ui-testing", TEST]


def _compile() -> str:
    out = io.StringIO()
    run_compiler(ARGV, out)
    return out.getvalue()


def _run_threads(rt: Runtime, bodies: dict):
    done = []

    def wrap(f):
        def run():
            f()
            done.append(1)
            rt.notify(done)
        return run

    for name, f in bodies.items():
        rt.spawn(wrap(f), name, True)
    rt.wait_until(lambda: len(done) == len(bodies), done, "join")
    rt.sched.join_all()


def test_each_controlled_thread_has_its_own_identity_and_locals():
    rt = Runtime(3, RandomStrategy(4))
    lock = Lock(rt, name="l")
    rt.local.mark = "main"
    seen: dict = {}

    def body(name):
        def f():
            assert not hasattr(rt.local, "mark")       # a new thread starts with no locals
            rt.local.mark = name
            idents = set()
            for _ in range(10):
                with lock:                              # a scheduling point: others run in between
                    assert rt.local.mark == name
                    idents.add(rt.thread_id())
            seen[name] = idents
        return f

    _run_threads(rt, {"a": body("a"), "b": body("b")})
    assert rt.local.mark == "main"
    assert all(len(v) == 1 for v in seen.values())
    (a_id,), (b_id,) = seen["a"], seen["b"]
    assert a_id != b_id
    assert rt.thread_id() == threading.get_ident() not in (a_id, b_id)     # main is its OS thread


def test_carriers_are_reused_across_runs():
    for _ in range(5):
        _compile()
    idle = len(scheduler._carriers.idle)
    for _ in range(20):
        _compile()
    assert len(scheduler._carriers.idle) == idle > 0


def test_an_exception_escaping_a_thread_ends_that_thread_only(capsys):
    rt = Runtime(2, RandomStrategy(0))

    def bad():
        raise ValueError("escaped")

    ran = []
    done = []

    def good():
        ran.append(1)
        done.append(1)
        rt.notify(done)

    rt.spawn(bad, "bad", False)
    rt.spawn(good, "good", False)
    rt.wait_until(lambda: done, done, "join")
    rt.sched.join_all()
    assert ran == [1]
    assert "Exception in controlled thread bad" in capsys.readouterr().err


def test_a_keyboard_interrupt_in_a_spawned_thread_reaches_the_caller():
    expected = _compile()
    rt = Runtime(2, RandomStrategy(0))
    lock = Lock(rt, name="l")

    def interrupted():
        with lock:
            raise KeyboardInterrupt

    def other():
        for _ in range(20):
            with lock:
                pass

    with pytest.raises(KeyboardInterrupt):
        _run_threads(rt, {"interrupted": interrupted, "other": other})
    rt.sched.join_all()
    assert all(t.status == scheduler.DONE for t in rt.sched.threads[1:])
    assert _compile() == expected


# an interrupt that lands in a gc callback is reported as unraisable there, and is no failure
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.xfail(strict=False, reason=(
    "known engine bug: a timer interrupt that lands inside a carrier hand-off can leave a parked carrier "
    "resumed without a job (TypeError at ControlledGreenlet._loop); seen in fresh clones under make test, "
    "not in isolation. Issue #9 note; to fix before relying on random-moment interrupts"))
def test_interrupts_at_any_moment_never_hang_and_leave_the_engine_clean():
    expected = _compile()

    def interrupt(*_):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    interrupted = 0
    try:
        for i in range(40):
            try:
                try:
                    signal.setitimer(signal.ITIMER_REAL, 0.00005 * (1 + i % 13))
                    run_compiler(["-Z", "threads=4", "-Z", f"schedule=random:{i}", "-Z", "ui-testing", TEST],
                                 io.StringIO())
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            except KeyboardInterrupt:
                interrupted += 1
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert interrupted > 0
    assert _compile() == expected


def test_an_abandoned_run_is_collected_and_the_next_run_is_unaffected():
    expected = _compile()
    for i in range(10):
        rt = Runtime(3, RandomStrategy(i))
        lock = Lock(rt, name="l")

        def w():
            for _ in range(5):
                with lock:
                    pass

        rt.spawn(w, "a", True)
        rt.spawn(w, "b", True)
        rt.yield_point("leave the others parked")
        del rt, lock, w
    gc.collect()
    assert _compile() == expected


def test_controlled_runs_in_several_os_threads_at_once():
    expected = _compile()
    results = []

    def compile_some():
        for _ in range(10):
            results.append(_compile() == expected)

    threads = [threading.Thread(target=compile_some) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == [True] * 30
