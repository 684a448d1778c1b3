// PR #100748, PR #101801: `GlobalCtxt::layout_depth` was one `Cell<usize>` for the whole compiler, so
// the depths of unrelated `layout_of` computations on different threads added up. Each chain below is
// 8 layouts deep, within the limit of 10; laid out at the same time, two chains overflow it.
// Fixed: the depth is per query stack, and this compiles at every thread count.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.579.BK5plrBhMzRGkbGp-RfeKyRHmK9-X2qNZi9cATO1_JR9JBy0t0DPuSPq9hOSnNE7K2qENmrwttvYSbvw4XHrsQeJk11v3uN3Np8YyMwfARY4u_mlBUvfTR8Y9cg3i3c3hYM9f34P95CWErPSuNwV8dmrJXF62xr4Qe3FU16G05Wc.9045
//@[fixed] check-pass
//@[injected] compile-flags: -Z inject-bug=shared-layout-depth
//@[injected] known-bug: shared-layout-depth
//@[injected] failure-status: 1
#![recursion_limit = "10"]
#![allow(dead_code)]
struct A0 { f: A1 }
struct A1 { f: A2 }
struct A2 { f: A3 }
struct A3 { f: A4 }
struct A4 { f: A5 }
struct A5 { f: A6 }
struct A6 { f: A7 }
struct A7 { x: u8, y: u32 }
struct B0 { f: B1 }
struct B1 { f: B2 }
struct B2 { f: B3 }
struct B3 { f: B4 }
struct B4 { f: B5 }
struct B5 { f: B6 }
struct B6 { f: B7 }
struct B7 { b: u64, c: bool }
struct C0 { f: C1 }
struct C1 { f: C2 }
struct C2 { f: C3 }
struct C3 { f: C4 }
struct C4 { f: C5 }
struct C5 { f: C6 }
struct C6 { f: C7 }
struct C7 { c: char }
const LEFT: A0 = A0 { f: A1 { f: A2 { f: A3 { f: A4 { f: A5 { f: A6 { f: A7 { x: 1, y: 2 } } } } } } } };
const MIDDLE: B0 = B0 { f: B1 { f: B2 { f: B3 { f: B4 { f: B5 { f: B6 { f: B7 { b: 1, c: true } } } } } } } };
const RIGHT: C0 = C0 { f: C1 { f: C2 { f: C3 { f: C4 { f: C5 { f: C6 { f: C7 { c: 'x' } } } } } } } };
fn main() {}
