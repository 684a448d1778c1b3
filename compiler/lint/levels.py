"""Lint levels: `#[allow|warn|deny|forbid(..)]` on the crate, modules and items, lint groups from the
lint store, and `#![deny(warnings)]`, which raises every lint whose level is `warn`. Below the source
attributes come the command line's `-A/-W/-D/-F` (the last one naming a lint or its group wins; a
`-F` cannot be lowered by the source), and `--cap-lints` caps every level at the end."""
from __future__ import annotations

LEVEL_ATTRS = ("allow", "warn", "deny", "forbid")


ORDER = {"allow": 0, "warn": 1, "deny": 2, "forbid": 3}
FLAG = {"allow": "-A", "warn": "-W", "deny": "-D", "forbid": "-F"}


class CommandLine:
    """A lint level set on the command line: the source of a level, for its note. `written` is the
    lint as the user wrote it (rustc quotes it so in "requested on the command line with ...")."""
    __slots__ = ("level", "name", "written", "implied_by_warnings")

    def __init__(self, level: str, name: str, written: str | None = None, implied_by_warnings: bool = False):
        self.level, self.name, self.implied_by_warnings = level, name, implied_by_warnings
        self.written = written or name

    def flag(self) -> str:
        return f"{FLAG[self.level]} {self.written}"


def normalize_lint_name(name: str) -> str:
    return name.replace("-", "_")


class LintLevels:
    def __init__(self, crate_attrs, group_of, cli=(), cap: str | None = None, default_of=None):
        self.crate_attrs = crate_attrs
        self.group_of = group_of          # lint name -> group name (from the lint store)
        self.default_of = default_of or (lambda name: "warn")
        self.cli = [(level, normalize_lint_name(name), name) for level, name in cli]
        self.cap = cap

    def _cli(self, names: set):
        for level, name, written in reversed(self.cli):
            if name in names:
                return level, name, written
        return None

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
        """(level, where it was set: the attribute argument's span, a `CommandLine`, or None for the
        default; the level implied by `warnings`), capped by `--cap-lints`."""
        level, src, implied = self._uncapped(lint, owner)
        if self.cap is not None and ORDER[level] > ORDER[self.cap]:
            level = self.cap
        return level, src, implied

    def _uncapped(self, lint: str, owner):
        names = {lint}
        group = self.group_of(lint)
        if group:
            names.add(group)
        cli = self._cli(names)
        found = self._find(names, owner)
        if found:
            level, src = found
        elif cli is not None:
            level, src = cli[0], CommandLine(cli[0], cli[1], cli[1].replace("_", "-"))
        else:
            level, src = self.default_of(lint), None
        if level == "warn":
            w = self._find({"warnings"}, owner)
            if w is not None and w[0] != "warn":
                return w[0], w[1], w[0]
            w = self._cli({"warnings"})
            if w is not None and w[0] != "warn":
                return w[0], CommandLine(w[0], lint, lint.replace("_", "-"), implied_by_warnings=True), w[0]
        return level, src, None

    def cli_forbidden(self, name: str) -> CommandLine | None:
        """The command line's `-F` naming exactly this lint, which a source `allow`/`warn` overrules."""
        cli = self._cli({name})
        return CommandLine(*cli) if cli is not None and cli[0] == "forbid" else None

    def cli_lints(self):
        """(level, lint, as written) for every lint named on the command line, in order."""
        return list(self.cli)

    def __call__(self, diag):
        owner = getattr(diag, "lint_owner", None)
        return self.level_for(diag.lint, _statement_owner(owner, getattr(diag, "primary_span", None)))


class _Statement:
    """A statement with lint attributes, as a lint-level owner inside its function's body."""
    __slots__ = ("node", "parent")

    def __init__(self, stmt, parent):
        self.node, self.parent = stmt, parent


def _statement_owner(owner, span):
    """The innermost statement with lint attributes around `span` in `owner`'s body, or `owner`."""
    body = getattr(getattr(owner, "node", None), "body", None)
    if span is None or body is None or not hasattr(body, "stmts"):
        return owner
    stmts = getattr(owner, "_attr_stmts", None)
    if stmts is None:
        from compiler.syntax import ast
        stmts = [n for n in ast.walk(body) if getattr(n, "attrs", None) and isinstance(n, (ast.Local, ast.ExprStmt))]
        try:
            owner._attr_stmts = stmts
        except AttributeError:
            pass
    inner = [s for s in stmts if s.span.file is span.file and s.span.lo <= span.lo and span.hi <= s.span.hi]
    if not inner:
        return owner
    out = owner
    for s in sorted(inner, key=lambda s: s.span.lo - s.span.hi):     # outermost first
        out = _Statement(s, out)
    return out
