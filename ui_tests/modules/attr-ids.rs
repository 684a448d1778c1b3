// `-Z dump-attr-ids` shows each attribute's AttrId. Fixed (PR #101313 and deterministic numbering):
// per session, in source order, whatever the schedule. With `-Z inject-bug=global-attr-id` the ids
// come from a process-global counter bumped as each file is parsed: they depend on which module file
// a thread parsed first and on how many sessions the process ran before, so
// `harness stress ui_tests/modules/attr-ids.rs --inject-bug global-attr-id` diverges on every run
// (the harness runs many sessions in one process). tests/test_attr_ids.py shows both effects.
//@ check-pass
//@ compile-flags: -Z dump-attr-ids
#![allow(dead_code)]
mod attr_ids_left;
mod attr_ids_right;

#[inline]
fn root() {}

fn main() {}
