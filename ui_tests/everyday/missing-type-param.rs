// Everyday Rust: a type parameter used but never declared.
struct Stack<T> { items: Vec<T> }
impl Stack<T> { //~ ERROR cannot find type `T` in this scope
    fn push(&mut self, v: T) { self.items.push(v); } //~ ERROR cannot find type `T` in this scope
}
fn f(x: U) {} //~ ERROR cannot find type `U` in this scope
fn g<A: Clone>(a: A, b: B) {} //~ ERROR cannot find type `B` in this scope
struct P { x: Q } //~ ERROR cannot find type `Q` in this scope
fn main() { let s: Stack<u8> = Stack { items: Vec::new() }; } //~ WARN unused variable: `s`
