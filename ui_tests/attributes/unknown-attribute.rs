#[frobnicate] //~ ERROR cannot find attribute `frobnicate` in this scope
fn main() {}
