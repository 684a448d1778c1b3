"""Runs one command in its own process group, in a given directory, with a kill timeout that kills
the whole group; returns its status (or signal), output, wall and CPU time and peak RSS."""
from __future__ import annotations

import os
import select
import signal
import subprocess
import threading
import time
from dataclasses import dataclass


@dataclass
class ProcResult:
    status: int | None          # exit status; None when killed by a signal
    signum: int | None          # the signal that ended it, if any
    stdout: str
    stderr: str
    seconds: float
    cpu_seconds: float
    max_rss_kb: int
    timed_out: bool


def _kill_group(pgid: int):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _wait(pid: int, timeout: float, timed_out: threading.Event):
    """Waits for pid, killing its group at the timeout; a pidfd avoids a timer thread per run."""
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        try:
            poller = select.poll()
            poller.register(fd, select.POLLIN)
            if not poller.poll(timeout * 1000):
                timed_out.set()
                _kill_group(pid)
        finally:
            os.close(fd)
    else:
        def expire():
            timed_out.set()
            _kill_group(pid)
        timer = threading.Timer(timeout, expire)
        timer.daemon = True
        timer.start()
    try:
        while True:
            try:
                _, wstatus, ru = os.wait4(pid, 0)
                return wstatus, ru
            except InterruptedError:
                continue
    finally:
        if fd is None:
            timer.cancel()


def run(cmd: list[str], cwd: str, env: dict[str, str], timeout: float, stdin: str | None = None,
        preexec=None) -> ProcResult:
    out_path = os.path.join(cwd, ".harness-stdout")
    err_path = os.path.join(cwd, ".harness-stderr")
    timed_out = threading.Event()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=err,
                             stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                             start_new_session=True, preexec_fn=preexec)
        if stdin is not None:
            p.stdin.write(stdin.encode())
            p.stdin.close()

        try:
            wstatus, ru = _wait(p.pid, timeout, timed_out)
        finally:
            _kill_group(p.pid)          # nothing of the run outlives it
        seconds = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(wstatus)
    with open(out_path, "rb") as f:
        stdout = f.read().decode("utf-8", "replace")
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    os.unlink(out_path)
    os.unlink(err_path)
    code = p.returncode
    return ProcResult(status=code if code >= 0 else None, signum=-code if code < 0 else None,
                      stdout=stdout, stderr=stderr, seconds=seconds,
                      cpu_seconds=ru.ru_utime + ru.ru_stime, max_rss_kb=ru.ru_maxrss,
                      timed_out=timed_out.is_set())
