"""Shared helpers for the unit and integration tests."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def compile_in_process(argv: list[str], env: dict | None = None) -> tuple[int, str]:
    from compiler.driver import run_compiler
    out = io.StringIO()
    return run_compiler(argv, out, env=env), out.getvalue()


def minirustc(argv: list[str], env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "compiler", *argv], capture_output=True, text=True, cwd=ROOT,
                          env=e, timeout=timeout)


def harness(argv: list[str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "harness", *argv], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout)


def ui_revisions(keep) -> list:
    """A pytest.param(path, rev) for every UI test revision for which keep(props) holds."""
    import glob
    from harness.uitest.test import UiTest
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "ui_tests", "**", "*.rs"), recursive=True)):
        rel = os.path.relpath(path, ROOT)
        test = UiTest.load(rel)
        if test.ignored:
            continue
        for rev in test.revision_names():
            props = test.props(rev)
            if keep(props):
                out.append(pytest.param(rel, rev, props.flags(), id=test.test_id(rev)))
    return out


@pytest.fixture
def root():
    return ROOT
