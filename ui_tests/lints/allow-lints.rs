//@ check-pass
#![allow(dead_code, unused_variables, non_snake_case)]

fn NotSnake(x: i32) {}
struct Unused;

fn main() {
    let Upper = 1;
}
