// Everyday Rust: a variable used outside the block that declared it.
fn main() {
    for i in 0..3 {
        let total = i * 2;
    }
    println!("{}", total); //~ ERROR cannot find value `total` in this scope
    if true { let (a, b) = (1, 2); }
    let c = a + 1; //~ ERROR cannot find value `a` in this scope
    match Some(3) { Some(n) => {}, None => {} }
    let d = n; //~ ERROR cannot find value `n` in this scope
}
