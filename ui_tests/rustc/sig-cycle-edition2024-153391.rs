//@ known-bug: rust#153391
//@ compile-flags: -Z threads=16
//@ edition: 2024

// In edition 2024 a bare trait in a signature is an error, and picking its
// suggestion asks whether the trait is dyn-compatible, which needs the
// signatures of that trait's methods. Each pair below names the other trait
// bare in a signature, so two worker threads computing `fn_sig` can end up
// waiting on each other; the recovered signature then has no output and
// the dyn-compatibility check unwraps `None`. Two pairs give two chances.
trait Left {
    fn make() -> Right;
}
trait Right {
    fn take(&self, other: &Left) -> u8;
}

trait Up {
    fn build() -> Down;
}
trait Down {
    fn feed(&self, other: &Up) -> u8;
}

fn main() {}
