// Everyday Rust: `match` arms of incompatible types, where an arm is a macro call, and a `char`
// matched against string literals.
enum S { A, B, C }
fn text(s: S) -> String {
    match s {
        S::A => String::from("a"),
        S::B => format!("b{}", 1),
        S::C => "c", //~ ERROR `match` arms have incompatible types
    }
}
fn key(c: char) -> u8 {
    match c {
        "a" => 1, //~ ERROR mismatched types
        _ => 0,
    }
}
fn main() {}
