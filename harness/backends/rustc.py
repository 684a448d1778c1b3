"""The real rustc as a backend: `rustc` (on PATH), `rustc:+TOOLCHAIN` (rustup) or `rustc:/path`.

Each run gets its own empty scratch directory (emptied afterwards; directories are reused, one per
concurrent run, and removed when the backend closes), `RUSTC_ICE=0` and `RUSTC_BOOTSTRAP=1`,
the flags compiletest passes to UI tests, `--emit=metadata` for check tests and a real build (and a
run, for `run-pass`/`run-fail`) where the test asks. A kill timeout kills the whole process group.
Auxiliary crates (`aux-build`, `aux-crate`, `proc-macro`) are built once per test revision."""
from __future__ import annotations

import atexit
import contextlib
import threading
import os
import re
import shutil
import subprocess
import tempfile

from harness import proc
from harness.uitest import rustc_json
from harness.backends.base import Backend, BackendError, Outcome
from harness.backends.minirustc import MINIRUSTC_ONLY_Z, z_values

# compiletest's flags for every UI test (src/tools/compiletest/src/runtest.rs, make_compile_args)
UI_FLAGS = ["-Z", "simulate-remapped-rust-src-base=/rustc/FAKE_PREFIX", "-Z", "translate-remapped-path-to-local-path=no",
            "-C", "codegen-units=1", "-Z", "ui-testing", "-Z", "deduplicate-diagnostics=no",
            "-Z", "write-long-types-to-disk=no", "-C", "strip=debuginfo",
            "-A", "internal_features", "-A", "incomplete_features", "-A", "unused_parens", "-A", "unused_braces"]
# ... and for every mode but run-pass
NOT_RUN_FLAGS = ["-A", "unused", "-W", "unused_attributes"]
OURS = {"schedule": "a minirustc schedule token", "schedules": "minirustc schedules",
        "schedule-strategy": "minirustc schedules"}


def resolve(spec: str) -> str:
    """The path of the rustc binary a `--compiler` spec names."""
    if spec == "rustc":
        path = shutil.which("rustc")
        if not path:
            raise BackendError("`rustc` is not on PATH")
        return _through_rustup(path, None)
    rest = spec[len("rustc:"):]
    if rest.startswith("+"):
        return _through_rustup("rustup", rest[1:])
    if not (os.path.isfile(rest) and os.access(rest, os.X_OK)):
        raise BackendError(f"`{rest}` is not an executable rustc")
    return os.path.abspath(rest)


def _through_rustup(path: str, toolchain: str | None) -> str:
    """rustup's proxy costs a process per run; ask rustup for the toolchain's own binary."""
    rustup = shutil.which("rustup")
    if not rustup:
        if toolchain:
            raise BackendError(f"`rustc:+{toolchain}` needs rustup, which is not on PATH")
        return path
    cmd = [rustup, "which", "rustc"] + (["--toolchain", toolchain] if toolchain else [])
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        if toolchain:
            raise BackendError(f"rustup has no toolchain `{toolchain}`: {p.stderr.strip().splitlines()[-1:]}")
        return path
    return p.stdout.strip()


def _cache_path() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "minirustc-harness", "rustc-vV.json")


def _cached_vv(binary: str) -> str:
    """`rustc -vV`, cached per binary (path, size, mtime): starting rustc costs 25 ms, a tenth of a short
    stress run. A cache that cannot be read or written is simply not used."""
    import json
    try:
        st = os.stat(binary)
        key = f"{os.path.realpath(binary)}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        key = None
    cache: dict = {}
    if key:
        try:
            with open(_cache_path(), encoding="utf-8") as f:
                cache = json.load(f)
            if isinstance(cache, dict) and isinstance(cache.get(key), str):
                return cache[key]
        except (OSError, ValueError):
            cache = {}
    p = subprocess.run([binary, "-vV"], capture_output=True, text=True)
    if p.returncode != 0:
        raise BackendError(f"`{binary} -vV` failed: {p.stderr.strip()}")
    if key:
        try:
            from harness.fsutil import write_atomic
            cache = {k: v for k, v in cache.items() if isinstance(v, str)}
            cache[key] = p.stdout
            write_atomic(_cache_path(), json.dumps(cache, indent=1, sort_keys=True))
        except OSError:
            pass
    return p.stdout


