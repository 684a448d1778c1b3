// rust#111521, fixed by PR #143035: a worker that waited (here, while it holds `BASE`, on the latch
// of `RATE`, which another worker is evaluating) stole unrelated jobs meanwhile. When it steals
// `TOTAL` or another constant that needs `BASE`, a query the same worker holds further down its
// stack, it waits for itself: every worker ends up blocked, and the handler finds no query cycle
// to break. Fixed: workers take jobs only in their main loop.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.518.g9zZaEx4ytTkK1tnMFk4ZHoNrimKIWTWh8dYc54Hst-Mll_M1zXCzhBh8u087MZYuteS8m6qeHc5eTmgRb2X-lj48r0TKYG8-6CxA3o24pSUYPGAMY6bloyWDVlLLIjataLoSE_kT5n3RtgkHAt86umR-M8P5_UrJg.214c
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
