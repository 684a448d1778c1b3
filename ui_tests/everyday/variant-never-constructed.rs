// Everyday Rust: variant never constructed.
//@ check-pass
#[derive(Debug)]
enum Status { Active, Inactive, Banned } //~ WARN variants `Inactive` and `Banned` are never constructed

fn main() {
    let s = Status::Active;
    println!("{:?}", s);
}
