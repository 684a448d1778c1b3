// Everyday Rust: private fn.
mod bank {
    pub fn deposit(x: u32) -> u32 { x + fee() }
    fn fee() -> u32 { 1 }
}

fn main() {
    println!("{}", bank::deposit(10));
    println!("{}", bank::fee()); //~ ERROR function `fee` is private
}
