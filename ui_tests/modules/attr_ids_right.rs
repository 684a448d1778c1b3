//@ ignore-test: a module of attr-ids.rs
#[must_use]
pub fn right_one() -> i32 { 1 }
#[inline]
pub fn right_two() {}
