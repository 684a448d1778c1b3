"""`type_of` and `fn_sig` (rustc_hir_analysis::collect): lowering of written types to `Ty`."""
from __future__ import annotations

from compiler.syntax import ast
from compiler.ty.types import ERROR, NEVER, UNIT, Ty, TyVar, prim


def lower_ty(tcx, ty: ast.Ty) -> Ty:
    if isinstance(ty, ast.TyRef):
        return Ty("ref", args=(lower_ty(tcx, ty.inner),), mutbl=ty.mutbl)
    if isinstance(ty, ast.TyTuple):
        return Ty("tuple", args=tuple(lower_ty(tcx, e) for e in ty.elems))
    if isinstance(ty, ast.TyArray):
        n = _array_len(tcx, ty.len)
        return Ty("array", args=(lower_ty(tcx, ty.elem),), length=n)
    if isinstance(ty, ast.TySlice):
        return Ty("slice", args=(lower_ty(tcx, ty.elem),))
    if isinstance(ty, ast.TyNever):
        return NEVER
    if isinstance(ty, ast.TyInfer):
        return TyVar()
    path = ty.path
    res = tcx.resolver.res.get(path)
    args = tuple(lower_ty(tcx, a) for a in path.segments[-1].args)
    if res is None or res.kind == "err":
        return ERROR
    if res.kind == "prim":
        return prim(res.target)
    if res.kind == "param":
        return Ty("param", res.target)
    if res.kind == "self_ty":
        return tcx.query("type_of", res.target)
    if res.kind == "assoc_ty":          # `Self::Output` in an impl: the type the impl gives it
        return lower_ty(tcx, res.target.ty)
    d = res.target
    if d.kind in ("struct", "enum"):
        if len(args) != len(d.node.generics.params):
            return ERROR            # E0107, reported by the resolver
        return Ty("adt", d.name, args, def_index=d.index)
    if d.kind == "ty_alias":
        aliased = type_of_builtin(tcx, d) if d.builtin else tcx.query("type_of", d, path.span)
        params = [p.name for p in d.node.generics.params]
        return aliased.subst(dict(zip(params, args))) if params else aliased
    return ERROR


def _array_len(tcx, e):
    """An array length written as a literal or as a constant whose initializer is one."""
    if isinstance(e, ast.Lit) and e.kind == "int":
        return e.value
    if isinstance(e, ast.PathExpr):
        r = tcx.resolver.res.get(e.path)
        if r is not None and r.kind == "def" and r.target.kind == "const":
            init = r.target.node.expr
            if isinstance(init, ast.Lit) and init.kind == "int":
                return init.value
    return None


def type_of(tcx, d) -> Ty:
    node = d.node
    if d.kind == "ty_alias":
        return lower_ty(tcx, node.ty)
    if d.kind in ("const", "static", "assoc_const"):
        return lower_ty(tcx, node.ty)
    if d.kind in ("struct", "enum"):
        return Ty("adt", d.name, tuple(Ty("param", p.name) for p in node.generics.params), def_index=d.index)
    if d.kind == "impl":
        return lower_ty(tcx, node.self_ty)
    return ERROR


def fn_sig(tcx, d) -> tuple[list[Ty], Ty]:
    node = d.node
    params = [lower_ty(tcx, p.ty) for p in node.params]
    ret = lower_ty(tcx, node.ret) if node.ret is not None else UNIT
    return params, ret


def field_tys(tcx, d) -> list[tuple[str, Ty]]:
    return [(f.name, lower_ty(tcx, f.ty)) for f in d.node.fields]


def type_of_builtin(tcx, d) -> Ty:
    """`type_of` for a prelude item, computed directly: prelude items never run as queries."""
    memo = tcx.__dict__.setdefault("_builtin_types", {})
    t = memo.get(d)
    if t is None:
        t = memo[d] = type_of(tcx, d)
    return t


def type_of_any(tcx, d) -> Ty:
    return type_of_builtin(tcx, d) if d.builtin else tcx.query("type_of", d)


def fn_sig_any(tcx, d):
    if not d.builtin:
        return tcx.query("fn_sig", d)
    memo = tcx.__dict__.setdefault("_builtin_sigs", {})
    sig = memo.get(d)
    if sig is None:
        sig = memo[d] = fn_sig(tcx, d)
    return sig


def variant_field_tys(tcx, v) -> list[tuple[str, Ty]]:
    """The fields of an enum variant DefId, in terms of the enum's generic parameters."""
    return [(f.name, lower_ty(tcx, f.ty)) for f in v.node.fields]
