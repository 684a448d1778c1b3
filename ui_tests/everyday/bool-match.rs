// Everyday Rust: bool match.
fn main() {
    let flag = true;
    let n = match flag { //~ ERROR non-exhaustive patterns: `false` not covered
        true => 1,
    };
    println!("{}", n);
}
