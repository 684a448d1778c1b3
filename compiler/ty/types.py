"""`Ty`: the semantic types of the subset, printed as rustc prints them."""
from __future__ import annotations

from dataclasses import dataclass

INT_TYPES = ("i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize")
PRIMITIVES = INT_TYPES + ("bool", "char", "str")


@dataclass(frozen=True)
class Ty:
    kind: str                   # "prim", "ref", "tuple", "adt", "param", "array", "error", "never"
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
            return self.name + ("<" + ", ".join(map(str, self.args)) + ">" if self.args else "")
        if k == "array":
            return f"[{self.args[0]}; {self.length}]"
        if k == "never":
            return "!"
        return "{type error}"

    @property
    def is_error(self) -> bool:
        return self.kind == "error"

    @property
    def is_integral(self) -> bool:
        return self.kind == "prim" and self.name in INT_TYPES

    def references_error(self) -> bool:
        return self.kind == "error" or any(isinstance(a, Ty) and a.references_error() for a in self.args)

    def subst(self, mapping: dict) -> "Ty":
        if self.kind == "param":
            return mapping.get(self.name, self)
        if not self.args:
            return self
        return Ty(self.kind, self.name, tuple(a.subst(mapping) for a in self.args), self.mutbl, self.def_index,
                  self.length)


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

    def __init__(self):
        self.resolved: Ty | None = None

    def __str__(self) -> str:
        return str(self.resolved) if self.resolved else "{integer}"


def resolve(t):
    while isinstance(t, IntVar):
        if t.resolved is None:
            return t
        t = t.resolved
    return t


def show(t) -> str:
    t = resolve(t)
    return "integer" if isinstance(t, IntVar) else f"`{t}`"
