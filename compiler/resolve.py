"""Name resolution (rustc_resolve): DefIds for items, module scopes, and the resolution of every path
in signatures and bodies. Runs serially before analysis, like rustc's resolver; reports E0425/E0428/E0433."""
from __future__ import annotations

from collections import ChainMap
from dataclasses import dataclass, field
from functools import lru_cache

from compiler.errors import Diag
from compiler.errors.diagnostic import Label, SubDiag
from compiler.syntax import ast
from compiler.syntax.span import Span
from compiler.ty.types import PRIMITIVES

@dataclass(eq=False)
class DefId:
    index: int
    kind: str
    name: str
    node: object
    parent: "DefId | None"
    module: "Module | None" = None      # for mods (and the crate root)
    builtin: bool = False               # a prelude item: never analysed, never linted
    variants: dict | None = None        # for enums: name -> variant DefId, in order

    def __repr__(self):
        return f"DefId({self.index}:{self.name})"


@dataclass(eq=False)
class Module:
    def_id: DefId | None
    types: dict = field(default_factory=dict)
    values: dict = field(default_factory=dict)
    parent: "Module | None" = None
    imports: list = field(default_factory=list)        # `use` DefIds, in source order
    imported: dict = field(default_factory=dict)       # (ns, name) -> the `use` DefId that bound it


PRIM_CONSTS = {"int": ("MAX", "MIN", "BITS"), "float": ("MAX", "MIN", "EPSILON", "INFINITY", "NEG_INFINITY", "NAN",
                                                    "MIN_POSITIVE"), "char": ("MAX",)}


def _dup_span(d) -> "Span":
    """E0428 points at a unit or tuple struct's whole item (`struct S;`), at other items' heads."""
    if d.kind == "struct" and d.node.kind in ("unit", "tuple"):
        return d.node.span
    return d.node.def_span


@dataclass(frozen=True)
class Res:
    kind: str            # "def", "local", "prim", "param", "err"
    target: object = None


PRELUDE_BASE = 1_000_000       # DefId indexes of prelude items start here


class _Prelude:
    """The resolved prelude, built once per process and shared read-only by every compilation."""

    def __init__(self):
        from compiler import prelude

        def emit(d):
            raise AssertionError(f"prelude: {d.message}")
        r = Resolver(prelude.parse(), "std", emit, prelude=False)
        r.collect()
        r.resolve_all()
        for d in r.defs:
            d.index += PRELUDE_BASE
            d.builtin = True
        self.defs, self.res, self.def_of, self.root = r.defs, r.res, r.def_of, r.root
        for enum in ("Option", "Result"):
            self.root.values.update(self.root.types[enum].variants)
        self.impls = [d for d in r.defs if d.kind == "impl"]
        self.visible = prelude.VISIBLE


@lru_cache(maxsize=1)
def the_prelude() -> _Prelude:
    return _Prelude()


