"""Use after move (E0382), the part of MIR borrowck that everyday programs hit first. `typeck` records
each whole-variable use with its kind (moved, borrowed, reassigned); a later use of a variable whose
non-`Copy` value was moved on a path that can reach it is an error. Simplified and conservative:
uses inside loops that do not contain the variable's declaration, partial moves and moves by
patterns are not checked (never a false error)."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.errors.diagnostic import Label, SubDiag
from compiler.syntax import ast
from compiler.syntax.span import Span


class Use:
    __slots__ = ("binding", "kind", "expr", "callee", "param", "method", "copy")

    def __init__(self, binding, kind, expr, callee=None, param=None, method=None):
        self.binding, self.kind, self.expr = binding, kind, expr     # kind: "move", "borrow", "assign", "field"
        self.callee, self.param, self.method = callee, param, method
        self.copy = True        # for a field read: whether the field's type is `Copy`


def _path(node, parents) -> list:
    """The branch choices on the way from the body to `node`: (if/match node, branch)."""
    out, child, n = [], node, parents.get(node)
    while n is not None:
        if isinstance(n, ast.If):
            out.append((n, "then" if child is n.then else "else" if child is n.els else "cond"))
        elif isinstance(n, ast.Match) and isinstance(child, ast.Arm):
            out.append((n, id(child)))
        child, n = n, parents.get(n)
    return out


def _exclusive(a, b) -> bool:
    da = dict(a)
    return any(n in da and da[n] != br and "cond" not in (da[n], br) for n, br in b)


def _loops(node, parents) -> list:
    """The loops whose body (or `while` condition) contains `node`; a `for`'s iterable runs once."""
    out, child, n = [], node, parents.get(node)
    while n is not None:
        if isinstance(n, (ast.Loop, ast.While)) or isinstance(n, ast.ForLoop) and child is not n.iter:
            out.append(n)
        child, n = n, parents.get(n)
    return out


def check(tcx, d, uses, is_copy, type_of, non_clone_adt=lambda t: None) -> list[Diag]:
    node = d.node
    parents = ast.parents(node.body)
    by_binding: dict = {}
    for u in uses:
        by_binding.setdefault(u.binding, []).append(u)
    out = []
    for b, events in by_binding.items():
        ty = type_of(b)
        if ty is None or is_copy(ty):
            continue
        events.sort(key=lambda u: u.expr.span.lo)
        decl_loops = set(_loops(b, parents)) if not isinstance(b, ast.Param) else set()
        moved = None
        reported = False
        for u in events:
            outer = [loop for loop in _loops(u.expr, parents) if loop not in decl_loops]
            if outer:
                loop = outer[0]     # the innermost loop that the declaration is outside of
                if u.kind == "move" and not reported and _loop_repeats(loop, b, by_binding[b]):
                    out.append(_report_loop(b, ty, u, loop, non_clone_adt(ty)))
                    reported = True
                moved = None
                continue
            if u.kind == "assign":
                moved = None
                continue
            if moved is not None and not _exclusive(_path(moved.expr, parents), _path(u.expr, parents)):
                out.append(_report(tcx, b, ty, moved, u, parents, non_clone_adt(ty)))
                # one error per move; a use that moves again is the move later uses are reported against
                moved = u if u.kind == "move" else None
                continue
            if u.kind == "move" and moved is None:
                moved = u
    return out


def _loop_repeats(loop, b, events) -> bool:
    """Whether the loop can run its body again with `b` still moved: no `break` or `return` in the body
    and no reassignment of `b` in it (a conservative reading)."""
    body = loop.body
    if any(isinstance(n, (ast.Break, ast.Return)) for n in ast.walk(body)):
        return False
    return not any(u.kind == "assign" and body.span.lo <= u.expr.span.lo < body.span.hi for u in events)


def _loop_head(loop) -> Span:
    src, lo, end = loop.span.file.src, loop.span.lo, loop.body.span.lo
    while end > lo and src[end - 1] in " \t\n":
        end -= 1
    return Span(lo, end, loop.span.file)


def _report_loop(b, ty, u, loop, adt=None) -> Diag:
    d = Diag("error", f"use of moved value: `{b.name}`", "E0382")
    d.primary(u.expr.span, "value moved here, in previous iteration of loop")
    at = b.name_span
    if getattr(b, "mutbl", False):
        kw = at.file.src.rfind("mut", 0, at.lo)
        at = Span(kw, at.hi, at.file) if kw >= 0 else at
    d.span_label(at, f"move occurs because `{b.name}` has type `{ty}`, which does not implement the `Copy` trait")
    d.span_label(_loop_head(loop), "inside of this loop")
    _move_notes(d, b, u, adt)
    return d


