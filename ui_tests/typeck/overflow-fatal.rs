// E0275 is fatal: errors of later phases are not reported.
#![recursion_limit = "8"]
trait Tr {}
struct W<T>(T);
impl<T> Tr for W<T> where W<W<T>>: Tr {} //~ ERROR overflow evaluating the requirement

fn main() {
    let x: i32 = false;
}
