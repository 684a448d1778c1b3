// Everyday Rust: a `&mut` parameter given a value, two mutable borrows of an array, and a moved
// shorthand field.
struct Contact { name: String }
fn damage(hp: &mut i32, amount: i32) { *hp -= amount; }
fn transfer(a: &mut u32, b: &mut u32) { *a += *b; }
fn fight() {
    let mut hp = 100;
    damage(hp, 5); //~ ERROR mismatched types
}
fn bank() {
    let mut gold = [1u32, 2];
    let a = &mut gold[0];
    let b = &mut gold[1]; //~ ERROR cannot borrow `gold[_]` as mutable more than once at a time
    transfer(a, b);
}
fn book() {
    let name = String::from("ann");
    let c = Contact { name };
    println!("{} {}", name, c.name); //~ ERROR borrow of moved value: `name`
}
fn main() { fight(); bank(); book(); }
