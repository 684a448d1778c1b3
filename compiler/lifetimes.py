"""Missing lifetimes (E0106, rustc_resolve's late lifetime resolution): a reference without a lifetime
in a struct field, or in a fn's return type when lifetime elision has no single input to take it from."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.syntax import ast
from compiler.syntax.span import Span


def _refs(ty) -> list:
    """Every `&T` inside a written type."""
    if isinstance(ty, ast.TyRef):
        return [ty] + _refs(ty.inner)
    if isinstance(ty, ast.TyTuple):
        return [r for e in ty.elems for r in _refs(e)]
    if isinstance(ty, (ast.TyArray, ast.TySlice)):
        return _refs(ty.elem)
    if isinstance(ty, ast.TyPath):
        return [r for seg in ty.path.segments for a in seg.args for r in _refs(a)]
    return []


def _elided(refs) -> list:
    return [r for r in refs if r.lifetime is None or r.lifetime.name == "'_"]


def _add_lifetime_param(node, name_span) -> tuple:
    g = node.generics
    if g.span is not None:
        return Span(g.span.lo + 1, g.span.lo + 1, g.span.file), "'a, "
    at = name_span.hi
    return Span(at, at, name_span.file), "<'a>"


def _amp(r) -> Span:
    return Span(r.span.lo, r.span.lo + 1, r.span.file)


def check_struct(emit, node):
    missing = [r for f in node.fields for r in _elided(_refs(f.ty))]
    if not missing or any(lt.name == "'a" for lt in node.generics.lifetimes):
        return
    for r in missing[:1]:
        d = Diag("error", "missing lifetime specifier", "E0106").primary(_amp(r), "expected named lifetime parameter")
        parts = [_add_lifetime_param(node, node.ident_span)]
        parts += [(Span(x.span.lo + 1, x.span.lo + 1, x.span.file), "'a ") for x in missing]
        d.multipart_suggestion("consider introducing a named lifetime parameter", parts)
        emit(d)


def check_fn(emit, node, in_impl: bool):
    if node.ret is None:
        return
    out = _elided(_refs(node.ret))
    if not out:
        return
    params = node.params
    if params and params[0].name == "self" and isinstance(params[0].ty, ast.TyRef):
        return                      # elided output lifetimes take `&self`'s
    inputs = [(p, r) for p in params for r in _refs(p.ty)] + \
        [(p, None) for p in params for seg in getattr(getattr(p.ty, "path", None), "segments", []) for _ in seg.lifetimes]
    if len(inputs) == 1:
        return
    d = Diag("error", "missing lifetime specifier", "E0106").primary(_amp(out[0]), "expected named lifetime parameter")
    if inputs:
        for p, r in inputs:
            if r is not None:
                d.span_label(r.span, "")
        names = [p.name for p, _ in inputs]
        listed = " or ".join(f"`{n}`" for n in names) if len(names) <= 2 else \
            ", ".join(f"`{n}`" for n in names[:-1]) + f", or `{names[-1]}`"
        d.help(f"this function's return type contains a borrowed value, but the signature does not say whether it "
               f"is borrowed from {listed}")
        parts = [_add_lifetime_param(node, node.ident_span)]
        parts += [(Span(r.span.lo + 1, r.span.lo + 1, r.span.file), "'a ") for _, r in inputs if r is not None
                  and r.lifetime is None]
        parts += [(Span(r.span.lo + 1, r.span.lo + 1, r.span.file), "'a ") for r in out]
        d.multipart_suggestion("consider introducing a named lifetime parameter", sorted(parts, key=lambda x: x[0].lo))
    else:
        d.help("this function's return type contains a borrowed value, but there is no value for it to be borrowed "
               "from")
        d.multipart_suggestion("consider using the `'static` lifetime, but this is uncommon unless you're returning a "
                               "borrowed value from a `const` or a `static`",
                               [(Span(r.span.lo + 1, r.span.lo + 1, r.span.file), "'static ") for r in out])
        top = node.ret
        if isinstance(top, ast.TyRef):
            inner = top.inner
            owned = "String" if isinstance(inner, ast.TyPath) and inner.path.name == "str" else \
                inner.span.file.src[inner.span.lo:inner.span.hi]
            d.multipart_suggestion("instead, you are more likely to want to return an owned value",
                                   [(top.span, owned)])
    emit(d)
