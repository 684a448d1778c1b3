// Everyday Rust: matches and ordering.
//@ check-pass
use std::cmp::Ordering;

#[derive(Debug, PartialEq)]
enum Token { Num(i64), Plus, Minus } //~ WARN variant `Minus` is never constructed

fn main() {
    let tokens = [Token::Num(3), Token::Plus, Token::Num(4)];
    let mut ops = 0;
    for t in tokens.iter() {
        if matches!(t, Token::Plus | Token::Minus) {
            ops += 1;
        }
    }
    match ops.cmp(&1) {
        Ordering::Less => println!("none"),
        Ordering::Equal => println!("one"),
        Ordering::Greater => println!("many"),
    }
}
