"""Acceptance: for every UI test revision without an injected bug, minirustc reports the same
(level, code or message, primary line) set as rustc 1.95. Skips only when rustc is absent."""
from __future__ import annotations

import os

import pytest

from harness.backends import InProcess
from tests.conftest import ui_revisions
from tests.rustc_oracle import run_rustc, rustc_available, summary

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# Revisions where the model departs from rustc on purpose, with the reason (also in `harness bugs show`).
DEPARTURES = {
    ("ui_tests/parallel/no-poison.rs", "fixed"): "rustc checks `Freeze` on the constant's type first and reports "
    "that overflow (E0275) before any layout is computed; see `harness bugs show shared-layout-depth`",
}


def cases():
    out = []
    for param in ui_revisions(lambda p: not (p.pinned or p.known_bug or any("inject-bug" in f for f in p.compile_flags))):
        path, rev = param.values[0], param.values[1]
        reason = DEPARTURES.get((path, rev))
        out.append(pytest.param(*param.values, id=param.id, marks=pytest.mark.xfail(reason=reason, strict=True))
                   if reason else param)
    return out


@pytest.mark.skipif(not rustc_available(), reason="rustc is not installed")
@pytest.mark.parametrize("path,rev,flags", cases())
def test_agrees_with_rustc(path, rev, flags):
    full = os.path.join(ROOT, path)
    _, ours, _ = InProcess().run(["-Z", "ui-testing", *flags, full])
    theirs = run_rustc(full, flags)
    assert summary(ours) == summary(theirs), f"minirustc:\n{ours}\nrustc:\n{theirs}"
