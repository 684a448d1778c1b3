//@ check-pass
#[deprecated]
fn legacy() {}

fn main() {
    legacy(); //~ WARN use of deprecated function `legacy`
}
