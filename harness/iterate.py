"""Runs one UI-test revision on any backend the way compiletest's parallel-frontend mode does, and
further: a reference run at `-Z threads=1`, then iterations at `-Z threads=N` under a budget
(`runs`, `until_fail`, `time_budget`), each classified against the blessed output (ICE signature,
delayed bug, deadlock, timeout, signal, or an output mismatch that says whether only the order
changed), with per-class statistics and the known-failures lookup."""
from __future__ import annotations

import os
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from harness import compare as cmp
from harness import normalize as norm
from harness.backends.minirustc import z_values
from harness.known import KnownFailures
from harness.outcome import EXPECTED_ERRORS, MISMATCH, PASS, Classification
from harness.perturb import Perturbation
from harness.stats import Rate
from harness.uitest.annotations import parse_annotations
from harness.uitest.conditions import skip_reason
from harness.uitest.diagnostics import check_annotations, parse_diagnostics
from harness.uitest.runner import read_expected as read
from harness.uitest.test import UiTest

THREADS_RE = re.compile(r"^threads=(\d+)$")


@dataclass
class IterConfig:
    runs: int = 10
    threads: int | None = None          # None: the test's own `-Z threads`, else DEFAULT_THREADS
    until_fail: bool = False
    time_budget: float | None = None    # seconds for the iterations of one revision
    mode: str | None = None             # comparison mode for the whole run (else the test's)
    perturb: Perturbation = field(default_factory=Perturbation)
    known: KnownFailures = field(default_factory=lambda: KnownFailures(None, []))
    bless: bool = False


DEFAULT_THREADS = 4


@dataclass
class RunRecord:
    index: int                           # 0 is the reference run at -Z threads=1
    threads: int | None
    cls: str
    signature: str | None
    detail: str | None
    ok: bool
    seconds: float
    cpu_seconds: float
    max_rss_kb: int
    status: int | None

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class SignatureRow:
    signature: str
    cls: str
    count: int = 0
    first_run: int = 0
    known_issue: str | None = None
    example: str = ""                    # the normalised stderr of its first run (or a diff)

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class RevisionReport:
    test_id: str
    revision: str | None
    mode: str
    threads: int | None
    known_bug: str | None = None
    skipped: str | None = None
    problems: list[str] = field(default_factory=list)       # reference-run problems (stale .stderr, ...)
    reference: RunRecord | None = None
    runs: list[RunRecord] = field(default_factory=list)
    signatures: dict[str, SignatureRow] = field(default_factory=dict)
    stopped: str = ""                                       # why the iterations stopped early

    @property
    def failures(self) -> int:
        return sum(1 for r in self.runs if not r.ok)

    @property
    def rate(self) -> Rate:
        return Rate(self.failures, len(self.runs))

    def class_rates(self) -> dict[str, Rate]:
        out: dict[str, Rate] = {}
        for r in self.runs:
            out.setdefault(r.cls, Rate(0, len(self.runs)))
            out[r.cls].failures += 1
        return dict(sorted(out.items()))

    @property
    def first_failure(self) -> int | None:
        return next((r.index for r in self.runs if not r.ok), None)

    @property
    def new_failures(self) -> list[SignatureRow]:
        return [s for s in self.signatures.values() if s.known_issue is None]

    @property
    def outcome(self) -> str:
        if self.skipped:
            return "skipped"
        if self.problems:
            return "failed"
        if self.new_failures:
            return "new-failure"
        if self.signatures:
            return "known-failure"
        return "ok"

    def to_json(self) -> dict:
        return {
            "test": self.test_id, "revision": self.revision, "mode": self.mode, "threads": self.threads,
            "known_bug": self.known_bug, "skipped": self.skipped, "outcome": self.outcome,
            "problems": self.problems, "stopped": self.stopped,
            "reference": self.reference.to_json() if self.reference else None,
            "failure_rate": self.rate.to_json(), "first_failure_run": self.first_failure,
            "classes": {k: v.to_json() for k, v in self.class_rates().items()},
            "signatures": [s.to_json() for s in self.signatures.values()],
            "runs": [r.to_json() for r in self.runs],
        }


def own_threads(flags: list[str]) -> int | None:
    """The `-Z threads=N` among a test's compile-flags, if any (the last one wins, as in rustc)."""
    found = None
    for z in z_values(flags):
        m = THREADS_RE.match(z)
        if m:
            found = int(m.group(1))
    return found


