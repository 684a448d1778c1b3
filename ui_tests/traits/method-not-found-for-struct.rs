// E0599 on a struct receiver labels the struct's definition.
struct A;
struct Account { balance: u32 }
fn main() {
    A.go(); //~ ERROR no method named `go` found for struct `A`
    let acc = Account { balance: 3 };
    acc.withdraw(2); //~ ERROR no method named `withdraw` found for struct `Account`
    let _b = acc.balance;
}
