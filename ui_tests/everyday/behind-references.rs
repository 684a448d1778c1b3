// Everyday Rust: writing through `&` references, moving a field out from behind one, and the casts
// and negations rustc refuses.
struct T { name: String, n: u8 }
impl T {
    fn name(&self) -> String { self.name } //~ ERROR cannot move out of `self.name` which is behind a shared reference
}
fn get(t: &T) -> String { let s = t.name; s } //~ ERROR cannot move out of `t.name` which is behind a shared reference
fn discount(prices: &Vec<f64>) {
    for p in prices {
        println!("{}", p);
    }
}
fn adjust(delta: u32) -> u32 { delta }
fn main() {
    let v = vec![1.5, 2.5];
    for p in &v {
        *p = *p * 0.5;
    }
    let a = 5;
    let r = &a;
    *r = 6;
    let code: u32 = 65;
    let c = code as char; //~ ERROR only `u8` can be cast as `char`, not `u32`
    let d = adjust(-3); //~ ERROR cannot apply unary operator `-` to type `u32`
    let mut arr = [1.0, 2.0];
    arr.push(3.0); //~ ERROR no method named `push` found for array `[{float}; 2]` in the current scope
    discount(&v);
}
