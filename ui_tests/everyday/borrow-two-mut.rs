// Everyday Rust: two mutable borrows of one String.
fn main() {
    let mut s = String::from("hi");
    let r1 = &mut s;
    let r2 = &mut s; //~ ERROR cannot borrow `s` as mutable more than once at a time
    println!("{} {}", r1, r2);
}
