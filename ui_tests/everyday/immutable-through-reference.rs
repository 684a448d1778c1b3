// Everyday Rust: immutable through reference.
struct Account { balance: i64 }

fn charge(a: &Account, fee: i64) {
    a.balance -= fee; //~ ERROR cannot assign to `a.balance`, which is behind a `&` reference
}

fn main() {
    let acct = Account { balance: 100 };
    charge(&acct, 5);
    println!("{}", acct.balance);
}
