"""The mutability checks of MIR borrowck: E0384 (assigning twice to an immutable binding), E0596 and
E0594 (mutable borrows and field assignments through a binding that is not `mut`), and the `unused_mut`
lint. `typeck` records each binding's mutating uses; the diagnostics are built here and emitted by
`mir_borrowck`, the unused-mut lint first and then the errors in source order, as rustc does per body."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.syntax import ast
from compiler.syntax.span import Span


def _mut_kw_span(b) -> Span | None:
    """The `mut ` before a binding's name."""
    src = b.name_span.file.src
    at = src.rfind("mut", 0, b.name_span.lo)
    if at < 0 or src[at + 3:b.name_span.lo].strip():
        return None
    return Span(at, b.name_span.lo, b.name_span.file)


def _bindings(node):
    out = list(node.params) if hasattr(node, "params") else []
    for n in ast.walk(node.body):
        if isinstance(n, ast.Local) and n.pat is None and n.name != "_":
            out.append(n)
        elif isinstance(n, ast.PatIdent):
            out.append(n)
    for p in getattr(node, "params", ()):
        if p.pat is not None:
            out.extend(ast.bindings(p.pat))
    return out


def _place_text(place) -> str:
    s = place.span
    return s.file.src[s.lo:s.hi]


def check(tcx, d, mut_uses) -> list[Diag]:
    """The body's borrowck diagnostics (not yet emitted), in rustc's order."""
    node = d.node
    if node.body is None:
        return []
    resolver = tcx.resolver
    uses: dict = {}
    for b, kind, span, place in mut_uses:
        uses.setdefault(b, []).append((kind, span, place))
    lints, errors = [], []
    for b in _bindings(node):
        if b in resolver.pat_alias:
            continue
        if isinstance(b, ast.PatIdent) and resolver.res.get(b) is not None:
            continue                        # a unit variant or constant, not a binding
        mine = uses.get(b, [])
        mutbl = b.mutbl and not getattr(b, "by_ref", False)     # `ref mut x` is no `mut` binding
        if mutbl:
            if not mine and not b.name.startswith("_") and _mut_kw_span(b) is not None:
                w = Diag("warning", "variable does not need to be mutable", lint="unused_mut")
                kw = _mut_kw_span(b)
                w.primary(Span(kw.lo, b.name_span.hi, kw.file))
                w.span_label(kw, "help: remove this `mut`")
                w.lint_owner = d
                lints.append(w)
            continue
        deferred = isinstance(b, ast.Local) and b.init is None
        parents = None
        borrows = [(span, place) for kind, span, place in mine if kind == "borrow"]
        if len(borrows) > 1 and all(_place_text(p) == b.name for _, p in borrows):
            # rustc reports repeated mutable borrows of one binding once, at the binding
            e = Diag("error", f"cannot borrow `{b.name}` as mutable, as it is not declared as mutable", "E0596")
            e.primary(b.name_span, "not mutable")
            for span, _ in borrows:
                e.span_label(span, "cannot borrow as mutable")
            _suggest_mut(e, b, "consider changing this to be mutable")
            errors.append(e)
            mine = [u for u in mine if u[0] != "borrow"]
        earlier = []        # a deferred binding's assignments so far: others in exclusive branches are fine
        for kind, span, place in mine:
            if kind == "assign":
                if deferred:
                    from compiler.infer.moves import _exclusive, _path
                    parents = parents if earlier else ast.parents(node.body)
                    if all(_exclusive(_path(p, parents), _path(place, parents)) for p in earlier):
                        earlier.append(place)
                        continue
                    first = next(p for p in earlier if not _exclusive(_path(p, parents), _path(place, parents)))
                    errors.append(_assign_twice(b, span, parents.get(first, first).span))
                    continue
                errors.append(_assign_twice(b, span))
            elif kind in ("assign_ref", "borrow_ref", "borrow_ref_box"):
                loop = next((n for n in ast.walk(node.body) if isinstance(n, ast.ForLoop) and n.pat is b), None)
                errors.append(_behind_ref(b, kind, span, place, loop))
            elif kind == "assign_field":
                e = Diag("error", f"cannot assign to `{_place_text(place)}`, as `{b.name}` is not declared as mutable",
                         "E0594").primary(span, "cannot assign")
                _suggest_mut(e, b, "consider changing this to be mutable")
                errors.append(e)
            else:
                text = _place_text(place)
                msg = f"cannot borrow `{text}` as mutable, as it is not declared as mutable" if text == b.name else \
                    f"cannot borrow `{text}` as mutable, as `{b.name}` is not declared as mutable"
                e = Diag("error", msg, "E0596").primary(span, "cannot borrow as mutable")
                _suggest_mut(e, b, "consider changing this to be mutable")
                errors.append(e)
    return order(lints, errors, node.span)


