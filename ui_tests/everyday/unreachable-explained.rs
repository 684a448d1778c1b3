// Everyday Rust: what makes a match arm unreachable.
//@ check-pass
enum E { A, B, C } //~ WARN variants `A` and `C` are never constructed
fn f(e: E, n: u8, o: Option<i32>, t: (bool, bool)) {
    match e { E::A => {}, _ => {}, E::A => {} } //~ WARN unreachable pattern
    match e { E::A => {}, E::B => {}, E::A | E::C => {} } //~ WARN unreachable pattern
    match n { 1 => {}, 2 => {}, 1..=2 => {}, _ => {} } //~ WARN unreachable pattern
    match n { 0..=10 => {}, 5 => {}, _ => {} } //~ WARN unreachable pattern
    match o { Some(_) => {}, None => {}, Some(3) => {} } //~ WARN unreachable pattern
    match o {
        Some(1) => {}, Some(2) => {}, Some(3) => {}, Some(4) => {}, Some(5) => {}, Some(1..=5) => {}, //~ WARN unreachable pattern
        _ => {}
    }
    match t { (true, _) => {}, (_, true) => {}, (true, true) => {}, _ => {} } //~ WARN unreachable pattern
    match t { (_, _) => {}, (true, true) => {} } //~ WARN unreachable pattern
    match n { x => {}, 3 => {} } //~ WARN unreachable pattern
    //~| WARN unused variable: `x`
}
fn main() { f(E::B, 1, None, (true, false)); }
