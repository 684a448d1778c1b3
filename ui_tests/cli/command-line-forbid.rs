// `-F unused_variables` on the command line: an `allow` in the source is E0453.
//@ compile-flags: -F unused_variables
#[allow(unused_variables)] //~ ERROR allow(unused_variables) incompatible with previous forbid
fn helper() {
    let y = 1;
}
fn other() {
    let z = 1; //~ ERROR unused variable: `z`
}
fn main() {
    helper();
    other();
}
