fn double(n: i32) -> i32 { n * 2 }

fn main() {
    double(false); //~ ERROR mismatched types
}
