// Everyday Rust: cast float.
fn average(v: &[i32]) -> f64 {
    let mut total = 0;
    for x in v {
        total += x;
    }
    total as f64 / v.len() as f64
}

fn main() {
    let v = vec![1, 2, 3];
    let avg: i32 = average(&v); //~ ERROR mismatched types
    println!("{}", avg);
}
