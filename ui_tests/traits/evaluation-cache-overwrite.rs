// rust#50507, PR #100987: three bodies evaluate `Wrap<u8>: Big` at once. Before the fix, a worker that
// found the nested `u8: Small` already cached recorded a different dep node for the same predicate, and
// the second cache insert overwrote the first. `-Z verify-caches` turns that insert into the ICE.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.231.BIxoA_DtJVzOwfczhCJfmPFJB6wEx7J1-I-FOwW5x7JGP50dxY6lDGXPi4L2aGS1YzSru_Pr.65f9
//@ check-pass
//@ compile-flags: -Z verify-caches
//@[injected] compile-flags: -Z inject-bug=evaluation-cache-overwrite
//@[injected] known-bug: evaluation-cache-overwrite
//@[injected] failure-status: 101
trait Small {}
trait Big {}
struct Wrap<T>(T);
impl Small for u8 {}
impl<T: Small> Big for Wrap<T> {}

fn need<T: Big>() {}

fn first() { need::<Wrap<u8>>(); }
fn second() { need::<Wrap<u8>>(); }
fn third() { need::<Wrap<u8>>(); }

fn main() {
    first();
    second();
    third();
}
