#![deny(unused_variables)]

fn main() {
    let leftover = 5; //~ ERROR unused variable: `leftover`
}
