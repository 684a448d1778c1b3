"""Evaluates compiletest's host conditions (`ignore-*`, `only-*`, `needs-*`) for a backend: a test
whose conditions exclude it is skipped with the reason. An unknown condition is an error naming
file:line, as in compiletest."""
from __future__ import annotations

import platform
import sys

from harness.uitest.directives import Directive, DirectiveError

ARCH_ALIASES = {"amd64": "x86_64", "arm64": "aarch64", "i386": "x86", "i686": "x86"}
ARCH = ARCH_ALIASES.get(platform.machine().lower(), platform.machine().lower())
OS = sys.platform if sys.platform != "darwin" else "macos"
FAMILY = "windows" if OS.startswith("win") else "unix"
POINTER_WIDTH = "64bit" if sys.maxsize > 2 ** 32 else "32bit"
ENV = "gnu" if OS == "linux" else ""

KNOWN_OS = {"linux", "windows", "macos", "apple", "ios", "tvos", "watchos", "visionos", "android", "freebsd",
            "netbsd", "openbsd", "dragonfly", "illumos", "solaris", "fuchsia", "haiku", "hermit", "horizon",
            "nto", "vxworks", "emscripten", "wasi", "uefi", "none", "redox", "aix", "cygwin", "l4re", "espidf",
            "psp", "sgx", "hurd", "unknown"}
KNOWN_ARCH = {"x86_64", "x86", "i686", "aarch64", "arm", "arm64ec", "riscv32", "riscv64", "powerpc",
              "powerpc64", "s390x", "loongarch64", "sparc", "sparc64", "mips", "mips64", "wasm32", "wasm64",
              "nvptx64", "avr", "msp430", "bpf", "thumb", "csky", "hexagon", "m68k", "xtensa", "amdgpu"}
KNOWN_OTHER = {"unix", "windows", "64bit", "32bit", "16bit", "gnu", "musl", "msvc", "wasm", "wasm32-bare",
               "endian-big", "elf", "cross-compile", "remote", "stage0", "stage1", "stage2", "debug",
               "coverage-map", "coverage-run", "compare-mode-polonius", "compare-mode-next-solver",
               "compare-mode-chalk", "compare-mode-split-dwarf", "compare-mode-split-dwarf-single",
               "backends", "llvm", "gcc", "cranelift", "rustc_abi-x86-sse2", "dist", "apple-ios",
               "gnullvm", "sanitizer-support", "sgx", "test", "auxiliary", "eabi", "eabihf", "thumbv8m",
               "nvptx", "spirv", "rustc-debug-assertions", "std-debug-assertions", "lp64", "x32", "ohos",
               "android", "beta", "nightly", "stable", "pass", "msvc-arm64ec", "emscripten", "windows-gnu",
               "windows-msvc", "unwind", "bootstrap", "llvm-version"}
# needs-*: what this host and a distributed rustc have, and what we cannot tell (skip with a reason)
NEEDS_YES = {"threads", "unwind", "asm-support", "dynamic-linking", "run-enabled", "subprocess",
             "deterministic-layouts", "target-std", "symlink", "relocation-model-pic", "crate-type",
             "target-has-atomic", "llvm-components", "check-cfg", "wasmtime-disabled", "unwind-support"}
NEEDS_NO = {"rustc-debug-assertions": "a rustc built with debug assertions",
            "std-debug-assertions": "a std built with debug assertions",
            "profiler-runtime": "the profiler runtime", "xray": "XRay", "git-hash": "a git hash in -vV",
            "force-clang-based-tests": "clang-based tests", "wasmtime": "wasmtime", "llvm-zstd": "LLVM with zstd",
            "dlltool": "dlltool", "rust-lld": "rust-lld", "enzyme": "Enzyme", "offload": "offload",
            "sanitizer-support": "sanitizer support", "backends": "extra codegen backends",
            "rust-lld-support": "rust-lld", "llvm-plugins": "LLVM plugins"}


def _value_matches(value: str, backend) -> bool | None:
    """Whether `ignore-VALUE` / `only-VALUE` applies to this host; None when VALUE is unknown."""
    host = {OS, FAMILY, ARCH, POINTER_WIDTH, ENV, "elf" if OS == "linux" else "", "llvm"}
    if ARCH == "x86_64":
        host.add("lp64")
    if value in host:
        return True
    if value == "parallel-frontend":
        return False
    if value in KNOWN_OS or value in KNOWN_ARCH or value in KNOWN_OTHER or value.startswith(
            ("compare-mode-", "wasm", "llvm-version", "nvptx", "thumb", "sparc", "mips", "powerpc", "riscv")):
        return value in host
    if value.count("-") >= 1 and value.split("-")[0] in KNOWN_ARCH:     # a target triple
        triple = f"{ARCH}-unknown-{OS}-{ENV}"
        return triple.startswith(value)
    return None


def skip_reason(path: str, conds: list[Directive], backend_name: str) -> str | None:
    for d in conds:
        kind, _, value = d.name.partition("-")
        if kind == "needs":
            if value in NEEDS_NO:
                return f"needs {NEEDS_NO[value]} (`//@ {d.name}`, line {d.line})"
            if value.startswith("sanitizer-"):
                return f"needs a sanitizer (`//@ {d.name}`, line {d.line})"
            if value not in NEEDS_YES:
                return f"cannot tell whether this host has `{value}` (`//@ {d.name}`, line {d.line})"
            if backend_name.startswith("minirustc") and value not in ("threads", "unwind", "subprocess"):
                return f"minirustc has no `{value}` (`//@ {d.name}`, line {d.line})"
            if value == "llvm-components" and d.value:
                missing = [c for c in d.value.split() if c.lower() not in (ARCH, "x86" if ARCH == "x86_64" else ARCH)]
                if missing:
                    return f"needs LLVM components not known to be present: {' '.join(missing)}"
            continue
        matches = _value_matches(value, backend_name)
        if matches is None:
            raise DirectiveError(path, d.line, f"unknown condition `{d.name}`")
        reason = f" ({d.value})" if d.value else ""
        if kind == "ignore" and matches:
            return f"ignored on {value}{reason} (line {d.line})"
        if kind == "only" and not matches:
            return f"only on {value} (line {d.line})"
    return None
