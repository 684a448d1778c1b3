// Everyday Rust: trait signature mismatch.
trait Scale {
    fn scale(&self, by: u32) -> u32;
}

struct Meter(u32);

impl Scale for Meter {
    fn scale(&self, by: u64) -> u32 { //~ ERROR method `scale` has an incompatible type for trait
        self.0 * by as u32
    }
}

fn main() {
    println!("{}", Meter(2).scale(3));
}
