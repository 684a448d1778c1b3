// Everyday Rust: println missing display.
struct Celsius(f64);

fn main() {
    let t = Celsius(21.5);
    println!("{}", t); //~ ERROR `Celsius` doesn't implement `std::fmt::Display`
}
