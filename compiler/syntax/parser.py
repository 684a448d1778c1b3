"""Recursive-descent parser (rustc_parse) for the minirustc subset, with rustc's error wording."""
from __future__ import annotations

from compiler.syntax import ast
from compiler.syntax.lexer import KEYWORDS, Token, tokenize
from compiler.syntax.span import SourceFile, Span

MAX_NESTING = 128

BINOP_PREC = {
    "||": 3, "&&": 4,
    "==": 5, "!=": 5, "<": 5, ">": 5, "<=": 5, ">=": 5,
    "|": 6, "^": 7, "&": 8, "<<": 9, ">>": 9,
    "+": 10, "-": 10, "*": 11, "/": 11, "%": 11,
}
ASSIGN_OPS = {"=", "+=", "-=", "*=", "/=", "%=", "^=", "&=", "|="}


class ParseError(Exception):
    def __init__(self, msg: str, span: Span, label: str | None = None, code: str | None = None,
                 limit: bool = False):
        super().__init__(msg)
        self.msg, self.span, self.label, self.code = msg, span, label, code
        self.limit = limit      # a minirustc resource limit, reported on one line


def parse_crate(file: SourceFile, mk_attr_id=None) -> ast.Crate:
    """Parses one file. `mk_attr_id`, when given, numbers attributes as they are parsed."""
    return Parser(tokenize(file), file, mk_attr_id).parse_crate()


