//@ check-pass
#![allow(no_such_lint)] //~ WARN unknown lint: `no_such_lint`

fn main() {}
