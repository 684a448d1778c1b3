// Everyday Rust: comparing an `Option` with a plain value, and a `&mut` expected where `&` was given.
fn fill(v: &mut Vec<f64>) { v.push(1.0); }
fn main() {
    let price: Option<i32> = Some(3);
    let budget = 5;
    if price < budget {} //~ ERROR mismatched types
    let v = vec![1.0];
    fill(&v); //~ ERROR mismatched types
}
