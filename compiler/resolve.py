"""Name resolution (rustc_resolve): DefIds for items, module scopes, and the resolution of every path
in signatures and bodies. Runs serially before analysis, like rustc's resolver; reports E0425/E0428/E0433."""
from __future__ import annotations

from dataclasses import dataclass, field

from compiler.errors import Diag
from compiler.syntax import ast
from compiler.ty.types import PRIMITIVES

@dataclass(eq=False)
class DefId:
    index: int
    kind: str
    name: str
    node: object
    parent: "DefId | None"
    module: "Module | None" = None      # for mods (and the crate root)

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


@dataclass(frozen=True)
class Res:
    kind: str            # "def", "local", "prim", "param", "err"
    target: object = None


class Resolver:
    def __init__(self, crate: ast.Crate, crate_name: str, emit):
        self.crate, self.crate_name, self.emit = crate, crate_name, emit
        self.defs: list[DefId] = []
        self.res: dict = {}            # path node -> Res
        self.local_uses: dict = {}     # binding node -> number of reads
        self.def_of: dict = {}         # item node -> DefId
        self.root = Module(None)
        self.scope_of: dict = {}       # DefId -> Module it is defined in
        self.import_uses: dict = {}    # `use` DefId -> number of lookups through it
        self.modules: list[Module] = [self.root]
        self.refs: dict = {}           # owner DefId -> [(DefId, "type" | "value")], for dead_code
        self.owner: DefId | None = None
        self.self_impl: DefId | None = None    # the impl whose items are being resolved (`Self`)

    def _set(self, path, d, how: str):
        self.res[path] = Res("def", d) if d else Res("err")
        if d is not None and self.owner is not None:
            self.refs.setdefault(self.owner, []).append((d, how))

    # ---- collection
    def collect(self):
        self._collect_items(self.crate.items, self.root, None)
        for m in self.modules:
            for u in m.imports:
                self._resolve_import(u, m)

    def _resolve_import(self, u: DefId, module: Module):
        path = u.node.path
        targets = [(ns, self._lookup_path(path, module, ns, "", report=False)) for ns in ("type", "value")]
        targets = [(ns, d) for ns, d in targets if d is not None]
        if not targets:
            self.emit(Diag("error", f"unresolved import `{self._src(path.span)}`", "E0432")
                      .primary(path.span, f"no `{path.name}` in `{self._src(path.segments[-2].span)}`"
                               if len(path.segments) > 1 else "no such name"))
            return
        self.import_uses[u] = 0
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
                    ast.Impl: "impl", ast.Mod: "mod", ast.Use: "use"}.get(type(item))
            if isinstance(item, ast.Const):
                kind = "static" if item.is_static else "const"
            d = self._new_def(kind, item.name, item, parent)
            self.scope_of[d] = module
            if kind == "use":
                module.imports.append(d)
                continue
            if kind == "impl":
                for f in item.items:
                    fd = self._new_def("assoc_fn", f.name, f, d)
                    self.scope_of[fd] = module
                continue
            if kind == "trait":
                for f in item.items:
                    fd = self._new_def("assoc_fn", f.name, f, d)
                    self.scope_of[fd] = module
            namespaces = []
            if kind in ("struct", "ty_alias", "trait", "mod"):
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

    def _dup(self, prev: DefId, d: DefId, type_ns: bool):
        ns = "type" if type_ns else "value"
        where = "this module" if self.scope_of[d] is not self.root else "this module"
        self.emit(Diag("error", f"the name `{d.name}` is defined multiple times", "E0428")
                  .primary(d.node.def_span, f"`{d.name}` redefined here")
                  .span_label(prev.node.def_span, f"previous definition of the {ns} `{d.name}` here")
                  .note(f"`{d.name}` must be defined only once in the {ns} namespace of {where}"))

    # ---- resolution
    def resolve_all(self):
        for d in list(self.defs):
            self.owner = d
            self.self_impl = d.parent if d.kind == "assoc_fn" else None
            node, scope = d.node, self.scope_of[d]
            generics = self._generic_names(d)
            if d.kind in ("fn", "assoc_fn"):
                for p in node.params:
                    self.resolve_ty(p.ty, scope, generics)
                if node.ret is not None:
                    self.resolve_ty(node.ret, scope, generics)
                self._resolve_where(node.generics, scope, generics)
                if node.body is not None:
                    self._resolve_body(node, scope, generics)
            elif d.kind == "struct":
                for f in node.fields:
                    self.resolve_ty(f.ty, scope, generics)
                self._resolve_where(node.generics, scope, generics)
            elif d.kind == "ty_alias":
                self.resolve_ty(node.ty, scope, generics)
            elif d.kind in ("const", "static"):
                self.resolve_ty(node.ty, scope, generics)
                self.resolve_expr(node.expr, scope, generics, [])
            elif d.kind == "impl":
                self.resolve_ty(node.self_ty, scope, generics)
                if node.trait_ref is not None:
                    self._resolve_trait(node.trait_ref, scope, generics)
                self._resolve_where(node.generics, scope, generics)

    def _generic_names(self, d: DefId) -> set[str]:
        names: set[str] = set()
        while d is not None:
            g = getattr(d.node, "generics", None)
            if g is not None:
                names |= {p.name for p in g.params}
            d = d.parent if d.kind == "assoc_fn" else None
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
            for a in seg.args:
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
            return
        path = ty.path
        for seg in path.segments:
            for a in seg.args:
                self.resolve_ty(a, scope, generics)
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
                return
            if name in PRIMITIVES:
                self.res[path] = Res("prim", name)
                return
        d = self._lookup_path(path, scope, "type", "type")
        self._set(path, d, "type")

    def _lookup(self, name: str, scope: Module, ns: str):
        table = scope.types if ns == "type" else scope.values
        d = table.get(name)
        if d is not None:
            u = scope.imported.get((ns, name))
            if u is not None and self.owner is not None:
                self.import_uses[u] += 1
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
            if d is None or d.kind != "mod":
                if not report:
                    return None
                self.emit(Diag("error", f"failed to resolve: use of unresolved module or unlinked crate "
                                        f"`{seg.name}`", "E0433")
                          .primary(seg.span, f"use of unresolved module or unlinked crate `{seg.name}`"))
                return None
            module = d.module
        last = segs[-1]
        d = self._lookup(last.name, module, ns)
        if d is not None or not report:
            return d
        code = "E0405" if what == "trait" else "E0425"
        if len(segs) == 1:
            self.emit(Diag("error", f"cannot find {what} `{last.name}` in this scope", code)
                      .primary(last.span, "not found in this scope"))
        else:
            self.emit(Diag("error", f"cannot find {what} `{last.name}` in module `{segs[-2].name}`", code)
                      .primary(last.span, f"not found in `{segs[-2].name}`"))
        return None

    # ---- bodies
    def _resolve_body(self, fn: ast.Fn, scope, generics):
        ribs = [{p.name: p for p in fn.params}]
        for p in fn.params:
            self.local_uses.setdefault(p, 0)
        self.resolve_block(fn.body, scope, generics, ribs)

    def resolve_block(self, block: ast.Block, scope, generics, ribs):
        ribs.append({})
        for s in block.stmts:
            if isinstance(s, ast.Local):
                if s.ty is not None:
                    self.resolve_ty(s.ty, scope, generics)
                if s.init is not None:
                    self.resolve_expr(s.init, scope, generics, ribs)
                if s.name != "_":
                    ribs[-1][s.name] = s
                    self.local_uses.setdefault(s, 0)
            else:
                self.resolve_expr(s.expr, scope, generics, ribs)
        ribs.pop()

    def resolve_expr(self, e: ast.Expr, scope, generics, ribs, callee: bool = False):
        r = lambda x: self.resolve_expr(x, scope, generics, ribs)  # noqa: E731
        if isinstance(e, ast.PathExpr):
            self._resolve_value_path(e.path, scope, generics, ribs, callee)
        elif isinstance(e, ast.Call):
            self.resolve_expr(e.func, scope, generics, ribs, callee=True)
            for a in e.args:
                r(a)
        elif isinstance(e, ast.MethodCall):
            r(e.receiver)
            for a in e.args:
                r(a)
        elif isinstance(e, ast.Binary):
            r(e.lhs)
            r(e.rhs)
        elif isinstance(e, ast.Assign):
            if isinstance(e.lhs, ast.PathExpr) and e.op == "=":
                self._resolve_value_path(e.lhs.path, scope, generics, ribs, False, write=True)
            else:
                r(e.lhs)
            r(e.rhs)
        elif isinstance(e, (ast.Unary, ast.AddrOf)):
            r(e.operand)
        elif isinstance(e, ast.Field):
            r(e.base)
        elif isinstance(e, ast.Paren):
            r(e.inner)
        elif isinstance(e, ast.TupleExpr):
            for x in e.elems:
                r(x)
        elif isinstance(e, ast.StructLit):
            d = self._lookup_path(e.path, scope, "type", "struct") if len(e.path.segments) > 1 else \
                self._lookup(e.path.name, scope, "type")
            if d is None and len(e.path.segments) == 1:
                self.emit(Diag("error", f"cannot find struct, variant or union type `{e.path.name}` in this scope",
                               "E0422").primary(e.path.span, "not found in this scope"))
            self._set(e.path, d, "value")
            for _, _, v in e.fields:
                r(v)
        elif isinstance(e, ast.If):
            r(e.cond)
            self.resolve_block(e.then, scope, generics, ribs)
            if e.els is not None:
                r(e.els)
        elif isinstance(e, ast.While):
            r(e.cond)
            self.resolve_block(e.body, scope, generics, ribs)
        elif isinstance(e, ast.Loop):
            self.resolve_block(e.body, scope, generics, ribs)
        elif isinstance(e, ast.BlockExpr):
            self.resolve_block(e.block, scope, generics, ribs)
        elif isinstance(e, (ast.Return, ast.Break)):
            if e.value is not None:
                r(e.value)

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
                    return
        what = "function" if callee else "value"
        if len(path.segments) == 2:
            owner_ty = self._lookup(path.segments[0].name, scope, "type")
            if path.segments[0].name == "Self" and self.self_impl is not None:
                owner_ty = self.self_impl
            if owner_ty is not None and owner_ty.kind in ("struct", "ty_alias", "impl") and not (
                    path.segments[0].name == "Self" and owner_ty.kind == "trait"):
                self.res[path] = Res("type_relative", (owner_ty, path.segments[1]))
                if owner_ty.kind != "impl" and self.owner is not None:
                    self.refs.setdefault(self.owner, []).append((owner_ty, "type"))
                return
        if len(path.segments) == 1:
            d = self._lookup(path.name, scope, "value")
            if d is None:
                self.emit(Diag("error", f"cannot find {what} `{path.name}` in this scope", "E0425")
                          .primary(path.span, "not found in this scope"))
        else:
            d = self._lookup_path(path, scope, "value", what)
        self._set(path, d, "value")
