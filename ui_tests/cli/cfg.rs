// `#[cfg]` on items, against the built-in configuration and `--cfg`: the runner passes each revision's
// name as `--cfg`, as compiletest does, so `#[cfg(fast)]` holds in the `fast` revision.
//@ revisions: plain fast
//@[plain] check-pass
#[cfg(fast)]
fn speed() -> u8 { 200 }
#[cfg(not(fast))]
fn speed() -> u8 { 1 }
#[cfg(all(unix, target_pointer_width = "64"))]
fn width() -> u64 { 64 }
#[cfg(any(windows, target_os = "macos"))]
fn elsewhere() -> bool { 1 }
#[cfg(fast)]
mod turbo {
    pub fn boost() -> u8 { true } //[fast]~ ERROR mismatched types
}
fn main() {
    let _ = speed();
    let _ = width();
}
