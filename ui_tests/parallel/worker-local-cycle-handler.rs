// rust#94654, fixed by PR #98570: the deadlock handler's thread described the active queries through
// the worker-local arena. The cycle below spans two workers under some schedules; then the handler
// runs. Fixed: the same E0391 as at -Z threads=1. Injected: the pinned schedule ICEs.
//@ revisions: fixed injected
//@[injected] compile-flags: -Z inject-bug=worker-local-cycle-handler
//@[injected] known-bug: worker-local-cycle-handler
//@[injected] failure-status: 101
//@[injected] schedule: replay:s1.4.113.Bl1GM8tMbRyjBmIaEIS4qk5wKTdYeiv9.1b25
type Outer = Inner; //[fixed]~ ERROR cycle detected when expanding type alias `Outer`
type Inner = Outer;

fn main() {}
