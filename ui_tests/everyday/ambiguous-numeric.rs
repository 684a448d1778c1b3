// Everyday Rust: ambiguous numeric.
fn main() {
    let base = 3;
    let cube = base.pow(3); //~ ERROR can't call method `pow` on ambiguous numeric type `{integer}`
    println!("{}", cube);
}
