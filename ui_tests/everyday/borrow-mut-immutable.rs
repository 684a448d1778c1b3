// Everyday Rust: borrow mut immutable.
fn bump(n: &mut i32) {
    *n += 1;
}

fn main() {
    let n = 1;
    bump(&mut n); //~ ERROR cannot borrow `n` as mutable, as it is not declared as mutable
    println!("{}", n);
}
