// Everyday Rust: float mismatch.
fn main() {
    let price = 9.99;
    let qty = 3;
    let total = price * qty; //~ ERROR cannot multiply `{float}` by `{integer}`
    println!("{}", total);
}
