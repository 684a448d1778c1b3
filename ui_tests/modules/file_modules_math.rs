//@ ignore-test: a module of file-modules.rs
pub fn add(a: i32, b: i32) -> i32 {
    a + b
}
