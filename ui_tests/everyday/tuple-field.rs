// Everyday Rust: tuple field.
fn pair() -> (i32, String) {
    (1, String::from("one"))
}

fn main() {
    let p = pair();
    println!("{} {}", p.0, p.1);
    println!("{}", p.2); //~ ERROR no field `2` on type `(i32, String)`
}
