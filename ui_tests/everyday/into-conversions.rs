// Everyday Rust: `.into()` between primitives and into `String`, as std's `From` impls allow.
fn take(x: u64) {} //~ WARN unused variable: `x`
fn main() {
    let a: u8 = 3;
    let b: u32 = a.into();
    take(a.into());
    let s: String = "abc".into();
    let c: u64 = 70000u32.into();
    let big: u32 = 9;
    let d: u64 = big.into();
    let e: i32 = big.into(); //~ ERROR the trait bound `i32: From<u32>` is not satisfied
    println!("{b} {s} {c} {d} {e}");
}
