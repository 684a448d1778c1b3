"""The schedule engine and the sync types: tokens, deadlock and livelock reports, borrow flags,
WorkerLocal, ParallelGuard, determinism."""
from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.sync import token as tokens
from compiler.sync.pool import FatalError, ParallelGuard, ThreadPool
from compiler.sync.runtime import Runtime
from compiler.sync.scheduler import ScheduleAbort
from compiler.sync.strategy import PctStrategy, RandomStrategy, ScheduleSpecError, parse_spec
from compiler.sync.types import BorrowError, Lock, RefCell
from compiler.sync.worker_local import WORKER_LOCAL_PANIC, WorkerLocal, WorkerLocalPanic

decisions = st.lists(st.integers(2, 6).flatmap(lambda k: st.tuples(st.integers(0, k - 1), st.just(k))),
                     max_size=300)


@given(st.integers(2, 16), decisions)
@settings(max_examples=200, deadline=None)
def test_token_round_trip(threads, ds):
    tok = tokens.encode(threads, ds)
    dec = tokens.Decoder(tok)
    assert dec.threads == threads
    assert [dec.next(k) for _, k in ds] == [i for i, _ in ds]
    assert dec.next(2) is None


def test_token_rejects_corruption():
    tok = tokens.encode(4, [(1, 3), (0, 2), (2, 4)] * 10)
    payload = tok.split(".")[3]
    flipped = tok.replace(payload, payload[:-1] + ("A" if payload[-1] != "A" else "B"))
    with pytest.raises(tokens.TokenError, match="checksum mismatch"):
        tokens.Decoder(flipped)
    with pytest.raises(tokens.TokenError, match="malformed"):
        tokens.Decoder("s1.4.garbage")
    with pytest.raises(ScheduleSpecError, match="unknown schedule strategy"):
        parse_spec("bfs:1")
    with pytest.raises(ScheduleSpecError, match="must be integers"):
        parse_spec("pct:x")


def _two_thread_program(rt: Runtime, body_a, body_b):
    done = []

    def wrap(f, name):
        def run():
            f()
            done.append(name)
            rt.notify(done)
        return run

    rt.spawn(wrap(body_a, "a"), "a", True)
    rt.spawn(wrap(body_b, "b"), "b", True)
    rt.wait_until(lambda: len(done) == 2, done, "main: join")
    return done


def _abba(seed: int):
    rt = Runtime(2, RandomStrategy(seed))
    l1, l2 = Lock(rt, name="first"), Lock(rt, name="second")

    def a():
        with l1, l2:
            pass

    def b():
        with l2, l1:
            pass

    try:
        _two_thread_program(rt, a, b)
        return None
    except ScheduleAbort as e:
        return e
    finally:
        rt.sched.join_all()


def test_lock_order_deadlock_is_reported_with_positions_and_never_hangs():
    outcomes = [_abba(seed) for seed in range(40)]
    deadlocks = [e for e in outcomes if e is not None]
    assert deadlocks, "some schedule of an ABBA lock order must deadlock"
    assert len(deadlocks) < len(outcomes), "some schedule must complete"
    report = deadlocks[0].report
    assert deadlocks[0].kind == "deadlock"
    assert "thread positions:" in report
    assert "blocked at `lock first`" in report and "blocked at `lock second`" in report
    assert threading.active_count() < 20


def test_livelock_hits_the_step_bound():
    rt = Runtime(2, RandomStrategy(1), max_steps=500)
    flag = []

    def spin():
        while not flag:
            rt.yield_point("spin")

    with pytest.raises(ScheduleAbort) as e:
        _two_thread_program(rt, spin, spin)
    rt.sched.join_all()
    assert e.value.kind == "livelock"
    assert "no progress in 500 scheduling steps (no query or work item completed)" in e.value.report


def test_same_seed_same_decisions():
    def record(seed):
        rt = Runtime(3, PctStrategy(seed))
        lock = Lock(rt, name="l")
        log = []

        def body(name):
            def f():
                for i in range(5):
                    with lock:
                        log.append((name, i))
            return f
        _two_thread_program(rt, body("a"), body("b"))
        rt.sched.join_all()
        return log, rt.token()

    assert record(7) == record(7)
    assert {tuple(record(s)[0]) for s in range(10)} != {tuple(record(7)[0])}


def test_refcell_borrow_conflict_is_rusts_panic():
    rt = Runtime(1)
    cell = RefCell(rt, {}, "relation")
    with cell.borrow():
        with cell.borrow():
            pass
        with pytest.raises(BorrowError, match=r"^already borrowed: BorrowMutError$"):
            with cell.borrow_mut():
                pass
    with cell.borrow_mut():
        with pytest.raises(BorrowError, match=r"^already mutably borrowed: BorrowError$"):
            with cell.borrow():
                pass


