//@ check-pass
#[inline]
#[inline] //~ WARN unused attribute
fn quick() -> i32 { 1 }

#[must_use]
#[must_use] //~ WARN unused attribute
fn important() -> i32 { 2 }

fn main() {
    let _ = quick() + important();
}
