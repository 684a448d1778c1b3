"""The AST (rustc_ast): items, types, expressions and attributes, each carrying its span."""
from __future__ import annotations

from dataclasses import dataclass, field

from compiler.syntax.span import Span


@dataclass(eq=False)
class Attribute:
    name: str
    args: list[tuple[str, Span]]   # tokens inside `name(a, b)`, without commas
    value: str | None        # `name = "value"`
    inner: bool
    span: Span
    id: int = -1                   # AttrId
    tokens: list = field(default_factory=list, repr=False)   # every token inside `name(...)`


@dataclass(eq=False)
class Lifetime:
    """A named lifetime as written: `name` keeps the quote (`'a`, `'static`, `'_`)."""
    name: str
    span: Span


@dataclass(eq=False)
class PathSegment:
    name: str
    span: Span
    args: list["Ty"] = field(default_factory=list)
    lifetimes: list[Lifetime] = field(default_factory=list)   # lifetime arguments (`S<'a, T>`), in order
    bindings: list = field(default_factory=list)     # associated type bindings (`Add<Output = T>`): (name, Ty)


@dataclass(eq=False)
class Path:
    segments: list[PathSegment]
    span: Span

    @property
    def name(self) -> str:
        return self.segments[-1].name


# ---- types
@dataclass(eq=False)
class Ty:
    span: Span


@dataclass(eq=False)
class TyPath(Ty):
    path: Path


@dataclass(eq=False)
class TyRef(Ty):
    mutbl: bool
    inner: Ty
    lifetime: Lifetime | None = None    # `&'a T`; None when elided (`&T`)


@dataclass(eq=False)
class TyTuple(Ty):
    elems: list[Ty]


@dataclass(eq=False)
class TyArray(Ty):
    elem: Ty
    len: "Expr"


@dataclass(eq=False)
class TySlice(Ty):
    elem: Ty


@dataclass(eq=False)
class TyNever(Ty):
    pass


@dataclass(eq=False)
class TyInfer(Ty):
    """`_` in a type."""


# ---- generics
@dataclass(eq=False)
class GenericParam:
    name: str
    span: Span
    bounds: list[Path]
    outlives: list[Lifetime] = field(default_factory=list)    # `T: 'a`
    default: "Ty | None" = None                                # `Rhs = Self`


@dataclass(eq=False)
class LifetimeParam:
    """`'b: 'a + 'c` in a generics list: `name` is `'b`, `span` the `'b` token."""
    name: str
    span: Span
    bounds: list[Lifetime] = field(default_factory=list)


@dataclass(eq=False)
class WherePredicate:
    ty: Ty
    bounds: list[Path]
    span: Span
    outlives: list[Lifetime] = field(default_factory=list)    # `where T: 'a`


@dataclass(eq=False)
class RegionPredicate:
    """`where 'a: 'b + 'c`."""
    lifetime: Lifetime
    bounds: list[Lifetime]
    span: Span


@dataclass(eq=False)
class Generics:
    params: list[GenericParam] = field(default_factory=list)       # type parameters
    where: list[WherePredicate] = field(default_factory=list)      # type predicates
    span: Span | None = None
    lifetimes: list[LifetimeParam] = field(default_factory=list)   # lifetime parameters, in order
    region_preds: list[RegionPredicate] = field(default_factory=list)   # `where 'a: 'b`
    at: Span | None = None      # where the `<...>` list starts, or would (just after the name or `impl`)


# ---- expressions
@dataclass(eq=False)
class Expr:
    span: Span


@dataclass(eq=False)
class Lit(Expr):
    kind: str   # "int", "bool", "str", "char"
    value: object
    suffix: str = ""


@dataclass(eq=False)
class PathExpr(Expr):
    path: Path
    shorthand: bool = False     # a struct literal's `name` standing for `name: name`


@dataclass(eq=False)
class Call(Expr):
    func: Expr
    args: list[Expr]


@dataclass(eq=False)
class MethodCall(Expr):
    receiver: Expr
    name: str
    name_span: Span
    args: list[Expr]
    targs: list = field(default_factory=list)      # a turbofish's types (`parse::<i32>()`)


@dataclass(eq=False)
class Binary(Expr):
    op: str
    lhs: Expr
    rhs: Expr


@dataclass(eq=False)
class Unary(Expr):
    op: str     # "-", "!", "*"
    operand: Expr


@dataclass(eq=False)
class AddrOf(Expr):
    mutbl: bool
    operand: Expr


@dataclass(eq=False)
class Assign(Expr):
    op: str     # "=", "+=", ...
    lhs: Expr
    rhs: Expr


@dataclass(eq=False)
class Field(Expr):
    base: Expr
    name: str
    name_span: Span


