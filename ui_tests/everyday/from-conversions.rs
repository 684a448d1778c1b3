// Everyday Rust: `T::from(x)` between primitives, and `String::from`, as std's `From` impls allow.
fn main() {
    let small: u8 = 3;
    let wide = u32::from(small);
    let half = f64::from(2.5f32);
    let lit = u32::from(5);
    let flag = i64::from(true);
    let ch = String::from('c');
    let signed: i32 = -1;
    let bad = u32::from(signed); //~ ERROR the trait bound `u32: From<i32>` is not satisfied
    let count: u32 = 7;
    let index = usize::from(count); //~ ERROR the trait bound `usize: From<u32>` is not satisfied
    let big: u64 = 9;
    let ratio = f64::from(big); //~ ERROR the trait bound `f64: From<u64>` is not satisfied
    let n = 5;
    let text = String::from(n); //~ ERROR the trait bound `String: From<{integer}>` is not satisfied
    println!("{wide} {half} {lit} {flag} {ch} {bad} {index} {ratio} {text}");
}
