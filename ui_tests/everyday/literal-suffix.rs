// Everyday Rust: suffixed literals of the wrong type, and return types through `if`/`else`.
fn take(x: u64) {} //~ WARN unused variable: `x`
fn c(n: u32) -> &'static str { if n > 1 { "a" } else if n > 0 { 3 } else { "c" } } //~ ERROR mismatched types
fn main() {
    let v: u8 = 1i32; //~ ERROR mismatched types
    let w: f64 = 2.5f32; //~ ERROR mismatched types
    take(3i32); //~ ERROR mismatched types
    let i: i32 = 2.0f64; //~ ERROR mismatched types
}
