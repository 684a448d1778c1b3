// Everyday Rust: unreachable arm.
//@ check-pass
enum Light { Red, Green } //~ WARN variant `Green` is never constructed

fn main() {
    let l = Light::Red;
    match l {
        Light::Red => println!("stop"),
        _ => println!("other"),
        Light::Green => println!("go"), //~ WARN unreachable pattern
    }
}
