//@ ignore-test: a module of file-modules.rs
pub fn length() -> usize {
    5
}