def _move_notes(d, b, moved, adt=None):
    if moved.callee is not None and moved.param is not None:
        f = moved.callee
        kind = "method" if f.node.params and f.node.params[0].name == "self" else "function"
        d.children.append(SubDiag("note", f"consider changing this parameter type in {kind} `{f.name}` to borrow "
                                          "instead if owning the value isn't necessary",
                                  [Label(moved.param.ty.span, "this parameter takes ownership of the value", True),
                                   Label(f.node.ident_span, f"in this {kind}", False)]))
    if moved.method is not None:
        m = moved.method
        owner = m.parent
        name = getattr(getattr(owner.node, "self_ty", None), "path", None)
        shown = f"{name.name if name is not None else owner.name}::{m.name}"
        d.children.append(SubDiag("note", f"`{shown}` takes ownership of the receiver `self`, which moves "
                                          f"`{b.name}`", [Label(m.node.params[0].name_span, "", True)]))
    if adt is not None:         # a local type without `Clone`: rustc says where it would go
        d.children.append(SubDiag("note", f"if `{adt.name}` implemented `Clone`, you could clone the value",
                                  [Label(adt.node.def_span, "consider implementing `Clone` for this type", True),
                                   Label(moved.expr.span, "you could clone this value", False)]))
        return
    at = moved.expr.span.hi
    text = f": {b.name}.clone()" if getattr(moved.expr, "shorthand", False) else ".clone()"    # `name: name.clone()`
    d.multipart_suggestion("consider cloning the value if the performance cost is acceptable",
                           [(Span(at, at, moved.expr.span.file), text)])


def _report(tcx, b, ty, moved, later, parents, adt=None) -> Diag:
    up = parents.get(later.expr)
    # a field behind `&`, or a formatting macro's argument (taken by reference), is a borrow
    borrow = later.kind == "borrow" or later.kind == "field" and (
        isinstance(up, ast.AddrOf) or isinstance(up, ast.MacCall) and up.fmt is not None)
    place = b.name
    if later.kind == "field" and not borrow and not later.copy:
        s = later.expr.span         # moving a field out names the field
        place = s.file.src[s.lo:s.hi]
    d = Diag("error", f"{'borrow' if borrow else 'use'} of moved value: `{place}`", "E0382")
    at_use = up if later.kind == "field" and isinstance(up, ast.AddrOf) else later.expr
    if later.kind == "borrow" and isinstance(parents.get(later.expr), ast.AddrOf):
        at_use = parents.get(later.expr)        # the borrow expression `&x`
    d.primary(at_use.span, "value borrowed here after move" if borrow else "value used here after move")
    at = b.name_span
    if getattr(b, "mutbl", False):
        kw = at.file.src.rfind("mut", 0, at.lo)
        at = Span(kw, at.hi, at.file) if kw >= 0 else at
    d.span_label(at, f"move occurs because `{b.name}` has type `{ty}`, which does not implement the `Copy` trait")
    d.span_label(moved.expr.span, "value moved here")
    if place == b.name:     # rustc gives no notes when a field is moved out after the whole
        _move_notes(d, b, moved, adt)
    return d


def check_uninit(tcx, d, resolver) -> list[Diag]:
    """E0381: a `let x;` read where some path has not assigned it (a structured definite-assignment walk:
    both arms of an `if`/`else` and every `match` arm must assign; loops other than `loop` may not run)."""
    out = []
    for b in ast.walk(d.node.body):
        if not (isinstance(b, ast.Local) and b.init is None and b.pat is None and b.name != "_"):
            continue
        state = {"reported": False, "some": []}

        def is_me(e):
            if isinstance(e, ast.PathExpr):
                r = resolver.res.get(e.path)
                return r is not None and r.kind == "local" and r.target is b
            return False

        def walk(n, assigned: bool) -> bool:
            if state["reported"]:
                return True
            if isinstance(n, ast.Assign) and n.op == "=" and is_me(n.lhs):
                walk(n.rhs, assigned)
                state["some"].append(n.lhs)
                return True
            if isinstance(n, ast.PathExpr) and is_me(n):
                if not assigned:
                    out.append(_uninit(b, n, state["some"]))
                    state["reported"] = True
                return assigned
            if isinstance(n, ast.If):
                a = walk(n.cond, assigned)
                t = walk(n.then, a)
                e = walk(n.els, a) if n.els is not None else a
                return t and e
            if isinstance(n, ast.Match):
                a = walk(n.scrutinee, assigned)
                results = [walk(arm.body, a) for arm in n.arms]
                return all(results) if results else a
            if isinstance(n, (ast.While, ast.ForLoop)):
                a = walk(n.cond if isinstance(n, ast.While) else n.iter, assigned)
                walk(n.body, a)
                return a
            for c in ast.children(n):
                assigned = walk(c, assigned)
            return assigned

        started = False
        for n in ast.walk(d.node.body):
            if isinstance(n, ast.Block) and b in n.stmts:
                block = n
                break
        else:
            continue
        assigned = False
        for s in block.stmts:
            if s is b:
                started = True
                continue
            if started:
                assigned = walk(s, assigned)
    return out


def _uninit(b, use, some) -> Diag:
    if some:
        d = Diag("error", f"used binding `{b.name}` is possibly-uninitialized", "E0381")
        d.primary(use.span, f"`{b.name}` used here but it is possibly-uninitialized")
        d.span_label(b.name_span, "binding declared here but left uninitialized")
        for s in some:
            d.span_label(s.span, "binding initialized here in some conditions")
    else:
        d = Diag("error", f"used binding `{b.name}` isn't initialized", "E0381")
        d.primary(use.span, f"`{b.name}` used here but it isn't initialized")
        d.span_label(b.name_span, "binding declared here but left uninitialized")
    return d
