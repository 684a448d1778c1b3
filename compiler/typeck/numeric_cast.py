"""rustc's numeric conversion help for an E0308 between two numeric types (`suggest_cast`): `.into()`
where std has a lossless `From` impl, `.try_into().unwrap()` between integers otherwise, and an `as`
cast from a wide integer to a float. Read off rustc 1.95's output for every pair of numeric types."""
from __future__ import annotations

INTS = ("i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize")

# (from, to) with `impl From<from> for to` in std
_FROM = {tuple(p.split(">")) for p in (
    "f32>f64 i16>i128 i16>i32 i16>i64 i16>isize i32>i128 i32>i64 i64>i128 i8>i128 i8>i16 i8>i32 i8>i64 i8>isize "
    "u16>i128 u16>i32 u16>i64 u16>u128 u16>u32 u16>u64 u16>usize u32>i128 u32>i64 u32>u128 u32>u64 u64>i128 "
    "u64>u128 u8>i128 u8>i16 u8>i32 u8>i64 u8>isize u8>u128 u8>u16 u8>u32 u8>u64 u8>usize "
    "i16>f32 i16>f64 i32>f64 i8>f32 i8>f64 u16>f32 u16>f64 u32>f64 u8>f32 u8>f64").split()}


def _a(t: str) -> str:
    return f"{'a' if t.startswith('u') else 'an'} `{t}`"


def cast_help(found: str, expected: str):
    """(message, text appended to the expression) or None."""
    f, e = _a(found), _a(expected)
    float_repr = ", producing the floating point representation of the integer"
    if (found, expected) in _FROM:
        return (f"you can convert {f} to {e}" + (float_repr if expected in ("f32", "f64") and found in INTS else ""),
                ".into()")
    if found in INTS and expected in INTS:
        return f"you can convert {f} to {e} and panic if the converted value doesn't fit", ".try_into().unwrap()"
    if found in INTS and expected in ("f32", "f64"):
        verb = "cast" if found.startswith("u") else "convert"
        return f"you can {verb} {f} to {e}{float_repr}, rounded if necessary", f" as {expected}"
    return None
