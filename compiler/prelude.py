"""The built-in prelude: the few `std` items the subset knows (`Option`, `Result`, `Vec`, `String`,
`Box`, the derivable traits, `std::fmt`), written as Rust signatures and parsed like user code. Its
items are marked `builtin`: name resolution and type checking see them, the analysis phases and the
lints never do."""
from __future__ import annotations

from functools import lru_cache

from compiler.syntax.span import SourceFile
from compiler.ty.types import INT_TYPES

PRIMS = INT_TYPES + ("f32", "f64", "bool", "char")
FILE_NAME = "<minirustc prelude>"

_CORE = """
pub enum Option<T> { None, Some(T) }
pub enum Result<T, E> { Ok(T), Err(E) }
pub struct Vec<T>;
pub struct String;
pub struct Box<T>;
pub struct Range<T>;
pub struct Iter<T>;
pub struct IterMut<T>;
pub struct Chars;
pub struct Bytes;
pub struct ParseIntError;
pub struct ParseFloatError;
pub struct ParseBoolError;
pub struct ParseCharError;
pub struct SplitWhitespace;
pub struct Split;
pub struct Lines;
pub trait Clone { fn clone(&self) -> Self; }
pub trait Copy {}
pub trait PartialEq { fn eq(&self, other: &Self) -> bool; fn ne(&self, other: &Self) -> bool; }
pub trait Eq {}
pub trait PartialOrd {}
pub trait Ord { fn cmp(&self, other: &Self) -> Ordering; fn max(self, other: Self) -> Self; fn min(self, other: Self) -> Self; }
pub enum Ordering { Less, Equal, Greater }
pub trait Hash {}
pub trait Default { fn default() -> Self; }
pub trait ToString { fn to_string(&self) -> String; }
pub trait Debug { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
pub trait Display { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
pub fn drop<T>(x: T);
pub struct Formatter;
pub struct Error;
pub type FmtResult = Result<(), Error>;
impl<T> Option<T> {
    pub fn is_some(&self) -> bool; pub fn is_none(&self) -> bool; pub fn unwrap(self) -> T;
    pub fn expect(self, msg: &str) -> T; pub fn unwrap_or(self, default: T) -> T;
    pub fn unwrap_or_default(self) -> T; pub fn take(&mut self) -> Option<T>;
}
impl<T, E> Result<T, E> {
    pub fn is_ok(&self) -> bool; pub fn is_err(&self) -> bool; pub fn unwrap(self) -> T;
    pub fn expect(self, msg: &str) -> T; pub fn unwrap_or(self, default: T) -> T; pub fn ok(self) -> Option<T>;
    pub fn unwrap_err(self) -> E;
}
impl<T> Vec<T> {
    pub fn new() -> Vec<T>; pub fn with_capacity(capacity: usize) -> Vec<T>; pub fn push(&mut self, value: T);
    pub fn pop(&mut self) -> Option<T>; pub fn len(&self) -> usize; pub fn is_empty(&self) -> bool;
    pub fn get(&self, index: usize) -> Option<&T>; pub fn contains(&self, x: &T) -> bool; pub fn clear(&mut self);
    pub fn insert(&mut self, index: usize, element: T); pub fn remove(&mut self, index: usize) -> T;
    pub fn first(&self) -> Option<&T>; pub fn last(&self) -> Option<&T>; pub fn iter(&self) -> Iter<T>;
    pub fn truncate(&mut self, len: usize); pub fn swap(&mut self, a: usize, b: usize); pub fn reverse(&mut self);
}
impl String {
    pub fn new() -> String; pub fn from<S>(value: S) -> String; pub fn with_capacity(capacity: usize) -> String;
    #[must_use] pub fn len(&self) -> usize; pub fn is_empty(&self) -> bool; pub fn push_str(&mut self, string: &str);
    pub fn push(&mut self, ch: char); pub fn as_str(&self) -> &str; pub fn clear(&mut self);
    pub fn pop(&mut self) -> Option<char>; pub fn contains<P>(&self, pat: P) -> bool;
    pub fn trim(&self) -> &str; pub fn to_uppercase(&self) -> String; pub fn to_lowercase(&self) -> String;
    pub fn starts_with<P>(&self, pat: P) -> bool; pub fn ends_with<P>(&self, pat: P) -> bool;
    pub fn chars(&self) -> Chars; pub fn bytes(&self) -> Bytes; pub fn as_bytes(&self) -> &[u8];
    // STR_SHARED
}
impl Chars { pub fn count(self) -> usize; pub fn next(&mut self) -> Option<char>; }
impl SplitWhitespace { pub fn count(self) -> usize; pub fn next(&mut self) -> Option<&str>; }
impl Split { pub fn count(self) -> usize; pub fn next(&mut self) -> Option<&str>; }
impl Lines { pub fn count(self) -> usize; pub fn next(&mut self) -> Option<&str>; }
impl Bytes { pub fn count(self) -> usize; pub fn next(&mut self) -> Option<u8>; }
impl str {
    pub fn chars(&self) -> Chars; pub fn bytes(&self) -> Bytes; pub fn as_bytes(&self) -> &[u8];
    pub fn len(&self) -> usize; pub fn is_empty(&self) -> bool; pub fn to_string(&self) -> String;
    pub fn to_owned(&self) -> String; pub fn contains<P>(&self, pat: P) -> bool; pub fn trim(&self) -> &str;
    pub fn to_uppercase(&self) -> String; pub fn to_lowercase(&self) -> String;
    pub fn starts_with<P>(&self, pat: P) -> bool; pub fn ends_with<P>(&self, pat: P) -> bool;
    // STR_SHARED
}
impl<T> Box<T> { pub fn new(x: T) -> Box<T>; }
impl<T> [T] {
    pub fn len(&self) -> usize; pub fn is_empty(&self) -> bool; pub fn iter(&self) -> Iter<T>;
    pub fn contains(&self, x: &T) -> bool; pub fn first(&self) -> Option<&T>; pub fn last(&self) -> Option<&T>;
    pub fn get(&self, index: usize) -> Option<&T>; pub fn sort(&mut self); pub fn reverse(&mut self);
    pub fn swap(&mut self, a: usize, b: usize); pub fn iter_mut(&mut self) -> IterMut<T>;
}
impl<T> Iter<T> { pub fn next(&mut self) -> Option<&T>; pub fn count(self) -> usize; }
impl<T> Range<T> { pub fn contains(&self, item: &T) -> bool; }
impl Clone for String { fn clone(&self) -> String; }
impl<T: Clone> Clone for Vec<T> { fn clone(&self) -> Vec<T>; }
impl<T: Clone> Clone for Option<T> { fn clone(&self) -> Option<T>; }
impl<T: Clone> Clone for Box<T> { fn clone(&self) -> Box<T>; }
impl<T: Copy> Copy for Option<T> {}
impl PartialEq for String { fn eq(&self, other: &String) -> bool; fn ne(&self, other: &String) -> bool; }
impl<T: PartialEq> PartialEq for Vec<T> { fn eq(&self, other: &Vec<T>) -> bool; fn ne(&self, other: &Vec<T>) -> bool; }
impl<T: PartialEq> PartialEq for Option<T> { fn eq(&self, other: &Option<T>) -> bool; fn ne(&self, other: &Option<T>) -> bool; }
impl PartialEq for str { fn eq(&self, other: &str) -> bool; fn ne(&self, other: &str) -> bool; }
impl Eq for String {}
impl PartialOrd for String {}
impl Eq for str {}
impl PartialOrd for str {}
impl Ord for str {}
impl Ord for String {}
impl Default for String { fn default() -> String; }
impl<T> Default for Vec<T> { fn default() -> Vec<T>; }
impl<T> Default for Option<T> { fn default() -> Option<T>; }
impl Display for String { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Display for ParseIntError { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Debug for ParseIntError { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Display for ParseFloatError { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Debug for ParseFloatError { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Display for ParseBoolError { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Debug for ParseBoolError { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Display for ParseCharError { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Debug for ParseCharError { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Display for str { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Debug for String { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl Debug for str { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl<T: Debug> Debug for Vec<T> { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl<T: Debug> Debug for Option<T> { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl<T: Debug, E: Debug> Debug for Result<T, E> { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl<T: Debug> Debug for Box<T> { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl<T: Display> Display for Box<T> { fn fmt(&self, f: &mut Formatter) -> FmtResult; }
impl<T> Iterator for Range<T> {}
pub trait Iterator {}
pub mod std {
    pub mod fmt {
        pub use crate::Formatter; pub use crate::Display; pub use crate::Debug; pub use crate::Error;
        pub type Result = crate::FmtResult;
    }
    pub mod collections { }
    pub mod cmp {
        pub use crate::Ordering; pub use crate::PartialEq; pub use crate::PartialOrd; pub use crate::Ord;
        pub use crate::Eq;
        pub fn max<T: crate::Ord>(v1: T, v2: T) -> T; pub fn min<T: crate::Ord>(v1: T, v2: T) -> T;
    }
    pub mod mem {
        pub fn swap<T>(x: &mut T, y: &mut T); pub fn replace<T>(dest: &mut T, src: T) -> T;
        pub fn take<T: crate::Default>(dest: &mut T) -> T;
    }
    pub mod process { pub fn exit(code: i32) -> !; }
    pub mod ops {
        pub trait Add<Rhs = Self> { type Output; fn add(self, rhs: Rhs) -> Self::Output; }
        pub trait Sub<Rhs = Self> { type Output; fn sub(self, rhs: Rhs) -> Self::Output; }
        pub trait Mul<Rhs = Self> { type Output; fn mul(self, rhs: Rhs) -> Self::Output; }
        pub trait Div<Rhs = Self> { type Output; fn div(self, rhs: Rhs) -> Self::Output; }
        pub trait Rem<Rhs = Self> { type Output; fn rem(self, rhs: Rhs) -> Self::Output; }
        pub trait Neg { type Output; fn neg(self) -> Self::Output; }
        pub trait Not { type Output; fn not(self) -> Self::Output; }
        pub trait AddAssign<Rhs = Self> { fn add_assign(&mut self, rhs: Rhs); }
        pub trait SubAssign<Rhs = Self> { fn sub_assign(&mut self, rhs: Rhs); }
        pub trait MulAssign<Rhs = Self> { fn mul_assign(&mut self, rhs: Rhs); }
        pub trait DivAssign<Rhs = Self> { fn div_assign(&mut self, rhs: Rhs); }
        pub trait RemAssign<Rhs = Self> { fn rem_assign(&mut self, rhs: Rhs); }
    }
    pub mod f64 { pub mod consts { pub const PI: f64 = 3.141592653589793; pub const E: f64 = 2.718281828459045;
                                   pub const TAU: f64 = 6.283185307179586; pub const SQRT_2: f64 = 1.4142135623730951; } }
    pub mod f32 { pub mod consts { pub const PI: f32 = 3.1415927; pub const E: f32 = 2.7182817;
                                   pub const TAU: f32 = 6.2831855; pub const SQRT_2: f32 = 1.4142135; } }
    pub mod string { pub use crate::String; pub use crate::ToString; }
    pub mod vec { pub use crate::Vec; }
    pub mod option { pub use crate::Option; }
}
"""

