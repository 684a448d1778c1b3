// E0275 is fatal: the type error in `main` is never reported.
#![recursion_limit = "12"]
trait Grow {}
struct Layer<T>(T);
impl<T> Grow for Layer<T> where Layer<Layer<T>>: Grow {} //~ ERROR overflow evaluating the requirement

fn main() {
    let flag: bool = 1;
}
