"""Candidate assembly and evaluation for `Ty: Trait` predicates, in the style of rustc's old solver:
every candidate is evaluated before winnowing, and a depth past the recursion limit is the fatal E0275."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.traits.ops import OPS, prim_implements
from compiler.ty.collect import lower_ty, type_of_any
from compiler.ty.types import Ty

SHORT_TYPE_DEPTH = 7
SHORT_TYPE_MAX_LEN = 60


def short_ty(t: Ty, depth: int = SHORT_TYPE_DEPTH) -> str:
    """Print a type in full when it is short, else with nesting cut off at `depth`, approximating
    rustc's length-limited printer (`tcx.short_string`)."""
    full = str(t)
    if len(full) <= SHORT_TYPE_MAX_LEN:
        return full
    return _cut(t, depth)


def _cut(t: Ty, depth: int) -> str:
    if t.kind == "adt" and t.args:
        if depth <= 1:
            return f"{t.name}<...>"
        return f"{t.name}<" + ", ".join(_cut(a, depth - 1) for a in t.args) + ">"
    return str(t)


def match_ty(pattern: Ty, ty: Ty, subst: dict) -> bool:
    from compiler.ty.types import IntVar, resolve
    ty = resolve(ty)
    if pattern.kind == "param":
        if pattern.name in subst:
            return subst[pattern.name] == ty
        subst[pattern.name] = ty
        return True
    if pattern.kind == "error":
        return True             # an impl for a type with an error in it: no cascade from its methods
    if isinstance(ty, IntVar) and ty.resolved is None:
        return pattern.kind == "prim" and ty.accepts(pattern)    # `{float}` may yet be `f64`
    if not isinstance(ty, Ty) or pattern.kind != ty.kind or pattern.name != ty.name \
            or len(pattern.args) != len(ty.args):
        return False
    return all(match_ty(p, t, subst) for p, t in zip(pattern.args, ty.args))


def impl_predicates(tcx, impl_def) -> list[tuple[Ty, object, object]]:
    """The impl's where-clauses and parameter bounds as (type, trait DefId, bound path)."""
    out = []
    g = impl_def.node.generics
    res = tcx.resolver.res
    for p in g.params:
        for b in p.bounds:
            r = res.get(b)
            if r is not None and r.kind == "def":
                out.append((Ty("param", p.name), r.target, b))
    for w in g.where:
        for b in w.bounds:
            r = res.get(b)
            if r is not None and r.kind == "def":
                out.append((lower_ty(tcx, w.ty), r.target, b))
    return out


