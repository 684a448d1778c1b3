"""A UI test file: its source, revisions and per-revision properties and expected-output paths."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from harness.uitest.directives import Directive, TestProps, parse_directives, props_for


@dataclass
class UiTest:
    path: str                    # as given (used on the command line)
    src: str
    revisions: list[str]
    directives: list[Directive]

    @classmethod
    def load(cls, path: str) -> "UiTest":
        with open(path, encoding="utf-8") as f:
            src = f.read()
        revisions, directives = parse_directives(path, src)
        return cls(path, src, revisions, directives)

    @property
    def ignored(self) -> bool:
        """`//@ ignore-test`: not a test (a module file or other auxiliary source)."""
        return any(d.name == "ignore-test" for d in self.directives)

    @property
    def real_rustc_only(self) -> bool:
        """A test of `ui_tests/rustc/`, the real-rustc suite: minirustc does not run it."""
        parts = os.path.abspath(self.path).split(os.sep)
        return "ui_tests" in parts and parts.index("ui_tests") + 1 < len(parts) - 1 \
            and parts[parts.index("ui_tests") + 1] == "rustc"

    def revision_names(self) -> list[str | None]:
        return list(self.revisions) or [None]

    def props(self, rev: str | None) -> TestProps:
        return props_for(self.path, self.directives, rev)

    def expected_path(self, rev: str | None) -> str:
        base = self.path[:-3]
        return f"{base}.{rev}.stderr" if rev else f"{base}.stderr"

    def stale_expected_files(self) -> list[str]:
        """`.stderr` files of this test that no revision owns."""
        d, stem = os.path.split(self.path[:-3])
        owned = {os.path.abspath(self.expected_path(r)) for r in self.revision_names()}
        pat = re.compile(re.escape(stem) + r"(\.[\w-]+)?\.stderr$")
        out = []
        for name in sorted(os.listdir(d or ".")):
            full = os.path.abspath(os.path.join(d, name))
            if pat.fullmatch(name) and full not in owned:
                out.append(full)
        return out

    def test_id(self, rev: str | None) -> str:
        return self.path.replace(os.sep, "/") + (f"#{rev}" if rev else "")
