"""Constant and static evaluation (rustc_const_eval, rustc_mir_build): `const_eval`, `trivial_const`,
`mir_built` and `eval_static_initializer`, with the query chain rustc 1.95 walks for a const."""
from __future__ import annotations

from compiler.syntax import ast
from compiler.syntax.span import DUMMY_SP

OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
    "/": lambda a, b: a // b if b else None, "%": lambda a, b: a % b if b else None,
    "==": lambda a, b: a == b, "!=": lambda a, b: a != b, "<": lambda a, b: a < b, ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b, "&&": lambda a, b: a and b, "||": lambda a, b: a or b,
    "&": lambda a, b: a & b, "|": lambda a, b: a | b, "^": lambda a, b: a ^ b,
}


def const_eval(tcx, d):
    _layout_of_item(tcx, d)
    return tcx.query("trivial_const", d)


def _layout_of_item(tcx, d):
    """The interpreter lays out the item's type before it evaluates the initializer."""
    ty = tcx.query("type_of", d)
    if ty.kind in ("adt", "tuple", "array") and not ty.references_error():
        tcx.query("layout_of", ty, d.node.ty.span)


def trivial_const(tcx, d):
    return tcx.query("mir_built", d)


def mir_built(tcx, d):
    return _eval(tcx, d.node.expr, static=False)


def eval_static_initializer(tcx, d):
    _layout_of_item(tcx, d)
    return _eval(tcx, d.node.expr, static=True)


def _eval(tcx, e, static: bool):
    if isinstance(e, ast.Lit):
        return e.value if e.kind in ("int", "bool") else None
    if isinstance(e, ast.Paren):
        return _eval(tcx, e.inner, static)
    if isinstance(e, ast.Unary):
        v = _eval(tcx, e.operand, static)
        if v is None:
            return None
        return -v if e.op == "-" else (not v if isinstance(v, bool) else ~v) if e.op == "!" else None
    if isinstance(e, ast.Binary):
        a, b = _eval(tcx, e.lhs, static), _eval(tcx, e.rhs, static)
        return None if a is None or b is None else OPS.get(e.op, lambda a, b: None)(a, b)
    if isinstance(e, ast.BlockExpr):
        return _eval(tcx, e.block.tail, static) if e.block.tail is not None else None
    if isinstance(e, ast.PathExpr):
        r = tcx.resolver.res.get(e.path)
        if r is None or r.kind != "def":
            return None
        if r.target.kind == "const":
            return tcx.query("trivial_const", r.target, DUMMY_SP)
        if r.target.kind == "static" and static:
            return tcx.query("eval_static_initializer", r.target, e.path.span)
    return None


def cycle_fallback(tcx, d):
    return None