_PRIM_IMPLS = """
impl Clone for {t} {{ fn clone(&self) -> {t}; }}
impl Copy for {t} {{}}
impl PartialEq for {t} {{ fn eq(&self, other: &{t}) -> bool; fn ne(&self, other: &{t}) -> bool; }}
impl PartialOrd for {t} {{}}
impl Default for {t} {{ fn default() -> {t}; }}
impl Display for {t} {{ fn fmt(&self, f: &mut Formatter) -> FmtResult; }}
impl Debug for {t} {{ fn fmt(&self, f: &mut Formatter) -> FmtResult; }}
impl ToString for {t} {{ fn to_string(&self) -> String; }}
"""

_ORD_IMPLS = """
impl Eq for {t} {{}}
impl Ord for {t} {{ fn cmp(&self, other: &{t}) -> Ordering; fn max(self, other: {t}) -> {t}; fn min(self, other: {t}) -> {t}; }}
"""

_INT_METHODS = """
impl {t} {{
    pub fn from<S>(value: S) -> {t};
    pub fn abs(self) -> {t}; pub fn pow(self, exp: u32) -> {t}; pub fn max(self, other: {t}) -> {t};
    pub fn min(self, other: {t}) -> {t}; pub fn is_positive(self) -> bool; pub fn is_negative(self) -> bool;
    pub fn signum(self) -> {t}; pub fn count_ones(self) -> u32; pub fn wrapping_add(self, rhs: {t}) -> {t};
    pub fn checked_add(self, rhs: {t}) -> Option<{t}>; pub fn checked_sub(self, rhs: {t}) -> Option<{t}>;
    pub fn checked_mul(self, rhs: {t}) -> Option<{t}>; pub fn checked_div(self, rhs: {t}) -> Option<{t}>;
    pub fn saturating_sub(self, rhs: {t}) -> {t}; pub fn saturating_add(self, rhs: {t}) -> {t};
    pub fn rem_euclid(self, rhs: {t}) -> {t}; pub fn saturating_mul(self, rhs: {t}) -> {t};
    pub fn wrapping_sub(self, rhs: {t}) -> {t}; pub fn wrapping_mul(self, rhs: {t}) -> {t};
    pub fn checked_rem(self, rhs: {t}) -> Option<{t}>; pub fn leading_zeros(self) -> u32;
    pub fn trailing_zeros(self) -> u32; pub fn abs_diff(self, other: {t}) -> {t};
    pub fn div_euclid(self, rhs: {t}) -> {t}; pub fn count_zeros(self) -> u32;
    pub fn checked_pow(self, exp: u32) -> Option<{t}>; pub fn saturating_pow(self, exp: u32) -> {t};
    pub fn wrapping_pow(self, exp: u32) -> {t}; pub fn rotate_left(self, n: u32) -> {t};
    pub fn rotate_right(self, n: u32) -> {t}; pub fn ilog2(self) -> u32; pub fn ilog10(self) -> u32;
    pub fn isqrt(self) -> {t}; pub fn reverse_bits(self) -> {t}; pub fn swap_bytes(self) -> {t};
    pub fn clamp(self, min: {t}, max: {t}) -> {t};
}}
"""

