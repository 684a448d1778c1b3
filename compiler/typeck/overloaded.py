"""Operators on user types through `std::ops` (rustc's `lookup_op_method`): `a + b` calls `Add::add`
of the impl whose `Rhs` fits `b`, and has that impl's `Output`; on a type parameter, the bound
`T: Add<Output = U>` says the same. `Rhs` defaults to `Self`, as the trait declares."""
from __future__ import annotations

from compiler.ty.collect import lower_ty, type_of_any
from compiler.ty.types import Ty


def candidates(fcx, self_ty: Ty, trait_name: str, method: str) -> list:
    """(fn DefId, impl substitution) of every impl of the `std::ops` trait for `self_ty` that defines
    `method`, in declaration order."""
    from compiler.traits.select import match_ty
    out = []
    res = fcx.tcx.resolver.res
    for impl_def in fcx.tcx.resolver.all_impls():
        tr = res.get(impl_def.node.trait_ref) if impl_def.node.trait_ref is not None else None
        if impl_def.builtin or tr is None or tr.kind != "def" or tr.target.name != trait_name \
                or not tr.target.builtin:
            continue
        subst: dict = {}
        if not match_ty(type_of_any(fcx.tcx, impl_def), self_ty, subst):
            continue
        for f in impl_def.node.items:
            if f.name == method and f.params and f.params[0].name == "self":
                out.append((fcx.tcx.resolver.def_of[f], subst))
    return out


def bound_op(fcx, param: Ty, trait_name: str):
    """For a type parameter bounded by the operator trait: (Rhs, Output) from the bound (`Rhs` defaults to
    the parameter, an unbound `Output` is the opaque `T::Output`), or None."""
    res = fcx.tcx.resolver.res
    for b in fcx.bounds_of(param):
        r = res.get(b)
        if r is None or r.kind != "def" or r.target.name != trait_name or not r.target.builtin:
            continue
        seg = b.segments[-1]
        rhs = lower_ty(fcx.tcx, seg.args[0]) if seg.args else param
        out = next((lower_ty(fcx.tcx, t) for n, t in seg.bindings if n == "Output"), None)
        return rhs, out if out is not None else Ty("param", f"{param.name}::Output")
    return None
