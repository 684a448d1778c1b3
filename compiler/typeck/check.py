"""`typeck` (rustc_hir_typeck): checks one body owner's expressions; reports E0308, E0061, E0369,
E0599, E0560, E0609 and E0277."""
from __future__ import annotations

from compiler.errors import Diag
from compiler.errors.diagnostic import Label, SubDiag
from compiler.syntax import ast
from compiler.traits.select import SelectionContext
from compiler.ty.collect import field_tys, lower_ty, type_of_any
from compiler.ty.types import (BOOL, ERROR, NEVER, STR_REF, UNIT, FloatVar, IntVar, Ty, TyVar, prim, resolve, show,
                               zonk)
from compiler.typeck.expr_more import ExprMore
from compiler.typeck.pat import PatCheck

ARITH = {"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>"}
ITERATOR_METHODS = {"sum", "product", "map", "filter", "collect", "enumerate", "zip", "rev", "max", "min", "fold",
                    "any", "all", "find", "position", "take", "skip", "chain", "nth", "cloned", "copied",
                    "for_each", "step_by", "filter_map", "flat_map", "peekable", "max_by", "min_by", "max_by_key",
                    "min_by_key", "sum", "last"}


# methods of the standard library's types that the prelude does not model: calling one is an honest
# "not supported" error, never a false E0599
_SEQ = ("sort_by", "sort_unstable", "dedup", "retain", "extend", "extend_from_slice", "append", "drain", "split_off",
        "windows", "chunks", "concat", "join", "into_iter", "binary_search", "starts_with", "ends_with",
        "to_vec", "capacity", "reserve", "shrink_to_fit", "resize", "fill", "rotate_left", "rotate_right",
        "split_at", "split_first", "split_last", "first_mut", "last_mut", "get_mut", "as_slice", "as_mut_slice",
        "sort_by_key", "iter", "len", "is_empty", "contains", "push", "pop", "insert", "remove", "truncate", "clear")
_STR = ("split", "split_whitespace", "lines", "char_indices", "parse", "replace", "repeat", "find", "rfind",
        "trim_start", "trim_end", "split_at", "to_ascii_uppercase", "to_ascii_lowercase", "is_char_boundary",
        "strip_prefix", "strip_suffix", "matches", "rsplit", "splitn", "eq_ignore_ascii_case",
        "insert_str", "remove", "insert", "truncate", "retain", "drain", "capacity", "into_bytes", "get")
_OPT = ("map", "and_then", "or", "or_else", "ok_or", "ok_or_else", "unwrap_or_else", "filter", "as_ref", "as_mut",
        "iter", "cloned", "copied", "get_or_insert", "insert", "replace", "zip", "is_some_and", "map_or",
        "map_or_else", "flatten", "xor", "and", "expect_err", "map_err", "err", "unwrap_or_default", "is_ok_and")
_CHAR = ("to_uppercase", "to_lowercase", "escape_default", "escape_debug", "encode_utf8", "to_string",
         "eq_ignore_ascii_case", "make_ascii_uppercase", "make_ascii_lowercase", "is_ascii_hexdigit",
         "is_ascii_graphic", "is_ascii_control")
STD_METHODS = {"Vec": _SEQ, "String": _STR, "str": _STR, "Option": _OPT, "Result": _OPT, "Box": ("as_ref",),
               "char": _CHAR}


def _std_method_of(fcx, written, recv, name):
    """The std type (as named in the message) that has a method `name` minirustc does not model, or None."""
    from compiler.std_methods import STD_METHOD_NAMES
    from compiler.ty.types import INT_TYPES
    for t in (written, recv):
        t = resolve(t)
        while isinstance(t, Ty) and t.kind == "ref":
            t = resolve(t.args[0])
        if not isinstance(t, Ty):
            continue
        key, shown = None, None
        if t.kind == "prim":
            key = "int" if t.name in INT_TYPES else "float" if t.name in ("f32", "f64") else t.name
            shown = t.name
        elif t.kind in ("slice", "array"):
            key, shown = "slice", "slice"
        elif t.kind == "adt" and fcx.tcx.resolver.def_at(t.def_index).builtin:
            key = shown = fcx.tcx.resolver.def_at(t.def_index).name
        if key is not None and name in STD_METHOD_NAMES.get(key, ()):
            return shown
    return None


# `Vec` methods that arrays and slices do not have
VEC_ONLY = frozenset({"push", "pop", "insert", "remove", "clear", "truncate", "extend", "extend_from_slice",
                      "reserve", "capacity", "drain", "retain", "dedup", "append", "split_off", "resize",
                      "shrink_to_fit", "swap_remove"})


def _std_name(fcx, t):
    """The standard-library type a method receiver is (after autoderef), for STD_METHODS."""
    t = resolve(t)
    if not isinstance(t, Ty):
        return None
    if t.kind in ("slice", "array"):
        return "Vec"
    if t.kind == "prim":
        return t.name if t.name in ("str", "char") else None
    if t.kind == "adt":
        d = fcx.tcx.resolver.def_at(t.def_index)
        return d.name if d.builtin else None
    return None


def derive_suggestion(d, shown: str, node, trait: str):
    """rustc's "consider annotating `T` with `#[derive(Trait)]`": a line inserted above the item."""
    from compiler.syntax.span import Span
    at = node.span
    line_start = at.file.src.rfind("\n", 0, at.lo) + 1
    indent = at.file.src[line_start:at.lo]
    d.multipart_suggestion(f"consider annotating `{shown}` with `#[derive({trait})]`",
                           [(Span(line_start, line_start, at.file), f"{indent}#[derive({trait})]\n")])


def raise_unsupported(fcx, what, span):
    """An honest one-line error for a part of std the subset does not model."""
    fcx.tcx.dcx.emit(Diag("error", f"minirustc does not support {what} yet").primary(span))
OP_TRAIT = {"+": ("add", "Add"), "-": ("subtract", "Sub"), "*": ("multiply", "Mul"), "/": ("divide", "Div"),
            "%": ("calculate the remainder of", "Rem")}


class TypeckResults:
    """What `typeck` leaves for later passes: each integer literal with its final type and sign, the
    associated fns the body uses (methods and `Type::f`), and the fields it reads."""

    def __init__(self, literals, used_assoc, fields_read, mut_uses=(), locals_=None, constructed=()):
        self.literals = literals        # [(ast.Lit, Ty, negated)]
        self.used_assoc = used_assoc    # [DefId]
        self.fields_read = fields_read  # [(struct DefId, field name)]
        self.mut_uses = list(mut_uses)  # [(binding, "assign" | "borrow", span of the use)]
        self.locals = locals_ or {}     # binding -> its type
        self.constructed = list(constructed)    # variant DefIds built by this body


def typeck(tcx, d):
    fcx = FnCtxt(tcx, d)
    fcx.check_owner()
    return TypeckResults([(lit, _concrete(t), neg) for lit, t, neg in fcx.literals], fcx.used_assoc,
                         fcx.fields_read, fcx.mut_uses, {k: zonk(v) for k, v in fcx.locals.items()},
                         fcx.constructed)


