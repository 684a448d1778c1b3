// Errors spread over several bodies come out in source order whatever the schedule.
fn one() -> i32 { true } //~ ERROR mismatched types
fn two() -> bool { 2 } //~ ERROR mismatched types
fn three() { let _x: u8 = "s"; } //~ ERROR mismatched types
fn four() { missing_fn(); } //~ ERROR cannot find function `missing_fn` in this scope

fn main() {
    one();
    two();
    three();
    four();
}
