"""`unused_must_use` (rustc_lint::unused::UnusedResults): a statement that drops a value which must be
used: a `#[must_use]` fn's result, a `Result`, a `#[must_use]` type, an operator's result."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.syntax import ast
from compiler.syntax.span import Span
from compiler.ty.types import Ty

ARITH = {"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"}
COMPARE = {"==", "!=", "<", ">", "<=", ">="}


def _must_use_attr(node) -> bool:
    return any(a.name == "must_use" for a in getattr(node, "attrs", ()))


def _must_use_reason(node):
    attr = next((a for a in getattr(node, "attrs", ()) if a.name == "must_use"), None)
    return attr.value.strip('"') if attr is not None and attr.value else None


def _callee(fcx, e):
    """The DefId a call or method call resolves to, with its path as rustc names it."""
    r = fcx.tcx.resolver
    if isinstance(e, ast.Call) and isinstance(e.func, ast.PathExpr):
        res = r.res.get(e.func.path)
        if res is not None and res.kind == "def" and res.target.kind in ("fn", "assoc_fn"):
            return res.target, res.target.name
    if isinstance(e, ast.MethodCall):
        for d in fcx.used_assoc[::-1]:
            if d.name == e.name and d.kind == "assoc_fn":
                owner = d.parent
                self_ty = getattr(owner.node, "self_ty", None)
                name = f"{owner.name}::{d.name}" if owner.kind == "trait" else \
                    f"{self_ty.path.name if isinstance(self_ty, ast.TyPath) else 'str'}::{d.name}"
                return d, name
    return None, None


def must_use_diag(fcx, e, t) -> Diag | None:
    while isinstance(e, ast.Paren):
        e = e.inner
    label = ""
    if isinstance(e, ast.Binary) and (e.op in ARITH or e.op in COMPARE):
        what = "arithmetic operation" if e.op in ARITH else "comparison"
        msg = f"unused {what} that must be used"
        label = f"the {what} produces a value"
    else:
        d, name = _callee(fcx, e) if isinstance(e, (ast.Call, ast.MethodCall)) else (None, None)
        if d is not None and _must_use_attr(d.node):
            msg = f"unused return value of `{name}` that must be used"
        elif isinstance(t, Ty) and t.kind == "adt":
            adt = fcx.tcx.resolver.def_at(t.def_index)
            if adt.builtin and adt.name == "Result":
                msg = "unused `Result` that must be used"
            elif not adt.builtin and _must_use_attr(adt.node):
                msg = f"unused `{adt.name}` that must be used"
            else:
                return None
        else:
            return None
    diag = Diag("warning", msg, lint="unused_must_use").primary(e.span, label)
    if msg == "unused `Result` that must be used":
        diag.note("this `Result` may be an `Err` variant, which should be handled")
    reason = _must_use_reason(d.node if d is not None else None) if msg.startswith("unused return value") else None
    if reason:
        diag.note(reason)
    for c in diag.children:
        c.leading = True        # rustc prints these before the lint level's note
    diag.multipart_suggestion("use `let _ = ...` to ignore the resulting value",
                              [(Span(e.span.lo, e.span.lo, e.span.file), "let _ = ")])
    return diag
