// Everyday Rust: a value moved again after its first move, and used after both.
fn take(v: Vec<u8>) {} //~ WARN unused variable: `v`
fn main() {
    let v = vec![1u8];
    take(v);
    take(v); //~ ERROR use of moved value: `v`
    println!("{}", v.len()); //~ ERROR borrow of moved value: `v`
    let s = String::from("a");
    let t = s; //~ WARN unused variable: `t`
    println!("{}", s); //~ ERROR borrow of moved value: `s`
    println!("{}", s);
}
