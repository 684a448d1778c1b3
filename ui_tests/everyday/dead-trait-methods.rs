// Everyday Rust: trait methods never used.
//@ check-pass
trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String { String::from("shape") }
    fn unused_default(&self) -> i32 { 0 } //~ WARN associated items `unused_default` and `make` are never used
    fn make() -> Self;
}
trait Never { fn n(&self); } //~ WARN trait `Never` is never used
struct C(f64);
impl Shape for C {
    fn area(&self) -> f64 { self.0 }
    fn make() -> Self { C(1.0) }
}
fn total<T: Shape>(xs: &[T]) -> f64 {
    let mut t = 0.0;
    for x in xs { t += x.area(); }
    t
}
impl std::fmt::Display for C {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result { write!(f, "c") }
}
fn main() {
    let v = [C(1.0), C(2.0)];
    println!("{} {}", total(&v), v[0].name());
}
