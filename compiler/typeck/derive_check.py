"""What rustc reports when a `#[derive]` cannot be honoured by a type's fields: `Copy` through coherence
(E0204, after well-formedness), and `Debug`, `Clone` and `PartialEq` while type-checking the derived
impls' bodies (E0277, E0369), each error pointing at the field with "in this derive macro expansion"."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.errors.diagnostic import Label, LateDiag, SubDiag
from compiler.syntax.span import Span
from compiler.traits.select import SelectionContext
from compiler.ty.collect import lower_ty
from compiler.ty.types import Ty


def _fields(tcx, d):
    """(field span, field type) of the struct's fields, or of every variant's, in order."""
    owners = [d.node] if d.kind == "struct" else [v.node for v in d.variants.values()]
    out = []
    for o in owners:
        for f in o.fields:
            t = lower_ty(tcx, f.ty)
            if isinstance(t, Ty) and not t.references_error() and not _mentions_param(t):
                # a named field's span runs from its name through its type
                out.append((f.span.to(f.ty.span) if o.kind == "named" else f.ty.span, t))
    return out


def _mentions_param(t: Ty) -> bool:
    return t.kind == "param" or any(isinstance(a, Ty) and _mentions_param(a) for a in t.args)


def _trait(tcx, name):
    return tcx.resolver.prelude.root.types.get(name)


def check_copy(tcx, d):
    """E0204 for `#[derive(Copy)]` on a type with a field that is not `Copy`."""
    derives = tcx.resolver.derives.get(d, {})
    copy = _trait(tcx, "Copy")
    if "Copy" not in derives or copy is None:
        return
    scx = SelectionContext(tcx, [])
    bad = [sp for sp, t in _fields(tcx, d) if not scx.evaluate(t, copy, sp)]
    if not bad:
        return
    diag = LateDiag("error", "the trait `Copy` cannot be implemented for this type", "E0204")   # coherence
    diag.primary(d.node.ident_span)
    diag.span_label(derives["Copy"], "in this derive macro expansion")
    for sp in bad:
        diag.span_label(sp, "this field does not implement `Copy`")
    tcx.dcx.emit(diag)


def derived_body_errors(tcx, d) -> list[Diag]:
    """The errors of the derived `Debug`, `Clone` and `PartialEq` impls' bodies: one per field whose type
    (a type of this crate) lacks the trait, impl by impl in the derive's order."""
    from compiler.typeck.check import derive_suggestion
    derives = tcx.resolver.derives.get(d, {})
    scx = SelectionContext(tcx, [])
    out = []
    order = sorted(derives.items(), key=lambda kv: kv[1].lo)
    for k, (name, path_span) in enumerate(order):
        trait = _trait(tcx, name)
        if name not in ("Debug", "Clone", "PartialEq") or trait is None:
            continue
        for i, (sp, t) in enumerate(_fields(tcx, d)):
            if t.kind != "adt" or scx.evaluate(t, trait, sp):
                continue
            adt = tcx.resolver.def_at(t.def_index)
            if adt.builtin:
                continue
            if name == "Debug":
                diag = Diag("error", f"`{t}` doesn't implement `Debug`", "E0277")
                diag.primary(sp, f"the trait `Debug` is not implemented for `{t}`")
                diag.note(f"add `#[derive(Debug)]` to `{t}` or manually `impl Debug for {t}`")
            elif name == "Clone":
                diag = Diag("error", f"the trait bound `{t}: Clone` is not satisfied", "E0277")
                diag.primary(sp, f"the trait `Clone` is not implemented for `{t}`")
                if "Copy" in derives:       # with `Copy`, the derived `clone` only asserts its fields are `Clone`
                    diag.note("required by a bound in `std::clone::AssertParamIsClone`")
            else:
                diag = Diag("error", f"binary operation `==` cannot be applied to type `{t}`", "E0369")
                diag.primary(sp)
                diag.children.append(SubDiag("note", f"an implementation of `PartialEq` might be missing for `{t}`",
                                             [Label(adt.node.def_span, "must implement `PartialEq`", True)]))
            diag.span_label(path_span, "in this derive macro expansion")
            if name == "PartialEq" or _all_fields(tcx, adt, trait):
                derive_suggestion(diag, str(t), adt.node, name)
            # the derived impls follow their type, one after another
            diag.anchor = Span(d.node.span.lo, d.node.span.lo + k * 10_000 + i, d.node.span.file)
            out.append(diag)
    return out


def _all_fields(tcx, adt, trait) -> bool:
    """rustc's `suggest_derive` condition: every field of `adt` implements the trait."""
    scx = SelectionContext(tcx, [])
    return all(scx.evaluate(t, trait, sp) for sp, t in _fields(tcx, adt))