def test_worker_local_panics_off_its_pool():
    rt = Runtime(2, RandomStrategy(0))
    pool = ThreadPool(rt)
    wl = WorkerLocal(rt, pool, lambda i: f"arena-{i}")
    seen = []
    pool.install(lambda: pool.par_for_each([0, 1, 2], lambda _: seen.append(wl.get())))
    assert sorted(set(seen)) <= ["arena-0", "arena-1"] and len(seen) == 3
    errors = []

    def outsider():
        try:
            wl.get()
        except WorkerLocalPanic as e:
            errors.append(str(e))
        rt.notify(errors)

    rt.spawn(outsider, "<unnamed>", False)
    rt.wait_until(lambda: errors, errors, "join")
    rt.sched.join_all()
    assert errors == [WORKER_LOCAL_PANIC]


def test_parallel_guard_prefers_an_ice_and_the_lowest_index():
    g = ParallelGuard()
    g.record(3, FatalError())
    ice = RuntimeError("ice")
    g.record(5, ice)
    g.record(1, FatalError())
    with pytest.raises(RuntimeError):
        g.reraise()
    g2 = ParallelGuard()
    a, b = ValueError("a"), ValueError("b")
    g2.record(4, b)
    g2.record(2, a)
    with pytest.raises(ValueError, match="^a$"):
        g2.reraise()


@pytest.mark.parametrize("guard", [True, False])
def test_par_for_each_runs_every_item_only_with_the_guard(guard):
    ran_counts = set()
    for seed in range(30):
        rt = Runtime(3, PctStrategy(seed))
        pool = ThreadPool(rt, no_parallel_guard=not guard)
        ran = []

        def item(i):
            ran.append(i)
            if i == 1:
                raise FatalError()

        with pytest.raises(FatalError):
            pool.install(lambda: pool.par_for_each(range(6), item))
        rt.sched.join_all()
        ran_counts.add(len(ran))
    if guard:
        assert ran_counts == {6}
    else:
        assert min(ran_counts) < 6


def test_cell_and_atomic_are_scheduling_points_and_count_right():
    from compiler.sync.types import AtomicUsize, Cell
    rt = Runtime(3, RandomStrategy(5))
    counter, last = AtomicUsize(rt, 0, "count"), Cell(rt, None, "last")

    def body(name):
        def f():
            for _ in range(10):
                counter.fetch_add(1)
                last.set(name)
        return f

    _two_thread_program(rt, body("a"), body("b"))
    rt.sched.join_all()
    assert counter.load() == 20 and last.get() in ("a", "b")
    assert rt.sched.steps > 40


