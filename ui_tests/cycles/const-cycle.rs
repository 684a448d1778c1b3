// Two constants that need each other's value.
const A: usize = B; //~ ERROR cycle detected when checking if `A` is a trivial const
const B: usize = A;

fn main() {
    let _sum = A + B;
}