class FnCtxt(ExprMore, PatCheck):
    def __init__(self, tcx, owner):
        self.tcx, self.owner = tcx, owner
        self.locals: dict = {}
        self.ret: Ty = UNIT
        self.param_env: list = []
        self.literals: list = []        # (integer literal, its type or inference variable, negated)
        self.used_assoc: list = []
        self.fields_read: list = []
        self.mut_uses: list = []
        self.uses: list = []            # whole-variable uses, for use-after-move (E0382)
        self.constructed: list = []
        self.pending_matches: list = []
        self._return_blocks: set = set()
        self._tainted_by_callee = False    # a callee's signature has an error in it
        self._emitted: list = []        # this body's errors so far, in the order they were reported
        self.match_diags: list = []     # check_match's, emitted with borrowck's (MIR building checks matches)
        self.loop_depth = 0
        self.unsafe_depth = 0
        self.loop_breaks: list = []     # per enclosing loop: the break values (None for while/for)
        self.loop_labels: list = []     # per enclosing loop: its label or None
        self._last_ty = UNIT
        self.labels_used: set = set()
        self._loop_nodes: list = []
        self.index_moves: list = []     # E0507 diagnostics, emitted by borrowck
        self.method_calls: dict = {}    # MethodCall -> (the method's def, whether the receiver is a reference)
        self.index_bases: dict = {}     # Index -> "vec" or "array", for borrow conflicts

    def err(self, msg, code, span, label="") -> Diag:
        d = Diag("error", msg, code).primary(span, label)
        self.tcx.dcx.emit(d)
        self._emitted.append(d)
        return d

    # ---- entry
    def check_owner(self):
        d, node = self.owner, self.owner.node
        if d.kind in ("const", "static", "assoc_const"):
            ty = self.tcx.query("type_of", d)
            self.check_expr_coercible(node.expr, ty)
            return
        params, ret = self.tcx.query("fn_sig", d)
        self.ret = ret
        if d.kind == "assoc_fn" and d.parent.kind == "trait":
            self.param_env.append((Ty("param", "Self"), d.parent))     # a default method: `Self: Trait`
        for g in [node.generics] + ([d.parent.node.generics] if d.kind == "assoc_fn" else []):
            for p in g.params:
                for b in p.bounds:
                    r = self.tcx.resolver.res.get(b)
                    if r is not None and r.kind == "def":
                        self.param_env.append((Ty("param", p.name), r.target))
            for w in g.where:
                for b in w.bounds:
                    r = self.tcx.resolver.res.get(b)
                    if r is not None and r.kind == "def":
                        self.param_env.append((lower_ty(self.tcx, w.ty), r.target))
        for p, ty in zip(node.params, params):
            if p.pat is not None:
                self.check_pat(p.pat, ty)
            self.locals[p] = ty
        if node.body is not None:
            self.check_block(node.body, ret, fn_body=True)
        self.check_matches()
        self._parse_error_types()
        tainted = hasattr(self.tcx.dcx, "has_errors_within") and node.body is not None and (
            self.tcx.dcx.has_errors_within(node.body.span) or any(
                sp.file is node.span.file and node.span.lo <= sp.lo < node.body.span.lo
                for sp in self.tcx.__dict__.get("resolution_errors", ())))
        if self._tainted_by_callee and hasattr(self.tcx.dcx, "has_errors_within"):
            tainted = True
            self.tcx.__dict__.setdefault("tainted_bodies", set()).add(d)
        if tainted:
            self.match_diags = []       # rustc's `thir_body` fails on a body tainted by errors
        match_errors = any(x.level == "error" for x in self.match_diags)
        drops = self.tcx.__dict__.setdefault("needs_drop_locals", set())
        drops.update(b for b, t in self.locals.items() if self._needs_drop(zonk(t)))
        refs = self.tcx.__dict__.setdefault("ref_locals", set())
        refs.update(b for b, t in self.locals.items() if getattr(resolve(t), "kind", None) == "ref")
        if node.body is not None and (self.mut_uses or self.uses or self.index_moves or self.method_calls or any(
                getattr(b, "mutbl", False) or isinstance(b, ast.Local) and b.init is None for b in self.locals)) \
                and hasattr(self.tcx.dcx, "has_errors_within") and not tainted and not match_errors:
            from compiler.infer import moves, mutability
            diags = mutability.check(self.tcx, d, self.mut_uses)
            moved = moves.check(self.tcx, d, self.uses, self._is_copy,
                                lambda b: zonk(self.locals[b]) if b in self.locals else None, self._non_clone_adt)
            moved += moves.check_uninit(self.tcx, d, self.tcx.resolver) + self.index_moves
            from compiler.infer import conflicts
            moved += conflicts.check(self, d)
            if moved:
                diags = mutability.order([x for x in diags if x.level != "error"],
                                         [x for x in diags if x.level == "error"] + moved, node.span)
        else:
            diags = []
        if self.match_diags or diags:
            # rustc's MIR building checks the matches (`check_match`), then borrowck runs on the MIR
            from compiler.infer.mutability import anchor_in_order
            self.tcx.__dict__.setdefault("borrowck_pending", {})[d] = \
                anchor_in_order(self.match_diags + diags, node.span)
        if match_errors:
            self.tcx.__dict__.setdefault("match_tainted", set()).add(d)     # no MIR: no liveness either

    def check_matches(self):
        """Exhaustiveness and reachability of every `match`, after the body's types are known
        (rustc's `check_match`, run on the typed body)."""
        from compiler.typeck.exhaustive import check_match
        for m, scrut in self.pending_matches:
            check_match(self, m, zonk(scrut))

    # ---- coercion
    def unify(self, expected, found) -> bool:
        e, f = resolve(expected), resolve(found)
        if e is f:
            return True
        if isinstance(e, Ty) and (e.is_error or e.kind == "never"):
            return True
        if isinstance(f, Ty) and (f.is_error or f.kind == "never"):
            return True
        if isinstance(e, TyVar):
            e.resolved = f
            return True
        if isinstance(f, TyVar):
            f.resolved = e
            return True
        if isinstance(e, IntVar):
            if isinstance(f, IntVar):
                if type(e) is not type(f):
                    return False
                e.resolved = f
                return True
            if e.accepts(f):
                e.resolved = f
                return True
            return False
        if isinstance(f, IntVar):
            if f.accepts(e):
                f.resolved = e
                return True
            return False
        if e.kind != f.kind or e.name != f.name or len(e.args) != len(f.args) or e.mutbl != f.mutbl \
                or (e.length != f.length and e.length is not None and f.length is not None):
            return False
        return all(self.unify(a, b) for a, b in zip(e.args, f.args))

    def _mark_return_blocks(self, e):
        """The blocks of an `if`/`else` chain in the body's tail: their tails coerce to the return type."""
        while isinstance(e, ast.If) and e.els is not None:
            self._return_blocks.add(e.then)
            e = e.els
            if isinstance(e, ast.BlockExpr):
                self._return_blocks.add(e.block)

    def _return_type_label(self, d: Diag, expected):
        ret = getattr(self.owner.node, "ret", None)
        if ret is not None:
            shown = show(expected)
            e = resolve(expected)
            if isinstance(ret, ast.TyRef) and ret.lifetime is not None and ret.lifetime.name != "'_" and \
                    isinstance(e, Ty) and e.kind == "ref":     # a named lifetime is part of the type rustc shows
                shown = f"`&{ret.lifetime.name} {'mut ' if e.mutbl else ''}{str(zonk(e.args[0], default=False))}`"
            d.span_label(ret.span, f"expected {shown} because of return type")

    def mismatch(self, expected, found, span) -> Diag:
        e, f = resolve(expected), resolve(found)
        if isinstance(e, Ty) and isinstance(f, Ty) and e.kind == f.kind == "ref" and e.mutbl != f.mutbl:
            d = self.err("mismatched types", "E0308", span, "types differ in mutability")
        else:
            d = self.err("mismatched types", "E0308", span, f"expected {show(expected)}, found {show(found)}")
        _expected_found_note(d, e, f, self._adt_kind)
        if _float_ness(e) and isinstance(f, IntVar) and not isinstance(f, FloatVar) and span.file is not None \
                and all(c.isdigit() or c in "-_" for c in span.file.src[span.lo:span.hi]):
            # rustc's `note_and_explain_type_err` for a float expected where an integer literal was written
            from compiler.syntax.span import Span
            d.multipart_suggestion("use a float literal", [(Span(span.hi, span.hi, span.file), ".0")])
        return d

    def _adt_kind(self, t) -> str:
        return "enum" if self.tcx.resolver.def_at(t.def_index).kind == "enum" else "struct"

    def check_expr_coercible(self, e, expected, let_ty_span=None):
        found = self.check_expr(e, expected)
        if not self.coerce(expected, found):
            d = self.mismatch(expected, found, self._mismatch_span(e))
            static_str_note(d, e)
            if let_ty_span is not None:
                d.span_label(let_ty_span, "expected due to this")
            self._conversion_help(d, e, expected, found)
        return found

    @staticmethod
    def _mismatch_tail(e):
        while isinstance(e, ast.BlockExpr) and e.block.tail is not None:
            e = e.block.tail
        return e

    @staticmethod
    def _mismatch_span(e):
        if isinstance(e, ast.BlockExpr) and e.block.tail is not None:
            return FnCtxt._mismatch_span(e.block.tail)
        return e.span

    # ---- blocks and statements
    def check_block(self, b: ast.Block, expected, fn_body=False):
        diverges = False
        for s in b.stmts:
            if isinstance(s, ast.Local):
                if s.ty is not None:
                    ty = lower_ty(self.tcx, s.ty)
                    if s.init is not None:
                        if isinstance(s.init, ast.If) and s.pat is None:
                            self._if_reason = (s.name_span, "expected because of this assignment")
                        init_ty = self.check_expr(s.init, ty)
                        if not self.coerce(ty, init_ty):
                            d = self.mismatch(ty, init_ty, self._mismatch_span(s.init))
                            static_str_note(d, s.init)
                            if not isinstance(s.init, (ast.If, ast.BlockExpr, ast.Match)):
                                d.span_label(s.ty.span, "expected due to this")
                            self._conversion_help(d, s.init, ty, init_ty)
                else:
                    if isinstance(s.init, ast.If) and s.init.els is None:
                        self._if_value = s.init         # `let x = if c { v };`: the value is used
                    ty = self.check_expr(s.init, None) if s.init is not None else TyVar()
                    if isinstance(ty, Ty) and ty.kind == "never" and s.init is not None:
                        ty = TyVar()
                if s.init is not None:
                    self._use(s.init, "move")
                    self._move_out_of_index(s.init, ty)
                    self._move_out_of_ref_field(s.init, ty)
                if s.els is not None:
                    self.check_block(s.els, NEVER)
                if s.pat is not None:
                    self.pat_origin = s.init
                    self.check_pat(s.pat, ty)
                    self.pat_origin = None
                self.locals[s] = ty
            elif s.semi or s is not b.stmts[-1]:
                t = self.check_expr(s.expr, None)
                self._last_ty = t
                if isinstance(resolve(t), Ty) and resolve(t).kind == "never":
                    if not diverges:
                        self._warn_unreachable(b, s)
                    diverges = True
                if s.semi:
                    self._must_use(s.expr, t)
        tail = b.tail
        if tail is not None:
            if fn_body:
                self._use(tail, "move")
                self._tail_of_body = tail
                self._mark_return_blocks(tail)
                if isinstance(tail, ast.If) and getattr(self.owner.node, "ret", None) is not None:
                    self._if_reason = (self.owner.node.ret.span,
                                       f"expected {show(expected)} because of this return type")
            owner_if = getattr(self, "_if_without_else", None)
            owner_if = owner_if if owner_if is not None and owner_if.then is b else None
            self._if_without_else = None
            found = self.check_expr(tail, expected)
            if fn_body:
                self._move_out_of_ref_field(tail, found, borrow_help=False)     # returned from behind `&`
            if expected is not None and not self.coerce(expected, found):
                d = self.mismatch(expected, found, self._mismatch_span(tail))
                if fn_body or b in self._return_blocks:
                    self._return_type_label(d, expected)
                if owner_if is not None:
                    from compiler.syntax.span import Span
                    d.span_label(owner_if.span, "`if` expressions without `else` arms expect their inner expression "
                                                "to be `()`")
                    if self.coerce(self.ret, found) and not _has_vars(zonk(found)):
                        d.multipart_suggestion("you might have meant to return this value", [
                            (Span(tail.span.lo, tail.span.lo, tail.span.file), "return "),
                            (Span(tail.span.hi, tail.span.hi, tail.span.file), ";")])
                    return ERROR
                self._conversion_help(d, self._mismatch_tail(tail), expected, found)
                return ERROR
            return found
        if diverges:
            return NEVER
        if expected is not None and not self.unify(expected, UNIT):
            if fn_body:
                d = self.err("mismatched types", "E0308", self.owner.node.ret.span,
                             f"expected {show(expected)}, found `()`")
                d.span_label(self.owner.node.ident_span, "implicitly returns `()` as its body has no tail or `return` "
                             "expression")
                last = b.stmts[-1] if b.stmts else None
                if isinstance(last, ast.ExprStmt) and last.semi and not isinstance(resolve(self._last_ty), TyVar) \
                        and self.coerce(expected, self._last_ty):
                    from compiler.syntax.span import Span
                    d.span_label(Span(last.span.hi - 1, last.span.hi, last.span.file),
                                 "help: remove this semicolon to return this value")
                elif last is not None:
                    self._suggest_returning_binding(d, b, expected)
            else:
                self.mismatch(expected, UNIT, b.span)
            return ERROR
        return UNIT

    # ---- expressions
    def check_expr(self, e, expected):
        m = getattr(self, "expr_" + type(e).__name__)
        return m(e, expected)

    def expr_Lit(self, e, expected, negated: bool = False):
        if e.kind == "int":
            if e.suffix:
                t = prim(e.suffix)
            else:
                exp = resolve(expected) if expected is not None else None
                t = exp if isinstance(exp, Ty) and exp.is_integral else IntVar()
            self.literals.append((e, t, negated))
            return t
        if e.kind == "float":
            if e.suffix:
                return prim(e.suffix)
            exp = resolve(expected) if expected is not None else None
            return exp if isinstance(exp, Ty) and exp.is_float else FloatVar()
        if e.kind == "bool":
            return BOOL
        if e.kind == "str":
            return STR_REF
        return prim("char")

    def expr_Paren(self, e, expected):
        return self.check_expr(e.inner, expected)

    def expr_BlockExpr(self, e, expected):
        if e.unsafe:
            self.unsafe_depth += 1
            try:
                return self.check_block(e.block, expected)
            finally:
                self.unsafe_depth -= 1
        return self.check_block(e.block, expected)

    def _res(self, path):
        return self.tcx.resolver.res.get(path)

    def _assoc_fn(self, self_ty: Ty, name: str, method: bool):
        """An associated function `name` of `self_ty`: inherent impls first, then trait impls. Returns
        (fn DefId, substitution for the impl's generics) or None."""
        from compiler.traits.select import match_ty
        impls = list(self.tcx.resolver.all_impls())
        impls.sort(key=lambda d: (d.builtin, d.node.trait_ref is not None))
        for impl_def in impls:
            subst: dict = {}
            if not match_ty(type_of_any(self.tcx, impl_def), self_ty, subst):
                continue
            for f in impl_def.node.items:
                if f.name == name and (not method or (f.params and f.params[0].name == "self")):
                    return self.tcx.resolver.def_of[f], subst
            tr = self.tcx.resolver.res.get(impl_def.node.trait_ref) if impl_def.node.trait_ref else None
            if tr is not None and tr.kind == "def" and tr.target.kind == "trait":
                for f in tr.target.node.items:      # a trait method the impl does not define (a default,
                    if f.name == name and (not method or (f.params and   # or missing: E0046 is reported)
                                                                                 f.params[0].name == "self")):
                        return self.tcx.resolver.def_of[f], {**subst, "Self": self_ty}
        return None

    def _generic_param(self, ty):
        """The declaration of the generic parameter `ty` names, in the owner or its impl."""
        if not isinstance(ty, Ty) or ty.kind != "param":
            return None
        owner = self.owner
        gens = [owner.node.generics] + ([owner.parent.node.generics] if owner.kind == "assoc_fn" else [])
        for g in gens:
            for p in g.params:
                if p.name == ty.name:
                    return p
        return None

    def bounds_of(self, ty: Ty) -> list:
        """The bound paths written on the type parameter `ty`, inline or in where-clauses, of the owner
        and of its impl."""
        owner = self.owner
        gens = [owner.node.generics] + ([owner.parent.node.generics] if owner.kind == "assoc_fn" else [])
        out = []
        for g in gens:
            out += [b for p in g.params if p.name == ty.name for b in p.bounds]
            out += [b for w in g.where if isinstance(w.ty, ast.TyPath) and len(w.ty.path.segments) == 1
                    and w.ty.path.segments[0].name == ty.name for b in w.bounds]
        return out

    def _unresolved_bound(self, ty: Ty) -> bool:
        """Whether a bound on the type parameter `ty` (inline or in a where-clause) failed to resolve."""
        res = self.tcx.resolver.res
        return any(res.get(b) is None or res[b].kind == "err" for b in self.bounds_of(ty))

    def _bound_method(self, self_ty: Ty, name: str):
        """A method of a trait that the param-env says `self_ty` implements (`T: Speak`, a where-clause):
        the trait's own declaration, with `Self` standing for `self_ty`."""
        for t, trait in self.param_env:
            if t != self_ty:
                continue
            for f in trait.node.items:
                if f.name == name and f.params and f.params[0].name == "self":
                    return self.tcx.resolver.def_of[f], {"Self": self_ty}
        return None

    def _int_receiver(self, var, name: str):
        """`1.m()`: an integer variable takes the one integer type with a method `m`, else stays open."""
        from compiler.ty.types import INT_TYPES
        hits = []
        for impl_def in (d for d in self.tcx.resolver.defs if d.kind == "impl"):
            ty = self.tcx.query("type_of", impl_def)
            if ty.kind == "prim" and ty.name in INT_TYPES and any(
                    f.name == name and f.params and f.params[0].name == "self" for f in impl_def.node.items):
                hits.append(ty)
        if len(set(hits)) == 1:
            self.unify(var, hits[0])
            return hits[0]
        return var

    def _type_relative(self, res):
        owner, seg = res.target
        if owner.kind == "param":
            return self._param_assoc_fn(Ty("param", owner.name), seg)
        self_ty = type_of_any(self.tcx, owner)
        found = self._assoc_fn(self_ty, seg.name, method=False)
        if found is None and owner.kind != "impl":
            found = self._trait_assoc_fn(self_ty, seg.name)
        if found is None:
            kind = "enum" if owner.kind == "enum" else "struct"
            what = "variant or associated item" if kind == "enum" else "function or associated item"
            d = self.err(f"no {what} named `{seg.name}` found for {kind} `{self_ty}` in the current scope", "E0599",
                         seg.span, f"{what} not found in `{self_ty}`")
            if owner.kind in ("struct", "enum") and not owner.builtin:
                d.span_label(owner.node.def_span, f"{what} `{seg.name}` not found for this {kind}")
            similar = _similar(seg.name, sorted(owner.variants)) if owner.kind == "enum" else None
            if similar is not None:
                d.multipart_suggestion("there is a variant with a similar name", _edit(seg.span, seg.name, similar))
        return found

    def _param_assoc_fn(self, self_ty, seg):
        """`T::f`: an associated function of a trait the param-env bounds `T` by."""
        for t, trait in self.param_env:
            if t == self_ty:
                for f in trait.node.items:
                    if f.name == seg.name:
                        return self.tcx.resolver.def_of[f], {"Self": self_ty}
        what = "function or associated item"
        d = self.err(f"no {what} named `{seg.name}` found for type parameter `{self_ty}` in the current scope",
                     "E0599", seg.span, f"{what} not found in `{self_ty}`")
        param = self._generic_param(self_ty)
        if param is not None:
            d.span_label(param.span, f"{what} `{seg.name}` not found for this type parameter")
            traits = [t for t in self.tcx.resolver.defs if t.kind == "trait" and any(
                f.name == seg.name for f in t.node.items)]
            if len(traits) == 1:
                d.help("items from traits can only be used if the type parameter is bounded by the trait")
                at = (param.bounds[-1].span if param.bounds else param.span).shrink_to_hi()
                d.multipart_suggestion(f"the following trait defines an item `{seg.name}`, perhaps you need to "
                                       f"restrict type parameter `{param.name}` with it:",
                                       [(at, (" + " if param.bounds else ": ") + traits[0].name)])
        return None

    def _assoc_const(self, res):
        """`Type::NAME` / `Self::NAME`: an associated constant of an impl of the type, or the default of
        a trait it implements."""
        from compiler.traits.select import match_ty
        owner, seg = res.target
        if owner.kind == "param":
            return None
        self_ty = type_of_any(self.tcx, owner)
        for impl_def in self.tcx.resolver.all_impls():
            subst: dict = {}
            if not impl_def.node.consts or not match_ty(type_of_any(self.tcx, impl_def), self_ty, subst):
                continue
            for c in impl_def.node.consts:
                if c.name == seg.name:
                    return self.tcx.resolver.def_of[c]
            tr = self.tcx.resolver.res.get(impl_def.node.trait_ref) if impl_def.node.trait_ref else None
            if tr is not None and tr.kind == "def":
                for c in tr.target.node.consts:
                    if c.name == seg.name and c.expr is not None:
                        return self.tcx.resolver.def_of[c]
        return None

    def _trait_assoc_fn(self, self_ty, name):
        """`T::default()`-style calls of a prelude trait's associated fn on a type implementing it."""
        from compiler.traits.select import SelectionContext
        r = self.tcx.resolver
        for trait in (d for d in r.prelude.defs if d.kind == "trait"):
            f = next((f for f in trait.node.items if f.name == name), None)
            if f is not None and SelectionContext(self.tcx, self.param_env).evaluate(self_ty, trait, None):
                return r.def_of[f], {"Self": self_ty}
        return None

    def _check_deprecated(self, d, path, text=None):
        attr = next((a for a in d.node.attrs if a.name == "deprecated"), None)
        if attr is not None:
            from compiler.lint.builtin import lint
            from compiler.passes.check_attr import TARGET_ONE
            text = text or path.span.file.src[path.span.lo:path.span.hi]
            what = TARGET_ONE.get(d.kind, "item")
            if d.kind == "struct" and getattr(d.node, "kind", None) in ("unit", "tuple"):
                what = f"{d.node.kind} struct"
            note = _deprecation_note(attr)
            lint(self.tcx, "deprecated", self.owner,
                 f"use of deprecated {what} `{text}`" + (f": {note}" if note else ""), path.segments[-1].span)

    def expr_PathExpr(self, e, expected):
        r = self._res(e.path)
        if r is None or r.kind == "err":
            return ERROR
        if r.kind == "local":
            return self.locals.get(r.target, ERROR)
        if r.kind == "prim_const":
            prim_name, const = r.target
            return prim("u32") if const == "BITS" else prim(prim_name)
        if r.kind == "type_relative":
            c = self._assoc_const(r)
            if c is not None:
                self.used_assoc.append(c)
                if r.target[0].kind == "struct":
                    self.constructed.append(r.target[0])    # rustc counts the type as used
                return type_of_any(self.tcx, c)
            found = self._type_relative(r)
            if found is not None:
                self.used_assoc.append(found[0])
            return ERROR if found is None else Ty("fndef", found[0].name, def_index=found[0].index)
        if r.kind != "def":
            return ERROR
        d = r.target
        self._check_deprecated(d, e.path)
        if d.kind in ("const", "static", "assoc_const"):
            if d.kind == "static" and d.node.mutbl and not self.unsafe_depth:
                self.unsafe_static(e)
            return type_of_any(self.tcx, d)
        if d.kind == "struct" and d.node.kind == "unit":
            return self.tcx.query("type_of", d)
        if d.kind == "variant":
            self.constructed.append(d)
            if d.node.kind == "unit":
                return self._variant_adt(d, expected)
        return Ty("fndef", d.name, def_index=d.index)

    def _variant_adt(self, v, expected):
        t = self.fresh_adt(v.parent)
        exp = resolve(expected)
        if isinstance(exp, Ty) and exp.kind == "adt" and exp.def_index == v.parent.index:
            self.unify(exp, t)
        return t

    def unsafe_static(self, e):
        d = self.err("use of mutable static is unsafe and requires unsafe function or block", "E0133", e.span,
                     "use of mutable static")
        d.note("mutable statics can be mutated by multiple threads: aliasing violations or data races will cause "
               "undefined behavior")

    def _prim_fn_call(self, e, r):
        """`f64::max(a, b)`, `i32::pow(x, 2)`: a primitive's method called as a path."""
        prim_name, name = r.target
        found = self._assoc_fn(prim(prim_name), name, method=False)
        if found is None:
            for a in e.args:
                self.check_expr(a, None)
            raise_unsupported(self, f"`{prim_name}::{name}`", e.func.span)
            return ERROR
        d, subst = found
        params, ret = self.fn_sig(d)
        subst = {**subst, "Self": prim(prim_name)}
        if d.node.generics.params:
            subst.update(self._infer_subst(d.node.generics, e.func.path, params, e.args))
        self._check_args(e, d, [p.subst(subst) for p in params], fn_like=True)
        if name == "from":          # `u32::from(x)`: std's `From` impls between primitives
            from compiler.typeck.from_impls import check_from
            check_from(self, prim_name, resolve(zonk(subst["S"], default=False)), e.func.path.segments[0].span)
        return ret.subst(subst)

    def expr_Call(self, e, expected):
        callee = e.func
        r = self._res(callee.path) if isinstance(callee, ast.PathExpr) else None
        if r is not None and r.kind == "prim_fn":
            return self._prim_fn_call(e, r)
        if r is not None and r.kind == "trait_relative":
            return self._trait_relative_call(e, r.target[0], r.target[1], expected)
        if r is not None and r.kind == "type_relative":
            found = self._type_relative(r)
            if found is not None:
                self.used_assoc.append(found[0])
            if found is None:
                for a in e.args:
                    self.check_expr(a, None)
                return ERROR
            d, impl_subst = found
            self._check_private_assoc(d, callee.path.segments[-1].span, "associated function")
            if d.builtin and r.target[0].kind == "struct":
                self.constructed.append(r.target[0])      # `S::default()` of a derive builds an `S`
            params, ret = self.fn_sig(d)
            subst = {k: v for k, v in impl_subst.items() if not (isinstance(v, Ty) and v.kind == "param"
                                                                 and v.name == k)}
            segs = callee.path.segments
            owner = r.target[0]
            if len(segs) >= 2 and segs[-2].args and owner.kind == "struct":   # `W::<u8>::new`
                names = [p.name for p in owner.node.generics.params]
                subst.update(zip(names, [lower_ty(self.tcx, a) for a in segs[-2].args]))
            subst.update(self._infer_subst(d.node.generics, callee.path, params, e.args,
                                           extra=[n for n in self._impl_params(d) if n not in subst]))
            exp = resolve(expected)
            if isinstance(exp, Ty) and not exp.is_error:
                self.unify(exp, ret.subst(subst))          # the expectation guides inference (`Vec::new()`)
            self._check_args(e, d, [p.subst(subst) for p in params], fn_like=True)
            if d.builtin and d.name == "from" and "S" in subst and len(segs) == 2:     # `String::from(x)`
                from compiler.typeck.from_impls import check_from
                check_from(self, owner.name, resolve(zonk(subst["S"], default=False)), segs[0].span)
            return ret.subst(subst)
        if r is None or r.kind != "def":
            for a in e.args:
                self.check_expr(a, None)
            if r is not None and r.kind == "local":
                t = self.locals.get(r.target, ERROR)
                rt = resolve(t)
                if not (isinstance(rt, Ty) and rt.is_error):
                    shown = str(zonk(rt, default=False)) if isinstance(rt, Ty) else str(rt)
                    d = self.err(f"expected function, found `{shown}`", "E0618", callee.span)
                    b = r.target
                    if hasattr(b, "name_span"):
                        d.span_label(b.name_span, f"`{b.name}` has type `{shown}`")
                    d.span_label(e.span, "call expression requires function")
            return ERROR
        if r.target.kind in ("const", "static"):
            for a in e.args:
                self.check_expr(a, None)
            t = type_of_any(self.tcx, r.target)
            if not t.is_error:
                d = self.err(f"expected function, found `{t}`", "E0618", callee.span)
                d.span_label(r.target.node.def_span, f"`{r.target.name}` defined here")
                d.span_label(e.span, "call expression requires function")
            return ERROR
        d = r.target
        self._check_deprecated(d, callee.path)
        if d.kind == "variant" and d.node.kind == "tuple":
            self.constructed.append(d)
            adt = self._variant_adt(d, expected)
            fields = [t for _, t in self.fields_of(d, adt)]
            self._check_args(e, d, fields, fn_like=False, what="enum variant")
            return adt
        if d.kind == "struct" and d.node.kind == "tuple":
            fields = [t for _, t in field_tys(self.tcx, d)]
            subst = self._infer_subst(d.node.generics, callee.path, fields, e.args)
            self._check_args(e, d, [t.subst(subst) for t in fields], fn_like=False)
            return self.tcx.query("type_of", d).subst(subst)
        if d.kind not in ("fn", "assoc_fn"):
            for a in e.args:
                self.check_expr(a, None)
            return ERROR
        if self.owner.kind in ("const", "static", "assoc_const") and not getattr(d.node, "is_const", False):
            where = "statics" if self.owner.kind == "static" else "constants"
            diag = self.err(f"cannot call non-const function `{d.name}` in {where}", "E0015", e.span)
            diag.span_note(d.node.def_span, f"function `{d.name}` is not const")
            diag.note(f"calls in {where} are limited to constant functions, tuple structs and tuple variants")
        params, ret = self.fn_sig(d)
        subst = self._infer_subst(d.node.generics, callee.path, params, e.args)
        self._check_args(e, d, [p.subst(subst) for p in params], fn_like=True)
        self._check_bounds(d, {k: zonk(v) for k, v in subst.items()}, callee.span)
        return ret.subst(subst)

    def _trait_relative_call(self, e, trait, seg, expected):
        """`Trait::f(args)`: `Self` is the first argument's type for a method (`Clone::clone(&x)`), else
        the expected type (`let c: Config = Default::default()`); the call is then `Self::f(args)`."""
        f = next((x for x in trait.node.items if x.name == seg.name), None)
        if f is None:           # rustc then reads `Trait::x` as a bare trait object type
            for a in e.args:
                self.check_expr(a, None)
            from compiler.syntax.span import Span
            head = e.func.path.segments[0].span
            d = self.err("expected a type, found a trait", "E0782", head)
            d.multipart_suggestion("you can add the `dyn` keyword if you want a trait object",
                                   [(Span(head.lo, head.lo, head.file), "<dyn "), (Span(head.hi, head.hi, head.file), ">")])
            return ERROR
        if f.params and f.params[0].name == "self" and e.args:
            first = resolve(self.check_expr(e.args[0], None))
            self_ty = resolve(first.args[0]) if isinstance(first, Ty) and first.kind == "ref" and \
                isinstance(f.params[0].ty, ast.TyRef) else first
            rest, args = f.params[1:], e.args[1:]
        else:
            self_ty, rest, args = resolve(expected) if expected is not None else None, f.params, e.args
        if not isinstance(self_ty, Ty) or self_ty.is_error or _has_vars(self_ty):
            for a in args:
                self.check_expr(a, None)
            return TyVar() if not (isinstance(self_ty, Ty) and self_ty.is_error) else ERROR
        found = self._assoc_fn(self_ty, seg.name, method=False) or self._trait_assoc_fn(self_ty, seg.name)
        owner = found[0].parent if found is not None else None
        of_trait = owner is trait or owner is not None and owner.kind == "impl" and \
            owner.node.trait_ref is not None and getattr(self.tcx.resolver.res.get(owner.node.trait_ref),
                                                         "target", None) is trait
        if not of_trait:        # no impl of this trait for `Self` (an inherent `f` does not count)
            for a in args:
                self.check_expr(a, None)
            d = self.err(f"the trait bound `{self_ty}: {trait.name}` is not satisfied", "E0277", e.span,
                         f"the trait `{trait.name}` is not implemented for `{self_ty}`")
            self._fulfillment_order(d)      # an obligation: reported at the end of the body
            adt = self._local_adt(self_ty)
            from compiler.prelude import DERIVABLE
            from compiler.typeck.fmt_check import _fields_implement
            if adt is not None and trait.builtin and trait.name in DERIVABLE and \
                    _fields_implement(self, adt, self_ty, trait.name, e.span):
                derive_suggestion(d, str(self_ty), adt.node, trait.name)
            return ERROR
        d, subst = found
        params, ret = self.fn_sig(d)
        subst = {**subst, "Self": self_ty}
        for a, p in zip(args, params[len(params) - len(args):] if len(params) >= len(args) else params):
            self.check_expr_coercible(a, p.subst(subst))
        return ret.subst(subst)

    def _impl_params(self, d) -> list[str]:
        """The generic parameters of an associated fn's impl (`impl<T> W<T>`)."""
        if d.kind != "assoc_fn":
            return []
        return [p.name for p in d.parent.node.generics.params] + (["Self"] if d.parent.kind == "trait" else [])

    def _infer_subst(self, generics, path, params, args, extra=()) -> dict:
        """Generic arguments from the turbofish, then by matching parameter types against arguments
        (also for the impl's parameters in `extra`). Records where each one came from, for E0277."""
        names = [p.name for p in generics.params]
        explicit = path.segments[-1].args
        subst = dict(zip(names, [lower_ty(self.tcx, a) for a in explicit]))
        self.arg_origin = {n: a.span for n, a in zip(names, explicit)}
        generic = (set(names) | set(extra)) - set(subst)
        if generic and len(args) == len(params):
            for a, p in zip(args, params):
                if _mentions(p, generic):
                    _bind(p, _inferred(self.check_expr(a, None)), subst)
                    inner = p.args[0] if p.kind == "ref" and p.args else p
                    if inner.kind == "param" and sum(_mentions(q, {inner.name}) for q in params) == 1:
                        self.arg_origin.setdefault(inner.name, (a.span, "arg"))
        for n in generic:
            subst.setdefault(n, TyVar())
        return subst

    def _check_bounds(self, d, subst, callee_span):
        scx = SelectionContext(self.tcx, self.param_env)
        preds = []
        for p in d.node.generics.params:
            for b in p.bounds:
                preds.append((Ty("param", p.name), b))
        for w in d.node.generics.where:
            for b in w.bounds:
                preds.append((lower_ty(self.tcx, w.ty), b))
        for ty, b in preds:
            t = ty.subst(subst)
            if not isinstance(t, Ty) or t.kind == "param" and t.name not in subst or _has_vars(t):
                continue
            r = self._res(b)
            if r is None or r.kind != "def" or t.references_error():
                continue
            if scx.evaluate(t, r.target, b.span):
                continue
            leaf_ty, leaf_tr = scx.leaf_failure(t, r.target, b.span)
            origin = self.arg_origin.get(ty.name) if ty.kind == "param" else None
            diag = Diag("error", f"the trait bound `{leaf_ty}: {leaf_tr.name}` is not satisfied", "E0277")
            label = f"the trait `{leaf_tr.name}` is not implemented for `{leaf_ty}`"
            local = leaf_ty.kind == "adt" and not self.tcx.resolver.def_at(leaf_ty.def_index).builtin
            if local:
                label = "unsatisfied trait bound"
            if isinstance(origin, tuple):
                diag.primary(origin[0], label)
                diag.span_label(callee_span, "required by a bound introduced by this call")
            else:
                diag.primary(origin if origin is not None else callee_span, label)
            if local:
                adt = self.tcx.resolver.def_at(leaf_ty.def_index)
                diag.children.append(SubDiag("help", f"the trait `{leaf_tr.name}` is not implemented for `{leaf_ty}`",
                                             [Label(adt.node.def_span, "", True)]))
            if not leaf_tr.builtin:
                impls = self.tcx.impls_of(leaf_tr)
                if len(impls) == 1:
                    shown = str(type_of_any(self.tcx, impls[0]))
                    diag.children.append(SubDiag("help", f"the trait `{leaf_tr.name}` is implemented for `{shown}`",
                                                 [Label(impls[0].node.head_span, "", True)]))
                elif not impls:
                    diag.children.append(SubDiag("help", "this trait has no implementations, consider adding one",
                                                 [Label(leaf_tr.node.def_span, "", True)]))
            diag.children.append(SubDiag("note", f"required by a bound in `{d.name}`",
                                         [Label(b.span, f"required by this bound in `{d.name}`", True)]))
            self.tcx.dcx.emit(diag)

    def _check_args(self, e, d, params, fn_like, what=None):
        args = e.args
        if len(args) != len(params):
            n, m = len(params), len(args)
            plural = lambda k: f"{k} argument" + ("" if k == 1 else "s")  # noqa: E731
            verb = "was" if m == 1 else "were"
            diag = Diag("error", f"this {what or ('function' if fn_like else 'struct')} takes {plural(n)} but "
                                 f"{plural(m)} {verb} supplied", "E0061")
            diag.primary(e.func.span)
            tys = [self.check_expr(a, None) for a in args]
            self._arg_count_details(diag, e, d, params, tys, what or ("function" if fn_like else "tuple struct"))
            self.tcx.dcx.emit(diag)
            return
        fparams = [x for x in getattr(d.node, "params", []) if x.name != "self"] if d.kind in ("fn", "assoc_fn") else []
        bad = []
        for i, (a, p) in enumerate(zip(args, params)):
            if not (isinstance(resolve(p), Ty) and resolve(p).kind == "ref"):
                self._use(a, "move", callee=d if fn_like and i < len(fparams) else None,
                          param=fparams[i] if fn_like and i < len(fparams) else None)
            found = self.check_expr(a, p)
            if not (isinstance(resolve(p), Ty) and resolve(p).kind == "ref"):
                self._move_out_of_index(a, found, borrow_help=False)
                self._move_out_of_ref_field(a, found, borrow_help=False)
            if not self.coerce(p, found):
                bad.append((a, p, found, d.node.params[i] if fn_like and i < len(d.node.params) else None))
        if bad:
            self._arg_mismatches(e.func.span, what or "function", d.node.ident_span if fn_like else None, bad,
                                 "associated function" if d.kind == "assoc_fn" else None)

    def _arg_mismatches(self, callee_span, what, defined_at, bad, defined_what=None):
        """E0308 for arguments of the wrong type: rustc's one error for one argument, and its
        "arguments to this function are incorrect" for several."""
        if len(bad) == 1:
            a, p, found, param = bad[0]
            diag = self.mismatch(p, found, self._mismatch_span(a))
            static_str_note(diag, a)
            diag.span_label(callee_span, f"arguments to this {what} are incorrect")
        else:
            diag = Diag("error", f"arguments to this {what} are incorrect", "E0308").primary(callee_span)
            for a, p, found, _ in bad:
                diag.span_label(self._mismatch_span(a), f"expected {show(p)}, found {show(found)}")
            self.tcx.dcx.emit(diag)
        if defined_at is not None:
            diag.span_note(defined_at, f"{defined_what or what} defined here",
                           [Label(self._param_span(param), "", False) for *_, param in bad if param is not None])
        for a, p, found, _ in bad:
            if len(bad) == 1:
                self._conversion_help(diag, a, p, found)
            else:       # with several bad arguments rustc keeps its numeric conversions only
                self._conversion_help(diag, a, p, found, only_cast=True)

    def _wrap_help(self, diag, a, e, f) -> bool:
        """rustc's `suggest_compatible_variants`: `Some(x)` / `Ok(x)` where an `Option` / `Result` of x's type
        is expected."""
        from compiler.syntax.span import Span
        for name, wrap in (("Option", "Some"), ("Result", "Ok")):
            if self.is_adt(e, name) and _same_shape(resolve(e.args[0]), f):
                diag.multipart_suggestion(f"try wrapping the expression in `{wrap}`",
                                          [(Span(a.span.lo, a.span.lo, a.span.file), f"{wrap}("),
                                           (Span(a.span.hi, a.span.hi, a.span.file), ")")])
                return True
        adt = self._local_adt(e)        # a struct of one field of the found type: `P { x: expr }`
        if adt is not None and adt.kind == "struct" and not e.args and len(adt.node.fields) == 1 and \
                isinstance(f, Ty) and _same_shape(field_tys(self.tcx, adt)[0][1], f):
            field = adt.node.fields[0]
            opening = f"{adt.name}(" if adt.node.kind == "tuple" else f"{adt.name} {{ {field.name}: "
            diag.multipart_suggestion(f"try wrapping the expression in `{adt.name}`",
                                      [(Span(a.span.lo, a.span.lo, a.span.file), opening),
                                       (Span(a.span.hi, a.span.hi, a.span.file), ")" if adt.node.kind == "tuple"
                                        else " }")])
            return True
        return False

    @staticmethod
    def _param_span(p):
        return p.name_span.to(p.ty.span) if p.ty is not None else p.name_span

    def _conversion_help(self, diag, a, expected, found, cast=True, only_cast=False, only_quotes=False):
        """rustc's `.to_string()` help when a `&str` is given where a `String` is expected, its numeric
        conversions, borrowing, and unwrapping an `Option`."""
        from compiler.syntax.span import Span
        from compiler.typeck.numeric_cast import cast_help
        e, f = resolve(expected), resolve(found)
        if cast and isinstance(e, Ty) and isinstance(f, Ty) and e.is_numeric and f.is_numeric and \
                isinstance(a, ast.Lit) and a.suffix and e != f:
            # a suffixed literal: change its suffix (from an integer type, the fractional part goes too)
            text = a.span.file.src[a.span.lo:a.span.hi][:-len(a.suffix)]
            keep = len(text.split(".")[0]) if e.is_integral and f.is_float else len(text)
            diag.multipart_suggestion(f"change the type of the numeric literal from `{f}` to `{e}`",
                                      [(Span(a.span.lo + keep, a.span.hi, a.span.file), str(e))])
            return
        if cast and isinstance(e, Ty) and isinstance(f, Ty) and e.is_numeric and f.is_numeric and \
                not isinstance(a, ast.Lit) and not (isinstance(a, ast.Unary) and a.op == "-"):
            h = cast_help(str(f), str(e))
            if h is not None:
                msg, text = h
                postfix = isinstance(a, (ast.PathExpr, ast.Field, ast.MethodCall, ast.Call, ast.Index, ast.Paren))
                parts = [(Span(a.span.hi, a.span.hi, a.span.file), text)] if postfix else \
                    [(Span(a.span.lo, a.span.lo, a.span.file), "("), (Span(a.span.hi, a.span.hi, a.span.file), ")" + text)]
                diag.multipart_suggestion(msg, parts)
            return
        if only_cast:
            return
        if isinstance(a, ast.Lit) and a.kind == "str" and len(a.value) == 1 and e == prim("char"):
            diag.multipart_suggestion("if you meant to write a `char` literal, use single quotes",
                                      [(a.span, _char_lit(a.value))])
            return
        if isinstance(a, ast.Lit) and a.kind == "char" and e == STR_REF:
            diag.multipart_suggestion("if you meant to write a string literal, use double quotes",
                                      [(a.span, '"' + a.span.file.src[a.span.lo + 1:a.span.hi - 1] + '"')])
            return
        if only_quotes:
            return
        if self.is_adt(expected, "String") and resolve(found) == STR_REF:
            at = a.span.hi
            diag.multipart_suggestion("try using a conversion method", [(Span(at, at, a.span.file), ".to_string()")])
            return
        e, f = resolve(expected), resolve(found)
        if self._wrap_help(diag, a, e, f):
            return
        if self.is_adt(f, "Option") and not self.is_adt(e, "Option") and isinstance(e, Ty) and \
                _same_shape(e, resolve(f.args[0])) and not _is_ctor_call(a):
            shown = zonk(f, default=False)
            if self.is_adt(resolve(self.ret), "Option"):
                diag.multipart_suggestion(f"use the `?` operator to extract the `{shown}` value, propagating an "
                                          "`Option::None` value to the caller", [(Span(a.span.hi, a.span.hi,
                                                                                      a.span.file), "?")])
            else:
                diag.multipart_suggestion(f"consider using `Option::expect` to unwrap the `{shown}` value, "
                                          "panicking if the value is an `Option::None`",
                                          [(Span(a.span.hi, a.span.hi, a.span.file), '.expect("REASON")')])
            return
        deref_target = None     # `&String` coerces to `&str`, `&Vec<T>` to `&[T]`
        if isinstance(f, Ty) and self.is_adt(f, "String"):
            deref_target = STR_REF.args[0]
        elif isinstance(f, Ty) and self.is_adt(f, "Vec"):
            deref_target = Ty("slice", args=(f.args[0],))
        if isinstance(e, Ty) and e.kind == "ref" and isinstance(f, (Ty, IntVar)) and (_same_shape(
                resolve(e.args[0]), f) or deref_target is not None and _same_shape(resolve(e.args[0]), deref_target)):
            if e.mutbl:
                diag.multipart_suggestion("consider mutably borrowing here",
                                          [(Span(a.span.lo, a.span.lo, a.span.file), "&mut ")])
            else:
                diag.multipart_suggestion("consider borrowing here", [(Span(a.span.lo, a.span.lo, a.span.file), "&")])
        elif isinstance(f, Ty) and f.kind == "ref" and isinstance(a, ast.AddrOf) and _same_shape(e, resolve(f.args[0])):
            diag.multipart_suggestion("consider removing the borrow", [(Span(a.span.lo, a.operand.span.lo,
                                                                            a.span.file), "")])

    def _arg_count_details(self, diag, e, d, params, tys, what):
        """E0061's labels, its "defined here" note and the suggestion, as rustc 1.95 gives them."""
        from compiler.syntax.span import Span
        args, n, m = e.args, len(params), len(e.args)
        src = e.span.file.src
        open_at = src.find("(", e.func.span.hi if isinstance(e, ast.Call) else e.name_span.hi)
        parens = Span(open_at, e.span.hi, e.span.file)
        fparams = [p for p in getattr(d.node, "params", []) if p.name != "self"] \
            if d.kind in ("fn", "assoc_fn") else []
        kind = {"function": "function", "enum variant": "tuple variant", "tuple struct": "tuple struct"}.get(what, what)
        if kind == "function" and d.kind == "assoc_fn":
            kind = "associated function"
        note_span = d.node.ident_span if d.kind != "variant" else d.node.span
        show_ty = lambda t: "{float}" if isinstance(resolve(t), FloatVar) else "{integer}" if isinstance(  # noqa
            resolve(t), IntVar) else str(zonk(t, default=False))
        if m < n:
            missing = list(range(m, n))
            if len(missing) == 1:
                diag.span_label(parens, f"argument #{m + 1} of type `{show_ty(params[m])}` is missing")
            else:
                diag.span_label(parens, f"{len(missing)} arguments of type " +
                                ", ".join(f"`{show_ty(params[i])}`" for i in missing[:-1]) +
                                f" and `{show_ty(params[missing[-1]])}` are missing")
            labels = [Label(self._param_span(fparams[i]), "", False) for i in missing if i < len(fparams)]
            diag.span_note(note_span, f"{kind} defined here", labels)
            given = ", ".join(src[a.span.lo:a.span.hi] for a in args)
            filler = ", ".join(f"/* {show_ty(params[i])} */" for i in missing)
            new = "(" + (given + ", " if given else "") + filler + ")"
            from compiler.typeck.check import _edit
            diag.multipart_suggestion("provide the argument" if len(missing) == 1 else "provide the arguments",
                                      _edit(parens, src[parens.lo:parens.hi], new))
        else:
            extra = list(range(n, m))
            for i in extra:
                diag.span_label(args[i].span, f"unexpected argument #{i + 1} of type `{show_ty(tys[i])}`")
            diag.span_note(note_span, f"{kind} defined here")
            lo = args[n - 1].span.hi if n > 0 else args[0].span.lo
            hi = args[-1].span.hi if n > 0 else (args[n].span.lo if False else args[-1].span.hi)
            if n == 0:
                hi = args[-1].span.hi
            diag.multipart_suggestion("remove the extra argument" if len(extra) == 1 else "remove the extra arguments",
                                      [(Span(lo, hi, e.span.file), "")])

    def _probe(self, recv, name):
        """Method probing along the autoderef steps of `recv` (references and `Box`)."""
        steps, t = [], recv
        while True:
            steps.append(t)
            if isinstance(t, Ty) and (t.kind == "ref" or self.is_adt(t, "Box")):
                t = resolve(t.args[0])
                continue
            if isinstance(t, Ty) and (t.kind == "array" or self.is_adt(t, "Vec")):
                steps.append(Ty("slice", args=(t.args[0],)))     # unsizing, and `Vec`'s deref
            break
        for t in steps:
            if isinstance(t, IntVar):
                t = self._int_receiver(t, name)
                if isinstance(t, IntVar):
                    default = prim(t.default)
                    if self.prelude_method(default, name) is None:
                        continue
                    if self._assoc_fn(default, name, method=True) is not None and \
                            self._assoc_fn(default, name, method=True)[0].parent.node.trait_ref is None:
                        return "ambiguous", t        # an inherent method of every integer type: E0689
                    self.unify(t, default)          # a trait method: the variable's fallback type
                    t = default
            if not isinstance(t, Ty):
                continue
            if t.kind == "ref" and isinstance(resolve(t.args[0]), Ty):
                # by value at this step: a method of the referent whose receiver is `&self`
                inner = resolve(t.args[0])
                hit = self._assoc_fn(inner, name, method=True) or self._bound_method(inner, name) or \
                    (self.prelude_method(inner, name) if not _has_vars(inner) or inner.kind == "adt" else None)
                if hit is not None and hit[0].node.params and isinstance(hit[0].node.params[0].ty, ast.TyRef) \
                        and hit[0].node.params[0].ty.mutbl == t.mutbl:
                    return hit, inner
            found = self._assoc_fn(t, name, method=True) or self._bound_method(t, name)
            if found is None and self.tcx.resolver.prelude is not None and not _has_vars(t) or \
                    found is None and isinstance(t, Ty) and t.kind == "adt":
                found = self.prelude_method(t, name)
            if found is not None:
                return found, t
        return None, steps[-1]

    def expr_MethodCall(self, e, expected):
        recv = resolve(self.check_expr(e.receiver, None))
        written = recv                        # the receiver's type as rustc names it in E0599
        if isinstance(recv, Ty) and recv.is_error or isinstance(recv, Ty) and recv.kind == "ref" \
                and isinstance(resolve(recv.args[0]), Ty) and resolve(recv.args[0]).is_error:
            for a in e.args:
                self.check_expr(a, None)
            return ERROR
        found, recv = self._probe(recv, e.name)
        if found == "ambiguous":
            self._ambiguous_numeric(e, recv)
            for a in e.args:
                self.check_expr(a, None)
            return ERROR
        if found is not None and found[0].parent.kind == "impl" and found[0].parent.node.trait_ref is None \
                and not found[0].builtin and found[0].parent.node.generics.params \
                and self._unsatisfied_method(e, recv):
            for a in e.args:
                self.check_expr(a, None)
            return ERROR
        if found is not None:
            fd = found[0]
            self.method_calls[e] = (fd, isinstance(written, Ty) and written.kind == "ref")
            self._check_private_assoc(fd, e.name_span, "method")
            first = fd.node.params[0] if fd.node.params else None
            if first is not None and isinstance(first.ty, ast.TyRef) and first.ty.mutbl:
                self._note_mut_use(e.receiver, "borrow", through_ref=isinstance(written, Ty)
                                   and written.kind == "ref")
        if found is None and e.name == "into" and not e.args and _into_source(written) is not None:
            from compiler.typeck.from_impls import check_into
            exp = resolve(expected) if expected is not None else None
            if isinstance(exp, Ty):
                check_into(self, _into_source(written), zonk(exp, default=False), e.name_span)
                return exp
            return TyVar()
        std_name = _std_name(self, recv)
        if std_name == "Vec" and isinstance(recv, Ty) and recv.kind in ("array", "slice") and e.name in VEC_ONLY:
            std_name = None         # an array or slice has no `push` (a `Vec` does)
        if found is None and std_name is not None and e.name in STD_METHODS.get(std_name, ()) or \
                found is None and _std_method_of(self, written, recv, e.name) is not None:
            for a in e.args:
                self.check_expr(a, None)
            shown = std_name if std_name is not None and e.name in STD_METHODS.get(std_name, ()) else \
                _std_method_of(self, written, recv, e.name)
            raise_unsupported(self, f"the method `{shown}::{e.name}`", e.name_span)
            return ERROR
        if found is None:
            for a in e.args:
                self.check_expr(a, None)
            shown = written if isinstance(written, Ty) else recv
            if isinstance(recv, IntVar):
                what, shown = "type `{integer}`", "{integer}"
            elif shown.kind == "ref":
                what = f"{'mutable ' if shown.mutbl else ''}reference `{shown}`"
            elif shown.kind == "array":
                shown = zonk(shown, default=False)
                what = f"array `{shown}`"
            elif shown.kind == "adt":
                owner_def = self.tcx.resolver.def_at(shown.def_index)
                if owner_def.builtin and owner_def.name in ("Iter", "Range", "Chars", "Bytes", "SplitWhitespace",
                                                            "Split", "Lines") \
                        and e.name in ITERATOR_METHODS:
                    raise_unsupported(self, f"the iterator method `{e.name}`", e.name_span)
                    return ERROR
                if owner_def.builtin and owner_def.name == "Vec" and e.name in ITERATOR_METHODS:
                    self._iterator_method_on_vec(e, zonk(shown, default=False))
                    return ERROR
                declared = type_of_any(self.tcx, owner_def) if not owner_def.builtin else zonk(shown, default=False)
                # rustc names a local type as declared, a std type as instantiated
                what = f"{'enum' if owner_def.kind == 'enum' else 'struct'} `{declared}`"
                shown = zonk(shown, default=False)
            elif shown.kind == "param":
                if self._unresolved_bound(shown):
                    return ERROR        # the method may be the unresolved trait's: its error says enough
                what = f"type parameter `{shown}`"
            else:
                what = f"type {show(shown)}"
            base = resolve(written)
            while isinstance(base, Ty) and base.kind == "ref":
                base = resolve(base.args[0])
            similar = self._similar_method(base if isinstance(base, Ty) and base.kind == "adt" else recv, e.name)
            d = self.err(f"no method named `{e.name}` found for {what} in the current scope", "E0599",
                         e.name_span, "" if similar else f"method not found in `{shown}`")
            if similar:
                confusable = CONFUSABLES.get((_std_name(self, recv), e.name)) == similar
                d.multipart_suggestion(f"you might have meant to use `{similar}`" if confusable else
                                       f"there is a method `{similar}` with a similar name",
                                       _edit(e.name_span, e.name, similar))
            if isinstance(shown, Ty) and shown.kind == "adt" and shown.def_index >= 0 and \
                    not self.tcx.resolver.def_at(shown.def_index).builtin:
                owner_def = self.tcx.resolver.def_at(shown.def_index)
                d.span_label(owner_def.node.def_span, f"method `{e.name}` not found for this {owner_def.kind}")
            param = self._generic_param(recv)
            if param is not None and shown.kind == "param":
                d.span_label(param.span, f"method `{e.name}` not found for this type parameter")
            traits = [t for t in self.tcx.resolver.defs if t.kind == "trait" and any(
                f.name == e.name and f.params and f.params[0].name == "self" for f in t.node.items)]
            if param is not None and len(traits) == 1:
                trait = traits[0]
                d.help("items from traits can only be used if the type parameter is bounded by the trait")
                at = (param.bounds[-1].span if param.bounds else param.span).shrink_to_hi()
                d.multipart_suggestion(f"the following trait defines an item `{e.name}`, perhaps you need to "
                                       f"restrict type parameter `{param.name}` with it:",
                                       [(at, (" + " if param.bounds else ": ") + trait.name)])
            return ERROR
        d, subst = found
        self.used_assoc.append(d)
        owner = d.parent.node.self_ty if d.kind == "assoc_fn" and d.parent.kind == "impl" and \
            d.parent.node.trait_ref is None else None
        qualified = f"{owner.span.file.src[owner.span.lo:owner.span.hi].split('<')[0]}::{e.name}" \
            if owner is not None else None         # rustc names an inherent method by its type's path
        self._check_deprecated(d, ast.Path([ast.PathSegment(e.name, e.name_span)], e.name_span), qualified)
        params, ret = self.fn_sig(d)
        subst = dict(subst)
        for n in self._impl_params(d) + [p.name for p in d.node.generics.params]:
            subst.setdefault(n, TyVar())
        if e.targs and len(e.targs) == len(d.node.generics.params):
            for gp, t in zip(d.node.generics.params, e.targs):      # a turbofish
                subst[gp.name] = lower_ty(self.tcx, t)
        rest = [p.subst(subst) for p in params[1:]]
        if len(e.args) != len(rest):
            n, m = len(rest), len(e.args)
            plural = lambda k: f"{k} argument" + ("" if k == 1 else "s")  # noqa: E731
            tys = [self.check_expr(a, None) for a in e.args]
            diag = Diag("error", f"this method takes {plural(n)} but {plural(m)} {'was' if m == 1 else 'were'} "
                                 "supplied", "E0061").primary(e.name_span)
            if not d.builtin:       # a std method's note would point into std's sources
                self._arg_count_details(diag, e, d, rest, tys, "method")
            self.tcx.dcx.emit(diag)
            return ret.subst(subst)
        first = d.node.params[0] if d.node.params else None
        if first is not None and first.name == "self":
            by_value = not isinstance(first.ty, ast.TyRef) and not (isinstance(written, Ty) and written.kind == "ref")
            self._use(e.receiver, "move" if by_value else "borrow", method=d if by_value and not d.builtin else None)
        bad = []
        for i, (a, p) in enumerate(zip(e.args, rest)):
            if not (isinstance(resolve(p), Ty) and resolve(p).kind == "ref"):
                self._use(a, "move", callee=d if not d.builtin and i + 1 < len(d.node.params) else None,
                          param=d.node.params[i + 1] if not d.builtin and i + 1 < len(d.node.params) else None)
            found = self.check_expr(a, p)
            if not self.coerce(p, found):
                bad.append((a, p, found, d.node.params[i + 1] if not d.builtin and i + 1 < len(d.node.params)
                            else None))
        if bad:     # a std method's "defined here" note would point into std's sources
            self._arg_mismatches(e.name_span, "method", None if d.builtin else d.node.ident_span, bad)
        if d.builtin and e.name == "parse":
            # `str::parse::<F>`: the error type is `<F as FromStr>::Err`, known once `F` is
            err = TyVar()
            self.__dict__.setdefault("parses", []).append((e, subst["F"], err))
            if isinstance(resolve(subst["F"]), Ty):
                self._parse_error_types(last_only=True)        # `F` is known already (a turbofish)
            return self.prelude_adt("Result", subst["F"], err)
        return ret.subst(subst)

    def _op_span(self, e):
        from compiler.syntax.span import Span
        src = e.span.file.src
        at = src.find(e.op, e.lhs.span.hi, e.rhs.span.lo)
        at = at if at >= 0 else e.lhs.span.hi + 1
        return Span(at, at + len(e.op), e.span.file)

    def _numeric(self, t):
        """`t`, or the type behind one reference, when that is a number."""
        t = resolve(t)
        if isinstance(t, Ty) and t.kind == "ref":
            inner = resolve(t.args[0])
            if isinstance(inner, IntVar) or isinstance(inner, Ty) and inner.is_numeric:
                return inner
        if isinstance(t, IntVar) or isinstance(t, Ty) and t.is_numeric:
            return t
        return None

    def _implements(self, t, trait_name) -> bool:
        from compiler.traits.select import SelectionContext
        trait = self.tcx.resolver.prelude.root.types.get(trait_name)
        t = zonk(t)
        if trait is None or not isinstance(t, Ty) or _has_vars(t) or t.references_error():
            return True
        return SelectionContext(self.tcx, self.param_env).evaluate(t, trait, None)

    def _missing_op_impl(self, e, lhs, rhs, trait_name, msg):
        d = Diag("error", msg, "E0369")
        d.primary(self._op_span(e))
        d.span_label(e.lhs.span, str(zonk(lhs, default=False)))
        d.span_label(e.rhs.span, str(zonk(rhs, default=False)))
        rl = resolve(lhs)
        param = self._generic_param(rl)
        if param is not None:
            path = {"PartialEq": "std::cmp::PartialEq", "PartialOrd": "std::cmp::PartialOrd"}.get(
                trait_name, f"std::ops::{trait_name}<Output = {rl}>")
            further = "further " if param.bounds else ""
            from compiler.syntax.span import Span
            at = (param.bounds[-1].span if param.bounds else param.span).hi
            message = "consider " + further + f"restricting type parameter `{rl}` with trait `{trait_name}`"
            d.multipart_suggestion(message, [(Span(at, at, param.span.file), (" + " if param.bounds else ": ") + path)])
        if isinstance(rl, Ty) and rl.kind == "adt" and not self.tcx.resolver.def_at(rl.def_index).builtin:
            adt = self.tcx.resolver.def_at(rl.def_index)
            rr = resolve(rhs)
            shown_r = "{integer}" if type(rr) is IntVar else "{float}" if isinstance(rr, IntVar) else \
                str(zonk(rr, default=False))
            named = trait_name if shown_r == str(zonk(rl, default=False)) else f"{trait_name}<{shown_r}>"   # Rhs
            d.span_note(adt.node.def_span, f"an implementation of `{named}` might be missing for `{rl}`")
            d.children[-1].labels[0].text = f"must implement `{named}`"
            from compiler.prelude import DERIVABLE
            if trait_name in DERIVABLE:
                derive_suggestion(d, str(rl), adt.node, trait_name)
            else:
                d.note(f"the trait `{trait_name}` must be implemented")
        self.tcx.dcx.emit(d)

    def _overloaded_binop(self, e, rl, trait_name: str, method: str):
        """`a + b` through `std::ops`: (handled, result type). The bound of a type parameter, else the
        user's impl whose `Rhs` fits `b` (when several do, the first)."""
        from compiler.typeck.overloaded import bound_op, candidates
        if isinstance(rl, Ty) and rl.kind == "param":
            b = bound_op(self, rl, trait_name)
            if b is not None:
                self.check_expr_coercible(e.rhs, b[0])
                return True, b[1]
        cands = candidates(self, rl, trait_name, method) if isinstance(rl, Ty) and not _has_vars(rl) else []
        if not cands:
            return False, None
        sigs = []
        for d, subst in cands:
            params, ret = self.fn_sig(d)
            if len(params) == 2:
                sigs.append((params[1].subst(subst), ret.subst({**subst, "Self": rl})))
        if not sigs:
            return False, None
        if len(sigs) == 1:
            self.check_expr_coercible(e.rhs, sigs[0][0])
            return True, sigs[0][1]
        found = self.check_expr(e.rhs, None)
        rhs_t, out = next(((p, r) for p, r in sigs if _same_shape(p, resolve(found))), sigs[0])
        if not self.coerce(rhs_t, found):
            self.mismatch(rhs_t, found, self._mismatch_span(e.rhs))
        return True, out

    def _no_op_impl(self, e, op, lhs, rhs, written=None):
        """rustc's E0277 that follows the E0308 of a numeric operator on two different types. `lhs` is
        the operand's numeric type; `written`, the operand's own type where that is a reference to it."""
        rl, rr = resolve(lhs), resolve(rhs)
        if not (isinstance(rl, (Ty, IntVar)) and isinstance(rr, (Ty, IntVar))):
            return
        sl = str(rl)
        w = resolve(written) if written is not None else None
        if isinstance(w, Ty) and w.kind == "ref":
            sl = str(zonk(w, default=False))
        sr = str(zonk(rr, default=False)) if isinstance(rr, Ty) else str(rr)
        trait = OP_TRAIT.get(op, ("", ""))[1]
        msgs = {"+": f"cannot add `{sr}` to `{sl}`", "-": f"cannot subtract `{sr}` from `{sl}`",
                "*": f"cannot multiply `{sl}` by `{sr}`", "/": f"cannot divide `{sl}` by `{sr}`",
                "%": f"cannot calculate the remainder of `{sl}` divided by `{sr}`"}
        if op not in msgs:
            return
        msg = msgs[op]
        if op == "+" and isinstance(rl, IntVar) and isinstance(rr, IntVar) and sl in ("{integer}", "{float}") \
                and _float_ness(rl) != _float_ness(rr):
            # `Add`'s on_unimplemented messages for an integer and a float literal
            msg = "cannot add a float to an integer" if _float_ness(rr) else "cannot add an integer to a float"
        d = self.err(msg, "E0277", self._op_span(e), f"no implementation for `{sl} {op} {sr}`")
        d.help(f"the trait `{trait}<{sr}>` is not implemented for `{sl}`")
        extra = {"Div": "NonZero<{}>", "Rem": "NonZero<{}>"}.get(trait) if sl.startswith("u") else None
        extra = "Duration" if (trait, sl) == ("Mul", "u32") else extra
        if isinstance(rl, IntVar) and trait in ("Add", "Sub", "Mul", "Div", "Rem") and \
                not (isinstance(rr, Ty) and rr.is_numeric and _float_ness(rr) == _float_ness(rl)):
            # rustc's first eight impls, then a count
            impls = [f"&{f}` implements `{trait}{g}" for f in ("f128", "f16", "f32", "f64") for g in (f"<{f}>", "")]
            others = {"Add": 56, "Sub": 56, "Mul": 57}.get(trait, 62)
            d.help(f"the following other types implement trait `{trait}<Rhs>`:" +
                   "".join(f"\n  `{x}`" for x in impls) + f"\nand {others} others")
        elif extra is not None and sl in ("u8", "u16", "u32", "u64", "u128", "usize"):
            # the other impls rustc lists inline (where it lists std source locations, we do not)
            impls = [f"&{sl}` implements `{trait}<{sl}>", f"&{sl}` implements `{trait}", f"{sl}` implements `{trait}<&{sl}>",
                     f"{sl}` implements `{trait}<{extra.format(sl)}>", f"{sl}` implements `{trait}"]
            d.help(f"the following other types implement trait `{trait}<Rhs>`:" + "".join(f"\n  `{x}`" for x in impls))
        if isinstance(rl, Ty) and rl.is_float and isinstance(e.rhs, ast.Lit) and e.rhs.kind == "int" \
                and not e.rhs.suffix:
            from compiler.syntax.span import Span
            d.multipart_suggestion("consider using a floating-point literal by writing it with `.0`",
                                   [(Span(e.rhs.span.hi, e.rhs.span.hi, e.rhs.span.file), ".0")])
        self._fulfillment_order(d)

    def expr_Binary(self, e, expected):
        op = e.op
        if op in ("&&", "||"):
            self.check_expr_coercible(e.lhs, BOOL)
            self.check_expr_coercible(e.rhs, BOOL)
            return BOOL
        lhs = self.check_expr(e.lhs, None)       # rustc checks the left operand without the expectation
        self._use(e.lhs, "move" if op in ARITH else "borrow")
        self._use(e.rhs, "move" if op in ARITH else "borrow")
        rl = resolve(lhs)
        if isinstance(rl, Ty) and rl.is_error:
            self.check_expr(e.rhs, None)
            return ERROR if op in ARITH else BOOL
        if op in ARITH:
            num = self._numeric(lhs)
            if num is None and isinstance(rl, Ty) and rl == BOOL and op in ("&", "|", "^"):
                num = BOOL
            if num is not None:
                if op in ("<<", ">>"):
                    self.check_expr(e.rhs, None)
                    return num
                found = self.check_expr(e.rhs, num)
                rf = resolve(found)
                if isinstance(rf, TyVar) or isinstance(rf, Ty) and rf.kind == "ref" and isinstance(resolve(rf.args[0]),
                                                                                                 TyVar):
                    # `n % p` with `p: &_` not known yet: std's `Rem<&u32> for u32` is the only impl that fits
                    self.unify(rf.args[0] if isinstance(rf, Ty) else rf, num)
                    return num
                rnum = self._numeric(found) if num is not BOOL else (BOOL if resolve(found) == BOOL else None)
                if rnum is None or not self.unify(num, rnum):
                    rf = resolve(found)
                    if isinstance(rf, Ty) and rf.is_error:
                        return num
                    if rnum is None and isinstance(rf, Ty) and num is not BOOL:
                        self._no_op_impl(e, op, num, rf, lhs)   # no builtin rule applies: E0277 alone
                        return ERROR
                    if isinstance(resolve(num), IntVar) and isinstance(resolve(rnum), IntVar) or \
                            _float_ness(num) != _float_ness(rnum):
                        self._no_op_impl(e, op, num, rnum, lhs)  # int with float: no builtin rule, E0277 alone
                        return ERROR
                    self.mismatch(num, found, self._mismatch_span(e.rhs))
                    self._no_op_impl(e, op, num, found, lhs)
                return num
            if isinstance(rl, Ty) and self.is_adt(rl, "String") and op == "+":
                self.check_expr_coercible(e.rhs, STR_REF)
                return rl
            trait_name = OP_TRAIT.get(op, ("", ""))[1] or {"&": "BitAnd", "|": "BitOr", "^": "BitXor",
                                                         "<<": "Shl", ">>": "Shr"}[op]
            method = trait_name.lower() if op not in ("&", "|", "^", "<<", ">>") else \
                {"&": "bitand", "|": "bitor", "^": "bitxor", "<<": "shl", ">>": "shr"}[op]
            done, t = self._overloaded_binop(e, rl, trait_name, method)
            if done:
                return t
            rhs = self.check_expr(e.rhs, None)
            verb, _ = OP_TRAIT.get(op, ("apply", "?"))
            shown_l = str(zonk(lhs, default=False)) if not isinstance(rl, IntVar) else "{integer}"
            rr = resolve(rhs)
            shown_r = str(zonk(rhs, default=False)) if not isinstance(rr, IntVar) else "{integer}"
            msg = f"cannot {verb} `{shown_r}` to `{shown_l}`" if op == "+" else \
                f"cannot {verb} `{shown_l}` by `{shown_r}`" if op in ("*", "/") else \
                f"cannot subtract `{shown_r}` from `{shown_l}`" if op == "-" else \
                f"cannot calculate the remainder of `{shown_l}` divided by `{shown_r}`" if op == "%" else \
                f"no implementation for `{shown_l} {op} {shown_r}`"
            self._missing_op_impl(e, lhs, rhs, trait_name, msg)
            return ERROR
        found = self.check_expr(e.rhs, lhs)
        if self._string_cmp(lhs, found):
            return BOOL
        if not self.unify(lhs, found):
            rf = resolve(found)
            l_ref = isinstance(rl, Ty) and rl.kind == "ref"
            r_ref = isinstance(rf, Ty) and rf.kind == "ref"
            if isinstance(rl, IntVar) and isinstance(rf, IntVar) and _float_ness(rl) != _float_ness(rf):
                sl = str(zonk(lhs, default=False)) if isinstance(rl, Ty) else str(rl)
                sr = str(zonk(found, default=False)) if isinstance(rf, Ty) else str(rf)
                d = self.err(f"can't compare `{sl}` with `{sr}`", "E0277", self._op_span(e),
                             f"no implementation for `{sl} {op} {sr}`")
                d.help(f"the trait `{'PartialEq' if op in ('==', '!=') else 'PartialOrd'}<{sr}>` is not "
                       f"implemented for `{sl}`")
            if l_ref != r_ref and (self._numeric(rl) is not None or self._numeric(rf) is not None):
                sl = "{integer}" if isinstance(rl, IntVar) else str(zonk(lhs, default=False))
                sr = "{integer}" if isinstance(rf, IntVar) else str(zonk(found, default=False))
                d = self.err(f"can't compare `{sl}` with `{sr}`", "E0277", self._op_span(e),
                             f"no implementation for `{sl} {op} {sr}`")
                d.help(f"the trait `{'PartialEq' if op in ('==', '!=') else 'PartialOrd'}<{sr}>` is not "
                       f"implemented for `{sl}`")
                return BOOL
            d = self.mismatch(lhs, found, self._mismatch_span(e.rhs))
            if isinstance(resolve(lhs), Ty):
                d.span_label(e.lhs.span, f"expected because this is {show(lhs)}")
                self._conversion_help(d, e.rhs, lhs, found)
            return BOOL
        trait_name = "PartialEq" if op in ("==", "!=") else "PartialOrd"
        self._derive_used(rl, trait_name)
        if isinstance(rl, Ty) and not self._implements(rl, trait_name):
            shown = str(zonk(lhs, default=False))
            self._missing_op_impl(e, lhs, found, trait_name,
                                  f"binary operation `{op}` cannot be applied to type `{shown}`")
        return BOOL

    def expr_Unary(self, e, expected):
        if e.op == "-" and isinstance(e.operand, ast.Lit) and e.operand.kind == "int":
            exp = resolve(expected) if expected is not None else None
            if isinstance(exp, Ty) and exp.is_integral and exp.name.startswith("u") and not e.operand.suffix:
                d = self.err(f"cannot apply unary operator `-` to type `{exp}`", "E0600", e.span,
                             "cannot apply unary operator `-`")
                d.note("unsigned values cannot be negated")
                return exp
            return self.expr_Lit(e.operand, expected, negated=e.span)
        t = self.check_expr(e.operand, expected if e.op != "*" else None)
        if e.op == "*":
            rt = resolve(t)
            if isinstance(rt, Ty) and rt.kind == "ref":
                return rt.args[0]
            if isinstance(rt, Ty) and rt.is_error:
                return ERROR
            self.err(f"type `{rt}` cannot be dereferenced", "E0614", e.span)
            return ERROR
        rt = resolve(t)
        adt = self._local_adt(rt)
        if adt is not None and e.op in ("-", "!"):
            from compiler.typeck.overloaded import candidates
            trait, method = ("Neg", "neg") if e.op == "-" else ("Not", "not")
            cands = candidates(self, rt, trait, method)
            if cands:
                f, subst = cands[0]
                return self.fn_sig(f)[1].subst({**subst, "Self": rt})
            d = self.err(f"cannot apply unary operator `{e.op}` to type `{rt}`", "E0600", e.span,
                         f"cannot apply unary operator `{e.op}`")
            self._missing_ops_impl(d, adt, trait, trait)
            return ERROR
        if isinstance(rt, Ty) and not rt.is_error and (
                e.op == "-" and not (rt.is_numeric and not rt.name.startswith("u")) and rt.kind != "adt" or
                e.op == "!" and not (rt.is_integral or rt == BOOL) and rt.kind != "adt"):
            d = self.err(f"cannot apply unary operator `{e.op}` to type `{rt}`", "E0600", e.span,
                         f"cannot apply unary operator `{e.op}`")
            if e.op == "-" and rt.is_integral:
                d.note("unsigned values cannot be negated")
            return ERROR
        return t

    def expr_AddrOf(self, e, expected):
        exp = resolve(expected) if expected is not None else None
        inner_exp = exp.args[0] if isinstance(exp, Ty) and exp.kind == "ref" else None
        if isinstance(resolve(inner_exp), Ty) and resolve(inner_exp).kind == "slice":
            inner_exp = None
        t = self.check_expr(e.operand, inner_exp)
        self._use(e.operand, "borrow")
        if e.mutbl:
            self._note_mut_use(e.operand, "borrow", span=e.span)
        rt = resolve(t)
        return Ty("ref", args=(rt if isinstance(rt, (Ty, TyVar)) or type(rt) is IntVar or isinstance(rt, FloatVar)
                               else prim("i32"),), mutbl=e.mutbl)

    def expr_Assign(self, e, expected):
        self._use(e.rhs, "move")
        lhs = self.check_expr(e.lhs, None)
        if e.op == "=":
            self._use(e.lhs, "assign")
        rhs_ty = None
        if e.op != "=" and self._numeric(lhs) is not None and isinstance(e.rhs, ast.PathExpr):
            rhs_ty = resolve(self.check_expr(e.rhs, None))
        if isinstance(rhs_ty, Ty) and rhs_ty.kind == "ref":
            self._note_mut_use(e.lhs, "borrow", span=e.lhs.span)    # `AddAssign<&T>::add_assign(&mut self, ..)`
        else:
            self._note_mut_use(e.lhs, "assign", span=e.span)
        if e.op != "=" and self._numeric(lhs) is not None:
            rhs = self.check_expr(e.rhs, self._numeric(lhs))
            rn = self._numeric(rhs)
            if e.op in ("<<=", ">>="):
                return UNIT
            rr = resolve(rhs)
            if rn is None and isinstance(rr, Ty) and not rr.is_error and e.op in _ASSIGN_OP_TRAIT:
                # no builtin rule applies to a number and a non-number: only the trait is missing (E0277)
                self._assign_op_impl_error(e, self._numeric(lhs), rr)
                return UNIT
            if rn is None or not self.unify(self._numeric(lhs), rn):
                if not (isinstance(resolve(rhs), Ty) and resolve(rhs).is_error):
                    if rn is not None and _float_ness(self._numeric(lhs)) != _float_ness(rn) \
                            and e.op in _ASSIGN_OP_TRAIT:
                        self._assign_op_impl_error(e, self._numeric(lhs), rn)     # int with float: E0277 alone
                        return UNIT
                    m = self.mismatch(self._numeric(lhs), rhs, self._mismatch_span(e.rhs))
                    if rn is not None and e.op in _ASSIGN_OP_TRAIT:
                        d = self._assign_op_impl_error(e, self._numeric(lhs), rn)
                        sp = m.primary_span
                        d.anchor = type(sp)(sp.lo, sp.hi + 1, sp.file)      # reported right after the E0308
            return UNIT
        if e.op == "+=" and self.is_adt(lhs, "String"):
            self.check_expr_coercible(e.rhs, STR_REF)
            return UNIT
        rl = resolve(lhs)
        if e.op != "=" and e.op in _ASSIGN_OP_TRAIT and self._local_adt(rl) is not None:
            return self._overloaded_assign_op(e, rl)
        found = self.check_expr(e.rhs, lhs)
        if not self.coerce(lhs, found):
            d = self.mismatch(lhs, found, self._mismatch_span(e.rhs))
            static_str_note(d, e.rhs)
            b = self._local(e.lhs)
            if isinstance(b, ast.Local) and b.ty is not None:
                d.span_label(b.ty.span, "expected due to this type")
            self._conversion_help(d, e.rhs, lhs, found, cast=False)
        return UNIT

    def _assign_op_impl_error(self, e, lt, rt):
        """rustc's E0277 for `a op= b` when no `OpAssign<B>` impl exists for `A` (lists of std's impls only
        where rustc prints them inline: for an integer or float variable on the left)."""
        from compiler.syntax.span import Span
        verb, trait = _ASSIGN_OP_TRAIT[e.op]
        show_t = lambda t: "{integer}" if type(resolve(t)) is IntVar else "{float}" if isinstance(  # noqa: E731
            resolve(t), IntVar) else str(zonk(resolve(t), default=False))
        sl, sr = show_t(lt), show_t(rt)
        at = e.span.file.src.find(e.op, e.lhs.span.hi, e.rhs.span.lo)
        msg = {"+=": f"cannot add-assign `{sr}` to `{sl}`", "-=": f"cannot subtract-assign `{sr}` from `{sl}`",
               "*=": f"cannot multiply-assign `{sl}` by `{sr}`", "/=": f"cannot divide-assign `{sl}` by `{sr}`",
               "%=": f"cannot calculate and assign the remainder of `{sl}` divided by `{sr}`"}[e.op]
        d = self.err(msg, "E0277", Span(at, at + len(e.op), e.span.file), f"no implementation for `{sl} {e.op} {sr}`")
        d.help(f"the trait `{trait}<{sr}>` is not implemented for `{sl}`")
        if isinstance(resolve(lt), IntVar):
            impls = [f"{f}` implements `{trait}{g}" for f in ("f128", "f16", "f32", "f64") for g in (f"<&{f}>", "")]
            others = 30 if trait in ("DivAssign", "RemAssign") else 24
            d.help(f"the following other types implement trait `{trait}<Rhs>`:" +
                   "".join(f"\n  `{x}`" for x in impls) + f"\nand {others} others")
        return d

    def _local_adt(self, t):
        """The DefId of a struct or enum of this crate that `t` names, or None."""
        if isinstance(t, Ty) and t.kind == "adt" and t.def_index is not None:
            d = self.tcx.resolver.def_at(t.def_index)
            return None if d.builtin else d
        return None

    def _missing_ops_impl(self, d, adt, trait: str, shown: str):
        """rustc's notes when a `std::ops` trait is not implemented for a local type."""
        d.span_note(adt.node.def_span, f"an implementation of `{shown}` might be missing for `{adt.name}`")
        d.children[-1].labels[0].text = f"must implement `{shown}`"
        d.note(f"the trait `{trait}` must be implemented")      # rustc points into std's source here

    def _overloaded_assign_op(self, e, lt):
        """`a += b` on a local type: `AddAssign::add_assign` of the impl whose `Rhs` fits `b`, else E0368."""
        from compiler.syntax.span import Span
        from compiler.typeck.overloaded import candidates
        trait = _ASSIGN_OP_TRAIT[e.op][1]
        method = {"AddAssign": "add_assign", "SubAssign": "sub_assign", "MulAssign": "mul_assign",
                  "DivAssign": "div_assign", "RemAssign": "rem_assign"}.get(trait)
        cands = [self.fn_sig(f)[0] for f, _ in candidates(self, lt, trait, method)] if method else []
        cands = [p[1] for p in cands if len(p) == 2]
        if len(cands) == 1:
            self.check_expr_coercible(e.rhs, cands[0])
            return UNIT
        found = self.check_expr(e.rhs, None)
        fit = next((p for p in cands if _same_shape(p, resolve(found))), None)
        if fit is not None:
            self.coerce(fit, found)
            return UNIT
        adt = self._local_adt(lt)
        rf = resolve(found)
        if isinstance(rf, Ty) and rf.is_error:
            return UNIT
        d = self.err(f"binary assignment operation `{e.op}` cannot be applied to type `{lt}`", "E0368", e.span)
        d.span_label(e.lhs.span, f"cannot use `{e.op}` on type `{lt}`")
        shown_r = "{integer}" if type(rf) is IntVar else "{float}" if isinstance(rf, IntVar) else \
            str(zonk(rf, default=False))
        self._missing_ops_impl(d, adt, trait, trait if shown_r == str(lt) else f"{trait}<{shown_r}>")
        return UNIT

    def _must_use(self, e, t):
        """`unused_must_use`: found here, emitted by the late lint pass (rustc's `UnusedResults`)."""
        from compiler.lint.unused import must_use_diag
        d = must_use_diag(self, e, zonk(t))
        if d is not None:
            d.lint_owner = self.owner
            module = self.tcx.resolver.scope_of[self.owner]
            self.tcx.__dict__.setdefault("late_pending", {}).setdefault(id(module), []).append(d)

    def _string_cmp(self, a, b) -> bool:
        """`String == &str`, `&str == String`, `String == str`: std's cross-type PartialEq impls."""
        def kind(t):
            t = resolve(t)
            if self.is_adt(t, "String"):
                return "String"
            if isinstance(t, Ty) and t.kind == "prim" and t.name == "str":
                return "str"
            if isinstance(t, Ty) and t.kind == "ref" and isinstance(resolve(t.args[0]), Ty):
                inner = resolve(t.args[0])
                if inner.kind == "prim" and inner.name == "str":
                    return "&str"
                if self.is_adt(inner, "String"):
                    return "&String"
            return None
        pair = {kind(a), kind(b)}
        return pair in ({"String", "&str"}, {"String", "str"}, {"&String", "str"}, {"&str", "&String"})

    def _derive_used(self, t, trait_name):
        """A derived impl used by an operator or a method is live for dead-code analysis."""
        t = resolve(t)
        while isinstance(t, Ty) and t.kind == "ref":
            t = resolve(t.args[0])
        if isinstance(t, Ty) and t.kind == "adt":
            d = self.tcx.resolver.def_at(t.def_index)
            if trait_name in self.tcx.resolver.derives.get(d, ()):
                self.tcx.__dict__.setdefault("derives_used", set()).add((d, trait_name))

    def _fulfillment_order(self, d):
        """rustc reports unfulfilled trait obligations after the body's other type errors, unless
        something selects obligations before (see `_select_where_possible`)."""
        from compiler.syntax.span import Span
        body = self.owner.node.span
        n = self.__dict__.setdefault("_fulfilled", 0) + 1
        self._fulfilled = n
        d.anchor = Span(body.hi, body.hi + 100_000 + n, body.file)
        self.__dict__.setdefault("_unselected", []).append(d)

    def _deferred_cast(self, d):
        """rustc checks casts at the end of the body's type checking (`check_casts`), before the
        obligations left over are reported."""
        from compiler.syntax.span import Span
        body = self.owner.node.span
        n = self.__dict__.setdefault("_casts", 0) + 1
        self._casts = n
        d.anchor = Span(body.hi, body.hi + n, body.file)

    def _select_where_possible(self):
        """rustc's `resolve_vars_with_obligations`, at a coercion from an inference variable: the
        obligations that already failed are reported now, after what was reported so far."""
        from compiler.syntax.span import Span
        pending = self.__dict__.get("_unselected")
        if not pending:
            return
        last = next((d for d in reversed(self._emitted) if all(d is not p for p in pending)), None)
        at = (getattr(last, "anchor", None) or last.primary_span) if last is not None else None
        body = self.owner.node.span
        for k, d in enumerate(pending, 1):
            d.anchor = Span(at.lo, at.hi + k, at.file) if at is not None else Span(body.lo, body.lo + k, body.file)
        pending.clear()

    def _similar_method(self, recv, name):
        """rustc's "you might have meant to use `m`": a method of the receiver's type with a similar name."""
        from compiler.traits.select import match_ty
        if not isinstance(recv, Ty):
            return None
        names = []
        for impl_def in self.tcx.resolver.all_impls():
            if impl_def.node.trait_ref is not None:
                continue
            self_ty = type_of_any(self.tcx, impl_def)
            same_std_type = impl_def.builtin and recv.kind == self_ty.kind == "adt" and \
                self_ty.def_index == recv.def_index
            if same_std_type or match_ty(self_ty, recv, {}):
                names += [f.name for f in impl_def.node.items if f.params and f.params[0].name == "self"]
        confusable = CONFUSABLES.get((_std_name(self, recv), name))
        if confusable is not None:
            return confusable
        if recv.kind == "adt" and self.tcx.resolver.def_at(recv.def_index).name in ("Vec",):
            names += ["iter", "len", "is_empty", "contains", "first", "last", "get"]
        return _similar(name, sorted(set(names)), substrings=True)

    def _ambiguous_numeric(self, e, var):
        from compiler.syntax.span import Span
        kind = "{float}" if isinstance(var, FloatVar) else "{integer}"
        d = self.err(f"can't call method `{e.name}` on ambiguous numeric type `{kind}`", "E0689", e.name_span)
        recv = e.receiver
        r = self._res(recv.path) if isinstance(recv, ast.PathExpr) else None
        concrete = "f32" if isinstance(var, FloatVar) else "i32"
        if r is not None and r.kind == "local" and isinstance(r.target, ast.Local) and r.target.ty is None:
            b = r.target
            at = b.name_span.hi
            d.multipart_suggestion(f"you must specify a type for this binding, like `{concrete}`",
                                   [(Span(at, at, b.name_span.file), f": {concrete}")])
        elif isinstance(recv, ast.Lit):
            at = recv.span.hi
            d.multipart_suggestion(f"you must specify a concrete type for this numeric value, like `{concrete}`",
                                   [(Span(at, at, recv.span.file), f"_{concrete}")])

    def _iterator_method_on_vec(self, e, shown):
        d = self.err(f"the method `{e.name}` exists for struct `{shown}`, but its trait bounds were not satisfied",
                     "E0599", e.name_span, f"method cannot be called on `{shown}` due to unsatisfied trait bounds")
        elem = shown.args[0] if shown.args else "_"
        d.note("the following trait bounds were not satisfied:\n"
               f"`{shown}: Iterator`\nwhich is required by `&mut {shown}: Iterator`\n"
               f"`[{elem}]: Iterator`\nwhich is required by `&mut [{elem}]: Iterator`")

    def _unsatisfied_method(self, e, recv) -> bool:
        """E0599 for a method whose inherent impl applies to the type but whose bounds do not hold."""
        from compiler.traits.select import SelectionContext, impl_predicates, match_ty
        if not isinstance(recv, Ty) or recv.kind != "adt":
            return False
        for impl_def in (d for d in self.tcx.resolver.defs if d.kind == "impl" and d.node.trait_ref is None):
            subst: dict = {}
            if not match_ty(type_of_any(self.tcx, impl_def), recv, subst):
                continue
            if not any(f.name == e.name for f in impl_def.node.items):
                continue
            scx = SelectionContext(self.tcx, self.param_env)
            failing = [(t.subst(subst), tr, b) for t, tr, b in impl_predicates(self.tcx, impl_def)
                       if not _has_vars(t.subst(subst)) and not scx.evaluate(zonk(t.subst(subst)), tr, b.span)]
            if not failing:
                continue
            adt = self.tcx.resolver.def_at(recv.def_index)
            shown = zonk(recv, default=False)
            d = Diag("error", f"the method `{e.name}` exists for {adt.kind} `{shown}`, but its trait bounds were not "
                              "satisfied", "E0599")
            d.primary(e.name_span, f"method cannot be called on `{shown}` due to unsatisfied trait bounds")
            d.span_label(adt.node.def_span, f"method `{e.name}` not found for this {adt.kind}")
            for t, tr, b in failing:
                t = zonk(t)
                if t.kind == "adt" and not self.tcx.resolver.def_at(t.def_index).builtin:
                    d.span_label(self.tcx.resolver.def_at(t.def_index).node.def_span,
                                 f"doesn't satisfy `{t}: {tr.name}`")
            for t, tr, b in failing:
                d.children.append(SubDiag("note", f"trait bound `{zonk(t)}: {tr.name}` was not satisfied",
                                          [Label(b.span, "unsatisfied trait bound introduced here", True),
                                           Label(impl_def.node.self_ty.span, "", False)]))
            for _, tr, _ in failing:
                if not tr.builtin:
                    d.children.append(SubDiag("note", f"the trait `{tr.name}` must be implemented",
                                              [Label(tr.node.def_span, "", True)]))
            self.tcx.dcx.emit(d)
            return True
        return False

    def _visible_from(self, d) -> bool:
        """Whether `d`'s module is the current body's module or one of its ancestors."""
        r = self.tcx.resolver
        target, m = r.scope_of[d], r.scope_of[self.owner]
        while m is not None:
            if m is target:
                return True
            m = m.parent
        return False

    def _private_field_use(self, d, name: str, span):
        """A struct literal or pattern naming a private field of a struct from another module: rustc's
        privacy pass reports E0451 after the lints (only when nothing else failed), so it is recorded."""
        f = next((f for f in getattr(d.node, "fields", ()) if f.name == name), None)
        if d.kind == "struct" and f is not None and not f.is_pub and not d.builtin and not self._visible_from(d):
            self.tcx.__dict__.setdefault("private_field_uses", []).append((span, name, d.name))

    def _deprecated_field(self, d, name, span):
        f = next((f for f in getattr(d.node, "fields", ()) if f.name == name), None)
        attr = next((a for a in getattr(f, "attrs", ()) if a.name == "deprecated"), None) if f is not None else None
        if attr is None and f is not None:      # a deprecated struct's fields are deprecated too
            attr = next((a for a in d.node.attrs if a.name == "deprecated"), None)
        if attr is not None:
            from compiler.lint.builtin import lint
            note = _deprecation_note(attr)
            lint(self.tcx, "deprecated", self.owner, f"use of deprecated field `{d.name}::{name}`" +
                 (f": {note}" if note else ""), span)

    def _check_private_assoc(self, fd, span, what):
        """E0624: an inherent impl's item without `pub`, used outside the module that can see it."""
        parent = fd.parent
        if fd.builtin or parent.kind != "impl" or parent.node.trait_ref is not None or fd.node.is_pub \
                or self._visible_from(fd):
            return
        d = self.err(f"{what} `{fd.name}` is private", "E0624", span, f"private {what}")
        d.span_label(fd.node.def_span, f"private {what} defined here")

    def _variant_lit(self, e, v, expected):
        return _variant_lit_impl(self, e, v, expected)

    def _move_out_of_ref_field(self, e, ty, borrow_help=True):
        """E0507: a non-`Copy` field moved out from behind a reference (`self.name` in a `&self` method)."""
        while isinstance(e, ast.Paren):
            e = e.inner
        if not isinstance(e, ast.Field):
            return
        root = e
        while isinstance(root, ast.Field):
            root = root.base
        b = self._local(root)
        rt = resolve(self.locals.get(b)) if b is not None else None
        t = zonk(resolve(ty)) if isinstance(resolve(ty), Ty) else None
        if not (isinstance(rt, Ty) and rt.kind == "ref") or t is None or t.is_error or self._is_copy(t):
            return
        text = e.span.file.src[e.span.lo:e.span.hi]
        d = Diag("error", f"cannot move out of `{text}` which is behind a {'mutable' if rt.mutbl else 'shared'} "
                          "reference", "E0507")
        d.primary(e.span, f"move occurs because `{text}` has type `{t}`, which does not implement the `Copy` trait")
        self._move_helps(d, e, t, borrow_help)
        self.index_moves.append(d)

    def _move_helps(self, d, e, t, borrow_help):
        """E0507's helps: where a `Clone` impl would go, borrowing instead, cloning."""
        from compiler.syntax.span import Span
        if t.kind == "adt" and not self.tcx.resolver.def_at(t.def_index).builtin and not self._implements(t, "Clone"):
            adt = self.tcx.resolver.def_at(t.def_index)
            d.children.append(SubDiag("note", f"if `{t}` implemented `Clone`, you could clone the value",
                                      [Label(adt.node.def_span, "consider implementing `Clone` for this type", True),
                                       Label(e.span, "you could clone this value", False)]))
        if borrow_help:
            d.multipart_suggestion("consider borrowing here", [(Span(e.span.lo, e.span.lo, e.span.file), "&")])
        if self._implements(t, "Clone"):
            d.multipart_suggestion("consider cloning the value if the performance cost is acceptable",
                                   [(Span(e.span.hi, e.span.hi, e.span.file), ".clone()")])

    def _move_out_of_index(self, e, ty, borrow_help=True):
        """E0507: `let x = v[i];` moves a non-`Copy` element out of a vector or array."""
        while isinstance(e, ast.Paren):
            e = e.inner
        whole = e
        while isinstance(e, ast.Field):         # `v[i].name` moves the field out of the element
            e = e.base
        if not isinstance(e, ast.Index) or self._is_copy(ty):
            return
        base = resolve(self.locals.get(self.tcx.resolver.res.get(e.base.path).target)) \
            if isinstance(e.base, ast.PathExpr) and getattr(self.tcx.resolver.res.get(e.base.path), "kind", "") == \
            "local" else None
        if base is None and isinstance(e.base, ast.Field) and e in self.index_bases:
            base = self.index_bases[e][1]
        if not isinstance(base, Ty) or base.kind == "ref":
            return
        elem = zonk(ty)
        e = whole
        d = Diag("error", f"cannot move out of index of `{zonk(base)}`", "E0507")
        d.primary(e.span, f"move occurs because value has type `{elem}`, which does not implement the `Copy` trait")
        self._move_helps(d, e, elem, borrow_help)
        self.index_moves.append(d)

    def _suggest_returning_binding(self, d, b, expected):
        """rustc's "consider returning the local binding `x`": the one `let` of the body's block whose
        type is the return type."""
        from compiler.syntax.span import Span
        exp = zonk(expected)

        def fits(t):
            t = resolve(t)
            if isinstance(t, FloatVar):
                return exp.is_float
            if isinstance(t, IntVar):
                return exp.is_integral
            return zonk(t) == exp
        hits = [s for s in b.stmts if isinstance(s, ast.Local) and s.pat is None and s in self.locals
                and isinstance(exp, Ty) and fits(self.locals[s])]
        if len(hits) != 1:
            return
        last = b.stmts[-1]
        src = last.span.file.src
        line_start = src.rfind("\n", 0, last.span.lo) + 1
        indent = src[line_start:last.span.lo]
        if indent.strip():
            return
        at = Span(last.span.hi, last.span.hi, last.span.file)
        d.multipart_suggestion(f"consider returning the local binding `{hits[0].name}`",
                               [(at, "\n" + indent + hits[0].name)])
        d.children[-1].added_lines = True

    def _non_clone_adt(self, t):
        """The local struct or enum `t` is, when it implements no `Clone` (for rustc's clone note)."""
        t = resolve(t)
        if isinstance(t, Ty) and t.kind == "adt" and t.args and self.tcx.resolver.def_at(t.def_index).builtin:
            for a in t.args:        # `Vec<Track>` clones when `Track` does
                inner = self._non_clone_adt(a)
                if inner is not None:
                    return inner
            return None
        if not isinstance(t, Ty) or t.kind != "adt" or t.args:
            return None
        d = self.tcx.resolver.def_at(t.def_index)
        return None if d.builtin or self._implements(t, "Clone") else d

    def _parse_error_types(self, last_only=False):
        """`<F as FromStr>::Err` for each `parse`, now that `F` is known (std's impls of `FromStr`)."""
        from compiler.ty.types import INT_TYPES
        parses = self.__dict__.get("parses", [])
        for e, f, err in parses[-1:] if last_only else parses:
            if isinstance(resolve(err), Ty):
                continue        # decided already
            t = resolve(f)
            if isinstance(t, FloatVar) or isinstance(t, Ty) and t.kind == "prim" and t.name in ("f32", "f64"):
                name = "ParseFloatError"
            elif isinstance(t, IntVar) or isinstance(t, Ty) and t.kind == "prim" and t.name in INT_TYPES:
                name = "ParseIntError"
            elif t == BOOL:
                name = "ParseBoolError"
            elif t == prim("char"):
                name = "ParseCharError"
            elif isinstance(t, Ty) and t.is_error:
                continue
            else:
                what = "what `parse` returns here" if not isinstance(t, Ty) else f"`parse` into `{zonk(t, default=False)}`"
                raise_unsupported(self, f"inferring {what}" if not isinstance(t, Ty) else what, e.name_span)
                continue
            self.unify(err, self.prelude_adt(name))

    def _needs_drop(self, t, seen=None) -> bool:
        """Whether dropping a value of type `t` runs code (it owns a `Vec`, `String` or `Box`): liveness
        counts that drop as a read of the variable."""
        t = resolve(t)
        if not isinstance(t, Ty) or t.kind in ("prim", "ref", "never", "error", "param", "fndef"):
            return False
        if t.kind in ("tuple", "array"):
            return any(self._needs_drop(a, seen) for a in t.args)
        if t.kind != "adt":
            return False
        d = self.tcx.resolver.def_at(t.def_index)
        if d.builtin:
            return d.name in ("Vec", "String", "Box") or any(self._needs_drop(a, seen) for a in t.args)
        if any(self._needs_drop(a, seen) for a in t.args):
            return True
        seen = seen or set()
        if d in seen:
            return False
        seen.add(d)
        if d.kind == "struct":
            return any(self._needs_drop(ft, seen) for _, ft in field_tys(self.tcx, d))
        return d.kind == "enum" and any(self._needs_drop(lower_ty(self.tcx, ty), seen)
                                        for v in d.variants.values() for ty in _variant_tys(v))

    def _is_copy(self, t) -> bool:
        """`Copy`, decided structurally (not through the evaluation cache): primitives, shared
        references, tuples and arrays of `Copy`, `Option` of `Copy`, ADTs deriving or implementing it.
        Unknown types count as `Copy`, so that no false use-after-move is reported."""
        t = resolve(t)
        if not isinstance(t, Ty):
            return True
        if t.kind in ("prim", "never", "error", "param", "fndef"):
            return t.kind != "prim" or t.name != "str"
        if t.kind == "ref":
            return not t.mutbl
        if t.kind in ("tuple", "array"):
            return all(self._is_copy(a) for a in t.args)
        if t.kind != "adt":
            return True
        d = self.tcx.resolver.def_at(t.def_index)
        if d.builtin:
            return d.name == "Option" and all(self._is_copy(a) for a in t.args) or d.name in ("Range",)
        if "Copy" in self.tcx.resolver.derives.get(d, ()):
            return all(self._is_copy(a) for a in t.args)
        return any(i.node.trait_ref is not None and i.node.trait_ref.name == "Copy" and
                   getattr(self.tcx.resolver.res.get(getattr(i.node.self_ty, "path", None)), "target", None) is d
                   for i in self.tcx.resolver.defs if i.kind == "impl")

    def _warn_unreachable(self, b, s):
        """`unreachable_code`: the first statement (or tail) after one that diverges."""
        i = b.stmts.index(s)
        if i + 1 >= len(b.stmts) or not hasattr(self.tcx.dcx, "has_errors_within"):
            return
        nxt = b.stmts[i + 1]
        tail = isinstance(nxt, ast.ExprStmt) and not nxt.semi and nxt is b.stmts[-1]
        what = "expression" if tail else "statement"
        d = Diag("warning", f"unreachable {what}", lint="unreachable_code")
        d.primary(nxt.expr.span if tail else nxt.span, f"unreachable {what}")
        d.span_label(s.expr.span, "any code following this expression is unreachable")
        d.lint_owner = self.owner
        self.tcx.dcx.emit(d)
        dead = self.tcx.__dict__.setdefault("unreachable_spans", [])
        dead.append(nxt.span.to(b.stmts[-1].span))

    def _use_field(self, e):
        """`x.f` reads through `x`: a use of `x` after a whole move is E0382 on `x.f`."""
        from compiler.infer.moves import Use
        base = e.base
        while isinstance(base, ast.Field):
            base = base.base
        b = self._local(base)
        if b is not None:
            self.uses.append(Use(b, "field", e))
            self._field_use = self.uses[-1]

    def _local(self, e):
        """The local binding a path expression (in parentheses or not) names, or None."""
        while isinstance(e, ast.Paren):
            e = e.inner
        r = self._res(e.path) if isinstance(e, ast.PathExpr) else None
        if r is None or r.kind != "local":
            return None
        return self.tcx.resolver.pat_alias.get(r.target, r.target)

    def _use(self, e, kind, callee=None, param=None, method=None):
        """Records a use of a whole local variable (`kind`: "move", "borrow" or "assign")."""
        from compiler.infer.moves import Use
        b = self._local(e)
        if b is not None:
            while isinstance(e, ast.Paren):
                e = e.inner
            self.uses.append(Use(b, kind, e, callee, param, method))

    def _note_mut_use(self, place, kind, span=None, through_ref=False):
        """Records that `place`'s base binding is assigned or mutably borrowed (for E0384, E0596 and
        `unused_mut`); uses through a reference need no `mut` on the binding."""
        base, direct = place, True
        while True:
            if isinstance(base, ast.Paren):
                base = base.inner
            elif isinstance(base, (ast.Field, ast.Index)):
                base, direct = base.base, False
            elif isinstance(base, ast.Unary) and base.op == "*":
                b = self._local(base.operand)
                t = resolve(self.locals.get(b)) if b is not None else None
                if kind != "borrow" and isinstance(t, Ty) and t.kind == "ref" and not t.mutbl:
                    self.mut_uses.append((b, "assign_ref", span or place.span, place))    # `*p = v`, `p: &T`
                return
            else:
                break
        b = self._local(base)
        if b is None:
            return
        t = resolve(self.locals.get(b))
        shared_ref = isinstance(t, Ty) and t.kind == "ref" and not t.mutbl
        if through_ref or isinstance(t, Ty) and t.kind == "ref" and (not direct or kind == "borrow" and span is None):
            # through a reference: no `mut` needed on the binding, but a `&` reference cannot be written
            if shared_ref and (not direct or through_ref):
                boxed = direct and kind == "borrow" and self.is_adt(resolve(t.args[0]), "Box")    # `**c`
                self.mut_uses.append((b, "assign_ref" if kind != "borrow" else "borrow_ref_box" if boxed
                                      else "borrow_ref", span or place.span, place))
            return
        self.mut_uses.append((b, kind if direct or kind == "borrow" else "assign_field", span or place.span, place))

    def expr_If(self, e, expected):
        self.check_expr_coercible(e.cond, BOOL)
        reason, self._if_reason = getattr(self, "_if_reason", None), None
        value_ctx, self._if_value = getattr(self, "_if_value", None) is e, None
        if e.els is None and expected is None and value_ctx:
            # no expectation: the block's own type is what `()` fails to be
            t = resolve(self.check_block(e.then, None))
            if isinstance(t, (Ty, IntVar)) and not (isinstance(t, Ty) and (t.kind in ("never", "error") or t == UNIT)):
                d = self.err("`if` may be missing an `else` clause", "E0317", e.span,
                             f"expected {show(t)}, found `()`")
                if e.then.tail is not None:
                    d.span_label(e.then.tail.span, "found here")
                d.note("`if` expressions without `else` evaluate to `()`")
                d.help("consider adding an `else` block that evaluates to the expected type")
                return ERROR
            return UNIT
        if e.els is None:
            exp = resolve(expected) if expected is not None else None
            if isinstance(exp, Ty) and exp.kind not in ("tuple", "never", "error") and not _has_vars(exp):
                before = len(self._emitted)
                self.check_block(e.then, exp)
                if len(self._emitted) > before:
                    return ERROR        # the block's own mismatch is the error rustc reports
                d = self.err("`if` may be missing an `else` clause", "E0317", e.span,
                             f"expected {show(exp)}, found `()`")
                if reason is not None:
                    d.span_label(*reason)
                elif e.then.tail is not None:
                    d.span_label(e.then.tail.span, "found here")
                d.note("`if` expressions without `else` evaluate to `()`")
                d.help("consider adding an `else` block that evaluates to the expected type")
                return ERROR
            self._if_without_else = e
            self.check_block(e.then, UNIT)
            self._if_without_else = None
            return UNIT
        t = self.check_block(e.then, expected)
        if expected is None:
            f = self.check_expr(e.els, None)
            rt, rf = resolve(t), resolve(f)
            if isinstance(rt, Ty) and rt.kind == "never":
                return f
            if isinstance(rf, Ty) and rf.kind == "never":
                return t
            if not self.coerce(t, f):
                d = self.mismatch(t, f, self._mismatch_span(e.els))
                d.message = "`if` and `else` have incompatible types"
                then_tail = e.then.tail
                if then_tail is not None:
                    d.span_label(self._mismatch_span(then_tail), "expected because of this")
                if "\n" in e.span.file.src[e.span.lo:e.span.hi]:
                    d.span_label(e.span, "`if` and `else` have incompatible types")
                tail = self._mismatch_tail(e.els)
                self._conversion_help(d, tail, t, f)
                return ERROR
            return t
        exp = expected
        f = self.check_expr(e.els, exp)
        if not self.unify(exp, f):
            self.mismatch(exp, f, self._mismatch_span(e.els))
            return ERROR
        rt = resolve(t)
        return f if isinstance(rt, Ty) and rt.kind == "never" else t

    def expr_While(self, e, expected):
        self.check_expr_coercible(e.cond, BOOL)
        self._enter_loop(e, None)
        self.check_block(e.body, UNIT)
        self._leave_loop(e)
        return UNIT

    def _enter_loop(self, e, breaks):
        self.loop_breaks.append(breaks)
        self.loop_labels.append(getattr(e, "label", None))
        self._loop_nodes.append(e)

    def _leave_loop(self, e):
        self.loop_labels.pop()
        self._loop_nodes.pop()
        label = getattr(e, "label", None)
        if label is not None and label not in self.labels_used and hasattr(self.tcx.dcx, "has_errors_within"):
            from compiler.lint.builtin import lint
            lint(self.tcx, "unused_labels", self.owner, "unused label", e.label_span)
        return self.loop_breaks.pop()

    def _break_target(self, e):
        """The break list of the loop a `break`/`continue` leaves (its label's, or the innermost), or
        False after reporting E0426 for an undeclared label."""
        label = getattr(e, "label", None)
        if label is None:
            return self.loop_breaks[-1]
        if label in self.loop_labels:
            self.labels_used.add(label)
            return self.loop_breaks[len(self.loop_labels) - 1 - self.loop_labels[::-1].index(label)]
        self.err(f"use of undeclared label `{label}`", "E0426", e.label_span, f"undeclared label `{label}`")
        return False

    def expr_Loop(self, e, expected):
        self._enter_loop(e, [])
        self.check_block(e.body, UNIT)
        breaks = self._leave_loop(e)
        if not breaks:
            return UNIT if _has_break(e.body) else NEVER
        first = None
        for t, x in breaks:
            if first is None:
                first = t
            elif not self.coerce(first, t):
                self.mismatch(first, t, self._mismatch_span(x))
        return first

    def expr_Break(self, e, expected):
        if not self.loop_breaks:
            self.err("`break` outside of a loop or labeled block", "E0268", e.span,
                     "cannot `break` outside of a loop or labeled block")
            if e.value is not None:
                self.check_expr(e.value, None)
            return NEVER
        target = self._break_target(e)
        if target is False:
            return NEVER
        if target is None and e.value is not None:
            loop_node = self._loop_nodes[-1] if self._loop_nodes else None
            d = self.err("`break` with value from a `while` loop" if isinstance(loop_node, ast.While) else
                         "`break` with value from a `for` loop", "E0571", e.span,
                         "can only break with a value inside `loop` or breakable block")
            if loop_node is not None:
                head = loop_node.span.lo, loop_node.body.span.lo
                from compiler.syntax.span import Span
                src = loop_node.span.file.src
                end = head[1]
                while end > head[0] and src[end - 1] == " ":
                    end -= 1
                kw = "while" if isinstance(loop_node, ast.While) else "for"
                d.span_label(Span(head[0], end, loop_node.span.file),
                             f"you can't `break` with a value in a `{kw}` loop")
                d.multipart_suggestion(f"use `break` on its own without a value inside this `{kw}` loop",
                                       [(Span(e.span.lo + 5, e.span.hi, e.span.file), "")])
            self.check_expr(e.value, None)
            return NEVER
        if e.value is not None:
            exp = target[0][0] if target else None
            t = self.check_expr(e.value, exp)
            if target is not None:
                target.append((t, e.value))
        elif target is not None:
            target.append((UNIT, e))
        return NEVER

    def expr_Return(self, e, expected):
        if e.value is not None:
            self._use(e.value, "move")
            found = self.check_expr(e.value, self.ret)
            if not self.coerce(self.ret, found):
                d = self.mismatch(self.ret, found, self._mismatch_span(e.value))
                self._return_type_label(d, self.ret)
                self._conversion_help(d, self._mismatch_tail(e.value), self.ret, found)
        elif not self.unify(self.ret, UNIT):
            self.mismatch(self.ret, UNIT, e.span)
        return NEVER

    def expr_TupleExpr(self, e, expected):
        exp = resolve(expected)
        if isinstance(exp, Ty) and exp.kind == "tuple" and len(exp.args) == len(e.elems):
            # each element coerces to its expected type (rustc's `check_expr_coercible_to_type`), and the
            # tuple has the expected element types
            tys = []
            for x, t in zip(e.elems, exp.args):
                found = self.check_expr(x, t)
                tys.append(t if self.coerce(t, found) else found)
            return Ty("tuple", args=tuple(tys))
        return Ty("tuple", args=tuple(self.check_expr(x, None) for x in e.elems))

    def expr_Field(self, e, expected):
        base = written = resolve(self.check_expr(e.base, None))
        while isinstance(base, Ty) and (base.kind == "ref" or self.is_adt(base, "Box")):
            base = resolve(base.args[0])               # auto-deref
        if isinstance(base, Ty) and base.is_error:
            return ERROR
        self._use_field(e)
        if isinstance(base, Ty) and base.kind == "tuple" and e.name.isdigit() and int(e.name) < len(base.args):
            return base.args[int(e.name)]
        if isinstance(base, Ty) and base.kind == "tuple":
            shown = str(zonk(base, default=False))
            d = self.err(f"no field `{e.name}` on type `{shown}`", "E0609", e.name_span, "unknown field")
            d.note("available fields are: " + ", ".join(f"`{i}`" for i in range(len(base.args))))
            return ERROR
        if isinstance(base, Ty) and base.kind == "adt" and self.tcx.resolver.def_at(base.def_index).kind == "struct":
            d = self.tcx.resolver.def_at(base.def_index)
            fdef = next((f for f in d.node.fields if f.name == e.name), None)
            self._deprecated_field(d, e.name, e.span)
            if fdef is not None and not fdef.is_pub and not d.builtin and not self._visible_from(d):
                diag = self.err(f"field `{e.name}` of struct `{d.name}` is private", "E0616", e.name_span,
                                "private field")
                if self._assoc_fn(base, e.name, method=True) is not None:
                    from compiler.syntax.span import Span
                    diag.multipart_suggestion(f"a method `{e.name}` also exists, call it with parentheses",
                                              [(Span(e.name_span.hi, e.name_span.hi, e.name_span.file), "()")])
                return ERROR
            params = [p.name for p in d.node.generics.params]
            for name, t in field_tys(self.tcx, d):
                if name == e.name:
                    self.fields_read.append((d, name))
                    t = t.subst(dict(zip(params, base.args)))
                    use = getattr(self, "_field_use", None)
                    if use is not None and use.expr is e:
                        use.copy = self._is_copy(t)
                    return t
        shown = str(zonk(base, default=False)) if isinstance(base, Ty) else "{integer}" if isinstance(base, IntVar) \
            else "_"
        if isinstance(base, TyVar):
            self.err("type annotations needed", "E0282", e.base.span)
            return ERROR
        if isinstance(written, Ty) and written.kind == "ref" and isinstance(base, Ty):
            shown = str(zonk(written, default=False))       # rustc names the type as written, references and all
        d = self.err(f"no field `{e.name}` on type `{shown}`", "E0609", e.name_span, "unknown field")
        if isinstance(base, Ty) and base.kind == "adt" and self.tcx.resolver.def_at(base.def_index).kind == "struct" \
                and not self.tcx.resolver.def_at(base.def_index).builtin:
            names = [n for n, _ in field_tys(self.tcx, self.tcx.resolver.def_at(base.def_index))]
            similar = _similar(e.name, names)
            if similar is not None:
                d.multipart_suggestion("a field with a similar name exists", _edit(e.name_span, e.name, similar))
            elif names:
                d.note("available fields are: " + ", ".join(f"`{n}`" for n in names))
        elif isinstance(base, Ty) and (self.is_adt(base, "Option") or self.is_adt(base, "Result")) and base.args:
            inner = resolve(base.args[0])
            while isinstance(inner, Ty) and inner.kind == "ref":
                inner = resolve(inner.args[0])
            if isinstance(inner, Ty) and inner.kind == "adt" and not self.tcx.resolver.def_at(inner.def_index).builtin \
                    and any(n == e.name for n, _ in field_tys(self.tcx, self.tcx.resolver.def_at(inner.def_index))):
                from compiler.syntax.span import Span
                d.multipart_suggestion("one of the expressions' fields has a field of the same name",
                                       [(Span(e.name_span.lo, e.name_span.lo, e.name_span.file), "unwrap().")])
        return ERROR

    def expr_StructLit(self, e, expected):
        r = self._res(e.path)
        if r is not None and r.kind == "def" and r.target.kind == "variant":
            return self._variant_lit(e, r.target, expected)
        if r is None or r.kind != "def" or r.target.kind != "struct":
            for _, _, v in e.fields:
                self.check_expr(v, None)
            return ERROR
        d = r.target
        self._check_deprecated(d, e.path)
        fields = dict(field_tys(self.tcx, d))
        params = {p.name for p in d.node.generics.params}
        subst: dict = {}
        if params and isinstance(expected, Ty) and expected.kind == "adt" and expected.def_index == d.index:
            _bind(self.tcx.query("type_of", d), expected, subst)
        for name, span, v in e.fields:
            self._use(v, "move")
            self._deprecated_field(d, name, span.to(v.span))
            self._private_field_use(d, name, span)
            if name not in fields:
                self.check_expr(v, None)
                rest = [n for n in fields if n not in {f for f, _, _ in e.fields}]
                similar = _similar(name, rest)
                diag = self.err(f"struct `{d.name}` has no field named `{name}`", "E0560", span,
                                "unknown field" if similar else f"`{d.name}` does not have this field")
                if similar:
                    diag.multipart_suggestion("a field with a similar name exists", _edit(span, name, similar))
                else:
                    diag.note("available fields are: " + ", ".join(f"`{n}`" for n in rest) if rest
                              else "all struct fields are already assigned")
                continue
            raw = fields[name]
            mentioned = {n for n in params if _mentions(raw, {n})} if params else set()
            if mentioned and not mentioned <= set(subst):
                # a generic struct literal: its type arguments are inferred from the fields (integer
                # variables stay open until something decides them)
                found = self.check_expr(v, None)
                _bind(raw, _inferred(found), subst)
                continue
            field_ty = raw.subst(subst) if subst else raw
            self.check_expr_coercible(v, field_ty)
        given = {n for n, _, _ in e.fields}
        missing = [n for n in fields if n not in given]
        if e.base is not None:
            ty = self.tcx.query("type_of", d)
            self.check_expr_coercible(e.base, ty.subst(subst) if subst else ty)
            missing = []
        if missing and all(n in fields for n in given):     # rustc says nothing more after an E0560
            names = ", ".join(f"`{n}`" for n in missing)
            self.err(f"missing field{'s' if len(missing) > 1 else ''} {names} in initializer of `{d.name}`",
                     "E0063", e.path.span, f"missing {names}")
        ty = self.tcx.query("type_of", d)
        return ty.subst(subst) if subst else ty


