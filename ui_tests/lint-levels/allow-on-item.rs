//@ check-pass
#[allow(non_snake_case)]
fn MixedCase() {}

#[allow(unused_variables)]
fn quiet() {
    let unused = 3;
}

fn main() {
    MixedCase();
    quiet();
}
