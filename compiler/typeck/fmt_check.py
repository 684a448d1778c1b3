"""The formatting macros' trait checks: every argument implements the trait of its placeholder
(`Display` for `{}`, `Debug` for `{:?}`), reported as rustc's E0277 with its formatting notes."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.errors.diagnostic import Label, SubDiag
from compiler.traits.select import SelectionContext
from compiler.ty.types import IntVar, Ty, resolve, zonk


def check_placeholders(fcx, mac, args, tys):
    tcx = fcx.tcx
    prelude = tcx.resolver.prelude
    if prelude is None:
        return
    implicit = {p.path.name: p for p in mac.implicit}
    implicit.update({name: x for name, _, x in mac.named})
    nxt = 0
    reported = set()        # one error per type and trait in a macro call (rustc's obligations dedup)
    for ph in mac.pieces:
        if ph.arg is None:
            i, nxt = nxt, nxt + 1
            if i >= len(args):
                continue
            expr, ty = args[i], tys[i]
        elif isinstance(ph.arg, int):
            if ph.arg >= len(args):
                continue
            expr, ty = args[ph.arg], tys[ph.arg]
        else:
            expr = implicit.get(ph.arg)
            if expr is None:
                continue
            ty = fcx.check_expr(expr, None)
        trait = prelude.root.types.get(ph.trait)
        if trait is None:
            continue
        t = zonk(ty)
        if not isinstance(t, Ty) or t.references_error() or isinstance(resolve(ty), IntVar) or _open(t):
            continue
        if SelectionContext(tcx, fcx.param_env).evaluate(t, trait, expr.span):
            continue
        if (str(t), ph.trait) in reported:
            continue
        reported.add((str(t), ph.trait))
        _report(fcx, ph, expr, t)


def _peel(t: Ty) -> Ty:
    while t.kind == "ref":
        t = t.args[0]
    return t


def _ref_notes(d, t, trait):
    """rustc's "required for `&T` to implement ..." notes for an argument behind references."""
    depth, inner = 0, t
    while inner.kind == "ref":
        depth, inner = depth + 1, inner.args[0]
    if depth == 0:
        return
    d.note(f"required for `&{inner}` to implement `{trait}`")
    if depth > 1:
        n = depth - 1
        d.note(f"{n} redundant requirement{'s' if n > 1 else ''} hidden")
        d.note(f"required for `{t}` to implement `{trait}`")


def _report(fcx, ph, expr, t):
    inner = _peel(t)
    shown = str(inner)
    adt = fcx.tcx.resolver.def_at(inner.def_index) if inner.kind == "adt" else None
    local = adt is not None and not adt.builtin
    if ph.trait == "Display":
        d = Diag("error", f"`{shown}` doesn't implement `std::fmt::Display`", "E0277")
        d.primary(expr.span, f"`{shown}` cannot be formatted with the default formatter")
        d.span_label(ph.span, "required by this formatting parameter")
        if local:
            d.children.append(SubDiag("help", f"the trait `std::fmt::Display` is not implemented for `{inner}`",
                                      [Label(adt.node.def_span, "", True)]))
        else:
            d.help(f"the trait `std::fmt::Display` is not implemented for `{inner}`")
        d.note("in format strings you may be able to use `{:?}` (or {:#?} for pretty-print) instead")
        _ref_notes(d, t, "std::fmt::Display")
    else:
        d = Diag("error", f"`{shown}` doesn't implement `{ph.trait}`", "E0277")
        d.primary(expr.span, f"`{shown}` cannot be formatted using `{{:?}}` because it doesn't implement `Debug`")
        d.span_label(ph.span, "required by this formatting parameter")
        derivable = local and _fields_implement(fcx, adt, inner, "Debug", expr.span)
        if local and not derivable:     # no derive to suggest: rustc points at the type instead
            d.children.append(SubDiag("help", f"the trait `Debug` is not implemented for `{inner}`",
                                      [Label(adt.node.def_span, "", True)]))
        else:
            d.help(f"the trait `Debug` is not implemented for `{inner}`")
        if local:
            d.note(f"add `#[derive(Debug)]` to `{inner}` or manually `impl Debug for {inner}`")
        _ref_notes(d, t, "Debug")
        if derivable:
            from compiler.typeck.check import derive_suggestion
            derive_suggestion(d, str(inner), adt.node, "Debug")
    fcx.tcx.dcx.emit(d)


def _fields_implement(fcx, adt, ty, trait_name: str, span) -> bool:
    """rustc's `suggest_derive` condition: every field of the type implements the trait."""
    trait = fcx.tcx.resolver.prelude.root.types.get(trait_name)
    owners = list(adt.variants.values()) if adt.kind == "enum" else [adt]
    scx = SelectionContext(fcx.tcx, fcx.param_env)
    return trait is not None and all(scx.evaluate(f, trait, span) for o in owners
                                     for _, f in fcx.fields_of(o, ty) if isinstance(f, Ty))


def _open(t) -> bool:
    """Whether a type still has an undecided variable in it (nothing to check yet)."""
    from compiler.ty.types import TyVar
    return isinstance(t, TyVar) or isinstance(t, Ty) and any(_open(a) for a in t.args)
