"""Constant and static evaluation (rustc_const_eval, rustc_mir_build): `const_eval`, `trivial_const`,
`mir_built` and `eval_static_initializer`, with the query chain rustc 1.95 walks for a const."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.query.plumbing import IceError
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
    return _Eval(tcx, d, static=False).eval(d.node.expr)


def eval_static_initializer(tcx, d):
    _layout_of_item(tcx, d)
    return _Eval(tcx, d, static=True).eval(d.node.expr)


class Erroneous:
    """The result of an evaluation that reported an error (rustc's `ErrorHandled::Reported`); a cycle's
    recovery value also names the constant it stands for."""

    def __init__(self, item=None):
        self.item = item

    def __repr__(self):
        return "ERRONEOUS"


ERRONEOUS = Erroneous()
CYCLE_TAINTED = Erroneous()     # a value that depends on a cycle: no note (the E0391 says it all)


def cycle_value(tcx, d):
    """The value a constant's evaluation query recovers with from a cycle: tainted by the E0391."""
    return Erroneous(d)
INT_RANGES = {t: ((-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if t[0] == "i" else (0, (1 << bits) - 1))
              for t, bits in (("i8", 8), ("i16", 16), ("i32", 32), ("i64", 64), ("i128", 128), ("isize", 64),
                              ("u8", 8), ("u16", 16), ("u32", 32), ("u64", 64), ("u128", 128), ("usize", 64))}


class _Eval:
    """Evaluates one item's initializer; integer arithmetic is checked in the item's type, and a
    failure is rustc's E0080 at the failing operation."""

    def __init__(self, tcx, d, static: bool):
        self.tcx, self.d, self.static = tcx, d, static
        ty = tcx.query("type_of", d)
        self.int_ty = ty.name if ty.kind == "prim" and ty.name in INT_RANGES else None

    def eval(self, e):
        tcx = self.tcx
        if isinstance(e, ast.Lit):
            return e.value if e.kind in ("int", "bool") else None
        if isinstance(e, ast.Paren):
            return self.eval(e.inner)
        if isinstance(e, ast.Unary):
            v = self.eval(e.operand)
            if v is None or isinstance(v, Erroneous):
                return v
            return -v if e.op == "-" else (not v if isinstance(v, bool) else ~v) if e.op == "!" else None
        if isinstance(e, ast.Binary):
            a, b = self.eval(e.lhs), self.eval(e.rhs)
            if isinstance(a, Erroneous) or isinstance(b, Erroneous):
                return ERRONEOUS
            if a is None or b is None:
                return None
            return self._binary(e, a, b)
        if isinstance(e, ast.BlockExpr):
            return self.eval(e.block.tail) if e.block.tail is not None else None
        if isinstance(e, ast.PathExpr):
            r = tcx.resolver.res.get(e.path)
            if r is None or r.kind != "def":
                return None
            if r.target.kind == "const":
                return self._use(e, r.target, lambda: tcx.query("trivial_const", r.target, DUMMY_SP))
            if r.target.kind == "static" and self.static:
                return self._use(e, r.target, lambda: tcx.query("eval_static_initializer", r.target, e.path.span))
        return None

    def _use(self, e, target, evaluate):
        """A use of another item's value. rustc notes `erroneous constant encountered` where the value
        is an error. With `racy-error-count` the note is decided, as before PR #157282, by comparing
        the global error count before and after the evaluation: any thread's error in between counts."""
        dcx = self.tcx.dcx
        if self.tcx.sess.bug("racy-error-count"):
            before = dcx.emitted_err_count.load()
            v = evaluate()
            failed = dcx.emitted_err_count.load() > before
        else:
            v = evaluate()
            failed = v is ERRONEOUS
        if isinstance(v, Erroneous) and v.item is not None:
            if v.item is not target:
                raise IceError("assertion `left == right` failed: the cycle value of another constant\n"
                               f"  left: {self.tcx.def_path_str(v.item)}\n right: {self.tcx.def_path_str(target)}")
            v = CYCLE_TAINTED
        if failed:
            note = Diag("note", "erroneous constant encountered").primary(e.span)
            # rustc emits it as the use is evaluated: right after the used item's own error, if that
            # was evaluated just now, and in this item's place otherwise.
            note.anchor = max(target.node.span.shrink_to_hi(), e.span, key=lambda sp: sp.sort_key())
            dcx.emit(note)
        return v

    def _binary(self, e, a, b):
        op, ty = e.op, self.int_ty
        if ty is None or isinstance(a, bool) or isinstance(b, bool) or op not in ("+", "-", "*", "/", "%"):
            return OPS.get(op, lambda a, b: None)(a, b)
        lo, hi = INT_RANGES[ty]

        def show(v):
            return f"{ty}::MAX" if v == hi else f"{ty}::MIN" if v == lo and lo < 0 else f"{v}_{ty}"
        shown_a = f"`{show(a)}`"
        if op in ("/", "%") and b == 0:
            msg = (f"attempt to divide {shown_a} by zero" if op == "/" else
                   f"attempt to calculate the remainder of {shown_a} with a divisor of zero")
            return self._fail(e, msg)
        if op in ("/", "%") and lo < 0 and a == lo and b == -1:
            return self._fail(e, f"attempt to compute `{show(a)} {op} {show(b)}`, which would overflow")
        if op == "/":
            v = abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1)
        elif op == "%":
            v = a - b * (abs(a) // abs(b) * (1 if (a < 0) == (b < 0) else -1))
        else:
            v = OPS[op](a, b)
        if not lo <= v <= hi:
            return self._fail(e, f"attempt to compute `{show(a)} {op} {show(b)}`, which would overflow")
        return v

    def _fail(self, e, msg: str):
        self.tcx.dcx.emit(Diag("error", msg, "E0080").primary(e.span, f"evaluation of `{self.d.name}` failed here"))
        return ERRONEOUS


