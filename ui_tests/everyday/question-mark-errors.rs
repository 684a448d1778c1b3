// Everyday Rust: the question mark operator in the wrong function.
fn f(x: i32) -> i32 {
    let y = x?; //~ ERROR the `?` operator can only be applied to values that implement `Try`
    //~| ERROR the `?` operator can only be used in a function that returns `Result` or `Option` (or another type that implements `FromResidual`)
    y
}
fn g(x: Option<i32>) -> Result<i32, String> {
    let y = x?; //~ ERROR the `?` operator can only be used on `Result`s, not `Option`s, in a function that returns `Result`
    Ok(y)
}
fn main() {}
