// Everyday Rust: array index.
fn main() {
    let nums = [10, 20, 30];
    let idx: i32 = 1;
    println!("{}", nums[idx]); //~ ERROR the type `[{integer}]` cannot be indexed by `i32`
}
