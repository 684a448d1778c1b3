// `-D warnings` turns every warning into an error, with rustc's notes (once per lint).
//@ compile-flags: -D warnings
fn main() {
    let unused = 5; //~ ERROR unused variable: `unused`
    let BadName = 3; //~ ERROR unused variable: `BadName`
    //~^ ERROR variable `BadName` should have a snake case name
}
