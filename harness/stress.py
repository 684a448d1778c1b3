"""Stress mode: many controlled schedules per UI-test revision, spread over worker processes. A run
diverges when its stderr or exit status differs from the blessed expectation.

`stress()` runs the schedules and returns one `Row` per revision: counts, the schedule indices run
(`ranges`, 1-based, so that shards can be merged and checked), the divergent indices grouped by
failure class and signature, and the first divergent run's output. `analyse()` then looks at each
revision's first failure: the `-Z threads=1` reference run (a stale `.stderr`, or only schedules?), a
minimised token, and an event trace of the failing schedule for the report's timeline. Both stop at the
next run boundary once `stop` is set (Ctrl-C, SIGTERM); what ran so far is kept."""
from __future__ import annotations

import os
import re
import signal
import time
from dataclasses import dataclass, field

from harness.compare import blocks
from harness.outcome import normalize_message
from harness.uitest.runner import (PORTFOLIO, RunConfig, Runner, read_expected, replay_command, schedule_specs,
                                   unified_diff)
from harness.uitest.test import UiTest

CHUNK = 25
SAMPLES = 10            # divergent tokens kept per revision (the first ones by schedule index)


class Stop:
    """A stop request from a signal handler. The handler only sets a plain flag (and, with worker
    processes, a multiprocessing event that the main process never waits on), so it cannot deadlock on
    a lock the interrupted code holds."""

    def __init__(self):
        self.flag = False
        self.signal: str | None = None
        self.event = None            # multiprocessing.Event, created for a process pool

    def request(self, signum: int | None = None):
        self.flag = True
        if self.signal is None:
            self.signal = signal.Signals(signum).name if signum else "stop"
        if self.event is not None:
            self.event.set()

    def is_set(self) -> bool:
        return self.flag


@dataclass
class Row:
    test_id: str
    path: str = ""
    revision: str | None = None
    threads: int = 4
    expected_status: int = 1
    runs: int = 0
    divergent: int = 0
    first_token: str | None = None
    first_spec: str | None = None
    first_command: str | None = None
    first_index: int | None = None     # schedules run before the first divergence (1-based)
    tokens: list[str] = field(default_factory=list)     # the first SAMPLES divergent tokens, by index
    nondeterministic: int = 0          # divergent runs whose token does not replay to the same output
    ranges: list[list[int]] = field(default_factory=list)      # schedule indices run, [first, last]
    divergences: dict = field(default_factory=dict)           # (class, signature) -> [index, ...]
    nondeterministic_indices: list[int] = field(default_factory=list)
    seconds: float = 0.0
    first_run: dict | None = None      # the first divergent run: index, spec, token, status, stderr, ...
    failure: dict | None = None        # filled by analyse()
    _samples: list = field(default_factory=list, repr=False)


def find_tests(paths: list[str]) -> list[str]:
    out = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs.sort()
                out += [os.path.join(root, f) for f in sorted(files) if f.endswith(".rs")
                        and "auxiliary" not in root]
        elif os.path.isfile(p):
            out.append(p)
        else:
            raise FileNotFoundError(p)
    return out


def plan(paths: list[str], cfg: RunConfig) -> list[tuple[str, str | None, list[str], int]]:
    """(test path, revision, schedule specs, offset) chunks. Revisions that pin a schedule or carry a
    known bug have no schedule-independent expectation, so they are not stressed."""
    jobs = []
    for path in find_tests(paths):
        test = UiTest.load(path)
        if test.ignored or test.real_rustc_only:
            continue
        for rev in test.revision_names():
            props = test.props(rev)
            if props.pinned or props.ignore_parallel or props.known_bug or cfg.backend.cannot_honour(props):
                continue
            specs = schedule_specs(test.test_id(rev), cfg, None)
            for i in range(0, len(specs), CHUNK):
                jobs.append((path, rev, specs[i:i + CHUNK], i))
    return jobs


def shard_work(work: list, shard: tuple[int, int] | None) -> list:
    """Chunks are deterministic from the paths and the configuration, so every shard computes the same
    plan and takes every N-th chunk: the shards of one seed partition the unsharded run's schedules."""
    if shard is None:
        return work
    i, n = shard
    return work[i - 1::n]


# ---- failure classes
ICE, ABORT, DEADLOCK, LIVELOCK, STATUS, REORDERED, CHANGED = (
    "ice", "abort", "deadlock", "livelock", "exit-status", "reordered", "changed-output")
