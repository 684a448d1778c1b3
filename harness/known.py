"""Known failures, one TOML file per toolchain (`known-failures/rustc-1.95.0.toml`): which test fails
with which signature, and the upstream issue. A failure whose signature is listed is *known*; any
other failure is new and fails the run.

    [[failure]]
    test = "ui_tests/rustc/fn-sig-cycle-154056.rs"     # a path suffix; `*` and `?` glob; `#rev` optional
    signature = "internal error: entered unreachable code @ compiler/rustc_query_impl/src/values.rs"
    issue = "rust#154056"

In `signature`, only `*` is special (any text), so `[E0391]` and `Option::unwrap()` are literal.
"""
from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DIR = os.path.join(ROOT, "ui_tests", "rustc", "known-failures")


def signature_matches(pattern: str, signature: str) -> bool:
    rx = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(rx, signature, re.S) is not None


class KnownFailuresError(Exception):
    pass


@dataclass(frozen=True)
class KnownFailure:
    test: str
    signature: str
    issue: str
    cls: str | None = None

    def matches_test(self, test_id: str) -> bool:
        tid = test_id.replace(os.sep, "/")
        pat = self.test if "#" in self.test else self.test + "*"
        return fnmatch.fnmatchcase(tid, "*" + pat) if not pat.startswith("/") else fnmatch.fnmatchcase(tid, pat)


@dataclass
class KnownFailures:
    path: str | None
    entries: list[KnownFailure]

    def lookup(self, test_id: str, signature: str | None, cls: str | None = None) -> KnownFailure | None:
        for e in self.entries:
            if e.matches_test(test_id) and signature is not None and signature_matches(e.signature, signature) \
                    and (e.cls is None or e.cls == cls):
                return e
        return None

    def for_test(self, test_id: str) -> list[KnownFailure]:
        return [e for e in self.entries if e.matches_test(test_id)]


def default_path(toolchain_id: str) -> str:
    return os.path.join(DEFAULT_DIR, f"{toolchain_id}.toml")


def load(path: str | None) -> KnownFailures:
    """Loads a known-failures file; a missing default file means no known failures."""
    if path is None or not os.path.exists(path):
        return KnownFailures(path, [])
    try:
        with open(path, "rb") as f:
            doc = tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise KnownFailuresError(f"{path}: {e}") from None
    entries = []
    extra = set(doc) - {"failure"}
    if extra:
        raise KnownFailuresError(f"{path}: unknown key `{sorted(extra)[0]}`; expected [[failure]] tables")
    for i, item in enumerate(doc.get("failure", []), 1):
        missing = [k for k in ("test", "signature", "issue") if not isinstance(item.get(k), str)]
        if missing:
            raise KnownFailuresError(f"{path}: failure #{i} needs a string `{missing[0]}`")
        unknown = set(item) - {"test", "signature", "issue", "class"}
        if unknown:
            raise KnownFailuresError(f"{path}: failure #{i} has an unknown key `{sorted(unknown)[0]}`")
        entries.append(KnownFailure(item["test"], item["signature"], item["issue"], item.get("class")))
    return KnownFailures(path, entries)
