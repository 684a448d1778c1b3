// Everyday Rust: format strings with more placeholders than arguments.
fn main() {
    let (a, b) = (1, 2);
    println!("{} {}", a); //~ ERROR 2 positional arguments in format string, but there is 1 argument
    println!("{}", a, b); //~ ERROR argument never used
    println!("{} {} {}", a, b); //~ ERROR 3 positional arguments in format string, but there are 2 arguments
    println!("{0} {1}", a); //~ ERROR invalid reference to positional argument 1 (there is 1 argument)
    println!("{:.2} {}", a); //~ ERROR 2 positional arguments in format string, but there is 1 argument
    println!("{:>5} {}", a); //~ ERROR 2 positional arguments in format string, but there is 1 argument
    println!("{:?} {}", a); //~ ERROR 2 positional arguments in format string, but there is 1 argument
    println!("{a} {}"); //~ ERROR 1 positional argument in format string, but no arguments were given
}
