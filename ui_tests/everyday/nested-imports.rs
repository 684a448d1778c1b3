// Everyday Rust: nested and glob imports.
//@ check-pass
mod shapes {
    pub struct Circle { pub r: f64 }
    pub struct Square { pub s: f64 } //~ WARN field `s` is never read
    pub fn area(c: &Circle) -> f64 { c.r * c.r * 3.14 }
    fn hidden() {} //~ WARN function `hidden` is never used
    pub mod deep { pub fn f() -> i32 { 1 } }
}
mod other {
    pub fn g() -> i32 { 2 }
    pub fn h() -> i32 { 3 }
}
#[derive(Debug)]
enum Color { Red, Green } //~ WARN variant `Green` is never constructed
use shapes::*;
use other::{g, h as hh};
use shapes::deep::{self, f};
use Color::*;
fn main() {
    let c = Circle { r: 1.0 };
    let _s = Square { s: 2.0 };
    println!("{} {} {} {} {}", area(&c), g(), hh(), deep::f(), f());
    let col = Red;
    match col { Red => {}, Green => {} }
}
