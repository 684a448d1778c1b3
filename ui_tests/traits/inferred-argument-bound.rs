trait Printable {}
impl Printable for u8 {}

fn show<T: Printable>(value: T) {
    let _ = value;
}

fn main() {
    show(1u8);
    show(7i64); //~ ERROR the trait bound `i64: Printable` is not satisfied
}
