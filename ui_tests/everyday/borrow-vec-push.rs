// Everyday Rust: a vector pushed while an element is borrowed.
fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    v.push(4); //~ ERROR cannot borrow `v` as mutable because it is also borrowed as immutable
    println!("{}", first);
}
