// Everyday Rust: unused mut.
//@ check-pass
fn main() {
    let mut name = String::from("ferris"); //~ WARN variable does not need to be mutable
    let mut age = 3;
    age += 1;
    println!("{} {}", name, age);
}
