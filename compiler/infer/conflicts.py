"""Borrow conflicts (E0499, E0502, E0503, E0505, E0506): the part of NLL borrowck that everyday programs
hit, read from the typed body. A borrow kept in a `let` binding (`&x`, `&mut x.f`, `&v[i]`, or a `&self`
method returning a reference) or by a `for` loop's iterable is live from its creation to the binding's
last later use; an access to an overlapping place in between that the borrow forbids is an error.

Simplified and conservative (a missed error, never a false one): only bindings never reassigned hold
borrows; liveness is read in source order, so an access is an error only when a later use of the holder
follows it on a path that does not leave a branch by `return`, `break`, `continue` or `panic!`. Uses
through a copy of the reference, back edges of loops and implicit format captures are not followed."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.errors.diagnostic import Label, SubDiag
from compiler.syntax import ast
from compiler.syntax.span import Span

_BORROWING_RETURNS = ("Iter", "IterMut", "Chars", "Bytes")


class Access:
    __slots__ = ("kind", "mutbl", "place", "span", "call_span", "node")

    def __init__(self, kind, place, span, node, mutbl=False, call_span=None):
        self.kind, self.place, self.span, self.node = kind, place, span, node   # kind: borrow/assign/read/move/fmt
        self.mutbl, self.call_span = mutbl, call_span


class Checker:
    def __init__(self, fcx, d):
        self.fcx, self.d = fcx, d
        self.body = d.node.body
        self.parents = ast.parents(self.body)
        self.covered: set = set()
        self.accesses: list[Access] = []
        self.mentions: dict = {}        # binding -> [(span of the use, node)]
        self.assigned: set = set()
        self.assigns: dict = {}         # binding -> its whole-binding assignments
        self.moved = {id(u.expr) for u in fcx.uses if u.kind == "move"}

    # ---- places
    def local(self, e):
        return self.fcx._local(e)

    def place(self, e):
        """(binding, projections, text, vec_index_base) for a place expression, or None."""
        while isinstance(e, ast.Paren):
            e = e.inner
        if isinstance(e, ast.PathExpr):
            b = self.local(e)
            return (b, (), e.path.segments[-1].name if b is not None else "", None) if b is not None else None
        if isinstance(e, ast.Field):
            p = self.place(e.base)
            return None if p is None or p[3] is not None else (p[0], p[1] + (e.name,), f"{p[2]}.{e.name}", None)
        if isinstance(e, ast.Index):
            p = self.place(e.base)
            if p is None or p[3] is not None:
                return None
            kind = self.fcx.index_bases.get(e, ("",))[0]
            if kind == "array":
                return (p[0], p[1] + ("[_]",), f"{p[2]}[_]", None)
            if kind == "vec":
                return (p[0], p[1], p[2], e.base)       # `Index::index(&v, i)`: a borrow of `v`
        return None

    # ---- collection
    def collect(self):
        for n in ast.walk(self.body):
            if isinstance(n, ast.AddrOf):
                p = self.place(n.operand)
                if p is not None:
                    self._cover_place(n.operand)
                    span = p[3].span if p[3] is not None else n.span
                    self.accesses.append(Access("borrow", p, span, n, n.mutbl))
            elif isinstance(n, ast.MethodCall):
                fd, recv_is_ref = self.fcx.method_calls.get(n, (None, True))
                first = fd.node.params[0] if fd is not None and fd.node.params else None
                if first is not None and first.name == "self" and isinstance(first.ty, ast.TyRef) and not recv_is_ref:
                    p = self.place(n.receiver)
                    if p is not None:
                        self._cover_place(n.receiver)
                        self.accesses.append(Access("borrow", p, n.receiver.span, n, first.ty.mutbl, n.span))
            elif isinstance(n, ast.Assign):
                lhs = n.lhs
                while isinstance(lhs, ast.Paren):
                    lhs = lhs.inner
                if isinstance(lhs, ast.Unary) and lhs.op == "*":
                    b = self.local(lhs.operand)
                    if b is not None:
                        self.covered.add(_strip(lhs.operand))
                        self.mentions.setdefault(b, []).append((n.span, n))
                    continue
                p = self.place(lhs)
                if p is not None:
                    self._cover_place(lhs)
                    if p[3] is None:
                        self.accesses.append(Access("assign", p, n.span, n))
                    else:       # `IndexMut::index_mut(&mut v, i)`
                        self.accesses.append(Access("borrow", p, p[3].span, lhs, True))
                    if not p[1]:
                        self.assigned.add(p[0])
                        self.assigns.setdefault(p[0], []).append(n)
            elif isinstance(n, ast.MacCall) and n.fmt is not None:
                for a in list(n.args) + [x for _, _, x in n.named]:
                    p = self.place(a)
                    if p is not None and p[3] is None:
                        self._cover_place(a)
                        self.accesses.append(Access("fmt", p, _strip(a).span, a))
                        self.mentions.setdefault(p[0], []).append((_strip(a).span, a))
        for n in ast.walk(self.body):
            if isinstance(n, ast.PathExpr) and n not in self.covered:
                b = self.local(n)
                if b is None:
                    continue
                up = self.parents.get(n)
                # a use through the reference (`*r`, `r.f`) is the place it reads
                at = up.span if isinstance(up, ast.Unary) and up.op == "*" and up.operand is n or \
                    isinstance(up, ast.Field) and up.base is n else n.span
                self.mentions.setdefault(b, []).append((at, n))
                outer, parent = n, self.parents.get(n)
                while isinstance(parent, ast.Field) and parent.base is outer or isinstance(parent, ast.Paren):
                    outer, parent = parent, self.parents.get(parent)
                if isinstance(parent, ast.Index) and parent.base is outer:
                    if self.fcx.index_bases.get(parent, ("",))[0] == "vec" and self.place(outer) is not None:
                        self.accesses.append(Access("borrow", self.place(outer), outer.span, parent))
                    continue
                p = self.place(outer)
                if p is not None and p[3] is None:
                    kind = "move" if (id(outer) in self.moved or id(n) in self.moved) and not self._copy(outer) \
                        else "read"
                    self.accesses.append(Access(kind, p, outer.span, outer))
        # borrows through the receiver's own mentions count as uses of reference bindings
        for acc in self.accesses:
            if acc.kind in ("borrow", "assign") and self._is_ref(acc.place[0]) and \
                    (acc.place[1] or acc.kind == "borrow"):     # overwriting the reference is no use of it
                self.mentions.setdefault(acc.place[0], []).append((acc.span, acc.node))

    def _cover_place(self, e):
        for n in ast.walk(e):
            if isinstance(n, ast.PathExpr) and self.place(n) is not None:
                self.covered.add(n)
            if isinstance(n, ast.Index):
                # the index expression's own reads stay reads
                for m in ast.walk(n.index):
                    self.covered.discard(m)

    def _copy(self, e) -> bool:
        if not isinstance(e, ast.PathExpr):
            return True         # a field read: moves of fields are not followed
        t = self.fcx.locals.get(self.local(e))
        return t is None or self.fcx._is_copy(t)

    def _is_ref(self, b) -> bool:
        from compiler.ty.types import resolve
        t = resolve(self.fcx.locals.get(b))
        return getattr(t, "kind", None) == "ref"

    # ---- holders
    def holders(self):
        """(holding node, borrow access, later-use span for loops) for each borrow kept alive."""
        by_node = {id(a.node): a for a in self.accesses if a.kind == "borrow"}
        for n in ast.walk(self.body):
            if isinstance(n, ast.Local) and n.pat is None and n.init is not None:
                init = _strip(n.init)
                if isinstance(init, ast.Call):
                    arg = self._borrowed_arg(init)      # `longest(&v)`: the result borrows `v`
                    acc = by_node.get(id(arg)) if arg is not None else None
                    if acc is not None:
                        yield n, acc, None
                    continue
                acc = by_node.get(id(init)) if isinstance(init, (ast.AddrOf, ast.MethodCall)) else None
                if acc is None or isinstance(init, ast.MethodCall) and not self._returns_borrow(init):
                    continue
                yield n, acc, None
            elif isinstance(n, ast.ForLoop):
                it = _strip(n.iter)
                acc = by_node.get(id(it)) if isinstance(it, (ast.AddrOf, ast.MethodCall)) else None
                if acc is None or isinstance(it, ast.MethodCall) and not self._returns_borrow(it):
                    continue
                whole = Access("borrow", acc.place, it.span, acc.node, acc.mutbl)
                yield n, whole, it.span

    def _borrowed_arg(self, call):
        """For a call of a local fn returning a reference whose lifetime elision ties it to its only
        reference parameter: that argument when it is `&place`, else None."""
        r = self.fcx._res(call.func.path) if isinstance(call.func, ast.PathExpr) else None
        if r is None or r.kind != "def" or r.target.kind != "fn" or r.target.builtin:
            return None
        f = r.target.node
        if not isinstance(f.ret, ast.TyRef) or f.ret.lifetime is not None or len(call.args) != len(f.params):
            return None
        refs = [i for i, p in enumerate(f.params) if isinstance(p.ty, ast.TyRef)]
        if len(refs) != 1:
            return None
        arg = _strip(call.args[refs[0]])
        return arg if isinstance(arg, ast.AddrOf) else None

    def _returns_borrow(self, call) -> bool:
        fd, _ = self.fcx.method_calls.get(call, (None, True))
        if fd is None or fd.builtin and fd.name == "next":
            return False        # std iterators yield items that borrow what they walk, not the iterator
        ret = fd.node.ret
        if ret is None:
            return False
        for t in _walk_ty(ret):
            if isinstance(t, ast.TyRef):
                if t.lifetime is not None and getattr(t.lifetime, "name", "'_") != "'_":
                    return False
                return True
            if fd.builtin and isinstance(t, ast.TyPath) and t.path.segments[-1].name in _BORROWING_RETURNS:
                return True
        return False

    # ---- paths
    def _chain(self, node):
        out, n = [], node
        while n is not None:
            out.append(n)
            n = self.parents.get(n)
        return out

    def _reaches(self, acc_node, use_node) -> bool:
        """Whether control can go on from `acc_node` to `use_node`, a later node: not when the access is in
        a branch that diverges after it, nor in another arm of the `if` or `match` holding the use."""
        use_up = set(map(id, self._chain(use_node)))
        n = acc_node
        while True:
            parent = self.parents.get(n)
            if parent is None:
                return True
            if id(parent) in use_up:
                if isinstance(parent, ast.If) and n is not parent.cond:
                    return False        # `then` against `else`
                if isinstance(parent, ast.Match) and isinstance(n, ast.Arm):
                    return False
                return True
            if isinstance(parent, ast.Block):
                k = next((i for i, x in enumerate(parent.stmts) if x is n), -1)
                if k >= 0 and any(_diverges(x) for x in parent.stmts[k:]):
                    return False
            n = parent

    def _overwritten(self, holder, borrow_node, access_node, use_node) -> bool:
        """Whether an assignment to the holder between its borrow and the use may have replaced the
        borrow on every path through the access: unless it sits in a loop body, or a branch with a
        sibling that does not assign, which holds none of the three."""
        for a in self.assigns.get(holder, ()):
            if holder.span.hi <= a.span.lo < use_node.span.lo and \
                    not self._skippable(a, holder, (borrow_node, access_node, use_node)):
                return True
        return False

    def _skippable(self, assign, holder, keep) -> bool:
        keep_ids = {id(x) for k in keep for x in self._chain(k)}
        n = assign
        while True:
            parent = self.parents.get(n)
            if parent is None or id(parent) in keep_ids:
                return False
            if isinstance(parent, (ast.While, ast.ForLoop)) and n is parent.body:
                return True
            if isinstance(parent, ast.If) and n is not parent.cond and (
                    parent.els is None or not self._assigns_in(parent.els if n is parent.then else parent.then, holder)):
                return True
            if isinstance(parent, ast.Match) and isinstance(n, ast.Arm) and any(
                    not self._assigns_in(arm, holder) for arm in parent.arms if arm is not n):
                return True
            n = parent

    def _assigns_in(self, node, holder) -> bool:
        inside = {id(x) for x in ast.walk(node)} if not isinstance(node, ast.Arm) else \
            {id(x) for x in ast.walk(node.body)}
        return any(id(a) in inside for a in self.assigns.get(holder, ()))

    # ---- the check
    def run(self) -> list[Diag]:
        self.collect()
        found = []
        for holder, h, loop_use in self.holders():
            if isinstance(holder, ast.ForLoop):
                region, later = holder.body.span, None
            else:
                region, later = Span(holder.span.hi, self.body.span.hi, holder.span.file), self.mentions.get(holder, ())
            for e in self.accesses:
                if e.place[0] is not h.place[0] or not (region.lo <= e.span.lo and e.span.hi <= region.hi) \
                        or not _overlap(h.place[1], e.place[1]):
                    continue
                code = self._conflict(h, e)
                if code is None:
                    continue
                if loop_use is not None:
                    use = loop_use
                else:
                    end = (e.call_span or e.span).hi
                    nxt = [s for s, n in later if s.lo >= end and self._reaches(e.node, n)
                           and not self._overwritten(holder, h.node, e.node, n)]
                    if not nxt:
                        continue
                    use = min(nxt, key=lambda x: x.lo)
                found.append((e, h, code, use))
        found += self._returned_locals()
        # in MIR order; one error per access, and after a two-phase borrow's reservation error on a
        # place, none for that place's activations (rustc's `reservation_error_reported`)
        found.sort(key=lambda x: (x[0].span.lo, x[1].span.lo if x[1] is not None else 0))
        out, done, reserved = [], set(), set()
        for e, h, code, use in found:
            key = (id(e.place[0]), e.place[1])
            activation = e.kind == "borrow" and e.mutbl and e.call_span is not None and h is not None and not h.mutbl
            if id(e.node) in done or activation and key in reserved:
                continue
            d = self._report(code, h, e, use)
            if d is None:
                continue
            done.add(id(e.node))
            out.append(d)
            if e.kind == "borrow" and e.mutbl and e.call_span is not None and h is not None and h.mutbl:
                reserved.add(key)
        return out

    def _returned_locals(self):
        """E0515: `&local` as the body's value or a `return`'s, for a local the function owns."""
        tails = [self.body.tail] + [n.value for n in ast.walk(self.body) if isinstance(n, ast.Return)]
        out = []
        for t in tails:
            t = _strip(t) if t is not None else None
            if not isinstance(t, ast.AddrOf):
                continue
            b = self.local(_strip(t.operand)) if isinstance(_strip(t.operand), ast.PathExpr) else None
            if isinstance(b, ast.Local) and not self._is_ref(b):
                out.append((Access("return", (b, (), b.name, None), t.span, t), None, "E0515", None))
        return out

    def _conflict(self, h, e):
        if e.kind in ("read", "fmt"):
            if not h.mutbl:
                return None
            return "E0502" if e.kind == "fmt" else "E0503"
        if e.kind == "borrow":
            if h.mutbl:
                return "E0499" if e.mutbl else "E0502"
            return "E0502" if e.mutbl else None
        if e.kind == "assign":
            return "E0506"
        if e.kind == "move":
            return "E0505"
        return None

    def _report(self, code, h, e, use) -> Diag | None:
        name = e.place[2]
        if code == "E0515":
            d = Diag("error", f"cannot return reference to local variable `{name}`", code)
            d.primary(e.span, "returns a reference to data owned by the current function")
        elif code == "E0499":
            d = Diag("error", f"cannot borrow `{name}` as mutable more than once at a time", code)
            d.primary(e.span, "second mutable borrow occurs here")
            d.span_label(h.span, "first mutable borrow occurs here")
            d.span_label(use, "first borrow later used here")
            if _vec_index(h) and _vec_index(e):
                d.help("use `.split_at_mut(position)` to obtain two mutable non-overlapping sub-slices")
        elif code == "E0502":
            new, old = ("mutable", "immutable") if e.mutbl else ("immutable", "mutable")
            d = Diag("error", f"cannot borrow `{name}` as {new} because it is also borrowed as {old}", code)
            at = e.call_span if e.mutbl and e.call_span is not None else e.span
            d.primary(at, f"{new} borrow occurs here")
            d.span_label(h.span, f"{old} borrow occurs here")
            d.span_label(use, f"{old} borrow later used here")
            if _vec_index(h) and _vec_index(e):
                d.help("use `.split_at_mut(position)` to obtain two mutable non-overlapping sub-slices")
        elif code == "E0503":
            d = Diag("error", f"cannot use `{name}` because it was mutably borrowed", code)
            d.primary(e.span, f"use of borrowed `{name}`")
            d.span_label(h.span, f"`{name}` is borrowed here")
            d.span_label(use, "borrow later used here")
        elif code == "E0506":
            d = Diag("error", f"cannot assign to `{name}` because it is borrowed", code)
            d.primary(e.span, f"`{name}` is assigned to here but it was already borrowed")
            d.span_label(h.span, f"`{name}` is borrowed here")
            d.span_label(use, "borrow later used here")
        else:
            return self._move_out(h, e, use, name)
        return d

    def _move_out(self, h, e, use, name) -> Diag | None:
        b = e.place[0]
        if e.place[1] or not isinstance(h.node, ast.AddrOf):
            return None
        clonable = self._clonable(b)
        adt = self._local_adt(b)
        if not clonable and adt is None:
            return None
        d = Diag("error", f"cannot move out of `{name}` because it is borrowed", "E0505")
        d.primary(e.span, f"move out of `{name}` occurs here")
        at = b.name_span
        if getattr(b, "mutbl", False):
            kw = at.file.src.rfind("mut", 0, at.lo)
            at = Span(kw, at.hi, at.file) if kw >= 0 else at
        d.span_label(at, f"binding `{b.name}` declared here")
        d.span_label(h.span, f"borrow of `{name}` occurs here")
        d.span_label(use, "borrow later used here")
        end = h.node.operand.span.hi
        if clonable:
            d.multipart_suggestion("consider cloning the value if the performance cost is acceptable",
                                   [(Span(end, end, h.span.file), ".clone()")])
        else:
            d.children.append(SubDiag("note", f"if `{adt.name}` implemented `Clone`, you could clone the value", [
                Label(adt.node.def_span, "consider implementing `Clone` for this type", True),
                Label(_strip(h.node.operand).span, "you could clone this value", False)]))
        return d

    def _local_adt(self, b):
        from compiler.ty.types import zonk
        t = zonk(self.fcx.locals.get(b)) if self.fcx.locals.get(b) is not None else None
        if getattr(t, "kind", None) != "adt" or t.args:
            return None
        d = self.fcx.tcx.resolver.def_at(t.def_index)
        return None if d.builtin or self.fcx._is_copy(t) or self.fcx._implements(t, "Clone") else d

    def _clonable(self, b) -> bool:
        from compiler.ty.types import zonk
        t = self.fcx.locals.get(b)
        if t is None:
            return False
        return self.fcx._implements(zonk(t), "Clone") and not self.fcx._is_copy(t)


def _vec_index(a) -> bool:
    """A borrow of an element: of a `Vec` (through `IndexMut`) or an array (`a[_]`)."""
    n = a.node.operand if isinstance(a.node, ast.AddrOf) else a.node
    return (a.place[3] is not None or a.place[1][-1:] == ("[_]",)) and isinstance(_strip(n), ast.Index)


def _strip(e):
    while isinstance(e, ast.Paren):
        e = e.inner
    return e


def _overlap(a, b) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _walk_ty(t):
    yield t
    for f in getattr(t, "__dataclass_fields__", ()):
        v = getattr(t, f)
        if isinstance(v, ast.Ty):
            yield from _walk_ty(v)
        elif isinstance(v, list):
            for x in v:
                if isinstance(x, ast.Ty):
                    yield from _walk_ty(x)
        elif isinstance(v, ast.Path):
            for seg in v.segments:
                for g in getattr(seg, "args", None) or ():
                    if isinstance(g, ast.Ty):
                        yield from _walk_ty(g)


def _diverges(stmt) -> bool:
    for n in ast.walk(stmt):
        if isinstance(n, (ast.Return, ast.Break, ast.Continue)):
            return True
        if isinstance(n, ast.MacCall) and n.name in ("panic", "unreachable", "todo", "unimplemented"):
            return True
    return False


def check(fcx, d) -> list[Diag]:
    return Checker(fcx, d).run()