@dataclass(eq=False)
class StructLit(Expr):
    path: Path
    fields: list[tuple[str, Span, Expr]]
    base: Expr | None = None      # `..base`


@dataclass(eq=False)
class TupleExpr(Expr):
    elems: list[Expr]


@dataclass(eq=False)
class Paren(Expr):
    inner: Expr


@dataclass(eq=False)
class If(Expr):
    cond: Expr
    then: "Block"
    els: Expr | None


@dataclass(eq=False)
class While(Expr):
    cond: Expr
    body: "Block"


@dataclass(eq=False)
class Loop(Expr):
    body: "Block"


@dataclass(eq=False)
class Break(Expr):
    value: Expr | None


@dataclass(eq=False)
class Return(Expr):
    value: Expr | None


@dataclass(eq=False)
class BlockExpr(Expr):
    block: "Block"
    unsafe: bool = False


@dataclass(eq=False)
class Match(Expr):
    scrutinee: Expr
    arms: list["Arm"]


@dataclass(eq=False)
class Arm:
    pat: "Pat"
    guard: Expr | None
    body: Expr
    span: Span


@dataclass(eq=False)
class Let(Expr):
    """`let PAT = EXPR` as the condition of `if let` / `while let`."""
    pat: "Pat"
    init: Expr


@dataclass(eq=False)
class ForLoop(Expr):
    pat: "Pat"
    iter: Expr
    body: "Block"


@dataclass(eq=False)
class Continue(Expr):
    pass


@dataclass(eq=False)
class Index(Expr):
    base: Expr
    index: Expr


@dataclass(eq=False)
class ArrayLit(Expr):
    elems: list[Expr]


@dataclass(eq=False)
class ArrayRepeat(Expr):
    elem: Expr
    count: Expr


@dataclass(eq=False)
class Try(Expr):
    """`expr?`: the value of an `Option`/`Result`, or an early return of its `None`/`Err`."""
    expr: Expr
    q_span: Span


@dataclass(eq=False)
class Cast(Expr):
    expr: Expr
    ty: Ty


@dataclass(eq=False)
class Range(Expr):
    lo: Expr | None
    hi: Expr | None
    inclusive: bool


@dataclass(eq=False)
class MacCall(Expr):
    """A built-in macro call (`println!`, `vec!`, ...): `args` are its comma-separated expressions;
    for the formatting macros, `fmt` is the format string literal."""
    name: str
    name_span: Span
    args: list[Expr]
    fmt: "Lit | None" = None
    implicit: list = field(default_factory=list)    # `{x}` captures, as PathExprs
    pieces: list = field(default_factory=list)      # the format string's placeholders
    named: list = field(default_factory=list)       # `name = expr` arguments: (name, span, expr)


# ---- patterns
@dataclass(eq=False)
class Pat:
    span: Span


@dataclass(eq=False)
class PatWild(Pat):
    pass


@dataclass(eq=False)
class PatRest(Pat):
    """`..` inside a tuple or tuple-struct pattern."""


@dataclass(eq=False)
class PatIdent(Pat):
    """A binding `x`, `mut x`, `ref x`; it is also the binding node for liveness."""
    name: str
    name_span: Span
    mutbl: bool = False
    by_ref: bool = False


@dataclass(eq=False)
class PatLit(Pat):
    expr: Expr      # a literal, possibly negated


@dataclass(eq=False)
class PatRange(Pat):
    lo: Expr | None
    hi: Expr | None
    inclusive: bool


@dataclass(eq=False)
class PatPath(Pat):
    path: Path      # a unit variant, unit struct or constant


@dataclass(eq=False)
class PatTupleStruct(Pat):
    path: Path
    elems: list[Pat]


@dataclass(eq=False)
class PatStruct(Pat):
    path: Path
    fields: list[tuple[str, Span, Pat]]
    rest: bool


@dataclass(eq=False)
class PatTuple(Pat):
    elems: list[Pat]


@dataclass(eq=False)
class PatRef(Pat):
    inner: Pat


@dataclass(eq=False)
class PatOr(Pat):
    alts: list[Pat]


# ---- statements
@dataclass(eq=False)
class Local:
    name: str
    name_span: Span
    mutbl: bool
    ty: Ty | None
    init: Expr | None
    span: Span
    pat: "Pat | None" = None      # a destructuring pattern; None for a plain `x` / `mut x`
    els: "Block | None" = None    # `let ... else { ... }`


@dataclass(eq=False)
class ExprStmt:
    expr: Expr
    semi: bool
    span: Span


@dataclass(eq=False)
class Block:
    stmts: list
    span: Span

    @property
    def tail(self) -> Expr | None:
        if self.stmts and isinstance(self.stmts[-1], ExprStmt) and not self.stmts[-1].semi:
            return self.stmts[-1].expr
        return None


