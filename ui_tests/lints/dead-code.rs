//@ check-pass
fn never_called() {} //~ WARN function `never_called` is never used
const LIMIT: i32 = 10; //~ WARN constant `LIMIT` is never used
static GREETING: i32 = 5; //~ WARN static `GREETING` is never used
struct Ghost { id: i32 } //~ WARN struct `Ghost` is never constructed
type Alias = i32; //~ WARN type alias `Alias` is never used

fn used() -> i32 { 3 }

fn main() {
    let _ = used();
}
