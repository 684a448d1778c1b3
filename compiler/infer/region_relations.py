"""`region_relations`: the outlives relation of the named lifetimes in scope of an item (rustc's
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
The check that reads it is `compiler.infer.borrowck`."""
from __future__ import annotations

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


def _ty_any(ty, at_ref) -> bool:
    """Whether a written type has a reference for which `at_ref` holds, or names a lifetime in a path;
    types the walk does not model count as yes."""
    if isinstance(ty, ast.TyRef):
        return at_ref(ty) or _ty_any(ty.inner, at_ref)
    if isinstance(ty, ast.TyTuple):
        return any(_ty_any(e, at_ref) for e in ty.elems)
    if isinstance(ty, ast.TyArray):
        return _ty_any(ty.elem, at_ref)
    if isinstance(ty, ast.TyPath):
        return any(seg.lifetimes or any(_ty_any(a, at_ref) for a in seg.args) for seg in ty.path.segments)
    return True


def _mentions_refs(ty) -> bool:
    return _ty_any(ty, lambda r: True)


def _ty_mentions_lifetimes(ty) -> bool:
    return _ty_any(ty, lambda r: r.lifetime is not None)


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
