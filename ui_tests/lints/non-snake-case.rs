//@ check-pass
fn ComputeTotal() -> i32 { //~ WARN function `ComputeTotal` should have a snake case name
    1
}

fn main() {
    let RunningSum = ComputeTotal(); //~ WARN variable `RunningSum` should have a snake case name
    let _ = RunningSum;
}
