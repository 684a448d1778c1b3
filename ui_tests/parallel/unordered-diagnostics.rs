// rust#49737 (and PR #57066): the parallel compiler emitted each diagnostic as soon as a thread
// reached the emitter, so the order of these errors on stderr depended on which body was checked
// first. Fixed: each phase's diagnostics are emitted together, in source order.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.233.BeYhLv2ey8z_WjewCUStze2G54X_i27NjZ-ha_aynLnMw1uFZH_g9_L5-uxRpykgCP1vzw.e3a2
//@[injected] compile-flags: -Z inject-bug=unordered-diagnostics
//@[injected] known-bug: unordered-diagnostics
fn width() -> i32 { true } //[fixed]~ ERROR mismatched types
fn height() -> bool { 2 } //[fixed]~ ERROR mismatched types
fn depth() { let _d: u8 = "deep"; } //[fixed]~ ERROR mismatched types
fn area() { missing_fn(); } //[fixed]~ ERROR cannot find function `missing_fn` in this scope
fn volume() -> u64 { 'v' } //[fixed]~ ERROR mismatched types

fn main() {
    width();
    height();
    depth();
    area();
    volume();
}
