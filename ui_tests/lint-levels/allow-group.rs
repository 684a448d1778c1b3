//@ check-pass
#![allow(unused, nonstandard_style)]

fn Unused(x: i32) {}
struct lower_struct;
const lower_const: i32 = 1;

fn main() {}
