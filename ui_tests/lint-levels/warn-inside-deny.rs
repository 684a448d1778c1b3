#![deny(unused)]

#[warn(unused_variables)]
fn lenient() {
    let relaxed = 1; //~ WARN unused variable: `relaxed`
}

fn strict() {
    let tight = 2; //~ ERROR unused variable: `tight`
}

fn main() {
    lenient();
    strict();
}
