// PR #87739: "used" marks were set as a side effect of the queries that read an
// attribute (here `codegen_fn_attrs`), and `unused_attributes` reported every attribute without a mark.
// When a module's attribute check ran before the marking query of one of its functions, a spurious
// `unused attribute` appeared. Fixed: the check decides from the item alone.
//@ revisions: fixed injected
//@[injected] schedule: replay:s1.4.213.BG51ES3E2LR2PfPAU36U1Ui2aNcugamIgb5TscnJw3Y-tspTj3jHWc_NsJyKAqdA8w.41cd
//@ check-pass
//@[injected] compile-flags: -Z inject-bug=attr-used-marks
//@[injected] known-bug: attr-used-marks
#[inline]
fn first() -> i32 { 1 }

#[cold]
fn second() -> i32 { 2 }

#[must_use]
fn third() -> i32 { 3 }

#[inline]
#[inline] //[fixed]~ WARN unused attribute
fn fourth() -> i32 { 4 }

fn main() {
    let _ = first() + second() + third() + fourth();
}
