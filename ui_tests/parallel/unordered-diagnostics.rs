// rust#49737 (and PR #57066): the parallel compiler emitted each diagnostic as soon as a thread
// reached the emitter, so the order of these errors on stderr depended on which body was checked
// first. Fixed: each phase's diagnostics are emitted together, in source order.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.250.Ax-yikD4QZJ4LOQY3D_P3xVFjjnUtueWX3-iVqWBWg40t9CL8A4qGhq-veMtTAoSpGEboKPtey6z.734e
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
