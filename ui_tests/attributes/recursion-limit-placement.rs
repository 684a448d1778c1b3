//@ check-pass
#[recursion_limit = "5"] //~ WARN crate-level attribute should be an inner attribute
fn helper() {}

mod nested {
    #![recursion_limit = "9"] //~ WARN the `#![recursion_limit]` attribute can only be used at the crate root
}

fn main() {
    helper();
}
