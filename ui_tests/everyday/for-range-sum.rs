// Everyday Rust: for range sum.
//@ check-pass
fn main() {
    let mut sum = 0;
    for i in 1..=10 {
        sum += i;
    }
    let arr = [2, 4, 6];
    for x in arr {
        sum += x;
    }
    println!("{}", sum);
}
