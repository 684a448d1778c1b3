"""Ways to run a compiler: minirustc in-process (fast, the default) or as a subprocess.

`run(argv)` returns (exit status, stderr, schedule token or None)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile


class InProcess:
    name = "in-process"

    def run(self, argv: list[str]) -> tuple[int, str, str | None]:
        from compiler.driver import run_compiler
        out = io.StringIO()
        info: dict = {}
        code = run_compiler(argv, out, info=info)
        return code, out.getvalue(), info.get("token")


class Subprocess:
    name = "subprocess"

    def __init__(self, timeout: float = 120.0):
        self.timeout = timeout

    def run(self, argv: list[str]) -> tuple[int, str, str | None]:
        fd, token_file = tempfile.mkstemp(prefix="minirustc-token-")
        os.close(fd)
        try:
            cmd = [sys.executable, "-m", "compiler", "-Z", f"dump-schedule={token_file}", *argv]
            try:
                p = subprocess.run(cmd, capture_output=True, text=True, timeout=self.timeout)
            except subprocess.TimeoutExpired:
                return 124, f"error: minirustc timed out after {self.timeout} s\n", None
            with open(token_file) as f:
                token = f.read().strip() or None
            return p.returncode, p.stderr, token
        finally:
            os.unlink(token_file)
