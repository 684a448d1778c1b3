// Everyday Rust: break value while.
fn main() {
    let data = [3, 8, 12, 5];
    let mut i = 0;
    let found = while i < data.len() {
        if data[i] > 10 {
            break data[i]; //~ ERROR `break` with value from a `while` loop
        }
        i += 1;
    };
    println!("{:?}", found);
}
