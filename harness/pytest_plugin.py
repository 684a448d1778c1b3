"""pytest plugin: collects `ui_tests/**/*.rs` as UI tests, one item per revision, and adds the
options `--bless`, `--schedules`, `--threads`, `--strategy` and `--schedule-seed`."""
from __future__ import annotations

import os

import pytest

from harness.uitest.directives import DirectiveError
from harness.uitest.runner import RunConfig, Runner
from harness.uitest.test import UiTest


def pytest_addoption(parser):
    g = parser.getgroup("minirustc-ui", "minirustc UI tests")
    g.addoption("--bless", action="store_true", help="write the -Z threads=1 stderr as the expected output")
    g.addoption("--schedules", type=int, default=20, help="controlled schedules per test revision (default 20)")
    g.addoption("--threads", type=int, default=4, help="-Z threads=N for the controlled runs (default 4)")
    g.addoption("--strategy", choices=["random", "pct", "mixed"], default="mixed",
                help="schedule strategy; mixed alternates random and pct (default)")
    g.addoption("--schedule-seed", type=int, default=0, help="base seed; each test derives its own from its id")


def pytest_collect_file(file_path, parent):
    if file_path.suffix == ".rs" and "ui_tests" in file_path.parts and "auxiliary" not in file_path.parts:
        return UiFile.from_parent(parent, path=file_path)
    return None


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
        for i, rev in enumerate(test.revision_names()):
            yield UiItem.from_parent(self, name=rev or "ui", test=test, rev=rev, first=i == 0)


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
    def __init__(self, *, test: UiTest, rev, first: bool, **kw):
        super().__init__(**kw)
        self.test, self.rev, self.first = test, rev, first

    def config_for_run(self) -> RunConfig:
        o = self.config.option
        return RunConfig(schedules=o.schedules, threads=o.threads, strategy=o.strategy, seed=o.schedule_seed,
                         bless=o.bless)

    def runtest(self):
        cfg = self.config_for_run()
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