def _variant_lit_impl(fcx, e, v, expected):
    """`E::V { a: .. }`: a struct-like variant's literal."""
    adt = fcx._variant_adt(v, expected)
    fcx.constructed.append(v)
    fields = dict(fcx.fields_of(v, adt))
    text = e.path.span.file.src[e.path.span.lo:e.path.span.hi]
    for name, span, val in e.fields:
        if name not in fields:
            fcx.check_expr(val, None)
            diag = fcx.err(f"variant `{text}` has no field named `{name}`", "E0559", span,
                           f"`{text}` does not have this field")
            rest = [n for n in fields if n not in {f for f, _, _ in e.fields}]
            diag.note("available fields are: " + ", ".join(f"`{n}`" for n in rest) if rest
                      else "all struct fields are already assigned")
            continue
        fcx.check_expr_coercible(val, fields[name])
    missing = [n for n in fields if n not in {f for f, _, _ in e.fields}]
    if missing and e.base is None and v.node.kind == "named":
        names = ", ".join(f"`{n}`" for n in missing)
        fcx.err(f"missing field{'s' if len(missing) > 1 else ''} {names} in initializer of `{v.parent.name}`",
                "E0063", e.path.span, f"missing {names}")
    return adt


def _float_ness(t):
    t = resolve(t)
    return isinstance(t, FloatVar) or isinstance(t, Ty) and t.is_float


