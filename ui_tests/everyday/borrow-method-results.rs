// Everyday Rust: borrows kept by method results.
struct Bank { accounts: Vec<i32> }
impl Bank {
    fn first(&self) -> &i32 { &self.accounts[0] }
    fn add(&mut self, a: i32) { self.accounts.push(a); }
}
fn main() {
    let mut b = Bank { accounts: Vec::new() };
    b.add(3);
    let f = b.first();
    b.add(4); //~ ERROR cannot borrow `b` as mutable because it is also borrowed as immutable
    println!("{}", f);
    let mut n = 3;
    let m = &mut n;
    println!("{}", n); //~ ERROR cannot borrow `n` as immutable because it is also borrowed as mutable
    *m += 1;
}
