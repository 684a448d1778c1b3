"""Acceptance: for every UI test revision without an injected bug, minirustc reports the same
(level, code or message, primary line) set as rustc 1.95. Skips only when rustc is absent."""
from __future__ import annotations

import glob
import os

import pytest

from harness.backends import InProcess
from harness.uitest.test import UiTest
from tests.rustc_oracle import run_rustc, rustc_available, summary

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cases():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "ui_tests", "**", "*.rs"), recursive=True)):
        rel = os.path.relpath(path, ROOT)
        test = UiTest.load(rel)
        if test.ignored:
            continue
        for rev in test.revision_names():
            props = test.props(rev)
            if props.pinned or props.known_bug or any("inject-bug" in f for f in props.compile_flags):
                continue
            out.append(pytest.param(rel, rev, props.compile_flags, id=test.test_id(rev)))
    return out


@pytest.mark.skipif(not rustc_available(), reason="rustc is not installed")
@pytest.mark.parametrize("path,rev,flags", cases())
def test_agrees_with_rustc(path, rev, flags):
    full = os.path.join(ROOT, path)
    _, ours, _ = InProcess().run(["-Z", "ui-testing", *flags, full])
    theirs = run_rustc(full, flags)
    assert summary(ours) == summary(theirs), f"minirustc:\n{ours}\nrustc:\n{theirs}"
