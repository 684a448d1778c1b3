"""`T::from(x)` on a primitive `T`: std's lossless `From` impls between primitives, and rustc's E0277
when `x`'s type has none (`u32::from(-1i32)`, `usize::from(7u32)`)."""
from __future__ import annotations

from compiler.ty.types import INT_TYPES, FloatVar, IntVar, Ty

# `T` implements `From<S>` for each S listed, as rustc 1.95 lists them in its help (sorted as it sorts
# them; the ones that are not primitives only appear in that help), besides the reflexive `From<T>`.
FROM_IMPLS = {
    "u8": ["bool", "std::ascii::Char"],
    "u16": ["bool", "u8", "std::ascii::Char"],
    "u32": ["Ipv4Addr", "bool", "char", "std::ascii::Char", "u16", "u8"],
    "u64": ["bool", "char", "std::ascii::Char", "u16", "u32", "u8"],
    "u128": ["Ipv6Addr", "bool", "char", "std::ascii::Char", "u16", "u32", "u64", "u8"],
    "usize": ["bool", "u16", "u8", "std::ptr::Alignment"],
    "i8": ["bool"],
    "i16": ["bool", "i8", "u8"],
    "i32": ["bool", "i16", "i8", "u16", "u8"],
    "i64": ["bool", "i16", "i32", "i8", "u16", "u32", "u8"],
    "i128": ["bool", "i16", "i32", "i64", "i8", "u16", "u32", "u64", "u8"],
    "isize": ["bool", "i16", "i8", "u8"],
    "f32": ["bool", "i16", "i8", "u16", "u8"],
    "f64": ["bool", "f16", "f32", "i16", "i32", "i8", "u16", "u32", "u8"],
    "char": ["std::ascii::Char", "u8"],
    "String": ["&String", "&mut str", "&str", "Box<str>", "Cow<'_, str>", "char"],
}
# where rustc prints the impls with their std source locations, which we do not reproduce
_LISTED_WITH_SOURCES = {"u8", "u16", "usize", "i16", "isize", "char"}


def check_into(fcx, source, target, span) -> None:
    """`x.into()` where `target` is expected: std's blanket `Into` over the same `From` impls."""
    if isinstance(target, Ty) and not target.is_error and str(target) in FROM_IMPLS:
        d = check_from(fcx, str(target), source, span)
        if d is not None:
            d.note(f"required for `{source}` to implement `Into<{target}>`")


def check_from(fcx, target: str, arg_ty, span):
    """E0277 for `target::from(arg)` when std has no `From<arg> for target`; `span` is the type's.
    Returns the diagnostic, if any."""
    impls = FROM_IMPLS.get(target)
    if impls is None:
        return
    if isinstance(arg_ty, FloatVar):
        source, ok = "{float}", target in ("f32", "f64")
    elif isinstance(arg_ty, IntVar):
        source, ok = "{integer}", target in INT_TYPES or target in ("f32", "f64")
    elif isinstance(arg_ty, Ty) and not arg_ty.is_error:
        source = str(arg_ty)
        ok = source == target or source in impls
    else:
        return
    if ok:
        return
    d = fcx.err(f"the trait bound `{target}: From<{source}>` is not satisfied", "E0277", span,
                f"the trait `From<{source}>` is not implemented for `{target}`")
    if len(impls) == 1:
        d.help(f"for that trait implementation, expected `{impls[0]}`, found `{source}`")
    elif target not in _LISTED_WITH_SOURCES:
        d.help("the following other types implement trait `From<T>`:" +
               "".join(f"\n  `{target}` implements `From<{s}>`" for s in impls))
    return d
