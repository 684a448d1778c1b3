// Associated constructors of generic impls infer the impl's parameters from the arguments or take them
// from a turbofish, and a trait's default method can call the trait's other methods on `self`.
//@ check-pass
#![allow(dead_code)]
struct W<T> { v: T }
impl<T> W<T> { fn new(v: T) -> W<T> { W { v } } }
struct Pair<T> { l: T, r: T }
impl<T> Pair<T> { fn new(l: T, r: T) -> Pair<T> { Pair { l, r } } }
trait G {
    fn id(&self) -> u32;
    fn twice(&self) -> u32 { self.id() * 2 }
}
fn main() {
    let w = W::new(1);
    let _x = w.v;
    let p = Pair::new(1, 2);
    let _y = p.l + p.r + 3;
    let q = W::<u8>::new(4);
    let _z: u8 = q.v;
}
