//@ ignore-test: a module of error-in-module-file.rs
pub fn broken() {
    let count: u8 = "three";
}
