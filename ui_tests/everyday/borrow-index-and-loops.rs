// Everyday Rust: vector indexing, method borrows and for loops that conflict.
struct Inv { items: Vec<i32> }
impl Inv {
    fn top(&mut self) -> &mut i32 { &mut self.items[0] }
    fn peek(&self) -> Option<&i32> { self.items.get(0) }
    fn add(&mut self, x: i32) { self.items.push(x); }
    fn total(&self) -> i32 { 0 }
}
fn main() {
    let mut v = vec![1, 2];
    let f = &v[0];
    v[1] = 7; //~ ERROR cannot borrow `v` as mutable because it is also borrowed as immutable
    println!("{}", f);

    let mut inv = Inv { items: vec![1] };
    let t = inv.top();
    inv.add(2); //~ ERROR cannot borrow `inv` as mutable more than once at a time
    *t += 1;

    let p = inv.peek();
    inv.add(3);
    println!("{:?}", p);

    let t2 = inv.top();
    let s = inv.total(); //~ ERROR cannot borrow `inv` as immutable because it is also borrowed as mutable
    println!("{} {}", t2, s);

    for x in v.iter() {
        v.push(*x); //~ ERROR cannot borrow `v` as mutable because it is also borrowed as immutable
    }
    let mut a = [1, 2];
    for y in &mut a {
        a[0] = *y; //~ ERROR cannot assign to `a[_]` because it is borrowed
    }
}
