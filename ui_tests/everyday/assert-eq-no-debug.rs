// Everyday Rust: `assert_eq!` on a type with neither `PartialEq` nor `Debug`.
struct Fraction { num: i32, den: i32 }
fn main() {
    let a = Fraction { num: 1, den: 2 };
    let b = Fraction { num: 1, den: 2 };
    assert_eq!(a, b); //~ ERROR binary operation `==` cannot be applied to type `Fraction`
    //~| ERROR `Fraction` doesn't implement `Debug`
    //~| ERROR `Fraction` doesn't implement `Debug`
}