def order(lints, errors, base) -> list[Diag]:
    """Per body, as rustc's borrowck emits them: the lints, then the errors, each in source order."""
    lints.sort(key=lambda x: x.primary_span.sort_key())
    errors.sort(key=lambda x: x.primary_span.sort_key())
    return anchor_in_order(lints + errors, base)


def anchor_in_order(diags, base) -> list[Diag]:
    """Sort anchors that keep a body's diagnostics in this order, at the body's place in the phase."""
    for i, x in enumerate(diags):
        x.anchor = Span(base.lo, base.lo + i, base.file)
    return diags


def _behind_ref(b, kind, span, place, loop=None) -> Diag:
    if kind == "assign_ref":
        e = Diag("error", f"cannot assign to `{_place_text(place)}`, which is behind a `&` reference", "E0594")
        e.primary(span, f"`{b.name}` is a `&` reference, so it cannot be written to")
    else:
        text = _place_text(place)
        text = ("**" if kind == "borrow_ref_box" else "*") + b.name if text == b.name else text
        e = Diag("error", f"cannot borrow `{text}` as mutable, as it is behind a `&` reference", "E0596")
        e.primary(span, f"`{b.name}` is a `&` reference, so it cannot be borrowed as mutable")
    ty = getattr(b, "ty", None)
    if isinstance(ty, ast.TyRef) and not ty.mutbl:
        at = ty.span.lo + 1
        e.multipart_suggestion("consider changing this to be a mutable reference",
                               [(Span(at, at, ty.span.file), "mut ")])
    init = b.init if isinstance(b, ast.Local) and b.ty is None else None
    if isinstance(init, ast.AddrOf) and not init.mutbl:      # `let r = &a;`: `&mut a`
        at = init.span.lo + 1
        e.multipart_suggestion("consider changing this to be a mutable reference",
                               [(Span(at, at, init.span.file), "mut ")])
    it = loop.iter if loop is not None else None
    while isinstance(it, ast.Paren):
        it = it.inner
    if isinstance(it, ast.AddrOf) and not it.mutbl:     # `for p in &v`: the loop yields `&` references
        e.span_label(it.span, "this iterator yields `&` references")
        at = it.span.lo + 1
        e.multipart_suggestion("use a mutable iterator instead", [(Span(at, at, it.span.file), "mut ")])
    return e


def _assign_twice(b, span, first=None) -> Diag:
    if isinstance(b, ast.Param):
        e = Diag("error", f"cannot assign to immutable argument `{b.name}`", "E0384")
        e.primary(span, "cannot assign to immutable argument")
    else:
        e = Diag("error", f"cannot assign twice to immutable variable `{b.name}`", "E0384")
        e.span_label(first if first is not None else b.name_span, f"first assignment to `{b.name}`")
        e.primary(span, "cannot assign twice to immutable variable")
    _suggest_mut(e, b, "consider making this binding mutable")
    return e


def _suggest_mut(e: Diag, b, msg: str):
    at = b.name_span.lo
    e.multipart_suggestion(msg, [(Span(at, at, b.name_span.file), "mut ")])
