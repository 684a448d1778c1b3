// Everyday Rust: returning a reference to a local.
fn shout(word: &str) -> &str {
    let mut loud = String::from(word);
    loud.push('!');
    &loud //~ ERROR cannot return reference to local variable `loud`
}

fn main() {
    println!("{}", shout("hey"));
}
