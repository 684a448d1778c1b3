// rust#94654, fixed by PR #98570: the deadlock handler's thread described the active queries through
// the worker-local arena. At -Z threads > 1 every cycle reaches the handler, and so does this one: the
// handler runs on a plain thread. Fixed: the same E0391 as at -Z threads=1. Injected: the
// handler thread panics and the process aborts (exit 134).
//@ revisions: fixed injected
//@[injected] compile-flags: -Z inject-bug=worker-local-cycle-handler
//@[injected] known-bug: worker-local-cycle-handler
//@[injected] failure-status: 134
//@[injected] schedule: replay:s1.4.65.AU0nqgX43JXTZ7Rr.fc21
type Outer = Inner; //[fixed]~ ERROR cycle detected when expanding type alias `Outer`
type Inner = Outer;

fn main() {}
