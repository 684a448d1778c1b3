// Everyday Rust: generic arg count.
struct Pair<T> {
    a: T,
    b: T,
}

fn main() {
    let p: Pair<i32, i32> = Pair { a: 1, b: 2 }; //~ ERROR struct takes 1 generic argument but 2 generic arguments were supplied
    println!("{}", p.a + p.b);
}
