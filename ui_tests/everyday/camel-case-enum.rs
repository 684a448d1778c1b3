// Everyday Rust: camel case enum.
//@ check-pass
enum traffic_light { Red, Yellow_Now, Green } //~ WARN type `traffic_light` should have an upper camel case name
//~| WARN variant `Yellow_Now` should have an upper camel case name
//~| WARN variants `Yellow_Now` and `Green` are never constructed

fn main() {
    let t = traffic_light::Red;
    match t {
        traffic_light::Red => {}
        _ => {}
    }
}
