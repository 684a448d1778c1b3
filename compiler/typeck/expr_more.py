"""Type checking of the everyday expressions (rustc_hir_typeck): `match`, `if let`/`while let`, `for`,
arrays and indexing, casts, ranges, the built-in macros, enum variants and the prelude's methods."""
from __future__ import annotations

from compiler.syntax import ast
from compiler.ty.collect import fn_sig_any, lower_ty, type_of_any
from compiler.ty.types import (BOOL, ERROR, NEVER, UNIT, FloatVar, IntVar, Ty, TyVar, prim, resolve,
                               show, zonk)

FORMAT_RET = {"println": UNIT, "print": UNIT, "eprintln": UNIT, "eprint": UNIT}
DIVERGING = {"panic", "todo", "unimplemented", "unreachable"}

# std macros whose expansion (spanned by their definition) covers several lines
_MULTILINE_MACROS = {"format", "vec", "matches", "assert", "assert_eq", "assert_ne", "println", "print",
                     "eprintln", "eprint", "write", "writeln"}


class ExprMore:
    """Mixin of `FnCtxt`."""

    # ---- helpers
    def new_var(self):
        return TyVar()

    def fresh_adt(self, d):
        return Ty("adt", d.name, tuple(TyVar() for _ in d.node.generics.params), def_index=d.index)

    def show_ty(self, t) -> str:
        return show(t)

    def prelude_adt(self, name: str, *args):
        d = self.tcx.resolver.prelude.root.types[name]
        return Ty("adt", d.name, tuple(args), def_index=d.index)

    def is_adt(self, t, name: str) -> bool:
        t = resolve(t)
        if not (isinstance(t, Ty) and t.kind == "adt"):
            return False
        d = self.tcx.resolver.def_at(t.def_index)
        return d.builtin and d.name == name

    def coerce(self, expected, found) -> bool:
        """Unification after rustc's coercions: `&mut T` to `&T`, unsizing `&[T; N]` and `&Vec<T>` to
        `&[T]`, `&String` to `&str`, `&Box<T>` to `&T`, and `!` to anything."""
        e, f = resolve(expected), resolve(found)
        if isinstance(f, (IntVar, TyVar)):
            self._select_where_possible()
        if isinstance(e, Ty) and isinstance(f, Ty) and e.kind == "ref" and f.kind == "ref" and (not e.mutbl or f.mutbl):
            ei, fi = resolve(e.args[0]), resolve(f.args[0])
            if isinstance(ei, Ty) and isinstance(fi, Ty):
                if ei.kind == "slice" and fi.kind == "array" or ei.kind == "slice" and self.is_adt(fi, "Vec"):
                    return self.unify(ei.args[0], fi.args[0])
                if ei.kind == "prim" and ei.name == "str" and self.is_adt(fi, "String"):
                    return True
                if self.is_adt(fi, "Box") and not self.is_adt(ei, "Box"):
                    return self.unify(ei, fi.args[0])
                if e.mutbl != f.mutbl:
                    return self.unify(ei, fi)
                while isinstance(fi, Ty) and fi.kind == "ref" and not (isinstance(ei, Ty) and ei.kind == "ref"):
                    fi = resolve(fi.args[0])          # deref coercion: `&&T` to `&T`
                    if self.unify(ei, fi):
                        return True
        return self.unify(expected, found)

    # ---- control flow
    def expr_Let(self, e, expected):
        t = self.check_expr(e.init, None)
        self.pat_origin = e.init
        self.check_pat(e.pat, t)
        self.pat_origin = None
        return BOOL

    def expr_Match(self, e, expected):
        scrut = self.check_expr(e.scrutinee, None)
        result = expected
        all_never = True
        prior = []          # the arms typed so far (not `!`)
        for arm in e.arms:
            self.pat_origin = e.scrutinee
            self.check_pat(arm.pat, scrut)
            self.pat_origin = None
            if arm.guard is not None:
                self.check_expr_coercible(arm.guard, BOOL)
            t = self.check_expr(arm.body, result)
            rt = resolve(t)
            if isinstance(rt, Ty) and rt.kind == "never":
                continue
            all_never = False
            if result is None:
                result = t
                prior.append(arm)
                continue
            if self.coerce(result, t):
                prior.append(arm)
            elif not prior:
                d = self.mismatch(result, t, self._mismatch_span(arm.body))  # the first arm, against the expectation
                if expected is not None and getattr(self, "_tail_of_body", None) is e:
                    self._return_type_label(d, expected)
                self._conversion_help(d, self._mismatch_tail(arm.body), result, t)
                result = ERROR          # rustc's coercion is in error from here: no more arm errors
            else:
                self._incompatible_arms(e, prior, result, t, arm, expected)
                result = ERROR
        self.pending_matches.append((e, scrut))
        if not e.arms or all_never:
            return NEVER
        return result if result is not None else UNIT

    def _assert_eq_without_partial_eq(self, e, t):
        """`assert_eq!(a, b)` on a type without `PartialEq`: rustc's E0369 on the macro call."""
        from compiler.errors import Diag
        from compiler.prelude import DERIVABLE
        from compiler.typeck.check import derive_suggestion
        op = "==" if e.name == "assert_eq" else "!="
        d = Diag("error", f"binary operation `{op}` cannot be applied to type `{t}`", "E0369")
        d.primary(e.span)
        d.span_label(e.span, str(t))
        d.span_label(e.span, str(t))
        adt = self.tcx.resolver.def_at(t.def_index)
        d.span_note(adt.node.def_span, f"an implementation of `PartialEq` might be missing for `{t}`")
        d.children[-1].labels[0].text = "must implement `PartialEq`"
        if "PartialEq" in DERIVABLE:
            derive_suggestion(d, str(t), adt.node, "PartialEq")
        self.tcx.dcx.emit(d)

    def _assert_eq_without_debug(self, e, t):
        """`assert_eq!` prints both operands with `{:?}` when it fails: an E0277 for each, on the call
        (the same text twice, as rustc, whose two spans differ inside the expansion)."""
        from compiler.errors import Diag
        from compiler.typeck.check import derive_suggestion
        from compiler.typeck.fmt_check import _fields_implement
        adt = self.tcx.resolver.def_at(t.def_index)
        for _ in range(2):
            d = Diag("error", f"`{t}` doesn't implement `Debug`", "E0277")
            d.primary(e.span, f"the trait `Debug` is not implemented for `{t}`")
            d.note(f"add `#[derive(Debug)]` to `{t}` or manually `impl Debug for {t}`")
            if _fields_implement(self, adt, t, "Debug", e.span):
                derive_suggestion(d, str(t), adt.node, "Debug")
            d.distinct = True
            self.tcx.dcx.emit(d)
            self._emitted.append(d)
            self._fulfillment_order(d)

    def expr_Try(self, e, expected):
        """`x?` on an `Option` or `Result`, in a function that returns one (rustc's `FromResidual`)."""
        from compiler.errors import Diag
        t = resolve(self.check_expr(e.expr, None))
        self._use(e.expr, "move")
        if isinstance(t, Ty) and t.is_error:
            return ERROR
        kind = next((k for k in ("Option", "Result") if isinstance(t, Ty) and self.is_adt(t, k)), None)
        out = t.args[0] if kind is not None else ERROR
        if kind is None and isinstance(t, Ty):
            shown = zonk(t, default=False)
            self.err("the `?` operator can only be applied to values that implement `Try`", "E0277", e.span,
                     f"the `?` operator cannot be applied to type `{shown}`").help(
                f"the nightly-only, unstable trait `Try` is not implemented for `{shown}`")
        if self.owner.kind not in ("fn", "assoc_fn"):
            return out
        ret = resolve(self.ret)
        ret_kind = next((k for k in ("Option", "Result") if isinstance(ret, Ty) and self.is_adt(ret, k)), None)
        sig = self.owner.node.head_span
        shown_ret = zonk(ret, default=False) if isinstance(ret, Ty) else ret
        if ret_kind is None:
            msg = ("the `?` operator can only be used in a function that returns `Result` or `Option` (or another "
                   "type that implements `FromResidual`)",
                   f"cannot use the `?` operator in a function that returns `{shown_ret}`",
                   "this function should return `Result` or `Option` to accept `?`")
        elif kind == "Option" and ret_kind == "Result":
            msg = ("the `?` operator can only be used on `Result`s, not `Option`s, in a function that returns "
                   "`Result`", f"use `.ok_or(...)?` to provide an error compatible with `{shown_ret}`",
                   "this function returns a `Result`")
        elif kind == "Result" and ret_kind == "Option":
            msg = ("the `?` operator can only be used on `Option`s, not `Result`s, in a function that returns "
                   "`Option`", "use `.ok()?` if you want to discard the "
                   f"`Result<Infallible, {zonk(t.args[1], default=False)}>` error information",
                   "this function returns an `Option`")
        else:
            return out
        d = Diag("error", msg[0], "E0277")
        d.primary(e.q_span, msg[1])
        d.span_label(sig, msg[2])
        self.tcx.dcx.emit(d)
        return out

    def _incompatible_arms(self, e, prior, result, t, arm, expected):
        """rustc's "`match` arms have incompatible types": the earlier arms' type on them, and the match."""
        from compiler.syntax.span import Span
        d = self.mismatch(result, t, self._mismatch_span(arm.body))
        d.message = "`match` arms have incompatible types"
        shown = show(result)
        ret = getattr(self.owner.node, "ret", None)
        if expected is not None and resolve(result) == Ty("ref", args=(prim("str"),)) and \
                isinstance(ret, ast.TyRef) and getattr(ret.lifetime, "name", None) == "'static":
            shown = "`&'static str`"        # the region of the declared return type shows
        if len(prior) <= 4:
            for a in prior:
                d.span_label(self._mismatch_span(a.body), f"this is found to be of type {shown}")
        else:
            d.span_label(self._mismatch_span(prior[-1].body), f"this and all prior arms are found to be of type {shown}")
        src = e.span.file.src
        # rustc labels only `match scrutinee` when an arm spans lines (a macro call counts by its definition)
        multiline_arm = any("\n" in src[sp.lo:sp.hi] or isinstance(a.body, ast.MacCall) and a.body.name in
                            _MULTILINE_MACROS for a in [arm] + prior[:4] for sp in [self._mismatch_span(a.body)])
        whole = e.span if "\n" in src[e.span.lo:e.span.hi] and not multiline_arm else \
            Span(e.span.lo, e.scrutinee.span.hi, e.span.file)
        d.span_label(whole, "`match` arms have incompatible types")
        self._conversion_help(d, arm.body, result, t)

    def expr_ForLoop(self, e, expected):
        self._use(e.iter, "move")           # `for x in v` consumes `v` (IntoIterator by value)
        it = resolve(self.check_expr(e.iter, None))
        item = self.iter_item(it, e.iter)
        self.check_pat(e.pat, item)
        self._enter_loop(e, None)
        self.check_block(e.body, UNIT)
        self._leave_loop(e)
        return UNIT

    def iter_item(self, it, expr):
        """The item type of `for _ in it`, for the iterables of the subset."""
        if isinstance(it, Ty):
            if it.is_error:
                return ERROR
            if self.is_adt(it, "Range") or self.is_adt(it, "Vec"):
                return it.args[0]
            if self.is_adt(it, "Iter"):
                return Ty("ref", args=(it.args[0],))
            if self.is_adt(it, "IterMut"):
                return Ty("ref", args=(it.args[0],), mutbl=True)
            if self.is_adt(it, "SplitWhitespace") or self.is_adt(it, "Split") or self.is_adt(it, "Lines"):
                return Ty("ref", args=(prim("str"),))
            if self.is_adt(it, "Chars"):
                return prim("char")
            if self.is_adt(it, "Bytes"):
                return prim("u8")
            if it.kind == "array":
                return it.args[0]
            if it.kind == "ref":
                inner = resolve(it.args[0])
                if isinstance(inner, Ty) and (inner.kind in ("array", "slice") or self.is_adt(inner, "Vec")):
                    return Ty("ref", args=(inner.args[0],), mutbl=it.mutbl)
                if isinstance(inner, Ty) and self.is_adt(inner, "Iter"):
                    return Ty("ref", args=(inner.args[0],))
        shown = "{integer}" if isinstance(it, IntVar) else str(zonk(it, default=False)) if isinstance(it, Ty) else "_"
        d = self.err(f"`{shown}` is not an iterator", "E0277", expr.span, f"`{shown}` is not an iterator")
        d.help(f"the trait `Iterator` is not implemented for `{shown}`")
        d.note("required for `" + shown + "` to implement `IntoIterator`")
        return ERROR

    def expr_Continue(self, e, expected):
        if not self.loop_breaks:
            self.err("`continue` outside of a loop", "E0268", e.span, "cannot `continue` outside of a loop")
        else:
            self._break_target(e)
        return NEVER

    # ---- arrays, tuples, indexing, casts, ranges
    def expr_ArrayLit(self, e, expected):
        exp = resolve(expected)
        elem = exp.args[0] if isinstance(exp, Ty) and exp.kind == "array" else None
        first = None
        for x in e.elems:
            t = self.check_expr(x, elem)
            if elem is None:
                elem, first = t, x
            elif not self.coerce(elem, t):
                self.mismatch(elem, t, self._mismatch_span(x))
        return Ty("array", args=(elem if elem is not None else TyVar(),), length=len(e.elems))

    def expr_ArrayRepeat(self, e, expected):
        exp = resolve(expected)
        t = self.check_expr(e.elem, exp.args[0] if isinstance(exp, Ty) and exp.kind == "array" else None)
        self.check_expr_coercible(e.count, prim("usize"))
        from compiler.ty.collect import _array_len
        n = _array_len(self.tcx, e.count)
        return Ty("array", args=(t,), length=n)

    def expr_Index(self, e, expected):
        self._use(e.base, "borrow")         # `v[i]` reads through `v` (`Index::index(&v, i)`)
        base = resolve(self.check_expr(e.base, None))
        while isinstance(base, Ty) and (base.kind == "ref" or self.is_adt(base, "Box")):
            base = resolve(base.args[0])
        idx = self.check_expr(e.index, None)
        ri = resolve(idx)
        if isinstance(base, Ty) and base.is_error:
            return ERROR
        is_range = isinstance(ri, Ty) and self.is_adt(ri, "Range")
        if isinstance(base, Ty) and not is_range and (base.kind == "array" or self.is_adt(base, "Vec")):
            self.index_bases[e] = ("array" if base.kind == "array" else "vec", base)
        if isinstance(base, Ty) and (base.kind in ("array", "slice") or self.is_adt(base, "Vec")):
            if is_range:
                return Ty("slice", args=(base.args[0],))
            if self.unify(prim("usize"), idx):
                return base.args[0]
            shown = "{integer}" if isinstance(ri, IntVar) else str(ri)
            what = "[" + str(base.args[0]) + "]"
            d = self.err(f"the type `{what}` cannot be indexed by `{shown}`", "E0277", e.index.span,
                         "slice indices are of type `usize` or ranges of `usize`")
            d.help(f"the trait `SliceIndex<[{base.args[0]}]>` is not implemented for `{shown}`")
            return ERROR
        if isinstance(base, Ty) and (self.is_adt(base, "String") or base.kind == "prim" and base.name == "str"):
            if is_range:
                return prim("str")
            # `s[i]`: strings are indexed by ranges only (rustc's `SliceIndex<str>` E0277)
            shown_i = "{integer}" if type(ri) is IntVar else "{float}" if isinstance(ri, IntVar) else \
                str(zonk(ri, default=False))
            d = self.err(f"the type `str` cannot be indexed by `{shown_i}`", "E0277", e.index.span,
                         "string indices are ranges of `usize`")
            d.help(f"the trait `SliceIndex<str>` is not implemented for `{shown_i}`")
            if type(ri) is IntVar:
                d.note("you can use `.chars().nth()` or `.bytes().nth()`\nfor more information, see chapter 8 in "
                       "The Book: <https://doc.rust-lang.org/book/ch08-02-strings.html#indexing-into-strings>")
            d.note(f"required for `{'String' if self.is_adt(base, 'String') else 'str'}` to implement "
                   f"`Index<{shown_i}>`")
            return ERROR
        shown = "{integer}" if isinstance(base, IntVar) else str(base)
        self.err(f"cannot index into a value of type `{shown}`", "E0608", e.span)
        return ERROR

    def expr_Cast(self, e, expected):
        t = resolve(self.check_expr(e.expr, None))
        target = lower_ty(self.tcx, e.ty)
        if isinstance(t, Ty) and (t.is_error or target.is_error):
            return target
        ok_src = isinstance(t, IntVar) or isinstance(t, Ty) and (t.is_numeric or t.kind == "prim" and t.name in
                                                                 ("bool", "char"))
        if isinstance(t, Ty) and t.kind == "adt":
            d = self.tcx.resolver.def_at(t.def_index)
            ok_src = d.kind == "enum" and all(v.node.kind == "unit" for v in d.variants.values())
        if ok_src and target.is_numeric:
            if isinstance(t, IntVar) and not isinstance(t, FloatVar) and target.is_integral:
                self.unify(t, target)
            return target
        if ok_src and target.kind == "prim" and target.name == "char" and isinstance(t, (Ty, IntVar)) and (
                isinstance(t, IntVar) or t.name == "u8"):
            if isinstance(t, IntVar):
                self.unify(t, prim("u8"))
            return target
        if self.coerce(target, t):
            return target
        shown = "{integer}" if isinstance(t, IntVar) else str(t)
        if isinstance(t, Ty) and t.kind == "ref" and target.is_numeric:
            d = self.err(f"casting `{shown}` as `{target}` is invalid", "E0606", e.span)
            d.help("cast through a raw pointer first")
            return target
        if isinstance(t, Ty) and t.is_integral and target.kind == "prim" and target.name == "char":
            d = self.err(f"only `u8` can be cast as `char`, not `{shown}`", "E0604", e.span, "invalid cast")
            self._deferred_cast(d)
            if t.name == "u32":
                from compiler.syntax.span import Span
                src = e.expr.span.file.src[e.expr.span.lo:e.expr.span.hi]
                d.multipart_suggestion("consider using `char::from_u32` instead", [(e.span, f"char::from_u32({src})")])
            return target
        if isinstance(t, Ty) and t.kind == "prim" or isinstance(t, IntVar):
            self._deferred_cast(self.err(f"casting `{shown}` as `{target}` is invalid", "E0606", e.span))
        else:
            self.err(f"non-primitive cast: `{shown}` as `{target}`", "E0605", e.span,
                     "an `as` expression can only be used to convert between primitive types or to coerce to a "
                     "specific trait object")
        return target

    def expr_Range(self, e, expected):
        t = None
        for x in (e.lo, e.hi):
            if x is None:
                continue
            xt = self.check_expr(x, t)
            if t is None:
                t = xt
            elif not self.unify(t, xt):
                self.mismatch(t, xt, self._mismatch_span(x))
        return self.prelude_adt("Range", t if t is not None else TyVar())

    # ---- built-in macros
    def expr_MacCall(self, e, expected):
        name = e.name
        if name in ("assert", "debug_assert"):
            if e.args:
                self.check_expr_coercible(e.args[0], BOOL)
            for a in e.args[1:]:
                self.check_expr(a, None)
            return UNIT
        if name in ("assert_eq", "assert_ne"):
            for x in e.args:
                self._use(x, "borrow")
            if len(e.args) >= 2:
                a = self.check_expr(e.args[0], None)
                b = self.check_expr(e.args[1], a)
                if not self._string_cmp(a, b) and not self.unify(a, b):
                    d = self.mismatch(a, b, e.args[1].span)
                    self._conversion_help(d, e.args[1], a, b)
                elif isinstance(resolve(a), Ty) and resolve(a).kind == "adt" and \
                        not self.tcx.resolver.def_at(resolve(a).def_index).builtin and \
                        not self._implements(resolve(a), "PartialEq"):
                    self._assert_eq_without_partial_eq(e, zonk(resolve(a)))
                if isinstance(resolve(a), Ty) and resolve(a).kind == "adt" and \
                        not self.tcx.resolver.def_at(resolve(a).def_index).builtin and \
                        not self._implements(resolve(a), "Debug"):
                    self._assert_eq_without_debug(e, zonk(resolve(a)))
            for x in e.args[2:]:
                self.check_expr(x, None)
            return UNIT
        if name == "vec":
            elem = None
            exp = resolve(expected)
            if isinstance(exp, Ty) and self.is_adt(exp, "Vec"):
                elem = exp.args[0]
            for x in e.args:
                self._use(x, "move")
                t = self.check_expr(x, elem)
                if elem is None:
                    elem = t
                elif not self.coerce(elem, t):
                    self.mismatch(elem, t, self._mismatch_span(x))
            return self.prelude_adt("Vec", elem if elem is not None else TyVar())
        if name == "dbg":
            ts = [self.check_expr(a, None) for a in e.args]
            return ts[0] if len(ts) == 1 else Ty("tuple", args=tuple(ts))
        if e.fmt is None and name not in ("write", "writeln") and e.args and name in DIVERGING | {"panic"}:
            for a in e.args:
                self.check_expr(a, None)
            return NEVER
        args = list(e.args)
        if name in ("write", "writeln") and args:
            self.check_expr(args.pop(0), None)
        for a in list(args) + list(e.implicit) + [x for _, _, x in e.named]:
            self._use(a, "borrow")      # the formatting macros take their arguments by reference
        tys = [self.check_expr(a, None) for a in args]
        self.check_format(e, args, tys)
        if name in DIVERGING:
            return NEVER
        if name == "format":
            return self.prelude_adt("String")
        if name in ("write", "writeln"):
            fmt = self.tcx.resolver.prelude.root.types["FmtResult"]
            return type_of_any(self.tcx, fmt)
        return FORMAT_RET.get(name, UNIT)

    def check_format(self, mac, args, tys):
        """Each argument must implement the trait its placeholder asks for."""
        from compiler.typeck.fmt_check import check_placeholders
        check_placeholders(self, mac, args, tys)

    # ---- method lookup in the prelude and through derives
    def prelude_method(self, recv, name: str):
        """A method of the prelude's inherent impls, or of a derived trait."""
        from compiler.traits.select import match_ty
        r = self.tcx.resolver
        if r.prelude is None:
            return None
        for impl_def in r.prelude.impls:
            if impl_def.node.trait_ref is not None:
                continue
            subst: dict = {}
            if not match_ty(type_of_any(self.tcx, impl_def), recv, subst):
                continue
            for f in impl_def.node.items:
                if f.name == name and f.params and f.params[0].name == "self":
                    return r.def_of[f], subst
        return self.trait_method(recv, name)

    def trait_method(self, recv, name: str):
        """A method of a prelude trait that `recv` implements (by an impl or a derive)."""
        from compiler.traits.select import SelectionContext
        r = self.tcx.resolver
        for trait in (d for d in r.prelude.defs if d.kind == "trait"):
            f = next((f for f in trait.node.items if f.name == name and f.params and f.params[0].name == "self"), None)
            if f is None:
                continue
            if isinstance(recv, Ty) and not recv.references_error() and \
                    SelectionContext(self.tcx, self.param_env).evaluate(zonk(recv), trait, None):
                self._derive_used(recv, trait.name)
                return r.def_of[f], {"Self": recv}
        return None

    def fn_sig(self, d):
        sig = fn_sig_any(self.tcx, d)
        if not d.builtin and not self._tainted_by_callee and self._sig_has_errors(d, sig):
            self._tainted_by_callee = True      # rustc's typeck results are tainted by the error type
        return sig

    def _sig_has_errors(self, d, sig) -> bool:
        params, ret = sig
        if ret.references_error() or any(p.references_error() for p in params):
            return True
        node = d.node
        end = node.body.span.lo if getattr(node, "body", None) is not None else node.span.hi
        return any(sp.file is node.span.file and node.span.lo <= sp.lo < end
                   for sp in self.tcx.__dict__.get("resolution_errors", ()))

