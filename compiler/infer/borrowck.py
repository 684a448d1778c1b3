"""`mir_borrowck`: the one region check of rustc 1.95 that the subset models. A fn returning `&'r U`
whose returned values (the tail expression and every `return`) are parameters declared `&'p T`, or
reborrows `&*param`, must have `'p: 'r` in its `region_relations`; otherwise it reports rustc's
`lifetime may not live long enough`, at the return site rustc's blame search picks, with the outlives
suggestion rustc adds when one body needs several bounds. Anything outside that narrow shape is not
checked (never a false error): other return shapes, bodies with calls, method calls or struct literals,
type annotations naming lifetimes, assignments to anything but a local, signatures the implied-bounds
walk does not model, undeclared or shadowed lifetimes, and bodies with type or resolution errors (rustc
skips borrowck of tainted bodies)."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.syntax import ast
from compiler.infer.region_relations import (
    Facts, _mentions_refs, _ty_mentions_lifetimes, item_facts, region_relations, _outlives, STATIC, ANON,
)


class _Site:
    def __init__(self, expr, param, reborrow: bool, order: int):
        self.expr, self.param, self.reborrow, self.order = expr, param, reborrow, order


def _walk_exprs(x):
    """Every expression under a block or expression, in source order."""
    return (n for n in ast.walk(x) if isinstance(n, ast.Expr))


def _param_of(tcx, e, params):
    if isinstance(e, ast.PathExpr) and len(e.path.segments) == 1 and not e.path.segments[0].args \
            and not e.path.segments[0].lifetimes:
        r = tcx.resolver.res.get(e.path)
        if r is not None and r.kind == "local" and r.target in params:
            return r.target
    return None


def _site(tcx, e, params, order):
    p = _param_of(tcx, e, params)
    if p is not None:
        return _Site(e, p, False, order)
    if isinstance(e, ast.AddrOf) and not e.mutbl and isinstance(e.operand, ast.Unary) and e.operand.op == "*":
        p = _param_of(tcx, e.operand.operand, params)
        if p is not None:
            return _Site(e, p, True, order)
    return None


def _plain_inner(tcx, ty) -> bool:
    """A type with no lifetimes or references anywhere, and no `Self` (which may carry some)."""
    if isinstance(ty, ast.TyTuple):
        return all(_plain_inner(tcx, e) for e in ty.elems)
    if isinstance(ty, ast.TyArray):
        return _plain_inner(tcx, ty.elem)
    if not isinstance(ty, ast.TyPath):
        return False
    if any(seg.lifetimes for seg in ty.path.segments):
        return False
    if not all(_plain_inner(tcx, a) for seg in ty.path.segments for a in seg.args):
        return False
    r = tcx.resolver.res.get(ty.path)
    if r is None or r.kind in ("err", "self_ty", "type_relative"):
        return False
    if r.kind in ("prim", "param"):
        return r.target != "Self"
    d = r.target
    if d.kind == "struct":
        return not d.node.generics.lifetimes
    if d.kind == "ty_alias":
        return not d.node.generics.lifetimes and not _mentions_refs(d.node.ty)
    return False


def _lifetime_free_sig(tcx, d) -> bool:
    node = d.node
    g = node.generics
    if g.lifetimes or g.params or g.where or g.region_preds:
        return False
    tys = [p.ty for p in node.params] + ([node.ret] if node.ret is not None else [])
    return all(_plain_inner(tcx, t) for t in tys)


def _simple_body(tcx, body: ast.Block, params) -> bool:
    """No expression in the body can relate the signature's regions other than through the return
    place: no calls (except to fns whose signature has no references or generics), no method calls,
    no struct literals of structs with lifetimes or references, no lifetimes named in `let` types or
    paths, and assignments only to locals."""
    for s in _stmts(body):
        if isinstance(s, ast.Local) and s.ty is not None and _ty_mentions_lifetimes(s.ty):
            return False
    for e in _walk_exprs(body):
        if isinstance(e, ast.MethodCall):
            return False
        if isinstance(e, ast.PathExpr) and any(seg.lifetimes for seg in e.path.segments):
            return False
        if isinstance(e, ast.Call):
            if not isinstance(e.func, ast.PathExpr):
                return False
            r = tcx.resolver.res.get(e.func.path)
            if r is None or r.kind != "def":
                return False
            c = r.target
            if c.kind in ("fn", "assoc_fn"):
                if not _lifetime_free_sig(tcx, c):
                    return False
            elif c.kind == "struct":
                if c.node.generics.lifetimes or c.node.generics.params or \
                        not all(_plain_inner(tcx, f.ty) for f in c.node.fields):
                    return False
            else:
                return False
        if isinstance(e, ast.StructLit):
            r = tcx.resolver.res.get(e.path)
            c = r.target if r is not None and r.kind == "def" else None
            if c is None or c.kind != "struct" or c.node.generics.lifetimes or c.node.generics.params or \
                    not all(_plain_inner(tcx, f.ty) for f in c.node.fields):
                return False
        if isinstance(e, ast.Assign):
            if not isinstance(e.lhs, ast.PathExpr):
                return False
            r = tcx.resolver.res.get(e.lhs.path)
            if r is None or r.kind != "local" or r.target in params:
                return False
    return True


def _stmts(block: ast.Block):
    for s in block.stmts:
        yield s
    for e in _walk_exprs(block):
        for b in ([e.then] if isinstance(e, ast.If) else [e.body] if isinstance(e, (ast.While, ast.Loop))
                  else [e.block] if isinstance(e, ast.BlockExpr) else []):
            yield from b.stmts


def _return_sites(tcx, node, params):
    """The values that flow into the return place, each a recognised site; None if any is not."""
    sites = []
    body = node.body
    for e in _walk_exprs(body):
        if isinstance(e, ast.Return) and e.value is not None:
            s = _site(tcx, e.value, params, e.value.span.lo)
            if s is None:
                return None
            sites.append(s)
    tail = body.tail
    if tail is not None:
        s = _site(tcx, tail, params, tail.span.lo)
        if s is None:
            return None
        sites.append(s)
    return sites


def _tainted(tcx, d) -> bool:
    """Whether typeck of `d` reports an error, or the body has a path that did not resolve: rustc does
    not borrow-check a body tainted by errors. Re-runs typeck with a private diagnostics sink (only on
    the way to reporting a region error)."""
    from compiler.sync.pool import FatalError
    from compiler.typeck.check import FnCtxt
    res = tcx.resolver.res
    for e in _walk_exprs(d.node.body):
        paths = [e.path] if isinstance(e, (ast.PathExpr, ast.StructLit)) else []
        for p in paths:
            r = res.get(p)
            if r is None or r.kind == "err":
                return True

    class Sink:
        errors = 0

        def emit(self, diag):
            if diag.level == "error" and diag.lint is None:
                Sink.errors += 1

        def emit_fatal(self, diag):
            Sink.errors += 1
            raise FatalError()

    class Probe:
        def __init__(self, inner):
            self._inner = inner
            self.dcx = Sink()

        def __getattr__(self, name):
            return getattr(self._inner, name)

    fcx = FnCtxt(Probe(tcx), d)
    try:
        fcx.check_owner()
    except FatalError:
        return True
    return Sink.errors > 0 or any(x.level == "error" for x in fcx.match_diags)     # E0004: no MIR


def _region_order(d, own: Facts, parent: Facts | None, params) -> list[str]:
    """rustc's universal-region order: the parent's lifetimes (early-bound), the fn's early-bound ones
    (named in a bound, or not in the inputs), then its late-bound ones; each group in declaration order."""
    order = list(parent.lifetimes) if parent is not None else []
    walker_used: list[str] = []
    for p in params:
        _collect_names(p.ty, walker_used)
    early = [lt for lt in own.lifetimes if lt in own.in_bounds or lt not in walker_used]
    late = [lt for lt in own.lifetimes if lt not in early]
    return order + early + late


def _collect_names(ty, out: list):
    if isinstance(ty, ast.TyRef):
        if ty.lifetime is not None:
            out.append(ty.lifetime.name)
        _collect_names(ty.inner, out)
    elif isinstance(ty, ast.TyTuple):
        for e in ty.elems:
            _collect_names(e, out)
    elif isinstance(ty, ast.TyArray):
        _collect_names(ty.elem, out)
    elif isinstance(ty, ast.TyPath):
        for seg in ty.path.segments:
            out += [lt.name for lt in seg.lifetimes]
            for a in seg.args:
                _collect_names(a, out)


class _SuggestionDiag(Diag):
    """rustc's outlives suggestion: a spanless `help` sorted after the body's errors (its `sort_span`
    is the end of the body)."""
    sort_span = None

    def sort_key(self) -> tuple:
        return (self.sort_span.sort_key(), self.message)


def mir_borrowck(tcx, d):
    node = d.node
    if node.body is None or not isinstance(node.ret, ast.TyRef):
        return None
    ret = node.ret
    if ret.lifetime is None or ret.lifetime.name == ANON or not _plain_inner(tcx, ret.inner):
        return None
    r = ret.lifetime.name
    params = {p: p for p in node.params}
    sites = _return_sites(tcx, node, params)
    if not sites:
        return None
    for s in sites:
        pty = s.param.ty
        if s.param.mutbl or not isinstance(pty, ast.TyRef) or pty.lifetime is None \
                or pty.lifetime.name == ANON or not _plain_inner(tcx, pty.inner):
            return None
        if (s.reborrow and pty.mutbl) or (not s.reborrow and pty.mutbl != ret.mutbl) or \
                (s.reborrow and ret.mutbl):
            return None
    if not _simple_body(tcx, node.body, params):
        return None
    own = item_facts(tcx, d)
    parent = item_facts(tcx, d.parent) if d.kind == "assoc_fn" else None
    if own.uncertain or (parent is not None and parent.uncertain):
        return None
    params_sig, ret_sig = tcx.query("fn_sig", d)
    if ret_sig.references_error() or any(t.references_error() for t in params_sig):
        return None
    rel = tcx.query("region_relations", d)
    failing: dict[str, _Site] = {}
    index = {p: i for i, p in enumerate(node.params)}
    # rustc's blame search is breadth-first from `'p`: a plain return is one step shorter than a
    # reborrow; then the first parameter (the order of the signature's constraints); then the
    # earliest return site.
    checked: dict[str, bool] = {}
    for s in sorted(sites, key=lambda s: (s.reborrow, index[s.param], s.order)):
        p = s.param.ty.lifetime.name
        if p not in checked:
            checked[p] = _outlives(rel, p, r)
        if not checked[p] and p not in failing:
            failing[p] = s
    if not failing or _tainted(tcx, d):
        return None
    decl = dict(parent.lifetimes) if parent is not None else {}
    decl.update(own.lifetimes)
    what = "function"
    if d.kind == "assoc_fn":
        what = "method" if node.params and node.params[0].name == "self" else "associated function"
    for p, s in failing.items():
        diag = Diag("error", "lifetime may not live long enough")
        if r == STATIC:
            diag.primary(s.expr.span, f"returning this value requires that `{p}` must outlive `'static`")
            diag.span_label(decl[p], f"lifetime `{p}` defined here")
        else:
            diag.primary(s.expr.span, f"{what} was supposed to return data with lifetime `{r}` but it is "
                                      f"returning data with lifetime `{p}`")
            diag.span_label(decl[p], f"lifetime `{p}` defined here")
            diag.span_label(decl[r], f"lifetime `{r}` defined here")
            diag.help(f"consider adding the following bound: `{p}: {r}`")
        tcx.dcx.emit(diag)
    if len(failing) > 1:
        from compiler.errors.diagnostic import Label
        from compiler.syntax.span import DUMMY_SP
        order = _region_order(d, own, parent, node.params)
        sugg = _SuggestionDiag("help", "the following changes may resolve your lifetime errors")
        sugg.labels.append(Label(DUMMY_SP, "", True))   # renders the bare `|` line rustc prints
        for p in sorted(failing, key=order.index):
            sugg.help(f"replace `{p}` with `'static`" if r == STATIC else f"add bound `{p}: {r}`")
        sugg.sort_span = node.body.span.shrink_to_hi()
        tcx.dcx.emit(sugg)
    return None
