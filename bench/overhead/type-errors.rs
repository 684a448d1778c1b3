// The input of the harness-overhead benchmark (bench/rustc_bench.py): a small file whose rustc output
// is the same at every thread count, so that the harness and the shell loop do identical work.
//@ compile-flags: -Z threads=4

struct Meters(u32);

fn double(n: u32) -> u32 {
    n * 2
}

fn main() {
    let m = Meters(3);
    let _a: u32 = double(m); //~ ERROR mismatched types
    let _b: bool = double(m.0); //~ ERROR mismatched types
}
