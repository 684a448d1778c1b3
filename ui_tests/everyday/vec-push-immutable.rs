// Everyday Rust: vec push immutable.
fn main() {
    let v = Vec::new(); //~ ERROR cannot borrow `v` as mutable, as it is not declared as mutable
    v.push(1);
    v.push(2);
    println!("{:?}", v);
}
