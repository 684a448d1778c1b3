//@ check-pass
// Many independent bodies: the parallel phases interleave them freely.
fn a() -> i32 { 1 }
fn b() -> i32 { a() + 1 }
fn c() -> i32 { b() * 2 }
fn d() -> i32 { c() - a() }
fn e() -> bool { d() > b() }
const K1: i32 = 4;
const K2: i32 = K1 * 2;
static S1: i32 = 5;

fn main() {
    let _all = a() + b() + c() + d() + K2 + S1;
    let _flag = e();
}
