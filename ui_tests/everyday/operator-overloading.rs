// Everyday Rust: operators on user types through `std::ops`, with `Output`, `Rhs` and bounds.
use std::ops::{Add, AddAssign, Mul, Neg, Sub};
#[derive(Clone, Copy, Debug, PartialEq)]
struct P { x: i32 }
impl Add for P { //~ ERROR not all trait items implemented, missing: `Output`
    fn add(self, o: P) -> P { P { x: self.x + o.x } }
}
impl Sub for P {
    type Output = P;
    fn sub(self, o: &P) -> P { P { x: self.x - o.x } } //~ ERROR method `sub` has an incompatible type for trait
}
impl Mul<i32> for P {
    type Output = P;
    fn mul(self, k: i32) -> P { P { x: self.x * k } }
}
impl Mul<P> for P {
    type Output = i32;
    fn mul(self, o: P) -> Self::Output { self.x * o.x }
}
impl AddAssign for P {
    fn add_assign(&mut self, o: P) { self.x += o.x; }
}
impl Neg for P {
    type Output = P;
    fn neg(self) -> P { P { x: -self.x } }
}
fn twice<T: Add<Output = T> + Copy>(v: T) -> T { v + v }
fn main() {
    let mut a = P { x: 1 };
    let b = a * 2;
    let dot: i32 = a * b;
    a += b;
    let n = -a;
    let t = twice(3);
    let q = P { x: 5 };
    let r = q / 2; //~ ERROR cannot divide `P` by `{integer}`
    let s = !q; //~ ERROR cannot apply unary operator `!` to type `P`
    let mut u = q;
    u -= q; //~ ERROR binary assignment operation `-=` cannot be applied to type `P`
    let wrong: P = a * b; //~ ERROR mismatched types
    println!("{:?} {:?} {} {:?} {}", a, b, dot, n, t);
}
