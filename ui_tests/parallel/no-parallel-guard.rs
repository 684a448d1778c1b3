// PRs #97307, #99457, #115144: without ParallelGuard a panic in one parallel item (here the fatal
// E0275) stops the items that had not started, so E0072 below is reported only by some schedules.
//@ revisions: fixed injected
//@[injected] compile-flags: -Z inject-bug=no-parallel-guard
//@[injected] known-bug: no-parallel-guard
//@[injected] schedule: replay:s1.4.102.H981sKDpiK_____-7oAAAAAAAA.975c
#![recursion_limit = "8"]
type Front = Back; //[fixed]~ ERROR E0391
type Back = Front;
trait Tr {}
struct W<T>(T);
impl<T> Tr for W<T> where W<W<T>>: Tr {} //[fixed]~ ERROR overflow evaluating the requirement
struct Chain { next: Chain } //[fixed]~ ERROR E0072

fn main() {}
