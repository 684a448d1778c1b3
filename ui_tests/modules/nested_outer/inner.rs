//@ ignore-test: a module of nested-file-modules.rs
pub fn value() -> i32 {
    super::base() + 1
}
