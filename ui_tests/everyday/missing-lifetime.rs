// Everyday Rust: missing lifetime.
struct Excerpt {
    text: &str, //~ ERROR missing lifetime specifier
}

fn pick(a: &str, b: &str) -> &str { //~ ERROR missing lifetime specifier
    if a.len() > b.len() { a } else { b }
}

fn main() {
    let e = Excerpt { text: "call me" };
    println!("{} {}", e.text, pick("a", "bc"));
}
