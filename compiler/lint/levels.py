"""Lint levels: `#[allow|warn|deny|forbid(..)]` on the crate, modules and items, lint groups from the
lint store, and `#![deny(warnings)]`, which raises every lint whose level is `warn`."""
from __future__ import annotations

LEVEL_ATTRS = ("allow", "warn", "deny", "forbid")


class LintLevels:
    def __init__(self, crate_attrs, group_of):
        self.crate_attrs = crate_attrs
        self.group_of = group_of          # lint name -> group name (from the lint store)

    def _chain(self, owner):
        d = owner
        while d is not None:
            yield d.node.attrs
            d = d.parent
        yield self.crate_attrs

    def _find(self, names: set, owner):
        for attrs in self._chain(owner):
            for a in reversed(attrs):
                if a.name in LEVEL_ATTRS:
                    for text, span in a.args:
                        if text in names:
                            return a.name, span
        return None

    def level_for(self, lint: str, owner) -> tuple[str, object, str | None]:
        """(level, span of the attribute argument that set it or None, level implied by `warnings`)."""
        names = {lint}
        group = self.group_of(lint)
        if group:
            names.add(group)
        found = self._find(names, owner)
        level, src = found if found else ("warn", None)
        if level == "warn":
            w = self._find({"warnings"}, owner)
            if w is not None and w[0] != "warn":
                return w[0], w[1], w[0]
        return level, src, None

    def __call__(self, diag):
        return self.level_for(diag.lint, getattr(diag, "lint_owner", None))