def _same_shape(want, have) -> bool:
    """Whether `have` would unify with `want` (without binding anything)."""
    want, have = resolve(want), resolve(have)
    if isinstance(want, TyVar) or isinstance(have, TyVar):
        return True
    if isinstance(have, IntVar):
        return have.accepts(want) if isinstance(want, Ty) else type(want) is type(have)
    if isinstance(want, IntVar):
        return isinstance(have, Ty) and want.accepts(have)
    if not (isinstance(want, Ty) and isinstance(have, Ty)):
        return False
    return want.kind == have.kind and want.name == have.name and want.mutbl == have.mutbl and \
        len(want.args) == len(have.args) and all(_same_shape(a, b) for a, b in zip(want.args, have.args))


def _into_source(recv):
    """The type `x.into()` converts from, for a primitive, a `&str` or a `String` receiver."""
    t = resolve(recv)
    if isinstance(t, Ty) and (t.kind == "prim" and t.name != "str" or t.kind == "ref" and
                              resolve(t.args[0]) == prim("str") or t.kind == "adt" and t.name == "String"):
        return zonk(t, default=False)
    return None


def _simple_text(t) -> bool:
    """rustc's `Ty::is_simple_text`: such types are shown in the label alone, without a note."""
    t = resolve(t)
    if isinstance(t, (IntVar, TyVar)):
        return True
    if t.kind == "adt":
        return not t.args
    if t.kind == "ref":
        return _simple_text(t.args[0])
    return _simple_ty(t)


