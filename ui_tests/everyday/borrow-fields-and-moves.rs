// Everyday Rust: borrows of fields against the whole, and a move while borrowed.
#[derive(Debug)]
struct P { a: Vec<i32>, b: i32 }
impl P { fn grow(&mut self) { self.b += 1; } fn sum(&self) -> i32 { self.b } }
fn main() {
    let mut p = P { a: vec![], b: 1 };
    let pa = &p.a;
    p.grow(); //~ ERROR cannot borrow `p` as mutable because it is also borrowed as immutable
    println!("{:?}", pa);
    let pb = &mut p.b;
    println!("{:?}", p); //~ ERROR cannot borrow `p` as immutable because it is also borrowed as mutable
    *pb += 1;
    let pp = &p;
    p.b = 4; //~ ERROR cannot assign to `p.b` because it is borrowed
    println!("{:?}", pp);
    let m = &mut p;
    let s = p.sum(); //~ ERROR cannot borrow `p` as immutable because it is also borrowed as mutable
    m.grow();
    let x = &mut p;
    let z = p; //~ ERROR cannot move out of `p` because it is borrowed
    x.grow();
    println!("{:?} {}", z, s);
}
