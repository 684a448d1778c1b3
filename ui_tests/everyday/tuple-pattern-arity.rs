// Everyday Rust: tuple pattern arity.
enum Msg { Move(i32, i32), Stop }

fn main() {
    let m = Msg::Move(1, 2);
    match m {
        Msg::Move(x) => println!("{}", x), //~ ERROR this pattern has 1 field, but the corresponding tuple variant has 2 fields
        Msg::Stop => {}
    }
}