_SIGNED_METHODS = """
impl {t} {{
    pub fn unsigned_abs(self) -> {u}; pub fn checked_abs(self) -> Option<{t}>; pub fn wrapping_neg(self) -> {t};
    pub fn checked_neg(self) -> Option<{t}>; pub fn wrapping_abs(self) -> {t};
}}
"""

_UNSIGNED_METHODS = """
impl {t} {{
    pub fn is_power_of_two(self) -> bool; pub fn next_power_of_two(self) -> {t};
}}
"""

_FLOAT_METHODS = """
impl {t} {{
    pub fn from<S>(value: S) -> {t};
    pub fn abs(self) -> {t}; pub fn sqrt(self) -> {t}; pub fn powi(self, n: i32) -> {t};
    pub fn powf(self, n: {t}) -> {t}; pub fn max(self, other: {t}) -> {t}; pub fn min(self, other: {t}) -> {t};
    pub fn floor(self) -> {t}; pub fn ceil(self) -> {t}; pub fn round(self) -> {t};
    pub fn trunc(self) -> {t}; pub fn fract(self) -> {t}; pub fn signum(self) -> {t};
    pub fn is_nan(self) -> bool; pub fn is_finite(self) -> bool; pub fn is_infinite(self) -> bool;
    pub fn is_sign_positive(self) -> bool; pub fn is_sign_negative(self) -> bool;
    pub fn sin(self) -> {t}; pub fn cos(self) -> {t}; pub fn tan(self) -> {t}; pub fn exp(self) -> {t};
    pub fn ln(self) -> {t}; pub fn log10(self) -> {t}; pub fn log2(self) -> {t}; pub fn cbrt(self) -> {t};
    pub fn hypot(self, other: {t}) -> {t}; pub fn atan2(self, other: {t}) -> {t}; pub fn recip(self) -> {t};
    pub fn to_degrees(self) -> {t}; pub fn to_radians(self) -> {t}; pub fn clamp(self, min: {t}, max: {t}) -> {t};
    pub fn mul_add(self, a: {t}, b: {t}) -> {t}; pub fn rem_euclid(self, rhs: {t}) -> {t};
}}
"""