class SelectionContext:
    """Evaluates `Ty: Trait` in a param-env, through the global `EvaluationCache`. Trait evaluation is
    not a query: its cache entry carries the dep node the evaluation is recorded under."""

    def __init__(self, tcx, param_env: list[tuple[Ty, object]]):
        self.tcx = tcx
        self.param_env = param_env
        self.env_key = tuple(sorted(((t, tr.index) for t, tr in param_env), key=repr))
        self.anon_depth = 0

    def evaluate(self, ty: Ty, trait, cause_span, depth: int = 0) -> bool:
        tcx = self.tcx
        if ty.references_error():
            return True
        if depth + 1 >= tcx.sess.recursion_limit:
            self._overflow(ty, trait, cause_span)
        key = (self.env_key, ty, trait.index)
        cached = tcx.evaluation_cache.get(key)
        if cached is not None:
            result, node = cached
            tcx.dep_graph.read_index(node)
            return result
        if tcx.sess.bug("evaluation-cache-overwrite"):
            # Before PR #100987: an anonymous task whose node is derived from what it read. A nested
            # evaluation done in place adds its own reads; one found in the cache adds one edge.
            self.anon_depth += 1
            try:
                result, node = tcx.dep_graph.with_anon_task(
                    "TraitSelect", lambda: self._evaluate_candidates(ty, trait, cause_span, depth),
                    inline=self.anon_depth > 1)
            finally:
                self.anon_depth -= 1
        else:
            result = self._evaluate_candidates(ty, trait, cause_span, depth)
            node = ("TraitSelect", key)     # derived from the cache key: racing inserts are equal
            tcx.dep_graph.read_index(node)
        tcx.evaluation_cache.insert(key, (result, node))
        return result

    def _evaluate_candidates(self, ty: Ty, trait, cause_span, depth: int) -> bool:
        """Assemble param-env and impl candidates and evaluate all of them, as the old solver did
        before winnowing."""
        tcx = self.tcx
        holds = any(ty == t and trait is tr for t, tr in self.param_env)
        if trait.builtin:
            structural = self._builtin_candidate(ty, trait, cause_span, depth)
            if structural is not None:
                return structural or holds
        for impl_def in tcx.impls_of(trait):
            self_ty = type_of_any(tcx, impl_def)
            subst: dict = {}
            if not match_ty(self_ty, ty, subst):
                continue
            nested = [(t.subst(subst), tr) for t, tr, _ in impl_predicates(tcx, impl_def)]
            if all(self.evaluate(t, tr, cause_span, depth + 1) for t, tr in nested):
                holds = True
        return holds

    def _builtin_candidate(self, ty: Ty, trait, cause_span, depth: int):
        """The prelude traits' built-in rules: derives, references, tuples, arrays and slices, `!`.
        None when no such rule applies (impls decide)."""
        name = trait.name
        if ty.kind == "never":
            return True
        if name == "ToString":          # `impl<T: Display> ToString for T`
            display = self.tcx.resolver.prelude.root.types["Display"]
            return self.evaluate(ty, display, cause_span, depth + 1)
        if ty.kind == "adt":
            d = self.tcx.resolver.def_at(ty.def_index)
            if d.builtin:
                return None
            if name in self.tcx.resolver.derives.get(d, ()):
                return all(self.evaluate(a, trait, cause_span, depth + 1) for a in ty.args)
            return None
        if ty.kind == "ref":
            if name in ("Clone", "Copy"):
                return not ty.mutbl
            if name in ("Display", "Debug", "PartialEq", "PartialOrd", "Eq", "Ord", "Hash"):
                return self.evaluate(ty.args[0], trait, cause_span, depth + 1)
            return False
        if ty.kind in ("tuple", "array", "slice"):
            if name in ("Display", "Default") and ty.kind != "tuple":
                return False
            if name == "Display":
                return False
            if ty.kind == "slice" and name in ("Clone", "Copy", "Default"):
                return False
            return all(self.evaluate(a, trait, cause_span, depth + 1) for a in ty.args)
        if ty.kind == "prim" and trait.builtin and name in OPS:
            return prim_implements(ty, name)
        if ty.kind == "param":
            return None
        return None

    def leaf_failure(self, ty: Ty, trait, span) -> tuple[Ty, object]:
        """The innermost unsatisfied obligation behind a failed `ty: trait`, which rustc reports:
        through the one impl that applies, to its first nested obligation that fails."""
        if any(ty == t and trait is tr for t, tr in self.param_env):
            return ty, trait
        matching = []
        for impl_def in self.tcx.impls_of(trait):
            subst: dict = {}
            if match_ty(type_of_any(self.tcx, impl_def), ty, subst):
                matching.append((impl_def, subst))
        if len(matching) != 1:
            return ty, trait
        impl_def, subst = matching[0]
        for t, tr, _ in impl_predicates(self.tcx, impl_def):
            t = t.subst(subst)
            if not self.evaluate(t, tr, span):
                return self.leaf_failure(t, tr, span)
        return ty, trait

    def _overflow(self, ty: Ty, trait, span):
        tcx = self.tcx
        d = Diag("error", f"overflow evaluating the requirement `{short_ty(ty)}: {trait.name}`", "E0275")
        d.primary(span)
        limit = tcx.sess.recursion_limit * 2
        d.help(f"consider increasing the recursion limit by adding a `#![recursion_limit = \"{limit}\"]` "
               f"attribute to your crate (`{tcx.sess.crate_name}`)")
        tcx.dcx.emit_fatal(d)
