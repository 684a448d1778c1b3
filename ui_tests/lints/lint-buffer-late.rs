// The rustc FIXME "lint_store and buffered_lints are not thread-safe" (PRs #42052, #65193, #65835):
// each module's unused-import check buffers an early lint while lowering, joined with those checks,
// steals the buffer. Fixed: the buffer is taken after the join. Injected: depending on the schedule a
// lint is lost (stolen between copy and drop) or buffered after the steal (the ICE).
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.61.MkYEuVhp_TTM8Ean3ew.7b67
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
