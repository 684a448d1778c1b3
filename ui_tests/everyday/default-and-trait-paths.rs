// Everyday Rust: `#[derive(Default)]` with `Default::default()`, struct update from it, and calls
// through a trait's path (`Clone::clone(&x)`).
#[derive(Debug, Default)]
struct Config { name: String, retries: u32, verbose: bool }
#[derive(Debug, Default, Clone, Copy, PartialEq)]
enum Mode { #[default] Fast, Slow }
#[derive(Clone, Debug)]
struct P { x: u8 }
struct Q;
fn main() {
    let a = Config::default();
    let b: Config = Default::default();
    let c = Config { retries: 3, ..Default::default() };
    let m = Mode::default();
    let n: u32 = Default::default();
    let p = P { x: 1 };
    let copy = Clone::clone(&p);
    let q: Q = Default::default(); //~ ERROR the trait bound `Q: Default` is not satisfied
    println!("{:?} {:?} {:?} {:?} {} {:?}", a, b, c, m, n, copy);
}
