"""Shared helpers for the unit and integration tests."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def compile_in_process(argv: list[str]) -> tuple[int, str]:
    from compiler.driver import run_compiler
    out = io.StringIO()
    return run_compiler(argv, out), out.getvalue()


def minirustc(argv: list[str], env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "compiler", *argv], capture_output=True, text=True, cwd=ROOT,
                          env=e, timeout=timeout)


def harness(argv: list[str], timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "harness", *argv], capture_output=True, text=True, cwd=ROOT,
                          timeout=timeout)


@pytest.fixture
def root():
    return ROOT
