// E0599 names the receiver as written (`&Meter`, `&T`, type parameter `T`) and suggests the bound
// of the one trait that defines the method.
struct Meter(u32);
trait Speak { fn speak(&self) -> u32; }
fn f(m: &Meter) -> u32 { m.value() } //~ ERROR no method named `value` found for reference `&Meter`
fn g<T>(t: &T) -> u32 { t.speak() } //~ ERROR no method named `speak` found for reference `&T`
fn h<T: Speak>(t: T) -> u32 { t.shout() } //~ ERROR no method named `shout` found for type parameter `T`
fn main() { let _ = f(&Meter(1)); }
