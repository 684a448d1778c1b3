fn compute() -> i32 { 1 }
fn compute() -> i32 { 2 } //~ ERROR the name `compute` is defined multiple times

fn main() {
    compute();
}
