// `--cap-lints warn` caps a `#[deny]` at a warning; the note still names the attribute.
//@ check-pass
//@ compile-flags: --cap-lints warn
#[deny(unused_variables)]
fn helper() {
    let y = 1; //~ WARN unused variable: `y`
}
fn main() {
    helper();
}
