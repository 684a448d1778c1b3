// Everyday Rust: match arms of different types.
struct S;
impl S { fn take(&self, v: Vec<i32>) {} fn make(v: Vec<i32>) {} } //~ WARN unused variable: `v`
//~| WARN unused variable: `v`
fn main() {
    let c = 3;
    let a = match c { 1 => "a", _ => 0 }; //~ ERROR `match` arms have incompatible types
    let b = match c { 1 => "a", 2 => "b", 3 => "c", 4 => "d", 5 => "e", _ => 0 }; //~ ERROR `match` arms have incompatible types
    let v = vec![1];
    let s = S;
    s.take(v);
    println!("{:?}", v);
    let w = vec![1];
    S::make(w);
    println!("{:?}", w);
}