_CHAR_METHODS = """
impl char {
    pub fn from<S>(value: S) -> char;
    pub fn is_alphabetic(self) -> bool; pub fn is_numeric(self) -> bool; pub fn is_whitespace(self) -> bool;
    pub fn is_uppercase(self) -> bool; pub fn is_lowercase(self) -> bool; pub fn to_digit(self, radix: u32) -> Option<u32>;
    pub fn is_alphanumeric(self) -> bool; pub fn is_ascii_digit(self) -> bool;
    pub fn is_ascii_lowercase(&self) -> bool; pub fn is_ascii_uppercase(&self) -> bool;
    pub fn is_ascii_alphabetic(&self) -> bool; pub fn is_ascii_alphanumeric(&self) -> bool;
    pub fn is_ascii(&self) -> bool; pub fn is_ascii_punctuation(&self) -> bool;
    pub fn is_ascii_whitespace(&self) -> bool; pub fn to_ascii_uppercase(&self) -> char;
    pub fn to_ascii_lowercase(&self) -> char; pub fn is_digit(self, radix: u32) -> bool;
    pub fn is_control(self) -> bool; pub fn len_utf8(self) -> usize;
}
impl u8 {
    pub fn is_ascii_digit(&self) -> bool; pub fn is_ascii_lowercase(&self) -> bool;
    pub fn is_ascii_uppercase(&self) -> bool; pub fn is_ascii_alphabetic(&self) -> bool;
    pub fn to_ascii_uppercase(&self) -> u8; pub fn to_ascii_lowercase(&self) -> u8;
}
"""

