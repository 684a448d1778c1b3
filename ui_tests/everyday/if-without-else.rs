// Everyday Rust: an if without else where a value is expected.
fn f(x: i32) -> i32 {
    if x > 0 { //~ ERROR `if` may be missing an `else` clause
        1
    }
}
fn main() {
    let y: i32 = if true { 3 }; //~ ERROR `if` may be missing an `else` clause
    println!("{} {}", f(1), y);
}
