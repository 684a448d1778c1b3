"""The compilers the harness drives, behind one small interface.

A backend runs one revision of a UI test with the harness's extra flags and returns an `Outcome`:
status, stdout, stderr, timing and the run's classification. `get(spec)` picks one:

- `minirustc` (in-process, the default), `minirustc-subprocess`;
- `rustc` (the `rustc` on PATH), `rustc:+TOOLCHAIN` (a rustup toolchain), `rustc:/path/to/rustc`."""
from __future__ import annotations

from harness.backends.base import Backend, BackendError, Outcome
from harness.backends.minirustc import InProcess, Subprocess

__all__ = ["Backend", "BackendError", "Outcome", "InProcess", "Subprocess", "get"]


def get(spec: str, timeout: float | None = None) -> Backend:
    if spec in ("minirustc", "minirustc-in-process", "in-process"):
        return InProcess()
    if spec in ("minirustc-subprocess", "subprocess"):
        return Subprocess(timeout or 120.0)
    if spec == "rustc" or spec.startswith("rustc:"):
        from harness.backends.rustc import Rustc
        return Rustc(spec, timeout=timeout or 120.0)
    raise BackendError(f"unknown compiler `{spec}`; expected minirustc, minirustc-subprocess, rustc, "
                       "rustc:+TOOLCHAIN or rustc:/path/to/rustc")
