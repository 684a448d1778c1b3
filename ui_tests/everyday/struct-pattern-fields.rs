// Everyday Rust: struct patterns naming fields that do not exist.
enum C { R { width: u32, height: u32 } }
struct P { x: i32, y: i32 }
fn main() {
    let c = C::R { width: 1, height: 2 };
    match c { C::R { w, height } => {} } //~ ERROR variant `C::R` does not have a field named `w`
    //~| ERROR pattern does not mention field `width`
    match c { C::R { w: a, height } => {} } //~ ERROR variant `C::R` does not have a field named `w`
    //~| ERROR pattern does not mention field `width`
    let p = P { x: 1, y: 2 };
    let P { x, z } = p; //~ ERROR struct `P` does not have a field named `z`
    let P { x: q, yy: r } = p; //~ ERROR struct `P` does not have a field named `yy`
    let P { xx, yy } = p; //~ ERROR struct `P` does not have fields named `xx`, `yy`
    //~| ERROR pattern does not mention fields `x`, `y`
}
