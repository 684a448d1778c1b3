// Everyday Rust: const calls fn.
fn base() -> usize {
    16
}

const SIZE: usize = base() * 2; //~ ERROR cannot call non-const function `base` in constants

fn main() {
    println!("{}", SIZE);
}
