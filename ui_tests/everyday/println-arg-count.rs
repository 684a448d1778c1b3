// Everyday Rust: println arg count.
fn main() {
    let x = 1;
    let y = 2;
    println!("{} + {} = {}", x, y); //~ ERROR 3 positional arguments in format string, but there are 2 arguments
}
