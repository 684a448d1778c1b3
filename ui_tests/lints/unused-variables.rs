//@ check-pass
fn helper(unused_param: i32) -> i32 { //~ WARN unused variable: `unused_param`
    7
}

fn main() {
    let spare = helper(1); //~ WARN unused variable: `spare`
    let _ignored = 2;
}
