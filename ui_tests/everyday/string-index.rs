// Everyday Rust: indexing a string by a number, and a deprecated method.
struct Limiter { n: u32 }
impl Limiter {
    #[deprecated(note = "use try_acquire instead")]
    fn acquire(&self) -> u32 { self.n }
}
fn main() {
    let s = String::from("ab");
    let i: usize = 1;
    let c = s[i]; //~ ERROR the type `str` cannot be indexed by `usize`
    let t = "xy";
    let d = t[0]; //~ ERROR the type `str` cannot be indexed by `{integer}`
    let l = Limiter { n: 1 };
    let _ = l.acquire(); //~ WARN use of deprecated method `Limiter::acquire`: use try_acquire instead
}