# prelude names visible everywhere (the rest is reachable through `std::`)
VISIBLE = {"Option", "Some", "None", "Result", "Ok", "Err", "Vec", "String", "Box", "Clone", "Copy",
           "PartialEq", "Eq", "PartialOrd", "Ord", "Default", "ToString", "Iterator", "drop"}
# the names of Rust's own prelude (edition 2021), ours or not
STD_PRELUDE = {"Copy", "Send", "Sized", "Sync", "Unpin", "Drop", "Fn", "FnMut", "FnOnce", "drop", "size_of",
               "size_of_val", "align_of", "align_of_val", "Box", "ToOwned", "Clone", "PartialEq", "PartialOrd",
               "Eq", "Ord", "AsRef", "AsMut", "Into", "From", "Default", "Iterator", "Extend", "IntoIterator",
               "DoubleEndedIterator", "ExactSizeIterator", "Option", "Some", "None", "Result", "Ok", "Err",
               "String", "ToString", "Vec", "TryFrom", "TryInto", "FromIterator"}
DERIVABLE = {"Clone", "Copy", "PartialEq", "Eq", "PartialOrd", "Ord", "Hash", "Debug", "Default"}


# the `str` methods `String` has too (through `Deref`), written once
_STR_SHARED = """    pub fn split_whitespace(&self) -> SplitWhitespace; pub fn split<P>(&self, pat: P) -> Split;
    pub fn lines(&self) -> Lines; pub fn parse<F>(&self) -> Result<F, ParseIntError>;
    pub fn find<P>(&self, pat: P) -> Option<usize>; pub fn rfind<P>(&self, pat: P) -> Option<usize>;
    pub fn replace<P>(&self, from: P, to: &str) -> String; pub fn repeat(&self, n: usize) -> String;
    pub fn trim_start(&self) -> &str; pub fn trim_end(&self) -> &str;
    pub fn to_ascii_uppercase(&self) -> String; pub fn to_ascii_lowercase(&self) -> String;
    pub fn eq_ignore_ascii_case(&self, other: &str) -> bool;
    pub fn strip_prefix<P>(&self, prefix: P) -> Option<&str>; pub fn strip_suffix<P>(&self, suffix: P) -> Option<&str>;
"""


@lru_cache(maxsize=1)
def source() -> str:
    parts = [_CORE.replace("    // STR_SHARED\n", _STR_SHARED), _CHAR_METHODS]
    for t in PRIMS:
        parts.append(_PRIM_IMPLS.format(t=t))
        if t not in ("f32", "f64"):
            parts.append(_ORD_IMPLS.format(t=t))
        if t in INT_TYPES:
            parts.append(_INT_METHODS.format(t=t))
            parts.append(_UNSIGNED_METHODS.format(t=t) if t.startswith("u") else
                         _SIGNED_METHODS.format(t=t, u="u" + t[1:]))
        elif t in ("f32", "f64"):
            parts.append(_FLOAT_METHODS.format(t=t))
    return "".join(parts)


def parse():
    """A fresh AST of the prelude (each compilation owns its nodes)."""
    from compiler.syntax.parser import parse_crate
    return parse_crate(SourceFile(FILE_NAME, source()))
