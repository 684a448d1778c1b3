#![deny(nonstandard_style)]

struct lower_case; //~ ERROR type `lower_case` should have an upper camel case name
const small: i32 = 1; //~ ERROR constant `small` should have an upper case name

fn main() {
    let _v = lower_case;
    let _s = small;
}
