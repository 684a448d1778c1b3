// Everyday Rust: pushing to the vector a for loop walks.
fn main() {
    let mut v: Vec<i32> = Vec::new();
    v.push(1);
    for x in &v {
        v.push(*x); //~ ERROR cannot borrow `v` as mutable because it is also borrowed as immutable
    }
}
