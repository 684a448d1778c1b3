// Everyday Rust: borrow conflicts on fields, arrays and moves.
struct P { a: Vec<i32>, b: i32 }
fn take(v: Vec<i32>) -> usize { v.len() }
fn main() {
    let mut v = vec![1];
    let r = &mut v;
    let n = v.len(); //~ ERROR cannot borrow `v` as immutable because it is also borrowed as mutable
    r.push(2);

    let mut w = vec![1]; //~ WARN variable does not need to be mutable
    let r2 = &w;
    let moved = take(w); //~ ERROR cannot move out of `w` because it is borrowed
    println!("{} {}", r2.len(), moved);

    let mut p = P { a: vec![], b: 1 };
    let pa = &p.a;
    p.b = 5;
    p.a.push(3); //~ ERROR cannot borrow `p.a` as mutable because it is also borrowed as immutable
    println!("{:?}", pa);

    let mut q = 5;
    let qr = &mut q;
    let c = q; //~ ERROR cannot use `q` because it was mutably borrowed
    *qr = 3;
    println!("{} {}", c, n);

    let mut arr = [1, 2, 3];
    let e = &arr[0];
    arr[1] = 7; //~ ERROR cannot assign to `arr[_]` because it is borrowed
    //~| WARN value assigned to `arr` is never read
    println!("{}", e);

    let mut s = String::from("x");
    let t = &mut s;
    let u = &s; //~ ERROR cannot borrow `s` as immutable because it is also borrowed as mutable
    t.push_str("a");
    println!("{}", u);
}
