"""`region_relations` and `mir_borrowck`: lifetime outlives checking for the subset.

`region_relations(tcx, d)` is the outlives relation of the named lifetimes in scope of item `d` (rustc's
`FreeRegionMap` / borrowck's `UniversalRegionRelations`): `'x: 'y` edges from the lifetime bounds and
`where 'x: 'y` predicates of the generics, the bounds implied by the well-formedness of the signature's
types (`&'x &'y T` implies `'y: 'x`; a struct's declared and inferred outlives bounds, substituted), the
reflexive `'x: 'x` for every lifetime, and `'static: 'x` for every lifetime. It is a frozen
`TransitiveRelation` (closure computed eagerly, PR #99702), or with `-Z inject-bug=lazy-transitive-relation`
the historical lazy one whose closure is computed on first use inside a `RefCell` borrow.

For an associated fn the relation includes its parent impl's (or trait's). A method that adds no facts of
its own (no lifetime bounds, no implied bounds between named lifetimes) gets the parent's result itself:
`region_relations(impl)` is one query result, computed once and read by the borrowck of every method of
the impl, on whichever threads they run. That sharing is what puts the lazy closure on several threads.

`mir_borrowck(tcx, d)` performs the one region check of rustc 1.95 that the subset models: a fn returning
`&'r U` whose returned values (the tail expression and every `return`) are parameters declared `&'p T`,
or reborrows `&*param`. Unless `'p: 'r` holds, it reports rustc's `lifetime may not live long enough`,
at the return site rustc's blame search picks, with the outlives suggestion rustc adds when one body
needs several bounds. Anything outside that narrow shape is not checked (never a false error): other
return shapes, bodies with calls, method calls or struct literals, type annotations naming lifetimes,
assignments to anything but a local, signatures the implied-bounds walk does not model, undeclared or
shadowed lifetimes, and bodies with type or resolution errors (rustc skips borrowck of tainted bodies)."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.syntax import ast
from compiler.infer.transitive_relation import LazyTransitiveRelation, TransitiveRelationBuilder

STATIC = "'static"
ANON = "'_"


class _Uncertain(Exception):
    """The signature uses something the implied-bounds walk does not model: check nothing."""


# ---- facts about lifetimes, from the AST
class Facts:
    """The named lifetimes an item declares (name -> span, in order), its outlives edges `(a, b)` meaning
    `a: b` (declared and implied, projected onto named lifetimes), the names that appear in its own
    bounds (early-bound), and whether the walk met something it does not model."""

    def __init__(self):
        self.lifetimes: dict[str, object] = {}
        self.edges: list[tuple[str, str]] = []
        self.in_bounds: set[str] = set()
        self.used: list[str] = []
        self.uncertain = False


class _Walker:
    def __init__(self, tcx):
        self.tcx = tcx
        self.anon = 0
        self.struct_cache: dict = {}
        self.struct_stack: set = set()

    def fresh(self) -> str:
        self.anon += 1
        return f"'<anon {self.anon}>"

    def name(self, lt: ast.Lifetime | None, used: list) -> str | None:
        if lt is None or lt.name == ANON:
            return None
        used.append(lt.name)
        return lt.name

    def lifetimes_in(self, ty, edges: list, used: list, impl=None) -> list[str]:
        """The lifetimes appearing in `ty` (anonymous ones under fresh names); appends to `edges` the
        outlives facts its well-formedness implies."""
        if isinstance(ty, ast.TyRef):
            inner = self.lifetimes_in(ty.inner, edges, used, impl)
            outer = self.name(ty.lifetime, used) or self.fresh()
            edges += [(lt, outer) for lt in inner]
            return inner + [outer]
        if isinstance(ty, ast.TyTuple):
            return [lt for e in ty.elems for lt in self.lifetimes_in(e, edges, used, impl)]
        if isinstance(ty, ast.TyArray):
            return self.lifetimes_in(ty.elem, edges, used, impl)
        if not isinstance(ty, ast.TyPath):
            raise _Uncertain()
        path = ty.path
        if any(seg.lifetimes or seg.args for seg in path.segments[:-1]):
            raise _Uncertain()
        seg = path.segments[-1]
        lts = [self.name(lt, used) or self.fresh() for lt in seg.lifetimes]
        arg_lts = [lt for a in seg.args for lt in self.lifetimes_in(a, edges, used, impl)]
        res = self.tcx.resolver.res.get(path)
        if res is None or res.kind == "err":
            raise _Uncertain()
        if res.kind in ("prim", "param"):
            if lts:
                raise _Uncertain()
            return arg_lts
        if res.kind == "self_ty":
            if impl is None or lts or seg.args:
                raise _Uncertain()
            return self.lifetimes_in(impl.node.self_ty, edges, [], None)
        d = res.target
        if res.kind != "def":
            raise _Uncertain()
        if d.kind == "struct":
            params = [p.name for p in d.node.generics.lifetimes]
            if not lts:
                lts = [self.fresh() for _ in params]
            if len(lts) != len(params) or arg_lts:
                raise _Uncertain()      # wrong arity, or lifetimes in type arguments (inferred `T: 'a`)
            subst = dict(zip(params, lts))
            subst[STATIC] = STATIC
            edges += [(subst[a], subst[b]) for a, b in self.struct_outlives(d)]
            return lts
        if d.kind == "ty_alias":
            g = d.node.generics
            if lts or g.lifetimes or _mentions_refs(d.node.ty):
                raise _Uncertain()
            return arg_lts
        raise _Uncertain()

    def struct_outlives(self, d) -> list[tuple[str, str]]:
        """A struct's outlives bounds between its lifetime parameters (and `'static`): declared, and
        inferred from its fields (RFC 2093), closed transitively."""
        if d in self.struct_cache:
            return self.struct_cache[d]
        if d in self.struct_stack:
            raise _Uncertain()          # a recursive struct: inference is a fixpoint we do not model
        self.struct_stack.add(d)
        try:
            g = d.node.generics
            names = {p.name for p in g.lifetimes} | {STATIC}
            edges, used = [], []
            _declared_edges(g, edges, set())
            for f in d.node.fields:
                self.lifetimes_in(f.ty, edges, used)
            if any(u not in names for u in used) or any(w for w in g.where if _ty_mentions_lifetimes(w.ty)):
                raise _Uncertain()
            out = _project(edges, names)
        finally:
            self.struct_stack.discard(d)
        self.struct_cache[d] = out
        return out


def _declared_edges(g: ast.Generics, edges: list, in_bounds: set, used: list | None = None):
    for lp in g.lifetimes:
        for b in lp.bounds:
            edges.append((lp.name, b.name))
            in_bounds |= {lp.name, b.name}
            if used is not None:
                used.append(b.name)
    for rp in g.region_preds:
        for b in rp.bounds:
            edges.append((rp.lifetime.name, b.name))
            in_bounds |= {rp.lifetime.name, b.name}
            if used is not None:
                used.append(b.name)
        if used is not None:
            used.append(rp.lifetime.name)
    for p in g.params:
        in_bounds |= {lt.name for lt in p.outlives}
        if used is not None:
            used += [lt.name for lt in p.outlives]
    for w in g.where:
        in_bounds |= {lt.name for lt in w.outlives}
        if used is not None:
            used += [lt.name for lt in w.outlives]


def _project(edges: list, names: set) -> list[tuple[str, str]]:
    """The pairs of `names` related by the transitive closure of `edges`."""
    b = TransitiveRelationBuilder()
    for a, c in edges:
        b.add(a, c)
    rel = b.freeze()
    out = []
    for a in rel.elements_list():
        if a in names:
            out += [(a, c) for c in rel.reachable_from(a) if c in names and c != a]
    return out


def _mentions_refs(ty) -> bool:
    if isinstance(ty, ast.TyRef):
        return True
    if isinstance(ty, ast.TyTuple):
        return any(_mentions_refs(e) for e in ty.elems)
    if isinstance(ty, ast.TyArray):
        return _mentions_refs(ty.elem)
    if isinstance(ty, ast.TyPath):
        return any(seg.lifetimes or any(_mentions_refs(a) for a in seg.args) for seg in ty.path.segments)
    return True


def _ty_mentions_lifetimes(ty) -> bool:
    if isinstance(ty, ast.TyRef):
        return ty.lifetime is not None or _ty_mentions_lifetimes(ty.inner)
    if isinstance(ty, ast.TyTuple):
        return any(_ty_mentions_lifetimes(e) for e in ty.elems)
    if isinstance(ty, ast.TyArray):
        return _ty_mentions_lifetimes(ty.elem)
    if isinstance(ty, ast.TyPath):
        return any(seg.lifetimes or any(_ty_mentions_lifetimes(a) for a in seg.args) for seg in ty.path.segments)
    return True


def item_facts(tcx, d) -> Facts:
    """The facts item `d` contributes itself (for an associated fn: without its parent's)."""
    f = Facts()
    node = d.node
    g = getattr(node, "generics", None) or ast.Generics()
    for lp in g.lifetimes:
        if lp.name in f.lifetimes or lp.name in (STATIC, ANON):
            f.uncertain = True          # E0263 / E0262: rustc reports those, we check nothing
        f.lifetimes.setdefault(lp.name, lp.span)
    edges: list = []
    _declared_edges(g, edges, f.in_bounds, f.used)
    walker = _Walker(tcx)
    impl = d.parent if d.kind == "assoc_fn" and d.parent.kind == "impl" else None
    try:
        if any(_ty_mentions_lifetimes(w.ty) for w in g.where):
            raise _Uncertain()
        for p in g.params:
            for b in p.bounds:
                f.used += [lt.name for seg in b.segments for lt in seg.lifetimes]
        if d.kind in ("fn", "assoc_fn"):
            for p in node.params:
                walker.lifetimes_in(p.ty, edges, f.used, impl)
            if node.ret is not None:
                walker.lifetimes_in(node.ret, edges, f.used, impl)
        elif d.kind == "impl":
            walker.lifetimes_in(node.self_ty, edges, f.used)
            if node.trait_ref is not None:
                f.used += [lt.name for seg in node.trait_ref.segments for lt in seg.lifetimes if lt.name != ANON]
                r = tcx.resolver.res.get(node.trait_ref)
                tg = r.target.node.generics if r is not None and r.kind == "def" else None
                if tg is not None and (any(lp.bounds for lp in tg.lifetimes) or tg.region_preds):
                    raise _Uncertain()
                for seg in node.trait_ref.segments:
                    for a in seg.args:
                        walker.lifetimes_in(a, edges, f.used)
    except _Uncertain:
        f.uncertain = True
    named = set(f.lifetimes) | {STATIC}
    if d.kind == "assoc_fn":
        parent_g = getattr(d.parent.node, "generics", None) or ast.Generics()
        parent_names = {lp.name for lp in parent_g.lifetimes}
        if parent_names & set(f.lifetimes):
            f.uncertain = True          # E0496: a method lifetime shadowing the impl's
        named |= parent_names
    if any(u not in named for u in f.used):
        f.uncertain = True              # E0261: an undeclared lifetime
    f.edges = [(a, b) for a, b in _project(edges, named) if a != b]
    return f


# ---- the query
def _build(tcx, lifetimes, edges, base=()):
    lazy = tcx.sess.bug("lazy-transitive-relation")
    rel = LazyTransitiveRelation(tcx.rt) if lazy else TransitiveRelationBuilder()
    for a, b in base:
        rel.add(a, b)
    rel.add(STATIC, STATIC)
    for lt in lifetimes:
        rel.add(lt, lt)           # outlives is reflexive
        rel.add(STATIC, lt)       # 'static outlives everything
    for a, b in edges:
        rel.add(a, b)
    return rel if lazy else rel.freeze()


def region_relations(tcx, d):
    f = item_facts(tcx, d)
    if d.kind == "assoc_fn":
        parent = tcx.query("region_relations", d.parent)
        if not f.edges:
            return parent           # the impl's (or trait's) relation, shared by its methods
        return _build(tcx, f.lifetimes, f.edges, parent.base_edges())
    return _build(tcx, f.lifetimes, f.edges)


def _outlives(rel, a: str, b: str) -> bool:
    return a == b or a == STATIC or rel.contains(a, b) or rel.contains(a, STATIC)


# ---- the region check
class _Site:
    def __init__(self, expr, param, reborrow: bool, order: int):
        self.expr, self.param, self.reborrow, self.order = expr, param, reborrow, order


def _walk_exprs(x):
    """Every expression under a block or expression, in source order."""
    if isinstance(x, ast.Block):
        for s in x.stmts:
            if isinstance(s, ast.Local):
                if s.init is not None:
                    yield from _walk_exprs(s.init)
            else:
                yield from _walk_exprs(s.expr)
        return
    yield x
    if isinstance(x, ast.Call):
        yield from _walk_exprs(x.func)
        for a in x.args:
            yield from _walk_exprs(a)
    elif isinstance(x, ast.MethodCall):
        yield from _walk_exprs(x.receiver)
        for a in x.args:
            yield from _walk_exprs(a)
    elif isinstance(x, (ast.Binary, ast.Assign)):
        yield from _walk_exprs(x.lhs)
        yield from _walk_exprs(x.rhs)
    elif isinstance(x, (ast.Unary, ast.AddrOf)):
        yield from _walk_exprs(x.operand)
    elif isinstance(x, ast.Field):
        yield from _walk_exprs(x.base)
    elif isinstance(x, ast.StructLit):
        for _, _, v in x.fields:
            yield from _walk_exprs(v)
    elif isinstance(x, ast.TupleExpr):
        for e in x.elems:
            yield from _walk_exprs(e)
    elif isinstance(x, ast.Paren):
        yield from _walk_exprs(x.inner)
    elif isinstance(x, ast.If):
        yield from _walk_exprs(x.cond)
        yield from _walk_exprs(x.then)
        if x.els is not None:
            yield from _walk_exprs(x.els)
    elif isinstance(x, ast.While):
        yield from _walk_exprs(x.cond)
        yield from _walk_exprs(x.body)
    elif isinstance(x, ast.Loop):
        yield from _walk_exprs(x.body)
    elif isinstance(x, (ast.Break, ast.Return)):
        if x.value is not None:
            yield from _walk_exprs(x.value)
    elif isinstance(x, ast.BlockExpr):
        yield from _walk_exprs(x.block)


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

    try:
        FnCtxt(Probe(tcx), d).check_owner()
    except FatalError:
        return True
    return Sink.errors > 0


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
