// Everyday Rust: numeric conversions rustc suggests.
struct S { n: u32 }
fn take(x: u64) {} //~ WARN unused variable: `x`
fn f(a: u32, b: u32, s: &S, v: &Vec<i32>) -> u64 {
    let x: usize = a + b; //~ ERROR mismatched types
    let y: i64 = s.n; //~ ERROR mismatched types
    take(a); //~ ERROR mismatched types
    let z: u32 = v.len(); //~ ERROR mismatched types
    let mut w: u64 = 0;
    w = a; //~ ERROR mismatched types
    a * 2 //~ ERROR mismatched types
}
fn main() {}