# ---- items
@dataclass(eq=False)
class Item:
    name: str
    ident_span: Span
    span: Span        # whole item
    attrs: list[Attribute]
    is_pub: bool

    @property
    def def_span(self) -> Span:
        """The span rustc's `def_span` gives: the item's head (`fn name`, `struct S`, `const C: T`)."""
        head = getattr(self, "head_span", None)
        return head if head is not None else self.span


@dataclass(eq=False)
class Param:
    name: str
    name_span: Span
    mutbl: bool
    ty: Ty
    pat: "Pat | None" = None      # a destructuring pattern (`(a, b): (i32, i32)`)


@dataclass(eq=False)
class Fn(Item):
    generics: Generics
    params: list[Param]
    ret: Ty | None
    body: Block | None
    head_span: Span = None


@dataclass(eq=False)
class FieldDef:
    name: str
    span: Span
    ty: Ty
    is_pub: bool = False
    attrs: list = field(default_factory=list)


@dataclass(eq=False)
class Variant:
    name: str
    span: Span              # the variant's ident
    kind: str               # "unit", "tuple", "named"
    fields: list[FieldDef]
    whole: Span = None      # the whole variant
    attrs: list = field(default_factory=list)
    disr: "Expr | None" = None


@dataclass(eq=False)
class Struct(Item):
    generics: Generics
    kind: str                 # "unit", "tuple", "named"
    fields: list[FieldDef]
    head_span: Span = None


@dataclass(eq=False)
class Enum(Item):
    generics: Generics
    variants: list[Variant]
    head_span: Span = None


@dataclass(eq=False)
class TyAlias(Item):
    generics: Generics
    ty: Ty
    head_span: Span = None


@dataclass(eq=False)
class Const(Item):
    ty: Ty
    expr: Expr | None               # None for a trait's associated constant without a default
    is_static: bool = False
    mutbl: bool = False
    head_span: Span = None


@dataclass(eq=False)
class Trait(Item):
    generics: Generics
    items: list[Fn]
    head_span: Span = None
    consts: list = field(default_factory=list)     # associated constants (`Const`, `expr` may be None)
    assoc_tys: list = field(default_factory=list)  # associated types (`AssocTy`, `ty` None)


@dataclass(eq=False)
class Impl(Item):
    generics: Generics
    trait_ref: Path | None
    self_ty: Ty
    items: list[Fn]
    head_span: Span = None
    consts: list = field(default_factory=list)     # associated constants
    assoc_tys: list = field(default_factory=list)  # associated types (`type Output = T;`)


@dataclass(eq=False)
class AssocTy:
    """`type Name = Ty;` in an impl, or `type Name;` in a trait (`ty` None)."""
    name: str
    name_span: Span
    span: Span
    ty: "Ty | None"


@dataclass(eq=False)
class Mod(Item):
    items: list[Item] | None       # None until an out-of-line module's file is loaded
    head_span: Span = None
    inline: bool = True
    file: object = None            # the SourceFile of an out-of-line module


@dataclass(eq=False)
class Use(Item):
    """One import. A nested `use a::{b, c::*};` becomes one `Use` per leaf (the first keeps the others
    in `siblings`); a glob `use a::*;` has `glob` set and `path` naming `a`."""
    path: Path = None
    alias: str | None = None
    head_span: Span = None      # `a::b as c`, what `unused import` points at
    glob: bool = False
    siblings: list = field(default_factory=list)


@dataclass(eq=False)
class Crate:
    attrs: list[Attribute]
    items: list[Item]
    span: Span


# ---- walking
_NODE_TYPES = None


def children(node):
    """The direct sub-nodes of an expression, statement, block, arm or pattern, in source order."""
    global _NODE_TYPES
    if _NODE_TYPES is None:
        _NODE_TYPES = (Expr, Block, Pat, Local, ExprStmt, Arm)
    if isinstance(node, Block):
        yield from node.stmts
        return
    if isinstance(node, StructLit):
        for _, _, v in node.fields:
            yield v
        if node.base is not None:
            yield node.base
        return
    if isinstance(node, PatStruct):
        for _, _, p in node.fields:
            yield p
        return
    for f in node.__dataclass_fields__:
        v = getattr(node, f)
        if isinstance(v, _NODE_TYPES):
            yield v
        elif isinstance(v, list):
            for x in v:
                if isinstance(x, _NODE_TYPES):
                    yield x


def walk(node):
    """`node` and everything under it, in source order (pre-order)."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(list(children(n))))


def parents(body) -> dict:
    """Each node under `body` mapped to its parent."""
    out = {}
    for n in walk(body):
        for c in children(n):
            out[c] = n
    return out


def bindings(pat):
    """The `PatIdent`s under a pattern (some may turn out to be unit variants or constants)."""
    return [p for p in walk(pat) if isinstance(p, PatIdent)]
