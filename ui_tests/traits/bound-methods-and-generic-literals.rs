// Methods through trait bounds and where-clauses, a trait method on an integer literal, and a
// generic struct literal whose type argument comes from its field.
//@ check-pass
trait Speak {
    fn speak(&self) -> u32;
}
struct Dog;
impl Speak for Dog {
    fn speak(&self) -> u32 { 1 }
}
trait Tr { fn m(&self) -> i32; }
impl Tr for i32 { fn m(&self) -> i32 { *self } }
fn talk<T: Speak>(x: &T) -> u32 { x.speak() }
fn talk2<T>(x: T) -> u32 where T: Speak { x.speak() }
struct Wrapper<T> { inner: T }
fn main() {
    let d = Dog;
    let _ = talk(&d) + talk2(Dog);
    let _ = 1.m();
    let w = Wrapper { inner: 5u32 };
    let _x: u32 = w.inner;
}
