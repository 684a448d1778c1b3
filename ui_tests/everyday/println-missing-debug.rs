// Everyday Rust: println missing debug.
struct Config { verbose: bool }

fn main() {
    let c = Config { verbose: true };
    println!("{:?}", c); //~ ERROR `Config` doesn't implement `Debug`
}
