// `--error-format=json`: one JSON object per diagnostic, as rustc writes them. As compiletest does for
// a test that picks its own error format, the stderr is compared as written (escaped newlines made
// real), and the annotations are matched against the JSON diagnostics.
//@ compile-flags: --error-format=json
#![deny(unused_variables)]

fn helper() {} //~ WARN function `helper` is never used

fn main() {
    let total = 1; //~ ERROR unused variable: `total`
    let BadName = 2; //~ ERROR unused variable: `BadName`
    //~^ WARN variable `BadName` should have a snake case name
}
