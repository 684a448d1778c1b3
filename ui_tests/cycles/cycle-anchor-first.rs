// rust#48685: the deadlock handler anchored a query cycle at whichever query it met first, so the
// E0391 named a different alias depending on which worker started first. Fixed: the entry point is
// picked deterministically (rustc's `pick_query`), and the error is the one `-Z threads=1` gives.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.84.A733mOPrW_i7cd7HkEXFHw.7f24
//@[injected] compile-flags: -Z inject-bug=cycle-anchor-first
//@[injected] known-bug: cycle-anchor-first
type Sender = Receiver; //[fixed]~ ERROR cycle detected when expanding type alias `Sender`
type Receiver = Relay;
type Relay = Sender;

fn main() {}
