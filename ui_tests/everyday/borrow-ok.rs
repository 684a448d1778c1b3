// Everyday Rust: borrows that NLL accepts.
//@ check-pass
#[derive(Debug, Clone)]
struct Acc { bal: i64, hist: Vec<i64> }
impl Acc {
    fn last(&self) -> Option<&i64> { self.hist.last() }
    fn dep(&mut self, x: i64) { self.bal += x; self.hist.push(x); }
    fn hist_mut(&mut self) -> &mut Vec<i64> { &mut self.hist }
    fn first_or(&mut self) -> i64 {
        let f = &self.hist[0];
        let n = *f;
        self.hist.push(n);
        n
    }
}
fn pick(v: &mut Vec<i32>, c: bool) -> i32 {
    let r = &mut v[0];
    if c {
        v.push(1);
        return 0;
    }
    *r += 1;
    *r
}
fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    println!("{}", first);
    v.push(4);
    let r = &mut v;
    r.push(5);
    v.push(6);
    let n = v.len();
    v.push(n as i32);
    v.push(v.len() as i32);
    let mut a = Acc { bal: 0, hist: vec![] };
    a.dep(3);
    let l = a.last();
    println!("{:?}", l);
    a.dep(4);
    let h = a.hist_mut();
    h.push(9);
    a.dep(1);
    let mut x = 5;
    let y = &x;
    let z = *y + 1;
    x = z;
    println!("{}", x);
    for i in 0..v.len() {
        let e = &mut v[i];
        *e += 1;
    }
    let mut arr = [1, 2, 3];
    for k in 0..3 {
        arr[k] = arr[k] * 2;
    }
    let s = &arr;
    println!("{:?} {}", s, a.first_or());
    let mut msg = String::from("a");
    let m = &mut msg;
    m.push_str("b");
    println!("{}", msg);
    let b = &a;
    let c = b.bal;
    a.bal = c;
    let mut p = Acc { bal: 1, hist: vec![] };
    let ph = &mut p.hist;
    p.bal = 3;
    ph.push(1);
    println!("{}", pick(&mut v, true));
}
