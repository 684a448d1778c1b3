// Everyday Rust: a derive whose fields cannot honour it (E0204 for `Copy`, the derived impls' E0277
// and E0369 for `Debug`, `Clone` and `PartialEq`).
struct Inner { v: i32 }
#[derive(Debug, Clone, PartialEq)]
struct Both { i: Inner, n: u8 } //~ ERROR `Inner` doesn't implement `Debug`
//~| ERROR the trait bound `Inner: Clone` is not satisfied
//~| ERROR binary operation `==` cannot be applied to type `Inner`
#[derive(Clone, Copy)]
struct Named { name: String } //~ ERROR the trait `Copy` cannot be implemented for this type
#[derive(Debug)]
enum E { A(Inner), B { x: Inner } } //~ ERROR `Inner` doesn't implement `Debug`
//~| ERROR `Inner` doesn't implement `Debug`
fn main() {}
