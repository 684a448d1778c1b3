"""minirustc in-process (fast, the default) and as a subprocess.

`run(argv)` is the low-level call the schedule tools use: (exit status, stderr, schedule token)."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
import time

from compiler.session import Z_FLAGS
from harness.backends.base import Backend, Outcome

# minirustc's -Z options that rustc does not have (rustc has `threads` and `ui-testing`)
MINIRUSTC_ONLY_Z = tuple(z for z in Z_FLAGS if z not in ("threads", "ui-testing"))


def z_values(flags: list[str]) -> list[str]:
    """The values of `-Z VALUE` and `-ZVALUE` in a flag list, in order."""
    out = []
    for i, f in enumerate(flags):
        if f == "-Z" and i + 1 < len(flags):
            out.append(flags[i + 1])
        elif f.startswith("-Z") and len(f) > 2:
            out.append(f[2:])
    return out
# directives that need a real build, a binary or an environment minirustc does not have
UNSUPPORTED = {"aux-build": "auxiliary crates", "aux-crate": "auxiliary crates", "proc-macro": "proc macros",
               "aux-bin": "auxiliary binaries", "run-pass": "running the built program",
               "run-fail": "running the built program", "check-run-results": "running the built program",
               "run-flags": "running the built program", "exec-env": "running the built program",
               "edition": "editions (`--edition` is accepted and ignored)",
               "incremental": "incremental compilation"}


class _Minirustc(Backend):
    kind = "minirustc"

    def version(self) -> str:
        from compiler.driver import VERSION
        return VERSION

    def cannot_honour(self, props) -> str | None:
        for name in sorted(props.used):
            if name in UNSUPPORTED:
                return f"minirustc cannot honour `//@ {name}` ({UNSUPPORTED[name]})"
        return None

    def argv_for(self, test, props, threads: int | None, extra) -> list[str]:
        argv = ["-Z", "ui-testing"]
        if threads is not None:
            argv += ["-Z", f"threads={threads}"]
        return argv + list(extra) + props.flags() + [test.path]

    def run_revision(self, test, rev, props, *, threads=None, extra=(), env=None, preexec=None) -> Outcome:
        argv = self.argv_for(test, props, threads, extra)
        start = time.perf_counter()
        cpu = time.process_time()
        status, stderr, token = self.run(argv, env={**(env or {}), **props.rustc_env} or None)
        out = Outcome(status, "", stderr, time.perf_counter() - start, time.process_time() - cpu,
                      token=token, command=["minirustc", *argv])
        if props.json_output:
            # a test that asks for JSON is compared as written; its annotations are matched against the JSON
            from harness.uitest import rustc_json
            out.diagnostics = rustc_json.read(stderr, os.path.basename(test.path))[1]
        return out


class InProcess(_Minirustc):
    name = "minirustc"

    def run(self, argv: list[str], env: dict | None = None) -> tuple[int, str, str | None]:
        from compiler.driver import run_compiler
        out = io.StringIO()
        info: dict = {}
        code = run_compiler(argv, out, info=info, env=env)
        return code, out.getvalue(), info.get("token")


class Subprocess(_Minirustc):
    name = "minirustc-subprocess"

    def __init__(self, timeout: float = 120.0):
        self.timeout = timeout

    def run(self, argv: list[str], env: dict | None = None) -> tuple[int, str, str | None]:
        fd, token_file = tempfile.mkstemp(prefix="minirustc-token-")
        os.close(fd)
        try:
            cmd = [sys.executable, "-m", "compiler", "-Z", f"dump-schedule={token_file}", *argv]
            try:
                p = subprocess.run(cmd, capture_output=True, text=True, timeout=self.timeout,
                                   env={**os.environ, **env} if env else None)
            except subprocess.TimeoutExpired:
                return 124, f"error: minirustc timed out after {self.timeout} s\n", None
            with open(token_file) as f:
                token = f.read().strip() or None
            return p.returncode, p.stderr, token
        finally:
            os.unlink(token_file)
