// Everyday Rust: a moved argument of a method, a use through a reference, an `if` without `else`
// whose block is itself the error.
struct Token { text: String }
struct Lexer { count: u32 }
impl Lexer {
    fn consume(&mut self, tok: Token) -> u32 { self.count += 1; self.count } //~ WARN unused variable: `tok`
}
struct Board { best: u32 }
impl Board {
    fn best(&self) -> &u32 { &self.best }
    fn bump(&mut self) { self.best += 1; }
}
fn lexing() {
    let mut lx = Lexer { count: 0 };
    let tok = Token { text: String::from("fn") };
    lx.consume(tok);
    println!("{}", tok.text); //~ ERROR borrow of moved value: `tok`
}
fn scoring() {
    let mut board = Board { best: 1 };
    let leader = board.best();
    board.bump(); //~ ERROR cannot borrow `board` as mutable because it is also borrowed as immutable
    let _top = *leader;
}
fn locked(failures: u32) -> bool {
    if failures == 0 {
        true
    } else {
        if failures > 3 { //~ ERROR mismatched types
            println!("locked");
        }
    }
}
fn main() { lexing(); scoring(); let _ = locked(1); }