class Resolver:
    def __init__(self, crate: ast.Crate, crate_name: str, emit, prelude: bool = True):
        self.crate, self.crate_name, self.emit = crate, crate_name, emit
        self.defs: list[DefId] = []
        self.prelude = the_prelude() if prelude else None
        self.res = ChainMap({}, self.prelude.res) if prelude else {}     # path node -> Res
        self.local_uses: dict = {}     # binding node -> number of reads
        self.def_of = ChainMap({}, self.prelude.def_of) if prelude else {}   # item node -> DefId
        self.root = Module(None)
        self.scope_of: dict = {}       # DefId -> Module it is defined in
        self.import_uses: dict = {}    # `use` DefId -> number of lookups through it
        self.modules: list[Module] = [self.root]
        self.refs: dict = {}           # owner DefId -> [(DefId, "type" | "value")], for dead_code
        self.owner: DefId | None = None
        self.self_impl: DefId | None = None    # the impl whose items are being resolved (`Self`)
        self.derives: dict = {}        # struct/enum DefId -> {trait name: derive path span}
        self._in_pattern = 0            # resolving a pattern's paths
        self._in_generic_args = 0       # resolving the generic arguments of a path (`Stack<T>`)
        self._missing_param = None      # where a missing type parameter would go, while one is looked up
        self.pat_alias: dict = {}      # a binding repeated in an or-pattern -> its first occurrence
        self.local_writes: dict = {}   # binding node -> the assignments to it
        self.local_reads: dict = {}    # binding node -> the spans of its reads
        self.field_writes: dict = {}   # binding node -> assignments to its fields (`x.f = ..`)
        self.deferred: list = []       # diagnostics rustc reports later, during type checking
        self.deferred_mir: list = []   # ... and while building MIR

    def def_at(self, index: int) -> DefId:
        if index >= PRELUDE_BASE:
            return self.prelude.defs[index - PRELUDE_BASE]
        return self.defs[index]

    def all_impls(self):
        """Every impl, the crate's first, then the prelude's."""
        yield from (d for d in self.defs if d.kind == "impl")
        if self.prelude is not None:
            yield from self.prelude.impls
    def _set(self, path, d, how: str):
        self.res[path] = Res("def", d) if d else Res("err")
        if d is not None and self.owner is not None:
            self.refs.setdefault(self.owner, []).append((d, how))

    # ---- collection
    def collect(self):
        self._collect_items(self.crate.items, self.root, None)
        for m in self.modules:
            for u in m.imports:
                if not u.node.glob:
                    self._resolve_import(u, m)
        for m in self.modules:      # globs after single imports, which shadow them
            for u in m.imports:
                if u.node.glob:
                    self._resolve_glob(u, m)

    def _resolve_glob(self, u: DefId, module: Module):
        """`use a::*;`: every item of module `a` visible here (or every variant of enum `a`), unless a
        name is already defined or imported."""
        path = u.node.path
        owner = self._lookup_module_path(path, module)
        if isinstance(owner, Module):
            owner = _ModuleOwner(owner)
        if owner is None:
            self.emit(Diag("error", f"unresolved import `{self._src(path.span)}`", "E0432")
                      .primary(path.segments[-1].span, f"could not find `{path.name}`"))
            return
        self.import_uses[u] = 0
        if owner.kind == "enum":
            entries = [("value", v.name, v) for v in owner.variants.values()] + \
                [("type", v.name, v) for v in owner.variants.values()]
        else:
            m = owner.module
            entries = [("type", n, d) for n, d in m.types.items()] + [("value", n, d) for n, d in m.values.items()]
        for ns, name, d in entries:
            if d.kind == "use" or not (d.builtin or d.kind == "variant" or getattr(d.node, "is_pub", True)
                                       or self._within(module, owner.module)):
                continue
            table = module.types if ns == "type" else module.values
            if name not in table:
                table[name] = d
                module.imported[(ns, name)] = u

    def _lookup_module_path(self, path, module):
        """The module or enum a glob import names."""
        if len(path.segments) == 1 and path.name in ("self", "super", "crate"):
            return {"self": module, "super": module.parent, "crate": self.root}[path.name]
        for ns in ("type",):
            d = self._lookup_path(path, module, ns, "", report=False)
            if d is not None and (d.kind == "enum" or d.kind == "mod" and d.module is not None):
                return d
        return None

    @staticmethod
    def _within(scope, module) -> bool:
        m = scope
        while m is not None:
            if m is module:
                return True
            m = m.parent
        return False

    def _resolve_import(self, u: DefId, module: Module):
        path = u.node.path
        targets = [(ns, self._lookup_path(path, module, ns, "", report=False)) for ns in ("type", "value")]
        targets = [(ns, d) for ns, d in targets if d is not None]
        if not targets and path.segments[0].name in ("std", "core", "alloc"):
            self.emit(Diag("error", f"minirustc does not support `{self._src(path.span)}` yet").primary(path.span))
            return
        if not targets:
            self.emit(Diag("error", f"unresolved import `{self._src(path.span)}`", "E0432")
                      .primary(path.span, f"no `{path.name}` in `{self._src(path.segments[-2].span)}`"
                               if len(path.segments) > 1 else "no such name"))
            return
        self.import_uses[u] = 0
        if len(path.segments) > 1:
            owner = self._lookup_path(ast.Path(path.segments[:-1], path.span), module, "type", "", report=False)
            if owner is not None and owner.module is not None and \
                    self._check_privacy(targets[0][1], owner.module, module, path.segments[-1]):
                self.import_uses[u] = 1         # no unused-import warning on top of E0603
        for ns, d in targets:
            table = module.types if ns == "type" else module.values
            table.setdefault(u.node.name, d)
            module.imported[(ns, u.node.name)] = u

    @staticmethod
    def _src(span) -> str:
        return span.file.src[span.lo:span.hi]


    def _new_def(self, kind, name, node, parent) -> DefId:
        d = DefId(len(self.defs), kind, name, node, parent)
        self.defs.append(d)
        self.def_of[node] = d
        return d

    def _collect_items(self, items, module: Module, parent: DefId | None):
        for item in items:
            kind = {ast.Fn: "fn", ast.Struct: "struct", ast.TyAlias: "ty_alias", ast.Trait: "trait",
                    ast.Impl: "impl", ast.Mod: "mod", ast.Use: "use", ast.Enum: "enum"}.get(type(item))
            if isinstance(item, ast.Const):
                kind = "static" if item.is_static else "const"
            d = self._new_def(kind, item.name, item, parent)
            self.scope_of[d] = module
            if kind == "use":
                module.imports.append(d)
                continue
            if kind in ("impl", "trait"):
                for f in item.items:
                    fd = self._new_def("assoc_fn", f.name, f, d)
                    self.scope_of[fd] = module
                for c in item.consts:
                    cd = self._new_def("assoc_const", c.name, c, d)
                    self.scope_of[cd] = module
            if kind == "impl":
                continue
            if kind == "enum":
                d.variants = {}
                for v in item.variants:
                    vd = self._new_def("variant", v.name, v, d)
                    self.scope_of[vd] = module
                    d.variants.setdefault(v.name, vd)
            if kind in ("struct", "enum"):
                self._collect_derives(d)
            namespaces = []
            if kind in ("struct", "ty_alias", "trait", "mod", "enum"):
                namespaces.append(module.types)
            if kind in ("fn", "const", "static") or (kind == "struct" and item.kind != "named"):
                namespaces.append(module.values)
            for ns in namespaces:
                prev = ns.get(item.name)
                if prev is not None and prev is not d:
                    self._dup(prev, d, ns is module.types)
                    break
                ns[item.name] = d
            if kind == "mod":
                d.module = Module(d, parent=module)
                self.modules.append(d.module)
                self._collect_items(item.items, d.module, d)

    def _collect_derives(self, d: DefId):
        from compiler.prelude import DERIVABLE
        for a in d.node.attrs:
            if a.name != "derive":
                continue
            for name, span in a.args:
                if name in DERIVABLE:
                    self.derives.setdefault(d, {})[name] = span
                elif self.prelude is not None:
                    self.emit(Diag("error", f"cannot find derive macro `{name}` in this scope")
                              .primary(span))

    def _dup(self, prev: DefId, d: DefId, type_ns: bool):
        ns = "type" if type_ns else "value"
        where = "this module" if self.scope_of[d] is not self.root else "this module"
        self.emit(Diag("error", f"the name `{d.name}` is defined multiple times", "E0428")
                  .primary(_dup_span(d), f"`{d.name}` redefined here")
                  .span_label(_dup_span(prev), f"previous definition of the {ns} `{d.name}` here")
                  .note(f"`{d.name}` must be defined only once in the {ns} namespace of {where}"))

    # ---- resolution
    def resolve_all(self):
        for d in list(self.defs):
            self.owner = d
            self.self_impl = d.parent if d.kind in ("assoc_fn", "assoc_const") else None
            node, scope = d.node, self.scope_of[d]
            generics = self._generic_names(d)
            if d.kind in ("fn", "assoc_fn"):
                if not d.builtin and self.prelude is not None:
                    from compiler import lifetimes
                    lifetimes.check_fn(self.emit, node, d.kind == "assoc_fn")
                for p in node.params:
                    self.resolve_ty(p.ty, scope, generics)
                if node.ret is not None:
                    self.resolve_ty(node.ret, scope, generics)
                self._resolve_where(node.generics, scope, generics)
                if node.body is not None:
                    self._resolve_body(node, scope, generics)
            elif d.kind == "struct":
                if self.prelude is not None:
                    from compiler import lifetimes
                    lifetimes.check_struct(self.emit, node)
                for f in node.fields:
                    self.resolve_ty(f.ty, scope, generics)
                self._resolve_where(node.generics, scope, generics)
            elif d.kind == "ty_alias":
                self.resolve_ty(node.ty, scope, generics)
            elif d.kind == "enum":
                for v in node.variants:
                    for f in v.fields:
                        self.resolve_ty(f.ty, scope, generics)
                    if v.disr is not None:
                        self.resolve_expr(v.disr, scope, generics, [])
                self._resolve_where(node.generics, scope, generics)
            elif d.kind in ("const", "static", "assoc_const"):
                self.resolve_ty(node.ty, scope, generics)
                if node.expr is not None:
                    self.resolve_expr(node.expr, scope, generics, [])
            elif d.kind == "impl":
                self.resolve_ty(node.self_ty, scope, generics)
                if node.trait_ref is not None:
                    self._resolve_trait(node.trait_ref, scope, generics)
                self._resolve_where(node.generics, scope, generics)
                self.self_impl = d
                for t in node.assoc_tys:
                    self.resolve_ty(t.ty, scope, generics)
                self.self_impl = None
            elif d.kind == "trait":
                for p in node.generics.params:
                    if p.default is not None:
                        self.resolve_ty(p.default, scope, generics | {"Self"})

    def _generic_params(self, d: DefId | None) -> list:
        """The type parameters in scope in `d` (its own, then its impl's or trait's)."""
        out = []
        while d is not None:
            g = getattr(d.node, "generics", None)
            if g is not None:
                out += g.params
            d = d.parent if d.kind in ("assoc_fn", "assoc_const") else None
        return out

    def _generic_names(self, d: DefId) -> set[str]:
        names: set[str] = set()
        while d is not None:
            g = getattr(d.node, "generics", None)
            if g is not None:
                names |= {p.name for p in g.params}
            d = d.parent if d.kind in ("assoc_fn", "assoc_const") else None
        return names

    def _resolve_where(self, g: ast.Generics, scope, generics):
        for p in g.params:
            for b in p.bounds:
                self._resolve_trait(b, scope, generics)
        for w in g.where:
            self.resolve_ty(w.ty, scope, generics)
            for b in w.bounds:
                self._resolve_trait(b, scope, generics)

    def _resolve_trait(self, path: ast.Path, scope, generics):
        d = self._lookup_path(path, scope, "type", "trait")
        self._set(path, d, "type")
        for seg in path.segments:
            for a in list(seg.args) + [t for _, t in seg.bindings]:
                self.resolve_ty(a, scope, generics)

    def resolve_ty(self, ty: ast.Ty, scope: Module, generics: set[str]):
        if isinstance(ty, ast.TyRef):
            return self.resolve_ty(ty.inner, scope, generics)
        if isinstance(ty, ast.TyTuple):
            for e in ty.elems:
                self.resolve_ty(e, scope, generics)
            return
        if isinstance(ty, ast.TyArray):
            self.resolve_ty(ty.elem, scope, generics)
            self.resolve_expr(ty.len, scope, generics, [])
            return
        if isinstance(ty, ast.TySlice):
            return self.resolve_ty(ty.elem, scope, generics)
        if isinstance(ty, (ast.TyNever, ast.TyInfer)):
            return
        path = ty.path
        for seg in path.segments:
            for a in seg.args:
                self._in_generic_args += 1
                try:
                    self.resolve_ty(a, scope, generics)
                finally:
                    self._in_generic_args -= 1
        segs = path.segments
        if len(segs) == 2 and segs[0].name == "Self" and self.self_impl is not None and not segs[0].args:
            owner = self.self_impl     # `Self::Output`: the impl's associated type (a trait's stays opaque)
            tys = {t.name: t for t in getattr(owner.node, "assoc_tys", ())}
            if segs[1].name in tys:
                self.res[path] = Res("assoc_ty", tys[segs[1].name]) if owner.kind == "impl" else \
                    Res("param", f"Self::{segs[1].name}")
                return
        if len(path.segments) == 1:
            name = path.name
            if name in generics:
                self.res[path] = Res("param", name)
                return
            if name == "Self" and self.self_impl is not None:
                trait_self = self.self_impl.kind == "trait"
                self.res[path] = Res("param", "Self") if trait_self else Res("self_ty", self.self_impl)
                return
            d = self._lookup(name, scope, "type")
            if d is not None:
                self._set(path, d, "type")
                self._check_generic_args(path, d)
                return
            if name in PRIMITIVES:
                self.res[path] = Res("prim", name)
                return
        self._missing_param = self._missing_type_param(path)
        try:
            d = self._lookup_path(path, scope, "type", "type")
        finally:
            self._missing_param = None
        if d is not None:
            self._check_generic_args(path, d)
        self._set(path, d, "type")

    def _missing_type_param(self, path):
        """rustc's `report_missing_type_error`: for a one-letter uppercase type name that does not resolve
        in a fn (not `main`), struct or enum, or among an impl header's generic arguments, where a new
        type parameter would go: (span, text)."""
        name, d = path.name, self.owner
        if len(path.segments) != 1 or path.segments[0].args or not (len(name) == 1 and name.isupper()) \
                or d is None or self.prelude is None:
            return None
        if d.kind in ("assoc_fn", "assoc_const"):
            return None     # an associated item is not an item: the impl's generics are not offered
        if d.kind not in ("fn", "struct", "enum") and not (d.kind == "impl" and self._in_generic_args):
            return None
        if d.kind == "fn" and d.name == "main":
            return None
        g = d.node.generics
        if g.span is not None and g.span.lo <= path.span.lo < g.span.hi:
            return None
        if g.params:
            last = g.params[-1]
            at = (last.bounds[-1].span if last.bounds else last.span).shrink_to_hi()
            return at, f", {name}"
        return (g.at, f"<{name}>") if g.at is not None else None

    def _lookup(self, name: str, scope: Module, ns: str):
        table = scope.types if ns == "type" else scope.values
        d = table.get(name)
        if d is not None:
            u = scope.imported.get((ns, name))
            if u is not None and self.owner is not None and u in self.import_uses:
                self.import_uses[u] += 1
        elif self.prelude is not None and scope is not self.prelude.root:
            if name in self.prelude.visible:
                d = self._lookup(name, self.prelude.root, ns)
            elif name in ("std", "core") and ns == "type":
                d = self.prelude.root.types.get("std")
        return d

    def _lookup_path(self, path: ast.Path, scope: Module, ns: str, what: str, report: bool = True) -> DefId | None:
        segs = path.segments
        module = scope
        for i, seg in enumerate(segs[:-1]):
            if seg.name == "crate" and i == 0:
                module = self.root
                continue
            if seg.name == "self" and i == 0:
                continue
            if seg.name == "super" and module.parent is not None:
                module = module.parent
                continue
            d = self._lookup(seg.name, module, "type")
            if d is not None and d.kind == "enum" and i == len(segs) - 2:
                v = d.variants.get(segs[-1].name)
                if v is not None:
                    return v
                if not report:
                    return None
                diag = Diag("error", f"no variant or associated item named `{segs[-1].name}` found for enum "
                                     f"`{d.name}` in the current scope", "E0599")
                diag.primary(segs[-1].span, f"variant or associated item not found in `{d.name}`")
                diag.span_label(d.node.def_span, f"variant or associated item `{segs[-1].name}` not found for this enum")
                from compiler.typeck.check import _edit, _similar
                similar = _similar(segs[-1].name, sorted(d.variants))
                if similar is not None:
                    diag.multipart_suggestion("there is a variant with a similar name",
                                              _edit(segs[-1].span, segs[-1].name, similar))
                self.emit(diag)
                return None
            if d is None and module is not scope and module.def_id is not None and module.def_id.builtin:
                if not report:
                    return None
                shown = "::".join(s.name for s in segs[:i + 1])
                self.emit(Diag("error", f"minirustc does not support `{shown}` yet").primary(seg.span))
                return None
            if d is None or d.kind != "mod":
                if not report:
                    return None
                if i == 0 and d is None and self._std_prelude_only(seg):
                    return None
                if i > 0:
                    self.emit(Diag("error", f"failed to resolve: could not find `{seg.name}` in "
                                            f"`{segs[i - 1].name}`", "E0433")
                              .primary(seg.span, f"could not find `{seg.name}` in `{segs[i - 1].name}`"))
                elif seg.name[:1].isupper():
                    diag = Diag("error", f"cannot find type `{seg.name}` in this scope", "E0433")
                    diag.primary(seg.span, f"use of undeclared type `{seg.name}`")
                    from compiler.typeck.check import _edit, _similar
                    best = _similar(seg.name, [n for n, t in module.types.items()
                                               if not t.builtin and t.kind in ("struct", "enum", "ty_alias", "trait")])
                    if best is not None:
                        kind = {"ty_alias": "type alias"}.get(module.types[best].kind, module.types[best].kind)
                        diag.multipart_suggestion(f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} with a similar name "
                                                  "exists", _edit(seg.span, seg.name, best))
                    if ns == "value" and self.owner is not None:
                        # a type-relative path in a body: rustc reports it while type-checking the body
                        # (an expression) or building its MIR (a pattern)
                        (self.deferred_mir if self._in_pattern else self.deferred).append(diag)
                    else:
                        self.emit(diag)
                else:
                    self.emit(Diag("error", f"cannot find module or crate `{seg.name}` in this scope", "E0433")
                              .primary(seg.span, f"use of unresolved module or unlinked crate `{seg.name}`")
                              .help(f"you might be missing a crate named `{seg.name}`"))
                return None
            module = d.module
        last = segs[-1]
        d = self._lookup(last.name, module, ns)
        if d is not None and len(segs) > 1 and report:
            self._check_privacy(d, module, scope, last)
        if d is not None or not report:
            return d
        if module.def_id is not None and module.def_id.builtin:
            shown = "::".join(s.name for s in segs)
            self.emit(Diag("error", f"minirustc does not support `{shown}` yet").primary(path.span))
            return None
        code = "E0405" if what == "trait" else "E0425"
        if len(segs) == 1 and self._std_prelude_only(last):
            return None
        if len(segs) == 1:
            d = Diag("error", f"cannot find {what} `{last.name}` in this scope", code)
            if not self._suggest_similar(d, last, module, "type" if ns == "type" else "value", None):
                d.primary(last.span, "not found in this scope")
            if self._missing_param is not None:
                d.multipart_suggestion("you might be missing a type parameter", [self._missing_param])
            self.emit(d)
        else:
            self.emit(Diag("error", f"cannot find {what} `{last.name}` in module `{segs[-2].name}`", code)
                      .primary(last.span, f"not found in `{segs[-2].name}`"))
        return None

    def _std_prelude_only(self, seg) -> bool:
        """A name of Rust's own prelude that ours lacks (`From`, `Into`, `Drop`, `Fn`, ...): an honest
        "not supported" error, never rustc's "cannot find" blaming the user's code."""
        from compiler.prelude import STD_PRELUDE
        if self.prelude is None or seg.name not in STD_PRELUDE or seg.name in self.prelude.visible:
            return False
        self.emit(Diag("error", f"minirustc does not support `{seg.name}` yet").primary(seg.span))
        return True

    def _check_generic_args(self, path, d):
        """E0107: a type written with the wrong number of generic arguments."""
        if d.kind not in ("struct", "enum", "ty_alias") or self.prelude is None:
            return
        params = d.node.generics.params
        seg = path.segments[-1]
        n, m = len(params), len(seg.args)
        if n == m:
            return
        kind = {"struct": "struct", "enum": "enum", "ty_alias": "type alias"}[d.kind]
        plural = lambda k: f"{k} generic argument" + ("" if k == 1 else "s")  # noqa: E731
        if m == 0:
            diag = Diag("error", f"missing generics for {kind} `{d.name}`", "E0107")
            diag.primary(seg.span, f"expected {plural(n)}")
        else:
            verb = "was" if m == 1 else "were"
            diag = Diag("error", f"{kind} takes {plural(n)} but {plural(m)} {verb} supplied", "E0107")
            diag.primary(seg.span, f"expected {plural(n)}")
        if not d.builtin:
            names = ", ".join(f"`{p.name}`" for p in params)
            from compiler.errors.diagnostic import Label, SubDiag
            diag.children.append(SubDiag("note", f"{kind} defined here, with {n} generic parameter"
                                                 f"{'' if n == 1 else 's'}: {names}",
                                         [Label(d.node.ident_span, "", True)] +
                                         [Label(p.span, "", False) for p in params]))
        if m > n:
            lo = seg.args[n - 1].span.hi if n > 0 else seg.args[0].span.lo
            extra = Span(lo, seg.args[-1].span.hi, seg.span.file)
            diag.span_label(extra, f"help: remove the unnecessary generic argument{'s' if m - n > 1 else ''}")
        elif m == 0:
            at = seg.span.hi
            diag.multipart_suggestion(f"add missing generic argument{'s' if n > 1 else ''}",
                                      [(Span(at, at, seg.span.file), "<" + ", ".join(p.name for p in params) + ">")])
        self.emit(diag)

    def _binding_elsewhere(self, name: str, at):
        """The name span of a `let` or pattern binding called `name` in the current function's body, out
        of scope where it is used (rustc's help), or None."""
        body = getattr(getattr(self.owner, "node", None), "body", None)
        if body is None:
            return None
        spans = sorted((n.name_span for n in ast.walk(body) if n.__class__ in (ast.Local, ast.PatIdent) and
                        n.name == name and getattr(n, "pat", None) is None), key=lambda sp: sp.lo)
        before = [sp for sp in spans if sp.lo < at.lo]
        return before[-1] if before else spans[0] if spans else None     # the last one met, as rustc

    def _suggest_similar(self, diag: Diag, seg, scope: Module, ns: str, ribs) -> bool:
        """rustc's "a ... with a similar name exists": locals first, then the module's items."""
        from compiler.typeck.check import _edit, _similar
        if ribs:
            names = [n for rib in ribs for n in rib if isinstance(rib.get(n), (ast.Local, ast.Param, ast.PatIdent))]
            best = _similar(seg.name, names)
            if best is not None:
                diag.primary(seg.span)
                diag.multipart_suggestion("a local variable with a similar name exists", _edit(seg.span, seg.name, best))
                return True
        if ns == "type":
            params = {p.name: p for p in self._generic_params(self.owner)}
            best = _similar(seg.name, sorted(params))
            if best is not None:
                diag.primary(seg.span)
                diag.span_label(params[best].span, f"similarly named type parameter `{best}` defined here")
                diag.multipart_suggestion("a type parameter with a similar name exists", _edit(seg.span, seg.name, best))
                return True
        table = scope.types if ns == "type" else scope.values
        own = self.owner.name if self.owner is not None and self.owner.kind in ("struct", "enum") else None
        best = _similar(seg.name, [n for n, d in table.items() if not d.builtin and d.kind != "use" and n != own])
        if best is None:
            return False
        d = table[best]
        kind = {"fn": "function", "struct": "struct", "enum": "enum", "const": "constant", "static": "static",
                "trait": "trait", "ty_alias": "type alias", "mod": "module"}.get(d.kind, "item")
        if d.kind == "struct" and ns == "value" and d.node.kind == "tuple":
            kind = "tuple struct"
        diag.primary(seg.span)
        unit = d.kind == "struct" and d.node.kind in ("unit", "tuple")     # rustc labels all of `struct S;`
        diag.span_label(d.node.span if unit else d.node.def_span, f"similarly named {kind} `{best}` defined here")
        message = "a " + kind + " with a similar name exists"
        diag.multipart_suggestion(message, _edit(seg.span, seg.name, best))
        return True

    def _check_privacy(self, d: DefId, module: Module, scope: Module, seg):
        """E0603: a private item is visible in its module and the module's descendants only."""
        if d.builtin or getattr(d.node, "is_pub", True) or d.kind == "variant":
            return False
        m = scope
        while m is not None:
            if m is module:
                return False
            m = m.parent
        what = {"fn": "function", "struct": "struct", "enum": "enum", "const": "constant", "static": "static",
                "trait": "trait", "ty_alias": "type alias", "mod": "module"}.get(d.kind, "item")
        if d.kind == "struct" and d.node.kind == "unit":
            what = "unit struct"
        diag = Diag("error", f"{what} `{d.name}` is private", "E0603").primary(seg.span, f"private {what}")
        diag.span_note(d.node.def_span, f"the {what} `{d.name}` is defined here")
        self.emit(diag)
        return True

    # ---- bodies
    def _resolve_body(self, fn: ast.Fn, scope, generics):
        ribs = [{}]
        for p in fn.params:
            if p.pat is not None:
                self.resolve_pat(p.pat, scope, generics, ribs)
            else:
                ribs[0][p.name] = p
                self.local_uses.setdefault(p, 0)
        self.resolve_block(fn.body, scope, generics, ribs)

    def resolve_block(self, block: ast.Block, scope, generics, ribs):
        depth = len(ribs)
        ribs.append({})
        for s in block.stmts:
            if isinstance(s, ast.Local):
                if s.ty is not None:
                    self.resolve_ty(s.ty, scope, generics)
                if s.init is not None:
                    self.resolve_expr(s.init, scope, generics, ribs)
                if s.els is not None:
                    self.resolve_block(s.els, scope, generics, ribs)
                if s.pat is not None:
                    ribs.append({})           # a `let` starts a new scope: shadowing is allowed
                    self.resolve_pat(s.pat, scope, generics, ribs)
                elif s.name != "_":
                    ribs.append({s.name: s})
                    self.local_uses.setdefault(s, 0)
            else:
                self.resolve_expr(s.expr, scope, generics, ribs)
        del ribs[depth:]

    def resolve_pat(self, pat, scope, generics, ribs, seen=None):
        """Resolves the paths in a pattern and binds its identifiers in the innermost rib. In an
        or-pattern, a name bound again maps to its first binding."""
        self._in_pattern += 1
        try:
            self._resolve_pat(pat, scope, generics, ribs, seen)
        finally:
            self._in_pattern -= 1

    def _resolve_pat(self, pat, scope, generics, ribs, seen=None):
        if seen is None:
            seen = {}
        if isinstance(pat, ast.PatIdent):
            if not pat.mutbl and not pat.by_ref:
                d = self._lookup(pat.name, scope, "value")
                if d is not None and (d.kind in ("const", "static") or d.kind == "variant" and d.node.kind == "unit"
                                      or d.kind == "struct" and d.node.kind == "unit"):
                    self._set(pat, d, "value")
                    return
            if pat.name in seen:
                self.pat_alias[pat] = seen[pat.name]
                return
            seen[pat.name] = pat
            ribs[-1][pat.name] = pat
            self.local_uses.setdefault(pat, 0)
            return
        if isinstance(pat, (ast.PatPath, ast.PatTupleStruct, ast.PatStruct)):
            self._resolve_ctor_path(pat.path, scope, generics, pat)
        elif isinstance(pat, (ast.PatLit, ast.PatRange)):
            for e in (pat.expr,) if isinstance(pat, ast.PatLit) else (pat.lo, pat.hi):
                if e is not None:
                    self.resolve_expr(e, scope, generics, ribs)
            return
        if isinstance(pat, ast.PatOr):
            for alt in pat.alts:
                self.resolve_pat(alt, scope, generics, ribs, seen)
            return
        for c in ast.children(pat):
            self.resolve_pat(c, scope, generics, ribs, seen)

    def _resolve_ctor_path(self, path, scope, generics, node):
        """A path naming a struct or a variant, in a pattern or a struct literal."""
        for seg in path.segments:
            for a in seg.args:
                self.resolve_ty(a, scope, generics)
        segs = path.segments
        if len(segs) == 2 and segs[0].name == "Self" and self.self_impl is not None:
            sr = self.res.get(getattr(self.self_impl.node, "self_ty", None) and self.self_impl.node.self_ty.path)
            owner = sr.target if sr is not None and sr.kind == "def" else None
            if owner is not None and owner.kind == "enum" and segs[1].name in owner.variants:
                self._set(path, owner.variants[segs[1].name], "value")
                return
        if len(segs) == 1 and segs[0].name == "Self" and self.self_impl is not None:
            sr = self.res.get(getattr(self.self_impl.node, "self_ty", None) and self.self_impl.node.self_ty.path)
            self._set(path, sr.target if sr is not None and sr.kind == "def" else None, "value")
            return
        if len(segs) == 1:
            d = self._lookup(path.name, scope, "value" if isinstance(node, (ast.PatTupleStruct, ast.PatPath))
                             else "type")
            if d is None and isinstance(node, (ast.PatStruct, ast.StructLit)):
                d = self._lookup(path.name, scope, "value")
                d = d if d is not None and d.kind == "variant" else None
            if d is None:
                if isinstance(node, (ast.PatStruct, ast.StructLit)):
                    diag = Diag("error", f"cannot find struct, variant or union type `{path.name}` in this scope",
                                "E0422")
                    if not self._suggest_similar(diag, path.segments[0], scope, "type", None):
                        diag.primary(path.span, "not found in this scope")
                    self.emit(diag)
                else:
                    what = "tuple struct or tuple variant" if isinstance(node, ast.PatTupleStruct) else \
                        "unit struct, unit variant or constant"
                    self.emit(Diag("error", f"cannot find {what} `{path.name}` in this scope", "E0531")
                              .primary(path.span, "not found in this scope"))
            self._set(path, d, "value")
            return
        d = self._lookup_path(path, scope, "value" if isinstance(node, (ast.PatTupleStruct, ast.PatPath))
                              else "type", "struct")
        self._set(path, d, "value")

    def resolve_expr(self, e: ast.Expr, scope, generics, ribs, callee: bool = False):
        r = lambda x: self.resolve_expr(x, scope, generics, ribs)  # noqa: E731
        if isinstance(e, ast.PathExpr):
            self._resolve_value_path(e.path, scope, generics, ribs, callee)
        elif isinstance(e, ast.Call):
            self.resolve_expr(e.func, scope, generics, ribs, callee=True)
            for a in e.args:
                r(a)
        elif isinstance(e, ast.Assign):
            if isinstance(e.lhs, ast.PathExpr):
                self._resolve_value_path(e.lhs.path, scope, generics, ribs, False, write=e)
            else:
                r(e.lhs)
                base, indexed = e.lhs, False
                while isinstance(base, (ast.Field, ast.Index)):
                    indexed = indexed or isinstance(base, ast.Index)
                    base = base.base
                if base is not e.lhs and isinstance(base, ast.PathExpr):
                    res = self.res.get(base.path)
                    if res is not None and res.kind == "local" and (not indexed or _local_array(res.target)):
                        self.field_writes.setdefault(res.target, []).append(e)
                        reads = self.local_reads.get(res.target, [])
                        for i in range(len(reads) - 1, -1, -1):
                            if reads[i] is base.path.span:
                                del reads[i]    # writing a field or element is not a read of the variable
                                break
            r(e.rhs)
        elif isinstance(e, ast.StructLit):
            self._resolve_ctor_path(e.path, scope, generics, e)
            for _, _, v in e.fields:
                r(v)
            if e.base is not None:
                r(e.base)
        elif isinstance(e, ast.If):
            self._resolve_cond(e.cond, e.then, scope, generics, ribs)
            if e.els is not None:
                r(e.els)
        elif isinstance(e, ast.While):
            self._resolve_cond(e.cond, e.body, scope, generics, ribs)
        elif isinstance(e, ast.Loop):
            self.resolve_block(e.body, scope, generics, ribs)
        elif isinstance(e, ast.BlockExpr):
            self.resolve_block(e.block, scope, generics, ribs)
        elif isinstance(e, ast.Match):
            r(e.scrutinee)
            for arm in e.arms:
                ribs.append({})
                self.resolve_pat(arm.pat, scope, generics, ribs)
                if arm.guard is not None:
                    r(arm.guard)
                r(arm.body)
                ribs.pop()
        elif isinstance(e, ast.ForLoop):
            r(e.iter)
            ribs.append({})
            self.resolve_pat(e.pat, scope, generics, ribs)
            self.resolve_block(e.body, scope, generics, ribs)
            ribs.pop()
        elif isinstance(e, ast.Let):
            r(e.init)
            self.resolve_pat(e.pat, scope, generics, ribs)
        elif isinstance(e, ast.Cast):
            r(e.expr)
            self.resolve_ty(e.ty, scope, generics)
        elif isinstance(e, ast.MacCall):
            from compiler.syntax.parser import BUILTIN_MACROS
            if e.name not in BUILTIN_MACROS:
                self._expansion_error(Diag("error", f"cannot find macro `{e.name}` in this scope")
                                      .primary(e.name_span), e)
            elif e.fmt is not None:
                self._check_format_args(e)
            for a in e.args:
                r(a)
            for _, _, a in e.named:
                r(a)
            for a in e.implicit:
                r(a)
        else:
            for t in getattr(e, "targs", ()):       # a method call's turbofish
                self.resolve_ty(t, scope, generics)
            for c in ast.children(e):
                if isinstance(c, ast.Expr):
                    r(c)
                elif isinstance(c, ast.Block):
                    self.resolve_block(c, scope, generics, ribs)

    def _expansion_error(self, d: Diag, at):
        """Macro expansion runs before the rest of resolution: its errors come first, in source order."""
        self._expansions = getattr(self, "_expansions", 0) + 1
        d.anchor = Span(0, at.span.lo * 1000 + self._expansions, at.span.file)
        self.emit(d)

    def _check_format_args(self, mac):
        """rustc's format_args! checks: every positional argument used, every placeholder given one."""
        args = mac.args[1:] if mac.name in ("write", "writeln") else mac.args
        pieces = mac.pieces
        nxt, used, bad_refs = 0, set(), []
        count = 0
        for p in pieces:
            if p.arg is None:
                used.add(nxt)
                nxt += 1
                count = max(count, nxt)
            elif isinstance(p.arg, int):
                used.add(p.arg)
                if p.arg >= len(args):
                    bad_refs.append(p)
        implicit_next = [p for p in pieces if p.arg is None]
        if nxt > len(args):
            n, m = nxt, len(args)
            plural = lambda k: f"{k} argument" + ("" if k == 1 else "s")  # noqa: E731
            msg = (f"{n} positional {'argument' if n == 1 else 'arguments'} in format string, but "
                   + ("no arguments were given" if m == 0 else f"there {'is' if m == 1 else 'are'} {plural(m)}"))
            d = Diag("error", msg)
            for p in implicit_next:
                d.primary(p.span)
            for a in args:
                d.span_label(a.span, "")
            if any(_has_format_flags(p) for p in pieces):
                d.note("for information about formatting flags, visit https://doc.rust-lang.org/std/fmt/index.html")
            self._expansion_error(d, mac)
            return
        for p in bad_refs:
            d = Diag("error", f"invalid reference to positional argument {p.arg} (there "
                              f"{'is' if len(args) == 1 else 'are'} {len(args)} argument{'' if len(args) == 1 else 's'})")
            d.primary(Span(p.span.lo + 1, p.span.hi - 1, p.span.file)).note("positional arguments are zero-based")
            self._expansion_error(d, mac)
        unused = [a for i, a in enumerate(args) if i not in used]
        if len(unused) == 1:
            d = Diag("error", "argument never used").primary(unused[0].span, "argument never used")
            d.span_label(mac.fmt.span, "formatting specifier missing")
            if not pieces:
                at = mac.fmt.span.hi - 1
                d.multipart_suggestion("format specifiers use curly braces, consider adding a format specifier",
                                       [(Span(at, at, mac.fmt.span.file), "{}")])
            self._expansion_error(d, mac)
        elif unused:
            d = Diag("error", "multiple unused formatting arguments")
            for a in unused:
                d.primary(a.span, "argument never used")
            d.span_label(mac.fmt.span, "multiple missing formatting specifiers")
            d.note(f"consider adding {len(unused)} format specifiers")
            self._expansion_error(d, mac)

    def _resolve_cond(self, cond, body, scope, generics, ribs):
        """`if`/`while` conditions: the bindings of `let PAT = EXPR` are visible in the body only."""
        ribs.append({})
        self.resolve_expr(cond, scope, generics, ribs)
        self.resolve_block(body, scope, generics, ribs)
        ribs.pop()

    def _resolve_value_path(self, path, scope, generics, ribs, callee, write=False):
        for seg in path.segments:
            for a in seg.args:
                self.resolve_ty(a, scope, generics)
        if len(path.segments) == 1:
            for rib in reversed(ribs):
                if path.name in rib:
                    binding = rib[path.name]
                    self.res[path] = Res("local", binding)
                    if not write:
                        self.local_uses[binding] = self.local_uses.get(binding, 0) + 1
                        self.local_reads.setdefault(binding, []).append(path.span)
                    else:
                        self.local_writes.setdefault(binding, []).append(write)
                    return
        what = "function" if callee else "value"
        if len(path.segments) == 2 and path.segments[0].name in PRIMITIVES and \
                self._lookup(path.segments[0].name, scope, "type") is None:
            first, second = path.segments[0].name, path.segments[1].name
            if second in PRIM_CONSTS.get("float" if first in ("f32", "f64") else "int" if first not in
                                         ("bool", "char", "str") else first, ()):
                self.res[path] = Res("prim_const", (first, second))
                return
            if callee:
                self.res[path] = Res("prim_fn", (first, second))   # `f64::max(a, b)`: checked by typeck
                return
            self.emit(Diag("error", f"minirustc does not support `{first}::{second}` yet").primary(path.span))
            self.res[path] = Res("err")
            return
        if len(path.segments) == 2 and path.segments[0].name in generics and not path.segments[0].args:
            # `T::default()`: a function of a trait bound on a type parameter, found by typeck
            self.res[path] = Res("type_relative", (TyParamOwner(path.segments[0].name), path.segments[1]))
            return
        if len(path.segments) == 2:
            owner_ty = self._lookup(path.segments[0].name, scope, "type")
            if path.segments[0].name == "Self" and self.self_impl is not None:
                owner_ty = self.self_impl
                if owner_ty.kind == "trait":
                    c = next((c for c in owner_ty.node.consts if c.name == path.segments[1].name), None)
                    if c is not None:
                        self._set(path, self.def_of[c], "value")
                        return
                sr = self.res.get(getattr(owner_ty.node, "self_ty", None) and owner_ty.node.self_ty.path)
                if sr is not None and sr.kind == "def" and sr.target.kind == "enum" \
                        and path.segments[1].name in sr.target.variants:
                    self._set(path, sr.target.variants[path.segments[1].name], "value")
                    return
            if owner_ty is not None and owner_ty.kind == "enum":
                v = owner_ty.variants.get(path.segments[1].name)
                if v is not None:
                    self._set(path, v, "value")
                    return
                self.res[path] = Res("type_relative", (owner_ty, path.segments[1]))
                if self.owner is not None:
                    self.refs.setdefault(self.owner, []).append((owner_ty, "type"))
                return
            if owner_ty is not None and owner_ty.kind in ("struct", "ty_alias", "impl") and not (
                    path.segments[0].name == "Self" and owner_ty.kind == "trait"):
                self.res[path] = Res("type_relative", (owner_ty, path.segments[1]))
                if owner_ty.kind != "impl" and self.owner is not None:
                    self.refs.setdefault(self.owner, []).append((owner_ty, "type"))
                return
            if owner_ty is not None and owner_ty.kind == "trait" and path.segments[0].name != "Self" \
                    and not path.segments[0].args:
                # `Default::default()`, `Clone::clone(&x)`: typeck finds `Self` from the call
                self.res[path] = Res("trait_relative", (owner_ty, path.segments[1]))
                return
        if len(path.segments) >= 3:
            owner_ty = self._lookup_path(ast.Path(path.segments[:-1], path.span), scope, "type", "type",
                                         report=False)
            if owner_ty is not None and owner_ty.kind in ("struct", "enum", "ty_alias"):
                if owner_ty.kind == "enum" and path.segments[-1].name in owner_ty.variants:
                    self._set(path, owner_ty.variants[path.segments[-1].name], "value")
                    return
                self.res[path] = Res("type_relative", (owner_ty, path.segments[-1]))
                if self.owner is not None:
                    self.refs.setdefault(self.owner, []).append((owner_ty, "type"))
                return
        if len(path.segments) == 1:
            d = self._lookup(path.name, scope, "value")
            if d is None:
                diag = Diag("error", f"cannot find {what} `{path.name}` in this scope", "E0425")
                if not self._suggest_similar(diag, path.segments[0], scope, "value", ribs):
                    other = self._binding_elsewhere(path.name, path.span)
                    if other is not None:
                        diag.primary(path.span)
                        diag.children.append(SubDiag("help", f"the binding `{path.name}` is available in a "
                                                             "different scope in the same function",
                                                     [Label(other, "", True)]))
                    else:
                        diag.primary(path.span, "not found in this scope")
                if callee and self.owner is not None:
                    self.deferred.append(diag)      # rustc reports an unresolved callee with typeck's errors
                else:
                    self.emit(diag)
        else:
            d = self._lookup_path(path, scope, "value", what)
        self._set(path, d, "value")


def _local_array(b) -> bool:
    """Whether a binding is a local array, as its declaration shows (`arr[i] = x` writes it in place)."""
    if not isinstance(b, ast.Local):
        return False
    return isinstance(b.ty, ast.TyArray) or b.ty is None and isinstance(b.init, (ast.ArrayLit, ast.ArrayRepeat))


class TyParamOwner:
    """The owner of `T::item` when `T` is a type parameter."""
    kind, builtin, variants = "param", False, {}

    def __init__(self, name: str):
        self.name = name


class _ModuleOwner:
    """A module named by a glob import, when it has no `DefId` (the crate root)."""
    kind = "mod"

    def __init__(self, module):
        self.module = module


def _has_format_flags(p) -> bool:
    """Whether a placeholder has flags beyond its trait: fill, alignment, sign, `#`, `0`, width or precision."""
    text = p.span.file.src[p.span.lo + 1:p.span.hi - 1]
    spec = text.split(":", 1)[1] if ":" in text else ""
    return bool(spec.rstrip("?xXobeEp"))
