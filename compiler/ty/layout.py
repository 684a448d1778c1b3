"""`layout_of` (rustc_ty_utils::layout): size and alignment of the subset's types, computed as a query
per type, with the recursion limit enforced on the depth of nested `layout_of` queries.

Fixed (PR #100748, PR #101801): the depth is per query stack, as rustc's `depth_limit` query modifier
carries it in the implicit context: here, the number of `layout_of` frames on the current job's
stack. `-Z inject-bug=shared-layout-depth` restores `GlobalCtxt::layout_depth`, one `Cell<usize>` for
the whole compiler, incremented on entry and decremented on exit, so that the depths of unrelated
layout computations on other threads add up."""
from __future__ import annotations

from dataclasses import dataclass

from compiler.errors import Diag
from compiler.ty.types import Ty

PRIM_LAYOUT = {"bool": (1, 1), "char": (4, 4), "i8": (1, 1), "u8": (1, 1), "i16": (2, 2), "u16": (2, 2),
               "i32": (4, 4), "u32": (4, 4), "i64": (8, 8), "u64": (8, 8), "i128": (16, 16), "u128": (16, 16),
               "isize": (8, 8), "usize": (8, 8), "f32": (4, 4), "f64": (8, 8)}


@dataclass(frozen=True)
class Layout:
    size: int
    align: int


def _round_up(n: int, align: int) -> int:
    return (n + align - 1) // align * align


def layout_of(tcx, ty: Ty):
    """The layout of `ty`, or None where it has none (a type error, an unsized or infinite type)."""
    depth = _enter(tcx)
    try:
        if depth > tcx.sess.recursion_limit:
            _overflow(tcx, ty, depth - 1)
        return _compute(tcx, ty)
    finally:
        _exit(tcx)


def _enter(tcx) -> int:
    if tcx.sess.bug("shared-layout-depth"):
        cell = tcx.layout_depth           # before PR #100748: one counter for every thread
        depth = cell.get() + 1
        cell.set(depth)
        return depth
    job = tcx.queries.current_job()
    return sum(1 for j in job.stack() if j.query.name == "layout_of")


def _exit(tcx):
    if tcx.sess.bug("shared-layout-depth"):
        tcx.layout_depth.set(tcx.layout_depth.get() - 1)


def _overflow(tcx, ty: Ty, depth: int):
    root = next(j for j in reversed(tcx.queries.current_job().stack()) if j.query.name == "layout_of")
    root_ty = root.query.key
    d = Diag("error", "queries overflow the depth limit!")
    if root_ty.kind == "adt":
        d.primary(tcx.resolver.defs[root_ty.def_index].node.def_span)
    d.help(f"consider increasing the recursion limit by adding a `#![recursion_limit = "
           f"\"{tcx.sess.recursion_limit * 2}\"]` attribute to your crate (`{tcx.sess.crate_name}`)")
    d.note(f"query depth increased by {depth} when computing layout of `{root_ty}`")
    tcx.dcx.emit_fatal(d)


def _compute(tcx, ty: Ty):
    k = ty.kind
    if k == "prim":
        return Layout(*PRIM_LAYOUT[ty.name]) if ty.name in PRIM_LAYOUT else None
    if k == "ref":
        inner = ty.args[0]
        return Layout(16, 8) if inner.kind == "prim" and inner.name == "str" else Layout(8, 8)
    if k == "never":
        return Layout(0, 1)
    if k == "array":
        elem = _field(tcx, ty.args[0])
        return None if elem is None or ty.length is None else Layout(elem.size * ty.length, elem.align)
    if k == "tuple":
        return _aggregate([_field(tcx, t) for t in ty.args])
    if k == "adt":
        d = tcx.resolver.defs[ty.def_index]
        if _infinite(tcx, d):
            return None
        from compiler.ty.collect import field_tys
        params = [p.name for p in d.node.generics.params]
        mapping = dict(zip(params, ty.args))
        if d.kind == "enum":
            return _enum([_aggregate([_field(tcx, t.subst(mapping)) for _, t in field_tys(tcx, v)])
                          for v in d.variants.values()])
        return _aggregate([_field(tcx, t.subst(mapping)) for _, t in field_tys(tcx, d)])
    return None


def _field(tcx, ty: Ty):
    if ty.kind in ("adt", "tuple", "array"):
        return tcx.query("layout_of", ty)
    return _compute(tcx, ty)


def _aggregate(fields):
    """rustc's default struct layout: fields reordered by alignment, largest first."""
    if any(f is None for f in fields):
        return None
    align = max((f.align for f in fields), default=1)
    size = 0
    for f in sorted(fields, key=lambda f: -f.align):
        size = _round_up(size, f.align) + f.size
    return Layout(_round_up(size, align), align)


def _enum(variants):
    """A tagged union, simplified (no niches): a one-byte tag, then the largest variant."""
    if any(v is None for v in variants):
        return None
    align = max((v.align for v in variants), default=1)
    size = max((v.size for v in variants), default=0)
    return Layout(_round_up(_round_up(1, align) + size, align), align) if size else Layout(1 if variants else 0, 1)


def _infinite(tcx, d) -> bool:
    """Whether `d` contains itself by value (E0072, reported by `representability`)."""
    from compiler.typeck.wfcheck import _by_value_fields
    seen, todo = set(), [d]
    while todo:
        cur = todo.pop()
        for _, target in _by_value_fields(tcx, cur):
            if target is d:
                return True
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return False
