// Before PR #42052 the lint store was moved out of the session while lint passes ran, and put back
// afterwards. With the late passes running per module in parallel, a pass that starts meanwhile finds
// an empty store and reports nothing. Fixed: the store is immutable after registration.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.223.ATyorWkacMPxX1qgLiOXAMhRM6bQjTtnZXndUp3ZrSwh_qV7mtQuNK0tS1i3_2xX24o.c6a5
//@ check-pass
//@[injected] compile-flags: -Z inject-bug=lint-store-taken
//@[injected] known-bug: lint-store-taken
mod alpha {
    pub fn FirstBad() {} //[fixed]~ WARN function `FirstBad` should have a snake case name
}
mod beta {
    pub fn SecondBad() {} //[fixed]~ WARN function `SecondBad` should have a snake case name
}
mod gamma {
    pub fn ThirdBad() {} //[fixed]~ WARN function `ThirdBad` should have a snake case name
}

fn main() {
    alpha::FirstBad();
    beta::SecondBad();
    gamma::ThirdBad();
}
