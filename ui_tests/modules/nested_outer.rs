//@ ignore-test: a module of nested-file-modules.rs
pub mod inner;

pub fn base() -> i32 {
    10
}
