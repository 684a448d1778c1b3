// Everyday Rust: unreachable after return.
//@ check-pass
fn sign(n: i32) -> i32 {
    if n < 0 {
        return -1;
    }
    return 1;
    let zero = 0; //~ WARN unreachable statement
}

fn main() {
    println!("{}", sign(-4));
}
