// Everyday Rust: assigning to a borrowed variable.
fn main() {
    let mut x = 5;
    let r = &x;
    x = 6; //~ ERROR cannot assign to `x` because it is borrowed
    //~| WARN value assigned to `x` is never read
    println!("{}", r);
}