class Rustc(Backend):
    kind = "rustc"

    def __init__(self, spec: str = "rustc", timeout: float = 120.0):
        self.spec = spec
        self.binary = resolve(spec)
        self.timeout = timeout
        self._version: dict[str, str] | None = None
        self._aux: dict[tuple, tuple[list[str], str | None]] = {}
        self._aux_root: str | None = None
        self.name = spec
        self._scratch_root: str | None = None
        self._free: list[str] = []
        self._lock = threading.Lock()
        self._base_env: dict[str, str] | None = None
        atexit.register(self.close)

    @contextlib.contextmanager
    def scratch(self):
        """An empty directory for one run. Emptying a directory costs a tenth of creating and removing
        one, so directories are kept (one per concurrent run) until `close`."""
        with self._lock:
            if self._scratch_root is None:
                self._scratch_root = tempfile.mkdtemp(prefix="harness-rustc-")
            d = self._free.pop() if self._free else tempfile.mkdtemp(dir=self._scratch_root)
        try:
            yield d
        finally:
            for name in os.listdir(d):
                path = os.path.join(d, name)
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    os.unlink(path)
            with self._lock:
                self._free.append(d)

    # -- toolchain facts
    def version_info(self) -> dict[str, str]:
        if self._version is None:
            text = _cached_vv(self.binary)
            lines = text.splitlines()
            info = {"version": lines[0] if lines else "?"}
            for line in lines[1:]:
                k, _, v = line.partition(": ")
                info[k] = v
            self._version = info
        return self._version

    def version(self) -> str:
        return self.version_info()["version"]

    def toolchain_id(self) -> str:
        """`rustc-1.95.0`, `rustc-1.97.0-nightly`: names the known-failures file."""
        return "rustc-" + self.version_info().get("release", "unknown")

    def cannot_honour(self, props) -> str | None:
        for name in sorted(props.used):
            if name in OURS:
                return f"rustc cannot honour `//@ {name}` ({OURS[name]})"
        for z in z_values(props.compile_flags):
            if z.split("=")[0] in MINIRUSTC_ONLY_Z:
                return f"`-Z {z}` is a minirustc flag"
        return None

    # -- running
    def env(self, extra: dict | None = None) -> dict[str, str]:
        if self._base_env is None:
            env = {k: v for k, v in os.environ.items() if not k.startswith(("RUSTC_", "RUST_LOG", "CARGO"))}
            # no backtraces: symbolising one triples the cost of an ICE run, and signatures do not need it
            # (a test's `//@ rustc-env: RUST_BACKTRACE=1` still asks for one)
            env.update(RUSTC_ICE="0", RUSTC_BOOTSTRAP="1", RUST_BACKTRACE="0")
            self._base_env = env
        return {**self._base_env, **extra} if extra else self._base_env

    def command(self, test, rev, props, threads, extra, out_dir: str, aux_flags: list[str]) -> list[str]:
        cmd = [self.binary, os.path.abspath(test.path), *UI_FLAGS]
        if self.json_output(props):
            cmd += ["--error-format", "json", "--json", "future-incompat"]
        revs = [r.lower().replace("-", "_") for r in test.revisions]
        if "no-auto-check-cfg" not in props.used:
            cmd += ["--check-cfg", f"cfg(test,FALSE{''.join(',' + r for r in revs)})"]
        if rev:
            cmd += ["--cfg", rev.lower().replace("-", "_")]
        if props.runs_binary:
            cmd += ["-o", os.path.join(out_dir, "a.out")]
        else:
            cmd += ["--out-dir", out_dir] + NOT_RUN_FLAGS
            if not props.requires_build:
                cmd += ["--emit", "metadata"]
        cmd += aux_flags + list(extra)
        if threads is not None:
            cmd += ["-Z", f"threads={threads}"]
        # the test's own flags come last, as in compiletest, so they override ours
        if props.edition:
            cmd += [f"--edition={props.edition}"]
        cmd += props.compile_flags
        if threads == 1:
            cmd += ["-Z", "threads=1"]       # the reference run stays at one thread
        return cmd

    @staticmethod
    def json_output(props) -> bool:
        """compiletest reads diagnostics as JSON unless the test picks its own `--error-format`."""
        return not any(f.startswith("--error-format") for f in props.compile_flags)

    def run_revision(self, test, rev, props, *, threads=None, extra=(), env=None, preexec=None) -> Outcome:
        aux_flags, aux_error = self.aux_flags(test, rev, props)
        if aux_error:
            return Outcome(None, "", "", setup_error=aux_error)
        with self.scratch() as scratch:
            cmd = self.command(test, rev, props, threads, extra, scratch, aux_flags)
            r = proc.run(cmd, scratch, self.env({**props.rustc_env, **(env or {})}), self.timeout,
                         preexec=preexec)
            out = Outcome(r.status, r.stdout, r.stderr, r.seconds, r.cpu_seconds, r.max_rss_kb, r.timed_out,
                          r.signum, command=cmd)
            if self.json_output(props):
                out.stderr, out.diagnostics = rustc_json.read(r.stderr, os.path.basename(test.path))
            exe = os.path.join(scratch, "a.out")
            if props.runs_binary and r.status == 0 and os.path.exists(exe):
                run_env = dict(os.environ, **props.exec_env)
                b = proc.run([exe, *props.run_flags], scratch, run_env, self.timeout)
                out.run_status, out.run_stdout, out.run_stderr = b.status, b.stdout, b.stderr
                out.run_signum = b.signum
            return out

    # -- auxiliary crates
    def aux_flags(self, test, rev, props) -> tuple[list[str], str | None]:
        if not (props.aux_builds or props.aux_crates or props.proc_macros):
            return [], None
        key = (os.path.abspath(test.path), rev)
        if key not in self._aux:
            if self._aux_root is None:
                self._aux_root = tempfile.mkdtemp(prefix="harness-aux-")
            d = os.path.join(self._aux_root, str(len(self._aux)))
            os.makedirs(d)
            self._aux[key] = self._build_aux(test, props, d)
        return self._aux[key]

    def _build_aux(self, test, props, d: str) -> tuple[list[str], str | None]:
        base = os.path.join(os.path.dirname(os.path.abspath(test.path)), "auxiliary")
        flags = ["-L", d]
        builds = [(f, None, "lib") for f in props.aux_builds] + [(f, n, "lib") for n, f in props.aux_crates] \
            + [(f, None, "proc-macro") for f in props.proc_macros]
        done: set[str] = set()
        for file, name, crate_type in builds:
            err = self._build_one(base, file, crate_type, d, done)
            if err:
                return [], err
            crate = re.sub(r"\W", "_", os.path.splitext(os.path.basename(file))[0])
            if name or crate_type == "proc-macro":
                lib = self._artifact(d, crate, crate_type)
                flags += ["--extern", f"{name or crate}={lib}"]
        return flags, None

    def _artifact(self, d: str, crate: str, crate_type: str) -> str:
        for f in sorted(os.listdir(d)):
            if f.startswith(f"lib{crate}") and f.endswith(".so" if crate_type == "proc-macro" else ".rlib"):
                return os.path.join(d, f)
        return os.path.join(d, f"lib{crate}.rlib")

    def _build_one(self, base: str, file: str, crate_type: str, d: str, done: set[str]) -> str | None:
        from harness.uitest.test import UiTest
        path = os.path.join(base, file)
        if path in done:
            return None
        done.add(path)
        if not os.path.isfile(path):
            return f"auxiliary file not found: {path}"
        aux = UiTest.load(path)
        ap = aux.props(None)
        for sub in ap.aux_builds + [f for _, f in ap.aux_crates]:
            err = self._build_one(os.path.dirname(path), sub, "lib", d, done)
            if err:
                return err
        if ap.proc_macros or "force-host" in ap.used and "proc_macro" in aux.src:
            crate_type = "proc-macro"
        cmd = [self.binary, path, "--crate-type", crate_type, "--out-dir", d, "-L", d, *UI_FLAGS]
        if ap.edition:
            cmd += ["--edition", ap.edition]
        cmd += ap.compile_flags
        r = proc.run(cmd, d, self.env(ap.rustc_env), self.timeout)
        if r.status != 0:
            first = next((line for line in r.stderr.splitlines() if line.strip()), "")
            return f"auxiliary build of {file} failed (exit {r.status}): {first}"
        return None

    def close(self):
        with self._lock:
            if self._scratch_root:
                shutil.rmtree(self._scratch_root, ignore_errors=True)
                self._scratch_root = None
                self._free.clear()
        if self._aux_root:
            shutil.rmtree(self._aux_root, ignore_errors=True)
            self._aux_root = None
            self._aux.clear()


def run_plain(backend: Rustc, path: str, flags: list[str], threads: int | None, timeout: float | None = None,
              build: bool = False) -> Outcome:
    """Runs `rustc FILE FLAGS [-Z threads=N]` with nothing added but the output location (triage)."""
    with backend.scratch() as scratch:
        cmd = [backend.binary, os.path.abspath(path), *flags]
        if threads is not None:
            cmd += ["-Z", f"threads={threads}"]
        cmd += ["-o", os.path.join(scratch, "a.out")] if build else \
            ["--emit=metadata", "-o", os.path.join(scratch, "out.rmeta")]
        r = proc.run(cmd, scratch, backend.env(), timeout or backend.timeout)
        return Outcome(r.status, r.stdout, r.stderr, r.seconds, r.cpu_seconds, r.max_rss_kb, r.timed_out,
                       r.signum, command=cmd)
