// The rustc FIXME "lint_store and buffered_lints are not thread-safe" (PRs #42052, #65193, #65835):
// each module's unused-import check buffers an early lint while lowering, joined with those checks,
// takes the buffer. Fixed (as PR #65835): the buffer is taken after the join. Injected: a lint
// buffered after the take is the ICE `can't buffer lints after HIR lowering`.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.28.AR79booWwQ.f637
//@ check-pass
//@[injected] compile-flags: -Z inject-bug=lint-buffer-late
//@[injected] known-bug: lint-buffer-late
//@[injected] failure-status: 101
mod source {
    pub fn one() -> i32 { 1 }
}
mod left {
    use crate::source::one; //[fixed]~ WARN unused import: `crate::source::one`
    pub fn run() {}
}
mod right {
    use crate::source::one; //[fixed]~ WARN unused import: `crate::source::one`
    pub fn run() {}
}
use source::one; //[fixed]~ WARN unused import: `source::one`

fn main() {
    let _ = source::one();
    left::run();
    right::run();
}
