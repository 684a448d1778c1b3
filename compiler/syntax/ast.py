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


# ---- generics
@dataclass(eq=False)
class GenericParam:
    name: str
    span: Span
    bounds: list[Path]
    outlives: list[Lifetime] = field(default_factory=list)    # `T: 'a`


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


# ---- statements
@dataclass(eq=False)
class Local:
    name: str
    name_span: Span
    mutbl: bool
    ty: Ty | None
    init: Expr | None
    span: Span


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


@dataclass(eq=False)
class Struct(Item):
    generics: Generics
    kind: str                 # "unit", "tuple", "named"
    fields: list[FieldDef]
    head_span: Span = None


@dataclass(eq=False)
class TyAlias(Item):
    generics: Generics
    ty: Ty
    head_span: Span = None


@dataclass(eq=False)
class Const(Item):
    ty: Ty
    expr: Expr
    is_static: bool = False
    mutbl: bool = False
    head_span: Span = None


@dataclass(eq=False)
class Trait(Item):
    generics: Generics
    items: list[Fn]
    head_span: Span = None


@dataclass(eq=False)
class Impl(Item):
    generics: Generics
    trait_ref: Path | None
    self_ty: Ty
    items: list[Fn]
    head_span: Span = None


@dataclass(eq=False)
class Mod(Item):
    items: list[Item] | None       # None until an out-of-line module's file is loaded
    head_span: Span = None
    inline: bool = True
    file: object = None            # the SourceFile of an out-of-line module


@dataclass(eq=False)
class Use(Item):
    path: Path = None
    alias: str | None = None
    head_span: Span = None      # `a::b as c`, what `unused import` points at


@dataclass(eq=False)
class Crate:
    attrs: list[Attribute]
    items: list[Item]
    span: Span
