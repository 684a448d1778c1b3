// Everyday Rust: private fields named in a struct literal or pattern (E0451, from the privacy pass,
// which reports after the lints).
mod m {
    pub struct T { pub a: i32, b: i32 }
    pub struct U { c: i32 } //~ WARN field `c` is never read
}
fn unused() {} //~ WARN function `unused` is never used
fn main() {
    let t = m::T { a: 1, b: 2 }; //~ ERROR field `b` of struct `T` is private
    let BadName = 1; //~ WARN unused variable: `BadName`
    //~| WARN variable `BadName` should have a snake case name
    let m::T { a, b } = t; //~ WARN unused variable: `a`
    //~| WARN unused variable: `b`
    //~| ERROR field `b` of struct `T` is private
    let u = m::U { c: 3 }; //~ WARN unused variable: `u`
    //~| ERROR field `c` of struct `U` is private
}
