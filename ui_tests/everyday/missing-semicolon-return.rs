// Everyday Rust: missing semicolon return.
fn area(w: u32, h: u32) -> u32 { //~ ERROR mismatched types
    w * h;
}

fn main() {
    println!("{}", area(2, 3));
}
