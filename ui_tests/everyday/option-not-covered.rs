// Everyday Rust: option not covered.
fn main() {
    let x: Option<u8> = Some(3);
    match x { //~ ERROR non-exhaustive patterns: `Some(1_u8..=u8::MAX)` not covered
        Some(0) => println!("zero"),
        None => println!("none"),
    }
}