def static_str_note(d, e):
    """A string literal's type is `&'static str` in rustc's expected/found note."""
    while isinstance(e, ast.Paren):
        e = e.inner
    if isinstance(e, ast.Lit) and e.kind == "str" and d.children and d.children[-1].message.endswith(
            "found reference `&str`"):
        d.children[-1].message = d.children[-1].message[:-len("`&str`")] + "`&'static str`"


def _simple_ty(t) -> bool:
    t = resolve(t)
    if isinstance(t, IntVar):
        return True
    if not isinstance(t, Ty):
        return False
    if t.kind == "prim" or t.kind == "error" or t.kind == "never":
        return True
    if t.kind in ("ref", "array", "slice"):
        inner = resolve(t.args[0])
        while isinstance(inner, Ty) and inner.kind == "ref":
            inner = resolve(inner.args[0])
        return _simple_ty(inner)
    return t.kind == "tuple" and not t.args


def _prefix(t) -> str:
    t = resolve(t)
    if isinstance(t, IntVar) or not isinstance(t, Ty):
        return "type"
    return {"ref": "mutable reference" if t.mutbl else "reference", "tuple": "tuple" if t.args else "unit type",
            "array": "array", "slice": "slice", "param": "type parameter"}.get(t.kind, "type")


def _expected_found_note(d, e, f, adt_kind):
    if not (isinstance(e, (Ty, IntVar)) and isinstance(f, (Ty, IntVar))):
        return
    if isinstance(e, Ty) and e.references_error() or isinstance(f, Ty) and f.references_error():
        return
    differ_mut = isinstance(e, Ty) and isinstance(f, Ty) and e.kind == f.kind == "ref" and e.mutbl != f.mutbl
    if _simple_text(e) and _simple_text(f) and not differ_mut:
        return
    pe, pf = _prefix(e), _prefix(f)
    if isinstance(e, Ty) and e.kind == "adt":
        pe = adt_kind(e)
    if isinstance(f, Ty) and f.kind == "adt":
        pf = adt_kind(f)
    left, right = f"expected {pe} ", f"found {pf} "
    pad = " " * max(0, len(left) - len(right))
    se, sf = _cmp(zonk(e, default=False) if isinstance(e, Ty) else e, zonk(f, default=False) if isinstance(f, Ty) else f)
    d.note(f"{left}`{se}`\n{pad}{right}`{sf}`")


