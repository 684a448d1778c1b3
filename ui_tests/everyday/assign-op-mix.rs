// Everyday Rust: compound assignment mixing integers and floats.
fn main() {
    let x = 2.0f64;
    let mut a = 0;
    a += x; //~ ERROR cannot add-assign `f64` to `{integer}`
    let mut d = 0;
    d /= x; //~ ERROR cannot divide-assign `{integer}` by `f64`
    let mut g = 0.0;
    g += 1u8; //~ ERROR cannot add-assign `u8` to `{float}`
    let legs = [1.5, 2.5];
    let mut total = 0;
    for leg in legs {
        total += leg * 2.0; //~ ERROR cannot add-assign `{float}` to `{integer}`
    }
    println!("{a} {d} {g} {total}");
}
