// Everyday Rust: undefined macro.
fn main() {
    let v = vec![1, 2];
    let s = concat_all!(v); //~ ERROR cannot find macro `concat_all` in this scope
    println!("{:?}", v);
}