class Parser:
    def __init__(self, tokens: list[Token], file: SourceFile, mk_attr_id=None):
        self.toks, self.pos, self.file, self.depth = tokens, 0, file, 0
        self.mk_attr_id = mk_attr_id

    # ---- token helpers
    @property
    def tok(self) -> Token:
        return self.toks[self.pos]

    def peek(self, n: int = 1) -> Token:
        return self.toks[min(self.pos + n, len(self.toks) - 1)]

    def bump(self) -> Token:
        t = self.toks[self.pos]
        if t.kind != "eof":
            self.pos += 1
        return t

    @property
    def prev_span(self) -> Span:
        return self.toks[self.pos - 1].span if self.pos else self.tok.span

    def eat(self, p: str) -> bool:
        if self.tok.is_punct(p):
            self.bump()
            return True
        return False

    def eat_kw(self, k: str) -> bool:
        if self.tok.is_kw(k):
            self.bump()
            return True
        return False

    def unexpected(self, expected: str):
        t = self.tok
        label = f"expected {expected}"
        raise ParseError(f"expected {expected}, found {t.describe()}", t.span, label)

    def expect(self, p: str) -> Token:
        if not self.tok.is_punct(p):
            self.unexpected(f"`{p}`")
        return self.bump()

    def expect_kw(self, k: str) -> Token:
        if not self.tok.is_kw(k):
            self.unexpected(f"`{k}`")
        return self.bump()

    def ident(self) -> Token:
        t = self.tok
        if t.kind != "ident" or t.text in KEYWORDS:
            if t.kind == "ident":
                raise ParseError(f"expected identifier, found keyword `{t.text}`", t.span,
                                 "expected identifier, found keyword")
            self.unexpected("identifier")
        return self.bump()

    def enter(self):
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ParseError(f"nesting deeper than {MAX_NESTING} levels is not supported by minirustc",
                             self.tok.span, limit=True)

    def leave(self):
        self.depth -= 1

    # ---- attributes and items
    def parse_crate(self) -> ast.Crate:
        attrs = self.parse_attrs(inner=True)
        items = self.parse_items(until_eof=True)
        return ast.Crate(attrs, items, Span(0, len(self.file.src), self.file))

    def parse_attrs(self, inner: bool) -> list[ast.Attribute]:
        out = []
        while self.tok.is_punct("#") and (self.peek().is_punct("!") == inner):
            if inner and not self.peek(2).is_punct("["):
                break
            start = self.bump().span
            if inner:
                self.bump()
            self.expect("[")
            name = self.ident().text
            args, value, tokens = [], None, []
            if self.eat("("):
                depth = 0
                while depth or not self.tok.is_punct(")"):
                    if self.tok.kind == "eof":
                        self.unexpected("`)`")
                    t = self.bump()
                    tokens.append(t)
                    depth += t.is_punct("(") - t.is_punct(")")
                    if depth == 0 and not t.is_punct(",") and not t.is_punct(")"):
                        args.append((t.text, t.span))
                self.bump()
            elif self.eat("="):
                if self.tok.kind not in ("str", "int"):
                    self.unexpected("a literal")
                value = self.bump().text
            end = self.expect("]").span
            attr = ast.Attribute(name, args, value, inner, start.to(end), tokens=tokens)
            if self.mk_attr_id is not None:
                attr.id = self.mk_attr_id()
            out.append(attr)
        return out

    def parse_items(self, until_eof: bool) -> list[ast.Item]:
        items = []
        while True:
            if until_eof and self.tok.kind == "eof":
                return items
            if not until_eof and self.tok.is_punct("}"):
                return items
            if self.tok.kind == "eof":
                self.unexpected("`}`")
            items.append(self.parse_item())

    def parse_item(self) -> ast.Item:
        attrs = self.parse_attrs(inner=False)
        start = self.tok.span
        is_pub = self.eat_kw("pub")
        t = self.tok
        if t.is_kw("fn"):
            return self.parse_fn(attrs, is_pub, start)
        if t.is_kw("struct"):
            return self.parse_struct(attrs, is_pub, start)
        if t.is_kw("type"):
            self.bump()
            name = self.ident()
            generics = self.parse_generics()
            head = start.to(self.prev_span)
            self.expect("=")
            ty = self.parse_ty()
            end = self.expect(";").span
            return ast.TyAlias(name.text, name.span, start.to(end), attrs, is_pub, generics, ty, head)
        if t.is_kw("const") or t.is_kw("static"):
            is_static = self.bump().text == "static"
            mutbl = is_static and self.eat_kw("mut")
            name = self.ident()
            self.expect(":")
            ty = self.parse_ty()
            head = start.to(self.prev_span)
            self.expect("=")
            expr = self.parse_expr()
            end = self.expect(";").span
            return ast.Const(name.text, name.span, start.to(end), attrs, is_pub, ty, expr, is_static, mutbl, head)
        if t.is_kw("trait"):
            self.bump()
            name = self.ident()
            generics = self.parse_generics()
            head = start.to(self.prev_span)
            self.parse_where(generics)
            self.expect("{")
            fns = []
            while not self.eat("}"):
                fattrs = self.parse_attrs(inner=False)
                fstart = self.tok.span
                if not self.tok.is_kw("fn"):
                    self.unexpected("`fn`")
                fns.append(self.parse_fn(fattrs, False, fstart))
            return ast.Trait(name.text, name.span, start.to(self.prev_span), attrs, is_pub, generics, fns, head)
        if t.is_kw("impl"):
            return self.parse_impl(attrs, start)
        if t.is_kw("use"):
            self.bump()
            path = self.parse_path(generic_args=False)
            alias = None
            if self.eat_kw("as"):
                alias = self.ident().text
            tree = path.span.to(self.prev_span)
            end = self.expect(";").span
            name = alias or path.name
            return ast.Use(name, path.segments[-1].span, start.to(end), attrs, is_pub, path, alias, tree)
        if t.is_kw("mod"):
            self.bump()
            name = self.ident()
            head = start.to(name.span)
            if self.eat(";"):
                return ast.Mod(name.text, name.span, start.to(self.prev_span), attrs, is_pub, None, head, False)
            self.expect("{")
            inner_attrs = self.parse_attrs(inner=True)
            items = self.parse_items(until_eof=False)
            end = self.expect("}").span
            return ast.Mod(name.text, name.span, start.to(end), attrs + inner_attrs, is_pub, items, head)
        if t.kind == "eof":
            self.unexpected("item")
        raise ParseError(f"expected item, found {t.describe()}", t.span, "expected item")

    def parse_fn(self, attrs, is_pub, start) -> ast.Fn:
        self.expect_kw("fn")
        name = self.ident()
        generics = self.parse_generics()
        self.expect("(")
        params = []
        while not self.eat(")"):
            if not params and self._self_param_ahead():
                params.append(self.parse_self_param())
            else:
                mutbl = self.eat_kw("mut")
                pname = self.ident()
                self.expect(":")
                params.append(ast.Param(pname.text, pname.span, mutbl, self.parse_ty()))
            if not self.tok.is_punct(")"):
                self.expect(",")
        ret = self.parse_ty() if self.eat("->") else None
        sig = start.to(self.prev_span)          # rustc's `def_span` of a fn: its signature
        self.parse_where(generics)
        body = None
        if not self.eat(";"):
            body = self.parse_block()
        return ast.Fn(name.text, name.span, start.to(self.prev_span), attrs, is_pub, generics, params, ret, body,
                      sig)

    def _self_param_ahead(self) -> bool:
        k = 0
        if self.peek(k).is_punct("&"):
            k += 1
        if self.peek(k).is_kw("mut"):
            k += 1
        return self.peek(k).is_kw("self") if k else self.tok.is_kw("self")

    def parse_self_param(self) -> ast.Param:
        """`self`, `mut self`, `&self` or `&mut self`: a parameter of type `Self` or a reference to it."""
        start = self.tok.span
        by_ref = self.eat("&")
        mutbl = self.eat_kw("mut")
        tok = self.expect_kw("self")
        self_ty = ast.TyPath(tok.span, ast.Path([ast.PathSegment("Self", tok.span)], tok.span))
        ty = ast.TyRef(start.to(tok.span), mutbl, self_ty) if by_ref else self_ty
        return ast.Param("self", tok.span, mutbl and not by_ref, ty)

    def parse_struct(self, attrs, is_pub, start) -> ast.Struct:
        self.bump()
        name = self.ident()
        generics = self.parse_generics()
        head = start.to(name.span)
        fields: list[ast.FieldDef] = []
        if self.eat(";"):
            kind = "unit"
        elif self.eat("("):
            kind = "tuple"
            while not self.eat(")"):
                self.eat_kw("pub")
                ty = self.parse_ty()
                fields.append(ast.FieldDef(str(len(fields)), ty.span, ty))
                if not self.tok.is_punct(")"):
                    self.expect(",")
            self.parse_where(generics)
            self.expect(";")
        else:
            kind = "named"
            self.parse_where(generics)
            self.expect("{")
            while not self.eat("}"):
                self.eat_kw("pub")
                fname = self.ident()
                self.expect(":")
                fields.append(ast.FieldDef(fname.text, fname.span, self.parse_ty()))
                if not self.tok.is_punct("}"):
                    self.expect(",")
        return ast.Struct(name.text, name.span, start.to(self.prev_span), attrs, is_pub, generics, kind, fields,
                          head)

    def parse_impl(self, attrs, start) -> ast.Impl:
        self.bump()
        generics = self.parse_generics()
        first = self.parse_ty()
        trait_ref = None
        if self.eat_kw("for"):
            if not isinstance(first, ast.TyPath):
                raise ParseError("expected a trait, found type", first.span)
            trait_ref, self_ty = first.path, self.parse_ty()
        else:
            self_ty = first
        head = start.to(self.prev_span)
        self.parse_where(generics)
        self.expect("{")
        fns = []
        while not self.eat("}"):
            fattrs = self.parse_attrs(inner=False)
            fstart = self.tok.span
            is_pub = self.eat_kw("pub")
            if not self.tok.is_kw("fn"):
                self.unexpected("`fn`")
            fns.append(self.parse_fn(fattrs, is_pub, fstart))
        return ast.Impl("impl", head, start.to(self.prev_span), attrs, False, generics, trait_ref, self_ty, fns, head)

    def parse_generics(self) -> ast.Generics:
        g = ast.Generics()
        if not self.tok.is_punct("<"):
            return g
        start = self.bump().span
        while not self.eat(">"):
            if self.tok.kind == "lifetime":
                lt = self.bump()
                bounds = self.parse_lifetime_bounds() if self.eat(":") else []
                g.lifetimes.append(ast.LifetimeParam(lt.text, lt.span, bounds))
            else:
                name = self.ident()
                outlives: list[ast.Lifetime] = []
                bounds = self.parse_bounds(outlives) if self.eat(":") else []
                g.params.append(ast.GenericParam(name.text, name.span, bounds, outlives))
            if not self.tok.is_punct(">"):
                self.expect(",")
        g.span = start.to(self.prev_span)
        return g

    def parse_bounds(self, outlives: list | None = None) -> list[ast.Path]:
        """Trait bounds `A + B<T>`; lifetime bounds (`'a`) among them go to `outlives` when given."""
        bounds: list[ast.Path] = []
        while True:
            if outlives is not None and self.tok.kind == "lifetime":
                t = self.bump()
                outlives.append(ast.Lifetime(t.text, t.span))
            else:
                bounds.append(self.parse_path(generic_args=True))
            if not self.eat("+"):
                return bounds

    def parse_lifetime_bounds(self) -> list[ast.Lifetime]:
        """`'a + 'b` after `'x:` (possibly empty, as rustc allows `'x:`)."""
        out = []
        while self.tok.kind == "lifetime":
            t = self.bump()
            out.append(ast.Lifetime(t.text, t.span))
            if not self.eat("+"):
                break
        return out

    def parse_where(self, g: ast.Generics):
        if not self.eat_kw("where"):
            return
        while not (self.tok.is_punct("{") or self.tok.is_punct(";") or self.tok.kind == "eof"):
            if self.tok.kind == "lifetime":
                t = self.bump()
                self.expect(":")
                bounds = self.parse_lifetime_bounds()
                g.region_preds.append(ast.RegionPredicate(ast.Lifetime(t.text, t.span), bounds,
                                                          t.span.to(self.prev_span)))
            else:
                ty = self.parse_ty()
                self.expect(":")
                outlives: list[ast.Lifetime] = []
                bounds = self.parse_bounds(outlives)
                g.where.append(ast.WherePredicate(ty, bounds, ty.span.to(self.prev_span), outlives))
            if not self.eat(","):
                break

    # ---- types and paths
    def parse_path(self, generic_args: bool) -> ast.Path:
        segs = []
        start = self.tok.span
        while True:
            t = self.tok
            if t.kind != "ident" or (t.text in KEYWORDS and t.text not in ("crate", "self", "super", "Self")):
                self.unexpected("identifier")
            self.bump()
            seg = ast.PathSegment(t.text, t.span)
            segs.append(seg)
            if generic_args and self.tok.is_punct("::") and self.peek().is_punct("<"):
                self.bump()
            if generic_args and self.tok.is_punct("<"):
                self.parse_generic_args(seg)
            if self.tok.is_punct("::") and self.peek().kind == "ident":
                self.bump()
                continue
            return ast.Path(segs, start.to(self.prev_span))

    def parse_generic_args(self, seg: ast.PathSegment):
        """`<T, U>` after a path segment (the `<` is the current token)."""
        self.expect("<")
        while not self.eat_close_angle():
            if self.tok.kind == "lifetime":
                t = self.bump()
                seg.lifetimes.append(ast.Lifetime(t.text, t.span))
            else:
                seg.args.append(self.parse_ty())
            if not self.tok.is_punct(">") and not self.tok.is_punct(">>"):
                self.expect(",")

    def eat_close_angle(self) -> bool:
        t = self.tok
        if t.is_punct(">"):
            self.bump()
            return True
        if t.is_punct(">>") or t.is_punct(">=") or t.is_punct(">>="):
            rest = t.text[1:]
            self.toks[self.pos] = Token("punct", ">", Span(t.span.lo, t.span.lo + 1, t.span.file))
            self.toks.insert(self.pos + 1, Token("punct", rest, Span(t.span.lo + 1, t.span.hi, t.span.file)))
            self.bump()
            return True
        return False

    def parse_ty(self) -> ast.Ty:
        self.enter()
        try:
            t = self.tok
            if t.is_punct("&") or t.is_punct("&&"):
                if t.is_punct("&&"):
                    self.toks[self.pos] = Token("punct", "&", Span(t.span.lo, t.span.lo + 1, t.span.file))
                    self.toks.insert(self.pos + 1, Token("punct", "&", Span(t.span.lo + 1, t.span.hi, t.span.file)))
                start = self.bump().span
                lifetime = None
                if self.tok.kind == "lifetime":
                    t = self.bump()
                    lifetime = ast.Lifetime(t.text, t.span)
                mutbl = self.eat_kw("mut")
                inner = self.parse_ty()
                return ast.TyRef(start.to(inner.span), mutbl, inner, lifetime)
            if t.is_punct("("):
                start = self.bump().span
                elems = []
                while not self.eat(")"):
                    elems.append(self.parse_ty())
                    if not self.tok.is_punct(")"):
                        self.expect(",")
                if len(elems) == 1 and not self.toks[self.pos - 2].is_punct(","):
                    return elems[0]
                return ast.TyTuple(start.to(self.prev_span), elems)
            if t.is_punct("["):
                start = self.bump().span
                elem = self.parse_ty()
                self.expect(";")
                n = self.parse_expr()
                end = self.expect("]").span
                return ast.TyArray(start.to(end), elem, n)
            if t.kind == "ident" and (t.text not in KEYWORDS or t.text in ("Self", "crate", "self", "super")):
                path = self.parse_path(generic_args=True)
                return ast.TyPath(path.span, path)
            self.unexpected("type")
        finally:
            self.leave()

    # ---- blocks and statements
    def parse_block(self) -> ast.Block:
        self.enter()
        try:
            start = self.expect("{").span
            stmts = []
            while not self.tok.is_punct("}"):
                if self.tok.kind == "eof":
                    raise ParseError("this file contains an unclosed delimiter", self.tok.span,
                                     "unclosed delimiter")
                if self.eat(";"):
                    continue
                stmts.append(self.parse_stmt())
            end = self.bump().span
            return ast.Block(stmts, start.to(end))
        finally:
            self.leave()

    def parse_stmt(self):
        start = self.tok.span
        if self.eat_kw("let"):
            mutbl = self.eat_kw("mut")
            name = self.tok
            if name.is_kw("_") or (name.kind == "ident" and name.text == "_"):
                self.bump()
            else:
                name = self.ident()
            ty = self.parse_ty() if self.eat(":") else None
            init = self.parse_expr() if self.eat("=") else None
            end = self.expect(";").span
            return ast.Local(name.text, name.span, mutbl, ty, init, start.to(end))
        expr = self.parse_expr()
        if self.eat(";"):
            return ast.ExprStmt(expr, True, start.to(self.prev_span))
        if isinstance(expr, (ast.If, ast.While, ast.Loop, ast.BlockExpr)) or self.tok.is_punct("}"):
            return ast.ExprStmt(expr, False, expr.span)
        self.unexpected("`;`")

    # ---- expressions
    def parse_expr(self, no_struct: bool = False) -> ast.Expr:
        self.enter()
        try:
            lhs = self.parse_binary(0, no_struct)
            if self.tok.kind == "punct" and self.tok.text in ASSIGN_OPS:
                op = self.bump().text
                rhs = self.parse_expr(no_struct)
                return ast.Assign(lhs.span.to(rhs.span), op, lhs, rhs)
            return lhs
        finally:
            self.leave()

    def parse_binary(self, min_prec: int, no_struct: bool) -> ast.Expr:
        lhs = self.parse_unary(no_struct)
        while True:
            t = self.tok
            prec = BINOP_PREC.get(t.text) if t.kind == "punct" else None
            if prec is None or prec <= min_prec:
                return lhs
            self.bump()
            rhs = self.parse_binary(prec, no_struct)
            lhs = ast.Binary(lhs.span.to(rhs.span), t.text, lhs, rhs)

    def parse_unary(self, no_struct: bool) -> ast.Expr:
        t = self.tok
        if t.kind == "punct" and t.text in ("-", "!", "*"):
            self.enter()
            try:
                self.bump()
                e = self.parse_unary(no_struct)
                return ast.Unary(t.span.to(e.span), t.text, e)
            finally:
                self.leave()
        if t.is_punct("&") or t.is_punct("&&"):
            self.enter()
            try:
                self.bump()
                mutbl = self.eat_kw("mut")
                e = self.parse_unary(no_struct)
                inner = ast.AddrOf(t.span.to(e.span), mutbl, e)
                return ast.AddrOf(t.span.to(e.span), False, inner) if t.text == "&&" else inner
            finally:
                self.leave()
        return self.parse_postfix(self.parse_primary(no_struct))

    def parse_args(self) -> list[ast.Expr]:
        args = []
        while not self.eat(")"):
            args.append(self.parse_expr())
            if not self.tok.is_punct(")"):
                self.expect(",")
        return args

    def parse_postfix(self, e: ast.Expr) -> ast.Expr:
        while True:
            if self.eat("("):
                args = self.parse_args()
                e = ast.Call(e.span.to(self.prev_span), e, args)
            elif self.tok.is_punct(".") and self.peek().kind in ("ident", "int"):
                self.bump()
                name = self.bump()
                if self.tok.is_punct("(") and name.kind == "ident":
                    self.bump()
                    args = self.parse_args()
                    e = ast.MethodCall(e.span.to(self.prev_span), e, name.text, name.span, args)
                else:
                    e = ast.Field(e.span.to(name.span), e, name.text, name.span)
            else:
                return e

    def parse_primary(self, no_struct: bool) -> ast.Expr:
        t = self.tok
        if t.kind == "int":
            self.bump()
            return ast.Lit(t.span, "int", int(t.text), t.suffix)
        if t.kind == "str":
            self.bump()
            return ast.Lit(t.span, "str", t.text)
        if t.kind == "char":
            self.bump()
            return ast.Lit(t.span, "char", t.text)
        if t.is_kw("true") or t.is_kw("false"):
            self.bump()
            return ast.Lit(t.span, "bool", t.text == "true")
        if t.is_punct("("):
            self.bump()
            elems, trailing = [], False
            while not self.eat(")"):
                elems.append(self.parse_expr())
                trailing = False
                if not self.tok.is_punct(")"):
                    self.expect(",")
                    trailing = True
            span = t.span.to(self.prev_span)
            if len(elems) == 1 and not trailing:
                return ast.Paren(span, elems[0])
            return ast.TupleExpr(span, elems)
        if t.is_punct("{"):
            b = self.parse_block()
            return ast.BlockExpr(b.span, b)
        if t.is_kw("if"):
            return self.parse_if()
        if t.is_kw("while"):
            self.bump()
            cond = self.parse_expr(no_struct=True)
            body = self.parse_block()
            return ast.While(t.span.to(body.span), cond, body)
        if t.is_kw("loop"):
            self.bump()
            body = self.parse_block()
            return ast.Loop(t.span.to(body.span), body)
        if t.is_kw("return") or t.is_kw("break"):
            self.bump()
            value = None
            if not (self.tok.is_punct(";") or self.tok.is_punct("}") or self.tok.is_punct(")")
                    or self.tok.is_punct(",")):
                value = self.parse_expr(no_struct)
            span = t.span.to(value.span) if value else t.span
            return ast.Return(span, value) if t.text == "return" else ast.Break(span, value)
        if t.kind == "ident" and (t.text not in KEYWORDS or t.text in ("self", "Self", "crate", "super")):
            path = self.parse_expr_path()
            if self.tok.is_punct("{") and not no_struct:
                return self.parse_struct_lit(path)
            return ast.PathExpr(path.span, path)
        self.unexpected("expression")

    def parse_expr_path(self) -> ast.Path:
        segs = []
        start = self.tok.span
        while True:
            t = self.bump()
            seg = ast.PathSegment(t.text, t.span)
            segs.append(seg)
            if self.tok.is_punct("::") and self.peek().is_punct("<"):
                self.bump()
                self.parse_generic_args(seg)
            if self.tok.is_punct("::") and self.peek().kind == "ident":
                self.bump()
                continue
            return ast.Path(segs, start.to(self.prev_span))

    def parse_struct_lit(self, path: ast.Path) -> ast.Expr:
        self.expect("{")
        fields = []
        while not self.eat("}"):
            name = self.ident()
            if self.eat(":"):
                value = self.parse_expr()
            else:
                value = ast.PathExpr(name.span, ast.Path([ast.PathSegment(name.text, name.span)], name.span))
            fields.append((name.text, name.span, value))
            if not self.tok.is_punct("}"):
                self.expect(",")
        return ast.StructLit(path.span.to(self.prev_span), path, fields)

    def parse_if(self) -> ast.Expr:
        start = self.bump().span
        cond = self.parse_expr(no_struct=True)
        then = self.parse_block()
        els = None
        if self.eat_kw("else"):
            if self.tok.is_kw("if"):
                els = self.parse_if()
            else:
                b = self.parse_block()
                els = ast.BlockExpr(b.span, b)
        return ast.If(start.to(els.span if els else then.span), cond, then, els)
