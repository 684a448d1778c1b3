"""Pattern checking (rustc_hir_typeck::pat): the type of every binding, default binding modes through
references, and the pattern errors E0023, E0026, E0027, E0308 and E0532."""
from __future__ import annotations

from compiler.syntax import ast
from compiler.ty.collect import field_tys, type_of_any, variant_field_tys
from compiler.ty.types import ERROR, IntVar, Ty, resolve, zonk


class PatCheck:
    """Mixin of `FnCtxt`: `check_pat` gives each binding of a pattern its type."""

    def ctor_of(self, path):
        """The struct or variant a pattern path names, with the ADT type it builds (fresh generic
        arguments), or (None, None)."""
        r = self._res(path)
        if r is None or r.kind != "def":
            return None, None
        d = r.target
        if d.kind == "variant":
            return d, self.fresh_adt(d.parent)
        if d.kind == "struct":
            return d, self.fresh_adt(d)
        return d, None

    def fields_of(self, d, adt_ty):
        """(name, type) of the fields of struct or variant `d`, instantiated for `adt_ty`."""
        owner = d.parent if d.kind == "variant" else d
        params = [p.name for p in owner.node.generics.params]
        mapping = dict(zip(params, adt_ty.args)) if isinstance(adt_ty, Ty) else {}
        fields = variant_field_tys(self.tcx, d) if d.kind == "variant" else field_tys(self.tcx, d)
        return [(n, t.subst(mapping)) for n, t in fields]

    def check_pat(self, pat, expected, by_ref: bool = False):
        exp = resolve(expected)
        # default binding modes: a non-reference pattern matches through references
        if not isinstance(pat, (ast.PatIdent, ast.PatWild, ast.PatRef, ast.PatOr, ast.PatRest)) and \
                not (isinstance(pat, ast.PatLit) and isinstance(pat.expr, ast.Lit) and pat.expr.kind == "str"):
            while isinstance(exp, Ty) and exp.kind == "ref":
                # the binding mode: `ref mut` through `&mut` only, `ref` once any `&` is passed
                by_ref = "mut" if exp.mutbl and by_ref in (False, "mut") else "ref"
                exp = resolve(exp.args[0])
        m = getattr(self, "pat_" + type(pat).__name__)
        m(pat, exp, by_ref)

    def pat_PatWild(self, pat, exp, by_ref):
        pass

    def pat_PatRest(self, pat, exp, by_ref):
        pass

    def pat_PatIdent(self, pat, exp, by_ref):
        r = self._res(pat)
        if r is not None and r.kind == "def":          # a unit variant, unit struct or constant
            d = r.target
            while isinstance(exp, Ty) and exp.kind == "ref":
                exp = resolve(exp.args[0])
            t = self.fresh_adt(d.parent) if d.kind == "variant" else type_of_any(self.tcx, d)
            if not self.unify(exp, t):
                self.pat_mismatch(exp, t, pat.span)
            return
        alias = self.tcx.resolver.pat_alias.get(pat)
        if alias is not None:
            return
        t = exp
        if pat.by_ref or (by_ref and not pat.mutbl):
            mutbl = pat.mutbl and pat.by_ref or not pat.by_ref and by_ref == "mut"
            t = Ty("ref", args=(exp if isinstance(exp, Ty) else exp,), mutbl=mutbl)
        self.locals[pat] = t

    def pat_PatLit(self, pat, exp, by_ref):
        t = self.check_expr(pat.expr, exp)
        if not self.unify(exp, t):
            d = self.pat_mismatch(exp, t, pat.span, static_str=isinstance(pat.expr, ast.Lit) and pat.expr.kind == "str")
            if d is not None and isinstance(pat.expr, ast.Lit) and pat.expr.kind in ("str", "char"):
                self._conversion_help(d, pat.expr, exp, t, only_quotes=True)    # `'a'` for `"a"`, and the converse

    def pat_PatRange(self, pat, exp, by_ref):
        for e in (pat.lo, pat.hi):
            if e is not None:
                t = self.check_expr(e, exp)
                if not self.unify(exp, t):
                    self.pat_mismatch(exp, t, e.span)

    def pat_PatRef(self, pat, exp, by_ref):
        if isinstance(exp, Ty) and exp.kind == "ref":
            self.check_pat(pat.inner, exp.args[0])
        elif isinstance(exp, Ty) and not exp.is_error:
            self.pat_mismatch(exp, Ty("ref", args=(Ty("param", "_"),)), pat.span)

    def pat_PatOr(self, pat, exp, by_ref):
        for alt in pat.alts:
            self.check_pat(alt, exp, by_ref)
        # aliases share the first binding's type
        for p in ast.bindings(pat):
            a = self.tcx.resolver.pat_alias.get(p)
            if a is not None and a in self.locals:
                self.locals[p] = self.locals[a]

    def pat_PatTuple(self, pat, exp, by_ref):
        elems = pat.elems
        rest = next((i for i, e in enumerate(elems) if isinstance(e, ast.PatRest)), None)
        if isinstance(exp, Ty) and exp.kind == "tuple":
            tys = list(exp.args)
            if rest is None and len(tys) != len(elems) or rest is not None and len(elems) - 1 > len(tys):
                d = self.err("mismatched types", "E0308", pat.span, f"expected a tuple with {len(tys)} element"
                             f"{'' if len(tys) == 1 else 's'}, found one with {len(elems)} element"
                             f"{'' if len(elems) == 1 else 's'}")
                origin = getattr(self, "pat_origin", None)
                if origin is not None:
                    d.span_label(origin.span, f"this expression has type `{exp}`")
                from compiler.typeck.check import _expected_found_note
                _expected_found_note(d, exp, Ty("tuple", args=tuple(Ty("param", "_") for _ in elems)),
                                     self._adt_kind)
                return self._bind_errors(pat)
        elif isinstance(exp, IntVar):
            self.pat_mismatch(exp, Ty("tuple", args=tuple(Ty("param", "_") for _ in elems)), pat.span)
            return self._bind_errors(pat)
        elif isinstance(exp, Ty) and exp.is_error or not isinstance(exp, Ty):
            tys = [self.new_var() for _ in elems if not isinstance(_, ast.PatRest)]
            if not isinstance(exp, Ty):
                self.unify(exp, Ty("tuple", args=tuple(tys)))
            rest = None if rest is None else rest
        else:
            self.pat_mismatch(exp, Ty("tuple", args=tuple(Ty("param", "_") for _ in elems)), pat.span)
            return self._bind_errors(pat)
        self._check_seq(elems, tys, rest, by_ref)

    def _check_seq(self, elems, tys, rest, by_ref):
        if rest is None:
            for p, t in zip(elems, tys):
                self.check_pat(p, t, by_ref)
            return
        before, after = elems[:rest], elems[rest + 1:]
        for p, t in zip(before, tys):
            self.check_pat(p, t, by_ref)
        for p, t in zip(after, tys[len(tys) - len(after):]):
            self.check_pat(p, t, by_ref)

    def _bind_errors(self, pat):
        for p in ast.bindings(pat):
            self.locals.setdefault(p, ERROR)

    def pat_PatPath(self, pat, exp, by_ref):
        d, adt = self.ctor_of(pat.path)
        if d is None:
            return
        if d.kind == "variant" and d.node.kind != "unit" or d.kind == "struct" and d.node.kind != "unit":
            kind = "tuple variant" if d.kind == "variant" and d.node.kind == "tuple" else \
                "struct variant" if d.kind == "variant" else "struct"
            text = pat.span.file.src[pat.span.lo:pat.span.hi]
            self.err(f"expected unit struct, unit variant or constant, found {kind} `{text}`", "E0533", pat.span,
                     "not a unit struct, unit variant or constant")
            return
        t = adt if adt is not None else type_of_any(self.tcx, d)
        if not self.unify(exp, t):
            self.pat_mismatch(exp, t, pat.span)

    def pat_PatTupleStruct(self, pat, exp, by_ref):
        d, adt = self.ctor_of(pat.path)
        if d is None or adt is None:
            return self._bind_errors(pat)
        if d.node.kind != "tuple":
            kind = "struct variant" if d.kind == "variant" else "struct"
            text = pat.path.span.file.src[pat.path.span.lo:pat.path.span.hi]
            if d.node.kind == "unit":
                kind = "unit variant" if d.kind == "variant" else "unit struct"
            self.err(f"expected tuple struct or tuple variant, found {kind} `{text}`", "E0532" if d.node.kind == "unit"
                     else "E0769", pat.span if d.node.kind != "unit" else pat.path.span,
                     "not a tuple struct or tuple variant")
            return self._bind_errors(pat)
        if isinstance(exp, Ty) and exp.is_error:
            return self._bind_errors(pat)       # no cascade from an earlier error
        if not self.unify(exp, adt):
            self.pat_mismatch(exp, adt, pat.span)
            return self._bind_errors(pat)
        fields = [t for _, t in self.fields_of(d, resolve(exp) if isinstance(resolve(exp), Ty) and not resolve(exp).is_error else adt)]
        elems = pat.elems
        rest = next((i for i, e in enumerate(elems) if isinstance(e, ast.PatRest)), None)
        n = len(elems) - (rest is not None)
        if (rest is None and n != len(fields)) or n > len(fields):
            plural = lambda k: f"{k} field" + ("" if k == 1 else "s")  # noqa: E731
            kind = "tuple variant" if d.kind == "variant" else "tuple struct"
            from compiler.errors import Diag
            diag = Diag("error", f"this pattern has {plural(n)}, but the corresponding {kind} has "
                                 f"{plural(len(fields))}", "E0023")
            for sub in elems[:-1]:      # every sub-pattern is a primary span; the last one has the label
                diag.primary(sub.span)
            diag.primary(pat.span if n == 0 else elems[-1].span, f"expected {plural(len(fields))}, found {n}")
            fdefs = d.node.fields
            for i, f in enumerate(fdefs):
                diag.span_label(f.ty.span, f"{kind} has {plural(len(fields))}" if i == len(fdefs) - 1 else "")
            if n < len(fields) and rest is None and n > 0:
                from compiler.syntax.span import Span
                at = elems[-1].span.hi
                diag.multipart_suggestion("use `_` to explicitly ignore each field",
                                          [(Span(at, at, at and pat.span.file), ", _" * (len(fields) - n))])
            self.tcx.dcx.emit(diag)
            return self._bind_errors(pat)
        # a sub-pattern other than `_` reads its field (dead-code analysis)
        after = len(fields) - (len(elems) - rest - 1) if rest is not None else None
        for i, sub in enumerate(elems):
            if rest is not None and i == rest or isinstance(sub, ast.PatWild):
                continue
            self.fields_read.append((d, str(i if rest is None or i < rest else after + i - rest - 1)))
        self._check_seq(elems, fields, rest, by_ref)

    def pat_PatStruct(self, pat, exp, by_ref):
        d, adt = self.ctor_of(pat.path)
        if d is None or adt is None:
            return self._bind_errors(pat)
        if isinstance(exp, Ty) and exp.is_error:
            return self._bind_errors(pat)       # no cascade from an earlier error
        if not self.unify(exp, adt):
            self.pat_mismatch(exp, adt, pat.span)
            return self._bind_errors(pat)
        fields = dict(self.fields_of(d, resolve(exp) if isinstance(resolve(exp), Ty) and not resolve(exp).is_error else adt))
        self.fields_read.extend((d, n) for n, _, p in pat.fields if not isinstance(p, ast.PatWild))
        text = pat.path.span.file.src[pat.path.span.lo:pat.path.span.hi]
        what = "variant" if d.kind == "variant" else "struct"
        inexistent = [(name, span) for name, span, _ in pat.fields if name not in fields]
        for name, span, p in pat.fields:
            if name in fields:
                self._private_field_use(d, name, span)
                self.check_pat(p, fields[name], by_ref)
            else:
                self._bind_errors(p)
        unmentioned = [n for n in fields if n not in {f for f, _, _ in pat.fields}]
        if inexistent:
            unmentioned = self._inexistent_fields(what, text, inexistent, unmentioned)
        if unmentioned and not pat.rest:
            self._unmentioned_fields(pat, unmentioned)

    def _inexistent_fields(self, what, text, inexistent, unmentioned):
        """E0026, as rustc's `error_inexistent_fields`: returns the unmentioned fields left for E0027."""
        from compiler.errors import Diag
        from compiler.typeck.check import _edit, _similar
        if len(inexistent) == 1:
            name, span = inexistent[0]
            diag = Diag("error", f"{what} `{text}` does not have a field named `{name}`", "E0026")
            diag.primary(span, f"{what} `{text}` does not have this field")
        else:
            names = ", ".join(f"`{n}`" for n, _ in inexistent)
            diag = Diag("error", f"{what} `{text}` does not have fields named {names}", "E0026")
            for _, span in inexistent[:-1]:
                diag.primary(span)
            diag.primary(inexistent[-1][1], f"{what} `{text}` does not have these fields")
        if len(unmentioned) == 1:
            name, span = inexistent[-1]
            similar = _similar(name, unmentioned)
            if similar is not None:
                diag.multipart_suggestion("a field with a similar name exists", _edit(span, name, similar))
                unmentioned = []
            elif len(inexistent) == 1:
                diag.span_label(span, f"help: `{text}` has a field named `{unmentioned[0]}`")
        self.tcx.dcx.emit(diag)
        self._e0026_span = inexistent[0][1]
        return unmentioned

    def _unmentioned_fields(self, pat, unmentioned):
        """E0027 with rustc's three suggestions."""
        from compiler.errors import Diag
        from compiler.syntax.span import Span
        names = ", ".join(f"`{n}`" for n in unmentioned)
        many = len(unmentioned) > 1
        s = "s" if many else ""
        diag = Diag("error", f"pattern does not mention field{s} {names}", "E0027")
        diag.primary(pat.span, f"missing field{s} {names}")
        after = getattr(self, "_e0026_span", None)
        if after is not None and pat.span.lo <= after.lo < pat.span.hi:
            diag.anchor = Span(after.lo, after.hi + 1, after.file)      # after its E0026, as rustc
        if pat.fields:
            last = pat.fields[-1][2].span if pat.fields[-1][2] is not None else pat.fields[-1][1]
            at = Span(max(last.hi, pat.fields[-1][1].hi), max(last.hi, pat.fields[-1][1].hi), pat.span.file)
            diag.multipart_suggestion(f"include the missing field{s} in the pattern",
                                      [(at, ", " + ", ".join(unmentioned))])
            diag.multipart_suggestion("if you don't care about these missing fields, you can explicitly ignore them"
                                      if many else "if you don't care about this missing field, you can explicitly "
                                      "ignore it", [(at, ", " + ", ".join(f"{n}: _" for n in unmentioned))])
            diag.multipart_suggestion("or always ignore missing fields here", [(at, ", ..")])
        self.tcx.dcx.emit(diag)

    def pat_mismatch(self, expected, found, span, static_str=False):
        if isinstance(resolve(expected), Ty) and resolve(expected).is_error:
            return
        d = self.err("mismatched types", "E0308", span,
                     f"expected {self.show_ty(expected)}, found {self.show_ty(found)}")
        origin = getattr(self, "pat_origin", None)
        if origin is not None:
            e = resolve(expected)
            shown = "{integer}" if type(e) is IntVar else "{float}" if isinstance(e, IntVar) else \
                str(zonk(e, default=False))
            d.span_label(origin.span, f"this expression has type `{shown}`")
        from compiler.typeck.check import _expected_found_note
        _expected_found_note(d, resolve(expected), resolve(found), self._adt_kind)
        if static_str and d.children and d.children[-1].message.endswith("`&str`"):
            note = d.children[-1]
            note.message = note.message[:-len("`&str`")] + "`&'static str`"    # a literal's type
        return d

