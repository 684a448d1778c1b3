// Everyday Rust: string methods.
//@ check-pass
fn main() {
    let mut s = String::from("hello");
    s.push_str(" world");
    let n = s.len();
    if s.is_empty() {
        println!("empty");
    }
    println!("{} {}", s, n);
}
