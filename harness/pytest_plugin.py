"""pytest plugin: collects `ui_tests/**/*.rs` as UI tests, one item per revision.

Options: `--bless`, `--compiler` (minirustc, the default, or a real rustc), `--schedules`,
`--threads`, `--strategy`, `--schedule-seed` (minirustc's controlled schedules), `--iterations`,
`--compare-mode` and `--known-failures` (iterations at `-Z threads=N` on a process backend).
`ui_tests/rustc/` holds real-rustc tests; they run only with `--compiler rustc...`."""
from __future__ import annotations

import os

import pytest

from harness.uitest.directives import DirectiveError
from harness.uitest.runner import STRATEGIES, RunConfig, Runner
from harness.uitest.test import UiTest


def pytest_addoption(parser):
    g = parser.getgroup("minirustc-ui", "minirustc UI tests")
    g.addoption("--bless", action="store_true", help="write the -Z threads=1 stderr as the expected output")
    g.addoption("--compiler", default="minirustc",
                help="minirustc (default), minirustc-subprocess, rustc, rustc:+TOOLCHAIN or rustc:/path")
    g.addoption("--schedules", type=int, default=20, help="controlled schedules per test revision (default 20)")
    g.addoption("--iterations", type=int, default=None,
                help="runs at -Z threads=N per revision (rustc: default 10; minirustc: the schedule count)")
    g.addoption("--threads", type=int, default=None,
                help="-Z threads=N for the parallel runs (minirustc: 4; rustc: the test's own, else 4)")
    g.addoption("--strategy", choices=list(STRATEGIES), default="portfolio",
                help="schedule strategy; portfolio (default) runs random and PCT at several depths side by side")
    g.addoption("--schedule-seed", type=int, default=0, help="base seed; each test derives its own from its id")
    g.addoption("--compare-mode", choices=["exact", "lines", "diagnostics"], default=None,
                help="compare output this way for every test (default: each test's own)")
    g.addoption("--known-failures", default=None, help="known failures (TOML) for a rustc backend")


def pytest_configure(config):
    threads = config.getoption("threads", None)
    if threads is not None and threads < 2:
        raise pytest.UsageError(f"--threads must be at least 2, found {threads}")
    it = config.getoption("iterations", None)
    if it is not None and it < 0:
        raise pytest.UsageError("--iterations must not be negative")


def pytest_collect_file(file_path, parent):
    if file_path.suffix == ".rs" and "ui_tests" in file_path.parts and "auxiliary" not in file_path.parts:
        return UiFile.from_parent(parent, path=file_path)
    return None


_BACKENDS: dict = {}


def backend_for(config):
    spec = config.getoption("compiler")
    if spec not in _BACKENDS:
        from harness import backends
        try:
            _BACKENDS[spec] = backends.get(spec)
        except backends.BackendError as e:
            _BACKENDS[spec] = e
    return _BACKENDS[spec]


class UiFile(pytest.File):
    def collect(self):
        rel = os.path.relpath(str(self.path))
        try:
            test = UiTest.load(rel)
        except DirectiveError as e:
            yield BadDirectives.from_parent(self, name="directives", error=str(e))
            return
        if test.ignored:
            return
        real = not self.config.getoption("compiler").startswith("minirustc")
        for i, rev in enumerate(test.revision_names()):
            cls = ProcessItem if real else UiItem
            yield cls.from_parent(self, name=rev or "ui", test=test, rev=rev, first=i == 0)


class UiTestFailure(Exception):
    pass


class BadDirectives(pytest.Item):
    def __init__(self, *, error: str, **kw):
        super().__init__(**kw)
        self.error = error

    def runtest(self):
        raise UiTestFailure(self.error)

    def repr_failure(self, excinfo):
        return str(excinfo.value)


class UiItem(pytest.Item):
    """A revision on minirustc: `-Z threads=1`, then controlled schedules."""

    def __init__(self, *, test: UiTest, rev, first: bool, **kw):
        super().__init__(**kw)
        self.test, self.rev, self.first = test, rev, first

    def config_for_run(self) -> RunConfig:
        o = self.config.option
        schedules = o.iterations if o.iterations is not None else o.schedules
        return RunConfig(schedules=schedules, threads=o.threads or 4, strategy=o.strategy, seed=o.schedule_seed,
                         bless=o.bless)

    def runtest(self):
        if self.test.real_rustc_only:
            pytest.skip("a real-rustc test: run it with --compiler rustc")
        cfg = self.config_for_run()
        props = self.test.props(self.rev)
        from harness.backends import InProcess
        from harness.uitest.conditions import skip_reason
        reason = skip_reason(self.test.path, props.conditions, "minirustc") or InProcess().cannot_honour(props)
        if reason:
            pytest.skip(reason)
        if self.config.getoption("compiler") != "minirustc":
            cfg.backend = backend_for(self.config)
        result = Runner(cfg).run_revision(self.test, self.rev)
        if cfg.bless and self.first:
            for stale in self.test.stale_expected_files():
                os.unlink(stale)
        if result.problems:
            raise UiTestFailure("\n\n".join(result.problems))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, (UiTestFailure, DirectiveError)):
            return f"{self.test.test_id(self.rev)}:\n{excinfo.value}"
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, self.test.test_id(self.rev)


class ProcessItem(UiItem):
    """A revision on a real rustc: `-Z threads=1`, then iterations at `-Z threads=N`; a known
    failure (per toolchain) is an xfail with its rate, a new one fails."""

    def runtest(self):
        from harness import known
        from harness.iterate import IterConfig, RevisionRunner
        from harness.stats import Rate
        backend = backend_for(self.config)
        if isinstance(backend, Exception):
            pytest.skip(f"{self.config.getoption('compiler')}: {backend}")
        o = self.config.option
        path = o.known_failures or (known.default_path(backend.toolchain_id())
                                    if hasattr(backend, "toolchain_id") else None)
        cfg = IterConfig(runs=o.iterations if o.iterations is not None else 10, threads=o.threads,
                         mode=o.compare_mode, known=known.load(path), bless=o.bless)
        rep = RevisionRunner(backend, cfg).run(self.test, self.rev)
        if rep.skipped:
            pytest.skip(rep.skipped)
        msgs = list(rep.problems)
        for s in rep.new_failures:
            msgs.append(f"new failure in {s.count}/{len(rep.runs)} runs (first at run {s.first_run}): "
                        f"{s.cls}: {s.signature}\n{s.example[:4000]}")
        if msgs:
            raise UiTestFailure("\n\n".join(msgs))
        if rep.signatures:
            pytest.xfail("; ".join(f"known {s.known_issue}: {s.signature} in {Rate(s.count, len(rep.runs))}"
                                   for s in rep.signatures.values()))
