//@ ignore-test: a module of attr-ids.rs
#[inline]
pub fn left_one() {}
#[cold]
pub fn left_two() {}
