"""`check_well_formed` (rustc_hir_analysis::check::wfcheck) and representability (E0072)."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.syntax import ast
from compiler.traits.ops import OPS
from compiler.traits.select import SelectionContext, impl_predicates
from compiler.ty.collect import lower_ty


def check_well_formed(tcx, d):
    if d.kind in ("ty_alias", "const", "static"):
        tcx.query("type_of", d)
    elif d.kind in ("fn", "assoc_fn"):
        tcx.query("fn_sig", d)
    elif d.kind == "struct":
        for f in d.node.fields:
            lower_ty(tcx, f.ty)
        tcx.query("representability", d)
    if d.kind in ("struct", "enum") and d in tcx.resolver.derives:
        from compiler.typeck.derive_check import check_copy
        check_copy(tcx, d)
    elif d.kind == "impl":
        tcx.query("type_of", d)
        preds = impl_predicates(tcx, d)
        scx = SelectionContext(tcx, [(t, tr) for t, tr, _ in preds])
        for t, tr, bound in preds:
            scx.evaluate(t, tr, bound.span)
        _missing_trait_items(tcx, d)
    return None


def _missing_trait_items(tcx, d):
    """E0046: a trait impl must define every trait method without a default body."""
    from compiler.errors import Diag
    node = d.node
    r = tcx.resolver.res.get(node.trait_ref) if node.trait_ref is not None else None
    if r is None or r.kind != "def" or r.target.kind != "trait":
        return
    have = {f.name for f in node.items}
    declared = {f.name for f in r.target.node.items}
    _compare_signatures(tcx, d, r.target)
    for f in node.items:
        if f.name not in declared:
            tcx.dcx.emit(Diag("error", f"method `{f.name}` is not a member of trait `{r.target.name}`", "E0407")
                         .primary(f.span, f"not a member of trait `{r.target.name}`"))
    have_tys = {t.name for t in node.assoc_tys}
    missing = [t for t in r.target.node.assoc_tys if t.name not in have_tys]     # declared first in std
    missing += [f for f in r.target.node.items if f.body is None and f.name not in have]
    have_consts = {c.name for c in node.consts}
    missing += [c for c in r.target.node.consts if c.expr is None and c.name not in have_consts]
    if not missing:
        return
    names = ", ".join(f"`{f.name}`" for f in missing)
    diag = Diag("error", f"not all trait items implemented, missing: {names}", "E0046")
    diag.primary(node.head_span, f"missing {names} in implementation")
    if not r.target.builtin:
        for f in missing:
            diag.span_label(f.span, f"`{f.name}` from trait")
    else:
        for f in missing:
            diag.help(f"implement the missing item: `type {f.name} = /* Type */;`" if isinstance(f, ast.AssocTy)
                      else f"implement the missing item: `{_sig_text(f)} {{ todo!() }}`")
    tcx.dcx.emit(diag)


def _text(ty, self_text: str) -> str:
    import re
    s = " ".join(ty.span.file.src[ty.span.lo:ty.span.hi].split())
    if s in ("self", "&self", "&mut self", "mut self"):
        s = s.replace("mut self", "self") if s == "mut self" else s
        s = s.replace("self", "Self")
    s = re.sub(r"'\w+ ?", "", s).replace("<>", "")         # lifetimes do not change the type's shape
    return re.sub(r"\bSelf\b", self_text, s)


def _compare_signatures(tcx, impl_def, trait):
    """E0053: an impl method's parameter or return type differs from the trait's (compared as written,
    with `Self` standing for the impl's type; methods of another arity are not compared)."""
    from compiler.errors import Diag
    if trait.builtin:
        if trait.name in OPS:
            _compare_ops_signatures(tcx, impl_def, trait)
        return
    node = impl_def.node
    self_text = node.self_ty.span.file.src[node.self_ty.span.lo:node.self_ty.span.hi]
    by_name = {f.name: f for f in trait.node.items}
    for f in node.items:
        tf = by_name.get(f.name)
        if tf is None or len(tf.params) != len(f.params):
            continue
        pairs = [(p.ty, tp.ty) for p, tp in zip(f.params, tf.params)]
        if f.ret is not None and tf.ret is not None:
            pairs.append((f.ret, tf.ret))
        for have, want in pairs:
            h, w = _text(have, self_text), _text(want, self_text)
            if h == w:
                continue
            diag = Diag("error", f"method `{f.name}` has an incompatible type for trait", "E0053")
            diag.primary(have.span, f"expected `{w}`, found `{h}`")
            diag.span_note(want.span, "type in trait")
            exp = [_text(tp.ty, self_text) for tp in tf.params]
            got = [_text(p.ty, self_text) for p in f.params]
            ret_e = _text(tf.ret, self_text) if tf.ret is not None else "()"
            ret_g = _text(f.ret, self_text) if f.ret is not None else "()"
            if ret_e == ret_g:
                ret_e = ret_g = "_"
            tail_e = "" if tf.ret is None and f.ret is None else f" -> {ret_e}"
            tail_g = "" if tf.ret is None and f.ret is None else f" -> {ret_g}"
            diag.note(f"expected signature `fn({', '.join(exp)}){tail_e}`\n"
                      f"   found signature `fn({', '.join(got)}){tail_g}`")
            what = "return" if have is f.ret else "parameter"
            diag.multipart_suggestion(f"change the {what} type to match the trait", [(have.span, w)])
            tcx.dcx.emit(diag)
            break


def _compare_ops_signatures(tcx, impl_def, trait):
    """E0053 for an impl of a `std::ops` trait: the operand must be the trait's `Rhs` (the impl's trait
    argument, else `Self`), and an operator's result its `Output`."""
    node = impl_def.node
    self_ty = lower_ty(tcx, node.self_ty)
    seg = node.trait_ref.segments[-1]
    rhs = lower_ty(tcx, seg.args[0]) if seg.args else self_ty
    out = next((lower_ty(tcx, t.ty) for t in node.assoc_tys if t.name == "Output"), None)
    declared = {f.name: f for f in trait.node.items}
    for f in node.items:
        tf = declared.get(f.name)
        if tf is None or len(f.params) != 2 or len(tf.params) != 2 or f.params[1].ty is None:
            continue
        have_rhs = lower_ty(tcx, f.params[1].ty)
        have_ret = lower_ty(tcx, f.ret) if f.ret is not None else None
        checks = [(f.params[1].ty, have_rhs, rhs, "parameter")]
        if tf.ret is not None and out is not None and f.ret is not None:
            checks.append((f.ret, have_ret, out, "return"))
        for written, have, want, what in checks:
            if have.references_error() or want.references_error() or have == want:
                continue
            first = f"&mut {self_ty}" if trait.name.endswith("Assign") else str(self_ty)
            exp_ret = f" -> {out if out is not None else '()'}" if tf.ret is not None else ""
            got_ret = f" -> {have_ret}" if have_ret is not None else ""
            diag = Diag("error", f"method `{f.name}` has an incompatible type for trait", "E0053")
            diag.primary(written.span, f"expected `{want}`, found `{have}`")
            diag.note(f"expected signature `fn({first}, {rhs}){exp_ret}`\n"
                      f"   found signature `fn({first}, {have_rhs}){got_ret}`")
            diag.multipart_suggestion(f"change the {what} type to match the trait", [(written.span, str(want))])
            tcx.dcx.emit(diag)
            break


def _sig_text(f) -> str:
    src = f.span.file.src
    return src[f.span.lo:f.span.hi].rstrip(";").strip()


def _by_value_fields(tcx, d):
    """Fields whose type contains a struct by value: (field type AST, the struct's DefId)."""
    out = []

    def walk(ty, top):
        if isinstance(ty, ast.TyRef):
            return
        if isinstance(ty, ast.TyTuple):
            for e in ty.elems:
                walk(e, top)
        elif isinstance(ty, ast.TyArray):
            walk(ty.elem, top)
        elif isinstance(ty, ast.TyPath):
            r = tcx.resolver.res.get(ty.path)
            if r is not None and r.kind == "def" and r.target.kind in ("struct", "enum") and not r.target.builtin:
                out.append((top, r.target))
            elif r is not None and r.kind == "def" and r.target.builtin and r.target.name in ("Option", "Result"):
                for a in ty.path.segments[-1].args:     # these enums hold their arguments by value
                    walk(a, a)

    fields = d.node.fields if d.kind != "enum" else [f for v in d.node.variants for f in v.fields]
    for f in fields:
        walk(f.ty, f.ty)
    return out


def representability(tcx, d):
    """Reports E0072 for the by-value cycle through `d`, once, from its first member."""
    path: list = []

    def find(cur, seen):
        for field_ty, target in _by_value_fields(tcx, cur):
            if target is d:
                return [(cur, field_ty)]
            if target not in seen:
                seen.add(target)
                rest = find(target, seen)
                if rest:
                    return [(cur, field_ty)] + rest
        return None

    path = find(d, {d}) or []
    if not path or min(m.index for m, _ in path) != d.index:
        return None
    members = [m for m, _ in path]
    if len(members) == 1:
        msg = f"recursive type `{d.name}` has infinite size"
    else:
        names = [f"`{m.name}`" for m in members]
        msg = f"recursive types {', '.join(names[:-1])} and {names[-1]} have infinite size"
    diag = Diag("error", msg, "E0072")
    for m in members:
        diag.primary(m.node.def_span)
    for _, field_ty in path:
        diag.span_label(field_ty.span, "recursive without indirection")
    parts = []
    for _, field_ty in path:
        parts += [(field_ty.span.shrink_to_lo(), "Box<"), (field_ty.span.shrink_to_hi(), ">")]
    diag.multipart_suggestion("insert some indirection (e.g., a `Box`, `Rc`, or `&`) to break the cycle", parts)
    tcx.dcx.emit(diag)
    return None