def test_a_token_cut_short_never_hangs():
    """A replay that runs out of decisions anywhere (also where a thread exits and hands on the baton)
    ends with the divergence error: every prefix of a real token terminates."""
    import io
    import threading

    from compiler.driver import Compiler
    from compiler.session import parse_args
    from compiler.sync import token as tokens
    from compiler.sync.runtime import Runtime
    from tests.conftest import compile_in_process
    path = "ui_tests/cycles/cycles-and-errors.rs"
    opts = parse_args(["-Z", "threads=4", "-Z", "schedule=random:3", "-Z", "ui-testing", path])
    rt = Runtime(opts.threads, opts.strategy)
    with open(path) as f:
        Compiler(opts, rt, io.StringIO(), f.read()).run()
    rt.sched.join_all()
    pairs = list(rt.sched.decisions)
    assert len(pairs) > 20
    for k in range(0, len(pairs), max(1, len(pairs) // 60)):
        cut = tokens.encode(4, pairs[:k])
        result: list = []
        t = threading.Thread(target=lambda: result.append(compile_in_process(
            ["-Z", "threads=4", "-Z", f"schedule=replay:{cut}", "-Z", "ui-testing", path])), daemon=True)
        t.start()
        t.join(20)
        assert result, f"the replay of the first {k} decisions hung"
        status, out = result[0]
        assert status == 1 and "error: schedule replay diverged: the schedule token ended" in out, out


def _find_cycle_reference(jobs, anchor_first=False):
    """find_cycle as it was written first (a recursive search over the queries): the numbered, iterative
    search must pick the same cycle, the same waiter and the same latch."""
    from compiler.query.job import CycleError
    by_query = {j.query: j for j in jobs}
    order = (lambda q: by_query[q].id) if anchor_first else (lambda q: q.sort_key())
    edges: dict = {j.query: [] for j in jobs}
    for j in jobs:
        if j.parent is not None and j.parent.query in edges:
            edges[j.parent.query].append((j.query, j.span, None))
        if j.latch is not None:
            for w in j.latch.waiters:
                if w.query is not None and w.query.query in edges:
                    edges[w.query.query].append((j.query, w.span, w))
    for v in edges.values():
        v.sort(key=lambda e: order(e[0]))
    state: dict = {}
    path: list = []

    def dfs(q):
        state[q] = 1
        for target, span, waiter in edges[q]:
            path.append((q, span, waiter, target))
            if state.get(target) == 1:
                start = next(i for i, p in enumerate(path) if p[0] == target)
                return path[start:]
            if target not in state:
                found = dfs(target)
                if found:
                    return found
            path.pop()
        state[q] = 2
        return None

    for q in sorted(edges, key=order):
        if q not in state:
            cyc = dfs(q)
            if cyc:
                frames, spans = [p[0] for p in cyc], [p[1] for p in cyc]
                waits = [(p[2], p[3]) for p in cyc if p[2] is not None]
                if anchor_first:
                    waiter, target = waits[0]
                    return CycleError(frames, spans, as_met=True), waiter, by_query[target].latch
                entry = min(frames, key=lambda f: f.sort_key())
                waiter, target = next(((w, t) for w, t in waits if t == entry), waits[0])
                return CycleError(frames, spans), waiter, by_query[target].latch
    return None


@given(st.randoms(use_true_random=False))
@settings(max_examples=400, deadline=None)
def test_find_cycle_matches_the_recursive_search(rng):
    """Random query maps (parents form a forest, as call stacks do; waiters may close cycles), jobs in
    any order, keys that share sort keys (keys without an index)."""
    from compiler.query.deadlock import find_cycle
    from compiler.query.job import QueryJob, QueryKey, QueryLatch, QueryWaiter

    class Def:
        def __init__(self, index):
            self.index = index

    defs = [Def(rng.randint(0, 4)) for _ in range(6)]
    jobs, seen = [], set()
    for i in range(rng.randint(1, 8)):
        q = QueryKey(rng.choice("abc"), rng.choice([None, object(), *defs]))
        if q in seen:
            continue
        seen.add(q)
        parent = rng.choice([None, *jobs])
        jobs.append(QueryJob(rng.randint(1, 60), q, parent, f"span{i}", 0))
    for j in jobs:
        if rng.random() < 0.6:
            j.latch = QueryLatch()
            for k in range(rng.randint(0, 3)):
                j.latch.waiters.append(QueryWaiter(rng.choice([None, *jobs]), f"wait{k}"))
    rng.shuffle(jobs)
    for anchor_first in (False, True):
        want, got = _find_cycle_reference(jobs, anchor_first), find_cycle(jobs, anchor_first)
        if want is None:
            assert got is None
        else:
            assert got is not None and got[0] == want[0] and got[1] is want[1] and got[2] is want[2]


@pytest.mark.parametrize("threads,strategy", [(2, RandomStrategy(1)), (2, None), (1, None)])
def test_try_lock_takes_a_free_lock_only_and_is_no_scheduling_point(threads, strategy):
    rt = Runtime(threads, strategy)
    lock = Lock(rt, name="state")
    steps = rt.sched.steps if rt.sched else 0
    assert lock.try_lock()
    if rt.mode != "serial":
        assert not lock.try_lock()          # held: rustc's `try_lock` fails, it never waits
    lock.release()
    assert lock.try_lock()
    lock.release()
    if rt.sched is not None:
        assert rt.sched.steps == steps and rt.sched.decisions == []


def test_a_one_item_batch_runs_on_its_caller_with_no_scheduling_point():
    rt = Runtime(4, RandomStrategy(3))
    pool = ThreadPool(rt)
    seen = {}

    def body():
        before = rt.sched.steps
        pool.par_for_each(["only"], lambda item: seen.setdefault(item, rt.thread_id()))
        seen["steps"] = rt.sched.steps - before
        seen["caller"] = rt.thread_id()
        with pytest.raises(FatalError):     # its panic is the caller's, as with the guard
            pool.par_for_each([1], lambda item: (_ for _ in ()).throw(FatalError()))
        pool.par_for_each([], lambda item: seen.setdefault("empty", item))

    pool.install(body)
    rt.sched.join_all()
    assert seen == {"only": seen["caller"], "steps": 0, "caller": seen["caller"]}
