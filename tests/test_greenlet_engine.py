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


# the scheduler's functions that hand the baton on, create, finish or unwind threads: every k-th of their
# instructions is a target; the scheduling points' own instructions are sampled more sparsely
HAND_OFF = {"spawn", "_publish", "_new_state", "_carrier", "_loop", "body", "_exit", "_finish", "_unwind_target",
            "join_all", "_unwind_all", "__init__"}


class _InterruptAt:
    """A `sys.settrace` hook that raises KeyboardInterrupt at the k-th instruction (opcode, line, call or
    return event) the scheduler's own code executes, counting the hand-off functions' instructions or the
    others'. Tracing stops there: one interrupt per run, as with the timer."""
    FILE = scheduler.__file__

    def __init__(self, hand_off: bool, k: int):
        self.hand_off, self.k, self.n = hand_off, k, 0
        self.fired = False

    def __call__(self, frame, event, arg):
        if frame.f_code.co_filename == self.FILE and (frame.f_code.co_name in HAND_OFF) == self.hand_off:
            frame.f_trace_opcodes = True
            return self._event
        return None

    def _event(self, frame, event, arg):
        self.n += 1
        if self.n == self.k:
            self.fired = True
            raise KeyboardInterrupt
        return self._event


def _traced_run(argv, hook) -> bool:
    """Whether the run ended in KeyboardInterrupt."""
    import sys
    sys.settrace(hook)
    try:
        run_compiler(argv, io.StringIO())
    except KeyboardInterrupt:
        return True
    finally:
        sys.settrace(None)
    return False


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_an_interrupt_at_any_instruction_of_the_scheduler_reaches_the_caller_and_leaves_it_clean():
    """The timer test's deterministic, stricter form: the interrupt is raised at chosen instructions of
    compiler/sync/scheduler.py (some where no signal handler could run), under the random strategy's
    inlined draw and PCT's. Every run must end in that KeyboardInterrupt (not a TypeError, a hang, a
    ScheduleAbort or a swallowed interrupt), and the engine must compile the next run as before. (A run
    that creates fewer carriers than the counting run may end before its k-th instruction.)"""
    expected = _compile()
    checked = fired = 0
    for spec in ("random:1", "pct:1"):
        argv = ["-Z", "threads=4", "-Z", f"schedule={spec}", "-Z", "ui-testing", TEST]
        for hand_off, stride in ((True, 13), (False, 257)):
            total = _InterruptAt(hand_off, 0)
            assert not _traced_run(argv, total)
            assert total.n > 10 * stride
            for k in range(1 + checked % stride, total.n + 1, stride):
                hook = _InterruptAt(hand_off, k)
                assert _traced_run(argv, hook) == hook.fired, (spec, hand_off, k)
                checked += 1
                fired += hook.fired
                if checked % 8 == 0:
                    assert _compile() == expected, (spec, hand_off, k)
    assert fired > 0.9 * checked
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