def _cmp(e, f) -> tuple[str, str]:
    """rustc's `TypeErrCtxt::cmp` for the expected/found note: the generic arguments two instances of one
    type share are shown as `_`."""
    if not (isinstance(e, Ty) and isinstance(f, Ty)):
        return str(e), str(f)
    if e.kind == "ref" and e.args[0] == f:          # one is a reference to the other: `&_` and `_`
        return ("&mut _" if e.mutbl else "&_"), "_"
    if f.kind == "ref" and f.args[0] == e:
        return "_", ("&mut _" if f.mutbl else "&_")
    if e.kind == f.kind == "ref":
        a, b = _cmp(e.args[0], f.args[0])
        return ("&mut " if e.mutbl else "&") + a, ("&mut " if f.mutbl else "&") + b
    if e.kind == f.kind == "adt" and e.def_index == f.def_index and e.args and len(e.args) == len(f.args) \
            and not str(e).startswith(e.name + "<'"):
        pairs = [("_", "_") if a == b else _cmp(a, b) for a, b in zip(e.args, f.args)]
        return (f"{e.name}<{', '.join(a for a, _ in pairs)}>", f"{f.name}<{', '.join(b for _, b in pairs)}>")
    return str(e), str(f)


def _mentions(t: Ty, names: set) -> bool:
    return (t.kind == "param" and t.name in names) or any(isinstance(a, Ty) and _mentions(a, names) for a in t.args)


