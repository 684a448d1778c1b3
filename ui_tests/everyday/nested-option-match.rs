// Everyday Rust: nested option match.
fn main() {
    let pair = (Some(1), false);
    match pair { //~ ERROR non-exhaustive patterns: `(Some(_), false)` not covered
        (Some(n), true) => println!("{}", n),
        (None, _) => println!("none"),
    }
}
