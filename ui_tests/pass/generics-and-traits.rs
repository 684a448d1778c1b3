//@ check-pass
#![allow(dead_code)]
trait Shape {
    fn sides() -> u32;
}

struct Square;
struct Wrapper<T>(T);

impl Shape for Square {
    fn sides() -> u32 { 4 }
}

impl<T: Shape> Shape for Wrapper<T> {
    fn sides() -> u32 { 0 }
}

fn count<T: Shape>(x: T) -> u32 {
    let _ = x;
    0
}

fn main() {
    let w = Wrapper(Square);
    let _n = count(w);
}
