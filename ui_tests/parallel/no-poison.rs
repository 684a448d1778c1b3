// rust#111528, fixed by PR #115198: when a query panicked (here the fatal depth overflow of
// `layout_of(Deep0)`, which is 12 layouts deep with a limit of 10), its job was removed and its
// waiters woken; a waiter on another thread then found no value. Both constants need the layout of
// `Deep0`: whichever thread computes it second waits for the first. Fixed: the job stays `Poisoned`
// and the waiter unwinds with the same fatal error.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.304.FqWOZXSoDFKZL5Bck3sdGSaSuPnRUOONNUJWM7UqG_ja6j4CdRFko-OzzYWLqWdZMC--1W31p4VyvPJr.593d
//@[injected] compile-flags: -Z inject-bug=no-poison
//@[injected] known-bug: no-poison
//@[injected] failure-status: 101
#![recursion_limit = "10"]
#![allow(dead_code)]
struct Deep0 { f: Deep1 } //[fixed]~ ERROR queries overflow the depth limit!
struct Deep1 { f: Deep2 }
struct Deep2 { f: Deep3 }
struct Deep3 { f: Deep4 }
struct Deep4 { f: Deep5 }
struct Deep5 { f: Deep6 }
struct Deep6 { f: Deep7 }
struct Deep7 { f: Deep8 }
struct Deep8 { f: Deep9 }
struct Deep9 { f: Deep10 }
struct Deep10 { f: Deep11 }
struct Deep11 { x: u8 }
const FIRST: Deep0 = Deep0 { f: Deep1 { f: Deep2 { f: Deep3 { f: Deep4 { f: Deep5 { f: Deep6 { f: Deep7 { f: Deep8 { f: Deep9 { f: Deep10 { f: Deep11 { x: 1 } } } } } } } } } } } };
const SECOND: Deep0 = Deep0 { f: Deep1 { f: Deep2 { f: Deep3 { f: Deep4 { f: Deep5 { f: Deep6 { f: Deep7 { f: Deep8 { f: Deep9 { f: Deep10 { f: Deep11 { x: 2 } } } } } } } } } } } };
fn main() {}
