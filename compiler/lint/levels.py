"""Lint levels: `#[allow|warn|deny|forbid(..)]` on the crate, modules and items, with lint groups."""
from __future__ import annotations

from compiler.errors.dcx import LINT_GROUPS

LEVEL_ATTRS = ("allow", "warn", "deny", "forbid")


class LintLevels:
    def __init__(self, crate_attrs, resolver):
        self.crate_attrs = crate_attrs
        self.resolver = resolver

    def level_for(self, lint: str, owner) -> tuple[str, object]:
        names = {lint, LINT_GROUPS.get(lint, lint)}
        chain = []
        d = owner
        while d is not None:
            chain.append(d.node.attrs)
            d = d.parent
        chain.append(self.crate_attrs)
        for attrs in chain:
            for a in reversed(attrs):
                if a.name in LEVEL_ATTRS:
                    for text, span in a.args:
                        if text in names:
                            return a.name, span
                        if text == "warnings" and a.name in ("deny", "forbid"):
                            return a.name, span
        return "warn", None

    def __call__(self, diag):
        return self.level_for(diag.lint, getattr(diag, "lint_owner", None))
