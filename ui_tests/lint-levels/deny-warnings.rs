#![deny(warnings)]

fn unused_helper() {} //~ ERROR function `unused_helper` is never used

fn main() {
    let spare = 1; //~ ERROR unused variable: `spare`
}
