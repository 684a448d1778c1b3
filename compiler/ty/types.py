"""`Ty`: the semantic types of the subset, printed as rustc prints them."""
from __future__ import annotations

from dataclasses import dataclass

INT_TYPES = ("i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize")
FLOAT_TYPES = ("f32", "f64")
PRIMITIVES = INT_TYPES + FLOAT_TYPES + ("bool", "char", "str")


_BORROWING_STD = ("Iter", "IterMut", "Chars", "Bytes", "SplitWhitespace", "Lines")


@dataclass(frozen=True)
class Ty:
    kind: str                   # "prim", "ref", "tuple", "adt", "param", "array", "slice", "error", "never"
    name: str = ""              # primitive or adt name, param name
    args: tuple = ()            # generic args / tuple elements / (elem,) for arrays and refs
    mutbl: bool = False
    def_index: int = -1         # for adts
    length: int | None = None   # for arrays

    def __str__(self) -> str:
        k = self.kind
        if k == "prim" or k == "param":
            return self.name
        if k == "ref":
            return ("&mut " if self.mutbl else "&") + str(self.args[0])
        if k == "tuple":
            if len(self.args) == 1:
                return f"({self.args[0]},)"
            return "(" + ", ".join(map(str, self.args)) + ")"
        if k == "adt":
            args = list(map(str, self.args))
            if self.def_index is not None and self.def_index >= 1_000_000 and self.name in _BORROWING_STD:
                args.insert(0, "'_")        # std's borrowing iterators carry a lifetime rustc shows
            return self.name + ("<" + ", ".join(args) + ">" if args else "")
        if k == "array":
            return f"[{self.args[0]}; {self.length if self.length is not None else '_'}]"
        if k == "slice":
            return f"[{self.args[0]}]"
        if k == "never":
            return "!"
        return "{type error}"

    @property
    def is_error(self) -> bool:
        return self.kind == "error"

    @property
    def is_integral(self) -> bool:
        return self.kind == "prim" and self.name in INT_TYPES

    @property
    def is_float(self) -> bool:
        return self.kind == "prim" and self.name in FLOAT_TYPES

    @property
    def is_numeric(self) -> bool:
        return self.kind == "prim" and (self.name in INT_TYPES or self.name in FLOAT_TYPES)

    def references_error(self) -> bool:
        return self.kind == "error" or any(resolve(a).references_error() if isinstance(resolve(a), Ty) else False
                                           for a in self.args)

    def subst(self, mapping: dict) -> "Ty":
        if self.kind == "param":
            return mapping.get(self.name, self)
        if not self.args:
            return self
        return Ty(self.kind, self.name, tuple(a.subst(mapping) if isinstance(a, Ty) else a for a in self.args),
                  self.mutbl, self.def_index, self.length)


def prim(name: str) -> Ty:
    return Ty("prim", name)


UNIT = Ty("tuple")
BOOL = prim("bool")
ERROR = Ty("error")
NEVER = Ty("never")
STR_REF = Ty("ref", args=(prim("str"),))


class IntVar:
    """An integer inference variable (`{integer}`); resolves on first unification, defaults to i32."""
    __slots__ = ("resolved",)
    default = "i32"

    def __init__(self):
        self.resolved: Ty | None = None

    def __str__(self) -> str:
        return str(self.resolved) if self.resolved else "{integer}"

    def accepts(self, t: Ty) -> bool:
        return t.is_integral


class FloatVar(IntVar):
    """A float inference variable (`{float}`), defaulting to f64."""
    __slots__ = ()
    default = "f64"

    def __str__(self) -> str:
        return str(self.resolved) if self.resolved else "{float}"

    def accepts(self, t: Ty) -> bool:
        return t.is_float


class TyVar:
    """A general type inference variable (`_`)."""
    __slots__ = ("resolved",)

    def __init__(self):
        self.resolved = None

    def __str__(self) -> str:
        return str(self.resolved) if self.resolved is not None else "_"


def resolve(t):
    while isinstance(t, (IntVar, TyVar)):
        if t.resolved is None:
            return t
        t = t.resolved
    return t


def zonk(t, default: bool = True):
    """`t` with every resolved variable replaced; unresolved numeric ones take their default."""
    t = resolve(t)
    if isinstance(t, IntVar):
        return prim(t.default) if default else t
    if isinstance(t, TyVar) or not t.args:
        return t
    return Ty(t.kind, t.name, tuple(zonk(a, default) for a in t.args), t.mutbl, t.def_index, t.length)


def show(t) -> str:
    t = resolve(t)
    if isinstance(t, FloatVar):
        return "floating-point number"
    return "integer" if isinstance(t, IntVar) else f"`{t}`"
