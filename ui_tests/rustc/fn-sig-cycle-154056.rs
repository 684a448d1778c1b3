//@ known-bug: rust#154056
//@ compile-flags: -Z threads=4
#![feature(return_type_notation)]

// The RTN bound `pull(..)` in `pull`'s own return type makes
// `fn_sig(Source::pull)` depend on itself (a query cycle).
trait Source {
    fn pull(&mut self, n: u32) -> impl Source<pull(..): Sync>;
}

// A second, independent path into the same signature, so another worker
// thread can enter the cycle concurrently.
fn drain<S>(_: S) where S: Source<pull(..): Sync> {}

fn main() {}
