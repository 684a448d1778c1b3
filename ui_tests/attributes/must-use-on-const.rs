//@ check-pass
#[must_use] //~ WARN `#[must_use]` attribute cannot be used on constants
const ANSWER: i32 = 42;

fn main() {
    let _a = ANSWER;
}
