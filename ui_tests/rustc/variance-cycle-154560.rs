//@ known-bug: rust#154560
//@ compile-flags: -Z threads=4

// Both fns have `_` return types, so their signatures need their bodies
// type-checked. Each body names the `Cell` constructor, whose type needs
// `variances_of`, and crate-wide variance inference in turn needs the
// signatures of every generic fn (both `build` and `wrap`): a cycle that
// two worker threads can enter from different ends.
pub struct Cell<'r>(&'r [u8]);

pub fn build<C>() -> _ { Cell }

pub fn wrap<'s>(c: Cell<'s>) -> _ { Cell }

fn main() {}
