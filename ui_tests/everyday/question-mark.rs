// Everyday Rust: the question mark operator.
fn parse(s: &str) -> Option<i32> {
    let c = s.chars().next()?;
    let d = c.to_digit(10)?;
    Some(d as i32)
}
fn main() {
    let x: Option<i32> = None;
    let y = x?; //~ ERROR the `?` operator can only be used in a function that returns
    println!("{:?} {}", parse("1"), y);
}
