struct Account { balance: i64 }

impl Account {
    fn deposit(&mut self, amount: i64) { self.balance = self.balance + amount; }
}

fn main() {
    let mut acct = Account { balance: 0 };
    acct.deposit(true); //~ ERROR mismatched types
}
