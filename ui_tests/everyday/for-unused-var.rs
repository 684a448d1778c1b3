// Everyday Rust: for unused var.
//@ check-pass
fn main() {
    let mut count = 0;
    for i in 0..5 { //~ WARN unused variable: `i`
        count += 1;
    }
    println!("{}", count);
}