def expected_path(test: UiTest, rev: str | None, kind: str = "stderr") -> str:
    if kind == "stderr":
        return test.expected_path(rev)
    base = test.path[:-3]
    return f"{base}.{rev}.{kind}" if rev else f"{base}.{kind}"




class RevisionRunner:
    def __init__(self, backend, cfg: IterConfig):
        self.backend = backend
        self.cfg = cfg

    # -- helpers
    def normalized(self, test: UiTest, props, text: str, rules) -> str:
        d = os.path.dirname(os.path.abspath(test.path))
        rel = os.path.dirname(test.path)
        text = norm.ui(text, d, aliases=(rel,) if rel and rel != d else ())
        for pat, repl in rules:
            text = pat.sub(repl, text)
        return text

    def mode_for(self, props) -> str:
        return self.cfg.mode or ("lines" if props.compare_by_lines else "exact")

    def judge(self, test, props, out, expected: str, mode: str) -> tuple[Classification, str]:
        """The run's class (a raw failure class, or a mismatch against the expectation) and its stderr."""
        stderr = self.normalized(test, props, out.stderr, props.normalize)
        if out.setup_error:
            return Classification(MISMATCH, f"setup: {out.setup_error}"), stderr
        c = out.classification
        if c.cls not in (PASS, EXPECTED_ERRORS):
            return c, stderr
        if out.status != props.expected_status and not (props.runs_binary and out.status == 0):
            return Classification(MISMATCH, f"mismatch: exit status {out.status} (expected "
                                            f"{props.expected_status})"), stderr
        if props.runs_binary:
            rs = getattr(out, "run_status", None)
            want_fail = props.pass_mode == "run-fail"
            if rs is None or (rs != 0) != want_fail:
                return Classification(MISMATCH, f"mismatch: the program exited with {rs}"), stderr
            if props.check_run_results:
                for kind, text, rules in (("run.stdout", getattr(out, "run_stdout", ""), props.normalize_stdout),
                                          ("run.stderr", getattr(out, "run_stderr", ""), props.normalize)):
                    got = self.normalized(test, props, text or "", rules)
                    want = read(expected_path(test, props_rev(props), kind))
                    if self.cfg.bless:
                        self._write_or_remove(expected_path(test, props_rev(props), kind), got)
                    elif got != want:
                        return Classification(MISMATCH, f"mismatch: {kind} of the program",
                                              detail=cmp.unified(want, got)), stderr
        missing = [p for p in props.error_patterns if not _pattern_in(p, out.stderr)]
        if missing:
            return Classification(MISMATCH, f"mismatch: error-pattern not found: {missing[0]}"), stderr
        if not props.dont_check_stderr:
            c2 = cmp.compare(expected, stderr, mode)
            if not c2.equal:
                what = "order only" if c2.order_only else "changed output"
                return Classification(MISMATCH, f"mismatch: {what}", detail=c2.diff), stderr
        return c, stderr

    # -- the run
    def run(self, test: UiTest, rev: str | None) -> RevisionReport:
        cfg = self.cfg
        props = test.props(rev)
        props.revision = rev
        mode = self.mode_for(props)
        tid = test.test_id(rev)
        iter_threads = cfg.threads if cfg.threads is not None else own_threads(props.compile_flags) or DEFAULT_THREADS
        rep = RevisionReport(tid, rev, mode, iter_threads, known_bug=props.known_bug)
        reason = skip_reason(test.path, props.conditions, self.backend.name) or self.backend.cannot_honour(props)
        if test.ignored:
            reason = "ignore-test"
        if reason:
            rep.skipped = reason
            return rep
        exp_path = expected_path(test, rev)
        expected = read(exp_path)
        # the reference run
        ref = self.backend.run_revision(test, rev, props, threads=1)
        ref_cls, ref_stderr = self.judge(test, props, ref, expected, mode)
        if cfg.bless:
            self._bless(test, rev, props, ref_stderr)
            expected = read(exp_path)
            ref_cls, ref_stderr = self.judge(test, props, ref, expected, mode)
        rep.reference = RunRecord(0, 1, ref_cls.cls, ref_cls.signature, None, ref_cls.cls in (PASS, EXPECTED_ERRORS),
                                  ref.seconds, ref.cpu_seconds, ref.max_rss_kb, ref.status)
        if ref_cls.cls not in (PASS, EXPECTED_ERRORS):
            sig = f" ({ref_cls.signature})" if ref_cls.signature else ""
            rep.problems.append(f"at -Z threads=1: {ref_cls.cls}{sig}"
                                + (f"\n{ref_cls.detail}" if ref_cls.detail else "")
                                + ("\nstale .stderr? run with --bless" if ref_cls.signature in
                                   ("mismatch: changed output", "mismatch: order only") else ""))
        if not props.known_bug and not props.dont_check_stderr and ref_cls.cls in (PASS, EXPECTED_ERRORS):
            required = {"ERROR", "WARN", "NOTE", "HELP"} - props.dont_require
            actual = ref.diagnostics if ref.diagnostics is not None else parse_diagnostics(ref_stderr)
            problems = check_annotations(parse_annotations(test.path, test.src, rev), actual,
                                         os.path.basename(test.path), required=required)
            rep.problems += problems
        if props.ignore_parallel:
            rep.stopped = f"ignore-parallel-frontend: {props.ignore_parallel}"
            return rep
        self._iterate(test, rev, props, expected, mode, iter_threads, rep, ref.seconds)
        return rep

    def _iterate(self, test, rev, props, expected, mode, iter_threads, rep: RevisionReport, typical: float):
        cfg = self.cfg
        pert = cfg.perturb
        start = time.perf_counter()
        lock = threading.Lock()
        stop = threading.Event()
        own = own_threads(props.compile_flags)

        def one(i: int):
            if stop.is_set():
                return
            delay = pert.start_delay(i, typical)
            if delay:
                time.sleep(delay)
            threads = pert.threads_for(i, iter_threads)
            pass_threads = None if (cfg.threads is None and pert.knob != "sweep" and own is not None) else threads
            out = self.backend.run_revision(test, rev, props, threads=pass_threads, preexec=pert.preexec(i))
            c, stderr = self.judge(test, props, out, expected, mode)
            ok = c.cls in (PASS, EXPECTED_ERRORS)
            rec = RunRecord(i + 1, threads, c.cls, c.signature, None if ok else (c.detail or None), ok,
                            out.seconds, out.cpu_seconds, out.max_rss_kb, out.status)
            with lock:
                rep.runs.append(rec)
                if not ok:
                    self._absorb(rep, rec, c, stderr)
                    if cfg.until_fail:
                        stop.set()
                if cfg.time_budget is not None and time.perf_counter() - start > cfg.time_budget:
                    stop.set()

        with pert.background():
            if pert.concurrency == 1:
                for i in range(cfg.runs):
                    if stop.is_set():
                        break
                    one(i)
            else:
                with ThreadPoolExecutor(pert.concurrency) as ex:
                    for i in range(0, cfg.runs, pert.concurrency):
                        if stop.is_set():
                            break
                        list(ex.map(one, range(i, min(cfg.runs, i + pert.concurrency))))
        rep.runs.sort(key=lambda r: r.index)
        if len(rep.runs) < cfg.runs:
            rep.stopped = "first failure (--until-fail)" if cfg.until_fail and rep.failures else \
                f"time budget of {cfg.time_budget:g} s"

    def _absorb(self, rep: RevisionReport, rec: RunRecord, c: Classification, stderr: str):
        sig = c.signature or c.cls
        row = rep.signatures.get(sig)
        if row is None:
            known = self.cfg.known.lookup(rep.test_id, sig, c.cls)
            row = rep.signatures[sig] = SignatureRow(sig, c.cls, 0, rec.index, known.issue if known else None,
                                                     c.detail or norm.strip_ice_noise(stderr))
        row.count += 1
        row.first_run = min(row.first_run, rec.index)

    def _bless(self, test, rev, props, stderr: str):
        if not props.dont_check_stderr:
            self._write_or_remove(expected_path(test, rev), stderr)

    @staticmethod
    def _write_or_remove(path: str, text: str):
        from harness.fsutil import write_atomic
        if text:
            if read(path) != text:
                write_atomic(path, text)
        elif os.path.exists(path):
            os.unlink(path)


def props_rev(props) -> str | None:
    return getattr(props, "revision", None)


def _pattern_in(pattern: str, text: str) -> bool:
    if pattern.startswith("re:"):
        return re.search(pattern[3:], text) is not None
    return pattern in text
