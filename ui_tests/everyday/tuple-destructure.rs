// Everyday Rust: tuple destructure.
fn split(n: i32) -> (i32, i32) {
    (n / 2, n % 2)
}

fn main() {
    let (half, rest) = split(7);
    let (a, b, c) = split(8); //~ ERROR mismatched types
    println!("{}", half);
}
