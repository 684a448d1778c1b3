// rust#111521, fixed by PR #143035: a worker that waited (here, while it holds `BASE`, on the latch
// of `RATE`, which another worker is evaluating) stole unrelated jobs meanwhile. When it steals
// `TOTAL` or another constant that needs `BASE`, a query the same worker holds further down its
// stack, it waits for itself: every worker ends up blocked, and the handler finds no query cycle
// to break. Fixed: workers take jobs only in their main loop.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.540.HxagBcZdR5w7SBqzHEUSPj11eKccmjWi6IxANRfrpYeYRC5eNJ2UWZsBNodwKit9V6PfMHj2oEq3SKlEefRoqVzMK0fJ11NcfcTzwd4KZTZ9FBRRFhoRTMB95ieV1QIWTbnhYEQzghM33DVeI8iwOMmU52wdOjK0rCRyDOcm.fd06
//@[fixed] check-pass
//@[injected] compile-flags: -Z inject-bug=worker-steals-while-blocked
//@[injected] known-bug: worker-steals-while-blocked
//@[injected] failure-status: 134
#![allow(dead_code)]
const RATE: u32 = ONE + TWO + THREE + FOUR + FIVE + SIX;
const BASE: u32 = RATE * 2;
const TOTAL: u32 = BASE + 1;
const DOUBLE: u32 = BASE * 2;
const HALF: u32 = BASE / 2;
const NEXT: u32 = BASE + 2;
const ONE: u32 = 1;
const TWO: u32 = 2;
const THREE: u32 = 3;
const FOUR: u32 = 4;
const FIVE: u32 = 5;
const SIX: u32 = 6;

fn main() {}
