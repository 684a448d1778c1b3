// Everyday Rust: a variant written with the wrong capitalization, a `#[must_use]` reason under
// `#[deny]`, and a call to a function whose signature has an error.
#[derive(Debug)]
enum Command { PowerOff, Reboot }
#[must_use = "a failed validation means the packet is corrupt"]
fn validate(p: u8) -> bool { p > 0 }
fn overlaps(a: &Rect, b: &Rectange) -> bool { a.w > 0 } //~ ERROR cannot find type `Rectange` in this scope
struct Rect { w: u32 }
#[deny(unused_must_use)]
fn check() {
    validate(3);
}
fn main() {
    let c = Command::Poweroff; //~ ERROR no variant or associated item named `Poweroff` found for enum `Command` in the current scope
    let a = Rect { w: 1 };
    let hit = overlaps(&a, &a);
    check();
}