CLASSES = (ICE, ABORT, DEADLOCK, LIVELOCK, STATUS, REORDERED, CHANGED)
_PANIC = re.compile(r"^thread '[^']*' panicked at [^\n]*:\n(.*)$", re.M)
_ICE = re.compile(r"^error: internal compiler error: (.*)$", re.M)


def classify(status: int, stderr: str, expected: str, expected_status: int) -> tuple[str, str]:
    """A divergent run's failure class and signature (the message that tells one bug from another;
    digits normalised so that one bug seen a hundred times is one row)."""
    def first(pat):
        m = pat.search(stderr)
        return normalize_message(m.group(1))[:160] if m else None
    if "deadlock detected" in stderr:
        return DEADLOCK, first(_ICE) or "deadlock detected"
    if "livelock: no progress" in stderr:
        return LIVELOCK, "livelock: no progress"
    if status == 134:
        return ABORT, first(_PANIC) or "process aborted"
    if status == 101:
        return ICE, first(_PANIC) or first(_ICE) or "ICE without a panic message"
    if status != expected_status:
        return STATUS, f"exit status {status}, expected {expected_status}"
    exp, act = blocks(expected), blocks(stderr)
    if sorted(exp) == sorted(act):
        return REORDERED, "the same diagnostics in another order"
    heads = lambda bs: [b.split("\n", 1)[0] for b in bs]     # noqa: E731
    eh, ah = heads(exp), heads(act)
    missing = [h for h in eh if h not in ah]
    extra = [h for h in ah if h not in eh]
    parts = [f"-{h}" for h in missing[:2]] + [f"+{h}" for h in extra[:2]]
    return CHANGED, ("; ".join(parts) or "changed diagnostic text")[:240]


# ---- running
_worker_stop = None


def _init_worker(event):
    """Worker processes leave Ctrl-C to the main process, which asks them to stop at a run boundary."""
    global _worker_stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_stop = event


def run_chunk(path: str, rev: str | None, specs: list[str], offset: int, cfg: RunConfig, stop=None) -> dict:
    stop = stop if stop is not None else _worker_stop
    start = time.perf_counter()
    test = UiTest.load(path)
    props = test.props(rev)
    expected = read_expected(test.expected_path(rev))
    runner = Runner(cfg)
    threads = props.threads or cfg.threads
    divergent = []
    ran = 0
    for i, spec in enumerate(specs):
        if stop is not None and stop.is_set():
            break
        run = runner.execute(test, props, spec, threads)
        ran += 1
        if run.stderr != expected or run.status != props.expected_status:
            cls, sig = classify(run.status, run.stderr, expected, props.expected_status)
            d = {"index": offset + i + 1, "spec": spec, "token": run.token, "command": replay_command(run),
                 "class": cls, "signature": sig,
                 "nondeterministic": not _replays(runner, test, props, run, threads)}
            if not divergent:
                d["stderr"], d["status"] = run.stderr, run.status
            divergent.append(d)
    return {"test_id": test.test_id(rev), "path": path, "revision": rev, "threads": threads,
            "expected_status": props.expected_status, "runs": ran,
            "range": [offset + 1, offset + ran] if ran else None, "divergent": divergent,
            "seconds": time.perf_counter() - start}


def _replays(runner: Runner, test, props, run, threads: int) -> bool:
    """The determinism check (as in shuttle): a failing schedule's token, replayed, must give the same
    output. One that does not is uncontrolled nondeterminism, its own class of failure."""
    if run.token is None:
        return False
    again = runner.execute(test, props, f"replay:{run.token}", threads)
    return (again.stderr, again.status) == (run.stderr, run.status)


