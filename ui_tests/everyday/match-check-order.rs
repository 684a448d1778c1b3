// Everyday Rust: match checking runs as MIR is built, after type checking, and only on bodies
// without type errors; an E0004 also stops borrow checking and liveness of its body.
enum E { A, B }
fn f(e: E) -> i32 {
    let x: i32 = "s"; //~ ERROR mismatched types
    match e { E::A => 1 }
}
fn g(e: E) -> i32 {
    let unused = 5;
    match e { E::A => 1, E::A => 2 } //~ WARN unreachable pattern
    //~| ERROR non-exhaustive patterns: `E::B` not covered
}
fn h(e: E) -> i32 {
    let s = String::new();
    let t = s;
    let u = s;
    match e { E::B => 1 } //~ ERROR non-exhaustive patterns: `E::A` not covered
}
fn main() { let v: u8 = 1i32; } //~ ERROR mismatched types
