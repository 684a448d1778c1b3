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
ASSIGN_OPS = {"=", "+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=", "<<=", ">>="}
CAST_PREC = 12
BLOCK_LIKE = (ast.If, ast.While, ast.Loop, ast.BlockExpr, ast.Match, ast.ForLoop)
FORMAT_MACROS = {"println", "print", "eprintln", "eprint", "format", "panic", "write", "writeln",
                 "unreachable", "todo", "unimplemented"}
BUILTIN_MACROS = FORMAT_MACROS | {"assert", "assert_eq", "assert_ne", "debug_assert", "vec", "dbg",
                                  "matches"}


class ParseError(Exception):
    def __init__(self, msg: str, span: Span, label: str | None = None, code: str | None = None,
                 limit: bool = False):
        super().__init__(msg)
        self.msg, self.span, self.label, self.code = msg, span, label, code
        self.limit = limit      # a minirustc resource limit, reported on one line


def unsupported(what: str, span: Span) -> ParseError:
    """Something outside the subset: an honest error that names minirustc, never a rustc-looking one."""
    return ParseError(f"minirustc does not support {what} yet", span)


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
            item = self.parse_item()
            items.append(item)
            items.extend(getattr(item, "siblings", ()))

    def _parse_use_tree(self, prefix: list, out: list):
        """A use tree after `prefix`: `a::b [as c]`, `a::*`, or `a::{tree, ...}`; each leaf goes to `out` as
        (path, alias, the leaf's span, glob)."""
        start = self.tok.span
        segs = list(prefix)
        if not self.tok.is_punct("{") and not self.tok.is_punct("*"):
            path = self.parse_path(generic_args=False)
            segs += path.segments
            if not self.eat("::"):
                if path.segments[-1].name == "self" and prefix:     # `a::{self}` imports `a`
                    segs = segs[:-1]
                alias = self.ident().text if self.eat_kw("as") else None
                span = start.to(self.prev_span)
                out.append((ast.Path(segs, segs[-1].span if len(segs) == 1 else segs[0].span.to(segs[-1].span)),
                            alias, span, False))
                return
        if self.eat("*"):
            if not segs:
                raise unsupported("`use *`", self.prev_span)
            out.append((ast.Path(segs, segs[0].span.to(segs[-1].span)), None, start.to(self.prev_span), True))
            return
        self.expect("{")
        before = len(out)
        while not self.eat("}"):
            self._parse_use_tree(segs, out)
            if not self.tok.is_punct("}"):
                self.expect(",")
        if len(out) == before:
            raise unsupported("empty nested imports", start)

    def parse_item(self) -> ast.Item:
        attrs = self.parse_attrs(inner=False)
        start = self.tok.span
        is_pub = self.parse_vis()
        t = self.tok
        if t.is_kw("const") and self.peek().is_kw("fn") or t.is_kw("unsafe") and self.peek().is_kw("fn"):
            if t.is_kw("unsafe"):
                raise unsupported("`unsafe fn`", t.span)
            self.bump()
            f = self.parse_fn(attrs, is_pub, start)
            f.is_const = True
            return f
        if t.is_kw("fn"):
            return self.parse_fn(attrs, is_pub, start)
        if t.is_kw("enum"):
            return self.parse_enum(attrs, is_pub, start)
        if t.kind == "ident" and t.text in ("macro_rules", "union", "extern", "async") or t.is_kw("unsafe"):
            what = {"macro_rules": "`macro_rules!`", "union": "unions", "extern": "`extern` blocks and crates",
                    "async": "`async fn`", "unsafe": "`unsafe` items"}[t.text]
            raise unsupported(what, t.span)
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
            fns, consts, tys = [], [], []
            while not self.eat("}"):
                fattrs = self.parse_attrs(inner=False)
                fstart = self.tok.span
                if self.tok.is_kw("type"):
                    tys.append(self.parse_assoc_ty(fstart, in_trait=True))
                    continue
                if self.tok.is_kw("const") and not self.peek().is_kw("fn"):
                    consts.append(self.parse_assoc_const(fattrs, False, fstart))
                    continue
                if not self.tok.is_kw("fn"):
                    self.unexpected("`fn`")
                fns.append(self.parse_fn(fattrs, False, fstart))
            return ast.Trait(name.text, name.span, start.to(self.prev_span), attrs, is_pub, generics, fns, head,
                             consts, tys)
        if t.is_kw("impl"):
            return self.parse_impl(attrs, start)
        if t.is_kw("use"):
            self.bump()
            if self.tok.is_punct("::"):
                raise unsupported("`use ::path`", self.tok.span)
            leaves: list = []
            self._parse_use_tree([], leaves)
            end = self.expect(";").span
            uses = [ast.Use(alias or path.name, path.segments[-1].span, start.to(end), attrs, is_pub, path, alias,
                            tree, glob) for path, alias, tree, glob in leaves]
            uses[0].siblings = uses[1:]
            return uses[0]
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

    def parse_vis(self) -> bool:
        """`pub`, `pub(crate)`, `pub(super)`, `pub(self)`, `pub(in path)`: any of them counts as public."""
        if not self.eat_kw("pub"):
            return False
        if self.tok.is_punct("(") and self.peek().kind == "ident" and self.peek().text in ("crate", "super", "self", "in"):
            self.bump()
            while not self.eat(")"):
                self.bump()
        return True

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
                pat = self.parse_pat()
                self.expect(":")
                ty = self.parse_ty()
                if isinstance(pat, ast.PatIdent) and not pat.by_ref:
                    params.append(ast.Param(pat.name, pat.name_span, pat.mutbl, ty))
                else:
                    params.append(ast.Param("_", pat.span, False, ty, pat if not isinstance(pat, ast.PatWild)
                                            else None))
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
        head = start.to(self.prev_span)        # rustc's def_span: `struct S<T>`
        fields: list[ast.FieldDef] = []
        if self.eat(";"):
            kind = "unit"
        elif self.eat("("):
            kind = "tuple"
            while not self.eat(")"):
                self.parse_attrs(inner=False)
                vis = self.parse_vis()
                ty = self.parse_ty()
                fields.append(ast.FieldDef(str(len(fields)), ty.span, ty, vis))
                if not self.tok.is_punct(")"):
                    self.expect(",")
            self.parse_where(generics)
            self.expect(";")
        else:
            kind = "named"
            self.parse_where(generics)
            self.expect("{")
            while not self.eat("}"):
                fattrs = self.parse_attrs(inner=False)
                vis = self.parse_vis()
                fname = self.ident()
                self.expect(":")
                fields.append(ast.FieldDef(fname.text, fname.span, self.parse_ty(), vis, fattrs))
                if not self.tok.is_punct("}"):
                    self.expect(",")
        return ast.Struct(name.text, name.span, start.to(self.prev_span), attrs, is_pub, generics, kind, fields,
                          head)

    def parse_enum(self, attrs, is_pub, start) -> ast.Enum:
        self.bump()
        name = self.ident()
        generics = self.parse_generics()
        head = start.to(name.span)
        self.parse_where(generics)
        self.expect("{")
        variants: list[ast.Variant] = []
        while not self.eat("}"):
            vattrs = self.parse_attrs(inner=False)
            vstart = self.tok.span
            vname = self.ident()
            fields: list[ast.FieldDef] = []
            kind = "unit"
            if self.eat("("):
                kind = "tuple"
                while not self.eat(")"):
                    ty = self.parse_ty()
                    fields.append(ast.FieldDef(str(len(fields)), ty.span, ty, True))
                    if not self.tok.is_punct(")"):
                        self.expect(",")
            elif self.eat("{"):
                kind = "named"
                while not self.eat("}"):
                    fname = self.ident()
                    self.expect(":")
                    fields.append(ast.FieldDef(fname.text, fname.span, self.parse_ty(), True))
                    if not self.tok.is_punct("}"):
                        self.expect(",")
            disr = self.parse_expr() if self.eat("=") else None
            variants.append(ast.Variant(vname.text, vname.span, kind, fields, vstart.to(self.prev_span), vattrs,
                                        disr))
            if not self.tok.is_punct("}"):
                self.expect(",")
        return ast.Enum(name.text, name.span, start.to(self.prev_span), attrs, is_pub, generics, variants, head)

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
        fns, consts, tys = [], [], []
        while not self.eat("}"):
            fattrs = self.parse_attrs(inner=False)
            fstart = self.tok.span
            is_pub = self.parse_vis()
            if self.tok.is_kw("type"):
                tys.append(self.parse_assoc_ty(fstart, in_trait=False))
                continue
            if self.tok.is_kw("const") and not self.peek().is_kw("fn"):
                consts.append(self.parse_assoc_const(fattrs, is_pub, fstart))
                continue
            self.eat_kw("const")
            if not self.tok.is_kw("fn"):
                self.unexpected("`fn`")
            fns.append(self.parse_fn(fattrs, is_pub, fstart))
        return ast.Impl("impl", head, start.to(self.prev_span), attrs, False, generics, trait_ref, self_ty, fns, head,
                        consts, tys)

    def parse_assoc_ty(self, start, in_trait: bool) -> ast.AssocTy:
        """`type Name = Ty;` (an impl) or `type Name;` (a trait; bounds and defaults are not supported)."""
        self.bump()
        name = self.ident()
        if self.tok.is_punct(":") or self.tok.is_punct("<"):
            raise unsupported("bounds and generics on associated types", self.tok.span)
        ty = None
        if self.eat("="):
            if in_trait:
                raise unsupported("defaults for associated types", self.prev_span)
            ty = self.parse_ty()
        elif not in_trait:
            self.expect("=")
        self.expect(";")
        return ast.AssocTy(name.text, name.span, start.to(self.prev_span), ty)

    def parse_assoc_const(self, attrs, is_pub, start) -> ast.Const:
        """`const NAME: T = EXPR;` in an impl, or `const NAME: T;` in a trait."""
        self.expect_kw("const")
        name = self.ident()
        self.expect(":")
        ty = self.parse_ty()
        head = start.to(self.prev_span)
        expr = self.parse_expr() if self.eat("=") else None
        end = self.expect(";").span
        return ast.Const(name.text, name.span, start.to(end), attrs, is_pub, ty, expr, False, False, head)

    def parse_generics(self) -> ast.Generics:
        g = ast.Generics()
        g.at = self.prev_span.shrink_to_hi()
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
                default = self.parse_ty() if self.eat("=") else None
                g.params.append(ast.GenericParam(name.text, name.span, bounds, outlives, default))
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
            elif self.tok.kind == "ident" and self.peek().is_punct("="):
                name = self.ident()
                self.bump()
                seg.bindings.append((name.text, self.parse_ty()))
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
                if self.eat("]"):
                    return ast.TySlice(start.to(self.prev_span), elem)
                self.expect(";")
                n = self.parse_expr()
                end = self.expect("]").span
                return ast.TyArray(start.to(end), elem, n)
            if t.is_punct("!"):
                self.bump()
                return ast.TyNever(t.span)
            if t.kind == "ident" and t.text == "_":
                self.bump()
                return ast.TyInfer(t.span)
            if t.is_kw("impl") or t.is_kw("dyn") or t.is_kw("fn") or t.is_punct("*"):
                raise unsupported({"impl": "`impl Trait` types", "dyn": "trait objects", "fn": "function pointer types",
                                   "*": "raw pointers"}[t.text], t.span)
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
            pat = self.parse_pat()
            ty = self.parse_ty() if self.eat(":") else None
            init = self.parse_expr() if self.eat("=") else None
            els = None
            if init is not None and self.tok.is_kw("else"):
                self.bump()
                els = self.parse_block()
            end = self.expect(";").span
            if isinstance(pat, ast.PatIdent) and not pat.by_ref:
                return ast.Local(pat.name, pat.name_span, pat.mutbl, ty, init, start.to(end), els=els)
            if isinstance(pat, ast.PatWild):
                return ast.Local("_", pat.span, False, ty, init, start.to(end), els=els)
            return ast.Local("_", pat.span, False, ty, init, start.to(end), pat, els)
        t = self.tok
        if t.is_punct("#") and not self.peek().is_punct("!"):
            attrs = self.parse_attrs(inner=False)
            bad = next((a for a in attrs if a.name not in ("allow", "warn", "deny", "forbid", "expect")), None)
            if bad is not None or self.tok.is_punct("#") or self.tok.is_punct("}"):
                raise unsupported("attributes other than lint levels on statements", (bad or attrs[0]).span)
            stmt = self.parse_stmt()
            stmt.attrs = attrs + list(getattr(stmt, "attrs", []))     # lint levels for this statement
            return stmt
        if t.is_kw("fn") or t.is_kw("struct") or t.is_kw("enum") or t.is_kw("impl") or t.is_kw("trait") \
                or t.is_kw("use") or t.is_kw("mod") or (t.is_kw("const") or t.is_kw("static")) and \
                self.peek().kind == "ident" or t.is_punct("#") or t.is_kw("type") and self.peek().kind == "ident":
            raise unsupported("items and attributes inside function bodies", t.span)
        if self._block_like_ahead():
            # a block-like expression ends the statement unless a method call or operator-free
            # postfix follows (rustc's `expr_is_complete`)
            e, continued = self._parse_stmt_expr()
            if not continued and not self.tok.is_punct(";") and not self.tok.is_punct("}"):
                return ast.ExprStmt(e, False, e.span)
            if self.eat(";"):
                return ast.ExprStmt(e, True, start.to(self.prev_span))
            return ast.ExprStmt(e, False, e.span)
        expr = self.parse_expr()
        if self.eat(";"):
            return ast.ExprStmt(expr, True, start.to(self.prev_span))
        if isinstance(expr, BLOCK_LIKE) or self.tok.is_punct("}"):
            return ast.ExprStmt(expr, False, expr.span)
        self.unexpected("`;`")

    def _block_like_ahead(self) -> bool:
        t = self.tok
        return t.is_kw("if") or t.is_kw("match") or t.is_kw("while") or t.is_kw("for") or t.is_kw("loop") \
            or t.is_punct("{") or t.is_kw("unsafe") and self.peek().is_punct("{")

    def _parse_stmt_expr(self):
        """A block-like expression under rustc's `STMT_EXPR` restriction: it ends at its closing brace
        unless a method call or `?` follows. Returns (the expression, whether one followed)."""
        self.enter()
        try:
            e = self.parse_primary(False)
        finally:
            self.leave()
        if self.tok.is_punct(".") or self.tok.is_punct("?"):
            return self._continue_binary(self.parse_postfix(e)), True
        return e, False

    def _parse_arm_body(self) -> ast.Expr:
        """A match arm's body, parsed as a statement expression."""
        return self._parse_stmt_expr()[0] if self._block_like_ahead() else self.parse_expr()

    def _continue_binary(self, lhs):
        """Operators after an already-parsed operand (used after a block-like expression)."""
        while True:
            t = self.tok
            prec = BINOP_PREC.get(t.text) if t.kind == "punct" else None
            if prec is None:
                break
            self.bump()
            rhs = self.parse_binary(prec, False)
            lhs = ast.Binary(lhs.span.to(rhs.span), t.text, lhs, rhs)
        if self.tok.kind == "punct" and self.tok.text in ASSIGN_OPS:
            op = self.bump().text
            rhs = self.parse_expr()
            return ast.Assign(lhs.span.to(rhs.span), op, lhs, rhs)
        return lhs

    # ---- expressions
    def parse_expr(self, no_struct: bool = False) -> ast.Expr:
        self.enter()
        try:
            lhs = self.parse_range(no_struct)
            if self.tok.kind == "punct" and self.tok.text in ASSIGN_OPS:
                op = self.bump().text
                rhs = self.parse_expr(no_struct)
                return ast.Assign(lhs.span.to(rhs.span), op, lhs, rhs)
            return lhs
        finally:
            self.leave()

    def _range_end_ahead(self) -> bool:
        t = self.tok
        return t.kind == "eof" or any(t.is_punct(p) for p in (")", "]", "}", ",", ";", "=>")) or \
            (t.is_punct("{") and self._no_struct)

    def parse_range(self, no_struct: bool) -> ast.Expr:
        self._no_struct = no_struct
        if self.tok.is_punct("..") or self.tok.is_punct("..="):
            t = self.bump()
            self._no_struct = no_struct
            hi = None if self._range_end_ahead() else self.parse_binary(0, no_struct)
            return ast.Range(t.span.to(hi.span) if hi else t.span, None, hi, t.text == "..=")
        lhs = self.parse_binary(0, no_struct)
        if self.tok.is_punct("..") or self.tok.is_punct("..="):
            t = self.bump()
            self._no_struct = no_struct
            hi = None if self._range_end_ahead() else self.parse_binary(0, no_struct)
            return ast.Range(lhs.span.to(hi.span if hi else t.span), lhs, hi, t.text == "..=")
        return lhs

    def parse_binary(self, min_prec: int, no_struct: bool) -> ast.Expr:
        lhs = self.parse_unary(no_struct)
        while True:
            t = self.tok
            if t.is_kw("as") and CAST_PREC > min_prec:
                self.bump()
                ty = self.parse_ty()
                lhs = ast.Cast(lhs.span.to(ty.span), lhs, ty)
                continue
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
            elif self.tok.is_punct("["):
                self.bump()
                idx = self.parse_expr()
                self.expect("]")
                e = ast.Index(e.span.to(self.prev_span), e, idx)
            elif self.tok.is_punct("?"):
                q = self.bump().span
                e = ast.Try(e.span.to(q), e, q)
            elif self.tok.is_punct(".") and self.peek().kind == "float" and not self.peek().suffix \
                    and "e" not in self.peek().text.lower():
                self.bump()
                t = self.bump()             # `t.0.1` lexes `0.1` as a float: two tuple fields
                a, b = t.text.split(".", 1)
                sa = Span(t.span.lo, t.span.lo + len(a), t.span.file)
                e = ast.Field(e.span.to(sa), e, a, sa)
                if b:
                    sb = Span(t.span.hi - len(b), t.span.hi, t.span.file)
                    e = ast.Field(e.span.to(sb), e, b, sb)
            elif self.tok.is_punct(".") and self.peek().kind in ("ident", "int"):
                self.bump()
                name = self.bump()
                if name.kind == "ident" and name.text == "await":
                    raise unsupported("`.await`", name.span)
                turbofish = ast.PathSegment(name.text, name.span)
                if name.kind == "ident" and self.tok.is_punct("::") and self.peek().is_punct("<"):
                    self.bump()
                    self.parse_generic_args(turbofish)
                if self.tok.is_punct("(") and name.kind == "ident":
                    self.bump()
                    args = self.parse_args()
                    e = ast.MethodCall(e.span.to(self.prev_span), e, name.text, name.span, args, list(turbofish.args))
                else:
                    e = ast.Field(e.span.to(name.span), e, name.text, name.span)
            else:
                return e

    def parse_primary(self, no_struct: bool) -> ast.Expr:
        t = self.tok
        if t.kind == "int":
            self.bump()
            return ast.Lit(t.span, "int", int(t.text), t.suffix)
        if t.kind == "float":
            self.bump()
            return ast.Lit(t.span, "float", t.text, t.suffix)
        if t.is_punct("["):
            self.bump()
            elems = []
            if not self.tok.is_punct("]"):
                first = self.parse_expr()
                if self.eat(";"):
                    count = self.parse_expr()
                    self.expect("]")
                    return ast.ArrayRepeat(t.span.to(self.prev_span), first, count)
                elems.append(first)
                if not self.tok.is_punct("]"):
                    self.expect(",")
            while not self.eat("]"):
                elems.append(self.parse_expr())
                if not self.tok.is_punct("]"):
                    self.expect(",")
            return ast.ArrayLit(t.span.to(self.prev_span), elems)
        if t.is_kw("match"):
            return self.parse_match()
        if t.is_kw("for"):
            self.bump()
            pat = self.parse_pat()
            self.expect_kw("in")
            it = self.parse_expr(no_struct=True)
            body = self.parse_block()
            return ast.ForLoop(t.span.to(body.span), pat, it, body)
        if t.is_kw("unsafe") and self.peek().is_punct("{"):
            self.bump()
            b = self.parse_block()
            return ast.BlockExpr(t.span.to(b.span), b, unsafe=True)
        if t.is_kw("continue"):
            self.bump()
            c = ast.Continue(t.span)
            if self.tok.kind == "lifetime":
                lt = self.bump()
                c.label, c.label_span, c.span = lt.text, lt.span, t.span.to(lt.span)
            return c
        if t.is_punct("|") or t.is_punct("||") or t.is_kw("move"):
            raise unsupported("closures", t.span)
        if t.kind == "lifetime" and self.peek().is_punct(":") and any(
                self.peek(2).is_kw(k) for k in ("loop", "while", "for")):
            self.bump()
            self.bump()
            e = self.parse_primary(no_struct)
            e.label, e.label_span = t.text, t.span      # `'outer: loop { .. }`
            e.span = t.span.to(e.span)
            return e
        if t.kind == "lifetime":
            raise unsupported("labeled blocks", t.span)
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
            cond = self.parse_cond()
            body = self.parse_block()
            return ast.While(t.span.to(body.span), cond, body)
        if t.is_kw("loop"):
            self.bump()
            body = self.parse_block()
            return ast.Loop(t.span.to(body.span), body)
        if t.is_kw("return") or t.is_kw("break"):
            self.bump()
            label = self.bump() if t.text == "break" and self.tok.kind == "lifetime" else None
            value = None
            if not (self.tok.is_punct(";") or self.tok.is_punct("}") or self.tok.is_punct(")")
                    or self.tok.is_punct(",")):
                value = self.parse_expr(no_struct)
            span = t.span.to(value.span) if value else t.span.to(label.span) if label else t.span
            if t.text == "return":
                return ast.Return(span, value)
            b = ast.Break(span, value)
            if label is not None:
                b.label, b.label_span = label.text, label.span
            return b
        if t.kind == "ident" and (t.text not in KEYWORDS or t.text in ("self", "Self", "crate", "super")):
            path = self.parse_expr_path()
            if self.tok.is_punct("!") and len(path.segments) == 1 and \
                    any(self.peek().is_punct(p) for p in ("(", "[", "{")):
                return self.parse_mac_call(path)
            if self.tok.is_punct("{") and not no_struct:
                return self.parse_struct_lit(path)
            return ast.PathExpr(path.span, path)
        self.unexpected("expression")

    def _matches(self, path, close) -> ast.Expr:
        """`matches!(EXPR, PAT [if GUARD])`, expanded as std does: `match EXPR { PAT => true, _ => false }`."""
        scrutinee = self.parse_expr()
        self.expect(",")
        pat = self.parse_pat()
        guard = self.parse_expr() if self.eat_kw("if") else None
        self.eat(",")
        self.expect(close)
        span = path.span.to(self.prev_span)
        arms = [ast.Arm(pat, guard, ast.Lit(span, "bool", True), span),
                ast.Arm(ast.PatWild(span), None, ast.Lit(span, "bool", False), span)]
        m = ast.Match(span, scrutinee, arms)
        m.from_macro = True
        return m

    def parse_cond(self) -> ast.Expr:
        """The condition of `if` / `while`: an expression, or `let PAT = EXPR`."""
        if self.tok.is_kw("let"):
            start = self.bump().span
            pat = self.parse_pat()
            self.expect("=")
            init = self.parse_binary(4, True)      # binds tighter than `&&` (let chains are not supported)
            if self.tok.is_punct("&&") or self.tok.is_punct("||"):
                raise unsupported("`let` chains", self.tok.span)
            return ast.Let(start.to(init.span), pat, init)
        return self.parse_expr(no_struct=True)

    def parse_match(self) -> ast.Expr:
        start = self.bump().span
        scrutinee = self.parse_expr(no_struct=True)
        self.expect("{")
        arms = []
        while not self.eat("}"):
            self.parse_attrs(inner=False)
            pat = self.parse_pat()
            guard = None
            if self.eat_kw("if"):
                if self.tok.is_kw("let"):
                    raise unsupported("`if let` guards", self.tok.span)
                guard = self.parse_expr()
            self.expect("=>")
            body = self._parse_arm_body()
            arms.append(ast.Arm(pat, guard, body, pat.span.to(body.span)))
            if isinstance(body, BLOCK_LIKE):
                self.eat(",")
            elif not self.tok.is_punct("}"):
                self.expect(",")
        return ast.Match(start.to(self.prev_span), scrutinee, arms)

    def parse_mac_call(self, path: ast.Path) -> ast.Expr:
        name = path.segments[0]
        self.expect("!")
        if name.name not in BUILTIN_MACROS:
            # rustc resolves the macro first; the arguments are never parsed
            close = {"(": ")", "[": "]", "{": "}"}[self.tok.text]
            depth = 0
            while True:
                t = self.bump()
                if t.kind == "eof":
                    raise ParseError("this file contains an unclosed delimiter", t.span, "unclosed delimiter")
                depth += t.text in "([{" and t.kind == "punct"
                depth -= t.text in ")]}" and t.kind == "punct"
                if depth == 0:
                    break
            return ast.MacCall(path.span.to(self.prev_span), name.name, name.span, [])
        close = {"(": ")", "[": "]", "{": "}"}[self.bump().text]
        if name.name == "matches":
            return self._matches(path, close)
        args, fmt, named = [], None, []
        if name.name in FORMAT_MACROS:
            if name.name in ("write", "writeln"):
                args.append(self.parse_expr())
                if not self.tok.is_punct(close):
                    self.expect(",")
            if self.tok.kind == "str":
                fmt = ast.Lit(self.tok.span, "str", self.bump().text)
                if not self.tok.is_punct(close):
                    self.expect(",")
        while not self.eat(close):
            if self.tok.kind == "ident" and self.peek().is_punct("=") and fmt is not None:
                arg_name = self.bump()
                self.bump()
                named.append((arg_name.text, arg_name.span, self.parse_expr()))
                if not self.tok.is_punct(close):
                    self.expect(",")
                continue
            args.append(self.parse_expr())
            if not self.tok.is_punct(close):
                self.expect(",")
        mac = ast.MacCall(path.span.to(self.prev_span), name.name, name.span, args, fmt)
        mac.named = named
        if fmt is not None:
            from compiler.syntax import format as fmt_mod
            try:
                mac.pieces = fmt_mod.parse(fmt)
            except fmt_mod.FormatError as e:
                raise ParseError(e.msg, e.span, e.label) from None
            seen = {n for n, _, _ in named}
            for p in mac.pieces:
                if isinstance(p.arg, str) and p.arg not in seen:
                    seen.add(p.arg)
                    mac.implicit.append(ast.PathExpr(p.name_span, ast.Path([ast.PathSegment(p.arg, p.name_span)],
                                                                            p.name_span)))
                for ref in p.width_arg or ():
                    if ref not in seen:      # `{:>width$}` captures `width` too
                        seen.add(ref)
                        at = fmt.span.lo + 1 + fmt.value.find(ref + "$", p.span.lo - fmt.span.lo - 1)
                        sp = Span(at, at + len(ref), fmt.span.file)
                        mac.implicit.append(ast.PathExpr(sp, ast.Path([ast.PathSegment(ref, sp)], sp)))
        return mac

    # ---- patterns
    def parse_pat(self) -> ast.Pat:
        self.enter()
        try:
            self.eat("|")
            first = self.parse_pat_one()
            if not self.tok.is_punct("|"):
                return first
            alts = [first]
            while self.eat("|"):
                alts.append(self.parse_pat_one())
            return ast.PatOr(first.span.to(alts[-1].span), alts)
        finally:
            self.leave()

    def _pat_list(self, close: str) -> list[ast.Pat]:
        out = []
        while not self.eat(close):
            out.append(self.parse_pat())
            if not self.tok.is_punct(close):
                self.expect(",")
        return out

    def parse_pat_one(self) -> ast.Pat:
        t = self.tok
        if t.kind == "ident" and t.text == "_":
            self.bump()
            return ast.PatWild(t.span)
        if t.is_punct(".."):
            self.bump()
            return ast.PatRest(t.span)
        if t.is_punct("&") or t.is_punct("&&"):
            self.bump()
            self.eat_kw("mut")
            inner = self.parse_pat_one()
            return ast.PatRef(t.span.to(inner.span), inner)
        if t.is_punct("("):
            self.bump()
            elems = self._pat_list(")")
            span = t.span.to(self.prev_span)
            if len(elems) == 1 and not self.toks[self.pos - 2].is_punct(","):
                return elems[0]
            return ast.PatTuple(span, elems)
        if t.is_punct("["):
            raise unsupported("slice patterns", t.span)
        if t.kind in ("int", "float", "str", "char") or t.is_punct("-") or t.is_kw("true") or t.is_kw("false"):
            lo = self._pat_lit()
            if self.tok.is_punct("..=") or self.tok.is_punct("..") or self.tok.is_punct("..."):
                op = self.bump().text
                hi = None
                if self.tok.kind in ("int", "float", "char") or self.tok.is_punct("-"):
                    hi = self._pat_lit()
                return ast.PatRange(lo.span.to(hi.span if hi else self.prev_span), lo, hi, op != "..")
            return ast.PatLit(lo.span, lo)
        if t.is_kw("ref") or t.is_kw("mut"):
            by_ref = self.eat_kw("ref")
            mutbl = self.eat_kw("mut")
            name = self.ident()
            if self.tok.is_punct("@"):
                raise unsupported("`@` bindings", self.tok.span)
            return ast.PatIdent(t.span.to(name.span), name.text, name.span, mutbl, by_ref)
        if t.kind == "ident" and (t.text not in KEYWORDS or t.text in ("Self", "crate", "self", "super")):
            path = self.parse_expr_path()
            if self.tok.is_punct("("):
                self.bump()
                elems = self._pat_list(")")
                return ast.PatTupleStruct(path.span.to(self.prev_span), path, elems)
            if self.tok.is_punct("{"):
                self.bump()
                fields, rest = [], False
                while not self.eat("}"):
                    if self.eat(".."):
                        rest = True
                        continue
                    if self.tok.is_kw("ref") or self.tok.is_kw("mut"):
                        p = self.parse_pat_one()
                        fields.append((p.name, p.name_span, p))
                    else:
                        fname = self.ident()
                        if self.eat(":"):
                            fields.append((fname.text, fname.span, self.parse_pat()))
                        else:
                            fields.append((fname.text, fname.span, ast.PatIdent(fname.span, fname.text, fname.span)))
                    if not self.tok.is_punct("}"):
                        self.expect(",")
                return ast.PatStruct(path.span.to(self.prev_span), path, fields, rest)
            if self.tok.is_punct("@"):
                raise unsupported("`@` bindings", self.tok.span)
            if self.tok.is_punct("..=") or self.tok.is_punct(".."):
                raise unsupported("range patterns with constants", self.tok.span)
            if len(path.segments) == 1 and not path.segments[0].args:   # a binding, or a unit variant/const
                return ast.PatIdent(t.span, t.text, t.span)
            return ast.PatPath(path.span, path)
        self.unexpected("pattern")

    def _pat_lit(self) -> ast.Expr:
        t = self.tok
        if t.is_punct("-"):
            self.bump()
            lit = self.parse_primary(True)
            return ast.Unary(t.span.to(lit.span), "-", lit)
        return self.parse_primary(True)

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
        base = None
        while not self.eat("}"):
            if self.eat(".."):
                base = self.parse_expr()
                self.expect("}")
                break
            name = self.ident()
            if self.eat(":"):
                value = self.parse_expr()
            else:
                value = ast.PathExpr(name.span, ast.Path([ast.PathSegment(name.text, name.span)], name.span), True)
            fields.append((name.text, name.span, value))
            if not self.tok.is_punct("}"):
                self.expect(",")
        return ast.StructLit(path.span.to(self.prev_span), path, fields, base)

    def parse_if(self) -> ast.Expr:
        start = self.bump().span
        cond = self.parse_cond()
        then = self.parse_block()
        els = None
        if self.eat_kw("else"):
            if self.tok.is_kw("if"):
                els = self.parse_if()
            else:
                b = self.parse_block()
                els = ast.BlockExpr(b.span, b)
        return ast.If(start.to(els.span if els else then.span), cond, then, els)