def merge_ranges(ranges) -> list[list[int]]:
    out: list[list[int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def absorb(rows: dict, res: dict):
    row = rows.get(res["test_id"])
    if row is None:
        row = rows[res["test_id"]] = Row(res["test_id"])
    row.path, row.revision, row.threads = res["path"], res["revision"], res["threads"]
    row.expected_status = res["expected_status"]
    row.runs += res["runs"]
    row.seconds += res["seconds"]
    if res["range"]:
        row.ranges = merge_ranges(row.ranges + [res["range"]])
    row.divergent += len(res["divergent"])
    for d in res["divergent"]:
        row.divergences.setdefault((d["class"], d["signature"]), []).append(d["index"])
        if d["nondeterministic"]:
            row.nondeterministic += 1
            row.nondeterministic_indices.append(d["index"])
        if row.first_index is None or d["index"] < row.first_index:
            row.first_index, row.first_token = d["index"], d["token"]
            row.first_spec, row.first_command = d["spec"], d["command"]
        if "stderr" in d and (row.first_run is None or d["index"] < row.first_run["index"]):
            row.first_run = {k: d[k] for k in ("index", "spec", "token", "command", "class", "signature",
                                               "status", "stderr")}
        row._samples.append((d["index"], d["token"]))
    for v in row.divergences.values():
        v.sort()
    row.nondeterministic_indices.sort()
    row._samples = sorted(row._samples)[:SAMPLES]
    row.tokens = [t for _, t in row._samples]


def stress(paths, cfg: RunConfig, jobs: int, progress=None, shard: tuple[int, int] | None = None,
           stop: Stop | None = None) -> list[Row]:
    work = shard_work(plan(paths, cfg), shard)
    rows: dict[str, Row] = {}
    for path, rev, _, _ in work:
        test = UiTest.load(path)
        tid = test.test_id(rev)
        rows.setdefault(tid, Row(tid, path, rev, test.props(rev).threads or cfg.threads,
                                 test.props(rev).expected_status))
    total = sum(len(w[2]) for w in work)
    task = progress.add_task("schedules", total=total) if progress else None

    def take(res):
        absorb(rows, res)
        if progress:
            progress.advance(task, res["runs"])

    if jobs <= 1 or len(work) <= 1:
        for w in work:
            if stop is not None and stop.is_set():
                break
            take(run_chunk(*w, cfg, stop=stop))
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed
        from concurrent.futures.process import BrokenProcessPool
        if stop is not None and stop.event is None:
            stop.event = multiprocessing.Event()
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                 initargs=(stop.event if stop is not None else None,)) as ex:
            futs = [ex.submit(run_chunk, *w, cfg) for w in work]
            cancelled = False
            try:
                for f in as_completed(futs):
                    if f.cancelled():
                        continue
                    take(f.result())
                    if stop is not None and stop.is_set() and not cancelled:
                        cancelled = True
                        for g in futs:
                            g.cancel()      # not started yet; running chunks stop at their next run
            except BrokenProcessPool:
                if stop is None or not stop.is_set():
                    raise
                # the workers were killed too (SIGTERM to the whole process group): keep what came back
    return list(rows.values())


# ---- the first failure of each revision
def analyse(rows: list[Row], cfg: RunConfig, minimize_examples: int = 100, stop: Stop | None = None,
            trace: bool = True):
    """For each revision's first divergent run: the diff against the blessed file, the `-Z threads=1`
    reference run (does it match the blessed file?), a minimised schedule (hypothesis, at most
    `minimize_examples` runs; not for a stale `.stderr`, where no schedule is to blame) and an event
    trace of the failing schedule (the minimised one when there is one). Stops between revisions."""
    runner = Runner(cfg)
    for row in rows:
        fr = row.first_run
        if fr is None or row.failure is not None:
            continue
        if stop is not None and stop.is_set():
            break
        test = UiTest.load(row.path)
        props = test.props(row.revision)
        exp_path = test.expected_path(row.revision)
        expected = read_expected(exp_path)
        blessed = os.path.basename(exp_path)
        ref = runner.execute(test, props, None, 1)
        stale = ref.stderr != expected or ref.status != props.expected_status
        failure = {
            **{k: fr[k] for k in ("index", "spec", "token", "command", "class", "signature", "status", "stderr")},
            "expected_file": exp_path.replace(os.sep, "/"),
            "expected": expected,
            "diff": unified_diff(expected, fr["stderr"], blessed, f"schedule {fr['spec']}"),
            "replay": _harness_replay(fr["token"], row, cfg),
            "reference": {"status": ref.status, "matches_blessed": not stale,
                          "diff": unified_diff(expected, ref.stderr, blessed, "-Z threads=1") if stale else ""},
            "stale": stale,
            "source": test.src,
            "minimized": None,
            "timeline": None,
        }
        if minimize_examples > 0 and not stale and fr["token"]:
            failure["minimized"] = _minimize(row, cfg, fr, minimize_examples, stop)
        if trace and fr["token"]:
            tok = (failure["minimized"] or {}).get("token") or fr["token"]
            failure["timeline"] = traced_replay(runner, test, props, row.threads, tok,
                                                fr["stderr"] if tok == fr["token"] else None,
                                                fr["status"] if tok == fr["token"] else None,
                                                minimized=tok != fr["token"])
        row.failure = failure


def _harness_replay(token: str | None, row: Row, cfg: RunConfig) -> str | None:
    if not token:
        return None
    tid = row.path.replace(os.sep, "/") + (f"#{row.revision}" if row.revision else "")
    return f"harness replay {token} {tid}" + (f" --inject-bug {cfg.inject_bug}" if cfg.inject_bug else "")


def _minimize(row: Row, cfg: RunConfig, fr: dict, budget: int, stop: Stop | None) -> dict | None:
    """Shrinks the failing schedule's preemptions with delta debugging (ddmin) in at most `budget`
    compiler runs: a dropped preemption lets the running thread go on. The result still diverges, not
    necessarily in the same way: `same_failure` (class and signature) and `same_output` say. `harness minimize` searches with hypothesis
    instead, whose shrinker costs seconds of its own per test at these sizes; here the budget is runs."""
    from compiler.sync.strategy import ChoiceStrategy, RecordingStrategy, parse_spec
    from harness.minimize import Minimizer
    m = Minimizer(row.path, row.revision, cfg.inject_bug, row.threads)
    rec = RecordingStrategy(parse_spec(fr["spec"]))
    if not m.run(rec)[0]:
        return None
    points = [i for i, (c, p) in enumerate(zip(rec.choices, rec.preemptible)) if p and c != 0]

    def choices_for(keep: list[int]) -> list[int]:
        drop = set(points) - set(keep)
        return [0 if i in drop else c for i, c in enumerate(rec.choices)]

    def diverges(keep: list[int]) -> bool:
        return m.run(ChoiceStrategy(choices_for(keep)))[0]

    keep = list(points)
    if keep and diverges([]):
        keep = []
    n = 2
    while len(keep) >= 2 and m.runs < budget and not (stop is not None and stop.is_set()):
        size = -(-len(keep) // n)
        for start in range(0, len(keep), size):
            if m.runs >= budget:
                break
            cand = keep[:start] + keep[start + size:]
            if diverges(cand):
                keep, n = cand, max(n - 1, 2)
                break
        else:
            if n >= len(keep):
                break
            n = min(len(keep), n * 2)
    final = ChoiceStrategy(choices_for(keep))
    diverged, status, stderr, token = m.run(final)
    if not diverged or token is None:
        return None
    cls, sig = classify(status, stderr, m.expected, m.props.expected_status)
    return {"token": token, "preemptions": final.preemptions, "original_preemptions": len(points),
            "runs": m.runs, "status": status, "class": cls, "signature": sig,
            "replay": _harness_replay(token, row, cfg),
            "same_output": stderr == fr["stderr"] and status == fr["status"],
            "same_failure": (cls, sig) == (fr["class"], fr["signature"])}


def traced_replay(runner: Runner, test, props, threads: int, token: str, stderr: str | None = None,
                  status: int | None = None, minimized: bool = False) -> dict:
    """Replays `token` with the scheduler's event trace on (compiler.sync.trace). The trace observes
    only, so the replay's output must be the run's own: `replay_matches` says whether it was."""
    from compiler.sync import trace
    with trace.recording() as tr:
        run = runner.execute(test, props, f"replay:{token}", threads)
    doc = tr.to_json()
    doc["token"] = token
    doc["minimized"] = minimized
    doc["replay_matches"] = None if stderr is None else (run.stderr, run.status) == (stderr, status)
    return doc


# ---- CLI helpers
def member_of(strategy: str, index: int) -> str:
    """The strategy that ran schedule `index` (1-based): a portfolio member, or random/pct for mixed."""
    if strategy == "portfolio":
        m = PORTFOLIO[(index - 1) % len(PORTFOLIO)]
        return m.replace("{seed}:", "") if "{" in m else m
    if strategy == "mixed":
        return ("random", "pct")[(index - 1) % 2]
    return strategy


def install_stop_handlers(stop: Stop):
    """SIGINT and SIGTERM ask for a stop at the next run boundary; a second one stops at once."""
    previous = {}

    def handler(signum, frame):
        if stop.is_set():
            for s, h in previous.items():
                signal.signal(s, h)
            raise KeyboardInterrupt
        stop.request(signum)

    for s in (signal.SIGINT, signal.SIGTERM):
        previous[s] = signal.signal(s, handler)

    def restore():
        for s, h in previous.items():
            signal.signal(s, h)
    return restore
