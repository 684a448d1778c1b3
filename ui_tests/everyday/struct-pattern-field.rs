// Everyday Rust: struct pattern field.
struct Point { x: i32, y: i32 }

fn main() {
    let p = Point { x: 1, y: 2 };
    let Point { x, z } = p; //~ ERROR struct `Point` does not have a field named `z`
    println!("{}", x);
}
