// Everyday Rust: tuple variant patterns with the wrong number of fields.
enum T { N(i64), P(i32, i32) }
fn main() {
    let t = T::N(1);
    match t {
        T::N(n, _) => {} //~ ERROR this pattern has 2 fields, but the corresponding tuple variant has 1 field
        T::P(a) => {} //~ ERROR this pattern has 1 field, but the corresponding tuple variant has 2 fields
    }
    if let T::P(x, y, z) = t {} //~ ERROR this pattern has 3 fields, but the corresponding tuple variant has 2 fields
}
