// rust#153391, fixed by PR #153694: cycle recovery built the value for `cycle[0]` instead of for the
// query being resumed. The deadlock handler rotates the cycle, so when it resumes the wait on
// `HIGH` while `cycle[0]` is `LOW`'s query, `HIGH`'s user gets `LOW`'s value and the compiler ICEs.
// Fixed: the value is built from the resumed query's own key, and the E0391 is all there is.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.127.i89Nw6_PF6aucaPWUCUNuGKTb_2A.3fa3
//@[injected] compile-flags: -Z inject-bug=cycle-recovery-first
//@[injected] known-bug: cycle-recovery-first
//@[injected] failure-status: 101
const LOW: usize = HIGH; //[fixed]~ ERROR cycle detected when checking if `LOW` is a trivial const
const HIGH: usize = LOW;

fn main() {
    let _span = HIGH - LOW;
}
