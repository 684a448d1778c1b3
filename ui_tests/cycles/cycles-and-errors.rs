// Cycles, a recursive type and a type error in one crate: every one is reported.
type A = B; //~ ERROR E0391
type B = A;

const C: u8 = D; //~ ERROR E0391
const D: u8 = C;

struct Node { next: Node } //~ ERROR E0072

fn main() {
    let flag: bool = 5; //~ ERROR mismatched types
}
