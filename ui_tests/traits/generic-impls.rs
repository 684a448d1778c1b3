//@ check-pass
trait Inner {}
trait Outer {}
struct Pair<A, B>(A, B);
struct Leaf;
impl Inner for Leaf {}
impl Inner for u16 {}
impl<A: Inner, B: Inner> Outer for Pair<A, B> {}

fn use_outer<T: Outer>(value: T) {
    let _ = value;
}

fn main() {
    use_outer(Pair(Leaf, 3u16));
}