def _bind(pattern: Ty, ty, subst: dict):
    if pattern.kind == "param" and isinstance(ty, IntVar):
        subst.setdefault(pattern.name, ty)
        return
    if not isinstance(ty, Ty):
        return
    if pattern.kind == "param":
        subst.setdefault(pattern.name, ty)
    elif pattern.kind == "slice" and ty.kind in ("array", "adt") and ty.args:
        _bind(pattern.args[0], ty.args[0], subst)
    elif pattern.kind == ty.kind and len(pattern.args) == len(ty.args):
        for p, t in zip(pattern.args, ty.args):
            _bind(p, t, subst)


def _concrete(t):
    t = resolve(t)
    if isinstance(t, IntVar):
        return prim(t.default)
    return zonk(t) if isinstance(t, Ty) else t


def _inferred(t):
    """An argument's type for binding a generic parameter: numeric variables stay open (so that the
    expected type can still decide them), other types are resolved."""
    r = resolve(t)
    if isinstance(r, IntVar):
        return r
    return zonk(r, default=False) if isinstance(r, Ty) else r


def _has_vars(t) -> bool:
    t = resolve(t)
    return not isinstance(t, Ty) or any(_has_vars(a) for a in t.args)


def _has_break(b: ast.Block) -> bool:
    for s in b.stmts:
        e = s.expr if isinstance(s, ast.ExprStmt) else None
        if isinstance(e, ast.Break):
            return True
        if isinstance(e, ast.If) and (_has_break(e.then) or (isinstance(e.els, ast.BlockExpr)
                                                              and _has_break(e.els.block))):
            return True
    return False


