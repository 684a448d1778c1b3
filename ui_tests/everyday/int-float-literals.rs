// Everyday Rust: integer and float literals mixed in arithmetic.
fn main() {
    let a = 1.0 + 5; //~ ERROR cannot add an integer to a float
    let b = 5 - 1.0; //~ ERROR cannot subtract `{float}` from `{integer}`
    let c = 2.0 * 3; //~ ERROR cannot multiply `{float}` by `{integer}`
    let d = 1 / 2.0; //~ ERROR cannot divide `{integer}` by `{float}`
    let x: f64 = 2.0;
    let e = x + 1; //~ ERROR cannot add `{integer}` to `f64`
    let y: u32 = 2;
    let g = 1 + x; //~ ERROR cannot add `f64` to `{integer}`
    let r = &5;
    let h = r + 1.0; //~ ERROR cannot add `{float}` to `&{integer}`
    let price: f64 = 10; //~ ERROR mismatched types
    println!("{a} {b} {c} {d} {e} {y} {g} {h} {price}");
}
