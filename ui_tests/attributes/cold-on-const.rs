//@ check-pass
#[cold] //~ WARN `#[cold]` attribute cannot be used on constants
const RARE: i32 = 1;

fn main() {
    let _r = RARE;
}
