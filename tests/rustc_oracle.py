"""Runs the installed rustc on a UI test and reduces both compilers' stderr to the comparable set
(level, code or message, primary line)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from harness.uitest.diagnostics import parse_diagnostics

from harness.backends.minirustc import MINIRUSTC_ONLY_Z as _OURS

MINIRUSTC_ONLY_Z = _OURS + ("threads",)       # the oracle runs rustc serially


def rustc_available() -> bool:
    return shutil.which("rustc") is not None


def rustc_flags(flags: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(flags):
        f = flags[i]
        if f == "-Z" and i + 1 < len(flags):
            if not flags[i + 1].split("=")[0] in MINIRUSTC_ONLY_Z:
                out += [f, flags[i + 1]]
            i += 2
            continue
        out.append(f)
        i += 1
    return out


def run_rustc(path: str, flags: list[str]) -> str:
    with tempfile.TemporaryDirectory() as d:
        env = dict(os.environ, RUSTC_BOOTSTRAP="1")
        p = subprocess.run(["rustc", "-Z", "ui-testing", "--emit=metadata", "-o", os.path.join(d, "out.rmeta"),
                            *rustc_flags(flags), path], capture_output=True, text=True, env=env, timeout=120)
        return p.stderr


def summary(stderr: str) -> set[tuple]:
    return {(a.kind, a.code or a.msg, a.line) for a in parse_diagnostics(stderr) if a.kind in ("ERROR", "WARN")}
