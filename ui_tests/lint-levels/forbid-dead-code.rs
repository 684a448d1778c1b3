#![forbid(dead_code)]

fn orphan() {} //~ ERROR function `orphan` is never used

fn main() {}
