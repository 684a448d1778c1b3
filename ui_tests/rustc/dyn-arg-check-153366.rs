//@ known-bug: rust#153366
//@ compile-flags: -Z threads=4

// `first` and `second` both have `_` in their return types, so each
// signature needs the other body type-checked: an fn_sig/typeck cycle.
// With several threads the cycle-recovered signature of `first` can come
// back with no inputs, and the arity error for the one-argument call
// (`&dyn Fn` closure) then indexes past it in the argument checks.
fn first<P>(p: &dyn Fn(P)) -> Vec<_> {
    vec![second]
}

fn second<Q>() -> Vec<_> {
    first(&|_: u8| ())
}

fn main() {
    first(&|_: u8| ());
}
