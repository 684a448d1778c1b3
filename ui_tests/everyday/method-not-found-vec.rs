// Everyday Rust: method not found vec.
fn main() {
    let v = vec![1, 2, 3];
    let total = v.sum(); //~ ERROR the method `sum` exists for struct `Vec<{integer}>`, but its trait bounds were not satisfied
    println!("{}", total);
}
