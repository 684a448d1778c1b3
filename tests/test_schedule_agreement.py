"""Acceptance: for every UI test revision of the fixed compiler, 200 random and 200 PCT schedules at
`-Z threads=4` all reproduce the blessed `-Z threads=1` stderr and exit status."""
from __future__ import annotations

import pytest

from harness.stress import stress
from harness.uitest.runner import RunConfig
from harness.uitest.test import UiTest
from tests.conftest import ROOT, ui_revisions


def revisions():
    return ui_revisions(lambda p: not (p.pinned or p.known_bug or p.ignore_parallel))


@pytest.mark.parametrize("path,rev,flags", revisions())
@pytest.mark.parametrize("strategy", ["random", "pct"])
def test_every_schedule_matches_serial(path, rev, flags, strategy, monkeypatch):
    monkeypatch.chdir(ROOT)
    rows = stress([path], RunConfig(schedules=200, strategy=strategy, seed=0), jobs=1)
    row = next(r for r in rows if r.test_id == UiTest.load(path).test_id(rev))
    assert (row.runs, row.divergent) == (200, 0), row.first_command
