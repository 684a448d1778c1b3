//@ check-pass
#[allow(dead_code)]
mod quiet {
    fn never_used() {}
}

mod loud {
    pub fn used() {}
    fn unused_here() {} //~ WARN function `unused_here` is never used
}

fn main() {
    loud::used();
}
