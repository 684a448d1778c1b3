// Everyday Rust: unused imports in a nested use.
//@ check-pass
mod other {
    pub fn g() -> i32 { 2 }
    pub fn h() -> i32 { 3 } //~ WARN function `h` is never used
    pub fn k() -> i32 { 3 } //~ WARN function `k` is never used
}
mod m2 { pub fn z() {} } //~ WARN function `z` is never used
use other::{g, h}; //~ WARN unused import: `h`
use m2::*; //~ WARN unused import: `m2::*`
use other::{k}; //~ WARN unused import: `k`
fn main() {
    println!("{}", g());
}