def _deprecation_note(attr) -> str | None:
    """The text of `#[deprecated = "..."]` or `#[deprecated(note = "...")]`."""
    if attr.value is not None:
        return attr.value.strip('"')
    toks = attr.tokens
    for i in range(len(toks) - 2):
        if toks[i].text == "note" and toks[i + 1].is_punct("=") and toks[i + 2].kind == "str":
            return toks[i + 2].text.strip('"')
    return None


def _similar(name: str, candidates: list[str], substrings: bool = False) -> str | None:
    """rustc's `find_best_match_for_name` (`_with_substrings` for methods), simplified: a case-insensitive
    match, else the closest candidate within an edit distance of a third of the name's length."""
    def dist(a, b):     # with adjacent transpositions, as rustc's `edit_distance`
        rows = [list(range(len(b) + 1))]
        for i, ca in enumerate(a, 1):
            cur = [i]
            for j, cb in enumerate(b, 1):
                v = min(rows[-1][j] + 1, cur[j - 1] + 1, rows[-1][j - 1] + (ca != cb))
                if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                    v = min(v, rows[-2][j - 2] + 1)
                cur.append(v)
            rows.append(cur)
        return rows[-1][-1]
    upper = name.upper()
    same = next((c for c in candidates if c.upper() == upper), None)
    if same is not None:
        return same         # a case-insensitive match comes first
    limit = max(len(name), 3) // 3

    def score(c):
        d = dist(name, c)
        if not substrings:
            return d
        # `edit_distance_with_substrings`: a name that contains the other scores as a near miss
        n, m = len(name), len(c)
        big, diff = n * 2 < m or m * 2 < n, abs(n - m)
        if d > limit + diff:
            return d + diff     # out of reach
        d -= diff
        return 1 if d == 0 and diff and not big else d + (diff + 1) // 2 if not big else d + diff
    scored = sorted((score(c), c) for c in candidates)
    return scored[0][1] if scored and scored[0][0] <= limit else None


def _edit(span, old: str, new: str) -> list:
    """A suggestion turning `old` (at `span`) into `new`: an insertion where one suffices, as rustc
    shows it (`+++`), else a replacement."""
    from compiler.syntax.span import Span
    p = 0
    while p < min(len(old), len(new)) and old[p] == new[p]:
        p += 1
    q = 0
    while q < min(len(old), len(new)) - p and old[-1 - q] == new[-1 - q]:
        q += 1
    if p + q == len(old):
        at = span.lo + p
        return [(Span(at, at, span.file), new[p:len(new) - q])]
    return [(span, new)]


def _variant_tys(v):
    """The field types (as written) of an enum variant."""
    return [f.ty if hasattr(f, "ty") else f for f in (getattr(v.node, "fields", None) or [])]


def _is_ctor_call(a) -> bool:
    """`Some(..)` and the like: rustc suggests no unwrapping of a value just built."""
    return isinstance(a, ast.Call) and isinstance(a.func, ast.PathExpr) and a.func.path.segments[-1].name in (
        "Some", "None", "Ok", "Err")


# compound assignment: (rustc's verb, trait)
_ASSIGN_OP_TRAIT = {"+=": ("add-assign", "AddAssign"), "-=": ("subtract-assign", "SubAssign"),
                    "*=": ("multiply-assign", "MulAssign"), "/=": ("divide-assign", "DivAssign"),
                    "%=": ("rem-assign", "RemAssign")}

# std's `#[rustc_confusables]`: (type, name written) -> the method meant
CONFUSABLES = {("Vec", "size"): "len", ("Vec", "length"): "len", ("Vec", "push_back"): "push",
               ("Vec", "put"): "push", ("Vec", "pop_back"): "pop",
               ("String", "size"): "len", ("String", "length"): "len", ("String", "append"): "push_str"}


def _char_lit(c: str) -> str:
    return "'" + {"'": "\\'", "\\": "\\\\", "\n": "\\n", "\t": "\\t"}.get(c, c) + "'"
