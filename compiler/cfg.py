"""Conditional compilation (rustc_expand::config): `#[cfg(PREDICATE)]` on items, with the predicates
`NAME`, `KEY = "VALUE"`, `not(..)`, `all(..)` and `any(..)`, against the target's built-in
configuration and `--cfg` from the command line. An item whose predicate is false is removed before
its module is loaded or resolved. `#[cfg_attr]` is not supported yet and is an error that says so."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.syntax import ast

# the host configuration rustc 1.95 reports for x86_64-unknown-linux-gnu without -O
BUILTIN = {("unix", None), ("debug_assertions", None), ("panic", "unwind"), ("target_os", "linux"),
           ("target_family", "unix"), ("target_arch", "x86_64"), ("target_pointer_width", "64"),
           ("target_endian", "little"), ("target_env", "gnu"), ("target_vendor", "unknown"),
           ("overflow_checks", None)}


class CfgError(Exception):
    def __init__(self, msg: str, span):
        super().__init__(msg)
        self.msg, self.span = msg, span


def parse_cli(specs: list[str]) -> set:
    """`--cfg NAME` and `--cfg 'KEY="VALUE"'`."""
    out = set()
    for spec in specs:
        key, eq, value = spec.partition("=")
        key = key.strip()
        if eq:
            value = value.strip()
            if not (len(value) >= 2 and value[0] == value[-1] == '"'):
                from compiler.session import UsageError
                raise UsageError(f"invalid `--cfg` argument: `{spec}` (expected `key` or `key=\"value\"`, ensure "
                                 "escaping is appropriate for your shell, try 'key=\"value\"' or key=\\\"value\\\")")
            out.add((key, value[1:-1]))
        else:
            out.add((key, None))
    return out


class _Pred:
    def __init__(self, tokens, span):
        self.toks, self.pos, self.span = tokens, 0, span

    def _peek(self):
        return self.toks[self.pos] if self.pos < len(self.toks) else None

    def _bump(self):
        t = self._peek()
        if t is None:
            raise CfgError("expected a cfg-pattern", self.span)
        self.pos += 1
        return t

    def parse(self):
        t = self._bump()
        if t.kind != "ident":
            raise CfgError("expected a cfg-pattern", t.span)
        nxt = self._peek()
        if t.text in ("not", "all", "any") and nxt is not None and nxt.is_punct("("):
            self._bump()
            subs = []
            while not (self._peek() is not None and self._peek().is_punct(")")):
                subs.append(self.parse())
                if self._peek() is not None and self._peek().is_punct(","):
                    self._bump()
            self._bump()
            if t.text == "not":
                if len(subs) != 1:
                    raise CfgError("expected 1 cfg-pattern", t.span)
                return ("not", subs[0])
            return (t.text, subs)
        if nxt is not None and nxt.is_punct("="):
            self._bump()
            v = self._bump()
            if v.kind != "str":
                raise CfgError("expected a string literal", v.span)
            return ("kv", t.text, v.text.strip('"'))
        return ("name", t.text)


def _eval(p, cfg: set) -> bool:
    kind = p[0]
    if kind == "name":
        return (p[1], None) in cfg
    if kind == "kv":
        return (p[1], p[2]) in cfg
    if kind == "not":
        return not _eval(p[1], cfg)
    if kind == "all":
        return all(_eval(q, cfg) for q in p[1])
    return any(_eval(q, cfg) for q in p[1])


def is_enabled(attrs, cfg: set) -> bool:
    for a in attrs:
        if a.name == "cfg":
            pred = _Pred(a.tokens, a.span)
            p = pred.parse()
            if pred.pos != len(a.tokens):
                raise CfgError("multiple `cfg` predicates are specified", a.tokens[pred.pos].span)
            if not _eval(p, cfg):
                return False
        elif a.name == "cfg_attr":
            raise CfgError("minirustc does not support `#[cfg_attr]` yet", a.span)
    return True


def strip(items: list, cfg: set, dcx) -> list:
    """The items whose `#[cfg]` holds, recursively in inline modules, traits and impls."""
    out = []
    for it in items:
        try:
            keep = is_enabled(it.attrs, cfg)
        except CfgError as e:
            dcx.emit(Diag("error", e.msg).primary(e.span))
            keep = False
        if not keep:
            continue
        if isinstance(it, ast.Mod) and it.items is not None:
            it.items = strip(it.items, cfg, dcx)
        elif isinstance(it, (ast.Trait, ast.Impl)):
            it.items = strip(it.items, cfg, dcx)
        out.append(it)
    return out
