"""The `std::ops` traits: their names, and the impls std gives the primitives (built in, like rustc's
lang items for the operators)."""
from __future__ import annotations

from compiler.ty.types import Ty

OPS = {"Add", "Sub", "Mul", "Div", "Rem", "Neg", "Not", "AddAssign", "SubAssign", "MulAssign", "DivAssign",
       "RemAssign"}


def prim_implements(ty: Ty, trait_name: str) -> bool:
    """std's operator impls for primitives: arithmetic for numbers, `Neg` for signed ones and floats,
    `Not` for integers and `bool`."""
    if trait_name == "Not":
        return ty.is_integral or ty.name == "bool"
    if not ty.is_numeric:
        return False
    return trait_name != "Neg" or not ty.name.startswith("u")
